package metrics_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

// distinctIDs drops the analyses that re-use an earlier ID: with them a
// Coverage keeps the record whose encoding sorts first and a bounded Coverage the
// first added, so the two would describe different articles.
func distinctIDs(as []*stocknews.Analysis) []*stocknews.Analysis {
	seen := make(map[string]bool)
	var out []*stocknews.Analysis
	for _, a := range as {
		if a.Err == nil {
			if seen[a.Article.ID] {
				continue
			}
			seen[a.Article.ID] = true
		}
		out = append(out, a)
	}
	return out
}

// comparable renders a table for comparison with relevance rounded to
// 10⁻⁶ (both forms sum it in fixed point) and, unless novelty is set, the
// novelty figures left out.
func comparable(t *metrics.Table, novelty bool) string {
	c := *t
	c.Rows = make([]metrics.Stats, len(t.Rows))
	for i, r := range t.Rows {
		r.Relevance = math.Round(r.Relevance*1e6) / 1e6
		if !novelty {
			r.Novel, r.Repeated = 0, 0
		}
		c.Rows[i] = r
	}
	if !novelty {
		c.Stories = 0
	}
	return dump(&c)
}

func rollup(as []*stocknews.Analysis, opts *metrics.Options) *metrics.Coverage {
	u := newBounded(opts)
	for _, a := range as {
		u.Add(a)
	}
	return u
}

// With every article remembered, a bounded Coverage gives the Coverage's table.
func TestBoundedMatchesExact(t *testing.T) {
	as, _, _, _ := corpus(t)
	for _, opts := range []*metrics.Options{
		nil,
		{Cutoff: metrics.MarketClose},
		{MinRelevance: 0.5, TopPairs: 1},
		{AsOf: bj(t, "2024-03-10 12:00"), Baseline: 3, MinBaseline: 1},
	} {
		want := build(as, opts).Table()
		got := rollup(as, opts).Table()
		if g, w := comparable(got, true), comparable(want, true); g != w {
			t.Errorf("options %+v:\n got %s\nwant %s", opts, g, w)
		}
	}

	r := rand.New(rand.NewPCG(3, 4))
	for n := range []int{0, 1, 2} {
		as := distinctIDs(randomCorpus(t, r, 300+200*n))
		opts := &metrics.Options{Baseline: 7, MinBaseline: 2}
		want := build(as, opts).Table()
		got := rollup(as, opts).Table()
		if g, w := comparable(got, true), comparable(want, true); g != w {
			t.Errorf("random corpus %d:\n got %s\nwant %s", n, g, w)
		}
	}
}

// Added twice, an article counts once while it is remembered.
func TestBoundedRepeats(t *testing.T) {
	as, a, _, _ := corpus(t) // a1 is there twice, and one analysis failed
	u := rollup(as, nil)
	if u.Len() != 4 || u.Repeats() != 1 || u.Errors() != 1 {
		t.Errorf("Len %d Repeats %d Errors %d, want 4 1 1", u.Len(), u.Repeats(), u.Errors())
	}
	if r := u.Table().Row(a); r == nil || r.Articles != 3 {
		t.Errorf("600519.SH: %+v", r)
	}
	zero := newBounded(nil)
	zero.Add(as[0])
	zero.Add(nil)
	if tab := zero.Table(); tab.Articles != 1 || tab.Row(a) == nil {
		t.Errorf("bounded with defaults: %+v", tab)
	}
}

// Shards merged in any order give the single pass's figures, novelty
// aside, which can only grow when a story is split over shards.
func TestBoundedMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	as := distinctIDs(randomCorpus(t, r, 800))
	opts := &metrics.Options{Cutoff: metrics.MarketClose}
	one := rollup(as, opts).Table()
	for k := range []int{2, 3, 7} {
		k += 2
		shards := make([]*metrics.Coverage, k)
		for i := range shards {
			shards[i] = newBounded(opts)
		}
		for _, p := range r.Perm(len(as)) {
			shards[r.IntN(k)].Add(as[p])
		}
		for len(shards) > 1 {
			i := r.IntN(len(shards) - 1)
			if err := shards[i].Merge(shards[i+1]); err != nil {
				t.Fatal(err)
			}
			shards = append(shards[:i+1], shards[i+2:]...)
		}
		got := shards[0].Table()
		if g, w := comparable(got, false), comparable(one, false); g != w {
			t.Errorf("%d shards:\n got %s\nwant %s", k, g, w)
		}
		for i, row := range got.Rows {
			if want := one.Row(row.Symbol); row.Novel < want.Novel || row.Novel > row.Articles {
				t.Errorf("%d shards, row %d %s: novel %d, single pass %d, articles %d", k, i, row.Symbol, row.Novel, want.Novel, row.Articles)
			}
		}
	}
	u := newBounded(nil)
	if err := u.Merge(u); err == nil {
		t.Error("merging a bounded Coverage into itself: no error")
	}
	if err := u.Merge(newBounded(&metrics.Options{Cutoff: metrics.MarketClose})); err == nil {
		t.Error("merging bounded Coverages of different cutoffs: no error")
	}
	if err := u.Merge(newBounded(&metrics.Options{MaxHamming: 5})); err == nil {
		t.Error("merging bounded Coverages of different Hamming distances: no error")
	}
	if err := u.Merge(newBounded(&metrics.Options{TopPairs: 9})); err != nil {
		t.Errorf("TopPairs is applied by Table, yet: %v", err)
	}
}

// streamCorpus returns n analyses in publication order, one every ten
// minutes, over 12 securities; about one in five re-posts one of the ten
// articles before it.
func streamCorpus(tb testing.TB, r *rand.Rand, n int) []*stocknews.Analysis {
	var syms []ticker.Symbol
	for i := range 12 {
		syms = append(syms, sym(tb, fmt.Sprintf("6000%02d", i), ticker.SH))
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var texts []string
	var out []*stocknews.Analysis
	for i := range n {
		text := randomText(r, 80)
		if i >= 10 && r.IntN(5) == 0 {
			text = texts[i-1-r.IntN(10)]
		}
		texts = append(texts, text)
		var links []ticker.Link
		for _, k := range r.Perm(len(syms))[:1+r.IntN(3)] {
			links = append(links, link(syms[k], "名", 1+r.IntN(3), 0.8, false))
		}
		out = append(out, analysis("s"+strconv.Itoa(i), start.Add(time.Duration(i)*10*time.Minute), "社", text, links))
	}
	return out
}

// A small budget bounds what a bounded Coverage remembers; on a stream in
// publication order whose re-posts come soon after the original, the
// figures stay those of a Coverage.
func TestBoundedBudget(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	as := streamCorpus(t, r, 5000)
	opts := &metrics.Options{Recent: 64}
	u := rollup(as, opts)
	// Re-sent soon after, an article is a repeat; re-sent long after, it
	// is forgotten and counts again.
	u.Add(as[len(as)-3])
	if u.Repeats() != 1 {
		t.Errorf("a recent article re-sent: %d repeats", u.Repeats())
	}
	u.Add(as[0])
	if u.Len() != len(as)+1 {
		t.Errorf("the first article re-sent after %d others: Len %d", len(as), u.Len())
	}
	want := build(as, opts).Table()
	got := rollup(as, opts).Table()
	if g, w := comparable(got, true), comparable(want, true); g != w {
		t.Errorf("budget 64:\n got %s\nwant %s", g, w)
	}
	if got.Stories >= len(as) || got.Stories < len(as)*3/4 {
		t.Errorf("%d stories among %d articles", got.Stories, len(as))
	}
}

// Memory does not grow with the articles: a hundred times the articles
// with the same budget leaves the live heap about where it was.
func TestBoundedBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skips the memory test")
	}
	r := rand.New(rand.NewPCG(9, 10))
	as := streamCorpus(t, r, 2000)
	heap := func(rounds int) uint64 {
		u := newBounded(&metrics.Options{Recent: 512})
		base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		for round := range rounds {
			for i, a := range as {
				b := *a
				b.Article.ID = fmt.Sprintf("r%d-%d", round, i)
				b.Article.Published = base.Add(time.Duration(round*len(as)+i) * time.Minute)
				b.Article.Text = a.Article.Text + strconv.Itoa(round) // new stories
				u.Add(&b)
			}
		}
		if u.Len() != rounds*len(as) {
			t.Fatalf("Len %d, want %d", u.Len(), rounds*len(as))
		}
		return liveHeap(u)
	}
	small, large := heap(1), heap(100)
	t.Logf("live heap after 2,000 articles %d kB, after 200,000 %d kB", small>>10, large>>10)
	// The daily counts grow with the days covered (about 140 here, a
	// few kB), nothing else with the articles.
	if large > small+small/2+(1<<20) {
		t.Errorf("live heap grew from %d kB to %d kB", small>>10, large>>10)
	}
}

// liveHeap returns the bytes of heap still reachable with v alive.
func liveHeap(v any) uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	runtime.KeepAlive(v)
	return ms.HeapAlloc
}

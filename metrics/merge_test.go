package metrics_test

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

// randomText returns n random CJK characters.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteRune(rune(0x4e00 + r.IntN(3000)))
	}
	return b.String()
}

// randomCorpus returns n synthetic analyses over 40 days and 8 securities:
// a third re-post an earlier text (exact near-duplicates, another outlet),
// some re-use an earlier ID with different content, a few are undated, and
// a few failed.
func randomCorpus(tb testing.TB, r *rand.Rand, n int) []*stocknews.Analysis {
	var syms []ticker.Symbol
	for _, c := range []string{"600519", "601318", "600036", "688981"} {
		syms = append(syms, sym(tb, c, ticker.SH))
	}
	for _, c := range []string{"000001", "300750"} {
		syms = append(syms, sym(tb, c, ticker.SZ))
	}
	for _, c := range []string{"00700", "09988"} {
		syms = append(syms, sym(tb, c, ticker.HK))
	}
	media := []string{"证券时报", "中国证券报", "上海证券报", "财联社", ""}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var texts []string
	out := make([]*stocknews.Analysis, 0, n)
	for i := range n {
		if r.IntN(20) == 0 {
			out = append(out, &stocknews.Analysis{File: "bad" + strconv.Itoa(i), Err: errBroken})
			continue
		}
		id := "n" + strconv.Itoa(i)
		if i > 0 && r.IntN(15) == 0 {
			id = "n" + strconv.Itoa(r.IntN(i)) // an ID clash with different content
		}
		var text string
		if len(texts) > 0 && r.IntN(3) == 0 {
			text = texts[r.IntN(len(texts))]
		} else {
			text = randomText(r, 40+r.IntN(200))
			texts = append(texts, text)
		}
		var pub time.Time
		if r.IntN(12) != 0 {
			pub = start.Add(time.Duration(r.Int64N(int64(40 * 24 * time.Hour))))
		}
		var links []ticker.Link
		var claims []ticker.Symbol
		for _, k := range r.Perm(len(syms))[:r.IntN(4)] {
			links = append(links, link(syms[k], "名"+strconv.Itoa(r.IntN(2)), r.IntN(5), float64(r.IntN(11))/10, r.IntN(3) == 0))
			for range r.IntN(3) {
				claims = append(claims, syms[k])
			}
		}
		out = append(out, analysis(id, pub, media[r.IntN(len(media))], text, links, claims...))
	}
	return out
}

// shardAndMerge splits as into k random shards (in random order), builds a
// Coverage per shard, sends half of them through MarshalBinary and
// UnmarshalBinary, and merges them in random order and shape.
func shardAndMerge(t *testing.T, r *rand.Rand, as []*stocknews.Analysis, k int, opts *metrics.Options) *metrics.Coverage {
	perm := r.Perm(len(as))
	shards := make([]*metrics.Coverage, k)
	for i := range shards {
		shards[i] = metrics.New(opts)
	}
	for _, p := range perm {
		shards[r.IntN(k)].Add(as[p])
	}
	for i, s := range shards {
		if r.IntN(2) == 0 {
			b, err := s.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			d := metrics.New(opts)
			if err := d.UnmarshalBinary(b); err != nil {
				t.Fatalf("shard %d: %v", i, err)
			}
			shards[i] = d
		}
	}
	// Merge random pairs until one is left: any tree shape.
	for len(shards) > 1 {
		i, j := r.IntN(len(shards)), r.IntN(len(shards)-1)
		if j >= i {
			j++
		}
		if err := shards[i].Merge(shards[j]); err != nil {
			t.Fatal(err)
		}
		shards = append(shards[:j], shards[j+1:]...)
	}
	return shards[0]
}

func TestMergeProperty(t *testing.T) {
	// Any split of the inputs into shards, merged in any order (some via
	// bytes), gives exactly the single-pass result: the same encoding and
	// the same table, to the last bit.
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 60 {
		opts := &metrics.Options{Baseline: 1 + r.IntN(20), MinBaseline: 1 + r.IntN(5), MaxHamming: r.IntN(9) - 1}
		if r.IntN(2) == 0 {
			opts.Cutoff = metrics.MarketClose
		}
		if r.IntN(3) == 0 {
			opts.MinRelevance = 0.5
		}
		if r.IntN(3) == 0 {
			opts.AsOf = time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)
		}
		as := randomCorpus(t, r, 20+r.IntN(150))
		single := build(as, opts)
		wantBytes, _ := single.MarshalBinary()
		wantTable := dump(single.Table())
		k := 1 + r.IntN(7)
		got := shardAndMerge(t, r, as, k, opts)
		gotBytes, _ := got.MarshalBinary()
		if !bytes.Equal(gotBytes, wantBytes) {
			t.Fatalf("round %d, %d shards: encodings differ", round, k)
		}
		if g := dump(got.Table()); g != wantTable {
			t.Fatalf("round %d, %d shards: tables differ:\n%s\nwant\n%s", round, k, g, wantTable)
		}
		gn, wn := got.Novelty(), single.Novelty()
		for i := range wn {
			if gn[i] != wn[i] {
				t.Fatalf("round %d: novelty %d: %+v, want %+v", round, i, gn[i], wn[i])
			}
		}
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	as := randomCorpus(t, r, 200)
	cov := build(as, nil)
	b, err := cov.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	back := metrics.New(nil)
	if err := back.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	b2, _ := back.MarshalBinary()
	if !bytes.Equal(b, b2) {
		t.Error("re-encoding differs")
	}
	if dump(back.Table()) != dump(cov.Table()) {
		t.Error("decoded table differs")
	}
	if back.Errors() != cov.Errors() || back.Len() != cov.Len() {
		t.Errorf("Len, Errors = %d, %d; want %d, %d", back.Len(), back.Errors(), cov.Len(), cov.Errors())
	}
}

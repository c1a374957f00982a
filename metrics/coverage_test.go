package metrics_test

import (
	"math"
	"strconv"
	"testing"
	"time"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

// Synthetic article texts, written for these tests.
const (
	textLiquor = "示例白酒公司发布年度业绩预告\n公司预计全年营业收入同比增长约百分之十五，高端产品出货量创历史新高，渠道库存保持健康。"
	textBank   = "示例银行披露三季度经营数据\n净息差环比企稳，不良贷款率较年初下降，零售存款余额继续增长。"
	textGame   = "示例游戏公司新品上线首周流水可观\n多款产品进入畅销榜前列，海外市场收入占比持续提升。"
)

// corpus is the hand-worked corpus of TestTable. A = 600519.SH, B = 000001.SZ,
// C = 00700.HK; times are Beijing time.
//
//	a1  2024-03-01 09:00  证券时报    textLiquor  A(3 mentions, rel 1.0, title, 2 claims) B(1, 0.5); 1 claim on C (not linked)
//	a2  2024-03-01 16:00  中国证券报  textLiquor  A(2, 0.8)                 same text: same story as a1
//	a3  2024-03-03 10:00  证券时报    textGame    A(1, 0.4) C(2, 0.9, title)
//	a4  undated           (none)      textBank    B(1, 0.2)
//	a1 again (counted once), and one failed analysis.
func corpus(t testing.TB) (as []*stocknews.Analysis, a, b, c ticker.Symbol) {
	a = sym(t, "600519", ticker.SH)
	b = sym(t, "000001", ticker.SZ)
	c = sym(t, "00700", ticker.HK)
	a1 := analysis("a1", bj(t, "2024-03-01 09:00"), "证券时报", textLiquor,
		[]ticker.Link{link(a, "贵州茅台", 3, 1.0, true), link(b, "平安银行", 1, 0.5, false)}, a, a, c)
	a2 := analysis("a2", bj(t, "2024-03-01 16:00"), "中国证券报", textLiquor,
		[]ticker.Link{link(a, "茅台", 2, 0.8, false)})
	a3 := analysis("a3", bj(t, "2024-03-03 10:00"), "证券时报", textGame,
		[]ticker.Link{link(a, "贵州茅台", 1, 0.4, false), link(c, "腾讯控股", 2, 0.9, true)})
	a4 := analysis("a4", time.Time{}, "", textBank,
		[]ticker.Link{link(b, "平安银行", 1, 0.2, false)})
	bad := &stocknews.Analysis{File: "broken.md", Err: errBroken}
	return []*stocknews.Analysis{a1, a2, a3, a4, a1, bad}, a, b, c
}

func build(as []*stocknews.Analysis, opts *metrics.Options) *metrics.Coverage {
	cov := metrics.New(opts)
	for _, a := range as {
		cov.Add(a)
	}
	return cov
}

func TestTable(t *testing.T) {
	as, a, b, c := corpus(t)
	cov := build(as, nil)
	if cov.Len() != 4 || cov.Errors() != 1 {
		t.Fatalf("Len, Errors = %d, %d; want 4, 1", cov.Len(), cov.Errors())
	}
	tab := cov.Table()

	// Corpus: 4 distinct articles, all linked; stories {a1,a2} {a3} {a4}.
	// Dated days 2024-03-01 … 2024-03-03, as of the last.
	if tab.Articles != 4 || tab.Linked != 4 || tab.Stories != 3 || tab.Errors != 1 {
		t.Errorf("Articles, Linked, Stories, Errors = %d, %d, %d, %d; want 4, 4, 3, 1",
			tab.Articles, tab.Linked, tab.Stories, tab.Errors)
	}
	if got := tab.Start.Format(time.DateTime); got != "2024-03-01 00:00:00" {
		t.Errorf("Start = %s", got)
	}
	if got := tab.AsOf.Format(time.DateOnly); got != "2024-03-03" {
		t.Errorf("AsOf = %s", got)
	}
	if len(tab.Rows) != 3 || tab.Rows[0].Symbol != a || tab.Rows[1].Symbol != b || tab.Rows[2].Symbol != c {
		t.Fatalf("rows not ordered A, B, C by articles: %v", tab.Rows)
	}
	nan := math.NaN()
	type want struct {
		name                            string
		articles, mentions, title, clms int
		rel                             float64
		first, last                     string
		active, media                   int
		hhi, sov                        float64
		novel, repeated                 int
		series                          []float64
		w1, w7                          int
		degree                          int
	}
	wants := []want{
		// A: a1 a2 a3. mentions 3+2+1; relevance 1.0+0.8+0.4; title a1; claims 2 (a1).
		// media 证券时报 2, 中国证券报 1: HHI (2/3)²+(1/3)² = 5/9.
		// share 3/(3+2+1). a2 repeats a1's story: novel 2, repeated 1.
		// days 03-01: a1 a2; 03-03: a3. partners B (a1), C (a3).
		{"贵州茅台", 3, 6, 1, 2, 2.2, "2024-03-01 09:00", "2024-03-03 10:00", 2, 2, 5.0 / 9, 0.5, 2, 1, []float64{2, 0, 1}, 1, 3, 2},
		// B: a1 a4 (undated: in counts, not in series or dates). media: only a1 names one.
		{"平安银行", 2, 2, 0, 0, 0.7, "2024-03-01 09:00", "2024-03-01 09:00", 1, 1, 1, 2.0 / 6, 2, 0, []float64{1, 0, 0}, 0, 1, 1},
		// C: a3 only; the claim on C in a1 does not count (a1 does not link C).
		{"腾讯控股", 1, 2, 1, 0, 0.9, "2024-03-03 10:00", "2024-03-03 10:00", 1, 1, 1, 1.0 / 6, 1, 0, []float64{0, 0, 1}, 1, 1, 1},
	}
	for i, w := range wants {
		r := tab.Rows[i]
		if r.Name != w.name || r.Articles != w.articles || r.Mentions != w.mentions ||
			r.TitleArticles != w.title || r.Claims != w.clms || !near(r.Relevance, w.rel) {
			t.Errorf("%s: name %q articles %d mentions %d title %d claims %d rel %v; want %+v",
				r.Symbol, r.Name, r.Articles, r.Mentions, r.TitleArticles, r.Claims, r.Relevance, w)
		}
		if got := r.FirstSeen.Format("2006-01-02 15:04"); got != w.first {
			t.Errorf("%s: FirstSeen %s, want %s", r.Symbol, got, w.first)
		}
		if got := r.LastSeen.Format("2006-01-02 15:04"); got != w.last {
			t.Errorf("%s: LastSeen %s, want %s", r.Symbol, got, w.last)
		}
		if r.ActiveDays != w.active || r.Media != w.media || !near(r.MediaHHI, w.hhi) || !near(r.ShareOfVoice, w.sov) {
			t.Errorf("%s: active %d media %d hhi %v sov %v; want %d %d %v %v",
				r.Symbol, r.ActiveDays, r.Media, r.MediaHHI, r.ShareOfVoice, w.active, w.media, w.hhi, w.sov)
		}
		if r.Novel != w.novel || r.Repeated != w.repeated {
			t.Errorf("%s: novel %d repeated %d; want %d %d", r.Symbol, r.Novel, r.Repeated, w.novel, w.repeated)
		}
		if len(r.Series.Counts) != len(w.series) {
			t.Errorf("%s: series %v, want %v", r.Symbol, r.Series.Counts, w.series)
		} else {
			for d := range w.series {
				if r.Series.Counts[d] != w.series[d] {
					t.Errorf("%s: series %v, want %v", r.Symbol, r.Series.Counts, w.series)
					break
				}
			}
		}
		// 1- and 7-day windows end on 03-03; the 30-day window holds everything dated.
		if r.Window1 != w.w1 || r.Window7 != w.w7 || r.Window30 != w.w7 {
			t.Errorf("%s: windows %d %d %d; want %d %d %d", r.Symbol, r.Window1, r.Window7, r.Window30, w.w1, w.w7, w.w7)
		}
		// Three days of history are below the 20-day minimum baseline.
		if !near(r.Abnormal, nan) || !near(r.AbnormalZ, nan) || r.Heat != 0 {
			t.Errorf("%s: abnormal %v z %v heat %d; want NaN NaN 0", r.Symbol, r.Abnormal, r.AbnormalZ, r.Heat)
		}
		if r.Degree != w.degree {
			t.Errorf("%s: degree %d, want %d", r.Symbol, r.Degree, w.degree)
		}
	}

	// Co-mention: N = 4 linked articles; n_A 3, n_B 2, n_C 1.
	// A–C: C 1, Jaccard 1/(3+1−1) = 1/3, PMI ln(1·4/(3·1)) = ln(4/3).
	// A–B: C 1, Jaccard 1/(3+2−1) = 1/4, PMI ln(1·4/(3·2)) = ln(2/3).
	// Equal counts: the higher Jaccard first. In a pair the symbol that sorts
	// first ("000001.SZ" < "00700.HK" < "600519.SH") comes first.
	wantPairs := []metrics.Pair{
		{Symbol: c, Other: a, Articles: 1, Jaccard: 1.0 / 3, PMI: math.Log(4.0 / 3)},
		{Symbol: b, Other: a, Articles: 1, Jaccard: 1.0 / 4, PMI: math.Log(2.0 / 3)},
	}
	if len(tab.Pairs) != len(wantPairs) {
		t.Fatalf("Pairs = %+v", tab.Pairs)
	}
	for i, w := range wantPairs {
		p := tab.Pairs[i]
		if p.Symbol != w.Symbol || p.Other != w.Other || p.Articles != w.Articles || !near(p.Jaccard, w.Jaccard) || !near(p.PMI, w.PMI) {
			t.Errorf("Pairs[%d] = %+v, want %+v", i, p, w)
		}
	}
	// A's top pairs are seen from A.
	if tp := tab.Rows[0].TopPairs; len(tp) != 2 || tp[0].Symbol != a || tp[0].Other != c || tp[1].Other != b {
		t.Errorf("A.TopPairs = %+v", tp)
	}
	// PageRank on the star B–A–C: symmetric leaves, a heavier centre, sum 1.
	pa, pb, pc := tab.Rows[0].PageRank, tab.Rows[1].PageRank, tab.Rows[2].PageRank
	if !(pa > pb) || math.Abs(pb-pc) > 1e-9 || math.Abs(pa+pb+pc-1) > 1e-9 {
		t.Errorf("PageRank A %v B %v C %v", pa, pb, pc)
	}
}

func TestTableCutoff(t *testing.T) {
	// With the 15:00 close, a2 (16:00 on 03-01) counts to 03-02, so A is
	// active on three days: [1, 1, 1].
	as, a, _, _ := corpus(t)
	tab := build(as, &metrics.Options{Cutoff: metrics.MarketClose}).Table()
	r := tab.Row(a)
	if r == nil || r.ActiveDays != 3 || len(r.Series.Counts) != 3 || r.Series.Counts[1] != 1 {
		t.Fatalf("A with cutoff: %+v", r)
	}
}

func TestTableMinRelevance(t *testing.T) {
	// At 0.5, A loses a3 (0.4) and B loses a4 (0.2); a4 no longer links
	// anything, and C stays (0.9) but no longer pairs with A.
	as, a, b, c := corpus(t)
	tab := build(as, &metrics.Options{MinRelevance: 0.5}).Table()
	for _, w := range []struct {
		s        ticker.Symbol
		articles int
		degree   int
	}{{a, 2, 1}, {b, 1, 1}, {c, 1, 0}} {
		r := tab.Row(w.s)
		if r == nil || r.Articles != w.articles || r.Degree != w.degree {
			t.Errorf("%s: %+v; want articles %d degree %d", w.s, r, w.articles, w.degree)
		}
	}
	if tab.Linked != 3 {
		t.Errorf("Linked = %d, want 3", tab.Linked)
	}
}

func TestTableAsOf(t *testing.T) {
	// As of 2024-03-10 the series runs 03-01 … 03-10: A's last article
	// (03-03) is inside the 30- but not the 7-day window (03-04 … 03-10).
	as, a, _, _ := corpus(t)
	tab := build(as, &metrics.Options{AsOf: bj(t, "2024-03-10 12:00")}).Table()
	r := tab.Row(a)
	if r.Series.Len() != 10 || r.Window1 != 0 || r.Window7 != 0 || r.Window30 != 3 {
		t.Errorf("A as of 03-10: len %d windows %d %d %d", r.Series.Len(), r.Window1, r.Window7, r.Window30)
	}
}

func TestEmpty(t *testing.T) {
	tab := metrics.New(nil).Table()
	if tab.Articles != 0 || len(tab.Rows) != 0 || !tab.AsOf.IsZero() {
		t.Errorf("empty table: %+v", tab)
	}
}

func TestNovelty(t *testing.T) {
	// One story (identical texts) at 0 h, 10 h, 30 h and 60 h, plus an
	// unrelated article at 5 h:
	//   s0  leader                                    k 1  100
	//   s10 s0 within 24 h                            k 2  75
	//   s30 s10 within 24 h (20 h), s0 not (30 h)      k 2  75
	//   s60 nothing within 24 h (s30 is 30 h before)  k 0  0: a stale repeat
	base := bj(t, "2024-05-06 08:00")
	at := func(h int) time.Time { return base.Add(time.Duration(h) * time.Hour) }
	cov := metrics.New(nil)
	for _, h := range []int{60, 0, 30, 10} {
		cov.Add(analysis("s"+strconv.Itoa(h), at(h), "", textLiquor, nil))
	}
	cov.Add(analysis("other", at(5), "", textBank, nil))
	want := []metrics.ArticleNovelty{
		{ID: "s0.md", Story: "s0.md", K: 1, Score: 100},
		{ID: "other.md", Story: "other.md", K: 1, Score: 100},
		{ID: "s10.md", Story: "s0.md", K: 2, Score: 75},
		{ID: "s30.md", Story: "s0.md", K: 2, Score: 75},
		{ID: "s60.md", Story: "s0.md", K: 0, Score: 0},
	}
	got := cov.Novelty()
	if len(got) != len(want) {
		t.Fatalf("Novelty = %+v", got)
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.ID || g.Story != w.Story || g.K != w.K || g.Score != w.Score {
			t.Errorf("Novelty[%d] = %+v, want %+v", i, g, w)
		}
	}
}

func TestNoveltyScore(t *testing.T) {
	// 100·0.75^(k−1): 100, 75, 56.25, 42.19, 31.64, rounded.
	for k, want := range map[int]float64{0: 0, 1: 100, 2: 75, 3: 56, 4: 42, 5: 32} {
		if got := metrics.NoveltyScore(k); got != want {
			t.Errorf("NoveltyScore(%d) = %v, want %v", k, got, want)
		}
	}
}

func TestMergeDedupe(t *testing.T) {
	// Two shards that both hold a1 count it once; errors add up.
	as, _, _, _ := corpus(t)
	x := build(as[:3], nil)
	y := build(as[2:], nil)
	if err := x.Merge(y); err != nil {
		t.Fatal(err)
	}
	if err := x.Merge(x); err != nil { // a no-op
		t.Fatal(err)
	}
	if err := x.Merge(nil); err != nil {
		t.Fatal(err)
	}
	want := build(as, nil)
	if x.Len() != want.Len() || x.Errors() != want.Errors() || dump(x.Table()) != dump(want.Table()) {
		t.Errorf("merged shards differ from a single pass:\n%s\nwant\n%s", dump(x.Table()), dump(want.Table()))
	}
}

func TestPageRankAgreesWithGonum(t *testing.T) {
	// A small co-mention graph: A–B in 3 articles, A–C in 1, B–C in 1, D–E in
	// 2, F alone. gonum's edge-weighted PageRank is the reference.
	var s []ticker.Symbol
	for _, code := range []string{"600000", "600001", "600002", "600003", "600004", "600005"} {
		s = append(s, sym(t, code, ticker.SH))
	}
	groups := [][]int{{0, 1}, {0, 1}, {0, 1}, {0, 2}, {1, 2}, {3, 4}, {3, 4}, {5}}
	cov := metrics.New(nil)
	g := simple.NewWeightedDirectedGraph(0, 0)
	for i := range s {
		g.AddNode(simple.Node(int64(i)))
	}
	w := map[[2]int]float64{}
	for i, grp := range groups {
		var links []ticker.Link
		for _, k := range grp {
			links = append(links, link(s[k], "", 1, 1, false))
		}
		cov.Add(analysis("g"+strconv.Itoa(i), bj(t, "2024-01-02 10:00"), "", "", links))
		if len(grp) == 2 {
			w[[2]int{grp[0], grp[1]}]++
		}
	}
	for k, v := range w {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(k[0])), T: simple.Node(int64(k[1])), W: v})
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(k[1])), T: simple.Node(int64(k[0])), W: v})
	}
	want := network.PageRank(g, 0.85, 1e-12)
	tab := cov.Table()
	for i, sy := range s {
		r := tab.Row(sy)
		if r == nil || math.Abs(r.PageRank-want[int64(i)]) > 1e-8 {
			t.Errorf("%s: PageRank %v, gonum %v", sy, r.PageRank, want[int64(i)])
		}
	}
}

func TestStoryIgnoresTitle(t *testing.T) {
	// The same body under two headlines is one story; the title is not
	// part of the signature.
	x := analysis("x", bj(t, "2024-05-06 09:00"), "甲报", "标题一\n"+textBank, nil)
	x.Article.Title = "标题一"
	y := analysis("y", bj(t, "2024-05-06 09:30"), "乙报", "完全不同的另一个标题\n"+textBank, nil)
	y.Article.Title = "完全不同的另一个标题"
	nov := build([]*stocknews.Analysis{x, y}, nil).Novelty()
	if nov[1].Story != "x.md" || nov[1].Score != 75 {
		t.Errorf("Novelty = %+v", nov)
	}
}

func TestTableWindow(t *testing.T) {
	// As of 2024-03-03 (see TestTable): A has 1 article on the day, 3 over
	// two or more days; B 0 then 1; C 1.
	as, _, _, _ := corpus(t)
	tab := build(as, nil).Table()
	for _, tt := range []struct {
		days int
		want []int
	}{{1, []int{1, 0, 1}}, {2, []int{1, 0, 1}}, {3, []int{3, 1, 1}}, {365, []int{3, 1, 1}}} {
		got := tab.Window(tt.days)
		if len(got) != 3 || got[0] != tt.want[0] || got[1] != tt.want[1] || got[2] != tt.want[2] {
			t.Errorf("Window(%d) = %v, want %v", tt.days, got, tt.want)
		}
	}
}

func TestZeroCoverage(t *testing.T) {
	// The zero value works like New(nil).
	as, _, _, _ := corpus(t)
	var z metrics.Coverage
	for _, a := range as {
		z.Add(a)
	}
	if dump(z.Table()) != dump(build(as, nil).Table()) {
		t.Error("zero Coverage differs from New(nil)")
	}
	var m metrics.Coverage
	if err := m.Merge(&z); err != nil || m.Len() != 4 {
		t.Errorf("Merge into zero: %v, Len %d", err, m.Len())
	}
}

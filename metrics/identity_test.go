package metrics_test

import (
	"testing"

	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

// Inputs are told apart by File: two index.md files in two folders whose
// article ids collide are two articles. A repeat (same URL, or same id and
// text) is counted as a repeat, never silently, in both forms.
func TestIdentityAndRepeats(t *testing.T) {
	mt := sym(t, "600519", ticker.SH)
	links := []ticker.Link{link(mt, "贵州茅台", 1, 1, true)}
	a := analysis("index", bj(t, "2024-03-01 09:00"), "甲报", textLiquor, links)
	a.File = "a/index.md"
	b := analysis("index", bj(t, "2024-03-02 09:00"), "乙报", textBank, links)
	b.File = "b/index.md"
	c := analysis("c", bj(t, "2024-03-03 09:00"), "丙报", textLiquor+"转载", links)
	c.Article.URL = "https://example.com/x"
	d := analysis("d", bj(t, "2024-03-04 09:00"), "丁报", textBank+"再转", links)
	d.Article.URL = "https://example.com/x" // repeats c by URL
	e := analysis("index", bj(t, "2024-03-05 09:00"), "甲报", textLiquor, links)
	e.File = "feed.jsonl:7" // repeats a: same id, same text
	for _, cov := range []*metrics.Coverage{metrics.New(nil), newBounded(nil)} {
		cov.Add(a)
		cov.Add(b)
		cov.Add(c)
		cov.Add(d)
		cov.Add(e)
		tab := cov.Table()
		if tab.Articles != 3 || tab.Repeats != 2 || cov.Repeats() != 2 {
			t.Errorf("bounded %v: %d articles, %d repeats (%d), want 3 and 2", cov.Bounded(), tab.Articles, tab.Repeats, cov.Repeats())
		}
		if r := tab.Row(mt); r == nil || r.Articles != 3 || r.Media != 3 {
			t.Errorf("bounded %v: row %+v", cov.Bounded(), r)
		}
	}
}

// The former bounded encoding ("SNRU" 0x01) is read as a bounded Coverage.
func TestReadsFormerBoundedEncoding(t *testing.T) {
	cov := newBounded(nil)
	for _, a := range exampleAnalyses() {
		cov.Add(a)
	}
	b, err := cov.MarshalBinary()
	if err != nil || string(b[:6]) != "SNCV\x02\x01" {
		t.Fatalf("header %q, %v", b[:6], err)
	}
	old := append([]byte("SNRU\x01"), b[6:]...)
	back := metrics.New(nil)
	if err := back.UnmarshalBinary(old); err != nil || !back.Bounded() {
		t.Fatalf("SNRU: %v, bounded %v", err, back.Bounded())
	}
	if dump(back.Table()) != dump(cov.Table()) {
		t.Error("the former encoding reads back to a different table")
	}
}

// An exact shard folds into a bounded accumulator; a bounded one does not
// merge into an exact one.
func TestMergeForms(t *testing.T) {
	exact, bounded := metrics.New(nil), newBounded(nil)
	for _, a := range exampleAnalyses() {
		exact.Add(a)
	}
	if err := bounded.Merge(exact); err != nil {
		t.Fatal(err)
	}
	if dump(bounded.Table()) != dump(exact.Table()) {
		t.Error("an exact shard folded into a bounded Coverage gives another table")
	}
	if err := metrics.New(nil).Merge(bounded); err == nil {
		t.Error("a bounded Coverage merged into an exact one")
	}
}

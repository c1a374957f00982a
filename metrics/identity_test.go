package metrics_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stocknews/stocknews/entities"
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

// Files written by the earlier version, exact ("SNCV" 0x01) and bounded
// ("SNRU" 0x01), of the three example articles, read back to the tables
// this version computes from the articles.
func TestReadsVersion1(t *testing.T) {
	for _, tt := range []struct {
		file    string
		bounded bool
	}{{"v1-exact.bin", false}, {"v1-bounded.bin", true}} {
		data, err := os.ReadFile(filepath.Join("testdata", "encoding", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		back := metrics.New(nil)
		if err := back.UnmarshalBinary(data); err != nil || back.Bounded() != tt.bounded {
			t.Fatalf("%s: %v, bounded %v", tt.file, err, back.Bounded())
		}
		fresh := metrics.New(nil)
		if tt.bounded {
			fresh = newBounded(nil)
		}
		for _, a := range exampleAnalyses() {
			fresh.Add(a)
		}
		if got, want := dump(back.Table()), dump(fresh.Table()); got != want {
			t.Errorf("%s reads back to\n%s\nwant\n%s", tt.file, got, want)
		}
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

// Tones per security are summed by both forms, survive the encoding and
// reach the exports.
func TestTone(t *testing.T) {
	mt := sym(t, "600519", ticker.SH)
	tc := sym(t, "00700", ticker.HK)
	links := []ticker.Link{link(mt, "贵州茅台", 1, 1, true), link(tc, "腾讯控股", 1, 0.5, false)}
	a := analysis("a", bj(t, "2024-03-01 09:00"), "甲报", textLiquor, links)
	a.Tones = []entities.SecurityTone{{Symbol: mt, Tone: entities.Positive, Score: 0.6}, {Symbol: tc, Tone: entities.Negative, Score: -0.2}}
	b := analysis("b", bj(t, "2024-03-02 09:00"), "乙报", textBank, links[:1])
	b.Tones = []entities.SecurityTone{{Symbol: mt, Tone: entities.Negative, Score: -0.3}}
	c := analysis("c", bj(t, "2024-03-03 09:00"), "丙报", textLiquor+"。", links[:1]) // no tone
	for _, cov := range []*metrics.Coverage{metrics.New(nil), newBounded(nil)} {
		cov.Add(a)
		cov.Add(b)
		cov.Add(c)
		data, err := cov.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		back := metrics.New(nil)
		if err := back.UnmarshalBinary(data); err != nil {
			t.Fatal(err)
		}
		for _, tab := range []*metrics.Table{cov.Table(), back.Table()} {
			r := tab.Row(mt)
			if r == nil || r.Positive != 1 || r.Negative != 1 || r.Neutral != 0 || !near(r.ToneMean, 0.15) {
				t.Errorf("bounded %v: 600519.SH tone %+v", cov.Bounded(), r)
			}
			if rec := r.Record(); rec.ToneMean == nil || *rec.ToneMean != 0.15 {
				t.Errorf("record tone_mean %v", rec.ToneMean)
			}
			if r := tab.Row(tc); r == nil || r.Negative != 1 || !near(r.ToneMean, -0.2) {
				t.Errorf("00700.HK tone %+v", r)
			}
		}
	}
}

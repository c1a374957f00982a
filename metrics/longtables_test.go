package metrics_test

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

func tonedAnalysis(file, id, url, text string, at time.Time, links []ticker.Link, tones []entities.SecurityTone) stocknews.Analysis {
	return stocknews.Analysis{
		File:    file,
		Article: stocknews.Article{ID: id, URL: url, Title: "t " + id, Text: text, Published: at},
		Tickers: links,
		Tones:   tones,
	}
}

func longTableCorpus(t *testing.T) []stocknews.Analysis {
	mt := sym(t, "600519", ticker.SH)
	tc := sym(t, "00700", ticker.HK)
	pos := entities.SecurityTone{Symbol: mt, Tone: entities.Positive, Score: 0.5,
		Events: []entities.Event{{Name: "earnings_beat"}}}
	neg := entities.SecurityTone{Symbol: mt, Tone: entities.Negative, Score: -0.3}
	return []stocknews.Analysis{
		// Two inputs whose ids collide but whose texts differ: two articles.
		tonedAnalysis("a/index.md", "index", "", "茅台一季度营收增长，利润创新高。",
			bj(t, "2022-03-07 16:00"), []ticker.Link{link(mt, "贵州茅台", 2, 0.1, true)}, []entities.SecurityTone{pos}),
		tonedAnalysis("b/index.md", "index", "", "茅台股价下跌，渠道库存上升。",
			bj(t, "2022-03-08 10:00"), []ticker.Link{link(mt, "贵州茅台", 1, 0.2, false)}, []entities.SecurityTone{neg}),
		// A Saturday article on a Hong Kong listing, then its repeat by URL.
		tonedAnalysis("c.md", "c", "https://example.com/c", "腾讯周末发布公告。",
			bj(t, "2022-03-05 10:00"), []ticker.Link{link(tc, "腾讯控股", 1, 1, true)}, nil),
		tonedAnalysis("feed.jsonl:3", "c2", "https://example.com/c", "腾讯周末发布公告，转载。",
			bj(t, "2022-03-05 11:00"), []ticker.Link{link(tc, "腾讯控股", 1, 1, true)}, nil),
		{File: "bad.md", Err: errors.New("not an article")},
	}
}

func TestTables(t *testing.T) {
	tabs := metrics.BuildTables(longTableCorpus(t), nil)
	if len(tabs.Articles) != 5 || tabs.Errors != 1 || tabs.Repeats != 1 {
		t.Fatalf("%d articles, %d errors, %d repeats", len(tabs.Articles), tabs.Errors, tabs.Repeats)
	}
	keys := []string{}
	for _, a := range tabs.Articles {
		keys = append(keys, a.Key)
	}
	if want := []string{"a/index.md", "b/index.md", "bad.md", "c.md", "feed.jsonl:3"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	if r := tabs.Articles[4]; r.RepeatOf != "c.md" {
		t.Errorf("feed.jsonl:3 repeats %q, want c.md", r.RepeatOf)
	}
	if r := tabs.Articles[2]; r.Error != "not an article" || r.Published != nil {
		t.Errorf("failed input row %+v", r)
	}
	// 16:00 Monday goes to Tuesday; a Saturday in Hong Kong to Monday.
	wantDays := map[string]string{"a/index.md": "2022-03-08", "b/index.md": "2022-03-08", "c.md": "2022-03-07"}
	for _, l := range tabs.Links {
		if w, ok := wantDays[l.Key]; ok && (l.TradingDay == nil || l.TradingDay.Format(time.DateOnly) != w) {
			t.Errorf("%s %s trading day %v, want %s", l.Key, l.Symbol, l.TradingDay, w)
		}
	}
	if l := tabs.Links[0]; l.Tone != "positive" || l.ToneScore != 0.5 || l.Events != "earnings_beat" {
		t.Errorf("link tone %+v", l)
	}
	if len(tabs.Daily) != 2 {
		t.Fatalf("daily rows %+v", tabs.Daily)
	}
	// Rows are by code, then market: 00700.HK first.
	mt := tabs.Daily[1]
	if mt.Symbol != "600519.SH" || mt.Day.Format(time.DateOnly) != "2022-03-08" || mt.Articles != 2 ||
		mt.Mentions != 3 || mt.Relevance != 0.3 || mt.Positive != 1 || mt.Negative != 1 || mt.Neutral != 0 ||
		mt.ToneMean == nil || *mt.ToneMean != 0.1 || mt.Novel != 2 {
		t.Errorf("600519.SH row %+v (tone mean %v)", mt, mt.ToneMean)
	}
	hk := tabs.Daily[0]
	if hk.Symbol != "00700.HK" || hk.Day.Format(time.DateOnly) != "2022-03-07" || hk.Articles != 1 || hk.ToneMean != nil || hk.Positive+hk.Negative+hk.Neutral != 0 {
		t.Errorf("00700.HK row %+v", hk)
	}
	// The tables do not depend on the order of Add.
	rev := longTableCorpus(t)
	slices.Reverse(rev)
	if again := metrics.BuildTables(rev, nil); !reflect.DeepEqual(again, tabs) {
		t.Error("tables depend on the order of the analyses")
	}
}

// A Hong Kong article after the end of the HKEX data has no trading day,
// and the tables count it.
func TestTablesOffCalendar(t *testing.T) {
	tc := sym(t, "00700", ticker.HK)
	a := tonedAnalysis("late.md", "late", "", "腾讯公告。", bj(t, "2025-10-06 10:00"),
		[]ticker.Link{link(tc, "腾讯控股", 1, 1, true)}, nil)
	tabs := metrics.BuildTables([]stocknews.Analysis{a}, nil)
	if tabs.OffCalendar != 1 || tabs.Links[0].TradingDay != nil || len(tabs.Daily) != 0 {
		t.Errorf("off calendar %d, trading day %v, daily %d", tabs.OffCalendar, tabs.Links[0].TradingDay, len(tabs.Daily))
	}
}

func TestTablesClose(t *testing.T) {
	// A close moved to midnight keeps the 16:00 Monday article on Monday.
	tabs := metrics.BuildTables(longTableCorpus(t)[:1], &metrics.TableOptions{Close: 24 * time.Hour})
	if d := tabs.Links[0].TradingDay; d == nil || d.Format(time.DateOnly) != "2022-03-07" {
		t.Errorf("trading day %v, want 2022-03-07", d)
	}
}

func TestRound(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{
		{1.4500000000000002, 1.45}, {0.24000000000000002, 0.24}, {0.1 + 0.2, 0.3}, {-1e-9, 0}, {2.0000005, 2.000001},
	} {
		if got := metrics.Round(tt.in); got != tt.want {
			t.Errorf("Round(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

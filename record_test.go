package stocknews_test

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/ticker"
)

func TestRecordEmpty(t *testing.T) {
	b, err := json.Marshal(stocknews.Analysis{File: "x.md"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"file":"x.md","id":"","title":"","published":"","published_from":"","media":"","category":"","tags":[],"url":"","tickers":[],"claims":[],"entities":[],"tone":"neutral","tone_score":0,"error":""}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestRecordFields(t *testing.T) {
	hk := ticker.MustParse("00700.HK")
	an := stocknews.Analysis{
		File: "a.md",
		Article: stocknews.Article{
			ID: "NW1", Title: "标题", Published: beijingTime(2022, 1, 6, 20, 44, 3),
			Media: "中国证券报", Category: "c", Tags: []string{"t"}, URL: "http://x/",
		},
		Tickers: []ticker.Link{
			{Symbol: hk, Name: "腾讯控股", Via: ticker.ViaEmbed | ticker.ViaName, Mentions: 2, Relevance: 0.5},
			{Symbol: ticker.MustParse("09999.HK"), Name: "网易-S", Via: ticker.ViaCode, Mentions: 1, Relevance: 0.2, Unlisted: true},
		},
		Tones: []entities.SecurityTone{
			{Symbol: hk, Tone: entities.Positive, Score: 0.5, Events: []entities.Event{{Name: "earnings", Start: 3, End: 9}, {Name: "earnings", Start: 12, End: 15}}},
		},
		Claims: []entities.Claim{
			{Text: "日活突破4.5亿", Subject: "日活", Value: decimal.RequireFromString("450000000"), Unit: "count",
				Comparator: entities.Greater, Period: "2021", Symbol: hk, Start: 3, End: 20},
			{Text: "增长3%-5%", Value: decimal.RequireFromString("3"), Upper: decimal.NewNullDecimal(decimal.RequireFromString("5")),
				Unit: "percent", Comparator: entities.GreaterEqual, Kind: entities.Change, Start: 21, End: 30},
		},
		Entities: []entities.Entity{{Text: "张小龙", Kind: entities.Person, Start: 1, End: 10}},
		Err:      errors.New("first line\nsecond line"),
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(an); err != nil {
		t.Fatal(err)
	}
	b := []byte(buf.String())
	for _, want := range []string{
		`"published":"2022-01-06T20:44:03+08:00"`,
		`"tickers":[{"symbol":"00700.HK","name":"腾讯控股","mentions":2,"relevance":0.5,"via":["embed","name"],"tone":"positive","tone_score":0.5,"events":["earnings"]},`,
		`{"symbol":"09999.HK","name":"网易-S","mentions":1,"relevance":0.2,"via":["code"],"tone":"neutral","tone_score":0,"events":[],"unlisted":true}]`,
		`{"text":"日活突破4.5亿","subject":"日活","value":"450000000","unit":"count","comparator":">","kind":"level","period":"2021","symbol":"00700.HK","start":3,"end":20}`,
		`"value":"3","upper":"5","unit":"percent","comparator":">=","kind":"change","period":"","start":21`,
		`"entities":[{"text":"张小龙","kind":"person","start":1,"end":10}]`,
		`"error":"first line second line"`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("record lacks %s\n%s", want, b)
		}
	}
	var back stocknews.Record
	if err := json.Unmarshal(b, &back); err != nil || back.Claims[1].Upper == nil || *back.Claims[1].Upper != "5" {
		t.Errorf("round trip: %v %+v", err, back)
	}
}

func TestAnalyzerConcurrent(t *testing.T) {
	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"testdata/em-hk-embed.md", "testdata/hexo-cls.md", "testdata/reuters.md", "testdata/no-such-file.md"}
	var wg sync.WaitGroup
	results := make([]stocknews.Analysis, len(files))
	for i, f := range files {
		wg.Go(func() { results[i] = z.AnalyzeFile(f) })
	}
	wg.Wait()
	for i, an := range results {
		if an.File != files[i] {
			t.Errorf("File = %q, want %q", an.File, files[i])
		}
		if (an.Err != nil) != strings.Contains(files[i], "no-such") {
			t.Errorf("%s: err %v", files[i], an.Err)
		}
		if an.Entities != nil {
			t.Errorf("%s: entities with NoEntities", files[i])
		}
	}
	if an := z.Analyze(nil); an.Err == nil {
		t.Error("Analyze(nil) gave no error")
	}
	if an := z.AnalyzeBytes("big.md", make([]byte, 10)); an.Err == nil || an.File != "big.md" {
		t.Errorf("empty input: %+v", an)
	}
}

func TestAnalyzerTimeYear(t *testing.T) {
	z, _ := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	an := z.Analyze(&stocknews.Article{Title: "t", Text: "t\n", Published: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)})
	if an.Err != nil {
		t.Error(an.Err)
	}
}

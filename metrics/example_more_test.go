package metrics_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/metrics"
)

func exampleCoverage() *metrics.Coverage {
	cov := metrics.New(nil)
	for _, a := range exampleAnalyses() {
		cov.Add(a)
	}
	return cov
}

func ExampleNoveltyScore() {
	for k := 1; k <= 5; k++ {
		fmt.Print(metrics.NoveltyScore(k), " ")
	}
	fmt.Println()
	// Output: 100 75 56 42 32
}

func ExampleHeat() {
	// Twenty baseline days: nineteen with 1 article, one with 3.
	counts := make([]float64, 21)
	for i := range 20 {
		counts[i] = 1
	}
	counts[7] = 3
	for _, today := range []float64{0, 1, 2, 3, 4} {
		counts[20] = today
		fmt.Print(metrics.Heat(counts, 20, 20, 20), " ")
	}
	fmt.Println()
	// 2 articles beat 19 of 20 days (p = 0.95): heat 3; 4 beat all: heat 4.
	// Output: 0 0 3 3 4
}

func ExampleTable_Window() {
	tab := exampleCoverage().Table()
	fmt.Println(tab.AsOf.Format("2006-01-02"), tab.Window(1), tab.Window(2))
	// Output: 2024-03-02 [1 1] [3 1]
}

func ExampleSeries_Window() {
	s := metrics.Series{Counts: []float64{4, 0, 1, 2, 5}}
	fmt.Println(s.Window(4, 1), s.Window(4, 3), s.Window(1, 7))
	// Output: 5 8 4
}

func ExampleTable_HTML() {
	h := exampleCoverage().Table().HTML()
	fmt.Println(strings.SplitN(h, "\n", 3)[1])
	// Output: <caption>3 articles, 3 linked, 2 stories, 2 securities; 2024-03-01 to 2024-03-02</caption>
}

func ExampleTable_WritePairsCSV() {
	exampleCoverage().Table().WritePairsCSV(os.Stdout)
	// Output:
	// symbol,other,articles,jaccard,pmi
	// 00700.HK,600519.SH,1,0.333333,0
}

func ExampleCoverage_MarshalBinary() {
	b, _ := exampleCoverage().MarshalBinary()
	back := metrics.New(nil)
	err := back.UnmarshalBinary(b)
	fmt.Printf("%q version %d, %d articles, err %v\n", b[:4], b[4], back.Len(), err)
	// Output: "SNCV" version 2, 3 articles, err <nil>
}

func ExampleCoverage_bounded() {
	// A bounded Coverage keeps totals, not articles: its memory stays the
	// same however long the stream. Here it remembers at most 1,000
	// articles for repeats and near-duplicates.
	u := metrics.New(&metrics.Options{Recent: 1000})
	as := exampleAnalyses()
	for _, a := range as {
		u.Add(a)
	}
	u.Add(as[0]) // a repeat it still remembers: not counted again
	for _, r := range u.Table().Rows {
		fmt.Printf("%s articles=%d novel=%d repeated=%d series=%v\n", r.Symbol, r.Articles, r.Novel, r.Repeated, r.Series.Counts)
	}
	fmt.Println("repeats:", u.Repeats())
	// Output:
	// 600519.SH articles=3 novel=2 repeated=1 series=[2 1]
	// 00700.HK articles=1 novel=1 repeated=0 series=[0 1]
	// repeats: 1
}

func ExampleBuildTables() {
	// The daily panel: one row per security and trading day. The third
	// article, published on Saturday 2 March 2024 at 14:00, belongs to
	// Monday the 4th on both the Shanghai and the Hong Kong calendar.
	as := exampleAnalyses()
	var in []stocknews.Analysis
	for i, a := range as {
		a.File = fmt.Sprintf("n%d.md", i+1)
		in = append(in, *a)
	}
	tabs := metrics.BuildTables(in, nil)
	for _, r := range tabs.Daily {
		fmt.Println(r.Symbol, r.Day.Format(time.DateOnly), r.Articles, r.Novel)
	}
	// Output:
	// 00700.HK 2024-03-04 1 1
	// 600519.SH 2024-03-01 2 1
	// 600519.SH 2024-03-04 1 1
}

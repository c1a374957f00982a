package stocknews_test

import (
	"fmt"
	"time"

	"github.com/stocknews/stocknews"
)

// An article is linked as of its publication day: 百度 is its US listing
// before the Hong Kong one of 2021-03-23, and the Hong Kong one after.
func ExampleAnalyzerOptions_asOf() {
	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		panic(err)
	}
	for _, year := range []int{2020, 2022} {
		a := &stocknews.Article{Title: "百度发布财报", Text: "百度发布财报", Published: time.Date(year, 5, 1, 9, 0, 0, 0, time.UTC)}
		fmt.Println(year, z.Analyze(a).Tickers[0].Symbol)
	}
	// Output:
	// 2020 BIDU.US
	// 2022 09888.HK
}

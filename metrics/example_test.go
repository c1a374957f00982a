package metrics_test

import (
	"fmt"
	"os"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

// exampleAnalyses returns three synthetic analysed articles: two outlets
// carry the same story on 贵州茅台, a third article pairs it with 腾讯控股.
func exampleAnalyses() []*stocknews.Analysis {
	maotai, _ := ticker.New("600519", ticker.SH)
	tencent, _ := ticker.New("00700", ticker.HK)
	cst := time.FixedZone("CST", 8*3600)
	story := "示例白酒公司发布年度业绩预告\n公司预计全年营业收入同比增长约百分之十五。"
	return []*stocknews.Analysis{
		{Article: stocknews.Article{ID: "n1", Media: "证券时报", Text: story,
			Published: time.Date(2024, 3, 1, 9, 30, 0, 0, cst)},
			Tickers: []ticker.Link{{Symbol: maotai, Name: "贵州茅台", Mentions: 2, Relevance: 0.9, InTitle: true}}},
		{Article: stocknews.Article{ID: "n2", Media: "中国证券报", Text: story,
			Published: time.Date(2024, 3, 1, 11, 0, 0, 0, cst)},
			Tickers: []ticker.Link{{Symbol: maotai, Name: "贵州茅台", Mentions: 1, Relevance: 0.8}}},
		{Article: stocknews.Article{ID: "n3", Media: "证券时报", Text: "示例消费与互联网板块午后走强。",
			Published: time.Date(2024, 3, 2, 14, 0, 0, 0, cst)},
			Tickers: []ticker.Link{
				{Symbol: maotai, Name: "贵州茅台", Mentions: 1, Relevance: 0.5},
				{Symbol: tencent, Name: "腾讯控股", Mentions: 1, Relevance: 0.5},
			}},
	}
}

func ExampleCoverage_Table() {
	cov := metrics.New(nil)
	for _, a := range exampleAnalyses() {
		cov.Add(a)
	}
	for _, r := range cov.Table().Rows {
		fmt.Printf("%s %q articles=%d mentions=%d novel=%d repeated=%d media=%d hhi=%.3f share=%.2f series=%v\n",
			r.Symbol, r.Name, r.Articles, r.Mentions, r.Novel, r.Repeated, r.Media, r.MediaHHI, r.ShareOfVoice, r.Series.Counts)
	}
	// Output:
	// 600519.SH "贵州茅台" articles=3 mentions=4 novel=2 repeated=1 media=2 hhi=0.556 share=0.75 series=[2 1]
	// 00700.HK "腾讯控股" articles=1 mentions=1 novel=1 repeated=0 media=1 hhi=1.000 share=0.25 series=[0 1]
}

func ExampleCoverage_Merge() {
	// Two shards, e.g. two workers of a distributed job, each see part of
	// the input; one of them ships its accumulator as bytes.
	as := exampleAnalyses()
	left, right := metrics.New(nil), metrics.New(nil)
	left.Add(as[0])
	left.Add(as[1])
	right.Add(as[1]) // seen by both shards: counted once
	right.Add(as[2])
	b, _ := right.MarshalBinary()
	shipped := metrics.New(nil)
	if err := shipped.UnmarshalBinary(b); err != nil {
		fmt.Println(err)
		return
	}
	if err := left.Merge(shipped); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(left.Len(), left.Table().Rows[0].Articles)
	// Output: 3 3
}

func ExampleCoverage_Novelty() {
	cov := metrics.New(nil)
	for _, a := range exampleAnalyses() {
		cov.Add(a)
	}
	for _, n := range cov.Novelty() {
		fmt.Println(n.ID, n.Story, n.K, n.Score)
	}
	// Output:
	// n1 n1 1 100
	// n2 n1 2 75
	// n3 n3 1 100
}

func ExampleTable_WriteCSV() {
	cov := metrics.New(nil)
	for _, a := range exampleAnalyses() {
		cov.Add(a)
	}
	tab := cov.Table().Top(1)
	if err := tab.WriteCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// symbol,name,articles,mentions,relevance_weighted,title_articles,claims,first_seen,last_seen,active_days,media,media_hhi,share_of_voice,novel,repeated,articles_1d,articles_7d,articles_30d,abnormal,abnormal_z,heat,degree,pagerank,top_pairs,tone_mean,positive,negative,neutral
	// 600519.SH,贵州茅台,3,4,2.2,1,0,2024-03-01T09:30:00+08:00,2024-03-02T14:00:00+08:00,2,2,0.555556,0.75,2,1,1,3,3,,,0,1,0.5,00700.HK:1,,0,0,0
}

func ExampleAbnormal() {
	// Seven quiet days (1 or 2 articles), then 9 articles.
	counts := []float64{1, 2, 1, 1, 2, 1, 1, 9}
	abn, z := metrics.Abnormal(counts, 7, 7, 5)
	// The baseline's median is 1: abn = ln(1+9) − ln(1+1) = ln 5 = 1.609.
	// Its logs are ln 2 (five days) and ln 3 (two days): mean 0.8090, sample
	// sd 0.19785, so z = (ln 10 − 0.8090) / 0.19785 = 7.55. Every baseline
	// day has fewer than 9 articles: percentile 1, heat 4.
	fmt.Printf("abnormal %.3f z %.2f heat %d\n", abn, z, metrics.Heat(counts, 7, 7, 5))
	// Output: abnormal 1.609 z 7.55 heat 4
}

func ExampleSimHash() {
	// The same story from two outlets, with different source lines, and an
	// unrelated story.
	story := "示例科技公司今日发布公告称，公司第三季度实现营业收入一百二十亿元，同比增长百分之十八；" +
		"归属于上市公司股东的净利润十五亿元，同比增长百分之二十三。公司表示，海外业务收入占比提升至三成，" +
		"新产品线贡献了主要增量。董事会同时审议通过了回购股份的议案，拟以自有资金回购公司股份。"
	a, _ := metrics.SimHash("来源：示例日报\n" + story)
	b, _ := metrics.SimHash(story + "\n（责任编辑：示例）")
	c, _ := metrics.SimHash("示例银行披露三季度经营数据，净息差环比企稳，不良贷款率较年初下降，零售存款余额继续增长。")
	fmt.Println("same story:", metrics.Hamming(a, b), "bits; unrelated:", metrics.Hamming(a, c), "bits")
	// Output: same story: 3 bits; unrelated: 26 bits
}

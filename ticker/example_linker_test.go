package ticker_test

import (
	"fmt"
	"strings"

	"github.com/stocknews/stocknews/ticker"
)

func ExampleLinker_Link() {
	l := ticker.NewLinker(nil, nil) // the built-in master
	title := "宁德时代发布新电池"
	text := title + "\n宁德时代(300750)与比亚迪股份(01211.HK)同日公告。比亚迪新车上市，茅台股价持平。"
	for _, k := range l.Link(ticker.Document{Text: text, TitleLen: len(title)}) {
		fmt.Printf("%s %q via=%v mentions=%d relevance=%.2f\n", k.Symbol, k.Name, k.Via.Names(), k.Mentions, k.Relevance)
	}
	// Output:
	// 300750.SZ "宁德时代" via=[code name] mentions=2 relevance=1.00
	// 01211.HK "比亚迪股份" via=[code name] mentions=2 relevance=0.41
	// 600519.SH "贵州茅台" via=[name] mentions=1 relevance=0.25
}

func ExampleLoadCSV() {
	// The generic layout: symbol and name are required, the rest optional.
	const file = `symbol,name,full_name,aliases,former_names,list_date
688999.SH,星河微电子,星河微电子股份有限公司,星河微,,2024-01-02
00700.HK,,,鹅厂,,
`
	m, err := ticker.LoadCSV(strings.NewReader(file), &ticker.CSVOptions{Name: "my.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	m = ticker.DefaultMaster().Merge(m) // add to the built-in master
	for _, name := range []string{"星河微", "鹅厂", "腾讯"} {
		fmt.Println(name, m.ByName(name)[0].Symbol)
	}

	_, err = ticker.LoadCSV(strings.NewReader("symbol,name\n600519.XX,茅台\n"), &ticker.CSVOptions{Name: "bad.csv"})
	fmt.Println(err)
	// Output:
	// 星河微 688999.SH
	// 鹅厂 00700.HK
	// 腾讯 00700.HK
	// ticker: bad.csv:2: bad security code "600519.XX"
}

func ExampleMaster_ByName() {
	m := ticker.DefaultMaster()
	for _, s := range m.ByName("中芯国际") { // A-share listing first
		fmt.Println(s.Symbol, s.Name)
	}
	// Output:
	// 688981.SH 中芯国际
	// 00981.HK 中芯国际
	// SMI.US 中芯国际
}

func ExampleLearner() {
	lr := ticker.NewLearner()
	lr.Observe(ticker.Document{Text: "星河微电子(688999)发布年报。"})
	l := ticker.NewLinker(nil, &ticker.LinkerOptions{Learned: lr.Learned()})
	for _, k := range l.Link(ticker.Document{Text: "星河微电子拟扩产。"}) {
		fmt.Println(k.Symbol, k.Via.Names())
	}
	// Output:
	// 688999.SH [name]
}

func ExampleLinker_Mentions() {
	l := ticker.NewLinker(nil, nil)
	text := "贵州茅台(600519)与五粮液同涨，茅台领涨。"
	for _, m := range l.Mentions(ticker.Document{Text: text}) {
		fmt.Printf("%s %v %q\n", m.Symbol, m.Via.Names(), text[m.Start:m.End])
	}
	// Output:
	// 600519.SH [code] "600519"
	// 000858.SZ [name] "五粮液"
	// 600519.SH [name] "茅台"
}

func ExampleMaster_Merge() {
	extra := ticker.NewMaster([]ticker.Security{
		{Symbol: ticker.MustParse("600519.SH"), Aliases: []string{"茅台股份"}},
	})
	m := ticker.DefaultMaster().Merge(extra)
	s, _ := m.Lookup(ticker.MustParse("600519.SH"))
	fmt.Println(s.Name, s.Aliases)
	// Output:
	// 贵州茅台 [茅台 茅台股份]
}

func ExampleMaster_Listings() {
	for _, s := range ticker.DefaultMaster().Listings(ticker.MustParse("BABA.US")) {
		fmt.Println(s)
	}
	// Output:
	// 09988.HK
	// BABA.US
}

func ExampleNormalizeName() {
	fmt.Printf("%q\n", ticker.NormalizeName(" 万  科Ａ "))
	// Output:
	// "万科A"
}

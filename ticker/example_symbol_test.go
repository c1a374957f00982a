package ticker_test

import (
	"errors"
	"fmt"

	"github.com/stocknews/stocknews/ticker"
)

func ExampleParse() {
	s, err := ticker.Parse("700.hk")
	if err != nil {
		panic(err)
	}
	fmt.Println(s, s.Code(), s.Market())

	_, err = ticker.Parse("600519.XSHG")
	fmt.Println(errors.Is(err, ticker.ErrUnknownMarket))
	fmt.Println(err)
	// Output:
	// 00700.HK 00700 HK
	// true
	// ticker: parse "600519.XSHG" at byte 7: unknown market
}

func ExampleSymbol_Format() {
	s := ticker.MustParse("00700.HK")
	for _, c := range []ticker.Convention{ticker.Eastmoney, ticker.Yahoo, ticker.Futu, ticker.Longbridge, ticker.Sina, ticker.TradingView} {
		out, _ := s.Format(c)
		fmt.Printf("%-11v %s\n", c, out)
	}
	// Output:
	// Eastmoney   116.00700
	// Yahoo       0700.HK
	// Futu        HK.00700
	// Longbridge  700.HK
	// Sina        hk00700
	// TradingView HKEX:700
}

func ExampleListing_Format() {
	// US conventions that name the venue need a Listing.
	_, err := ticker.MustParse("BABA.US").Format(ticker.Wind)
	fmt.Println(errors.Is(err, ticker.ErrNoVenue))

	l := ticker.Listing{Symbol: ticker.MustParse("BABA.US"), Venue: ticker.NYSE}
	wind, _ := l.Format(ticker.Wind)
	em, _ := l.Format(ticker.Eastmoney)
	fmt.Println(wind, em)
	// Output:
	// true
	// BABA.N 106.BABA
}

func ExampleParseAny() {
	for _, in := range []string{"1.600519", "600519.XSHG", "SZ000001", "000001", "0700.HK", "HK.00700", "AAPL.O", "NASDAQ:AAPL"} {
		s, err := ticker.ParseAny(in)
		fmt.Println(in, "→", s, err)
	}
	// Output:
	// 1.600519 → 600519.SH <nil>
	// 600519.XSHG → 600519.SH <nil>
	// SZ000001 → 000001.SZ <nil>
	// 000001 → 000001.SZ <nil>
	// 0700.HK → 00700.HK <nil>
	// HK.00700 → 00700.HK <nil>
	// AAPL.O → AAPL.US <nil>
	// NASDAQ:AAPL → AAPL.US <nil>
}

func ExampleFindCodes() {
	text := "贵州茅台（600519）与阿里巴巴（BABA.N，09988.HK）同日公告；上证指数(000001)收涨，全年营收600000元。"
	for _, m := range ticker.FindCodes(text) {
		fmt.Printf("%-10v %q name %q\n", m.Symbol, text[m.Start:m.End], m.Name)
	}
	// Output:
	// 600519.SH  "600519" name "贵州茅台"
	// BABA.US    "BABA.N" name "阿里巴巴"
	// 09988.HK   "09988.HK" name "阿里巴巴"
	// 000001.SH  "000001" name "上证指数"
}

func ExampleAnchorSymbol() {
	anchors := []ticker.Anchor{
		{Tag: "a", Href: "http://quote.eastmoney.com/unify/r/116.00700", DataCode: "00700|116|5"},
		{Tag: "a", Class: "keytip", DataCode: "1,688668"},
		{Tag: "span", ID: "stock_sz300059"},
		{Tag: "a", Class: "trsHotWords", Code: "601816"},
		{Tag: "span", ID: "symbol_FB.O_0"},
		{Tag: "img", Src: "https://webquoteklinepic.eastmoney.com/GetPic.aspx?nid=100.HSI&imageType=k"},
	}
	for _, a := range anchors {
		s, ok := ticker.AnchorSymbol(a)
		fmt.Println(s, ok)
	}
	// Output:
	// 00700.HK true
	// 688668.SH true
	// 300059.SZ true
	// 601816.SH true
	// FB.US true
	//  false
}

func ExampleClassify() {
	for _, in := range []string{"688981.SH", "300750.SZ", "000001.SH", "000001.SZ", "510300.SH", "08083.HK"} {
		c := ticker.Classify(ticker.MustParse(in))
		fmt.Println(in, c.Board, c.Instrument)
	}
	fmt.Println(ticker.InferMarket("000001"), ticker.InferMarketNamed("000001", "上证指数"))
	// Output:
	// 688981.SH STAR Stock
	// 300750.SZ ChiNext Stock
	// 000001.SH  Index
	// 000001.SZ Main Stock
	// 510300.SH Main ETF
	// 08083.HK GEM Stock
	// SZ SH
}

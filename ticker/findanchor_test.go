package ticker

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stocknews/stocknews/internal/sharedtest"
)

var anchorTests = []struct {
	name string
	a    Anchor
	want string // "" = no symbol
	v    Venue
}{
	// Eastmoney EM_StockImg block: the link, its data-codes and the chart.
	{"embed link", Anchor{Tag: "a", Class: "EmImageRemark", Href: "http://quote.eastmoney.com/unify/r/116.00700", DataCode: "00700|116|5", DataCode2: "00700|116|3|", Embed: true}, "00700.HK", 0},
	{"embed data-code only", Anchor{Tag: "a", DataCode: "600519|1|1", DataCode2: "600519|1|2|"}, "600519.SH", 0},
	{"embed data-code2 only", Anchor{Tag: "a", DataCode2: "002752|0|6|"}, "002752.SZ", 0},
	{"embed image data-code", Anchor{Tag: "img", DataCode: "K NIO|106|7", DataCode2: "K NIO|106|3|"}, "NIO.US", NYSE},
	{"embed board", Anchor{Tag: "a", DataCode: "BK1037|90|1"}, "BK1037.BK", 0},
	{"embed image src", Anchor{Tag: "img", Src: "https://webquoteklinepic.eastmoney.com/GetPic.aspx?nid=116.00700&imageType=k&token=abc&at=1", Alt: "K图 00700_0"}, "00700.HK", 0},
	{"intraday image", Anchor{Tag: "img", Src: "http://webquotepic.eastmoney.com/GetPic.aspx?imageType=r&nid=1.600611"}, "600611.SH", 0},
	{"old image id sh", Anchor{Tag: "img", Src: "http://pifm.eastmoney.com/EM_Finance2014PictureInterface/Index.aspx?id=6033631"}, "", 0},
	{"old GetPic id sh", Anchor{Tag: "img", Src: "http://webquotepic.eastmoney.com/GetPic.aspx?id=6033631&imageType=r"}, "603363.SH", 0},
	{"old GetPic id sz", Anchor{Tag: "img", Src: "http://webquotepic.eastmoney.com/GetPic.aspx?id=0000012&imageType=r"}, "000001.SZ", 0},
	{"global index image", Anchor{Tag: "img", Src: "http://webquotepic.eastmoney.com/GetPic.aspx?nid=100.HSI&imageType=r"}, "", 0},
	// Keytip links in running text.
	{"keytip", Anchor{Tag: "a", Class: "keytip", Href: "http://quote.eastmoney.com/unify/r/1.688668", DataCode: "1,688668", Text: "某某科技"}, "688668.SH", 0},
	{"keytip data-code only", Anchor{Tag: "a", Class: "keytip", DataCode: "0,300343"}, "300343.SZ", 0},
	{"keytip us", Anchor{Tag: "a", DataCode: "106,NIO"}, "NIO.US", NYSE},
	{"keytip board", Anchor{Tag: "a", DataCode: "90,BK0493"}, "BK0493.BK", 0},
	{"keytip old", Anchor{Tag: "a", Class: "keytip", Href: "http://quote.eastmoney.com/r/0.002353", DataCode: "002353"}, "002353.SZ", 0},
	{"keytip bare code", Anchor{Tag: "a", Class: "keytip", DataCode: "002353"}, "002353.SZ", 0},
	{"keytip span id", Anchor{Tag: "span", ID: "stock_1.688668"}, "688668.SH", 0},
	{"keytip span id us", Anchor{Tag: "span", ID: "stock_106.NIO"}, "NIO.US", NYSE},
	{"common key", Anchor{Tag: "a", Class: "em_stock_key_common", Href: "http://quote.eastmoney.com/r/0.002353"}, "002353.SZ", 0},
	{"unify bj", Anchor{Href: "http://quote.eastmoney.com/unify/r/0.430047"}, "430047.BJ", 0},
	{"unify us", Anchor{Href: "https://quote.eastmoney.com/unify/r/105.TSM"}, "TSM.US", NASDAQ},
	{"unify index", Anchor{Href: "http://quote.eastmoney.com/unify/r/100.HSI"}, "", 0},
	// Quote pages.
	{"page sh", Anchor{Href: "http://quote.eastmoney.com/sh600519.html"}, "600519.SH", 0},
	{"page sz etf", Anchor{Href: "https://quote.eastmoney.com/sz159707.html"}, "159707.SZ", 0},
	{"page sh reit", Anchor{Href: "//quote.eastmoney.com/sh508097.html"}, "508097.SH", 0},
	{"page bj", Anchor{Href: "http://quote.eastmoney.com/bj/830799.html"}, "830799.BJ", 0},
	{"page kcb", Anchor{Href: "http://quote.eastmoney.com/kcb/688981.html"}, "688981.SH", 0},
	{"page hk", Anchor{Href: "http://quote.eastmoney.com/hk/00948.html"}, "00948.HK", 0},
	{"page us", Anchor{Href: "http://quote.eastmoney.com/us/ATER.html"}, "ATER.US", 0},
	{"page bk", Anchor{Href: "http://quote.eastmoney.com/bk/90.BK0715.html"}, "BK0715.BK", 0},
	{"page concept", Anchor{Href: "http://quote.eastmoney.com/concept/sh603777.html"}, "603777.SH", 0},
	{"page f1", Anchor{Href: "http://quote.eastmoney.com/f1.html?newcode=0.000001"}, "000001.SZ", 0},
	{"page global index", Anchor{Href: "http://quote.eastmoney.com/gb/zsUDI.html"}, "", 0},
	{"page futures", Anchor{Href: "http://quote.eastmoney.com/qihuo/al2505.html"}, "", 0},
	{"page wap", Anchor{Href: "https://wap.eastmoney.com/quote/stock/1.600519.html"}, "600519.SH", 0},
	{"page wap index", Anchor{Href: "https://wap.eastmoney.com/quote/stock/100.STI.html"}, "", 0},
	{"f10 a", Anchor{Href: "https://emweb.securities.eastmoney.com/PC_HSF10/ShareholderResearch/Index?type=web&code=SH688686"}, "688686.SH", 0},
	{"f10 hk", Anchor{Href: "https://emweb.securities.eastmoney.com/PC_HKF10/pages/home/index.html?code=03900&type=web"}, "03900.HK", 0},
	{"f10 us", Anchor{Href: "https://emweb.eastmoney.com/PC_USF10/pages/index.html?code=TSLA&type=web"}, "TSLA.US", 0},
	{"guba hk", Anchor{Href: "http://guba.eastmoney.com/rank/stock?code=HK_00700"}, "00700.HK", 0},
	{"guba a", Anchor{Href: "http://guba.eastmoney.com/rank/stock?code=600519"}, "600519.SH", 0},
	{"guba list", Anchor{Href: "http://guba.eastmoney.com/list,300059.html"}, "300059.SZ", 0},
	{"news page", Anchor{Href: "http://finance.eastmoney.com/a/202201062238952656.html"}, "", 0},
	// Sina.
	{"sina span", Anchor{Tag: "span", ID: "stock_sz300059"}, "300059.SZ", 0},
	{"sina realstock", Anchor{Href: "https://finance.sina.com.cn/realstock/company/sh601555/nc.shtml"}, "601555.SH", 0},
	{"sina hk", Anchor{Href: "https://stock.finance.sina.com.cn/hkstock/quotes/00700.html"}, "00700.HK", 0},
	{"sina us", Anchor{Href: "https://stock.finance.sina.com.cn/usstock/quotes/aapl.html"}, "AAPL.US", 0},
	// 证券时报.
	{"stcn code", Anchor{Tag: "a", Class: "trsHotWords", Code: "601816"}, "601816.SH", 0},
	{"stcn link", Anchor{Tag: "a", Class: "trsHotWords", Href: "https://info.stcn.com/dc/stock/?stockcode=SZ002594", Code: "002594"}, "002594.SZ", 0},
	{"stcn link ss", Anchor{Tag: "a", Class: "trsHotWords", Href: "https://info.stcn.com/dc/stock/?stockcode=SS601398", Code: "601398"}, "601398.SH", 0},
	{"stcn bad code", Anchor{Tag: "a", Class: "trsHotWords", Code: "12345"}, "", 0},
	// Reuters.
	{"reuters nasdaq", Anchor{Tag: "span", ID: "symbol_FB.O_0"}, "FB.US", NASDAQ},
	{"reuters nyse", Anchor{Tag: "span", ID: "symbol_BA.N_2"}, "BA.US", NYSE},
	{"reuters hk", Anchor{Tag: "span", ID: "symbol_2007.HK_0"}, "02007.HK", 0},
	{"reuters london", Anchor{Tag: "span", ID: "symbol_WTB.L_6"}, "WTB.LSE", 0},
	{"reuters sh", Anchor{Tag: "span", ID: "symbol_600519.SS_1"}, "600519.SH", 0},
	{"reuters unknown", Anchor{Tag: "span", ID: "symbol_SAP.DE_1"}, "", 0},
	// Xueqiu and others.
	{"xueqiu", Anchor{Tag: "a", Class: "xq_stock", Href: "https://xueqiu.com/S/SH600519"}, "600519.SH", 0},
	{"xueqiu hk", Anchor{Tag: "a", Href: "https://xueqiu.com/S/00700"}, "00700.HK", 0},
	{"10jqka", Anchor{Href: "http://stockpage.10jqka.com.cn/600519/"}, "600519.SH", 0},
	{"empty", Anchor{}, "", 0},
	{"plain link", Anchor{Tag: "a", Href: "https://example.com/600519.html", Text: "贵州茅台"}, "", 0},
	{"garbage data-code", Anchor{DataCode: "||||"}, "", 0},
}

func TestAnchorSymbol(t *testing.T) {
	for _, tt := range anchorTests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := AnchorListing(tt.a)
			if tt.want == "" {
				if ok {
					t.Fatalf("AnchorListing = %v, want none", got.Symbol)
				}
				return
			}
			if !ok || got.Symbol.String() != tt.want || got.Venue != tt.v {
				t.Fatalf("AnchorListing = %v %v, %v; want %s %v", got.Symbol, got.Venue, ok, tt.want, tt.v)
			}
			if s, ok := AnchorSymbol(tt.a); !ok || s != got.Symbol {
				t.Fatalf("AnchorSymbol disagrees: %v %v", s, ok)
			}
		})
	}
}

// corpusArticles returns the real articles of ../shared/corpus, or skips.
func corpusArticles(t testing.TB) map[string]string {
	shared := sharedtest.Path(t, "")
	if shared == "" {
		t.Skip("../shared/corpus not found next to the module: real-article tests skipped")
	}
	files, err := filepath.Glob(filepath.Join(shared, "corpus", "*", "*.md"))
	if err != nil || len(files) == 0 {
		t.Skip("no articles in ../shared/corpus")
	}
	out := make(map[string]string, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = string(b)
	}
	return out
}

var (
	testTagRe  = regexp.MustCompile(`<(a|span|img)\s[^>]*>`)
	testAttrRe = regexp.MustCompile(`([a-zA-Z0-9-]+)\s*=\s*"([^"]*)"`)
)

// testAnchors reads the a/span/img tags of an HTML article as Anchors
// (a test stand-in for the article parser).
func testAnchors(doc string) []Anchor {
	var out []Anchor
	for _, tag := range testTagRe.FindAllStringSubmatch(doc, -1) {
		a := Anchor{Tag: tag[1]}
		for _, kv := range testAttrRe.FindAllStringSubmatch(tag[0], -1) {
			v := strings.TrimSpace(html.UnescapeString(kv[2]))
			switch strings.ToLower(kv[1]) {
			case "href":
				a.Href = v
			case "src":
				a.Src = v
			case "id":
				a.ID = v
			case "class":
				a.Class = v
			case "data-code":
				a.DataCode = v
			case "data-code2":
				a.DataCode2 = v
			case "code":
				a.Code = v
			case "alt":
				a.Alt = v
			}
		}
		out = append(out, a)
	}
	return out
}

// TestAnchorCorpus checks that every stock anchor in the real articles
// that names a well-formed code resolves, that one naming none (a page's
// broken link, stockcode=SS60702) is dropped, and that quote links agree
// with the data-codes beside them. It reports how many were dropped.
func TestAnchorCorpus(t *testing.T) {
	docs := corpusArticles(t)
	var total, resolved, dropped int
	for path, doc := range docs {
		for _, a := range testAnchors(doc) {
			stock := a.DataCode != "" || a.DataCode2 != "" || strings.HasPrefix(a.ID, "stock_") ||
				strings.HasPrefix(a.ID, "symbol_") || strings.Contains(a.Class, "trsHotWords") ||
				strings.Contains(a.Href, "quote.eastmoney.com") || strings.Contains(a.Href, "realstock/company") ||
				strings.Contains(a.Src, "nid=")
			if !stock {
				if s, ok := AnchorSymbol(a); ok && !strings.Contains(a.Href, "stcn.com/dc/stock") {
					t.Errorf("%s: non-stock anchor %+v gave %v", filepath.Base(path), a, s)
				}
				continue
			}
			total++
			s, ok := AnchorSymbol(a)
			if !ok && malformedAnchorCode(a.Code) {
				dropped++
				continue
			}
			if !ok {
				t.Errorf("%s: anchor %+v did not resolve", filepath.Base(path), a)
				continue
			}
			resolved++
			for _, dc := range []string{a.DataCode, a.DataCode2} {
				if l, ok := dataCodeListing(dc); ok && l.Symbol != s {
					t.Errorf("%s: data-code %q says %v, anchor says %v", filepath.Base(path), dc, l.Symbol, s)
				}
			}
		}
	}
	t.Logf("%d stock anchors in %d articles, %d resolved, %d dropped as naming no valid code", total, len(docs), resolved, dropped)
}

// malformedAnchorCode reports whether an anchor's code names no security:
// a run of digits that is neither a six-digit A-share code nor a Hong Kong
// code of one to five digits under a Hong Kong prefix (SS60702 is five
// digits under a Shanghai prefix).
func malformedAnchorCode(code string) bool {
	digits := strings.TrimLeft(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
	prefix := strings.ToUpper(code[:len(code)-len(digits)])
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return false
	}
	if prefix == "HK" {
		return len(digits) > 5
	}
	return len(digits) != 6
}

func TestMalformedAnchorCode(t *testing.T) {
	for code, want := range map[string]bool{"60702": true, "SS60702": true, "SH600519": false, "600519": false, "HK00700": false, "HK0070000": true, "AAPL": false} {
		if got := malformedAnchorCode(code); got != want {
			t.Errorf("malformedAnchorCode(%q) = %v, want %v", code, got, want)
		}
	}
}

func FuzzAnchorSymbol(f *testing.F) {
	for _, tt := range anchorTests {
		a := tt.a
		f.Add(a.Href, a.Src, a.ID, a.DataCode, a.Code)
	}
	f.Fuzz(func(t *testing.T, href, src, id, dc, code string) {
		a := Anchor{Href: href, Src: src, ID: id, DataCode: dc, DataCode2: dc, Code: code}
		l, ok := AnchorListing(a)
		if !ok {
			if l != (Listing{}) {
				t.Fatalf("no symbol but listing %+v", l)
			}
			return
		}
		if !l.Symbol.IsValid() {
			t.Fatalf("AnchorListing(%+v) = invalid symbol", a)
		}
		if back, err := Parse(l.Symbol.String()); err != nil || back != l.Symbol {
			t.Fatalf("symbol %v does not round-trip: %v %v", l.Symbol, back, err)
		}
	})
}

func BenchmarkAnchorSymbol(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for i := range anchorTests {
			_, _ = AnchorSymbol(anchorTests[i].a)
		}
	}
}

func TestAnchorSymbolTableRow(t *testing.T) {
	for _, tt := range []struct{ code, name, want string }{
		{"600309", "万华化学", "600309.SH"},
		{"000001", "上证指数", "000001.SH"},
		{"000001", "平安银行", "000001.SZ"},
		{"00700", "腾讯控股", "00700.HK"},
		{"600519.SH", "贵州茅台", "600519.SH"},
		{"6070", "示例", ""},
		{"1234567", "示例", ""},
	} {
		sym, ok := AnchorSymbol(Anchor{Tag: "tr", Class: "table-row", Code: tt.code, Text: tt.name})
		got := ""
		if ok {
			got = sym.String()
		}
		if got != tt.want {
			t.Errorf("table row %s %s: %q, want %q", tt.code, tt.name, got, tt.want)
		}
	}
}

package ticker

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// findTests mark the expected code spans with « » and the expected name
// span with ‹ ›; want lists the symbols in order, each named by the marked
// name unless it ends in " -". All sentences are written for these tests.
var findTests = []struct {
	name string
	in   string
	want []string
}{
	// A shares.
	{"name paren", "‹贵州茅台›(«600519»)盘中创新高", []string{"600519.SH"}},
	{"name full-width paren", "‹贵州茅台›（«600519»）发布公告", []string{"600519.SH"}},
	{"suffix sh", "‹贵州茅台›（«600519.SH»）公告称", []string{"600519.SH"}},
	{"suffix ss", "‹贵州茅台›(«600519.SS»)", []string{"600519.SH"}},
	{"suffix lower", "‹五粮液›（«000858.sz»）", []string{"000858.SZ"}},
	{"suffix bare text", "关注«600519.SH»与«000858.SZ»的走势", []string{"600519.SH", "000858.SZ"}},
	{"suffix bj", "‹某某科技›（«430047.BJ»）", []string{"430047.BJ"}},
	{"prefix", "持仓«SH600519»不变", []string{"600519.SH"}},
	{"prefix lower", "行情代码«sh600519»", []string{"600519.SH"}},
	{"prefix sz", "«SZ000001»与«bj430047»", []string{"000001.SZ", "430047.BJ"}},
	{"baostock", "用«sh.600519»查询", []string{"600519.SH"}},
	{"cashtag xueqiu", "$‹贵州茅台›(«SH600519»)$ 今天", []string{"600519.SH"}},
	{"market after comma", "‹包钢股份›（«600010，SH»）今日", []string{"600010.SH"}},
	{"label stock code", "股票代码：«600519»", []string{"600519.SH"}},
	{"label securities code", "证券代码:«000001» 证券简称：‹平安银行› 公告编号：临2024-001", []string{"000001.SZ"}},
	{"label abbreviation comma", "股票代码：«300750»，股票简称：‹宁德时代›", []string{"300750.SZ"}},
	{"label abbreviation far", "证券代码：«600519»。公司董事会证券简称：某某", []string{"600519.SH"}},
	{"label with spaces", "证券代码： «688981»", []string{"688981.SH"}},
	{"label 为", "公司股票代码为«300750»。", []string{"300750.SZ"}},
	{"label quoted", "证券代码“«600225»”保持不变", []string{"600225.SH"}},
	{"index name", "‹上证指数›(«000001»)收涨", []string{"000001.SH"}},
	{"bank name", "‹平安银行›(«000001»)收涨", []string{"000001.SZ"}},
	{"csi 300", "‹沪深300›（«000300»）", []string{"000300.SH"}},
	{"etf", "‹智能汽车ETF›（«515250»）涨超2%", []string{"515250.SH"}},
	{"list bare", "‹白酒双雄›（«600519»、«000858»）", []string{"600519.SH", "000858.SZ -"}},
	{"list a and h", "‹中国平安›（«601318»，«02318.HK»，«601319»）", []string{"601318.SH", "02318.HK", "601319.SH -"}},
	{"space before bracket", "‹招商银行› («600036»)", []string{"600036.SH"}},
	{"newlines in bracket", "‹宁德时代›(\n  «300750.SZ»\n)", []string{"300750.SZ"}},
	{"lead word trimmed", "维持‹贵州茅台›（«600519»）买入评级", []string{"600519.SH"}},
	{"de stops name", "国内的‹白酒龙头›（«600519»）", []string{"600519.SH"}},
	{"full-width digits", "‹贵州茅台›（«６００５１９»）", []string{"600519.SH"}},
	{"full-width prefix", "«ＳＨ６００５１９»", []string{"600519.SH"}},
	{"full-width suffix", "‹腾讯控股›（«００７００．ＨＫ»）", []string{"00700.HK"}},
	{"full-width colon label", "股票代码：«６００５１９»", []string{"600519.SH"}},
	// Hong Kong.
	{"hk suffix", "‹腾讯控股›(«00700.HK»)", []string{"00700.HK"}},
	{"hk 4 digits", "‹腾讯控股›(«0700.HK»)", []string{"00700.HK"}},
	{"hk 3 digits", "腾讯控股«700.HK»", []string{"00700.HK"}},
	{"hk sw", "‹哔哩哔哩-SW›(«09626.HK»)发布公告", []string{"09626.HK"}},
	{"hk spaced suffix", "‹哔哩哔哩 -SW›(«09626.HK»)", []string{"09626.HK"}},
	{"hk w", "‹小米集团-W›（«01810.HK»）", []string{"01810.HK"}},
	{"hk bare 5 in bracket", "‹腾讯控股›（«00700»）", []string{"00700.HK"}},
	{"hk prefix", "«HK00700»、«hk00700»、«HK.00700»、«HK_00700»、«HK:0700»", []string{"00700.HK", "00700.HK", "00700.HK", "00700.HK", "00700.HK"}},
	{"hk label", "港股代码：«00700»", []string{"00700.HK"}},
	{"hk label h", "H股代码：«2318»", []string{"02318.HK"}},
	{"hkex", "«HKEX:700»", []string{"00700.HK"}},
	// United States.
	{"us suffix", "‹涂鸦智能›(«TUYA.US»)周四", []string{"TUYA.US"}},
	{"us wind o", "‹英特尔›(«INTC.O»)宣布", []string{"INTC.US"}},
	{"us wind n", "«BABA.N»收跌", []string{"BABA.US"}},
	{"us exchange word", "‹拼多多›（«NASDAQ: PDD»）", []string{"PDD.US"}},
	{"us exchange word tight", "«NYSE:BABA»", []string{"BABA.US"}},
	{"us nasdaq mixed case", "«Nasdaq: AAPL»", []string{"AAPL.US"}},
	{"us chinese exchange", "‹拼多多›（«纳斯达克：PDD»）", []string{"PDD.US"}},
	{"us nyse chinese", "«纽交所：BABA»", []string{"BABA.US"}},
	{"us class", "«NYSE: BRK.B»", []string{"BRK-B.US"}},
	{"us futu", "«US.AAPL»", []string{"AAPL.US"}},
	{"us tencent", "«usAAPL»", []string{"AAPL.US"}},
	{"us cashtag", "买入$«AAPL» 和$«TSLA»", []string{"AAPL.US", "TSLA.US"}},
	{"us exchange suffix", "«BABA.NYSE»、«BIDU.NASD»、«AMBO.AMEX»", []string{"BABA.US", "BIDU.US", "AMBO.US"}},
	{"sh space", "«SH 600519»", []string{"600519.SH"}},
	{"hk space year", "HK 2020", nil},
	{"hk word year", "港股2021年表现", nil},
	{"hk word four", "港交所2388", nil},
	{"hk word five", "港交所«00388»", []string{"00388.HK"}},
	{"code label", "交易代码：«510300»", []string{"510300.SH"}},
	{"code label after comma", "，代码：«002594»", []string{"002594.SZ"}},
	{"region code", "行政区划代码：110000", nil},
	{"label amount", "股票代码600000元", nil},
	{"london ric", "‹Whitbread›(«WTB.L»)", []string{"WTB.LSE"}},
	// Several listings in one bracket.
	{"multi comma", "‹阿里巴巴›（«BABA.N»，«09988.HK»）", []string{"BABA.US", "09988.HK"}},
	{"multi dunhao", "‹中国平安›（«601318.SH»、«02318.HK»）", []string{"601318.SH", "02318.HK"}},
	{"multi slash", "‹比亚迪›（«002594.SZ»/«01211.HK»）", []string{"002594.SZ", "01211.HK"}},
	{"multi semicolon", "‹中国平安›(«601318.SH»; «2318.HK»)", []string{"601318.SH", "02318.HK"}},
	{"multi ascii comma", "‹阿里巴巴›(«BABA.US», «9988.HK»)", []string{"BABA.US", "09988.HK"}},

	// Not codes.
	{"year", "2021年营收增长", nil},
	{"amount", "出资600000元", nil},
	{"shares", "增持100000股", nil},
	{"bracketed amount", "‹出资›(600000元)", nil},
	{"date", "20240101发布", nil},
	{"month", "202401期", nil},
	{"phone", "电话010-12345678或400-820-8820", nil},
	{"postal", "邮编100000", nil},
	{"bare six", "编号600519的文件", nil},
	{"bare four", "2020", nil},
	{"year in bracket", "‹公司成立›(2020)", nil},
	{"four in bracket", "‹某公司›（0700）", nil},
	{"english words", "AI ON A股 ALL IPO", nil},
	{"acronym bracket", "国内生产总值(GDP)与人工智能(AI)", nil},
	{"bare ticker bracket", "阿里巴巴(BABA)", nil},
	{"percent", "上涨(600519%)", nil},
	{"decimal", "收于1.600519元", nil},
	{"url", "见 http://quote.example.com/sh600519.html 与 /600519.SH", nil},
	{"hk no context", "腾讯00700", nil},
	{"hk dollar", "HK$100", nil},
	{"announcement number", "公告编号：临2024-001", nil},
	{"long digits", "订单号6005190001", nil},
	{"single letter suffix", "S.A. 与 U.S. 公司", nil},
	{"lowercase ticker suffix", "see aapl.us", nil},
	{"exchange without ticker", "NASDAQ: 100点", nil},
	{"a suffix single letter", "A.A 评级", nil},
	{"prefix long", "SH6005190", nil},
	{"empty", "", nil},
}

// parseMarks removes the « » ‹ › markers from in and returns the text with
// the code spans and name spans (byte offsets into the text).
func parseMarks(in string) (text string, codes, names [][2]int) {
	var b strings.Builder
	var cs, ns int
	for _, r := range in {
		switch r {
		case '«':
			cs = b.Len()
		case '»':
			codes = append(codes, [2]int{cs, b.Len()})
		case '‹':
			ns = b.Len()
		case '›':
			names = append(names, [2]int{ns, b.Len()})
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), codes, names
}

func TestFindCodes(t *testing.T) {
	for _, tt := range findTests {
		t.Run(tt.name, func(t *testing.T) {
			text, spans, names := parseMarks(tt.in)
			got := FindCodes(text)
			if len(got) != len(tt.want) {
				t.Fatalf("FindCodes(%q) = %d matches %+v, want %v", text, len(got), got, tt.want)
			}
			for i, m := range got {
				want, nameless := strings.CutSuffix(tt.want[i], " -") // " -": no name expected
				if m.Symbol.String() != want {
					t.Errorf("match %d: %v, want %s", i, m.Symbol, want)
				}
				if m.Start != spans[i][0] || m.End != spans[i][1] {
					t.Errorf("match %d: span %q, want %q", i, text[m.Start:m.End], text[spans[i][0]:spans[i][1]])
				}
				wantName, ws, we := "", -1, -1
				if len(names) > 0 && !nameless {
					ws, we = names[0][0], names[0][1]
					wantName = text[ws:we]
				}
				if m.Name != wantName || m.NameStart != ws || m.NameEnd != we {
					t.Errorf("match %d: name %q [%d,%d), want %q [%d,%d)", i, m.Name, m.NameStart, m.NameEnd, wantName, ws, we)
				}
			}
		})
	}
}

// checkMatches verifies the invariants every FindCodes result must hold.
func checkMatches(t testing.TB, text string, got []CodeMatch) {
	t.Helper()
	last := 0
	boundary := make(map[int]bool, len(text)+1)
	for i := range text { // each invalid byte counts as one rune
		boundary[i] = true
	}
	boundary[len(text)] = true
	for _, m := range got {
		if m.Start < last || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, last, text)
		}
		last = m.End
		if !boundary[m.Start] || !boundary[m.End] {
			t.Fatalf("span [%d,%d) not on rune boundaries in %q", m.Start, m.End, text)
		}
		if !m.Symbol.IsValid() {
			t.Fatalf("invalid symbol in %+v", m)
		}
		if back, err := Parse(m.Symbol.String()); err != nil || back != m.Symbol {
			t.Fatalf("symbol %v does not round-trip", m.Symbol)
		}
		if m.NameStart == -1 {
			if m.NameEnd != -1 || m.Name != "" {
				t.Fatalf("name without span: %+v", m)
			}
			continue
		}
		if m.NameStart < 0 || m.NameEnd > len(text) || m.NameStart >= m.NameEnd || text[m.NameStart:m.NameEnd] != m.Name ||
			!boundary[m.NameStart] || !boundary[m.NameEnd] {
			t.Fatalf("bad name span %+v in %q", m, text)
		}
		if !utf8.ValidString(m.Name) {
			t.Fatalf("name %q is not valid UTF-8", m.Name)
		}
	}
}

func FuzzFindCodes(f *testing.F) {
	for _, tt := range findTests {
		text, _, _ := parseMarks(tt.in)
		f.Add(text)
	}
	f.Add("（６００５１９，ＳＨ）\xff(")
	f.Fuzz(func(t *testing.T, text string) {
		checkMatches(t, text, FindCodes(text))
	})
}

// TestFindCodesCorpus runs the finder over the real articles: every match
// must hold the invariants, and the code-tier evidence of the dev gold set
// that is written in the text must be found.
func TestFindCodesCorpus(t *testing.T) {
	docs := corpusArticles(t)
	n := 0
	for _, doc := range docs {
		got := FindCodes(doc)
		checkMatches(t, doc, got)
		n += len(got)
	}
	t.Logf("%d codes in %d articles", n, len(docs))
	for _, ev := range []struct{ text, want string }{
		// Shapes of the dev gold set, rewritten around other words.
		{"某公司(600519)", "600519.SH"},
		{"某某股份（600010，SH）", "600010.SH"},
	} {
		got := FindCodes(ev.text)
		if len(got) != 1 || got[0].Symbol.String() != ev.want {
			t.Errorf("FindCodes(%q) = %+v, want %s", ev.text, got, ev.want)
		}
	}
}

func BenchmarkFindCodes(b *testing.B) {
	b.Run("headline", func(b *testing.B) {
		text := "贵州茅台（600519）与阿里巴巴（BABA.N，09988.HK）同日公告，上证指数收涨0.5%"
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			_ = FindCodes(text)
		}
	})
	b.Run("corpus", func(b *testing.B) {
		docs := corpusArticles(b)
		var all strings.Builder
		for _, d := range docs {
			all.WriteString(d)
			all.WriteByte('\n')
		}
		text := all.String()
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			_ = FindCodes(text)
		}
	})
	// A lower bound for any single pass over the corpus, for scale: the
	// cost of decoding every rune.
	b.Run("corpus rune count", func(b *testing.B) {
		docs := corpusArticles(b)
		n := 0
		for _, d := range docs {
			n += len(d)
		}
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, d := range docs {
				_ = utf8.RuneCountInString(d)
			}
		}
	})
}

func TestFindCodesSeq(t *testing.T) {
	text := "贵州茅台（600519）与腾讯控股（00700.HK）、SZ000001"
	all := FindCodes(text)
	var got []CodeMatch
	for m := range FindCodesSeq(text) {
		got = append(got, m)
	}
	if len(got) != 3 || len(all) != 3 {
		t.Fatalf("FindCodesSeq found %d, FindCodes %d", len(got), len(all))
	}
	for i := range got {
		if got[i] != all[i] {
			t.Fatalf("match %d: %+v vs %+v", i, got[i], all[i])
		}
	}
	n := 0
	for range FindCodesSeq(text) {
		n++
		break
	}
	if n != 1 {
		t.Fatal("FindCodesSeq did not stop")
	}
}

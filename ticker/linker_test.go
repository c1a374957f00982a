package ticker

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// linkTests are synthetic sentences written for these tests. want lists the
// canonical symbols Link must return, in any order; via, when set, is the
// Via wanted for the first symbol.
var linkTests = []struct {
	name string
	text string
	want []string
	via  Via
}{
	{"short name", "贵州茅台今日收涨。", []string{"600519.SH"}, ViaName},
	{"alias", "茅台的提价预期升温。", []string{"600519.SH"}, ViaName},
	{"full-width letter", "万科Ａ发布公告。", []string{"000002.SZ"}, 0},
	{"full name stem", "招商局蛇口工业区发布公告。", []string{"001979.SZ"}, 0},
	{"longest wins over inner short word", "中国平安公布保费数据。", []string{"601318.SH"}, 0},
	{"longest wins: 中信证券 not 中信", "中信证券发布研报。", []string{"600030.SH"}, 0},
	{"京东方 is not 京东", "京东方的面板出货量上升。", []string{"000725.SZ"}, 0},
	{"stop name alone", "一路平安，东方既白，中信如何。", nil, 0},
	{"two-character name inside a word", "这是最美的风景。", nil, 0},
	{"two-character name after a verb", "公司拟收购美的旗下资产。", []string{"000333.SZ"}, 0},
	{"two-character name after punctuation", "据悉，腾讯与小米达成合作。", []string{"00700.HK", "01810.HK"}, 0},
	{"adjacent names", "阿里腾讯均下跌。", []string{"09988.HK", "00700.HK"}, 0},
	{"built-in short name after any character", "那么知乎今天如何，看好美团。", []string{"02390.HK", "03690.HK"}, 0},
	{"built-in short name risky left", "南京东路上", nil, 0},
	{"built-in short name risky right", "让人联想到", nil, 0},
	{"built-in strict short name", "财长和央行", nil, 0},
	{"product does not link parent", "微信和淘宝的用户数。阿里云增长。", nil, 0},
	{"auction platform does not link parent", "阿里拍卖网站显示，股权将被拍卖。", nil, 0},
	{"institution is not the company", "贝壳研究院发布报告。", nil, 0},
	{"theme is not the company", "苹果概念股午后走强，腾讯题材也有表现。", nil, 0},
	{"model is not the maker", "小鹏P7、比亚迪汉和特斯拉Model Y的销量。", nil, 0},
	{"quarter is not a model", "腾讯Q3营收增长。", []string{"00700.HK"}, 0},
	{"platform is not the company", "他在微博回应质疑，快手用户也在讨论。", nil, 0},
	{"platform company", "微博发布财报，快手股价上涨。", []string{"09898.HK", "01024.HK"}, 0},
	{"company beside a theme", "苹果概念股走强，苹果股价上涨。", []string{"AAPL.US"}, 0},
	{"credit is not a subject", "数据来源：同花顺", nil, 0},
	{"credit with a slash", "资料来源 / 华泰证券研报", nil, 0},
	{"credit with a bar", "图源｜同花顺", nil, 0},
	{"national phrase", "中国移动市场份额", nil, 0},
	{"national name", "中国移动发布公告", []string{"600941.SH"}, 0},
	{"latin boundary", "Metaverse is not a company.", nil, 0},
	{"latin name", "Meta shares rose.", []string{"META.US"}, 0},
	{"latin in URL", "see https://example.com/qualcomm-news", nil, 0},
	{"index names", "沪指涨1%，深成指涨2%，创业板指跌。", []string{"000001.SH", "399001.SZ", "399006.SZ"}, 0},
	{"index digits boundary", "沪深3000点", nil, 0},
	{"overseas index not linked", "恒生指数和纳斯达克指数下跌。", nil, 0},
	{"A-share preferred for a name", "比亚迪销量创新高。", []string{"002594.SZ"}, 0},
	{"HK before US", "阿里巴巴公布业绩。", []string{"09988.HK"}, 0},
	{"US only", "拼多多股价上涨。", []string{"PDD.US"}, 0},
	{"current ticker by name", "Facebook发布新品。", []string{"META.US"}, 0},
	{"old ticker written, name follows it", "Facebook(FB.O)股价下跌，脸书称…", []string{"FB.US"}, 0},
	{"code links that listing", "腾讯控股(00700.HK)发布公告。", []string{"00700.HK"}, ViaCode},
	{"code for H share, name alone elsewhere", "比亚迪股份(01211.HK)上涨。比亚迪新车发布。", []string{"01211.HK"}, ViaCode | ViaName},
	{"code for H share, A share named", "比亚迪股份(01211.HK)上涨，比亚迪A股亦涨。", []string{"01211.HK", "002594.SZ"}, 0},
	{"H share named", "比亚迪H股走强。", []string{"01211.HK"}, 0},
	{"learned in the article", "星河微电子(688999)公告称，星河微电子拟扩产。", []string{"688999.SH"}, ViaCode | ViaName},
	{"generic word beside a code is not learned", "子公司(688999)公告。子公司增资。", []string{"688999.SH"}, ViaCode},
	{"latin unknown name is not learned", "Acme Inc ACME.O rose; Foo Inc fell.", []string{"ACME.US"}, ViaCode},
	{"short unknown name is not learned", "星河(688999)公告。星河增资。", []string{"688999.SH"}, ViaCode},
	{"stop name learned in the article", "新希望(000876)公告；新希望生猪出栏。", []string{"000876.SZ"}, ViaCode | ViaName},
	{"name inside another company's registered name", "杭州腾讯创新投资有限公司增资。", nil, 0},
	{"listed company's registered name", "比亚迪股份有限公司发布公告。", []string{"002594.SZ"}, 0},
	{"long run before 有限公司 is running text", "腾讯今年在云业务投入巨大而该业务所属的有限公司未公布。", []string{"00700.HK"}, 0},
	{"exchange as venue", "该公司在港交所发布公告，据香港交易所数据。", nil, 0},
	{"exchange as company", "港交所股价下跌。", []string{"00388.HK"}, 0},
	{"exchange with code", "港交所(00388.HK)公告。", []string{"00388.HK"}, ViaCode},
	{"index outside the scored list", "上证50和中证500指数上涨。", nil, 0},
	{"index outside the scored list with code", "中证500(000905.SH)上涨。", []string{"000905.SH"}, ViaCode},
	{"unlisted subsidiary", "东方财富证券研报认为。", nil, 0},
	{"unlisted subsidiary by alias", "公司拟与中金资本签署协议。", nil, 0},
	{"fund named after a company", "中金新能源产业投资基金完成备案。", nil, 0},
	{"fund holdings of a company", "贵州茅台基金持仓比例下降。", []string{"600519.SH"}, 0},
	{"separately listed arm is not its parent", "恒大汽车短线下挫，通达集团跟涨。", []string{"00708.HK", "00698.HK"}, 0},
	{"research house", "瑞银发表研究报告指出。", []string{"UBS.US"}, 0},
	{"HK listing before US for a name", "汽车之家和华住集团公布业绩。", []string{"02518.HK", "01179.HK"}, 0},
	{"Hong Kong car dealers", "中升控股跌超5%，美东汽车跌超3%。", []string{"00881.HK", "01268.HK"}, 0},
	{"former name of a special-treatment share", "华西能源被卖出最多。", []string{"002630.SZ"}, 0},
	{"A share for a Hong Kong short name", "华虹半导体、上海复旦涨近4%。", []string{"688347.SH", "688385.SH"}, 0},
	{"Hong Kong code written", "上海复旦(01385.HK)涨近4%。", []string{"01385.HK"}, ViaCode},
	{"university is not the company", "上海复旦大学附属医院。", nil, 0},
	{"name starting with 国 after a word start", "公司称国投电力发布公告。", []string{"600886.SH"}, 0},
	{"apple the fruit", "红富士苹果滞销，苹果汁走俏。", nil, 0},
	{"apple the company", "苹果股价创新高。", []string{"AAPL.US"}, 0},
}

func TestLinkerLink(t *testing.T) {
	l := NewLinker(nil, nil)
	for _, tt := range linkTests {
		t.Run(tt.name, func(t *testing.T) {
			links := l.Link(Document{Text: tt.text})
			var got []string
			for _, k := range links {
				got = append(got, k.Symbol.String())
			}
			if !sameSet(got, tt.want) {
				t.Fatalf("Link(%q) = %v, want %v", tt.text, got, tt.want)
			}
			if tt.via != 0 && len(links) > 0 && links[0].Via != tt.via {
				t.Errorf("Via = %v, want %v", links[0].Via.Names(), tt.via.Names())
			}
		})
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestLinkerMentionSpans checks offsets: bytes, half-open, on rune
// boundaries, and text[Start:End] is the name as written.
func TestLinkerMentionSpans(t *testing.T) {
	text := "标题：腾讯\n腾讯控股与ＭＥＴＡ合作，茅台上涨。"
	ms := NewLinker(nil, nil).Mentions(Document{Text: text, TitleLen: len("标题：腾讯")})
	want := []string{"腾讯", "腾讯控股", "ＭＥＴＡ", "茅台"}
	if len(ms) != len(want) {
		t.Fatalf("got %d mentions %+v, want %d", len(ms), ms, len(want))
	}
	for i, m := range ms {
		if !utf8.ValidString(text[:m.Start]) || !utf8.ValidString(text[m.End:]) {
			t.Errorf("mention %d not on rune boundaries", i)
		}
		if got := text[m.Start:m.End]; got != want[i] {
			t.Errorf("mention %d = %q, want %q", i, got, want[i])
		}
	}
}

func TestLinkerLinkFields(t *testing.T) {
	text := "腾讯发布财报\n腾讯与阿里巴巴合作，腾讯股价上涨。"
	links := NewLinker(nil, nil).Link(Document{Text: text, TitleLen: len("腾讯发布财报")})
	if len(links) != 2 {
		t.Fatalf("got %+v", links)
	}
	tx, ali := links[0], links[1]
	if tx.Symbol.String() != "00700.HK" || tx.Name != "腾讯控股" || tx.Mentions != 3 || tx.First != 0 || !tx.InTitle || tx.Relevance != 1 {
		t.Errorf("tencent link = %+v", tx)
	}
	// 阿里巴巴: first at byte 25 of 64 → pos = 1 − 25/64 = 0.609; share 1/4;
	// base = 0.2 + 0.4·0.609 + 0.4·0.25 = 0.544; damp 2/(1+√2) = 0.828;
	// relevance 0.45.
	if ali.Symbol.String() != "09988.HK" || ali.Mentions != 1 || ali.First != strings.Index(text, "阿里巴巴") || ali.InTitle {
		t.Errorf("alibaba link = %+v", ali)
	}
	if math.Abs(ali.Relevance-0.45) > 1e-9 {
		t.Errorf("alibaba relevance = %v, want 0.45", ali.Relevance)
	}
}

// relevanceTests are hand-worked values of the formula in Linker.Link.
var relevanceTests = []struct {
	name              string
	link              Link
	textLen, total, n int
	want              float64
}{
	{"title", Link{InTitle: true, First: 0, Mentions: 1}, 100, 5, 9, 1},
	{"alone at the top", Link{First: 0, Mentions: 2}, 100, 2, 1, 1},
	// pos 0.5, share 0.25: base 0.2+0.2+0.1 = 0.5; damp 2/(1+2) = 2/3 → 0.33
	{"one of four, halfway", Link{First: 50, Mentions: 1}, 100, 4, 4, 0.33},
	// embed only: base raised to 0.8, damp 2/3 → 0.53
	{"embed only", Link{First: -1, Via: ViaEmbed}, 100, 3, 4, 0.53},
	// pos 0.1, share 0.1: base 0.2+0.04+0.04 = 0.28; damp 2/(1+3) = 0.5 → 0.14
	{"one of nine, near the end", Link{First: 90, Mentions: 1}, 100, 10, 9, 0.14},
}

func TestLinkMentions(t *testing.T) {
	l := NewLinker(nil, nil)
	doc := Document{Text: "腾讯控股(00700.HK)与美团合作，腾讯上涨。", TitleLen: 6}
	links, ms := l.LinkMentions(doc)
	if !slices.Equal(links, l.Link(doc)) || !slices.Equal(ms, l.Mentions(doc)) {
		t.Errorf("LinkMentions differs from Link and Mentions")
	}
}

func TestRelevance(t *testing.T) {
	for _, tt := range relevanceTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := relevance(tt.link, tt.textLen, tt.total, tt.n); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("relevance = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLinkerOptions(t *testing.T) {
	text := "星河微电子拟扩产；平安夜促销。"
	sym := MustParse("688999.SH")
	if got := NewLinker(nil, nil).Link(Document{Text: text}); len(got) != 0 {
		t.Fatalf("without learning: %+v", got)
	}
	l := NewLinker(nil, &LinkerOptions{Learned: map[string]Symbol{"星河微电子": sym}})
	got := l.Link(Document{Text: text})
	if len(got) != 1 || got[0].Symbol != sym || got[0].Via != ViaName {
		t.Fatalf("with Learned: %+v", got)
	}
	// An extra stop name silences an alias.
	l = NewLinker(nil, &LinkerOptions{MoreStopNames: []string{"茅台"}})
	if got := l.Link(Document{Text: "茅台上涨"}); len(got) != 0 {
		t.Errorf("MoreStopNames: %+v", got)
	}
	// An empty stop list lets 平安 through? No: 平安 is not a name in the
	// default master; but 太阳能 is a security name once all_code is loaded,
	// so use a master that has it.
	m := NewMaster([]Security{{Symbol: MustParse("000591.SZ"), Name: "太阳能"}})
	if got := NewLinker(m, nil).Link(Document{Text: "太阳能板块"}); len(got) != 0 {
		t.Errorf("default stop names: %+v", got)
	}
	if got := NewLinker(m, &LinkerOptions{StopNames: []string{}}).Link(Document{Text: "太阳能板块"}); len(got) != 1 {
		t.Errorf("empty stop names: %+v", got)
	}
	// Learning in the article can be turned off.
	text = "星河微电子(688999)公告称，星河微电子拟扩产。"
	got = NewLinker(nil, &LinkerOptions{NoArticleLearning: true}).Link(Document{Text: text})
	if len(got) != 1 || got[0].Via != ViaCode || got[0].Mentions != 1 {
		t.Errorf("NoArticleLearning: %+v", got)
	}
}

func TestTrimLead(t *testing.T) {
	for in, want := range map[string]string{
		"新三板挂牌公司星河期货": "星河期货", "白酒龙头贵州茅台": "贵州茅台", "贵州茅台": "贵州茅台",
		"星河公司": "星河公司", "龙头企业星河": "星河", "万科企业股份有限公司": "万科企业股份有限公司",
	} {
		if got := trimLead(in); got != want {
			t.Errorf("trimLead(%q) = %q, want %q", in, got, want)
		}
	}
	// The trimmed name is learned and shown.
	text := "新三板挂牌公司星河期货(834999)公告。星河期货增资。"
	links := NewLinker(nil, nil).Link(Document{Text: text})
	if len(links) != 1 || links[0].Name != "星河期货" || links[0].Mentions != 2 {
		t.Errorf("Link = %+v", links)
	}
}

func TestLinkerDecorations(t *testing.T) {
	m := NewMaster([]Security{
		{Symbol: MustParse("000004.SZ"), Name: "*ST星河电子"},
		{Symbol: MustParse("00999.HK"), Name: "星海医疗-SW"},
		{Symbol: MustParse("000005.SZ"), Name: "ST星云"}, // bare name too short to index
		{Symbol: MustParse("000006.SZ"), Name: "星辰", Aliases: []string{"星辰"}},
		{Symbol: MustParse("000007.SZ"), Name: "*ST星光"}, // bare name too short; written ST星光 too
	})
	l := NewLinker(m, nil)
	for text, want := range map[string]int{
		"*ST星河电子公告": 1, "星河电子公告": 1, "星海医疗-SW上涨": 1, "星海医疗上涨": 1,
		"ST星云公告": 1, "星云公告": 0, "据星辰公告": 1, "繁星辰光": 0,
		"*ST星光公告": 1, "ST星光公告": 1, "星光公告": 0,
	} {
		if got := l.Link(Document{Text: text}); len(got) != want {
			t.Errorf("Link(%q) = %+v, want %d links", text, got, want)
		} else if want == 1 && got[0].Name != m.secs[m.bySym[got[0].Symbol]].Name {
			t.Errorf("Link(%q).Name = %q, want the decorated name", text, got[0].Name)
		}
	}
}

func TestLearner(t *testing.T) {
	lr := NewLearner()
	lr.Observe(Document{Text: "星河微电子(688999)发布公告。"})
	lr.Observe(Document{Text: "星河微电子（688999.SH）股价上涨。"})
	lr.Add("星河微电子", MustParse("688998.SH"))
	lr.Add("AB", MustParse("688998.SH")) // a ticker, not a name
	lr.Add("星", MustParse("688998.SH"))  // too short
	got := lr.Learned()
	if len(got) != 1 || got["星河微电子"].String() != "688999.SH" {
		t.Fatalf("Learned = %v", got)
	}
	l := NewLinker(nil, &LinkerOptions{Learned: got})
	if links := l.Link(Document{Text: "星河微电子拟扩产"}); len(links) != 1 {
		t.Errorf("Link with learned = %+v", links)
	}
}

func TestLinkerEmptyAndHostile(t *testing.T) {
	l := NewLinker(nil, nil)
	for _, s := range []string{"", "\xff\xfe腾讯\xff", strings.Repeat("腾", 1000), "(((((600519", "茅台" + strings.Repeat("\x00", 10)} {
		for _, m := range l.Mentions(Document{Text: s, TitleLen: len(s) + 5}) {
			if m.Start < -1 || m.End > len(s) || m.Start > m.End {
				t.Errorf("%q: bad span %+v", s, m)
			}
		}
	}
}

// TestLinkerConcurrent races the lazy automaton build and Link calls; run
// with -race.
func TestLinkerConcurrent(t *testing.T) {
	m := NewMaster(DefaultMaster().All())
	l := NewLinker(m, nil)
	done := make(chan []Link)
	for range 8 {
		go func() { done <- l.Link(Document{Text: "贵州茅台与宁德时代"}) }()
	}
	for range 8 {
		if got := <-done; len(got) != 2 {
			t.Errorf("got %+v", got)
		}
	}
}

// TestLinkerWordNames checks names that are also ordinary words: word stop
// names link as items of a list of securities, and only there; a name that
// starts with 国 does not take it from a country word.
func TestLinkerWordNames(t *testing.T) {
	const rows = "symbol,name\n002152.SZ,广电运通\n000997.SZ,新大陆\n300130.SZ,新国都\n000061.SZ,农产品\n000591.SZ,太阳能\n600617.SH,国新能源\n"
	extra, err := LoadCSV(strings.NewReader(rows), &CSVOptions{Name: "enum.csv"})
	if err != nil {
		t.Fatal(err)
	}
	l := NewLinker(DefaultMaster().Merge(extra), nil)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"middle of a list", "机具企业：广电运通、新大陆、新国都等。", []string{"002152.SZ", "000997.SZ", "300130.SZ"}},
		{"chained through another word name", "广电运通、新大陆、农产品涨停。", []string{"002152.SZ", "000997.SZ", "000061.SZ"}},
		{"last item after 和", "广电运通和农产品涨停。", []string{"002152.SZ", "000061.SZ"}},
		{"word names only among themselves", "太阳能、农产品价格走高。", nil},
		{"word name in running text", "广电运通称农产品价格走高。", []string{"002152.SZ"}},
		{"word name as a phrase after a list", "广电运通、太阳能发电设备商。", []string{"002152.SZ"}},
		{"last item before a market verb", "广电运通、农产品涨停。", []string{"002152.SZ", "000061.SZ"}},
		{"国 of a country word", "我国新能源汽车和美国新能源政策。", nil},
		{"name starting with 国 at a word start", "国新能源发布公告。", []string{"600617.SH"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, k := range l.Link(Document{Text: tt.text}) {
				got = append(got, k.Symbol.String())
			}
			if !sameSet(got, tt.want) {
				t.Fatalf("Link(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestLinkerZeroMaster: a zero Master links nothing by name and does not
// panic; codes and embeds still link.
func TestLinkerZeroMaster(t *testing.T) {
	l := NewLinker(&Master{}, nil)
	text := "示例\n贵州茅台(600519)今日上涨。"
	links := l.Link(Document{Text: text, TitleLen: len("示例")})
	if len(links) != 1 || links[0].Symbol != MustParse("600519.SH") || links[0].Via != ViaCode {
		t.Fatalf("links = %+v, want 600519.SH by code only", links)
	}
}

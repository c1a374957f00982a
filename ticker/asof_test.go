package ticker

import (
	"slices"
	"testing"
)

// asOfTests link one sentence at several dates with the built-in master.
var asOfTests = []struct {
	text, day string
	want      []string // symbols, sorted
}{
	// Facebook: FB until 2022-06-09, META after; one security.
	{"Facebook股价下跌。", "2018-09-28", []string{"FB.US"}},
	{"Facebook股价下跌。", "2023-01-05", []string{"META.US"}},
	{"Meta股价下跌。", "2022-01-05", []string{"FB.US"}},
	{"Meta股价下跌。", "2019-01-05", nil}, // the name came in 2021-10
	{"脸书股价下跌。", "2016-01-05", []string{"FB.US"}},
	// 贝壳: New York from 2020-08-13, Hong Kong from 2022-05-11.
	{"贝壳发布财报。", "2020-01-10", nil},
	{"贝壳发布财报。", "2021-03-22", []string{"BEKE.US"}},
	{"贝壳发布财报。", "2022-06-01", []string{"02423.HK"}},
	// 腾讯音乐: New York from 2018-12-12, Hong Kong from 2022-09-21.
	{"腾讯音乐发布财报。", "2021-03-22", []string{"TME.US"}},
	{"腾讯音乐发布财报。", "2022-10-10", []string{"01698.HK"}},
	// 晶科能源: the NYSE parent until its STAR subsidiary listed on 2022-01-26.
	{"晶科能源发布公告。", "2021-03-22", []string{"JKS.US"}},
	{"晶科能源发布公告。", "2022-03-01", []string{"688223.SH"}},
	// 中芯国际: New York and Hong Kong, then STAR from 2020-07-16.
	{"中芯国际发布公告。", "2019-01-10", []string{"00981.HK"}},
	{"中芯国际发布公告。", "2021-01-10", []string{"688981.SH"}},
	// 百度, 京东, 阿里巴巴, 蔚来: US first, Hong Kong from the secondary listing.
	{"百度发布财报。", "2020-05-01", []string{"BIDU.US"}},
	{"百度发布财报。", "2021-05-01", []string{"09888.HK"}},
	{"京东发布财报。", "2020-05-01", []string{"JD.US"}},
	{"京东发布财报。", "2020-07-01", []string{"09618.HK"}},
	{"阿里巴巴发布财报。", "2019-06-01", []string{"BABA.US"}},
	{"阿里巴巴发布财报。", "2019-12-01", []string{"09988.HK"}},
	{"蔚来发布财报。", "2018-01-10", nil},
	{"蔚来发布财报。", "2019-01-10", []string{"NIO.US"}},
	{"蔚来发布财报。", "2022-04-01", []string{"09866.HK"}},
	// Before an IPO a name links nothing.
	{"小米发布新品。", "2018-01-15", nil},
	{"小米发布新品。", "2018-08-01", []string{"01810.HK"}},
	// A rename: 国泰君安 until 2025-04-03, 国泰海通 after; one security.
	{"国泰君安发布公告。", "2024-06-01", []string{"601211.SH"}},
	{"国泰海通发布公告。", "2024-06-01", nil},
	{"国泰海通发布公告。", "2025-06-01", []string{"601211.SH"}},
	// No date: every listing counts, the several-markets rule as before.
	{"百度发布财报。", "", []string{"09888.HK"}},
}

func TestLinkAsOf(t *testing.T) {
	l := NewLinker(nil, nil)
	for _, tt := range asOfTests {
		var got []string
		for _, k := range l.Link(Document{Text: tt.text, AsOf: tt.day}) {
			got = append(got, k.Symbol.String())
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Link(%q) as of %q = %v, want %v", tt.text, tt.day, got, tt.want)
		}
	}
}

// A code written in the article links what it says, and the link says
// when the master has no such listing on that day.
func TestLinkAsOfCodes(t *testing.T) {
	l := NewLinker(nil, nil)
	for _, tt := range []struct {
		text, day, want string
		unlisted        bool
	}{
		{"Facebook(FB.O)股价下跌。", "2018-09-28", "FB.US", false},
		{"Meta(FB.O)股价下跌。", "2023-03-01", "FB.US", true},
		{"Meta(META.O)股价下跌。", "2023-03-01", "META.US", false},
		{"小米集团(01810.HK)发布新品。", "2018-01-15", "01810.HK", true},
		{"天风期货（834277）获增资。", "2023-05-01", "834277.NQ", true},
		{"诺思兰德（430047）发布公告。", "2023-05-01", "430047.BJ", false},
	} {
		links := l.Link(Document{Text: tt.text, AsOf: tt.day})
		if len(links) == 0 || links[0].Symbol.String() != tt.want || links[0].Unlisted != tt.unlisted {
			t.Errorf("Link(%q) as of %s = %+v, want %s unlisted=%v", tt.text, tt.day, links, tt.want, tt.unlisted)
		}
	}
}

func TestSpan(t *testing.T) {
	for _, tt := range []struct {
		s    Span
		day  string
		want bool
	}{
		{Span{}, "2020-01-01", true},
		{Span{From: "2020-01-01"}, "2019-12-31", false},
		{Span{From: "2020-01-01"}, "2020-01-01", true},
		{Span{To: "2020-01-01"}, "2020-01-01", false},
		{Span{From: "2018"}, "2018-03-01", true}, // a year alone: from its first day
		{Span{From: "2018"}, "2017-12-31", false},
		{Span{From: "2020-01-01", To: "2021-01-01"}, "", true},
	} {
		if got := tt.s.Contains(tt.day); got != tt.want {
			t.Errorf("%+v.Contains(%q) = %v, want %v", tt.s, tt.day, got, tt.want)
		}
	}
}

// A security the title names inside a longer word that does not link (a
// subsidiary's name) is what the article is about: relevance 1, above the
// other securities of a list article.
func TestRelevanceTitleLongerName(t *testing.T) {
	l := NewLinker(nil, nil)
	title := "东方财富证券净利大增"
	text := title + "\n东方财富、华西证券、东兴证券、东吴证券披露业绩。东方财富旗下券商表现突出，东方财富股价上涨。"
	links := l.Link(Document{Text: text, TitleLen: len(title), AsOf: "2022-08-01"})
	if len(links) < 4 || links[0].Symbol.String() != "300059.SZ" || links[0].Relevance != 1 || links[1].Relevance >= 0.5 {
		t.Errorf("links = %+v, want 300059.SZ first with relevance 1", links)
	}
}

// English names from the exchanges' lists link when written as a name of
// their own, capitalised, not inside a longer Latin name.
func TestEnglishNames(t *testing.T) {
	l := NewLinker(nil, nil)
	for _, tt := range []struct{ text, want string }{
		{"KKR宣布收购一家公司。", "KKR.US"},
		{"私募巨头The Carlyle Group宣布募资。", "CG.US"},
		{"Carlyle宣布募资。", "CG.US"},
		{"Stellantis发布财报。", "STLA.US"},
		{"Oatly股价大跌。", "OTLY.US"},
		{"Target股价下跌。", "TGT.US"},
		{"公司的target是盈利。", ""},
		{"GaN功率器件需求大增。", ""},
		{"咖啡连锁店Costa Coffee。", ""},
		{"see https://example.com/qualcomm-news", ""},
	} {
		got := ""
		if links := l.Link(Document{Text: tt.text, AsOf: "2023-06-01"}); len(links) > 0 {
			got = links[0].Symbol.String()
		}
		if got != tt.want {
			t.Errorf("Link(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

package stocknews

import (
	"testing"
	"time"
)

func TestDatePublished(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	src := time.Date(2022, 1, 6, 20, 44, 3, 0, cst)
	for _, tt := range []struct {
		name     string
		a        Article
		raw      string
		want     string // date, "" for none
		wantFrom string
	}{
		{"source", Article{Published: src}, "", "2022-01-06", "source"},
		{"url path", Article{URL: "https://example.org/news/2018/09/21/story.html"}, "", "2018-09-21", "url"},
		{"url query in markup", Article{}, `<img src="//img.example.net/r/?m=02&amp;d=20180929&amp;t=2"/>`, "2018-09-29", "url"},
		{"dateline with the year from a URL", Article{Paragraphs: []Paragraph{{Text: "路透纽约9月21日 - 美股周五收高。"}}},
			`<img src="//img.example.net/r/?d=20180922&t=2"/>`, "2018-09-21", "dateline"},
		{"dateline without a year", Article{Paragraphs: []Paragraph{{Text: "路透北京9月7日 - 央行表示。"}}}, "", "", ""},
		{"no date", Article{URL: "https://example.org/a/idCN123"}, "no dates here 20181", "", ""},
		{"a date in the text is no URL", Article{}, "营收2018/09/21/亿元", "", ""},
	} {
		a := tt.a
		datePublished(&a, []byte(tt.raw), cst)
		got := ""
		if !a.Published.IsZero() {
			got = a.Published.In(cst).Format(time.DateOnly)
		}
		if got != tt.want || a.PublishedFrom != tt.wantFrom {
			t.Errorf("%s: published %q from %q, want %q from %q", tt.name, got, a.PublishedFrom, tt.want, tt.wantFrom)
		}
	}
}

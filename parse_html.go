package stocknews

import (
	"strings"

	"github.com/stocknews/stocknews/internal/markup"
)

func (p *parser) html(data []byte) (*Article, error) {
	res := markup.Parse(string(data), markup.Options{})
	a := &Article{}
	meta := func(keys ...string) string {
		for _, k := range keys {
			if v := strings.TrimSpace(res.Meta[k]); v != "" {
				return v
			}
		}
		return ""
	}
	a.Title = meta("og:title", "twitter:title", "headline")
	if a.Title == "" {
		a.Title = res.H1
	}
	if a.Title == "" {
		a.Title = trimSiteName(markup.Fold(res.Title), meta("og:site_name", "application-name"))
	}
	if t := meta("article:published_time", "og:release_date", "pubdate", "publishdate", "publish_time",
		"datepublished", "date", "dc.date", "weibo: article:create_at"); t != "" {
		a.Published = parseTime(t, p.opts.location())
	}
	p.authorMedia = meta("source", "media", "article:publisher", "og:site_name", "author")
	a.Category = meta("article:section", "category")
	if kw := meta("keywords", "news_keywords", "article:tag"); kw != "" {
		a.Tags = strings.FieldsFunc(kw, func(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' })
		for i := range a.Tags {
			a.Tags[i] = strings.TrimSpace(a.Tags[i])
		}
	}
	a.URL = meta("og:url")
	p.fromMarkup(a, res)
	a.Paragraphs = dropTitleEcho(markup.Fold(a.Title), a.Paragraphs)
	return a, nil
}

func (p *parser) text(data []byte) (*Article, error) {
	a := &Article{}
	first := true
	for line := range strings.Lines(string(data)) {
		t := markup.Fold(line)
		if t == "" {
			continue
		}
		if first {
			a.Title, first = t, false
			continue
		}
		if m, ok := markup.MediaLine(t); ok {
			if a.Media == "" {
				a.Media = m
			}
			continue
		}
		a.Paragraphs = append(a.Paragraphs, Paragraph{Text: t})
	}
	return a, nil
}

// trimSiteName removes a site's name that a <title> carries after the
// headline: "央行开展逆回购操作 - 示例财经网" gives "央行开展逆回购操作". The
// name is removed when it is the page's site name, or when it is short and
// ends like an outlet's name (网, 报, 财经, 新闻, …).
func trimSiteName(title, site string) string {
	for _, sep := range []string{" - ", " | ", "_", " – ", "－"} {
		k := strings.LastIndex(title, sep)
		if k <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:k]), strings.TrimSpace(title[k+len(sep):])
		if head == "" {
			continue
		}
		if (site != "" && tail == site) || markup.IsOutletName(tail) {
			return head
		}
	}
	return title
}

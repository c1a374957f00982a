package stocknews

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/stocknews/stocknews/internal/markup"
)

// Feed keys, in order of preference. Keys are matched case-insensitively.
var (
	titleKeys    = []string{"title", "新闻标题", "标题", "headline"}
	contentKeys  = []string{"content", "新闻内容", "内容", "body", "text", "article", "summary", "digest"}
	timeKeys     = []string{"publish_time", "time", "date", "发布时间", "published", "pubdate", "publishtime", "datetime", "ctime", "showtime"}
	sourceKeys   = []string{"source", "文章来源", "来源", "media", "mediasource", "author"}
	urlKeys      = []string{"url", "新闻链接", "链接", "link", "href"}
	idKeys       = []string{"id", "infocode", "code", "news_id"}
	categoryKeys = []string{"category", "column", "栏目"}
	tagKeys      = []string{"tags", "keywords", "关键词"}
)

func (p *parser) json(data []byte) (*Article, error) {
	s := bytes.TrimSpace(data)
	if len(s) > 0 && s[0] == '[' {
		var recs []json.RawMessage
		if err := json.Unmarshal(s, &recs); err != nil {
			return nil, p.jsonErr(data, err)
		}
		if len(recs) != 1 {
			return nil, &ParseError{Name: p.name, Offset: -1, Err: reason(ErrFormat, "a JSON array of %d records; Parse reads one", len(recs))}
		}
		s = recs[0]
	}
	dec := json.NewDecoder(bytes.NewReader(s))
	dec.UseNumber()
	var rec map[string]any
	if err := dec.Decode(&rec); err != nil {
		return nil, p.jsonErr(data, err)
	}
	if rest := bytes.TrimSpace(s[dec.InputOffset():]); len(rest) > 0 {
		n := 1 + bytes.Count(rest, []byte("\n")) + 1
		return nil, &ParseError{Name: p.name, Line: 2, Offset: int(dec.InputOffset()),
			Err: reason(ErrFormat, "about %d JSON records; read JSON Lines with NewScanner", n)}
	}
	if rec == nil {
		return nil, &ParseError{Name: p.name, Offset: 0, Err: reason(ErrFormat, "not a JSON object")}
	}
	return p.record(rec), nil
}

func (p *parser) jsonErr(data []byte, err error) error {
	off := -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = int(se.Offset)
	case errors.As(err, &te):
		off = int(te.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = len(data)
	}
	line := 0
	if off >= 0 && off <= len(data) {
		line = 1 + bytes.Count(data[:off], []byte("\n"))
	}
	return &ParseError{Name: p.name, Line: line, Offset: off, Err: reason(ErrFormat, "json: %v", err)}
}

// field returns the first non-empty value under one of keys, as a string.
func field(rec map[string]any, keys []string) string {
	for _, k := range keys {
		for rk, v := range rec {
			if !strings.EqualFold(rk, k) {
				continue
			}
			switch v := v.(type) {
			case string:
				if strings.TrimSpace(v) != "" {
					return v
				}
			case json.Number:
				return v.String()
			case bool:
				return fmt.Sprint(v)
			case []any:
				// A list where a text is expected: its strings, one per line.
				var parts []string
				for _, e := range v {
					switch e := e.(type) {
					case string:
						parts = append(parts, e)
					case json.Number:
						parts = append(parts, e.String())
					}
				}
				if len(parts) > 0 {
					return strings.Join(parts, "\n")
				}
			}
		}
	}
	return ""
}

func fieldList(rec map[string]any, keys []string) []string {
	for _, k := range keys {
		for rk, v := range rec {
			if !strings.EqualFold(rk, k) {
				continue
			}
			switch v := v.(type) {
			case string:
				var out []string
				for _, t := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' }) {
					if t = strings.TrimSpace(t); t != "" {
						out = append(out, t)
					}
				}
				return out
			case []any:
				var out []string
				for _, e := range v {
					if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
						out = append(out, strings.TrimSpace(s))
					}
				}
				return out
			}
		}
	}
	return nil
}

// record builds an article from a decoded feed record.
func (p *parser) record(rec map[string]any) *Article {
	a := &Article{
		Title:     field(rec, titleKeys),
		Published: parseTime(field(rec, timeKeys), p.opts.location()),
		URL:       strings.TrimSpace(field(rec, urlKeys)),
		ID:        strings.TrimSpace(field(rec, idKeys)),
		Category:  strings.TrimSpace(field(rec, categoryKeys)),
		Tags:      fieldList(rec, tagKeys),
	}
	p.authorMedia = field(rec, sourceKeys)
	content := field(rec, contentKeys)
	if looksHTML(content) {
		p.fromMarkup(a, markup.Parse(content, markup.Options{}))
		return a
	}
	for line := range strings.Lines(content) {
		t := markup.Fold(line)
		if t == "" {
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
	return a
}

// looksHTML reports whether s holds a tag such as <p>, <div>, <br>, <span>.
func looksHTML(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c == '/' || c == '!' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
			if strings.IndexByte(s[i:], '>') > 0 {
				return true
			}
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

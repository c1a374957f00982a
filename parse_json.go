package stocknews

import (
	"bufio"
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

// Scanner reads a JSON Lines news feed one record at a time, in the shape
// of bufio.Scanner:
//
//	sc := stocknews.NewScanner(r)
//	for sc.Scan() {
//		if a := sc.Article(); a != nil { … } else { log(sc.RecordErr()) }
//	}
//	if err := sc.Err(); err != nil { … }
//
// A record that cannot be parsed does not stop the scan: Scan returns true
// with Article nil and RecordErr set. Blank lines are skipped. Err reports
// the first read error (sticky), or a line longer than the size limit.
type Scanner struct {
	// Name names the feed in errors and record names; "-" when empty.
	Name string
	// Options configure each record's parse; Format is ignored.
	Options *ParseOptions

	r       *bufio.Reader
	line    int
	article *Article
	recErr  error
	err     error
	done    bool
}

// NewScanner returns a Scanner reading JSON Lines from r.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// Scan advances to the next record. It returns false at the end of the
// input or on a read error.
func (s *Scanner) Scan() bool {
	s.article, s.recErr = nil, nil
	if s.done {
		return false
	}
	max := s.Options.maxSize()
	for {
		line, err := s.readLine(max)
		if err != nil && err != io.EOF {
			s.err, s.done = err, true
			return false
		}
		if len(bytes.TrimSpace(line)) > 0 {
			s.parse(line)
			if err == io.EOF {
				s.done = true
			}
			return true
		}
		if err == io.EOF {
			s.done = true
			return false
		}
	}
}

// readLine reads one line, failing with ErrTooLarge past max bytes.
func (s *Scanner) readLine(max int64) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := s.r.ReadSlice('\n')
		buf = append(buf, chunk...)
		if max > 0 && int64(len(buf)) > max {
			s.line++
			return nil, &ParseError{Name: s.name(), Line: s.line, Offset: -1, Err: reason(ErrTooLarge, "line longer than %d bytes", max)}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == nil || (err == io.EOF && len(buf) > 0) {
			s.line++
		}
		return buf, err
	}
}

func (s *Scanner) name() string {
	if s.Name == "" {
		return "-"
	}
	return s.Name
}

func (s *Scanner) parse(line []byte) {
	opts := ParseOptions{}
	if s.Options != nil {
		opts = *s.Options
	}
	opts.Format = JSON
	a, err := Parse(s.RecordName(), line, &opts)
	if err != nil {
		s.recErr = err
		return
	}
	s.article = a
}

// Article returns the current record's article, or nil when it could not
// be parsed (see RecordErr).
func (s *Scanner) Article() *Article { return s.article }

// RecordErr returns why the current record could not be parsed, or nil.
func (s *Scanner) RecordErr() error { return s.recErr }

// Line returns the 1-based line number of the current record.
func (s *Scanner) Line() int { return s.line }

// RecordName returns the current record's key, NAME:LINE, as used for the
// file field of its analysis record.
func (s *Scanner) RecordName() string { return fmt.Sprintf("%s:%d", s.name(), s.line) }

// Err returns the first read error, or nil at a clean end of input.
func (s *Scanner) Err() error { return s.err }

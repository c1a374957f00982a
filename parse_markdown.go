package stocknews

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stocknews/stocknews/internal/markup"
)

// frontMatter is the part of a Jekyll or Hexo front matter we read. Values
// are kept as written; the YAML is decoded to a node tree, so aliases are
// never expanded (see scalar and list), which bounds the work on hostile
// input ("billion laughs") to the size of the document.
type frontMatter struct {
	fields map[string]*yaml.Node
}

func (fm frontMatter) scalar(keys ...string) (string, bool) {
	for _, k := range keys {
		n := fm.fields[k]
		if n == nil {
			continue
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias // one level only
		}
		if n.Kind == yaml.ScalarNode {
			if n.Tag == "!!null" {
				return "", true
			}
			return n.Value, true
		}
	}
	return "", false
}

// list returns a sequence's scalar items, or a scalar as one item.
func (fm frontMatter) list(key string) []string {
	n := fm.fields[key]
	if n == nil {
		return nil
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if v := strings.TrimSpace(n.Value); v != "" && n.Tag != "!!null" {
			return []string{v}
		}
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if c.Kind == yaml.AliasNode && c.Alias != nil {
				c = c.Alias
			}
			if c.Kind == yaml.ScalarNode && strings.TrimSpace(c.Value) != "" {
				out = append(out, strings.TrimSpace(c.Value))
			}
		}
		return out
	}
	return nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// splitFrontMatter finds YAML front matter: optional blank lines, a "---"
// line, the YAML, and a closing "---" or "..." line. It returns the YAML,
// the body, and the 1-based line where the YAML starts (0 when there is no
// front matter).
func splitFrontMatter(data []byte) (yml, body []byte, line int, err error) {
	rest := data
	line = 1
	for {
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 || len(bytes.TrimSpace(rest[:nl])) != 0 {
			break
		}
		rest = rest[nl+1:]
		line++
	}
	first, after, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil, data, 0, nil
	}
	start := line + 1
	ymlStart := after
	cur := after
	n := start
	for len(cur) > 0 {
		l, next, _ := bytes.Cut(cur, []byte("\n"))
		t := string(bytes.TrimRight(l, " \t\r"))
		if t == "---" || t == "..." {
			return ymlStart[:len(ymlStart)-len(cur)], next, start, nil
		}
		cur = next
		n++
	}
	return nil, nil, line, reason(ErrFrontMatter, "no closing --- for the front matter opened here")
}

func (p *parser) markdown(data []byte) (*Article, error) {
	yml, body, fmLine, err := splitFrontMatter(data)
	if err != nil {
		return nil, &ParseError{Name: p.name, Line: fmLine, Offset: -1, Err: err}
	}
	a := &Article{}
	haveTitle := false
	if fmLine > 0 {
		fm, err := decodeFrontMatter(yml)
		if err != nil {
			line := fmLine + yamlErrLine(yml, err) - 1
			return nil, &ParseError{Name: p.name, Line: line, Offset: -1, Err: reason(ErrFrontMatter, "%s", strings.TrimPrefix(err.Error(), "yaml: "))}
		}
		if t, ok := fm.scalar("title"); ok {
			a.Title, haveTitle = t, true
		}
		if d, ok := fm.scalar("date", "published", "pubDate"); ok {
			a.Published = parseTime(d, p.opts.location())
		}
		cats := fm.list("categories")
		if len(cats) == 0 {
			cats = fm.list("category")
		}
		a.Category = strings.Join(cats, "/")
		a.Tags = fm.list("tags")
		for _, t := range a.Tags {
			if m := mediaFromTag(t); m != "" {
				p.tagMedia = m
				break
			}
		}
		if m, ok := fm.scalar("source", "media"); ok {
			p.authorMedia = m
		} else if m, ok := fm.scalar("author"); ok {
			p.authorMedia = m
		}
		if u, ok := fm.scalar("url", "link", "source_url", "original_url"); ok {
			a.URL = strings.TrimSpace(u)
		}
		if id, ok := fm.scalar("id", "infoCode"); ok {
			a.ID = strings.TrimSpace(id)
		}
	}
	prepared, info := markup.Markdown(string(body), !haveTitle)
	if !haveTitle {
		a.Title = info.Title
	}
	if a.URL == "" {
		a.URL = info.URL
	}
	// A page fragment's <h1> is kept as a heading: it is the outlet's own
	// headline and often longer than the front matter's title (每日经济新闻
	// pages).
	res := markup.Parse(prepared, markup.Options{Markdown: true})
	p.fromMarkup(a, res)
	return a, nil
}

// yamlErrLine returns the 1-based line of a YAML error within yml: the
// line the decoder names, else the line of what the message points at (a
// control character, an undefined alias), else 1.
func yamlErrLine(yml []byte, err error) int {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if k, e := strconv.Atoi(m[1]); e == nil && k > 0 {
			return k
		}
	}
	off := -1
	switch {
	case strings.Contains(msg, "control characters"):
		off = bytes.IndexFunc(yml, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f })
	case strings.Contains(msg, "unknown anchor '"):
		name := msg[strings.Index(msg, "unknown anchor '")+len("unknown anchor '"):]
		if k := strings.IndexByte(name, '\''); k >= 0 {
			off = bytes.Index(yml, []byte("*"+name[:k]))
		}
	}
	if off < 0 {
		return 1
	}
	return 1 + bytes.Count(yml[:off], []byte("\n"))
}

// decodeFrontMatter decodes YAML into a node tree and indexes the top-level
// mapping. An empty document or a non-mapping gives no fields.
func decodeFrontMatter(yml []byte) (fm frontMatter, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = reason(ErrFrontMatter, "yaml decoder failed: %v", r)
		}
	}()
	if fm, ok := simpleFrontMatter(yml); ok {
		return fm, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		return fm, err
	}
	fm.fields = map[string]*yaml.Node{}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return fm, nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return fm, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Kind == yaml.ScalarNode {
			if _, dup := fm.fields[k.Value]; !dup {
				fm.fields[k.Value] = m.Content[i+1]
			}
		}
	}
	return fm, nil
}

// fromMarkup copies what a body gives into a, without overwriting what the
// front matter or meta data set.
func (p *parser) fromMarkup(a *Article, res markup.Result) {
	a.Paragraphs = paragraphs(res.Blocks)
	a.Anchors = res.Anchors
	if res.Media != "" {
		a.Media = res.Media
	}
	if a.Published.IsZero() && res.Time != "" {
		a.Published = parseTime(res.Time, p.opts.location())
	}
	if a.URL == "" {
		a.URL = res.URL
	}
}

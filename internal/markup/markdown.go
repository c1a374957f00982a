package markup

import (
	"strings"
	"unicode/utf8"
)

// MarkdownInfo is what [Markdown] takes out of a markdown body.
type MarkdownInfo struct {
	Title string // an ATX or setext title on the first line, when asked for
	URL   string // the first bare autolink line (<http://…>) or 原文链接 address
}

// Markdown prepares a markdown body with inline HTML for [Parse] with
// Options.Markdown: it removes the lines that are not article text and
// turns markdown block syntax into HTML.
//
//   - A line that is only an autolink, <http://…>, is the article's URL.
//   - Navigation lines ([返回…](…)｜[返回首页](…)) are dropped.
//   - A 原文链接：URL line gives the URL and ends the article: what follows
//     is a mirror's footer.
//   - With wantTitle, a first line "### title" (optionally underlined with
//     "---") is the title.
//   - "> text" lines become quotes, "# text" lines headings, [text](url)
//     links keep their text, ![alt](src) images are dropped, and setext
//     underlines become blank lines.
func Markdown(body string, wantTitle bool) (string, MarkdownInfo) {
	var info MarkdownInfo
	var b strings.Builder
	b.Grow(len(body) + 64)
	first := true
	dropUnderline := false
	for line := range strings.Lines(body) {
		t := strings.TrimSpace(line)
		if t == "" {
			b.WriteString("\n")
			continue
		}
		if dropUnderline && isUnderline(t) {
			dropUnderline = false
			b.WriteString("\n")
			continue
		}
		dropUnderline = false
		if first {
			first = false
			if wantTitle && strings.HasPrefix(t, "#") {
				if title, ok := atxHeading(t); ok {
					info.Title = Fold(inlineMarkdown(title))
					dropUnderline = true
					b.WriteString("\n")
					continue
				}
			}
		}
		if strings.HasPrefix(t, "<http://") || strings.HasPrefix(t, "<https://") {
			if strings.HasSuffix(t, ">") && !strings.ContainsAny(t[1:len(t)-1], " <>\t") {
				if info.URL == "" {
					info.URL = t[1 : len(t)-1]
				}
				b.WriteString("\n")
				continue
			}
		}
		if isNavLine(t) || t == "<>" {
			b.WriteString("\n")
			continue
		}
		if k := strings.Index(line, "原文链接"); k >= 0 {
			rest := strings.TrimLeft(line[k+len("原文链接"):], " ")
			if strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") {
				_, size := utf8.DecodeRuneInString(rest)
				u := strings.TrimSpace(rest[size:])
				if e := strings.IndexAny(u, " \t<\"'"); e >= 0 {
					u = u[:e]
				}
				if info.URL == "" || u != "" {
					info.URL = u
				}
				b.WriteString(line[:k])
				b.WriteString("\n")
				break
			}
		}
		if t[0] == '<' {
			b.WriteString(line)
			continue
		}
		if isUnderline(t) && len(t) >= 3 {
			b.WriteString("\n")
			continue
		}
		switch {
		case t[0] == '>':
			b.WriteString("\n<blockquote>")
			b.WriteString(inlineMarkdown(strings.TrimLeft(t, "> ")))
			b.WriteString("</blockquote>\n")
		case t[0] == '#':
			if h, ok := atxHeading(t); ok {
				b.WriteString("\n<h3>")
				b.WriteString(inlineMarkdown(h))
				b.WriteString("</h3>\n")
			} else {
				b.WriteString(inlineMarkdown(line))
			}
		default:
			b.WriteString(inlineMarkdown(line))
		}
		if !strings.HasSuffix(line, "\n") {
			b.WriteString("\n")
		}
	}
	return b.String(), info
}

// atxHeading returns the text of "### text ###".
func atxHeading(t string) (string, bool) {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return "", false
	}
	return strings.TrimSpace(strings.TrimRight(t[n:], "# ")), true
}

func isUnderline(t string) bool {
	if t == "" {
		return false
	}
	c := t[0]
	if c != '-' && c != '=' && c != '*' && c != '_' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != c && t[i] != ' ' {
			return false
		}
	}
	return true
}

// isNavLine reports a mirror's navigation line: markdown links whose texts
// all start with 返回.
func isNavLine(t string) bool {
	if !strings.HasPrefix(t, "[返回") {
		return false
	}
	for _, part := range strings.FieldsFunc(t, func(r rune) bool { return r == '｜' || r == '|' }) {
		part = strings.TrimSpace(part)
		if part != "" && !(strings.HasPrefix(part, "[返回") && strings.HasSuffix(part, ")")) {
			return false
		}
	}
	return true
}

// inlineMarkdown keeps the text of [text](url) links and drops ![alt](src)
// images. Other text passes through.
func inlineMarkdown(s string) string {
	if !strings.Contains(s, "](") {
		return s
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '[')
		if open < 0 {
			break
		}
		mid := strings.Index(s[open:], "](")
		if mid < 0 {
			break
		}
		mid += open
		end := strings.IndexByte(s[mid:], ')')
		if end < 0 || strings.ContainsAny(s[open+1:mid], "[]") {
			b.WriteString(s[:open+1])
			s = s[open+1:]
			continue
		}
		end += mid
		image := open > 0 && s[open-1] == '!'
		if image {
			b.WriteString(s[:open-1])
		} else {
			b.WriteString(s[:open])
			b.WriteString(s[open+1 : mid])
		}
		s = s[end+1:]
	}
	b.WriteString(s)
	return b.String()
}

// MediaLine reports whether a paragraph is a source line that names the
// outlet, and returns the outlet: （文章来源：X）, (来源：X), 文章来源：X，… .
// Lines such as 数据来源：… are article text, not source lines, and a line
// whose value credits a picture (来源：APP截图, 来源：视觉中国) names no
// outlet.
func MediaLine(p string) (string, bool) {
	v, ok := sourceLine(p)
	if !ok || isPictureCredit(v) {
		return "", false
	}
	return v, true
}

// sourceLine reads the value of a （来源：X） line, whatever X is.
func sourceLine(p string) (string, bool) {
	s := p
	bracket := false
	switch {
	case strings.HasPrefix(s, "（"):
		s, bracket = s[len("（"):], true
	case strings.HasPrefix(s, "("):
		s, bracket = s[1:], true
	}
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "文章来源"):
		s = s[len("文章来源"):]
	case strings.HasPrefix(s, "来源"):
		s = s[len("来源"):]
	default:
		return "", false
	}
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "："):
		s = s[len("："):]
	case strings.HasPrefix(s, ":"):
		s = s[1:]
	default:
		return "", false
	}
	if bracket {
		switch {
		case strings.HasSuffix(s, "）"):
			s = s[:len(s)-len("）")]
		case strings.HasSuffix(s, ")"):
			s = s[:len(s)-1]
		default:
			return "", false
		}
	} else if k := strings.IndexAny(s, "，,。；;"); k >= 0 {
		s = s[:k]
	}
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 24 {
		return "", false
	}
	return s, true
}

// outletSuffixes end the names of news outlets.
var outletSuffixes = []string{"报", "社", "网", "新闻", "财经", "周刊", "App", "APP", "讯"}

// TrailingMedia returns the outlet named in brackets at the very end of a
// paragraph, as flash items credit it: "…企业。（上海证券报）". The name must
// be short and end like an outlet's name (报, 社, 网, 新闻, 财经, …).
func TrailingMedia(p string) (string, bool) {
	var close string
	switch {
	case strings.HasSuffix(p, "）"):
		close = "）"
	case strings.HasSuffix(p, ")"):
		close = ")"
	default:
		return "", false
	}
	s := p[:len(p)-len(close)]
	k := max(strings.LastIndex(s, "（"), strings.LastIndex(s, "("))
	if k < 0 {
		return "", false
	}
	_, size := utf8.DecodeRuneInString(s[k:])
	name := strings.TrimSpace(s[k+size:])
	if n := utf8.RuneCountInString(name); n < 2 || n > 12 || strings.ContainsAny(name, "（()）：:，,") {
		return "", false
	}
	if IsOutletName(name) {
		return name, true
	}
	return "", false
}

// IsOutletName reports whether s looks like the name of a news outlet: two
// to twelve characters ending in 报, 社, 网, 新闻, 财经, 周刊, App or 讯.
func IsOutletName(s string) bool {
	if n := utf8.RuneCountInString(s); n < 2 || n > 12 {
		return false
	}
	for _, suf := range outletSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

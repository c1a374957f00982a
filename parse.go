package stocknews

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/stocknews/stocknews/internal/markup"
	"github.com/stocknews/stocknews/internal/opener"
)

// Format is an input format that [Parse] reads. The zero value, Auto,
// detects the format from the name's extension and the content.
type Format uint8

// Input formats.
const (
	Auto     Format = iota // detect from the extension, then the content
	Markdown               // markdown with optional YAML front matter (Jekyll, Hexo) and an HTML or markdown body
	HTML                   // an HTML page or fragment
	JSON                   // one JSON news record (an object, or a one-element array or JSON Lines)
	Text                   // plain text: the first line is the title
)

var formatNames = [...]string{"auto", "markdown", "html", "json", "text"}

// String returns the format's lower-case name.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "auto"
}

// DefaultMaxSize is the largest input Parse reads when ParseOptions.MaxSize
// is zero: 16 MiB, far above any news article.
const DefaultMaxSize = 16 << 20

// ParseOptions configures [Parse]. A nil *ParseOptions gives the defaults.
type ParseOptions struct {
	// Format forces an input format; Auto (the zero value) detects it.
	Format Format
	// MaxSize is the largest input accepted, in bytes; 0 means
	// DefaultMaxSize and a negative value means no limit.
	MaxSize int64
	// Location is the zone of times written without an offset. nil means
	// Beijing time (UTC+08:00), the zone of the Chinese sources.
	Location *time.Location
	// RejectInvalidUTF8 makes input that is not valid UTF-8 an error
	// (ErrEncoding) instead of being decoded as described on [Parse].
	RejectInvalidUTF8 bool
}

func (o *ParseOptions) maxSize() int64 {
	if o == nil || o.MaxSize == 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

func (o *ParseOptions) location() *time.Location {
	if o == nil || o.Location == nil {
		return beijing
	}
	return o.Location
}

// beijing is China Standard Time. China has kept UTC+8 without daylight
// saving since 1991, so a fixed zone is exact for news times and needs no
// time zone database.
var beijing = time.FixedZone("CST", 8*60*60)

// Parse parses one article read from data. name is the input's name (a
// path or a record key); it appears in errors, and its extension and stem
// help detect the format and give the ID.
//
// # Formats
//
// Markdown inputs may start with YAML front matter between "---" lines
// (Jekyll and Hexo; blank lines before it are allowed). Its title, date,
// categories, tags, author and url keys fill the article. The body may be
// markdown, HTML, or both: autolink lines (<http://…>) give the URL,
// navigation lines and a mirror's footer after 原文链接 are dropped, and a
// first line "### title" is the title when the front matter has none.
// HTML pages give title, time, media and URL from <title>, <h1> and meta
// tags. JSON records use the common feed keys (title, content,
// publish_time, time, date, source, url, and the akshare keys 新闻标题,
// 新闻内容, 发布时间, 文章来源, 新闻链接); read JSON Lines feeds with the
// batch package. Plain text has the title on its first line and a paragraph
// on each further line.
//
// # Cleaning
//
// Scripts, styles, comments and page furniture are dropped, entities are
// decoded, full-width spaces and runs of white space are folded (see
// Paragraph), empty paragraphs are dropped, and a 文章来源 line becomes
// Media. Elements that may carry a security code (stock links, quote
// embeds, chart images) are kept in Anchors, their text stays in the
// paragraphs.
//
// # Encoding
//
// Data starting with the gzip magic bytes is decompressed first (the size
// limit applies to the decompressed bytes), and a name ending in .gz is
// read as the name without it. Input is UTF-8; a UTF-8 byte-order mark is
// dropped. Input that is not
// valid UTF-8 is decoded as GB18030 (a superset of GBK and GB2312) when it
// declares such a charset or when most of its non-ASCII bytes are not
// valid UTF-8; otherwise each invalid byte becomes U+FFFD. Set
// ParseOptions.RejectInvalidUTF8 to get ErrEncoding instead.
//
// # Errors
//
// Errors are *ParseError values wrapping ErrTooLarge, ErrFrontMatter,
// ErrFormat, ErrEncoding, ErrEmpty or ErrNotArticle (binary data or a
// table, told by the content whatever the name). With ErrEmpty the (empty) article is
// returned too, with what the front matter gave. Parse never panics.
func Parse(name string, data []byte, opts *ParseOptions) (*Article, error) {
	data, err := opener.Bytes(data, opts.maxSize())
	if err != nil {
		return nil, readErr(name, err)
	}
	if err := notArticle(name, data); err != nil {
		return nil, err
	}
	text, bad, ok := opener.Decode(data, opts != nil && opts.RejectInvalidUTF8)
	if !ok {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		return nil, &ParseError{Name: name, Line: 1 + bytes.Count(data[:bad], []byte("\n")), Offset: bad,
			Err: reason(ErrEncoding, "invalid UTF-8 at byte %d", bad)}
	}
	data = text
	f := Auto
	if opts != nil {
		f = opts.Format
	}
	if f == Auto {
		f = detect(name, data)
	}
	p := parser{name: name, opts: opts}
	var a *Article
	switch f {
	case Markdown:
		a, err = p.markdown(data)
	case HTML:
		a, err = p.html(data)
	case JSON:
		a, err = p.json(data)
	default:
		a, err = p.text(data)
	}
	if err != nil {
		return nil, err
	}
	p.finish(a)
	datePublished(a, data, p.opts.location())
	if a.Title == "" && len(a.Paragraphs) == 0 && len(a.Anchors) == 0 {
		return a, &ParseError{Name: name, Offset: -1, Err: ErrEmpty}
	}
	return a, nil
}

// notArticle refuses binary data and tables ([ErrNotArticle]).
func notArticle(name string, data []byte) error {
	nt, ok := opener.Binary(data)
	if !ok {
		nt, ok = opener.Table(data)
	}
	if !ok {
		return nil
	}
	line := nt.Line
	if line == 0 && nt.Offset > 0 {
		line = 1 + bytes.Count(data[:nt.Offset], []byte("\n"))
	}
	return &ParseError{Name: name, Line: line, Offset: nt.Offset, Err: reason(ErrNotArticle, "%s", nt.What)}
}

// ParseReader reads all of r (up to the size limit; gzip-compressed data is
// decompressed) and parses it as [Parse] does.
func ParseReader(name string, r io.Reader, opts *ParseOptions) (*Article, error) {
	data, err := opener.ReadAll(r, opts.maxSize())
	if err != nil {
		if pe := readErr(name, err); pe != err {
			return nil, pe
		}
		return nil, &ParseError{Name: name, Offset: -1, Err: err}
	}
	return Parse(name, data, opts)
}

// ParseFile reads the file at path and parses it as [Parse] does, with
// path as the name. A gzip-compressed file is decompressed whatever its
// name (a trailing .gz is ignored to detect the format and make the ID); a
// file over the size limit is refused before it is read. A file that
// cannot be opened gives the *fs.PathError of os.Open.
func ParseFile(path string, opts *ParseOptions) (*Article, error) {
	data, err := ReadFile(path, opts)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, opts)
}

// ReadFile reads the file at path as [ParseFile] does, without parsing it:
// decompressed when gzip-compressed, refused past the size limit (a
// *ParseError wrapping [ErrTooLarge]).
func ReadFile(path string, opts *ParseOptions) ([]byte, error) {
	data, err := opener.ReadFile(path, opts.maxSize())
	if err != nil {
		return nil, readErr(path, err)
	}
	return data, nil
}

// detect chooses a format from the name's extension, then the content.
func detect(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz"))) {
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm", ".xhtml", ".shtml":
		return HTML
	case ".json", ".jsonl", ".ndjson":
		return JSON
	case ".txt":
		return Text
	}
	s := bytes.TrimLeft(data, " \t\r\n")
	switch {
	case bytes.HasPrefix(s, []byte("---")):
		return Markdown
	case len(s) > 0 && (s[0] == '{' || s[0] == '['):
		return JSON
	case len(s) > 0 && s[0] == '#':
		return Markdown
	}
	head := bytes.ToLower(s[:min(len(s), 512)])
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<p", "<article", "<?xml"} {
		if bytes.HasPrefix(head, []byte(tag)) {
			return HTML
		}
	}
	return Text
}

// parser holds one Parse call's context.
type parser struct {
	name string
	opts *ParseOptions

	tagMedia    string // media read from a tag such as 中国证券报新闻
	authorMedia string // media from front matter or meta keys
}

// finish fills what every format derives the same way: media fallbacks,
// the ID and the plain text.
func (p *parser) finish(a *Article) {
	a.Title = markup.Fold(a.Title)
	if a.Media == "" {
		for i := len(a.Paragraphs) - 1; i >= 0 && i >= len(a.Paragraphs)-2; i-- {
			if m, ok := markup.TrailingMedia(a.Paragraphs[i].Text); ok {
				a.Media = m
				break
			}
		}
	}
	if a.Media == "" {
		a.Media = p.tagMedia
	}
	if a.Media == "" {
		a.Media = p.authorMedia
	}
	if a.Media == "" {
		a.Media = mediaFromURL(a.URL)
	}
	a.Media = normaliseMedia(a.Media)
	if a.ID == "" {
		a.ID = infoCode(a.URL)
	}
	if a.ID == "" {
		a.ID = stemID(p.name)
	}
	a.Text = buildText(a.Title, a.Paragraphs)
}

// buildText joins title and paragraphs as Article.Text documents.
func buildText(title string, ps []Paragraph) string {
	n := len(title)
	for _, p := range ps {
		n += 1 + len(p.Text)
	}
	var b strings.Builder
	b.Grow(n + 1)
	b.WriteString(title)
	b.WriteByte('\n')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// infoCode returns the Eastmoney info code of an article URL: the infoCode
// query value, or the digits after the comma in …/news/1351,2021120822….html.
func infoCode(u string) string {
	if k := strings.Index(u, "infoCode="); k >= 0 {
		v := u[k+len("infoCode="):]
		if e := strings.IndexAny(v, "&#"); e >= 0 {
			v = v[:e]
		}
		return v
	}
	if strings.Contains(u, "eastmoney.com/") {
		base := u[strings.LastIndexByte(u, '/')+1:]
		if c := strings.IndexByte(base, ','); c >= 0 {
			base = base[c+1:]
			base = strings.TrimSuffix(base, ".html")
			if base != "" && isAlnum(base) {
				return base
			}
		}
	}
	return ""
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z') {
			return false
		}
	}
	return true
}

// stemID returns the file's stem without a Jekyll date prefix:
// 2022-01-06-NW202201062238952656.md gives NW202201062238952656.
func stemID(name string) string {
	// A feed record NAME:LINE keeps its line: feed:12.
	if k := strings.LastIndexByte(name, ':'); k > 0 && k+1 < len(name) && isDigits(name[k+1:]) {
		return stemID(name[:k]) + name[k:]
	}
	base := filepath.Base(strings.TrimSuffix(strings.ReplaceAll(name, "\\", "/"), ".gz"))
	if base == "." || base == "/" {
		base = name
	}
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if len(stem) > 11 && isDate(stem[:10]) && stem[10] == '-' {
		stem = stem[11:]
	}
	if t := strings.TrimLeft(stem, "-"); t != "" {
		stem = t
	}
	return stem
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < 10; i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// mediaAliases maps source labels that are not outlet names to the outlet.
var mediaAliases = map[string]string{
	"东财滚动":      "东方财富网",
	"东财滚动新闻":    "东方财富网",
	"36kr - 资讯": "36氪",
	"36kr":      "36氪",
	"每经网":       "每日经济新闻", // nbd.com.cn's own name for itself
}

// normaliseMedia maps labels to outlet names: "新浪财经 - 新浪财经－国內"
// gives 新浪财经, "36kr - 资讯" gives 36氪.
func normaliseMedia(m string) string {
	m = markup.Fold(m)
	if v, ok := mediaAliases[m]; ok {
		return v
	}
	if k := strings.Index(m, " - "); k > 0 {
		m = m[:k]
	}
	if v, ok := mediaAliases[m]; ok {
		return v
	}
	return m
}

// hostMedia names the outlet of a news site by its host, the last resort
// for Media.
var hostMedia = []struct{ host, media string }{
	{"reuters.com", "路透中文网"},
	{"cls.cn", "财联社"},
	{"stcn.com", "证券时报网"},
	{"sina.com.cn", "新浪财经"},
	{"nbd.com.cn", "每日经济新闻"},
	{"36kr.com", "36氪"},
	{"eastmoney.com", "东方财富网"},
}

func mediaFromURL(u string) string {
	rest, ok := strings.CutPrefix(u, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(u, "http://")
	}
	if !ok {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	for _, h := range hostMedia {
		if host == h.host || strings.HasSuffix(host, "."+h.host) {
			return h.media
		}
	}
	return ""
}

// mediaFromTag reads the outlet from a mirror's tag: 中国证券报新闻 gives
// 中国证券报.
func mediaFromTag(tag string) string {
	tag = strings.TrimSpace(tag)
	if v, ok := mediaAliases[tag]; ok {
		return v
	}
	if m, ok := strings.CutSuffix(tag, "新闻"); ok && m != "" {
		return m
	}
	return ""
}

// paragraphs converts markup blocks.
func paragraphs(bs []markup.Block) []Paragraph {
	if len(bs) == 0 {
		return nil
	}
	out := make([]Paragraph, len(bs))
	for i, b := range bs {
		out[i] = Paragraph{Kind: ParagraphKind(b.Kind), Text: b.Text}
	}
	return out
}

// dropTitleEcho removes a first paragraph that repeats the title (an <h1>
// in a page body).
func dropTitleEcho(title string, ps []Paragraph) []Paragraph {
	if len(ps) > 0 && title != "" && ps[0].Text == title {
		return ps[1:]
	}
	return ps
}

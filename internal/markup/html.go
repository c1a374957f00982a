// Package markup turns the bodies of news articles (HTML, markdown with
// inline HTML) into cleaned paragraphs and collects the markup that may
// carry a security code. It is the machinery behind stocknews.Parse.
//
// HTML is tokenised with golang.org/x/net/html, which decodes entities and
// never fails on malformed markup; this package only decides what is a
// paragraph, what is page furniture, and which elements are anchors.
package markup

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/stocknews/stocknews/ticker"
)

// Kind classifies a block of text.
type Kind uint8

// Block kinds, matching stocknews.ParagraphKind.
const (
	Body Kind = iota
	Heading
	Quote
)

// Block is one cleaned paragraph.
type Block struct {
	Kind Kind
	Text string
}

// Options configures [Parse].
type Options struct {
	// Markdown treats the input as markdown with inline HTML: blank lines
	// in text end a paragraph, "**" toggles bold, and lines starting with
	// ">" or "#" are quotes and headings. Use [Markdown] to prepare such a
	// body first.
	Markdown bool
	// H1IsChrome drops <h1> elements from the paragraphs (a page fragment
	// under a title that the front matter already gives). Their text is
	// still reported in Result.H1.
	H1IsChrome bool
}

// Result is what [Parse] finds in a body.
type Result struct {
	Blocks  []Block
	Anchors []ticker.Anchor
	Title   string            // text of <title>, folded
	H1      string            // text of the first <h1>, folded
	Meta    map[string]string // <meta name|property|itemprop=… content=…>, keys lower case
	Media   string            // the outlet, from a 文章来源 line or a page's source span
	Time    string            // a page's time span, as written
	URL     string            // <link rel=canonical>
}

// elem is an open element on the walker's stack.
type elem struct {
	a       atom.Atom
	name    string
	skip    bool // furniture: its text is not article text
	bold    bool
	quote   bool
	heading bool
	anchor  int         // index into Result.Anchors whose text this element collects, or -1
	capture captureKind // text captured into Result, or capNone
}

// captureKind names a piece of page furniture whose text Result reports.
type captureKind uint8

const (
	capNone captureKind = iota
	capTitle
	capH1
	capSource
	capTime
	numCaptures
)

// Limits that keep the walk linear on hostile markup.
const (
	// maxDepth bounds the element stack. Elements opened deeper are still
	// read (their text is kept, their anchors collected) but do not change
	// the state: a bold or skipped element at depth 600 is ordinary text.
	maxDepth = 512
	// maxAnchorText bounds the text collected for one anchor: anchors
	// name securities, and a longer text is not a name.
	maxAnchorText = 256
)

// walker holds the state of one Parse call.
type walker struct {
	opts  Options
	res   Result
	stack []elem
	skip  int // open elements with skip set
	embed bool

	nBold, nQuote, nHeading int              // open elements of each kind
	nCapture                [numCaptures]int // open capture elements of each kind
	anchors                 []int            // Result.Anchors indices of open anchors

	cur      strings.Builder
	boldN    int // non-space bytes of cur written in bold
	plainN   int // non-space bytes of cur written outside bold
	quoteP   bool
	headingP bool
	mdBold   bool

	capBuf [numCaptures]strings.Builder
	tables []*table // open tables, innermost last (table.go)
	refs   bool     // inside a list of references (credit.go)
}

// Parse reads an HTML body, or a markdown body prepared by [Markdown] when
// opts.Markdown is set, and returns its paragraphs and anchors. It never
// fails: malformed markup yields whatever text it holds.
func Parse(src string, opts Options) Result {
	w := &walker{opts: opts}
	z := html.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(0)
	var attrs []html.Attribute // reused: start does not keep it
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			w.flush()
			w.finishCaptures()
			return w.res
		case html.TextToken:
			w.text(z.Text())
		case html.CommentToken:
			c := z.Text()
			if bytes.Contains(c, []byte("EM_StockImg_Start")) {
				w.embed = true
			} else if bytes.Contains(c, []byte("EM_StockImg_End")) {
				w.embed = false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs = attrs[:0]
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs = append(attrs, html.Attribute{Key: atomString(k), Val: string(v)})
			}
			w.start(atomString(name), attrs, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			w.end(atomString(name))
		}
	}
}

// atomString returns b as a string, without allocating for the known
// element and attribute names.
func atomString(b []byte) string {
	if a := atom.Lookup(b); a != 0 {
		return a.String()
	}
	return string(b)
}

// skipTags are elements whose content is never article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Svg: true, atom.Head: true,
	atom.Nav: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Form: true, atom.Video: true, atom.Audio: true, atom.Canvas: true,
}

// blockTags end the current paragraph when they open or close.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Blockquote: true, atom.Br: true, atom.Tr: true,
	atom.Table: true, atom.Section: true, atom.Article: true, atom.Center: true,
	atom.Figure: true, atom.Figcaption: true, atom.Header: true, atom.Footer: true,
	atom.Hr: true, atom.Pre: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Main: true, atom.Aside: true, atom.Body: true, atom.Html: true,
	atom.Tbody: true, atom.Thead: true, atom.Caption: true,
}

// furnitureClasses mark page furniture by a class name they contain:
// QR-code footers, trust badges, tag clouds. furnitureTokens must be a
// whole class token or its prefix before "-" or "_": share boxes.
var (
	furnitureClasses = []string{"appendQr", "kaihu-qr", "trustBadge", "typeTags", "qrcode"}
	furnitureTokens  = []string{"share", "bdshare", "social-share"}
)

func isFurniture(class string) bool {
	for _, f := range furnitureClasses {
		if strings.Contains(class, f) {
			return true
		}
	}
	for tok := range strings.FieldsSeq(class) {
		for _, f := range furnitureTokens {
			if rest, ok := strings.CutPrefix(tok, f); ok && (rest == "" || rest[0] == '-' || rest[0] == '_') {
				return true
			}
		}
	}
	return false
}

// voidTags never have an end tag.
var voidTags = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true,
	atom.Embed: true, atom.Hr: true, atom.Img: true, atom.Input: true,
	atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true,
	atom.Wbr: true,
}

func attr(attrs []html.Attribute, key string) (string, bool) {
	for _, a := range attrs {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(class, name string) bool {
	for f := range strings.FieldsSeq(class) {
		if f == name {
			return true
		}
	}
	return false
}

func (w *walker) start(name string, attrs []html.Attribute, selfClosing bool) {
	a := atom.Lookup([]byte(name))
	if blockTags[a] {
		w.flush()
	}
	class, _ := attr(attrs, "class")
	style, _ := attr(attrs, "style")
	e := elem{a: a, name: name, anchor: -1}
	switch {
	case skipTags[a]:
		e.skip = true
	case strings.Contains(strings.ReplaceAll(strings.ToLower(style), " ", ""), "display:none"):
		e.skip = true
	}
	if !e.skip && class != "" && isFurniture(class) {
		e.skip = true
	}
	if !e.skip && (a == atom.Figcaption || isCaption(class, mustAttr(attrs, "label"))) {
		e.skip = true // an image caption (credit.go)
	}
	switch a {
	case atom.Title:
		e.capture, e.skip = capTitle, true
	case atom.H1:
		e.heading = true
		e.capture = capH1
		if w.opts.H1IsChrome {
			e.skip = true
		}
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		e.heading = true
	case atom.B, atom.Strong:
		e.bold = true
	case atom.Font:
		e.bold = strings.Contains(strings.ToLower(class+" "+mustAttr(attrs, "cms-style")), "bold")
	case atom.Blockquote:
		e.quote = true
	case atom.Meta:
		w.meta(attrs)
	case atom.Link:
		if rel, _ := attr(attrs, "rel"); strings.EqualFold(rel, "canonical") && w.res.URL == "" {
			w.res.URL, _ = attr(attrs, "href")
			w.res.URL = strings.TrimSpace(w.res.URL)
		}
	case atom.Span:
		switch {
		case hasClass(class, "source"):
			e.capture, e.skip = capSource, true
		case hasClass(class, "time"):
			e.capture, e.skip = capTime, true
		}
	}
	if hasClass(class, "u-time") {
		// A page's byline block (source and time spans): furniture whose
		// parts are still read.
		e.skip = true
	}
	if w.skip == 0 {
		if an, ok := w.anchor(a, name, attrs, class); ok {
			w.res.Anchors = append(w.res.Anchors, an)
			e.anchor = len(w.res.Anchors) - 1
		}
	}
	if selfClosing || voidTags[a] {
		if a == atom.Br || a == atom.Hr {
			w.flush()
		}
		return
	}
	// Raw-text elements (script, style, title, textarea) cannot nest, so
	// they are pushed whatever the depth: their text must not leak.
	if len(w.stack) >= maxDepth && !(a == atom.Script || a == atom.Style || a == atom.Title || a == atom.Textarea) {
		return
	}
	w.push(e)
}

func (w *walker) push(e elem) {
	if e.skip {
		w.skip++
	}
	if e.bold {
		w.nBold++
	}
	if e.quote {
		w.nQuote++
	}
	if e.heading {
		w.nHeading++
	}
	if e.capture != capNone {
		w.nCapture[e.capture]++
	}
	if e.anchor >= 0 {
		w.anchors = append(w.anchors, e.anchor)
	}
	switch e.a {
	case atom.Table:
		w.openTable()
	case atom.Tr:
		w.endRow()
	case atom.Td, atom.Th:
		w.openCell(e.a == atom.Th)
	}
	w.stack = append(w.stack, e)
}

func mustAttr(attrs []html.Attribute, key string) string {
	v, _ := attr(attrs, key)
	return v
}

func (w *walker) meta(attrs []html.Attribute) {
	content, ok := attr(attrs, "content")
	if !ok {
		return
	}
	key := mustAttr(attrs, "name")
	if key == "" {
		key = mustAttr(attrs, "property")
	}
	if key == "" {
		key = mustAttr(attrs, "itemprop")
	}
	if key == "" {
		if cs := mustAttr(attrs, "http-equiv"); cs != "" {
			key = cs
		}
	}
	if key == "" {
		return
	}
	if w.res.Meta == nil {
		w.res.Meta = map[string]string{}
	}
	key = strings.ToLower(strings.TrimSpace(key))
	if _, dup := w.res.Meta[key]; !dup {
		w.res.Meta[key] = strings.TrimSpace(content)
	}
}

// anchor reports whether an element may carry a security code, and returns
// it as an Anchor with its attributes as written.
func (w *walker) anchor(a atom.Atom, name string, attrs []html.Attribute, class string) (ticker.Anchor, bool) {
	an := ticker.Anchor{Tag: name, Class: strings.TrimSpace(class), Embed: w.embed}
	for _, at := range attrs {
		v := strings.TrimSpace(at.Val)
		switch at.Key {
		case "href":
			an.Href = v
		case "src":
			an.Src = v
		case "id":
			an.ID = v
		case "data-code":
			an.DataCode = v
		case "data-code2":
			an.DataCode2 = v
		case "code":
			an.Code = v
		case "alt":
			an.Alt = v
		}
	}
	switch a {
	case atom.A:
		return an, an.Href != "" || an.DataCode != "" || an.Code != "" || an.Class != ""
	case atom.Span:
		return an, strings.HasPrefix(an.ID, "stock_") || strings.HasPrefix(an.ID, "symbol_") ||
			strings.HasPrefix(an.ID, "bk_") || an.DataCode != "" || an.Code != "" ||
			hasClass(an.Class, "em_stock_key_common")
	case atom.Img:
		return an, strings.Contains(an.Src, "nid=")
	}
	return an, false
}

func (w *walker) end(name string) {
	a := atom.Lookup([]byte(name))
	// Find the innermost open element of that name; ignore strays.
	i := len(w.stack) - 1
	for ; i >= 0; i-- {
		if w.stack[i].name == name {
			break
		}
	}
	if i < 0 {
		if blockTags[a] {
			w.flush()
		}
		return
	}
	for j := len(w.stack) - 1; j >= i; j-- {
		w.close(w.stack[j])
	}
	w.stack = w.stack[:i]
	if blockTags[a] {
		w.flush()
	}
}

func (w *walker) close(e elem) {
	if e.skip {
		w.skip--
	}
	if e.bold {
		w.nBold--
	}
	if e.quote {
		w.nQuote--
	}
	if e.heading {
		w.nHeading--
	}
	if e.anchor >= 0 {
		an := &w.res.Anchors[e.anchor]
		an.Text = Fold(an.Text)
		if n := len(w.anchors); n > 0 && w.anchors[n-1] == e.anchor {
			w.anchors = w.anchors[:n-1]
		}
	}
	if e.capture != capNone {
		w.nCapture[e.capture]--
		w.captureDone(e.capture)
	}
	switch e.a {
	case atom.Table:
		w.closeTable()
	case atom.Tr:
		w.endRow()
	case atom.Td, atom.Th:
		w.endCell()
	}
}

func (w *walker) captureDone(kind captureKind) {
	b := &w.capBuf[kind]
	if b.Len() == 0 {
		return
	}
	s := Fold(b.String())
	b.Reset()
	var dst *string
	switch kind {
	case capTitle:
		dst = &w.res.Title
	case capH1:
		dst = &w.res.H1
	case capSource:
		dst = &w.res.Media
	case capTime:
		dst = &w.res.Time
	default:
		return
	}
	if *dst == "" {
		*dst = s
	}
}

func (w *walker) finishCaptures() {
	for j := len(w.stack) - 1; j >= 0; j-- {
		w.close(w.stack[j])
	}
	w.stack = w.stack[:0]
}

func (w *walker) text(raw []byte) {
	// Captures and anchors see the text even inside furniture.
	for k := capNone + 1; k < numCaptures; k++ {
		if w.nCapture[k] > 0 && w.capBuf[k].Len() < 4096 {
			w.capBuf[k].Write(raw)
		}
	}
	for _, ai := range w.anchors {
		an := &w.res.Anchors[ai]
		if len(an.Text) < maxAnchorText {
			an.Text += string(raw[:min(len(raw), maxAnchorText)])
		}
	}
	if w.skip > 0 {
		return
	}
	s := string(raw)
	if w.opts.Markdown {
		w.markdownText(s)
		return
	}
	w.write(s, false)
}

// markdownText splits text at blank lines and toggles bold at "**".
func (w *walker) markdownText(s string) {
	for s != "" {
		para := len(s)
		if k := blankLine(s); k >= 0 {
			para = k
		}
		seg := s[:para]
		for {
			k := strings.Index(seg, "**")
			if k < 0 {
				w.write(seg, w.mdBold)
				break
			}
			w.write(seg[:k], w.mdBold)
			w.mdBold = !w.mdBold
			seg = seg[k+2:]
		}
		if para == len(s) {
			return
		}
		w.flush()
		w.mdBold = false
		s = s[para:]
		// Skip the blank line itself.
		s = strings.TrimLeft(s, " \t\r\n")
	}
}

// blankLine returns the index of the first line break that is followed by
// a line holding only white space, or -1.
func blankLine(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
			j++
		}
		if j < len(s) && s[j] == '\n' {
			return i
		}
	}
	return -1
}

func (w *walker) write(s string, mdBold bool) {
	if s == "" {
		return
	}
	bold := mdBold || w.nBold > 0
	quote, heading := w.nQuote > 0, w.nHeading > 0
	n := nonSpace(s)
	if n == 0 {
		w.cur.WriteString(s)
		return
	}
	if bold {
		w.boldN += n
	} else {
		w.plainN += n
	}
	w.quoteP = w.quoteP || quote
	w.headingP = w.headingP || heading
	w.cur.WriteString(s)
}

// nonSpace counts the bytes of s that are not white space or control
// characters; only its being zero or not matters to callers.
func nonSpace(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c > ' ' && c != 0x7f {
				n++
			}
			i++
			continue
		}
		if !mayBeSpace(c) {
			l := leadLen(c)
			n += l
			i += l
			continue
		}
		r, l := utf8.DecodeRuneInString(s[i:])
		if !isSpaceOrZeroWidth(r) {
			n += l
		}
		i += l
	}
	return n
}

// flush ends the current paragraph.
func (w *walker) flush() {
	raw := w.cur.String()
	w.cur.Reset()
	bold, plain := w.boldN, w.plainN
	quote, heading := w.quoteP, w.headingP
	w.boldN, w.plainN, w.quoteP, w.headingP = 0, 0, false, false
	if bold+plain == 0 {
		return
	}
	text := Fold(raw)
	if text == "" || w.cellText(text) {
		return
	}
	if m, ok := MediaLine(text); ok {
		if w.res.Media == "" {
			w.res.Media = m
		}
		// The line is not article text, but a stock link a quote tool put
		// inside it (上海<a>证券</a>报) stays: what the page links counts,
		// even on the wrong words (spec/tickers.md rule 1).
		return
	}
	if _, ok := IsCredit(text); ok {
		return // an image credit or caption (credit.go)
	}
	if w.refs && isCitation(text) {
		return
	}
	w.refs = IsReferenceHead(text)
	if w.refs {
		return
	}
	text = CutCredit(text)
	k := Body
	switch {
	case quote:
		k = Quote
	case heading || (bold > 0 && plain == 0):
		k = Heading
	}
	w.res.Blocks = append(w.res.Blocks, Block{Kind: k, Text: text})
}

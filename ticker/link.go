package ticker

// Via says how a security was found in an article. It is a bit set: a
// security found both in an embed and by name has Via == ViaEmbed|ViaName.
type Via uint8

// Ways a security is found.
const (
	ViaEmbed Via = 1 << iota // a quote embed or stock link in the markup
	ViaCode                  // a code written in the text: 贵州茅台(600519), 00700.HK
	ViaName                  // a short name or alias from the Master: 贵州茅台, 腾讯
)

// Names returns the set as the lower-case words of spec/output.md, in the
// order embed, code, name.
func (v Via) Names() []string {
	var out []string
	if v&ViaEmbed != 0 {
		out = append(out, "embed")
	}
	if v&ViaCode != 0 {
		out = append(out, "code")
	}
	if v&ViaName != 0 {
		out = append(out, "name")
	}
	return out
}

// Mention is one place where a security is referred to in the text.
// Start and End are byte offsets into the text passed to the linker,
// half-open, on UTF-8 boundaries. A mention found only in markup (an
// embed that has no text position) has Start == End == -1.
type Mention struct {
	Symbol     Symbol
	Start, End int
	Via        Via
}

// Document is what a [Linker] reads: the article's plain text, the length of
// its title at the start of that text, and the markup anchors found by the
// article parser.
type Document struct {
	Text     string   // title, a newline, then the paragraphs joined by newlines
	TitleLen int      // bytes of Text that belong to the title
	Anchors  []Anchor // embeds and stock links from the markup
	// AsOf is the day (YYYY-MM-DD) the article is linked as of, normally
	// its publication day in Beijing time ([Day]). A name then links only a
	// security listed on that day, under a name in use then, with the
	// symbol in force then (Facebook in 2018 is FB.US); the several-markets
	// rule (A share, else Hong Kong, else US) chooses among those. Empty
	// means no point in time: every listing the master holds counts.
	AsOf string
}

// Link is a security an article is linked to, with the evidence.
type Link struct {
	Symbol    Symbol
	Name      string  // short name from the Master, or from the text, or ""
	Via       Via     // how it was found
	Mentions  int     // mentions in the text (embeds not counted)
	First     int     // byte offset of the first mention in the text, -1 if none
	InTitle   bool    // mentioned in the title
	Relevance float64 // 0..1, see Linker.Link
	// Unlisted is set when the article writes a code or embeds a quote
	// that the master does not list on Document.AsOf (a listing before its
	// IPO or after its delisting, FB after 2022-06-09, a code the master
	// lacks). The link is kept: a code in the article links what it says.
	Unlisted bool
}

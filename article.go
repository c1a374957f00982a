package stocknews

import (
	"time"

	"github.com/stocknews/stocknews/ticker"
)

// ParagraphKind classifies a paragraph of an article body.
// The zero value, Body, is ordinary running text.
type ParagraphKind uint8

// Paragraph kinds.
const (
	Body    ParagraphKind = iota // running text
	Heading                      // a heading or a paragraph that is all bold (a sub-title)
	Quote                        // a blockquote
)

var paragraphKindNames = [...]string{"body", "heading", "quote"}

// String returns "body", "heading" or "quote".
func (k ParagraphKind) String() string {
	if int(k) < len(paragraphKindNames) {
		return paragraphKindNames[k]
	}
	return "body"
}

// Paragraph is one paragraph of an article's cleaned body text.
type Paragraph struct {
	Kind ParagraphKind
	Text string // cleaned: entities decoded, white space folded, no markup
}

// Article is one news article, parsed and cleaned.
//
// Text is the plain text that every byte offset in this module refers to:
// the title, a newline, then the paragraphs' texts joined by newlines.
type Article struct {
	ID        string    // the article's own id (Eastmoney info code), else the file's stem
	Title     string    // cleaned title; may be empty
	Published time.Time // with the source's zone; zero when unknown. Eastmoney times without an offset are Beijing time
	// PublishedFrom says where Published came from: "source" (the
	// article's own date field), "url", "dateline", or "" when unknown.
	PublishedFrom string
	Media         string   // the outlet that wrote it (中国证券报), not the site that mirrors it
	Category      string   // the source's category, e.g. "zhongguozhengquanbao"
	Tags          []string // the source's tags, as written
	URL           string   // the original URL, when the source gives one

	Paragraphs []Paragraph
	Anchors    []ticker.Anchor // quote embeds and stock links from the markup, in document order
	Text       string          // Title + "\n" + paragraphs joined by "\n"
}

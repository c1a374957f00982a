package stocknews

import (
	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/ticker"
)

// Analysis is everything the library learns from one input: the parsed
// article, the securities it is linked to, its numeric claims and its named
// entities. An input that could not be read or parsed has Err set and holds
// whatever could still be read.
type Analysis struct {
	File     string // the input's name: a path as given, or a record key
	Article  Article
	Tickers  []ticker.Link
	Claims   []entities.Claim
	Entities []entities.Entity
	// Tones holds the tone and events of each linked security, in the
	// order of Tickers (Tones[i] is about Tickers[i]); nil when tone was
	// not computed.
	Tones []entities.SecurityTone
	// Tone is the tone of the article as a whole.
	Tone entities.ArticleTone
	Err  error
}

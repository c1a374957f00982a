package entities

import "github.com/stocknews/stocknews/ticker"

// Tone is how an article's news bears on a security's holders, as
// spec/tone.md defines it: negative, neutral or positive.
type Tone int8

// The three tone labels. The zero value is Neutral.
const (
	Negative Tone = -1
	Neutral  Tone = 0
	Positive Tone = 1
)

// String returns the label as the analysis record writes it: "negative",
// "neutral" or "positive".
func (t Tone) String() string {
	switch {
	case t < 0:
		return "negative"
	case t > 0:
		return "positive"
	}
	return "neutral"
}

// Event is one event of spec/tone.md found for a security (earnings,
// buyback, stake_down, ...), with the byte span [Start, End) of the words
// in the article's text that support it.
type Event struct {
	Name       string
	Start, End int
}

// SecurityTone is the tone and the events of one (article, security) pair.
// Score is in [-1, 1] and its sign agrees with Tone.
type SecurityTone struct {
	Symbol ticker.Symbol
	Tone   Tone
	Score  float64
	Events []Event
}

// ArticleTone is the tone of an article as a whole: that of its title and
// lead for the market or the company it is mainly about.
type ArticleTone struct {
	Tone  Tone
	Score float64
}

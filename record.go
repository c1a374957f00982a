package stocknews

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/stocknews/stocknews/entities"
)

// Record is the analysis record of spec/output.md: the JSON object written
// for one input, one per line. Its field names are fixed; fields may be
// added. Slices are never nil in a Record made by [Analysis.Record], so they
// encode as [] rather than null.
type Record struct {
	File      string `json:"file"`
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"` // RFC 3339 with the source's offset, "" when unknown
	// PublishedFrom says where Published came from: "source" (the
	// article's own date field), "url" (a dated URL), "dateline" (a
	// dateline in the text) or "" when unknown.
	PublishedFrom string         `json:"published_from"`
	Media         string         `json:"media"`
	Category      string         `json:"category"`
	Tags          []string       `json:"tags"`
	URL           string         `json:"url"`
	Tickers       []TickerRecord `json:"tickers"`
	Claims        []ClaimRecord  `json:"claims"`
	Entities      []EntityRecord `json:"entities"`
	Tone          string         `json:"tone"`       // the article's own tone: "positive", "negative" or "neutral"
	ToneScore     float64        `json:"tone_score"` // in [-1, 1], its sign agreeing with Tone
	Error         string         `json:"error"`      // "" on success, else a one-line reason
}

// TickerRecord is one linked security in a Record.
type TickerRecord struct {
	Symbol    string   `json:"symbol"` // CODE.MARKET
	Name      string   `json:"name"`
	Mentions  int      `json:"mentions"`
	Relevance float64  `json:"relevance"`  // 0..1
	Via       []string `json:"via"`        // "embed", "code", "name"
	Tone      string   `json:"tone"`       // "positive", "negative" or "neutral"
	ToneScore float64  `json:"tone_score"` // in [-1, 1], its sign agreeing with Tone
	Events    []string `json:"events"`     // event names of spec/tone.md, [] when none
	// Unlisted is true when the article writes a code or embeds a quote
	// for a listing the master does not list on the day the article is
	// linked as of (ticker.Link.Unlisted); omitted when false.
	Unlisted bool `json:"unlisted,omitempty"`
}

// ClaimRecord is one numeric claim in a Record. Value and Upper are
// decimal strings, never floats.
type ClaimRecord struct {
	Text       string  `json:"text"`
	Subject    string  `json:"subject"`
	Value      string  `json:"value"`
	Upper      *string `json:"upper,omitempty"` // only for ranges
	Unit       string  `json:"unit"`
	Comparator string  `json:"comparator"`
	Kind       string  `json:"kind"`
	Period     string  `json:"period"`
	Symbol     string  `json:"symbol,omitempty"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
}

// EntityRecord is one named entity in a Record.
type EntityRecord struct {
	Text  string `json:"text"`
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Record converts the analysis to its output record.
func (an *Analysis) Record() Record {
	a := &an.Article
	r := Record{
		File:     an.File,
		ID:       a.ID,
		Title:    a.Title,
		Media:    a.Media,
		Category: a.Category,
		Tags:     nonNil(a.Tags),
		URL:      a.URL,
		Tickers:  make([]TickerRecord, 0, len(an.Tickers)),
		Claims:   make([]ClaimRecord, 0, len(an.Claims)),
		Entities: make([]EntityRecord, 0, len(an.Entities)),
	}
	if !a.Published.IsZero() {
		r.Published = a.Published.Format(time.RFC3339)
		r.PublishedFrom = a.PublishedFrom
	}
	if an.Err != nil {
		r.Error = oneLine(an.Err.Error())
	}
	r.Tone = an.Tone.Tone.String()
	r.ToneScore = an.Tone.Score
	for i, t := range an.Tickers {
		tr := TickerRecord{
			Symbol:    t.Symbol.String(),
			Name:      t.Name,
			Mentions:  t.Mentions,
			Relevance: t.Relevance,
			Via:       nonNil(t.Via.Names()),
			Unlisted:  t.Unlisted,
			Tone:      entities.Neutral.String(),
			Events:    []string{},
		}
		if i < len(an.Tones) {
			st := an.Tones[i]
			tr.Tone = st.Tone.String()
			tr.ToneScore = st.Score
			for _, e := range st.Events {
				if !slices.Contains(tr.Events, e.Name) {
					tr.Events = append(tr.Events, e.Name)
				}
			}
		}
		r.Tickers = append(r.Tickers, tr)
	}
	for _, c := range an.Claims {
		cr := ClaimRecord{
			Text:       c.Text,
			Subject:    c.Subject,
			Value:      decimalString(c.Value),
			Unit:       c.Unit,
			Comparator: c.Comparator.String(),
			Kind:       c.Kind.String(),
			Period:     c.Period,
			Symbol:     c.Symbol.String(),
			Start:      c.Start,
			End:        c.End,
		}
		if c.Upper.Valid {
			u := decimalString(c.Upper.Decimal)
			cr.Upper = &u
		}
		r.Claims = append(r.Claims, cr)
	}
	for _, e := range an.Entities {
		r.Entities = append(r.Entities, EntityRecord{Text: e.Text, Kind: e.Kind.String(), Start: e.Start, End: e.End})
	}
	return r
}

// MarshalJSON writes the analysis as its [Record]. Comparators such as
// ">" are written as they are; json.Marshal escapes them again as \u003e
// unless the caller's json.Encoder has SetEscapeHTML(false).
func (an Analysis) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(an.Record()); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// oneLine folds an error message onto one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

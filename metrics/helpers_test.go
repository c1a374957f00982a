package metrics_test

import (
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

// sym returns the symbol for a canonical "CODE.MARKET" written in a test.
func sym(tb testing.TB, code string, m ticker.Market) ticker.Symbol {
	tb.Helper()
	s, err := ticker.New(code, m)
	if err != nil || !s.IsValid() {
		tb.Fatalf("ticker.New(%q, %v) = %v, %v", code, m, s, err)
	}
	return s
}

// bj parses a Beijing wall-clock time "2006-01-02 15:04".
func bj(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.ParseInLocation("2006-01-02 15:04", s, time.FixedZone("CST", 8*3600))
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// link builds a ticker link.
func link(s ticker.Symbol, name string, mentions int, rel float64, inTitle bool) ticker.Link {
	return ticker.Link{Symbol: s, Name: name, Mentions: mentions, Relevance: rel, InTitle: inTitle}
}

// analysis builds an analysis of a synthetic article.
func analysis(id string, published time.Time, media, text string, links []ticker.Link, claims ...ticker.Symbol) *stocknews.Analysis {
	a := &stocknews.Analysis{
		File:    id + ".md",
		Article: stocknews.Article{ID: id, Published: published, Media: media, Text: text},
		Tickers: links,
	}
	for _, s := range claims {
		a.Claims = append(a.Claims, entities.Claim{Symbol: s})
	}
	return a
}

// near reports whether a and b are equal within 1e-12, NaN equal to NaN.
func near(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b))
}

// dump renders a table completely, for exact comparisons (NaN prints as NaN,
// so two dumps are equal exactly when the tables are).
func dump(t *metrics.Table) string {
	s := fmt.Sprintf("%v %v %d %d %d %d\n", t.Start, t.AsOf, t.Articles, t.Linked, t.Stories, t.Errors)
	for _, r := range t.Rows {
		s += fmt.Sprintf("%+v\n", r)
	}
	for _, p := range t.Pairs {
		s += fmt.Sprintf("%+v\n", p)
	}
	return s
}

// errBroken stands for an input that failed to parse.
var errBroken = errors.New("unreadable")

// newBounded returns a bounded Coverage with opts (nil: the defaults) and
// a budget of DefaultRecent unless opts sets one.
func newBounded(opts *metrics.Options) *metrics.Coverage {
	var o metrics.Options
	if opts != nil {
		o = *opts
	}
	if o.Recent == 0 {
		o.Recent = metrics.DefaultRecent
	}
	return metrics.New(&o)
}

package ticker

import (
	"strings"
	"time"
)

// Dates in a master are strings: "YYYY-MM-DD", or "YYYY" when only the
// year is known (the US exchanges' IPO years). They compare as strings: a
// year-only date sorts before every day of its year, so a listing known
// only by its year counts as listed from the year's first day.

// Span is a validity range of dates: From inclusive, To exclusive. An
// empty bound is open: the zero Span holds every day.
type Span struct {
	From, To string
}

// Contains reports whether day (YYYY-MM-DD) falls in s. An empty day (no
// date known) is contained in every span.
func (s Span) Contains(day string) bool {
	if day == "" {
		return true
	}
	return (s.From == "" || s.From <= day) && (s.To == "" || day < s.To)
}

// String writes s as the master files do: FROM~TO, either side empty when
// open, "" for the zero Span.
func (s Span) String() string {
	if s == (Span{}) {
		return ""
	}
	return s.From + "~" + s.To
}

// DatedName is a name of a security with the dates it was in use: a short
// name before a rename (国泰君安 until 2025-04-03), an alias that came
// with one (Meta from 2021-10-28).
type DatedName struct {
	Name string
	Span
}

// DatedSymbol is a symbol a security had, with the dates it was in
// force: FB.US until 2022-06-09 for the security that is META.US now.
type DatedSymbol struct {
	Symbol Symbol
	Span
}

// Day returns t's calendar day in Beijing time as YYYY-MM-DD, the form
// [Document.AsOf] takes; "" for the zero time.
func Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(beijing).Format(time.DateOnly)
}

var beijing = time.FixedZone("CST", 8*3600)

// listedOn reports whether s was listed on day: listed on or before it and
// not delisted by then. Unknown dates do not exclude: a security without a
// list date counts as listed. An empty day means any time.
func (s *Security) listedOn(day string) bool {
	if day == "" {
		return true
	}
	if s.ListDate != "" && day < s.ListDate {
		return false
	}
	return s.DelistDate == "" || day < s.DelistDate
}

// ListedOn reports whether s was listed on day (YYYY-MM-DD), as far as the
// master knows: on or after its list date and before its delisting date.
// A security without a list date counts as listed.
func (s Security) ListedOn(day string) bool { return s.listedOn(day) }

// SymbolOn returns the symbol s had on day: one of FormerSymbols when day
// falls in its span, else Symbol.
func (s Security) SymbolOn(day string) Symbol {
	for _, f := range s.FormerSymbols {
		if day != "" && f.Contains(day) {
			return f.Symbol
		}
	}
	return s.Symbol
}

// NameOn returns the short name s had on day: a dated former name whose
// span holds day, else Name.
func (s Security) NameOn(day string) string {
	if day == "" {
		return s.Name
	}
	for _, d := range s.Dated {
		if d.Name != s.Name && d.Contains(day) && containsName(s.FormerNames, d.Name) {
			return d.Name
		}
	}
	return s.Name
}

func containsName(list []string, name string) bool {
	for _, n := range list {
		if n == name {
			return true
		}
	}
	return false
}

// nameSpan returns the span in which name (as written in the master) was
// in use by s; the zero Span when the master does not date it.
func (s *Security) nameSpan(name string) Span {
	for _, d := range s.Dated {
		if d.Name == name {
			return d.Span
		}
	}
	return Span{}
}

// parseDatedName reads a name written NAME@FROM~TO (either bound may be
// empty), or a plain NAME.
func parseDatedName(s string) (string, Span, bool) {
	name, dates, ok := strings.Cut(s, "@")
	if !ok {
		return s, Span{}, true
	}
	sp, ok := parseSpan(dates)
	return name, sp, ok
}

// parseSpan reads FROM~TO, each side a date or empty.
func parseSpan(s string) (Span, bool) {
	from, to, ok := strings.Cut(s, "~")
	if !ok {
		return Span{}, false
	}
	sp := Span{From: normDate(from), To: normDate(to)}
	if (from != "" && sp.From == "") || (to != "" && sp.To == "") {
		return Span{}, false
	}
	return sp, true
}

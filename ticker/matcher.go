package ticker

import (
	"strings"
	"sync"
)

// Matcher finds every occurrence of a fixed set of strings in one pass over
// a text: the Aho–Corasick automaton the [Linker] uses for names, offered
// to other packages. Text is folded as the linker folds it: Latin letters
// match in any case and full-width ASCII matches ASCII. Matching costs
// O(len(text) + matches) whatever the number of patterns.
//
// A Matcher is safe for concurrent use.
type Matcher struct {
	ac   *acMatcher
	pool sync.Pool // *[]acHit scratch for FindAll
}

// Match is one occurrence of a pattern: its index in the slice given to
// [NewMatcher] and its half-open byte span in the text.
type Match struct {
	Pattern    int
	Start, End int
}

// NewMatcher builds a Matcher for patterns. A pattern that occurs more than
// once in the slice is reported under its first index; empty patterns and
// patterns longer than 63 runes are never found.
func NewMatcher(patterns []string) *Matcher {
	folded := make([]string, len(patterns))
	for i, p := range patterns {
		folded[i] = strings.Map(foldRune, p)
	}
	return &Matcher{ac: newACMatcher(folded)}
}

// FindAll appends every occurrence of every pattern in text to dst, in
// order of end offset (the longer pattern first on a tie), and returns it.
// Invalid UTF-8 matches nothing. It allocates only to grow dst.
func (m *Matcher) FindAll(text string, dst []Match) []Match {
	if m == nil || m.ac == nil {
		return dst
	}
	hp, _ := m.pool.Get().(*[]acHit)
	if hp == nil {
		hp = new([]acHit)
	}
	hits := m.ac.findAll(text, (*hp)[:0])
	for _, h := range hits {
		dst = append(dst, Match{Pattern: int(h.pat), Start: int(h.start), End: int(h.end)})
	}
	if cap(hits) <= 1<<14 {
		*hp = hits
		m.pool.Put(hp)
	}
	return dst
}

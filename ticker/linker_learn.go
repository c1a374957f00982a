package ticker

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Learner accumulates name↔code pairs across a corpus: every name an
// article writes beside a code (星河微电子(688999)) is counted, and
// [Learner.Learned] returns, for each name, the code seen with it most
// often. Pass the result as [LinkerOptions.Learned] so that articles that
// name the company without its code link it too.
//
// Learning across articles is opt-in, never done by a Linker on its own:
// the result depends on which articles were observed, not on their order
// (ties go to the smaller symbol), so the same corpus always gives the
// same pairs. A Learner is safe for concurrent use.
type Learner struct {
	mu     sync.Mutex
	counts map[string]map[Symbol]int
}

// NewLearner returns an empty Learner.
func NewLearner() *Learner { return &Learner{counts: make(map[string]map[Symbol]int)} }

// Observe records the name↔code pairs written in doc's text.
func (l *Learner) Observe(doc Document) {
	for _, c := range FindCodes(doc.Text) {
		if c.Name != "" {
			l.Add(c.Name, c.Symbol)
		}
	}
}

// Add records one pair. Names shorter than two runes or longer than 12,
// names made only of Latin letters and digits (tickers, not names) and
// invalid symbols are ignored.
func (l *Learner) Add(name string, sym Symbol) {
	name = NormalizeName(name)
	n := utf8.RuneCountInString(name)
	if !sym.IsValid() || n < 2 || n > 12 || isASCIIWord(name) {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.counts == nil {
		l.counts = make(map[string]map[Symbol]int)
	}
	m := l.counts[name]
	if m == nil {
		m = make(map[Symbol]int, 1)
		l.counts[name] = m
	}
	m[sym]++
}

// Learned returns, for each name observed, the symbol it was written with
// most often; ties go to the symbol whose canonical form sorts first.
func (l *Learner) Learned() map[string]Symbol {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[string]Symbol, len(l.counts))
	for name, m := range l.counts {
		var best Symbol
		bestN := 0
		for s, n := range m {
			if n > bestN || n == bestN && s.String() < best.String() {
				best, bestN = s, n
			}
		}
		out[name] = best
	}
	return out
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return strings.TrimSpace(s) != ""
}

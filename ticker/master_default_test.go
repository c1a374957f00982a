package ticker

import (
	"strings"
	"testing"
)

// isIndexRow reports whether a default-master row is an index: Shanghai
// 000xxx, Shenzhen 399xxx and Beijing 899xxx are index ranges.
func isIndexRow(s Symbol) bool {
	c := s.Code()
	switch s.Market() {
	case SH:
		return strings.HasPrefix(c, "000")
	case SZ:
		return strings.HasPrefix(c, "399")
	case BJ:
		return strings.HasPrefix(c, "899")
	}
	return false
}

// TestDefaultMasterAgreesWithAllCode checks every A-share row of the
// built-in master against the exchange list: the code must exist there
// with the same short name, modulo NFKC and decorations.
func TestDefaultMasterAgreesWithAllCode(t *testing.T) {
	ref := allCodeMaster(t)
	def := DefaultMaster()
	n := 0
	for s := range def.AllSeq() {
		if s.Symbol.Market() > BJ || isIndexRow(s.Symbol) {
			continue
		}
		n++
		r, ok := ref.Lookup(s.Symbol)
		if !ok {
			t.Errorf("%s %s: not in all_code.csv", s.Symbol, s.Name)
			continue
		}
		if r.Name != s.Name && undecorate(r.Name, r.Symbol.Market()) != s.Name {
			t.Errorf("%s: default name %q, all_code.csv %q", s.Symbol, s.Name, r.Name)
		}
	}
	if n < 300 {
		t.Errorf("default master has %d A-shares, want at least 300", n)
	}
	t.Logf("%d A-share rows checked", n)
}

func TestDefaultMasterLoads(t *testing.T) {
	m := DefaultMaster()
	if m.Len() < 400 {
		t.Fatalf("Len = %d", m.Len())
	}
	if DefaultMaster() != m {
		t.Error("DefaultMaster is not shared")
	}
}

// TestDefaultShortNamesListed keeps shortNames in step with the built-in
// data: every two-character Chinese alias there has its context rule.
// (Two-character short names from the exchanges' lists fire only at the
// start of a word, as names from a loaded master do.)
func TestDefaultShortNamesListed(t *testing.T) {
	for s := range DefaultMaster().AllSeq() {
		for _, n := range s.Aliases {
			if k := nameKey(n); len([]rune(k)) == 2 && isHanString(k) {
				if _, ok := shortNames[k]; !ok {
					t.Errorf("%s: two-character name %q missing from shortNames", s.Symbol, k)
				}
			}
		}
	}
}

package ticker

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// naiveFind is the reference: every occurrence of every pattern.
func naiveFind(pats []string, text string) []acHit {
	var out []acHit
	for i := range text {
		for p, s := range pats {
			if strings.HasPrefix(text[i:], s) {
				out = append(out, acHit{pat: int32(p), start: int32(i), end: int32(i + len(s))})
			}
		}
	}
	return out
}

func sortHits(h []acHit) {
	slices.SortFunc(h, func(a, b acHit) int {
		if a.start != b.start {
			return int(a.start - b.start)
		}
		if a.end != b.end {
			return int(a.end - b.end)
		}
		return int(a.pat - b.pat)
	})
}

func TestACMatcherAgainstNaive(t *testing.T) {
	alphabet := []string{"中", "国", "平", "安", "银", "行", "A", "B"}
	r := rand.New(rand.NewPCG(1, 1))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 200 {
		pats := make([]string, 1+r.IntN(8))
		for i := range pats {
			pats[i] = word(1 + r.IntN(4))
		}
		slices.Sort(pats)
		pats = slices.Compact(pats)
		text := word(r.IntN(40))
		m := newACMatcher(pats)
		got := m.findAll(text, nil)
		want := naiveFind(pats, text)
		sortHits(got)
		sortHits(want)
		if !slices.Equal(got, want) {
			t.Fatalf("patterns %q text %q:\n got %v\nwant %v", pats, text, got, want)
		}
	}
}

func TestACMatcherAstral(t *testing.T) {
	pats := []string{"𠀀科技", "科𠀁", "技"}
	text := "𠀀科技与科𠀁技"
	got, want := newACMatcher(pats).findAll(text, nil), naiveFind(pats, text)
	sortHits(got)
	sortHits(want)
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestACMatcherFolds(t *testing.T) {
	m := newACMatcher([]string{"万科A", "META"})
	text := "万科Ａ与meta"
	got := m.findAll(text, nil)
	if len(got) != 2 || text[got[0].start:got[0].end] != "万科Ａ" || text[got[1].start:got[1].end] != "meta" {
		t.Errorf("got %v", got)
	}
}

// FuzzACMatcher compares the automaton with the naive search: the input is
// patterns separated by "|", then "#", then the text.
func FuzzACMatcher(f *testing.F) {
	f.Add("中国|中国平安|平安|安银#中国平安银行")
	f.Add("ab|b|abc#xabcab")
	f.Fuzz(func(t *testing.T, in string) {
		ps, text, ok := strings.Cut(in, "#")
		if !ok || !utf8.ValidString(in) {
			return
		}
		var pats []string
		for _, p := range strings.Split(ps, "|") {
			if p != "" && utf8.RuneCountInString(p) <= maxPatternRunes && !slices.Contains(pats, p) && foldString(p) == p {
				pats = append(pats, p)
			}
		}
		text = foldString(text)
		got, want := newACMatcher(pats).findAll(text, nil), naiveFind(pats, text)
		sortHits(got)
		sortHits(want)
		if !slices.Equal(got, want) {
			t.Fatalf("patterns %q text %q:\n got %v\nwant %v", pats, text, got, want)
		}
	})
}

// foldString folds every rune, so that naive and automaton agree.
func foldString(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// TestACMatcherInvalidUTF8 builds a matcher over patterns holding stray
// bytes, which sort before Chinese characters as bytes but decode to
// U+FFFD after them, and checks that the valid patterns still match.
func TestACMatcherInvalidUTF8(t *testing.T) {
	m := newACMatcher([]string{"A\x91", "A中", "A\xff", "\x9100", "中国"})
	hits := m.findAll("xA中y中国", nil)
	if len(hits) != 2 {
		t.Fatalf("got %d hits %v, want A中 and 中国", len(hits), hits)
	}
}

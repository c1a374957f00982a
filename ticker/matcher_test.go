package ticker

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestMatcherFindAll(t *testing.T) {
	m := NewMatcher([]string{"公司", "有限公司", "iPhone", "中国", "中国平安", "中国"})
	tests := []struct {
		text string
		want []Match
	}{
		{"", nil},
		{"没有", nil},
		{"某有限公司", []Match{{1, 3, 15}, {0, 9, 15}}},
		{"IPHONE和ｉｐｈｏｎｅ", []Match{{2, 0, 6}, {2, 9, 27}}},
		{"中国平安", []Match{{3, 0, 6}, {4, 0, 12}}}, // the duplicate reports as 3
		{"\xff中国", []Match{{3, 1, 7}}},
	}
	for _, tt := range tests {
		got := m.FindAll(tt.text, nil)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("FindAll(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	var nilM *Matcher
	if got := nilM.FindAll("中国", nil); got != nil {
		t.Errorf("nil Matcher found %v", got)
	}
}

// TestMatcherAgainstNaive checks FindAll against a scan for every pattern
// at every offset, on random texts, reusing one dst.
func TestMatcherAgainstNaive(t *testing.T) {
	alphabet := []string{"中", "国", "平", "安", "A", "b"}
	r := rand.New(rand.NewPCG(2, 3))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	pats := make([]string, 40)
	for i := range pats {
		pats[i] = word(1 + r.IntN(4))
	}
	m := NewMatcher(pats)
	var dst []Match
	for range 200 {
		text := word(r.IntN(30))
		dst = m.FindAll(text, dst[:0])
		var want []Match
		for i := range text {
			seen := map[string]bool{}
			for p, s := range pats {
				if !seen[s] && strings.HasPrefix(strings.ToUpper(text[i:]), strings.ToUpper(s)) {
					seen[s] = true
					want = append(want, Match{p, i, i + len(s)})
				}
			}
		}
		got := slices.Clone(dst)
		order := func(a, b Match) int {
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			return a.End - b.End
		}
		slices.SortFunc(got, order)
		slices.SortFunc(want, order)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("FindAll(%q)\n got %v\nwant %v", text, got, want)
		}
	}
}

package entities

import (
	"strings"
	"testing"
)

// marked removes the 「 and 」 markers from s and returns the plain text
// and the byte spans [start, end) that the markers enclosed, in order.
// Markers do not nest.
func marked(t testing.TB, s string) (string, [][2]int) {
	t.Helper()
	var b strings.Builder
	var spans [][2]int
	open := -1
	for _, r := range s {
		switch r {
		case '「':
			if open >= 0 {
				t.Fatalf("nested 「 in %q", s)
			}
			open = b.Len()
		case '」':
			if open < 0 {
				t.Fatalf("unbalanced 」 in %q", s)
			}
			spans = append(spans, [2]int{open, b.Len()})
			open = -1
		default:
			b.WriteRune(r)
		}
	}
	if open >= 0 {
		t.Fatalf("unclosed 「 in %q", s)
	}
	return b.String(), spans
}

// checkClaimSpans asserts the invariants every claim must hold.
func checkClaimSpans(t testing.TB, text string, cs []Claim) {
	t.Helper()
	bounds := runeBounds(text)
	for _, c := range cs {
		if c.Start < 0 || c.End > len(text) || c.Start > c.End {
			t.Fatalf("claim %q: span [%d,%d) out of bounds (len %d)", c.Text, c.Start, c.End, len(text))
		}
		if !bounds[c.Start] || !bounds[c.End] {
			t.Fatalf("claim %q: span [%d,%d) not on rune boundaries", c.Text, c.Start, c.End)
		}
		if text[c.Start:c.End] != c.Text {
			t.Fatalf("claim text %q != text[%d:%d] %q", c.Text, c.Start, c.End, text[c.Start:c.End])
		}
	}
}

// runeBounds returns the byte offsets where a rune starts as range over a
// string sees them (an invalid byte is a rune of its own), plus len(s).
func runeBounds(s string) map[int]bool {
	m := map[int]bool{len(s): true}
	for i := range s {
		m[i] = true
	}
	return m
}

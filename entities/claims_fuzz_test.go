package entities

import "testing"

func FuzzParseNumber(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, s := range []string{"四点五亿", "1800多", "两到三万", "百分之三点五", "1e-400", "9,999,999", "－３", "十几万", "零点零一"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			return
		}
		// The value, printed as a plain decimal, parses back to itself.
		back, err := ParseNumber(v.String())
		if err != nil {
			t.Fatalf("ParseNumber(%q) = %s, which does not re-parse: %v", s, v, err)
		}
		if !back.Equal(v) {
			t.Fatalf("ParseNumber(%q) = %s, re-parsed as %s", s, v, back)
		}
	})
}

func FuzzClaims(f *testing.F) {
	for _, tt := range claimTests {
		text, _ := marked(f, tt.in)
		f.Add(text)
	}
	for _, tt := range numberTests {
		text, _ := marked(f, tt.in)
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cs := Claims(s, &ClaimOptions{Year: 2021})
		checkClaimSpans(t, s, cs)
		bounds := runeBounds(s)
		for _, n := range Numbers(s) {
			if n.Start < 0 || n.End > len(s) || n.Start >= n.End || s[n.Start:n.End] != n.Text {
				t.Fatalf("number %q: bad span [%d,%d)", n.Text, n.Start, n.End)
			}
			if !bounds[n.Start] || !bounds[n.End] {
				t.Fatalf("number %q: span not on rune boundaries", n.Text)
			}
		}
	})
}

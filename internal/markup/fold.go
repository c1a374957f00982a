package markup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold cleans one paragraph of text: it trims white space at both ends and
// folds every inner run of white space. A run that holds a line break or a
// full-width space (U+3000) or a no-break space is layout, not text: it is dropped next to a
// Chinese character or inside brackets, and becomes one ASCII space between
// two Latin words. Any other run (ASCII spaces, tabs)
// becomes one ASCII space. Zero-width spaces and byte-order marks are
// dropped. Fold allocates only when s changes.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune // last rune written, 0 at the start
	inRun, layout := false, false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\u200b' || r == '\ufeff' || r == '\u200c' || r == '\u200d':
			continue
		case r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0':
			inRun, layout = true, true
			continue
		case unicode.IsSpace(r):
			inRun = true
			continue
		}
		if inRun && prev != 0 {
			if !(layout && (isWide(prev) || isWide(r) || isOpen(prev) || isClose(r))) {
				b.WriteByte(' ')
			}
		}
		inRun, layout = false, false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// isFolded reports whether Fold would return s unchanged.
func isFolded(s string) bool {
	prevSpace := true // a leading space must go
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u200c' || r == '\u200d' || r == utf8.RuneError {
				return false
			}
			prevSpace = false
			continue
		}
		switch c {
		case ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case '\t', '\n', '\r', '\v', '\f':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// isWide reports whether r is a Chinese, Japanese or Korean character or
// full-width punctuation, next to which layout white space is dropped.
func isWide(r rune) bool {
	return r >= 0x2E80 && r != utf8.RuneError
}

func isOpen(r rune) bool  { return r == '(' || r == '[' || r == '{' || r == '“' || r == '‘' }
func isClose(r rune) bool { return r == ')' || r == ']' || r == '}' || r == '”' || r == '’' }

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
// becomes one ASCII space. Zero-width spaces, byte-order marks and control
// characters (NUL, DEL, …) are dropped. Fold allocates only when s changes.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	if t := strings.TrimSpace(s); len(t) < len(s) && isFolded(t) {
		return t
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
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\v' && r != '\f', r == 0x7f:
			continue // NUL and other control characters are not text
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

// isFolded reports whether Fold would return s unchanged. It looks at
// non-ASCII runes only when their lead byte can start a space or a
// zero-width character, so Chinese text is skipped three bytes at a time.
func isFolded(s string) bool {
	prevSpace := true // a leading space must go
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			if mayBeSpace(c) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if isSpaceOrZeroWidth(r) || r == utf8.RuneError && n == 1 {
					return false
				}
				i += n
			} else {
				i += leadLen(c)
			}
			prevSpace = false
			continue
		}
		i++
		switch c {
		case ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case '\t', '\n', '\r', '\v', '\f':
			return false
		default:
			if c < 0x20 || c == 0x7f {
				return false
			}
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// mayBeSpace reports whether a UTF-8 lead byte can start a rune that Fold
// changes: U+0085, U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2), U+3000
// (E3), U+FEFF and U+FFFD (EF).
func mayBeSpace(c byte) bool {
	return c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF || c < 0xC2 || c > 0xF4
}

// leadLen is the length of a UTF-8 sequence from its lead byte; the input
// is valid UTF-8 (mayBeSpace catches invalid lead bytes).
func leadLen(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	}
	return 2
}

func isSpaceOrZeroWidth(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u200c' || r == '\u200d'
}

// isWide reports whether r is a Chinese, Japanese or Korean character or
// full-width punctuation, next to which layout white space is dropped.
func isWide(r rune) bool {
	return r >= 0x2E80 && r != utf8.RuneError
}

func isOpen(r rune) bool  { return r == '(' || r == '[' || r == '{' || r == '“' || r == '‘' }
func isClose(r rune) bool { return r == ')' || r == ']' || r == '}' || r == '”' || r == '’' }

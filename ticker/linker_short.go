package ticker

import (
	"strings"
	"unicode/utf8"
)

// shortRisk says when a two-character name the built-in master vouches for
// is not a mention: the characters that, written just before it, make
// another word with its first character (完美的 is not 美的, 南京东路 is not
// 京东), and those that, just after it, make another word with its last
// character (联想到 is not 联想). strict names also need a word start like
// names the package does not know.
type shortRisk struct {
	left, right string
	strict      bool
}

// shortNames lists the two-character names and aliases of the built-in
// master, the [short] section of the vocabulary. They fire after any character except their risky ones; other
// two-character names (from loaded masters) fire only at a word start (see
// wordStarters), because nothing is known about the words they occur in.
var shortNames = builtinVocab.shortRules()

// shortNameOK applies the two-character rules to the name key at
// text[start:end]; afterMention says it directly follows another mention.
func (l *Linker) shortNameOK(key, text string, start, end int, afterMention bool) bool {
	risk, known := l.short[key]
	if known {
		if start > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:start])
			if strings.ContainsRune(risk.left, r) {
				return false
			}
		}
		if end < len(text) {
			r, _ := utf8.DecodeRuneInString(text[end:])
			if strings.ContainsRune(risk.right, r) {
				return false
			}
		}
		if !risk.strict {
			return true
		}
	}
	return afterMention || leftBoundaryOK(text, start)
}

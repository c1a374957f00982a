package ticker

import (
	"strings"
	"unicode/utf8"
)

// englishTail are the words English company names end with that news
// leaves off: Target Corporation is Target, The Carlyle Group Inc. is
// Carlyle, Apollo Global Management Inc. is Apollo.
var englishTail = map[string]bool{
	"INC": true, "INC.": true, "INCORPORATED": true, "CORP": true, "CORP.": true, "CORPORATION": true,
	"CO": true, "CO.": true, "COMPANY": true, "LIMITED": true, "LTD": true, "LTD.": true, "PLC": true,
	"HOLDINGS": true, "HOLDING": true, "GROUP": true, "N.V.": true, "NV": true, "AG": true, "SA": true,
	"S.A.": true, "SE": true, "AB": true, "LLC": true, "LP": true, "L.P.": true, "&": true, "AND": true,
	"GLOBAL": true, "MANAGEMENT": true, "(NEW)": true, "N.": true, "V.": true, "N.V": true, "CO.,": true, "LTD.,": true, "(THE)": true,
}

// EnglishShortName returns the form of an English company name that news
// writes and the master matches: without the company-form words at its
// end and an article at its start (The Carlyle Group Inc. is Carlyle,
// Target Corporation is Target), or the name itself when that would leave
// too short or generic a word (China Mobile Limited keeps China Mobile).
// The built-in master stores English names in this form.
func EnglishShortName(name string) string {
	var out string
	englishNames(NormalizeName(name), func(s string) { out = s })
	return out
}

// englishSpacer puts back the spaces NormalizeName removes around
// punctuation (KKR&Co.Inc. is KKR & Co. Inc.).
var englishSpacer = strings.NewReplacer("&", " & ", ".", ". ", ",", ", ")

// englishGeneric are stems too general to name one company by themselves.
var englishGeneric = map[string]bool{
	"CHINA": true, "HONG KONG": true, "ASIA": true, "AMERICA": true, "AMERICAN": true, "GLOBAL": true,
	"INTERNATIONAL": true, "FIRST": true, "NEW": true, "CAPITAL": true, "UNITED": true, "GREAT": true,
	"GOLD": true, "ENERGY": true, "POWER": true, "DATA": true, "TRUST": true, "BANK": true,
	"HOLDINGS": true, "TECHNOLOGY": true, "PACIFIC": true, "EAST": true, "WEST": true, "NORTH": true,
	"SOUTH": true, "CENTURY": true, "UNIVERSAL": true, "NATIONAL": true, "GENERAL": true, "ROYAL": true,
}

// englishNames calls f with the key of an English name: its stem without
// the company-form words at its end and an article at its start (The
// Carlyle Group Inc. gives Carlyle), which also finds the full name, or
// the name itself when the stem would be too short or generic. A stem
// must keep four characters (three for an acronym written in capitals,
// KKR) and not be a generic word (CHINA).
func englishNames(name string, f func(string)) {
	if stem, ok := plainEnglishStem(name); ok {
		f(englishPick(name, stem))
		return
	}
	f(englishPick(name, englishStem(name)))
}

// englishStem is the stem of englishNames for any name.
func englishStem(name string) string {
	words := strings.Fields(englishSpacer.Replace(name))
	if len(words) > 0 && strings.EqualFold(words[0], "THE") {
		words = words[1:]
	}
	for len(words) > 1 && englishTail[strings.ToUpper(strings.TrimRight(words[len(words)-1], ","))] {
		words = words[:len(words)-1]
	}
	stem := strings.TrimRight(strings.Join(words, " "), " ,.&")
	return strings.ReplaceAll(strings.ReplaceAll(stem, ". ", "."), " & ", "&")
}

// englishPick returns what englishNames gives for name with stem: the
// stem when it is long and specific enough, else name.
func englishPick(name, stem string) string {
	n := utf8.RuneCountInString(stem)
	acronym := n == 3 && isUpperRun(stem) && name != strings.ToUpper(name)
	switch {
	case stem == name || stem == "":
		return name
	case (n >= 4 || acronym) && !inUpper(englishGeneric, stem):
		return stem // the stem is found inside the full name too
	}
	return name
}

// plainEnglishStem is the stem englishNames computes, without allocating,
// for a plain name: printable ASCII words without & . or , separated by
// single spaces. There englishSpacer changes nothing, the words are the
// space-separated runs, and their join is a substring of name that no
// trimming or replacing changes. ok is false for any other name.
func plainEnglishStem(name string) (stem string, ok bool) {
	if name == "" || name[0] == ' ' || name[len(name)-1] == ' ' {
		return "", false
	}
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == ' ' && name[i-1] == ' ', c < ' ', c >= 0x7F, c == '&', c == '.', c == ',':
			return "", false
		}
	}
	lo, hi := 0, len(name)
	if sp := strings.IndexByte(name, ' '); sp >= 0 && strings.EqualFold(name[:sp], "THE") {
		lo = sp + 1
	}
	for {
		sp := strings.LastIndexByte(name[lo:hi], ' ')
		if sp < 0 || !isEnglishTail(name[lo+sp+1:hi]) {
			break
		}
		hi = lo + sp
	}
	return name[lo:hi], true
}

// isEnglishTail reports whether the ASCII word w, upper-cased, is in
// englishTail.
func isEnglishTail(w string) bool { return inUpper(englishTail, w) }

// inUpper reports whether set holds strings.ToUpper(w), without allocating
// when w is short ASCII.
func inUpper(set map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return set[strings.ToUpper(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set[strings.ToUpper(w)]
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// englishWords is the longest English name, in words, that englishCands
// tries.
const englishWords = 4

// englishCands appends the English names of m found in text. English
// names are not in the automaton (there are thousands, long, and they need
// a Latin word boundary anyway): at the start of each Latin word, the runs
// of one to four words are looked up in the index.
func (m *Master) englishCands(text string, out []cand) []cand {
	if !m.hasEnglish {
		return out
	}
	var buf []byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !isASCIIAlnum(rune(c)) || i > 0 && isASCIIAlnum(rune(text[i-1])) {
			continue
		}
		buf = buf[:0]
		j := i
		for w := 0; w < englishWords; w++ {
			e := englishWordEnd(text, j)
			if e == j {
				break
			}
			if w > 0 {
				buf = append(buf, ' ')
			}
			for k := j; k < e; k++ {
				buf = append(buf, byte(foldRune(rune(text[k]))))
			}
			if m.kindOf(string(buf)) == kindEnglish {
				out = append(out, cand{start: i, end: e, key: string(buf), fromMaster: true})
			}
			if e >= len(text) || text[e] != ' ' {
				break
			}
			j = e + 1
		}
	}
	return out
}

// englishWordEnd returns the end of the Latin word at i: letters and
// digits, with . & ' - inside it (JD.com, S&P, Levi's, Coca-Cola).
func englishWordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		c := text[j]
		switch {
		case isASCIIAlnum(rune(c)):
			j++
		case (c == '.' || c == '&' || c == '\'' || c == '-') && j > i && j+1 < len(text) && isASCIIAlnum(rune(text[j+1])):
			j++
		default:
			return j
		}
	}
	return j
}

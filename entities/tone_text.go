package entities

import (
	"unicode/utf8"

	"github.com/stocknews/stocknews/ticker"
)

// toneToken is a vocabulary word found in the text.
type toneToken struct {
	start, end int
	e          *vocabEntry
}

// toneSentence is a sentence of the text: its span, its paragraph, whether
// it is in the title or the lead, its tokens and the security mentions in
// it (indexes into the document's mentions).
type toneSentence struct {
	start, end int
	para       int
	title      bool
	lead       bool
	tokens     []toneToken
	mentions   []ticker.Mention
}

// isSentenceEnd reports the runes that end a sentence. A semicolon ends one
// too: the parts of a listing (A涨5%；B跌3%) are about different securities.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '\n':
		return true
	}
	return false
}

// isClauseEnd reports the runes that end a clause within a sentence.
func isClauseEnd(r rune) bool {
	switch r {
	case '，', ',', '：', ':':
		return true
	}
	return false
}

// splitSentences cuts text into sentences and marks the title and the lead:
// the first two sentences of the first body paragraph with at least 20
// characters.
func splitSentences(text string, titleLen int) []toneSentence {
	var out []toneSentence
	para, start := 0, 0
	for i, r := range text {
		if !isSentenceEnd(r) {
			continue
		}
		end := i + utf8.RuneLen(r)
		if r == '\n' {
			end = i
		}
		if end > start {
			out = append(out, toneSentence{start: start, end: end, para: para, title: start < titleLen})
		}
		start = i + utf8.RuneLen(r)
		if r == '\n' {
			para++
		}
	}
	if start < len(text) {
		out = append(out, toneSentence{start: start, end: len(text), para: para, title: start < titleLen})
	}
	markLead(text, out)
	return out
}

// markLead marks the lead: the first two sentences of the first body
// paragraph with at least 20 characters.
func markLead(text string, ss []toneSentence) {
	for i := 0; i < len(ss); {
		p, n, j := ss[i].para, 0, i
		for ; j < len(ss) && ss[j].para == p; j++ {
			n += utf8.RuneCountInString(text[ss[j].start:ss[j].end])
		}
		if !ss[i].title && n >= 20 {
			for k := i; k < j && k < i+2; k++ {
				ss[k].lead = !ss[k].title
			}
			return
		}
		i = j
	}
}

// tokenize finds the vocabulary words of each sentence, leftmost-longest,
// skipping the security mentions (a name such as 东方财富 or 中国平安 holds
// words of the lexicon), and assigns the mentions to their sentences.
// mentions must be sorted by Start.
func (v *vocab) tokenize(text string, ss []toneSentence, mentions []ticker.Mention) {
	all := make([]toneToken, 0, len(text)/16+8)
	mi := 0
	for k := range ss {
		s := &ss[k]
		for mi < len(mentions) && mentions[mi].Start < s.start {
			mi++
		}
		m0, lo := mi, len(all)
		for i := s.start; i < s.end; {
			for mi < len(mentions) && mentions[mi].Start < i && mentions[mi].End <= i {
				mi++
			}
			if mi < len(mentions) && mentions[mi].Start <= i && i < mentions[mi].End {
				i = mentions[mi].End
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			limit := s.end
			if mi < len(mentions) && mentions[mi].Start < limit {
				limit = max(mentions[mi].Start, i) // a word never runs into a name
			}
			j := v.match(text[:limit], i, r)
			if j < 0 || !latinBoundary(text, i, i+len(v.entries[j].word)) {
				i += size
				continue
			}
			e := &v.entries[j]
			all = append(all, toneToken{i, i + len(e.word), e})
			i += len(e.word)
		}
		s.tokens = all[lo:len(all):len(all)]
		for mi = m0; mi < len(mentions) && mentions[mi].Start < s.end; mi++ {
		}
		s.mentions = mentions[m0:mi:mi]
	}
	// all may have grown: point the sentences at its final array
	n := 0
	for k := range ss {
		c := len(ss[k].tokens)
		ss[k].tokens = all[n : n+c : n+c]
		n += c
	}
}

// latinBoundary reports whether a word at text[i:j] that starts or ends
// with a Latin letter stands alone (IPO, not IPOD).
func latinBoundary(text string, i, j int) bool {
	if i > 0 && isLatin(text[i]) && isLatin(text[i-1]) {
		return false
	}
	if j < len(text) && isLatin(text[j-1]) && isLatin(text[j]) {
		return false
	}
	return true
}

func isLatin(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

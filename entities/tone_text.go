package entities

import (
	"strings"
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

// sentenceEnd reports whether a sentence ends at text[i:], and the length
// of the rune that ends it. A semicolon ends one too: the parts of a
// listing (A涨5%；B跌3%) are about different securities. It reads bytes:
// the full-width marks are EF BC xx (！？；) and E3 80 82 (。).
func sentenceEnd(text string, i int) (bool, int) {
	switch c := text[i]; c {
	case '\n', '!', '?', ';':
		return true, 1
	case 0xE3:
		return i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x82, 3
	case 0xEF:
		if i+2 < len(text) && text[i+1] == 0xBC {
			switch text[i+2] {
			case 0x81, 0x9F, 0x9B:
				return true, 3
			}
		}
	}
	return false, 1
}

// clauseEnd reports whether a clause ends at text[i]: at a comma or a
// colon, full-width (EF BC 8C, EF BC 9A) or not.
func clauseEnd(text string, i int) bool {
	switch text[i] {
	case ',', ':':
		return true
	case 0xEF:
		return i+2 < len(text) && text[i+1] == 0xBC && (text[i+2] == 0x8C || text[i+2] == 0x9A)
	}
	return false
}

// endLead marks the bytes that can start a sentence or clause end, so that
// the scans skip every other byte with one table read.
var endLead = [256]bool{'\n': true, '!': true, '?': true, ';': true, ',': true, ':': true, 0xE3: true, 0xEF: true}

// skip3 is 2 for the lead bytes E4–E9 of the three-byte runes that hold
// the Chinese characters (none of them ends a sentence or a clause), so
// that the scans step over the rest of each character.
var skip3 = [256]int{0xE4: 2, 0xE5: 2, 0xE6: 2, 0xE7: 2, 0xE8: 2, 0xE9: 2}

// splitSentences cuts text into sentences and marks the title and the lead.
// out is reused: the sentences are appended to out[:0].
func splitSentences(out []toneSentence, text string, titleLen int) []toneSentence {
	out = out[:0]
	para, start := 0, 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; !endLead[c] {
			i += skip3[c] // the rest of a Chinese character
			continue
		}
		end, n := sentenceEnd(text, i)
		if !end {
			continue
		}
		stop := i + n
		if text[i] == '\n' {
			stop = i
		}
		if stop > start {
			out = append(out, toneSentence{start: start, end: stop, para: para, title: start < titleLen})
		}
		if text[i] == '\n' {
			para++
		}
		i += n - 1
		start = i + 1
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

// tokenize finds the vocabulary words of the sentences that can bear on a
// security (see [vocab.matters]), leftmost-longest, skipping the security
// mentions (a name such as 东方财富 or 中国平安 holds words of the lexicon),
// and assigns the mentions to their sentences. mentions must be sorted by
// Start; single tells whether the article is about one security only and
// main whether it has a main security. The tokens are appended to all[:0],
// which is returned for reuse.
func (v *vocab) tokenize(all []toneToken, text string, ss []toneSentence, mentions []ticker.Mention, single, main bool) []toneToken {
	all = all[:0]
	mi, para, paraMention := 0, -1, false
	for k := range ss {
		s := &ss[k]
		for mi < len(mentions) && mentions[mi].Start < s.start {
			mi++
		}
		m0 := mi
		for mi < len(mentions) && mentions[mi].Start < s.end {
			mi++
		}
		s.mentions = mentions[m0:mi:mi]
		if s.para != para {
			para, paraMention = s.para, false
		}
		if v.matters(text, s, single, main || paraMention) {
			lo := len(all)
			all = v.scan(all, text, s.start, s.end, s.mentions)
			s.tokens = all[lo:len(all):len(all)]
		}
		paraMention = paraMention || len(s.mentions) > 0
	}
	return all
}

// matters reports whether sentence s can bear on a security, so that it is
// worth scanning: it is in the title or the lead, names a security, is in
// an article about one security, or refers back (公司, 其) to a security
// there is one to refer to (backref).
func (v *vocab) matters(text string, s *toneSentence, single, backref bool) bool {
	if s.title || s.lead || len(s.mentions) > 0 || single {
		return true
	}
	if !backref {
		return false
	}
	for _, w := range v.backrefs {
		if strings.Contains(text[s.start:s.end], w) {
			return true
		}
	}
	return false
}

// scan appends to toks the words of text[start:end], skipping mentions.
func (v *vocab) scan(toks []toneToken, text string, start, end int, mentions []ticker.Mention) []toneToken {
	mi := 0
	for i := start; i < end; {
		for mi < len(mentions) && mentions[mi].End <= i {
			mi++
		}
		if mi < len(mentions) && mentions[mi].Start <= i {
			i = mentions[mi].End
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		limit := end
		if mi < len(mentions) && mentions[mi].Start < limit {
			limit = mentions[mi].Start // a word never runs into a name
		}
		j := v.match(text[:limit], i, r)
		if j < 0 || !latinBoundary(text, i, i+len(v.entries[j].word)) {
			i += size
			continue
		}
		e := &v.entries[j]
		toks = append(toks, toneToken{i, i + len(e.word), e})
		i += len(e.word)
	}
	return toks
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

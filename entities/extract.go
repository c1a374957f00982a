package entities

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stocknews/stocknews/ticker"
)

// ClaimOptions configures claim extraction. A nil *ClaimOptions gives the
// defaults.
type ClaimOptions struct {
	// Year is the article's year, used to resolve periods such as 一季度;
	// 0 leaves such periods without a year.
	Year int
	// Mentions are the article's security mentions (ticker.Linker.Mentions),
	// used to attach a Symbol to claims about a security. They need not be
	// sorted; mentions with no text position (Start < 0) are ignored.
	Mentions []ticker.Mention
	// Vocabulary holds the words claims are read by; nil is
	// [DefaultVocabulary]. Use [LoadVocabulary] to add words.
	Vocabulary *Vocabulary
}

// Claims returns the numeric claims in text, in text order, as
// spec/claims.md defines them: each number written with a unit (家, %,
// 亿元, 倍, 吨…) or a scale word (8642亿, 7570万MAU) becomes one Claim.
// Each occurrence counts, in the title too.
//
// Value is exact and in base units; see [Number] for the forms read. A
// bare amount with a scale word is money (CNY) or a count, judged from the
// words around it (成交额, 市值, 资金 → CNY; 用户, 股东, MAU → count; else
// 亿 → CNY, 万 → count).
//
// Comparator comes from the words around the number: before it 超过, 超,
// 逾, 突破, 高于 (>); 不少于, 至少, 不低于 (>=); 不到, 不足, 低于, 少于,
// 未达, < (<); 不超过, 不超, 不高于, 至多, 最多 (<=); 约, 近, 接近, 大约,
// 约合 (~); after it 以上, 之上, 多, 余 (>); 以下, 以内 (<=); 左右, 上下
// (~). 多达, 高达 and 之多 stress the size and give "=". A range (3%-5%)
// gives ">=" with Upper set.
//
// Kind is Change when a change word stands within a few characters before
// the number (同比, 环比, 增长, 上涨, 下降, 减少, 涨, 跌…) or a growth is
// named after it (44%的增长速度); a decline is negative, and the
// comparator then speaks of its size (续跌超16% is -16, ">"). A change
// word followed by 至 or 到 gives the level reached (增长至286亿美元),
// except for percentages (跌至2% stays a change). Flows (净买入, 净卖出,
// 增持, 减持, 流入, 流出) are levels with a positive value and the flow
// word put first in Subject (净卖出药明康德). Basis points are percent
// divided by 100.
//
// Subject is the text of the clause before the number (from the clause
// start or the previous number), without connectives, adverbs and the
// comparison base (同比, 较上年同期). When nothing is left, it is the
// subject of the previous claim in the sentence (a list or a comparison
// continued: 营收52.34亿元，较上年同期增长20.55%), or else the noun phrase
// after the number (10家深企). Text spans the subject (when written in the
// clause), the comparator and the number with its unit; text[Start:End] ==
// Text.
//
// Not claims: dates and times (2021年, 1月6日, 20:44), durations and ages
// (3个月, 五周年), ordinals and ranks (第三, 排名200名, 前十名), codes and
// numbers run together with Latin letters (600519.SH, 5G, 20cm), numbers in
// URLs, a rate's denominator (每1个小时), orders of magnitude (千万级),
// names with numerals (四大行, 十大股东), a lone 一 or 二 used as an article
// (一家公司), and a quantity restated in brackets right after itself.
//
// Period is resolved from the sentence before the number, best effort:
// 2021年 → "2021", 11月 → "2021-11" (year from the sentence or
// opts.Year), 一季度 → "2021Q1", 上半年 → "2021H1", 前三季度 →
// "2021Q1-Q3".
//
// Symbol is the security whose mention (opts.Mentions) is nearest before
// the claim's number in the same sentence, or else the first one mentioned
// after it in that sentence; the zero Symbol when the sentence mentions
// none.
//
// Claims needs no dictionary or segmenter and starts at once: it is one
// pass over the text that jumps from number to number, with the small word
// tables of its Vocabulary (opts.Vocabulary, else [DefaultVocabulary]). It
// is safe for concurrent use.
func Claims(text string, opts *ClaimOptions) []Claim {
	if opts == nil {
		opts = &ClaimOptions{}
	}
	v := opts.Vocabulary
	if v == nil {
		v = DefaultVocabulary()
	}
	nums := v.numbers(text)
	if len(nums) == 0 {
		return nil
	}
	mentions := sortedMentions(opts.Mentions)
	main := mainSecurity(text, mentions)
	out := make([]Claim, 0, len(nums))
	var x claimCtx
	prevEnd := 0
	for i := range nums {
		n := &nums[i]
		if n.Unit == "deg" && !v.degreeContext(text, n.Start) {
			continue // 361度 (a brand), 53度 (a liquor's strength): part of a name
		}
		c, ok := v.claimOf(&x, text, n, prevEnd, out, opts.Year)
		prevEnd = n.End
		if !ok {
			continue
		}
		c.Symbol = symbolFor(text, mentions, n.Start)
		if !c.Symbol.IsValid() && main.IsValid() && v.aboutCompany(c.Subject) {
			c.Symbol = main // 公司营收增长12% in an article about one company
		}
		out = append(out, c)
	}
	return out
}

// afterSpace returns text[i:] without leading spaces.
func afterSpace(text string, i int) string {
	return strings.TrimLeft(text[i:], " ")
}

type comparatorWord struct {
	word     string
	cmp      Comparator
	explicit bool // 多达, 高达: the plain "=" on purpose
	stop     bool // 至, 到, 是: ends the look-back (comparators.tsv)
}

// comparatorBefore reads comparator and linking words before byte i. It
// returns where they start, the nearest comparison that is not plain, and
// whether 多达/高达 made a plain comparison explicit.
func (v *Vocabulary) comparatorBefore(text string, i int) (int, Comparator, bool) {
	cmp := Equal
	explicit := false
	for steps := 0; steps < 3; steps++ {
		for i > 0 && text[i-1] == ' ' {
			i--
		}
		found := false
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		for _, w := range v.beforeLast[r] {
			if strings.HasSuffix(text[:i], w.word) {
				// 至 and 到 end a verb (增长至) and are a target, not a
				// comparison; leave them to the kind.
				if w.stop {
					return i, cmp, explicit
				}
				// 节约, 签约, 预约: a verb, not 约 (about).
				if w.word == "约" {
					if p, _ := utf8.DecodeLastRuneInString(text[:i-len(w.word)]); strings.ContainsRune(v.runes(setNotAboutRunes), p) {
						return i, cmp, explicit
					}
				}
				if cmp == Equal && w.cmp != Equal {
					cmp = w.cmp
				}
				if w.explicit && cmp == Equal {
					explicit = true
				}
				i -= len(w.word)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	return i, cmp, explicit
}

// gappedComparator finds a comparator word separated from the number at i
// by the whole the number is a share of: 不超过公司总股本的2%, 约占公司股份
// 总数1%. The words between hold no digit or clause mark, are at most 14
// characters, and name a total (总) or the shares (公司股份, 股本); other
// words between (低于第二季的16%) leave the number to itself.
func (v *Vocabulary) gappedComparator(text string, i int) (Comparator, bool) {
	lo := max(clauseStart(text, i), i-45)
	for lo < i && !utf8.RuneStart(text[lo]) {
		lo++
	}
	w := text[lo:i]
	if !strings.Contains(w, "总") && !strings.Contains(w, "股") {
		return Equal, false // no total or shares to be a share of: the common case, cheaply
	}
	// The word ending nearest the number wins; of two ending together
	// (超过, 不超过), the longer, which comes first in comparatorsBefore.
	best, bestEnd := Equal, -1
	for _, c := range v.before {
		if c.cmp == Equal || utf8.RuneCountInString(c.word) < 2 {
			continue
		}
		k := strings.LastIndex(w, c.word)
		if k < 0 || k+len(c.word) <= bestEnd {
			continue
		}
		gap := w[k+len(c.word):]
		g := strings.TrimSuffix(gap, "的")
		if gap == "" || utf8.RuneCountInString(gap) > 14 || strings.ContainsAny(gap, "0123456789，,；;、：:") ||
			!(strings.Contains(gap, "总") || strings.HasSuffix(g, "股份") || strings.HasSuffix(g, "股本")) {
			continue
		}
		best, bestEnd = c.cmp, k+len(c.word)
	}
	return best, bestEnd >= 0
}

// comparatorAfter reads a comparator word right after byte i and returns
// the new end and the comparison.
func (v *Vocabulary) comparatorAfter(text string, i int) (int, Comparator) {
	for _, w := range v.after {
		if strings.HasPrefix(text[i:], w.word) {
			if w.word == "上下" && strings.HasPrefix(text[i+len(w.word):], "游") {
				continue
			}
			if (w.word == "+" || w.word == "＋") && i+len(w.word) < len(text) && isASCIIDigit(text[i+len(w.word)]) {
				continue // 5+3: a sum, not "more than 5"
			}
			if w.word == "多" || w.word == "余" {
				r, _ := utf8.DecodeRuneInString(text[i+3:])
				if r >= 0x4e00 && r <= 0x9fff && r != '的' {
					continue // 多家, 余额: a word follows
				}
			}
			return i + len(w.word), w.cmp
		}
	}
	return i, Equal
}

// clauseStart returns the start of the clause holding byte i: after the
// last clause mark (，。；：！？、 or a newline) before it, looking back at
// most 90 bytes.
func clauseStart(text string, i int) int {
	return markBefore(text, i, 90, true)
}

// sentenceWithin returns the start of the sentence holding byte i, or of
// its last max bytes (on a rune boundary) when it is longer.
func sentenceWithin(text string, i, max int) int {
	s := sentenceStart(text, i)
	if i-s > max {
		s = i - max
		for s < i && !utf8.RuneStart(text[s]) {
			s++
		}
	}
	return s
}

// sentenceStart returns the start of the sentence holding byte i: after
// the last 。！？； or newline before it, looking back at most 300 bytes.
func sentenceStart(text string, i int) int {
	return markBefore(text, i, 300, false)
}

// markBefore scans bytes back from i for a sentence mark (or, with clause,
// a clause mark too) and returns the offset after it, or the rune start at
// most max bytes back. The marks are matched on their UTF-8 bytes: 。 and
// 、 are E3 80 82/81; ！？；，： are EF BC 81/9F/9B/8C/9A.
func markBefore(text string, i, max int, clause bool) int {
	lo := i - max
	if lo < 0 {
		lo = 0
	}
	for j := i - 1; j >= lo; j-- {
		switch b := text[j]; b {
		case '\n', '!', '?':
			return j + 1
		case ',', ';', '\t': // a tab parts the cells of a table row
			if clause {
				return j + 1
			}
		case ' ':
			// In titles a space between two Chinese words parts clauses.
			if clause && j > 0 && j+1 < len(text) && text[j-1] >= 0x80 && text[j+1] >= 0x80 {
				return j + 1
			}
		case 0x82, 0x81:
			if j >= 2 && text[j-2] == 0xE3 && text[j-1] == 0x80 && (b == 0x82 || clause) {
				return j + 1
			}
			fallthrough
		case 0x9F, 0x9B, 0x8C, 0x9A:
			if j >= 2 && text[j-2] == 0xEF && text[j-1] == 0xBC && (b == 0x81 || b == 0x9F || b == 0x9B || clause) {
				return j + 1
			}
		}
	}
	for lo > 0 && lo < len(text) && !utf8.RuneStart(text[lo]) {
		lo++
	}
	return lo
}

type claimKind uint8

const (
	kindNone   claimKind = iota
	kindChange           // 增长, 下降, 同比
	kindFlow             // 净买入, 减持: a level with the direction in the subject
	kindTarget           // 增长至, 跌到: the value reached
	kindLevel            // 占比, 市值: explicitly a level
)

type kindWord struct {
	word string
	kind claimKind
	sign int // -1 for a decline
}

// maxKindGap is how many runes may stand between a kind word and the
// number (or its comparator): 同比（较上年同期）增长 is close, a 暴涨 at
// the start of a long clause is about something else.
const maxKindGap = 8

// changeKind classifies a number from the clause w before it (comparator
// words already cut off). It returns the kind, the byte offset in w of the
// word that decided it, and the sign of a change.
func (v *Vocabulary) changeKind(w string, n *Number, unit string) (claimKind, int, int) {
	// The word ending nearest the number wins; of two ending together
	// (卖出, 净卖出), the longer.
	best, bestAt, bestLen, sign := kindNone, -1, 0, 0
	for e := len(w); e > 0 && best == kindNone; {
		r, size := utf8.DecodeLastRuneInString(w[:e])
		for _, k := range v.kindsByLast[r] {
			if strings.HasSuffix(w[:e], k.word) {
				best, bestAt, bestLen, sign = k.kind, e-len(k.word), len(k.word), k.sign
				break
			}
		}
		e -= size
	}
	// A single verb right before the number: 微涨0.04%, 续跌超16%, 跌至2%.
	t := strings.TrimRight(w, " 了")
	target := false
	if strings.HasSuffix(t, "至") || strings.HasSuffix(t, "到") {
		t = strings.TrimRight(t[:len(t)-3], " 了")
		target = true
	}
	r, size := utf8.DecodeLastRuneInString(t)
	dir := v.verbs[r]
	if p, _ := utf8.DecodeLastRuneInString(t[:len(t)-size]); r == '降' && p == '起' {
		dir = 0 // 起降9142架次: take-offs and landings
	}
	// 美光下2.9%: news-wire shorthand for a fall, only before a percentage
	// and after a name (以下, 之下 and 南下 are not falls).
	if r == '下' && unit == "percent" && !target {
		if p, _ := utf8.DecodeLastRuneInString(t[:len(t)-size]); p >= 0x4e00 && p <= 0x9fff && !strings.ContainsRune(v.runes(setNotFallRunes), p) {
			dir = -1
		}
	}
	if dir != 0 && len(t)-size >= bestAt+bestLen {
		best, bestAt, bestLen, sign = kindChange, len(t)-size, size, dir
		if target {
			return kindTarget, bestAt, 0
		}
	}
	if best == kindNone || utf8.RuneCountInString(w[bestAt+bestLen:]) > maxKindGap {
		return kindNone, len(w), 0
	}
	// 同比下跌的城市有6个: the verb describes a noun that is counted.
	if gap := w[bestAt+bestLen:]; best != kindFlow {
		if k := strings.Index(gap, "的"); k >= 0 && k+len("的") < len(gap) {
			return kindNone, len(w), 0
		}
	}
	if best == kindChange {
		// 增长至, 攀升到: the number is the level reached.
		rest := w[bestAt:]
		if strings.Contains(rest, "至") || strings.Contains(rest, "到") {
			return kindTarget, bestAt, 0
		}
	}
	return best, bestAt, sign
}

// trimSubject trims connectives, punctuation and linking verbs from the
// subject span [s, e) and caps it at 24 runes, keeping the end.
func (v *Vocabulary) trimSubject(text string, s, e int) (int, int) {
	if e < s {
		e = s
	}
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if r == ' ' || r == '/' || r == '.' || r == '．' || r == '“' || r == '”' || r == '"' || r == '（' || r == '(' || r == '）' || r == ')' || r == '《' || r == '》' || r == '「' || r == '」' || r == '—' || r == '-' {
			s += size
			continue
		}
		trimmed := false
		for _, w := range v.set(setSubjectLead) {
			if strings.HasPrefix(text[s:e], w) && (e-s > len(w) || len(w) <= 3) {
				s += len(w)
				trimmed = true
				break
			}
		}
		if !trimmed {
			break
		}
	}
	for s < e {
		cut := false
		last, _ := utf8.DecodeLastRuneInString(text[s:e])
		for _, w := range v.subjectTailsByLast[last] {
			if strings.HasSuffix(text[s:e], w) && e-s > len(w) {
				e -= len(w)
				cut = true
				break
			}
		}
		if cut {
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		switch r {
		case ' ', '为', '达', '是', '的', '了', '有', '共', '：', ':', '“', '”', '"', '（', '(', '，', '约', '近', '超', '逾', '报', '至', '到', '—':
			e -= size
			continue
		}
		break
	}
	n := 0
	for j := e; j > s; {
		_, size := utf8.DecodeLastRuneInString(text[s:j])
		j -= size
		n++
		if n == 24 {
			s = j
			break
		}
	}
	return s, e
}

// isBaseOnly reports whether a subject says nothing of what is measured:
// empty, a connective (和, 从), or only the base of a comparison (同比,
// 比上年同期, 较去年).
func (v *Vocabulary) isBaseOnly(s string) bool {
	for _, w := range v.set(setBase) {
		s = strings.TrimPrefix(s, w)
	}
	s = strings.TrimSpace(s)
	return s == "" || v.lone[s]
}

// subjectAfter returns the noun phrase after a number at i, up to a clause
// mark or ten runes: the 深企 of 10家深企跻身世界500强.
func (v *Vocabulary) subjectAfter(text string, i int) (int, int) {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '！' && r != '!' && r != ' ' && r != '的' && r != '“' && r != '"' {
			break
		}
		i += size
	}
	e := i
	for n := 0; e < len(text) && n < 10; n++ {
		r, size := utf8.DecodeRuneInString(text[e:])
		if !(r >= 0x4e00 && r <= 0x9fff || r < 0x80 && isASCIILetter(byte(r))) || r == '的' || r == '和' || r == '是' ||
			cnDigit(r) >= 0 || cnUnit(r) > 0 || cnScale(r) > 0 {
			break
		}
		e += size
	}
	return i, e
}

// flowSubject puts the direction of a flow first: 药明康德被净卖出 → 净卖出药明康德.
func (v *Vocabulary) flowSubject(fromWord, subject string) string {
	word := ""
	for _, k := range v.kinds {
		if k.kind == kindFlow && strings.HasPrefix(fromWord, k.word) {
			word = k.word
			break
		}
	}
	s := subject
	for _, suf := range v.set(setFlowSuffix) {
		s = strings.TrimSuffix(s, suf)
	}
	if strings.HasPrefix(s, word) {
		return s
	}
	return word + s
}

// inferUnit decides whether a bare amount with a scale word (8642亿,
// 7570万MAU) is money or a count, from the words around it.
func (v *Vocabulary) inferUnit(text string, n *Number) string {
	after := strings.TrimPrefix(text[n.End:], "的")
	// 营收规模突破100亿的企业: with 的, the noun after is what has the
	// amount; a money word in the clause before decides first.
	de := len(after) < len(text)-n.End
	if de {
		w := text[clauseStart(text, n.Start):n.Start]
		for _, k := range v.set(setMoneyNoun) {
			if strings.Contains(w, k) {
				return "CNY"
			}
		}
	}
	for _, w := range v.set(setCountNoun) {
		if strings.HasPrefix(after, w) {
			return "count"
		}
	}
	if len(after) > 0 && isASCIILetter(after[0]) {
		return "count"
	}
	for _, w := range v.set(setMoneyNounAfter) {
		if strings.HasPrefix(after, w) {
			return "CNY"
		}
	}
	ws := clauseStart(text, n.Start)
	if s := sentenceStart(text, n.Start); s < ws && n.Start-s < 60 {
		ws = s
	}
	w := text[ws:n.Start]
	// Single characters (人, 家) are too common in words to count by from
	// a distance; they count only right after the number (above).
	moneyAt, countAt := lastWord(w, v.moneyNounsByLast), lastWord(w, v.longCountNounsByLast)
	switch {
	case moneyAt > countAt:
		return "CNY"
	case countAt > moneyAt:
		return "count"
	}
	if strings.Contains(n.Text, "亿") {
		return "CNY"
	}
	return "count"
}

func byLastRune(words []string) map[rune][]string {
	m := map[rune][]string{}
	for _, w := range words {
		r, _ := utf8.DecodeLastRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}

// lastWord returns the largest offset in w at which one of the indexed
// words starts, or -1: the same as the greatest strings.LastIndex over
// the words, in one backward pass. A word ending before the best start
// found cannot start after it, which ends the pass.
func lastWord(w string, byLast map[rune][]string) int {
	best := -1
	for e := len(w); e > 0 && e > best; {
		r, size := utf8.DecodeLastRuneInString(w[:e])
		for _, k := range byLast[r] {
			if at := e - len(k); at > best && strings.HasSuffix(w[:e], k) {
				best = at
			}
		}
		e -= size
	}
	return best
}

// sortedMentions returns the mentions with a text position, by Start.
func sortedMentions(ms []ticker.Mention) []ticker.Mention {
	out := make([]ticker.Mention, 0, len(ms))
	for _, m := range ms {
		if m.Start >= 0 && m.End > m.Start && m.Symbol.IsValid() {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// symbolFor returns the security a claim whose number starts at i is about: the one
// whose mention is nearest before i in the same sentence, or else the one
// mentioned first in that sentence after i, or the zero Symbol.
func symbolFor(text string, ms []ticker.Mention, i int) ticker.Symbol {
	if len(ms) == 0 {
		return ticker.Symbol{}
	}
	s := sentenceStart(text, i)
	k := sort.Search(len(ms), func(j int) bool { return ms[j].Start >= i })
	if k > 0 && ms[k-1].Start >= s {
		return ms[k-1].Symbol
	}
	e := strings.IndexAny(text[i:], "。！？\n")
	if e < 0 {
		e = len(text)
	} else {
		e += i
	}
	if k < len(ms) && ms[k].Start < e {
		return ms[k].Symbol
	}
	return ticker.Symbol{}
}

// inURL reports whether byte i is inside a URL: a run of non-space ASCII
// holding "://" or starting with "www.".
func inURL(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] > ' ' && text[j-1] < 0x80 {
		j--
	}
	run := text[j:i]
	return strings.Contains(run, "://") || strings.HasPrefix(run, "www.")
}

// isRank reports whether a count is a rank or a place: 排名200名,
// 从132位上升到121位, 两位数.
func (v *Vocabulary) isRank(text string, n *Number) bool {
	if n.class != classCount {
		return false
	}
	if t := text[n.Start:n.End]; !strings.HasSuffix(t, "名") && !strings.HasSuffix(t, "位") {
		return false
	}
	if strings.HasPrefix(text[n.End:], "数") {
		return true
	}
	b := text[:n.Start]
	return v.hasSuffixIn(b, setRankBefore)
}

// fxUnit returns the currency of a bare exchange rate at i, quoted after
// a pair "A兑B" earlier in its sentence: CNY when either side is the yuan
// (the press quotes 人民币兑美元 and 美元兑人民币 alike as yuan per dollar),
// else B's currency (欧元兑美元1.13 is dollars per euro); "" when there is
// no such pair.
func (v *Vocabulary) fxUnit(text string, i int) string {
	w := text[sentenceWithin(text, i, 90):i]
	k := strings.LastIndex(w, "兑")
	if k < 0 {
		return ""
	}
	a, b := "", ""
	for _, c := range v.currencies {
		if a == "" && strings.HasSuffix(w[:k], c.word) {
			a = c.code
		}
		if b == "" && strings.HasPrefix(w[k+len("兑"):], c.word) {
			b = c.code
		}
	}
	if u, n := v.matchUnit(w[k+len("兑"):]); b == "" && n > 0 && u.class == classMoney {
		b = u.unit
	}
	switch {
	case a == "" || b == "":
		return ""
	case a == "CNY" || b == "CNY":
		return "CNY"
	}
	return b
}

// indexLevel reports whether a bare number at i..j is the level of an
// index named earlier in its sentence (美元指数升至94.255, PMI终值为55.6,
// 信心指数终值为100.1，预估为100.8):
// index levels are points. The number must end its phrase, so that a
// number in a name (标普500指数, 沪深300ETF) is not a level.
func (v *Vocabulary) indexLevel(text string, i, j int) bool {
	w := text[sentenceWithin(text, i, 150):i]
	if !strings.Contains(w, "指数") && !strings.Contains(w, "PMI") {
		return false
	}
	// A level is reported: 为, 至, 报, 于, 的 … come before it. A number
	// right after a name's stem (沪深300、上证50) is part of the name.
	if p, _ := utf8.DecodeLastRuneInString(w); !strings.ContainsRune(v.runes(setIndexLevelRunes), p) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return j == len(text) || !(unicode.Is(unicode.Han, r) || isASCIILetter(byte(r)) && r < utf8.RuneSelf || r == '.' || isASCIIDigit(byte(r)) && r < utf8.RuneSelf)
}

// bareTimes reports whether a number with no unit at i is a multiple
// named before it: 全场倍数为3.7, 市盈率为14.6.
func (v *Vocabulary) bareTimes(text string, i int) bool {
	b := strings.TrimRight(text[:i], " ")
	for _, w := range v.set(setTimesLink) {
		b = strings.TrimSuffix(b, w)
	}
	return v.hasSuffixIn(b, setTimesNamed)
}

// degreeContext reports whether the clause before byte i names an angle or
// a temperature, so that 度 after the number is a degree. Elsewhere N度 is
// a name (361度) or a liquor's strength (53度), no measured quantity.
func (v *Vocabulary) degreeContext(text string, i int) bool {
	w := text[sentenceWithin(text, i, 60):i]
	for _, d := range v.set(setDegree) {
		if strings.Contains(w, d) {
			return true
		}
	}
	return false
}

// mainSecurity returns the single security an article is about, judged
// from its mentions (sorted, with text positions): the only security
// mentioned; or else the only one named in the title (the text before the
// first newline) when it also holds more than half of all mentions; or,
// when the title names none, one that holds at least three mentions and
// more than two thirds of them. With no such security it returns the zero
// Symbol.
func mainSecurity(text string, ms []ticker.Mention) ticker.Symbol {
	if len(ms) == 0 {
		return ticker.Symbol{}
	}
	titleEnd := strings.IndexByte(text, '\n')
	if titleEnd < 0 {
		titleEnd = len(text)
	}
	var titled []ticker.Symbol // distinct securities named in the title
	for _, m := range ms {
		if m.Start < titleEnd && !slices.Contains(titled, m.Symbol) {
			titled = append(titled, m.Symbol)
		}
	}
	first, only, same := ms[0].Symbol, true, 0
	for _, m := range ms {
		only = only && m.Symbol == first
		if len(titled) == 1 && m.Symbol == titled[0] {
			same++
		}
	}
	switch {
	case only:
		return first
	case len(titled) == 1 && 2*same > len(ms):
		return titled[0]
	case len(titled) == 0:
		// No title mention: one security holding at least three mentions
		// and more than two thirds of them all.
		if top, n := mostMentioned(ms); n >= 3 && 3*n > 2*len(ms) {
			return top
		}
	}
	return ticker.Symbol{}
}

// aboutCompany reports whether a claim's subject starts by referring to
// the article's company: 公司营收, 该公司净利润, 集团.
func (v *Vocabulary) aboutCompany(subject string) bool {
	for _, w := range v.set(setCompany) {
		if strings.HasPrefix(subject, w) {
			return true
		}
	}
	return false
}

// mostMentioned returns the security with the most mentions and their
// number; of two with as many, the one mentioned first.
func mostMentioned(ms []ticker.Mention) (ticker.Symbol, int) {
	var top ticker.Symbol
	best := 0
	for i, m := range ms {
		if slices.ContainsFunc(ms[:i], func(p ticker.Mention) bool { return p.Symbol == m.Symbol }) {
			continue // counted at its first mention
		}
		n := 0
		for _, o := range ms[i:] {
			if o.Symbol == m.Symbol {
				n++
			}
		}
		if n > best {
			top, best = m.Symbol, n
		}
	}
	return top, best
}

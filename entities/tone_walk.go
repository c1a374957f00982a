package entities

import (
	"slices"
	"strings"

	"github.com/stocknews/stocknews/ticker"
)

// toneState is the work of one Analyze call.
type toneState struct {
	a       *ToneAnalyzer
	doc     *ToneDocument
	secs    map[ticker.Symbol]int
	main    int
	acc     []evidence
	article evidence
	tones   []SecurityTone
	trace   func(sec int, what string, w float64) // tests only; nil otherwise
	claimed []int                                 // indexes of the relevant claims, by start
	holders []bool                                // holders[i]: security i is named as a holder (股东X)
	ends    []int                                 // clause ends of the current sentence
	owners  [][]int                               // clauseOwners' result, reused
	ownBuf  []int                                 // the securities owners holds
	spans   [][2]int                              // each clause's part of ownBuf
	one     [1]int                                // the target of a sentence without mentions
}

// secMapMin is the number of links from which a map finds a symbol's link
// faster than a scan of the links.
const secMapMin = 16

// reset readies st, kept from an earlier call, for doc: every slice is
// emptied for reuse and the evidence cleared.
func (st *toneState) reset(a *ToneAnalyzer, doc *ToneDocument) {
	st.a, st.doc, st.main, st.article = a, doc, -1, evidence{}
	st.acc = slices.Grow(st.acc[:0], len(doc.Links))[:len(doc.Links)]
	clear(st.acc)
	st.holders = slices.Grow(st.holders[:0], len(doc.Links))[:len(doc.Links)]
	clear(st.holders)
	st.claimed, st.ends = st.claimed[:0], st.ends[:0]
	clear(st.secs)
	if len(doc.Links) >= secMapMin {
		if st.secs == nil {
			st.secs = make(map[ticker.Symbol]int, len(doc.Links))
		}
		for i, l := range doc.Links {
			st.secs[l.Symbol] = i
		}
	}
}

// secIndex is the index of the link of symbol y, or -1. As a map built
// from the links in order would, it gives the last link of a symbol.
func (st *toneState) secIndex(y ticker.Symbol) int {
	if len(st.doc.Links) >= secMapMin {
		if i, ok := st.secs[y]; ok {
			return i
		}
		return -1
	}
	for i := len(st.doc.Links) - 1; i >= 0; i-- {
		if st.doc.Links[i].Symbol == y {
			return i
		}
	}
	return -1
}

// walk attributes every clause of every sentence to the securities it is
// about and adds its evidence and events to them. A clause that names
// securities is theirs; a clause that names none belongs with the nearest
// clause before it in the sentence that does (else the nearest after). A
// sentence that names none goes where [toneState.backTarget] says.
func (st *toneState) walk(ss []toneSentence) {
	for i := range st.doc.Claims {
		if relevantClaim(&st.doc.Claims[i]) {
			st.claimed = append(st.claimed, i)
		}
	}
	slices.SortFunc(st.claimed, func(x, y int) int { return st.doc.Claims[x].Start - st.doc.Claims[y].Start })
	st.findHolders(ss)
	focus, lastPara := -1, -1
	for _, s := range ss {
		if s.para != lastPara {
			focus, lastPara = -1, s.para
		}
		head := s.title || s.lead
		if head {
			st.addArticle(s)
		}
		if len(s.mentions) > 0 {
			focus = st.soleSec(s)
			st.score(s, head, 1, nil, true)
			continue
		}
		target, w, events := st.backTarget(s, focus, head)
		if target >= 0 {
			st.one[0] = target
			st.score(s, head, w, st.one[:], events)
		}
	}
}

// backTarget is the security a sentence that names none is about, with
// the weight of its evidence: in the title and the lead, the main security;
// with a back-reference (公司, 该股, 其), the one its paragraph is about, else
// the main security, at half weight; in an article about one security
// only, that security, at half weight and without its events (the
// sentence may speak of the market or of others); else none (-1).
func (st *toneState) backTarget(s toneSentence, focus int, head bool) (int, float64, bool) {
	switch {
	case head && st.main >= 0:
		return st.main, 1, true
	case hasCue(s, cueBackref) && focus >= 0:
		return focus, backrefWeight, true
	case hasCue(s, cueBackref) && st.main >= 0:
		return st.main, backrefWeight, true
	case len(st.doc.Links) == 1 && st.main == 0:
		return 0, backrefWeight, false
	}
	return -1, 0, false
}

func hasCue(s toneSentence, k cueKind) bool {
	for _, t := range s.tokens {
		if t.e.cue == k {
			return true
		}
	}
	return false
}

// soleSec is the one security s is about (the owner of all its
// mentions), or -1 when there are none or several.
func (st *toneState) soleSec(s toneSentence) int {
	sole := -1
	for _, m := range s.mentions {
		i := st.owner(s, m)
		switch {
		case i < 0:
		case sole >= 0 && sole != i:
			return -1
		default:
			sole = i
		}
	}
	return sole
}

// owner is the security a mention makes its clause about: the one named,
// except for a holder (股东海螺水泥拟减持), whose clause is about the main
// security.
// A broker named right before 维持 or 给予 rates another security: its
// mention makes the clause about the main security, or about nothing (-1).
func (st *toneState) owner(s toneSentence, m ticker.Mention) int {
	i := st.secIndex(m.Symbol)
	if st.holders[i] {
		return st.main
	}
	for _, t := range tokensIn(s, m.End, m.End+4) {
		switch {
		case t.e.cue == cueRater && t.start >= m.End && t.start-m.End <= 3:
			if st.main >= 0 && len(s.mentions) == 1 {
				return st.main // the main security speaking of itself keeps its clause
			}
			return -1
		}
	}
	return i
}

// tokensIn returns the tokens of s that start in [lo, hi).
func tokensIn(s toneSentence, lo, hi int) []toneToken {
	i, _ := slices.BinarySearchFunc(s.tokens, lo, func(t toneToken, x int) int { return t.start - x })
	j := i
	for j < len(s.tokens) && s.tokens[j].start < hi {
		j++
	}
	return s.tokens[i:j]
}

// eventWindow bounds, in bytes, how far from a trigger its clause is read
// (50 Chinese characters), so that an endless clause costs linear time.
const eventWindow = 150

// findHolders marks the securities named right after a holder word
// (股东海螺水泥): in this article they act on the main security, and every
// clause that names them is about the main security.
func (st *toneState) findHolders(ss []toneSentence) {
	if st.main < 0 {
		return
	}
	for _, s := range ss {
		for _, m := range s.mentions {
			i := st.secIndex(m.Symbol)
			for _, t := range tokensIn(s, m.Start-24, m.Start) {
				if t.e.cue == cueHolder && t.end <= m.Start && m.Start-t.end <= 6 && i != st.main {
					st.holders[i] = true
				}
			}
		}
	}
}

// clauseOwners gives, for each clause of s, the securities it is about:
// those named in it, else those of the nearest clause before that names
// some, else (a clause before the first mention) those of the next clause
// when it names some.
func (st *toneState) clauseOwners(s toneSentence, ends []int) [][]int {
	buf, spans := st.ownBuf[:0], st.spans[:0]
	mi := 0
	for _, end := range ends {
		lo := len(buf)
		for ; mi < len(s.mentions) && s.mentions[mi].Start < end; mi++ {
			if i := st.owner(s, s.mentions[mi]); i >= 0 && !slices.Contains(buf[lo:], i) {
				buf = append(buf, i)
			}
		}
		spans = append(spans, [2]int{lo, len(buf)})
	}
	st.ownBuf, st.spans = buf, spans
	owners := slices.Grow(st.owners[:0], len(ends))[:len(ends)]
	st.owners = owners
	for c, sp := range spans {
		owners[c] = nil
		if sp[0] < sp[1] {
			owners[c] = buf[sp[0]:sp[1]:sp[1]]
		}
	}
	for c := 1; c < len(owners); c++ {
		if owners[c] == nil {
			owners[c] = owners[c-1]
		}
	}
	// a clause before the first mention belongs with the next clause only
	// (受益于新品热销，甲科技净利大增), not with one further on
	for c := len(owners) - 2; c >= 0; c-- {
		if owners[c] == nil && spans[c+1][0] < spans[c+1][1] {
			owners[c] = owners[c+1]
		}
	}
	return owners
}

// score adds the evidence of sentence s, and its events when events is
// set, to its securities: to fixed when it is given (a sentence without
// mentions), else to the owners of each clause.
func (st *toneState) score(s toneSentence, head bool, weight float64, fixed []int, events bool) {
	text := st.doc.Text
	st.ends = clauseEnds(st.ends[:0], text, s)
	ends := st.ends
	var owners [][]int
	if fixed == nil {
		owners = st.clauseOwners(s, ends)
	}
	if s.title {
		weight *= titleWeight
	}
	contrastAt := contrastPos(s)
	c := 0
	for k, t := range s.tokens {
		for c < len(ends)-1 && t.start >= ends[c] {
			c++
		}
		who := fixed
		if who == nil {
			who = owners[c]
		}
		clauseStart := s.start
		if c > 0 {
			clauseStart = ends[c-1]
		}
		if t.e.weight != 0 {
			w := weight * st.tokenWeight(s, k, clauseStart, contrastAt)
			if len(who) >= listSize {
				w *= listWeight
			}
			for _, i := range who {
				st.acc[i].add(w, head)
				if st.trace != nil {
					st.trace(i, text[t.start:t.end], w)
				}
			}
		}
		if events && len(t.e.rules) > 0 && !negatedEvent(s, k, clauseStart) {
			var named [1]int
			if named[0] = st.prefixedSec(s, t); named[0] >= 0 {
				who = named[:] // ST中捷 in a list speaks of 中捷 only
			}
			for _, i := range who {
				if ev := st.events(i, t, clauseStart, ends[c]); ev != "" && t.e.weight == 0 && eventTone[ev] != 0 {
					st.acc[i].add(weight*eventTone[ev], head)
				}
			}
		}
	}
	st.claims(s, head, weight, ends, owners, fixed)
}

// namePrefixes are the triggers that, written right before a security's
// name, are part of that name (ST中捷, *ST猛狮): their event is that
// security's only, not that of the others its clause names.
var namePrefixes = []string{"ST"}

// prefixedSec is the security whose name token t prefixes, when t is one
// of namePrefixes and a mention starts right where it ends; else -1.
func (st *toneState) prefixedSec(s toneSentence, t toneToken) int {
	if !slices.Contains(namePrefixes, t.e.word) {
		return -1
	}
	for _, m := range s.mentions {
		if m.Start == t.end {
			return st.owner(s, m)
		}
	}
	return -1
}

// contrastPos is the offset of the first contrast word of s that is not at
// its very start, or -1.
func contrastPos(s toneSentence) int {
	for _, t := range s.tokens {
		if t.e.cue == cueContrast {
			return t.start
		}
	}
	return -1
}

// tokenWeight is the weight of sentiment token k of s after negation,
// intensity and contrast.
func (st *toneState) tokenWeight(s toneSentence, k, clauseStart, contrastAt int) float64 {
	t := s.tokens[k]
	w := t.e.weight
	if k > 0 {
		p := s.tokens[k-1]
		gap := t.start - p.end
		if p.e.cue == cueIntensifier && p.start >= clauseStart &&
			(gap == 0 || (gap <= 6 && len(p.e.word) > 3)) {
			w *= intensify
		}
	}
	if len(t.e.rules) > 0 && negatedEvent(s, k, clauseStart) && !negated(s, k, clauseStart) {
		return 0 // an event denied further back in the clause is no news
	}
	if negated(s, k, clauseStart) {
		w = -w
		if w > 0 {
			w *= negatedBad
		}
	}
	if contrastAt >= 0 {
		if t.start < contrastAt {
			w *= beforeContrast
		} else {
			w *= afterContrast
		}
	}
	return w
}

// negated reports whether a negator stands at most four characters before
// token k, in its clause.
//
// A stopper (结束, 终止) negates every sentiment word after it in its
// clause, however far: 结束此前连续四日获净买入的态势.
func negated(s toneSentence, k, clauseStart int) bool {
	t := s.tokens[k]
	for j := k - 1; j >= 0; j-- {
		p := s.tokens[j]
		if p.start < clauseStart || t.start-p.start > eventWindow {
			return false
		}
		switch {
		case p.e.cue == cueStopper:
			return true
		case p.e.cue == cueNegator && t.start-p.end <= 12:
			return true
		}
	}
	return false
}

// negatedEvent reports whether a negator stands anywhere before token k in
// its clause: 不存在重大资产重组、股份回购 reports no event.
func negatedEvent(s toneSentence, k, clauseStart int) bool {
	clauseStart = max(clauseStart, s.tokens[k].start-eventWindow)
	for j := k - 1; j >= 0 && s.tokens[j].start >= clauseStart; j-- {
		if s.tokens[j].e.cue == cueNegator {
			return true
		}
	}
	return false
}

// claims adds the numeric evidence of s: a change in profit, revenue, sales
// or price, to the security the claim is bound to, else to the owners of
// its clause.
func (st *toneState) claims(s toneSentence, head bool, weight float64, ends []int, owners [][]int, fixed []int) {
	for _, i := range st.sentenceClaims(s) {
		cl := &st.doc.Claims[i]
		w := weight * claimWeight
		if cl.Value.IsNegative() {
			w = -w
		}
		if j := st.secIndex(cl.Symbol); j >= 0 && cl.Symbol.IsValid() {
			st.acc[j].add(w, head)
			continue
		}
		who := fixed
		if who == nil {
			c, _ := slices.BinarySearch(ends, cl.Start)
			who = owners[min(c, len(owners)-1)]
		}
		for _, j := range who {
			st.acc[j].add(w, head)
			if st.trace != nil {
				st.trace(j, cl.Text, w)
			}
		}
	}
}

// sentenceClaims returns the relevant claims that start in s.
func (st *toneState) sentenceClaims(s toneSentence) []int {
	cs := st.doc.Claims
	lo, _ := slices.BinarySearchFunc(st.claimed, s.start, func(i, start int) int { return cs[i].Start - start })
	hi := lo
	for hi < len(st.claimed) && cs[st.claimed[hi]].Start < s.end {
		hi++
	}
	return st.claimed[lo:hi]
}

// addArticle adds every sentiment word and claim of a title or lead
// sentence to the article's own evidence.
func (st *toneState) addArticle(s toneSentence) {
	w := 1.0
	if s.title {
		w = titleWeight
	}
	contrastAt := contrastPos(s)
	st.ends = clauseEnds(st.ends[:0], st.doc.Text, s)
	ends := st.ends
	c := 0
	for k, t := range s.tokens {
		for c < len(ends)-1 && t.start >= ends[c] {
			c++
		}
		if t.e.weight != 0 {
			start := s.start
			if c > 0 {
				start = ends[c-1]
			}
			st.article.add(w*st.tokenWeight(s, k, start, contrastAt), true)
		}
	}
	for _, i := range st.sentenceClaims(s) {
		v := w * claimWeight
		if st.doc.Claims[i].Value.IsNegative() {
			v = -v
		}
		st.article.add(v, true)
	}
}

// events adds to security i the events that trigger token t makes in the
// clause [start, end), once per event name.
// It returns the name of the first event the token makes, or "".
func (st *toneState) events(i int, t toneToken, start, end int) string {
	found := ""
	text := st.doc.Text
	start, end = max(start, t.start-eventWindow), min(end, t.end+eventWindow)
	clause := text[start:end]
	before := text[start:t.start]
	after := text[t.end:min(end, t.end+24)]
	for _, ri := range t.e.rules {
		r := &st.a.v.rules[ri]
		if len(r.Needs) > 0 && !containsAny(clause, r.Needs) {
			continue
		}
		if containsAny(before, r.NotBefore) || containsAny(after, r.NotAfter) {
			continue
		}
		if found == "" {
			found = r.Event
		}
		evs := &st.tones[i].Events
		if *evs == nil {
			*evs = make([]Event, 0, 4)
		}
		if slices.ContainsFunc(*evs, func(e Event) bool { return e.Name == r.Event }) {
			continue
		}
		*evs = append(*evs, Event{Name: r.Event, Start: t.start, End: t.end})
	}
	return found
}

// eventTone is the tone an event carries by itself, from the examples of
// the specification (a buyback, holders buying, a contract won and a
// product approved are good news; selling holders, a penalty and a
// delisting are bad), for a trigger that is not a lexicon word itself
// (投资了, 入股). Events whose tone depends on the figures (earnings,
// price_move) carry none.
var eventTone = map[string]float64{
	"buyback": 1, "stake_up": 1, "contract": 1, "product": 0.5, "dividend": 1,
	"stake_down": -1, "enforcement": -1, "delisting": -1.5,
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

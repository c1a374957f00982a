package entities

import (
	"strings"
	"unicode/utf8"
)

// A claim is built from a number in steps, each a small function over a
// claimCtx: rules that reject the number, the unit of a bare number, the
// comparator, the clause and its kind, then subject and span. Each rule
// table below names its rules; claims_test.go holds the test cases of each
// rule under its name.

// claimCtx is the state of one number being turned into a claim.
type claimCtx struct {
	text    string
	n       *Number
	prevEnd int     // end of the previous number
	earlier []Claim // claims found so far
	unit    string
	before  rune // the rune right before the number
	start   int  // start of the claim's number, with a currency word written before it
	p       int  // start of the comparator and linking words before the number
	end     int  // end of the number and a comparator word after it
	ws      int  // start of the clause before the number
	w       string
	kind    claimKind
	kwAt    int // offset in w of the word that decided the kind
	sign    int
	c       Claim
}

// restateGap is the most bytes between a claim and the same quantity
// restated after it in brackets: 营收100亿元（100亿元）.
const restateGap = 3

// lossAfterBytes is how far after a number a loss word (蒸发) may stand:
// 200亿市值蒸发.
const lossAfterBytes = 9

// notClaimRules reject numbers that are no claims.
var notClaimRules = []struct {
	name string
	test func(v *Vocabulary, text string, n *Number, before rune) bool
}{
	{"article", func(v *Vocabulary, text string, n *Number, before rune) bool {
		// 一家, 一个: an article, not a count; 一倍 and 一美元 are quantities.
		return n.lone && (n.class == classCount || n.class == classPhysical || n.class == 0) || n.class == classTime
	}},
	{"name with 大", func(v *Vocabulary, text string, n *Number, before rune) bool {
		// 四大行, 十大股东: names, not counts (4大板块 is a count; 四大洲 too).
		return n.chinese && text[n.unitAt:n.End] == "大" && !strings.HasPrefix(text[n.End:], "洲") && !strings.HasPrefix(text[n.End:], "洋")
	}},
	{"denominator or ordinal", func(v *Vocabulary, text string, n *Number, before rune) bool {
		// 每1个小时: a rate's denominator; 第三: an ordinal; 这3家: a reference.
		return strings.ContainsRune("每第=#_这那哪该", before)
	}},
	{"rank prefix", func(v *Vocabulary, text string, n *Number, before rune) bool {
		return strings.ContainsRune("前后头", before) && n.class == classCount // 前十名
	}},
	{"in a URL", func(v *Vocabulary, text string, n *Number, before rune) bool { return inURL(text, n.Start) }},
	{"rank", func(v *Vocabulary, text string, n *Number, before rune) bool { return v.isRank(text, n) }},
	{"after a Latin letter", func(v *Vocabulary, text string, n *Number, before rune) bool {
		// 5G, A股2: a name or code, unless a currency is written (US$5).
		b := before
		if b >= 0x80 || b <= 0 || !isASCIILetter(byte(b)) {
			return false
		}
		code, _ := v.currencyBefore(text, n.Start)
		return code == ""
	}},
}

// restated reports whether the number restates in brackets the claim just
// before it: 营收100亿元（100亿元）.
func restated(x *claimCtx) bool {
	if (x.before != '（' && x.before != '(') || len(x.earlier) == 0 {
		return false
	}
	last := x.earlier[len(x.earlier)-1]
	return last.Unit == x.unit && last.Value.Equal(x.n.Value) && last.End <= x.n.Start && x.n.Start-last.End <= restateGap
}

// bareUnitRules give the unit of a number written without one; the first
// that applies wins.
var bareUnitRules = []struct {
	name string
	unit func(v *Vocabulary, text string, n *Number) string
}{
	{"scaled amount", func(v *Vocabulary, text string, n *Number) string {
		if n.scaled {
			return v.inferUnit(text, n) // 成交额8642亿
		}
		return ""
	}},
	{"named multiple", func(v *Vocabulary, text string, n *Number) string {
		if v.bareTimes(text, n.Start) {
			return "times" // 全场倍数为3.7
		}
		return ""
	}},
	{"exchange rate", func(v *Vocabulary, text string, n *Number) string {
		return v.fxUnit(text, n.Start) // 人民币兑美元升至6.3512
	}},
	{"index level", func(v *Vocabulary, text string, n *Number) string {
		if v.indexLevel(text, n.Start, n.End) {
			return "pt" // 制造业PMI初值为55.6
		}
		return ""
	}},
}

// claimOf turns a number into a claim, or reports false when the number
// is not a claim. prevEnd is the end of the previous number; earlier holds
// the claims found so far.
// x is scratch space the caller provides, so that a text's numbers share
// one context.
func (v *Vocabulary) claimOf(x *claimCtx, text string, n *Number, prevEnd int, earlier []Claim, year int) (Claim, bool) {
	*x = claimCtx{text: text, n: n, prevEnd: prevEnd, earlier: earlier, unit: n.Unit, start: n.Start}
	x.before, _ = utf8.DecodeLastRuneInString(text[:n.Start])
	for _, r := range notClaimRules {
		if r.test(v, text, n, x.before) {
			return Claim{}, false
		}
	}
	if x.unit == "" {
		for _, r := range bareUnitRules {
			if x.unit = r.unit(v, text, n); x.unit != "" {
				break
			}
		}
		if x.unit == "" {
			return Claim{}, false
		}
	}
	if restated(x) {
		return Claim{}, false
	}
	x.c = Claim{Value: n.Value, Upper: n.Upper, Unit: x.unit}
	// 约人民币75.37亿元: look for the comparator before the currency word.
	if code, at := v.currencyBefore(text, x.start); code != "" && at < x.start {
		x.start = at
	}
	v.comparatorOf(x)
	v.clauseOf(x)
	v.kindOf(x)
	v.applyKind(x)
	v.subjectOf(x)
	x.c.End = x.end
	x.c.Text = text[x.c.Start:x.c.End]
	x.c.Period = v.periodOf(text, x.start, year)
	return x.c, true
}

// comparatorOf reads the comparator words before and after the number.
func (v *Vocabulary) comparatorOf(x *claimCtx) {
	p, cmp, explicit := v.comparatorBefore(x.text, x.start)
	if cmp == Equal && !explicit {
		if c, ok := v.gappedComparator(x.text, p); ok {
			cmp = c // 不超过公司总股本的2%
		}
	}
	end, after := v.comparatorAfter(x.text, x.n.End)
	x.p, x.end = p, end
	switch {
	case x.n.Upper.Valid:
		x.c.Comparator = GreaterEqual
	case cmp != Equal:
		x.c.Comparator = cmp
	case explicit:
		x.c.Comparator = Equal
	case after != Equal:
		x.c.Comparator = after
	default:
		x.c.Comparator = x.n.Approx
	}
}

// clauseOf finds the clause that holds the number: from its start or the
// previous number, whichever is later.
func (v *Vocabulary) clauseOf(x *claimCtx) {
	ws := clauseStart(x.text, x.p)
	if x.prevEnd > ws && x.prevEnd <= x.p {
		ws = x.prevEnd
	}
	// 每1个小时有115万名员工: the rate's denominator is not the subject.
	if k := strings.LastIndex(x.text[ws:x.p], "每"); k >= 0 {
		if h := strings.Index(x.text[ws+k:x.p], "有"); h >= 0 {
			ws += k + h + len("有")
		}
	}
	x.ws, x.w = ws, x.text[ws:x.p]
}

// kindRules refine the kind that the clause's change words give; they run
// in order, each seeing the result of the ones before. They are called
// through kindRule, so that the context stays on the stack.
var kindRules = []struct {
	name string
	id   kindRuleID
}{
	{"level reached after 达", ruleReachedAfterDa},
	{"loss named after", ruleLossAfter},
	{"change named after", ruleChangeAfter},
	{"multiple of a stock", ruleStockMultiple},
	{"list continued", ruleListContinued},
}

type kindRuleID uint8

const (
	ruleReachedAfterDa kindRuleID = iota
	ruleLossAfter
	ruleChangeAfter
	ruleStockMultiple
	ruleListContinued
)

// kindRule applies one of kindRules.
func (v *Vocabulary) kindRule(id kindRuleID, x *claimCtx) {
	switch id {
	case ruleReachedAfterDa:
		reachedAfterDa(x)
	case ruleLossAfter:
		v.lossAfter(x)
	case ruleChangeAfter:
		// 可保持44%的增长速度, 2.8%的年增率.
		if x.kind == kindNone && x.unit == "percent" {
			if _, ok := v.hasPrefixIn(x.text[x.end:], setChangeAfter); ok {
				x.kind = kindChange
			}
		}
	case ruleStockMultiple:
		// 10倍大牛股: the stock's rise.
		if x.unit == "times" && x.kind == kindNone {
			if _, ok := v.hasPrefixIn(x.text[x.end:], setTimesStockAfter); ok {
				x.kind = kindChange
			}
		}
	case ruleListContinued:
		continuedList(x)
	}
}

// reachedAfterDa: 将增达逾万片 is the level reached; a rate stays a change
// (增长达50%, 上涨达3倍, 涨幅达40倍).
func reachedAfterDa(x *claimCtx) {
	gap := x.text[x.p:x.start]
	if x.kind == kindChange && x.unit != "percent" && x.unit != "times" && (strings.HasPrefix(gap, "达") || strings.HasPrefix(gap, "可达")) {
		x.kind, x.sign = kindTarget, 0
	}
}

// lossAfter: 200亿市值蒸发, a loss named after the number.
func (v *Vocabulary) lossAfter(x *claimCtx) {
	if x.kind != kindNone {
		return
	}
	rest := afterSpace(x.text, x.end)
	for _, w := range v.set(setLossAfter) {
		r := rest[:min(len(rest), lossAfterBytes+len(w))] // never search the whole text
		if k := strings.Index(r, w); k >= 0 && k <= lossAfterBytes && !strings.ContainsAny(r[:k], "，。；、,;") {
			x.kind, x.sign = kindChange, -1
			return
		}
	}
}

// kindOf classifies the number as a change, flow, target or level.
func (v *Vocabulary) kindOf(x *claimCtx) {
	x.kind, x.kwAt, x.sign = v.changeKind(x.w, x.n, x.unit)
	for _, r := range kindRules {
		v.kindRule(r.id, x)
	}
}

// listGaps join the items of a list: 同比分别增长1.3、1.4倍; 突破60万元/吨、
// 400万元/吨. 或 restates the same change in another unit (下跌120点，或0.5%).
var listGaps = map[string]bool{"、": true, "和": true, "及": true, "，": true, "/": true, "或": true, "，或": true}

// continuedList gives an item of a list the kind, sign and comparator of
// the item before it.
func continuedList(x *claimCtx) {
	if x.kind != kindNone || strings.Trim(x.w, " /和及与或") != "" || len(x.earlier) == 0 || x.p != x.start {
		return
	}
	last := x.earlier[len(x.earlier)-1]
	// Items of a list measure alike: 大涨7%，11万股东 is no list.
	gap := x.text[min(last.End, x.start):x.start]
	restated := gap == "，或" || gap == "或" || gap == ", 或"
	if last.End >= x.start || !(last.Unit == x.unit || restated) || !listGaps[gap] {
		return
	}
	if last.Kind == Change {
		x.kind = kindChange
		// The sign of the list: the nearest item that is not zero
		// (下降了0.5、0.0、0.5个百分点 are all falls).
		for k := len(x.earlier) - 1; k >= 0 && x.earlier[k].Kind == Change; k-- {
			if v := x.earlier[k].Value; !v.IsZero() {
				if v.IsNegative() {
					x.sign = -1
				}
				break
			}
		}
	}
	if x.c.Comparator == Equal && !x.n.Upper.Valid && gap != "，" && gap != "，或" {
		x.c.Comparator = last.Comparator
	}
}

// applyKind sets the claim's kind and sign.
func (v *Vocabulary) applyKind(x *claimCtx) {
	c := &x.c
	switch x.kind {
	case kindChange:
		c.Kind = Change
		if x.sign < 0 && c.Value.IsPositive() {
			c.Value = c.Value.Neg()
			if c.Upper.Valid {
				lo := c.Upper.Decimal.Neg()
				c.Upper.Decimal = c.Value
				c.Value = lo
			}
		}
	case kindTarget:
		if x.unit == "percent" {
			c.Kind = Change // 跌至2% stays a change
		}
	}
}

// subjectOf sets the claim's subject and start.
func (v *Vocabulary) subjectOf(x *claimCtx) {
	text, c := x.text, &x.c
	subjEnd := x.p
	if x.kind == kindChange || x.kind == kindFlow || x.kind == kindTarget {
		subjEnd = x.ws + x.kwAt
	}
	subjStart, subjEnd := v.trimSubject(text, x.ws, subjEnd)
	c.Subject = text[subjStart:subjEnd]
	if x.kind == kindFlow {
		c.Subject = v.flowSubject(x.w[x.kwAt:], c.Subject)
	}
	c.Start = min(x.start, x.p)
	if x.kind != kindNone && x.ws+x.kwAt < c.Start {
		c.Start = x.ws + x.kwAt
	}
	if c.Subject != "" && subjStart < c.Start {
		c.Start = subjStart
	}
	if !v.isBaseOnly(c.Subject) {
		return
	}
	// 营收52.34亿元，较上年同期增长20.55%: the change is about the
	// quantity before it; 净额分别为92.85亿元、35.18亿元: so is a list.
	c.Subject = ""
	if len(x.earlier) > 0 {
		last := x.earlier[len(x.earlier)-1]
		if sentenceStart(text, x.start) <= last.Start {
			c.Subject = last.Subject
		}
	}
	if c.Subject == "" {
		// 10家深企跻身世界500强, 100亿！安琪酵母: the subject follows.
		if s, e := v.subjectAfter(text, x.end); e > s {
			c.Subject = text[s:e]
			x.end = e
		}
	}
}

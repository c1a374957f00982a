package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// maxDigits is the most digits a number may have; see [ErrRange].
const maxDigits = 40

// limit is the exclusive bound on a number's magnitude: 10^24, 一亿亿亿.
var limit = decimal.New(1, 24)

// Number is a numeric expression found in text by [Numbers].
//
// Value is exact and in base units: scale words are multiplied out
// (4.5亿 is 450000000), Chinese numerals converted, percentages given in
// percent (百分之九十七 and 97% are 97, 九成 is 90, 三分之一 is 33.33,
// 2.1个基点 is 0.021, 5‰ is 0.5). A range (3%-5%, 两到三万) has its lower
// bound in Value and its upper bound in Upper.
//
// Start and End are byte offsets of Text in the string passed to
// [Numbers], half-open and on UTF-8 boundaries.
type Number struct {
	Text  string              // as written, with its markers and unit: "1800多家", "3%-5%"
	Value decimal.Decimal     // exact, in base units; the lower bound of a range
	Upper decimal.NullDecimal // upper bound of a range, else not Valid
	// Unit is "count" for a classifier (家, 个, 名), "percent", an ISO 4217
	// code for money, "times" for 倍, "pt" for index points, a physical
	// unit symbol ("t", "m2", "GWh"), or "" when no unit is written.
	Unit string
	// Approx is Greater when the expression itself says "more than"
	// (1800多, 560余万, 十几万: Value is then the lower bound), else Equal.
	Approx     Comparator
	Start, End int

	scaled  bool // a scale word (万, 亿) was written
	lone    bool // a single Chinese numeral 一 or 壹 with no scale: "一家" is "a company"
	chinese bool // written in Chinese numerals
	unitAt  int  // byte offset where the unit word starts (End when none)
	class   unitClass
}

// Numbers returns the numeric expressions in text, in text order: Arabic
// numbers with separators and full-width digits, Chinese numerals
// (capitals included), mixed forms (4.5亿, 四点五亿, 1800多, 十几万),
// percentages, fractions, ranges and amounts with their units.
//
// Numbers that are not quantities are skipped: dates and times (2021年,
// 1月6日, 20:44), durations and ages (3个月, 五周年), ordinals (第三),
// codes and other numbers run together with Latin letters (600519.SH, 5G,
// K图 00700_0), and numbers in URLs. A number with no unit word (a bare
// 3.7) is reported with an empty Unit.
//
// Numbers makes a single pass over text and never fails: a malformed or
// absurdly large number is skipped.
func Numbers(text string) []Number {
	return DefaultVocabulary().numbers(text)
}

// numbers is [Numbers] with the unit words of v.
func (v *Vocabulary) numbers(text string) []Number {
	var out []Number
	prevEnd := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 {
			if isASCIIDigit(c) || (c == '-' && i+1 < len(text) && (isASCIIDigit(text[i+1]) || text[i+1] == '.' && i+2 < len(text) && isASCIIDigit(text[i+2])) && signAllowed(text, i, prevEnd)) ||
				c == '.' && i+1 < len(text) && isASCIIDigit(text[i+1]) && signAllowed(text, i, prevEnd) {
				n, next, ok := v.scanNumber(text, i)
				if ok {
					out = append(out, n)
					prevEnd = n.End
				}
				i = next
				continue
			}
			i++
			continue
		}
		var r rune
		var size int
		if c&0xF0 == 0xE0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			// A three-byte rune (every Han character) decoded in line:
			// this loop visits every rune of the text.
			r, size = rune(c&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3
			if r < 0x800 || r >= 0xD800 && r <= 0xDFFF {
				r, size = utf8.DecodeRuneInString(text[i:]) // overlong or a surrogate: invalid
			}
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if mayStart(r) && v.startsNumber(text, i, r, size) && (r != '负' && r != '負' && r != '－' || signAllowed(text, i, prevEnd)) {
			n, next, ok := v.scanNumber(text, i)
			if ok {
				out = append(out, n)
				prevEnd = n.End
			}
			if next > i {
				i = next
				continue
			}
		}
		i += size
	}
	out = v.dimensions(text, out)
	distribute(text, out)
	return out
}

// dimensions reads "20 x 17 毫米" as two lengths: an x (or X) written
// between two numbers is a dimension mark, not 倍. The first number takes
// the second's physical unit and keeps the mark in its Text, so that the
// second continues the first's list; when the second has none (1920x1080,
// an image size), the first is dropped. ns is filtered in place.
func (v *Vocabulary) dimensions(text string, ns []Number) []Number {
	out := ns[:0]
	for i := range ns {
		a := ns[i]
		if a.class == classTimes && !a.Upper.Valid && a.unitAt >= a.Start && a.unitAt < a.End {
			if m := strings.TrimSpace(text[a.unitAt:a.End]); m == "x" || m == "X" {
				next := a.End
				for next < len(text) && text[next] == ' ' {
					next++
				}
				if _, d := digitAt(text, next); d > 0 {
					if i+1 < len(ns) && ns[i+1].Start == next && ns[i+1].class == classPhysical {
						b := &ns[i+1]
						a.Unit, a.class = b.Unit, b.class
						a.Value = convert(a.Value, b.class, true)
					} else {
						continue
					}
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// signAllowed reports whether a minus sign at i can start a number: not
// right after a number (3%-5% is a range) or a letter.
func signAllowed(text string, i, prevEnd int) bool {
	if i == 0 {
		return true
	}
	if prevEnd == i {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !(r < 0x80 && (isASCIIDigit(byte(r)) || isASCIILetter(byte(r)) || r == '%' || r == ')' || r == '.' || r == '-') || r == '－')
}

// startRunes marks the runes below U+10000 that may start a number (Chinese
// digits, 十百千, 万亿 after a comparator, signs, full-width digits), so
// that the scan skips all other text with one table lookup.
var startRunes = func() *[0x10000 / 64]uint64 {
	var t [0x10000 / 64]uint64
	for r := rune(0x80); r < 0x10000; r++ {
		if cnDigit(r) >= 0 || cnUnit(r) > 0 || cnScale(r) > 0 || r == '负' || r == '負' || r == '－' || r >= '０' && r <= '９' {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return &t
}()

// mayStart reports whether r may start a number; see startRunes.
func mayStart(r rune) bool {
	return r < 0x10000 && startRunes[r/64]&(1<<(r%64)) != 0
}

// startsNumber reports whether rune r at i (size bytes) can start a number.
func (v *Vocabulary) startsNumber(text string, i int, r rune, size int) bool {
	switch {
	case r >= '０' && r <= '９':
		return true
	case r == '负' || r == '負' || r == '－':
		_, n := digitAt(text, i+size)
		if n > 0 {
			return true
		}
		r2, _ := utf8.DecodeRuneInString(text[i+size:])
		return cnDigit(r2) >= 0
	case r == '百' || r == '千' || r == '万':
		if strings.HasPrefix(text[i+size:], "分之") {
			return true
		}
	}
	if cnDigit(r) >= 0 {
		return !v.notNumeral(text, i, r, size)
	}
	if r == '十' || r == '拾' {
		p, _ := utf8.DecodeLastRuneInString(text[:i])
		return !strings.ContainsRune("几数上成", p) // 数十亿: no exact value
	}
	if cnUnit(r) == 100 || cnUnit(r) == 1000 || cnScale(r) > 0 {
		r2, _ := utf8.DecodeRuneInString(text[i+size:])
		if v.leadingScale(text, i) {
			return true // 逾万片, 近千家
		}
		if cnScale(r) > 0 {
			return false
		}
		if r2 == r {
			return false // 千千万万
		}
		if p, _ := utf8.DecodeLastRuneInString(text[:i]); strings.ContainsRune("几数上成千万百以", p) {
			return false // 几千万, 数百亿, 千千万万, 数以百万: no exact value
		}
		if d := cnDigit(r2); d > 0 {
			// 百三 is 130, 千三 is 1300: one digit and no more numerals.
			r3, _ := utf8.DecodeRuneInString(text[i+size+len(string(r2)):])
			return cnDigit(r3) < 0 && cnUnit(r3) == 0 && cnScale(r3) == 0
		}
		return cnScale(r2) > 0
	}
	return false
}

// notNumeral reports whether the Chinese digit r at i (size bytes) is part
// of a word rather than a number: the 一 of 唯一 (so 唯一一家 is not 11),
// a doubled 一 (一一对应), and the day of a week (周五, 星期三, 礼拜六).
func (v *Vocabulary) notNumeral(text string, i int, r rune, size int) bool {
	p, _ := utf8.DecodeLastRuneInString(text[:i])
	if r == '一' || r == '壹' {
		if p == '一' || strings.ContainsRune(v.runes(setOneWordRunes), p) {
			return true
		}
		if next, _ := utf8.DecodeRuneInString(text[i+size:]); next == '一' {
			return true
		}
	}
	if strings.ContainsRune("一二三四五六", r) {
		if p == '周' || strings.HasSuffix(text[:i], "星期") || strings.HasSuffix(text[:i], "礼拜") {
			// 周五 is a day; 周 after a number (三周) is a duration, and
			// 周年 is handled as an age.
			return true
		}
	}
	return false
}

// digitAt returns the Arabic digit (ASCII or full-width) at byte i, and
// its size, or -1, 0.
func digitAt(s string, i int) (int, int) {
	if i >= len(s) {
		return -1, 0
	}
	c := s[i]
	if isASCIIDigit(c) {
		return int(c - '0'), 1
	}
	if c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
		return int(s[i+2] - 0x90), 3
	}
	return -1, 0
}

// cnDigit returns the value of a Chinese digit, or -1.
func cnDigit(r rune) int {
	switch r {
	case '零', '〇', '○':
		return 0
	case '一', '壹':
		return 1
	case '二', '两', '贰', '貳', '兩', '俩', '倆':
		return 2
	case '三', '叁', '參':
		return 3
	case '四', '肆':
		return 4
	case '五', '伍':
		return 5
	case '六', '陆', '陸':
		return 6
	case '七', '柒':
		return 7
	case '八', '捌':
		return 8
	case '九', '玖':
		return 9
	}
	return -1
}

// cnCapital reports whether r is a financial capital digit (壹, 贰, …).
func cnCapital(r rune) bool {
	return strings.ContainsRune("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", r)
}

// cnUnit returns 10, 100 or 1000 for 十, 百, 千 and their capitals, else 0.
func cnUnit(r rune) int {
	switch r {
	case '十', '拾':
		return 10
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	}
	return 0
}

// cnScale returns 4 or 8 (the power of ten) for 万 and 亿, else 0.
func cnScale(r rune) int {
	switch r {
	case '万', '萬':
		return 4
	case '亿', '億':
		return 8
	}
	return 0
}

// zhao reports whether 兆 at j, inside a Chinese numeral, is 10^12 (五兆六十二亿)
// rather than the prefix of a unit (兆瓦, 兆赫) or mega (5兆).
func zhao(text string, j int) bool {
	if !strings.HasPrefix(text[j:], "兆") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[j+3:])
	return cnDigit(r) >= 0 || cnUnit(r) > 0
}

// quantity is a number being read.
type quantity struct {
	val     decimal.Decimal
	scale   int32 // the power of ten of the trailing scale written (万 → 4), for 两到三万
	end     int
	scaled  bool
	chinese bool
	lone    bool
	approx  bool
	skip    bool // a date, time, duration or code: consume, report nothing
	err     error
	errAt   int
	// hi is the upper bound of a range written with two neighbouring
	// digits (两三万, 三四家, 七八十), when hasHi.
	hi    decimal.Decimal
	hasHi bool
}

// scanNumber reads the number starting at byte i. It returns the number,
// the offset to continue scanning from (always > i), and whether a
// quantity was found.
func (v *Vocabulary) scanNumber(text string, i int) (Number, int, bool) {
	q, unit, class, unitAt := v.readQuantity(text, i, false)
	if q.end <= i {
		_, size := utf8.DecodeRuneInString(text[i:])
		return Number{}, i + size, false
	}
	if q.skip || q.err != nil {
		return Number{}, q.end, false
	}
	// 一切, 四川, 十足: a single numeral inside a word is no number; before a
	// function word (这是五那是四) it is one.
	if q.chinese && unit == "" && !q.scaled && utf8.RuneCountInString(text[i:q.end]) == 1 {
		if r, _ := utf8.DecodeRuneInString(text[q.end:]); r >= 0x4e00 && r <= 0x9fff && !strings.ContainsRune(v.runes(setNumeralWordRunes), r) {
			return Number{}, q.end, false
		}
	}
	// GS-00202, HFC-134a, COVID-19: a number after a Latin prefix and a
	// hyphen is part of a name.
	if i >= 2 && text[i-1] == '-' && (isASCIILetter(text[i-2]) || isASCIIDigit(text[i-2])) {
		return Number{}, q.end, false
	}
	// Windows 10笔记本, iPhone 13台: a whole number after a Latin word and
	// a space, before a classifier, is a model or version name.
	if class == classCount && !q.chinese && !q.scaled && i >= 2 && text[i-1] == ' ' && isASCIILetter(text[i-2]) &&
		!strings.ContainsRune(text[i:q.end], '.') {
		return Number{}, q.end, false
	}
	n := Number{Value: q.val, Unit: unit, Start: i, End: q.end, scaled: q.scaled,
		lone: q.lone, chinese: q.chinese, unitAt: unitAt, class: class}
	if q.approx {
		n.Approx = Greater
	}
	if q.hasHi {
		n.Upper = decimal.NullDecimal{Decimal: q.hi, Valid: true}
	}
	// A range: 3%-5%, 3%至5%, 两到三万.
	if end, ok := v.readRange(text, &n, q); ok {
		n.End = end
	} else if end < 0 {
		return Number{}, -end, false
	}
	if n.Unit == "" {
		if code, at := v.currencyBefore(text, n.Start); code != "" {
			n.Unit, n.class, n.Start = code, classMoney, at
		}
	}
	n.Text = text[n.Start:n.End]
	return n, n.End, true
}

// readRange extends n into a range when a range mark and a second number
// follow. It returns the new end and true; or 0, false when there is no
// range; or -end, false when the pair is a date or time range to skip.
func (v *Vocabulary) readRange(text string, n *Number, q quantity) (int, bool) {
	j := n.End
	sep := 0
	for _, s := range v.set(setRangeMark) {
		if strings.HasPrefix(text[j:], s) {
			sep = len(s)
			break
		}
	}
	if sep == 0 {
		return 0, false
	}
	k := j + sep
	if k >= len(text) {
		return 0, false
	}
	if (text[j:k] == "至" || text[j:k] == "到") && v.changedBy(text, n.Start) {
		return 0, false // 狂跌近400元至3550元: a change and the level reached
	}
	r, size := utf8.DecodeRuneInString(text[k:])
	if _, d := digitAt(text, k); d == 0 && !v.startsNumber(text, k, r, size) {
		return 0, false
	}
	q2, unit2, class2, unitAt2 := v.readQuantity(text, k, false)
	if q2.end <= k || q2.err != nil {
		return 0, false
	}
	// 提升1.1个百分点至48.2%, 上涨31个基点至1.10%: a change and the level
	// reached, written with different unit words, are no range.
	if n.Unit != "" && unit2 != "" && n.unitAt >= n.Start && n.unitAt <= j && unitAt2 >= k && unitAt2 <= q2.end &&
		v.writtenUnit(text[n.unitAt:j]) != v.writtenUnit(text[unitAt2:q2.end]) {
		return 0, false
	}
	if q2.skip {
		if q2.end > k && (n.Unit == "" || n.class == classTime) {
			return -q2.end, false // 1-3月, 2021-2022年
		}
		return 0, false
	}
	if n.chinese != q2.chinese {
		return 0, false
	}
	lo := n.Value
	switch {
	case n.Unit == "" && unit2 != "":
		if !q.scaled && q2.scaled {
			lo = lo.Shift(q2.scale)
		}
		n.Unit, n.class = unit2, class2
		lo = convert(lo, class2, true)
	case n.Unit != "" && unit2 == "":
		if q2.scaled {
			return 0, false
		}
		q2.val = convert(q2.val, n.class, false)
		unit2 = n.Unit
	case n.Unit == "" && unit2 == "":
		if !q.scaled && q2.scaled {
			lo = lo.Shift(q2.scale)
		}
		n.scaled = n.scaled || q2.scaled
	}
	if unit2 != n.Unit || lo.GreaterThan(q2.val) || lo.Equal(q2.val) {
		return 0, false
	}
	n.Value = lo
	n.Upper = decimal.NullDecimal{Decimal: q2.val, Valid: true}
	n.scaled = n.scaled || q2.scaled
	return q2.end, true
}

// writtenUnit returns the unit word written at the start of s, without a
// leading space: "个百分点" for "个百分点", "%" for " %".
func (v *Vocabulary) writtenUnit(s string) string {
	s = strings.TrimLeft(s, " ")
	if u, n := v.matchUnit(s); n > 0 {
		return u.word
	}
	return s
}

// convert applies a unit class to a value read before its unit: ‰ and
// basis points become percent. raw is false when the value was already
// converted.
func convert(v decimal.Decimal, c unitClass, raw bool) decimal.Decimal {
	if !raw {
		return v
	}
	switch c {
	case classPermille:
		return v.Div(ten)
	case classBasis:
		return v.Div(hundred)
	}
	return v
}

// readQuantity reads one number with its scale and unit at i. whole is
// set by ParseNumber, which also accepts an exponent (1.5e3).
func (v *Vocabulary) readQuantity(text string, i int, whole bool) (q quantity, unit string, class unitClass, unitAt int) {
	start := i
	neg := false
	if strings.HasPrefix(text[i:], "-") {
		neg, i = true, i+1
	} else if strings.HasPrefix(text[i:], "负") || strings.HasPrefix(text[i:], "負") || strings.HasPrefix(text[i:], "－") {
		neg, i = true, i+3
	}
	if q, ok := v.percentOf(text, start, i, whole); ok {
		if q.err != nil {
			return q, "", 0, 0
		}
		if neg {
			q.val = q.val.Neg()
		}
		return q, "percent", classPercent, i
	}
	q = v.readCore(text, i, whole)
	if q.end == i || q.err != nil || q.skip {
		if q.end <= start {
			q.end = start
		}
		return q, "", 0, 0
	}
	j := q.end
	if fq, ok := v.fraction(text, i, j, q, whole); ok {
		if neg {
			fq.val = fq.val.Neg()
		}
		return fq, "percent", classPercent, j
	} else if fq.err != nil {
		return fq, "", 0, 0
	}
	if tq, ok := v.tenths(text, j, q); ok {
		if neg {
			tq.val = tq.val.Neg()
			tq.hi = tq.hi.Neg()
		}
		return tq, "percent", classPercent, j
	}
	q, unit, class, unitAt, ok := v.unitAfter(text, start, j, q)
	if !ok {
		return q, "", 0, 0
	}
	if neg {
		q.val = q.val.Neg()
		q.hi = q.hi.Neg()
	}
	return q, unit, class, unitAt
}

// percentOf reads 百分之九十七, 千分之三, 万分之五 at i (start is where the
// quantity, with its sign, begins). It reports false when none is there;
// a word with no number after it is a quantity holding ErrSyntax.
func (v *Vocabulary) percentOf(text string, start, i int, whole bool) (quantity, bool) {
	for _, p := range [...]struct {
		word string
		div  int64
	}{{"百分之", 1}, {"千分之", 10}, {"万分之", 100}} {
		if !strings.HasPrefix(text[i:], p.word) {
			continue
		}
		q := v.readCore(text, i+len(p.word), whole)
		if q.end == i+len(p.word) {
			q.end = start + 1
			q.err = ErrSyntax
			q.errAt = i + len(p.word)
			return q, true
		}
		if p.div != 1 {
			q.val = q.val.Div(decimal.NewFromInt(p.div))
		}
		q.hasHi, q.scaled = false, false
		return q, true
	}
	return quantity{}, false
}

// fraction reads a fraction whose denominator q ends at j: 三分之一 is
// 33.33 percent. A fraction too large gives a quantity holding ErrRange
// and false.
func (v *Vocabulary) fraction(text string, i, j int, q quantity, whole bool) (quantity, bool) {
	if !strings.HasPrefix(text[j:], "分之") {
		return quantity{}, false
	}
	num := v.readCore(text, j+len("分之"), whole)
	if num.end <= j+len("分之") || num.err != nil || q.val.IsZero() {
		return quantity{}, false
	}
	pv := num.val.Mul(hundred).DivRound(q.val, 2)
	if tooBig(pv) {
		q.err, q.errAt = ErrRange, i
		return q, false
	}
	q.val, q.end, q.scaled, q.lone, q.hasHi = pv, num.end, false, false, false
	return q, true
}

// tenths reads 九成, 三成五, 7.2成 after the number q ending at j: tenths,
// as percent.
func (v *Vocabulary) tenths(text string, j int, q quantity) (quantity, bool) {
	if !strings.HasPrefix(text[j:], "成") || q.scaled || strings.HasPrefix(text[j:], "成不变") {
		return q, false
	}
	next, _ := utf8.DecodeRuneInString(text[j+len("成"):])
	if strings.ContainsRune(v.runes(setTenthsWordRunes), next) {
		return q, false // 成交, 成本, 成功: a word
	}
	q.val = q.val.Mul(ten)
	q.hi = q.hi.Mul(ten)
	q.end = j + len("成")
	if d := cnDigit(next); d > 0 && q.chinese {
		r2, _ := utf8.DecodeRuneInString(text[q.end+3:])
		if cnDigit(r2) < 0 && cnUnit(r2) == 0 && cnScale(r2) == 0 {
			q.val = q.val.Add(decimal.NewFromInt(int64(d)))
			q.end += 3
			q.hasHi = false
		}
	}
	q.lone = false
	return q, true
}

// unitAfter reads the unit word after the number q ending at j. It reports
// false when the number is to be skipped (a date or duration, a time of
// day, a code run together with letters), with q.end past it.
func (v *Vocabulary) unitAfter(text string, start, j int, q quantity) (quantity, string, unitClass, int, bool) {
	unit, class, unitAt := "", unitClass(0), j
	k := j
	for k < len(text) && text[k] == ' ' && k-j < 2 {
		k++
	}
	u, n := v.matchUnit(text[k:])
	if n == 0 && k != j {
		u, n = v.matchUnit(text[j:])
		k = j
	}
	if n > 0 && q.chinese && u.class == classMoney && strings.HasSuffix(u.word, "元") && v.yuanWord(text[k+n:]) {
		n = 0 // 二元对立, 一元化: 元 starts a word
	}
	switch {
	case n > 0 && u.class == classTime && q.scaled && u.word == "天":
		// 12亿天价罚单: after a scale word, 天 starts a word; no unit.
	case n > 0 && u.class == classTime:
		q.skip = true
		q.end = k + n
		return q, "", 0, 0, false
	case n > 0:
		unitAt = k
		q.end = k + n
		unit, class = u.unit, u.class
		if class == classMoney && strings.HasPrefix(text[q.end:], "/") {
			q.end = v.perUnitEnd(text, q.end)
		}
		if class == classTimes && (strings.HasPrefix(text[q.end:], "多") || strings.HasPrefix(text[q.end:], "余")) {
			q.approx = true
			q.end += 3
		}
		q.val = convert(q.val, class, true)
		if q.hasHi {
			q.hi = convert(q.hi, class, true)
		}
	case strings.HasPrefix(text[j:], "点") && !q.chinese:
		q.end = j + len("点")
		if !v.isIndexPoint(text, start, j, q) {
			q.skip = true
			return q, "", 0, 0, false
		}
		unit, class, unitAt = "pt", classPhysical, j
	case runTogether(text, j) && !q.scaled:
		// A number run together with Latin letters or an underscore is a
		// code or a name (5G, 00700_0, Q3), not a quantity.
		if text[j] == '.' {
			q.end++
		}
		q.skip = true
		for q.end < len(text) && (isASCIILetter(text[q.end]) || isASCIIDigit(text[q.end]) || text[q.end] == '_') {
			q.end++
		}
		return q, "", 0, 0, false
	}
	return q, unit, class, unitAt, true
}

// runTogether reports whether a Latin letter, an underscore or a dot and a
// letter follow at j.
func runTogether(text string, j int) bool {
	return j < len(text) && (isASCIILetter(text[j]) || text[j] == '_' || text[j] == '.' && j+1 < len(text) && isASCIILetter(text[j+1]))
}

// yuanWord reports whether rest, the text after a 元 read as yuan, makes
// that 元 part of a word instead: 二元对立, 一元化, 三元素, 元宇宙.
func (v *Vocabulary) yuanWord(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if strings.ContainsRune(v.runes(setYuanWordRunes), r) {
		return true
	}
	_, ok := v.hasPrefixIn(rest, setYuanWordAfter)
	return ok
}

// perUnitEnd returns the end of a "/股", "/平方米", "/吨" after a price: a
// unit word or a run of Latin letters after the slash, else i.
func (v *Vocabulary) perUnitEnd(text string, i int) int {
	j := i + 1
	if u, n := v.matchUnit(text[j:]); n > 0 && u.unit != "CNY" {
		return j + n
	}
	for _, w := range v.set(setPerUnit) {
		if strings.HasPrefix(text[j:], w) {
			return j + len(w)
		}
	}
	k := j
	for k < len(text) && isASCIILetter(text[k]) {
		k++
	}
	if k > j {
		return k
	}
	return i
}

// isIndexPoint decides whether 点 after an Arabic number at start..j is an
// index level or move (报3500.25点, 下跌30点) rather than a clock time
// (晚上8点, 9点30分).
func (v *Vocabulary) isIndexPoint(text string, start, j int, q quantity) bool {
	after := text[j+len("点"):]
	if _, n := digitAt(after, 0); n > 0 {
		return false
	}
	if _, ok := v.hasPrefixIn(after, setClockAfter); ok {
		return false
	}
	if v.hasSuffixIn(text[:start], setClockBefore) {
		return false
	}
	// A small whole number is an hour (截至15点) unless an index moves or
	// stands near it (下跌22点, 报3500点).
	if q.val.IsInteger() && q.val.LessThan(decimal.NewFromInt(25)) {
		lo := max(start-15, 0)
		w := text[lo:start]
		return strings.ContainsAny(w, v.runes(setIndexMoveRunes)) || strings.Contains(w, "指")
	}
	return true
}

// readCore reads the number proper at i: Arabic or Chinese digits, a
// decimal part, 多/余/几 markers and scale words, without a unit.
func (v *Vocabulary) readCore(text string, i int, whole bool) quantity {
	if _, n := digitAt(text, i); n > 0 || i+1 < len(text) && text[i] == '.' && isASCIIDigit(text[i+1]) {
		return v.readArabic(text, i, whole)
	}
	return v.readChinese(text, i)
}

// readArabic reads 1,234.5亿, １２３, 1800多, 560余万, 5个亿.
func (v *Vocabulary) readArabic(text string, i int, whole bool) quantity {
	return v.readArabicIn(text, i, whole, false)
}

// readArabicIn reads an Arabic number; inner is set for the smaller term
// of 5万4千6百, where a trailing 百 is a scale.
func (v *Vocabulary) readArabicIn(text string, i int, whole, inner bool) quantity {
	var q quantity
	d := arabicDigits(text, i)
	j := d.end
	q.end = j
	if d.tooLong {
		q.err, q.errAt = ErrRange, i
		return q
	}
	// 1.2.3 and 2021.12.08 are versions and dates; 20:44 is a time.
	if j+1 < len(text) && (text[j] == '.' || text[j] == ':') && isASCIIDigit(text[j+1]) && !whole {
		q.skip = true
		for q.end < len(text) && (isASCIIDigit(text[q.end]) || text[q.end] == '.' || text[q.end] == ':') {
			q.end++
		}
		return q
	}
	q.val = decimalFromDigits(d.buf[:d.nb], d.digits-d.frac, d.frac)
	if whole && j < len(text) && (text[j] == 'e' || text[j] == 'E') {
		return readExponent(text, j, q)
	}
	// 1800多, 560余万.
	if m := marker(text, q.end); m > 0 {
		q.approx = true
		q.end += m
	}
	return v.readScale(text, i, q, whole, inner)
}

// digitRun is the digits of an Arabic number, as arabicDigits reads them.
type digitRun struct {
	buf              [3*maxDigits + 2]byte // the digits and the decimal point, ASCII
	nb, digits, frac int                   // bytes in buf, digits, digits after the point
	end              int
	tooLong          bool // more than maxDigits significant digits
}

// arabicDigits reads the digits at i: ASCII or full-width, with a decimal
// point and thousands separators (a comma before exactly three digits).
func arabicDigits(text string, i int) digitRun {
	var r digitRun
	sig := 0
	j := i
	full := false
	if _, n := digitAt(text, i); n == 3 {
		full = true
	}
	buf, nb, digits, frac := &r.buf, 0, 0, 0
	inFrac := false
	if text[j] == '.' {
		buf[nb] = '0'
		buf[nb+1] = '.'
		nb += 2
		inFrac = true
		j++
	}
	for j < len(text) {
		d, n := digitAt(text, j)
		if n > 0 {
			// Leading zeros (0.000…1) count towards the buffer, not the
			// significant digits.
			if d != 0 || sig > 0 {
				sig++
			}
			if sig <= maxDigits && nb < len(buf)-1 {
				buf[nb] = byte('0' + d)
				nb++
			} else {
				r.tooLong = true
			}
			digits++
			if inFrac {
				frac++
			}
			j += n
			continue
		}
		// Thousands separators: a comma followed by exactly three digits.
		if !inFrac && (text[j] == ',' && !full || strings.HasPrefix(text[j:], "，") && full) {
			w := 1
			if full {
				w = 3
			}
			if groupOfThree(text, j+w) {
				j += w
				continue
			}
			break
		}
		if !inFrac && (text[j] == '.' || strings.HasPrefix(text[j:], "．")) {
			w := 1
			if text[j] != '.' {
				w = 3
			}
			if _, n := digitAt(text, j+w); n > 0 {
				inFrac = true
				buf[nb] = '.'
				nb++
				j += w
				continue
			}
		}
		break
	}
	r.nb, r.digits, r.frac, r.end = nb, digits, frac, j
	return r
}

// readScale reads the scale words after the number q (4.5亿, 3.5万亿, 5千万,
// 1百万, 5个亿) and a smaller term after them (5万4千6百).
func (v *Vocabulary) readScale(text string, i int, q quantity, whole, inner bool) quantity {
	k := q.end
	if k+1 < len(text) && text[k] == ' ' {
		if r, _ := utf8.DecodeRuneInString(text[k+1:]); cnScale(r) > 0 {
			k++
		}
	}
	if strings.HasPrefix(text[k:], "个") {
		r, _ := utf8.DecodeRuneInString(text[k+3:])
		if cnScale(r) > 0 {
			k += 3
		}
	}
	scaled := false
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if s := cnScale(r); s > 0 {
			q.scale += int32(s)
			k += size
			scaled = true
			continue
		}
		if u := cnUnit(r); u == 1000 || u == 100 {
			if un, _ := v.matchUnit(text[k:]); un.word != "" {
				break
			}
			r2, _ := utf8.DecodeRuneInString(text[k+size:])
			if u == 100 && (r2 == '分' || cnScale(r2) == 0 && !scaled && !inner) {
				break // 百分点, 百分之; 5百 alone is rare, 5万4千6百 is not
			}
			q.scale += pow10(u)
			k += size
			scaled = true
			continue
		}
		break
	}
	if scaled {
		q.end = k
		q.scaled = true
		q.val = q.val.Shift(q.scale)
		if m := marker(text, q.end); m > 0 {
			q.approx = true
			q.end += m
		} else if rest, ok := v.continuation(text, q.end, q.scale, whole); ok {
			// 5万4千6百, 3万4000, 1千零1: a smaller term follows the scale.
			q.val = q.val.Add(rest.val)
			q.end = rest.end
			q.scale = rest.scale
			q.approx = rest.approx
		}
	}
	if tooBig(q.val) {
		q.err, q.errAt = ErrRange, i
	}
	return q
}

// readExponent reads e[+-]digits after a mantissa (ParseNumber only).
func readExponent(text string, j int, q quantity) quantity {
	k := j + 1
	neg := false
	if k < len(text) && (text[k] == '+' || text[k] == '-') {
		neg = text[k] == '-'
		k++
	}
	e, nd := 0, 0
	for k < len(text) && isASCIIDigit(text[k]) {
		if e < 10000 {
			e = e*10 + int(text[k]-'0')
		}
		k++
		nd++
	}
	if nd == 0 {
		q.err, q.errAt, q.end = ErrSyntax, j, j
		return q
	}
	q.end = k
	if neg {
		e = -e
	}
	if e > 60 || e < -60 {
		q.err, q.errAt = ErrRange, j
		return q
	}
	q.val = q.val.Shift(int32(e))
	if tooBig(q.val) {
		q.err, q.errAt = ErrRange, j
	}
	return q
}

// groupOfThree reports whether exactly three digits (of one width) start
// at i.
func groupOfThree(text string, i int) bool {
	for n := 0; n < 3; n++ {
		_, w := digitAt(text, i)
		if w == 0 {
			return false
		}
		i += w
	}
	_, w := digitAt(text, i)
	return w == 0
}

// marker returns the size of a 多, 余 or 几 at i that says "more than", or 0.
func marker(text string, i int) int {
	if strings.HasPrefix(text[i:], "多") || strings.HasPrefix(text[i:], "余") {
		// 多元, 多家 and 余额 are words: 多 must be followed by a unit or scale,
		// or end the number. 余额 is a balance.
		next := text[i+3:]
		if strings.HasPrefix(next, "额") || strings.HasPrefix(next, "元化") {
			return 0
		}
		return 3
	}
	return 0
}

// decimalFromDigits builds a decimal from ASCII digits with an optional
// '.', without allocating when it fits in 18 digits.
func decimalFromDigits(b []byte, intDigits, frac int) decimal.Decimal {
	if intDigits+frac <= 18 {
		var m int64
		for _, c := range b {
			if c != '.' {
				m = m*10 + int64(c-'0')
			}
		}
		return decimal.New(m, -int32(frac))
	}
	d, err := decimal.NewFromString(string(b))
	if err != nil {
		return decimal.Zero
	}
	return d
}

// Chinese numeral tokens.
const (
	tokPoint  = -1
	tokMarker = -2
)

// readChinese reads a Chinese numeral at i: 一百二十三, 两千一百八十九万,
// 四点五亿, 十几万, 壹佰, 二〇二一.
func (v *Vocabulary) readChinese(text string, i int) quantity {
	q := quantity{chinese: true}
	r := v.cnTokens(text, i)
	toks, ends, nt, j := &r.toks, &r.ends, r.nt, r.end
	if nt == len(r.toks) {
		q.end = j
		q.err, q.errAt = ErrRange, i
		return q
	}
	q.end = j
	if nt == 0 {
		return q
	}
	// Drop the markers; they make the value a lower bound.
	var cbuf [maxDigits]int
	clean := cbuf[:0]
	for _, t := range toks[:nt] {
		if t == tokMarker {
			q.approx = true
			continue
		}
		clean = append(clean, t)
	}
	hasLiang := strings.ContainsAny(text[i:j], "两兩")
	clean = roughRange(&q, clean)
	val, ok := cnValueLiang(clean, hasLiang)
	if !ok && hasLiang && strings.Trim(text[i:j], "两兩") == "" {
		q.end, q.skip = j, true // 两两: "in pairs"
		return q
	}
	for !ok && nt > 1 {
		// 百分之七十百分位: keep the longest prefix that is a numeral.
		nt--
		j = ends[nt-1]
		clean = clean[:0]
		q.approx = false
		for _, t := range toks[:nt] {
			if t == tokMarker {
				q.approx = true
				continue
			}
			clean = append(clean, t)
		}
		if len(clean) > 0 && clean[len(clean)-1] == tokPoint {
			continue
		}
		val, ok = cnValueLiang(clean, hasLiang)
		q.end = j
	}
	if !ok {
		q.err, q.errAt = ErrSyntax, i
		return q
	}
	trailingScale(&q, clean)
	// A single 一, 二 or 零 is an article or part of a word (一家, 二次元,
	// 零部件), and a single capital digit is part of a name (毕陆).
	first, _ := utf8.DecodeRuneInString(text[i:])
	q.lone = nt == 1 && (toks[0] <= 1 || first == '二')
	if nt == 1 && cnCapital(first) {
		q.end = i
		return q
	}
	q.val = val
	if tooBig(q.val) {
		q.err, q.errAt = ErrRange, i
	}
	return q
}

// cnRun is the numeral tokens at the start of a Chinese number.
type cnRun struct {
	toks [maxDigits]int // digit 0-9, unit 10/100/1000, scale 10000/100000000, or tok*
	ends [maxDigits]int // byte offset after each token
	nt   int            // tokens read; len(toks) when the numeral is too long
	end  int            // byte offset after the last token
}

// cnTokens reads the numeral tokens at i: digits, units (十百千), scales
// (万亿兆), a decimal point (点) and markers (多, 余, 几).
func (v *Vocabulary) cnTokens(text string, i int) (run cnRun) {
	nt := 0
	j := i
	sawPoint := false
scan:
	for j < len(text) && nt < len(run.toks) {
		r, size := utf8.DecodeRuneInString(text[j:])
		prev := 0
		if nt > 0 {
			prev = run.toks[nt-1]
		}
		switch {
		case cnDigit(r) >= 0:
			run.toks[nt] = cnDigit(r)
		case cnUnit(r) > 0 && !sawPoint:
			if un, _ := v.matchUnit(text[j:]); un.word != "" && nt > 0 {
				break scan // 千瓦, 千克, 百分点
			}
			if strings.HasPrefix(text[j:], "百分之") || strings.HasPrefix(text[j:], "千分之") {
				break scan
			}
			run.toks[nt] = cnUnit(r)
		case cnScale(r) > 0 || zhao(text, j) && nt > 0:
			if strings.HasPrefix(text[j:], "万分之") {
				break scan
			}
			if nt == 0 && !v.leadingScale(text, j) {
				break scan
			}
			sc := cnScale(r)
			if sc == 0 {
				sc = 12
			}
			run.toks[nt] = 1
			for ; sc > 0; sc-- {
				run.toks[nt] *= 10
			}
		case (r == '点' || r == '點') && !sawPoint && nt > 0 && prev != tokMarker:
			r2, _ := utf8.DecodeRuneInString(text[j+size:])
			if cnDigit(r2) < 0 {
				break scan
			}
			sawPoint = true
			run.toks[nt] = tokPoint
		case (r == '多' || r == '余' || r == '几' || r == '幾') && nt > 0 && (prev >= 10 || prev == 0 && (r == '几' || r == '幾')) && !sawPoint:
			if marker(text, j) == 0 && r != '几' && r != '幾' {
				break scan
			}
			run.toks[nt] = tokMarker
		default:
			break scan
		}
		j += size
		run.ends[nt] = j
		nt++
	}
	run.nt, run.end = nt, j
	return run
}

// roughRange reads two neighbouring digits as a rough range (两三万, 三四家,
// 七八十), not a digit-by-digit number: the value is the lower bound and
// q.hi the upper. It returns the tokens of the lower bound.
func roughRange(q *quantity, clean []int) []int {
	if len(clean) >= 2 && clean[0] >= 1 && clean[0] <= 8 && clean[1] == clean[0]+1 && !q.approx {
		rest := clean[2:]
		plain := true
		for _, t := range rest {
			if t < 10 {
				plain = false
				break
			}
		}
		if plain {
			var lo, hi [maxDigits]int
			lo[0], hi[0] = clean[0], clean[1]
			copy(lo[1:], rest)
			copy(hi[1:], rest)
			_, ok1 := cnValue(lo[:1+len(rest)])
			hv, ok2 := cnValue(hi[:1+len(rest)])
			if ok1 && ok2 {
				clean = append(clean[:0], lo[:1+len(rest)]...)
				q.hi, q.hasHi = hv, true
			}
		}
	}
	return clean
}

// trailingScale records the scale that ends the tokens, for ranges such as
// 两到三万 and 两到三千万.
func trailingScale(q *quantity, clean []int) {
	s := len(clean)
	for s > 0 && clean[s-1] >= 10000 {
		s--
	}
	if s < len(clean) {
		q.scaled = true
		for _, t := range clean[s:] {
			q.scale += pow10(t)
		}
		if s == 2 && clean[0] < 10 && clean[1] >= 100 {
			q.scale += pow10(clean[1])
		}
	}
}

// cnValue evaluates Chinese numeral tokens.
func cnValue(t []int) (decimal.Decimal, bool) {
	return cnValueLiang(t, false)
}

// cnValueLiang is cnValue; hasLiang says the numeral holds 两, which is
// never a digit of a digit string (两两 is "in pairs").
func cnValueLiang(t []int, hasLiang bool) (decimal.Decimal, bool) {
	// A decimal: int 点 digits, then scales.
	for p, x := range t {
		if x == tokPoint {
			ip, ok := cnValue(t[:p])
			if !ok {
				return decimal.Zero, false
			}
			var m int64
			k := p + 1
			nd := 0
			for k < len(t) && t[k] < 10 && t[k] >= 0 && nd < 18 {
				m = m*10 + int64(t[k])
				k++
				nd++
			}
			if nd == 0 {
				return decimal.Zero, false
			}
			v := ip.Add(decimal.New(m, -int32(nd)))
			for ; k < len(t); k++ {
				if t[k] < 10000 {
					return decimal.Zero, false
				}
				v = v.Mul(decimal.NewFromInt(int64(t[k])))
			}
			return v, true
		}
	}
	// Plain digits: 二〇二一, 一二三.
	allDigits := true
	for _, x := range t {
		if x >= 10 {
			allDigits = false
			break
		}
	}
	if allDigits {
		if len(t) > 18 || len(t) > 1 && hasLiang {
			return decimal.Zero, false
		}
		var m int64
		for _, x := range t {
			m = m*10 + int64(x)
		}
		return decimal.NewFromInt(m), true
	}
	return cnInt(t)
}

// cnInt evaluates an integer numeral by splitting at its last 亿, then 万.
func cnInt(t []int) (decimal.Decimal, bool) {
	for _, sc := range []int{1000000000000, 100000000, 10000} {
		k := -1
		for p := len(t) - 1; p >= 0; p-- {
			if t[p] == sc {
				k = p
				break
			}
		}
		if k < 0 {
			continue
		}
		left := decimal.NewFromInt(1)
		if k > 0 {
			var ok bool
			if left, ok = cnInt(t[:k]); !ok {
				return decimal.Zero, false
			}
		}
		v := left.Mul(decimal.NewFromInt(int64(sc)))
		right := t[k+1:]
		if len(right) == 0 {
			return v, true
		}
		// 三万五 is 35000: a lone digit after a scale is the next place down.
		if len(right) == 1 && right[0] < 10 && k > 0 && t[k-1] != 0 {
			return v.Add(decimal.NewFromInt(int64(right[0] * sc / 10))), true
		}
		for len(right) > 0 && right[0] == 0 {
			right = right[1:]
		}
		if len(right) == 0 {
			return v, true
		}
		r, ok := cnInt(right)
		if !ok {
			return decimal.Zero, false
		}
		return v.Add(r), true
	}
	n, ok := cnSmall(t)
	return decimal.NewFromInt(n), ok
}

// cnSmall evaluates a numeral below 万: 一千零二十, 十五, 一百二 (120).
func cnSmall(t []int) (int64, bool) {
	var total int64
	digit := int64(-1)
	last := int64(0)
	zero := false
	for i, x := range t {
		switch {
		case x == 0:
			if digit > 0 {
				return 0, false
			}
			zero = true
			digit = -1
		case x < 10:
			if digit >= 0 {
				return 0, false
			}
			digit = int64(x)
		case x <= 1000:
			u := int64(x)
			if last != 0 && u >= last {
				return 0, false
			}
			if digit < 0 {
				if i != 0 && !(zero && u == 10) {
					return 0, false
				}
				digit = 1 // 十五, 百亿, 一千零十二
			}
			total += digit * u
			digit = -1
			last = u
			zero = false
		default:
			return 0, false
		}
	}
	if digit >= 0 {
		if last >= 100 && !zero {
			total += digit * last / 10 // 一百二 is 120
		} else {
			total += digit
		}
	}
	return total, true
}

// distribute carries a unit and scale written once over a list of numbers:
// in 24.8/25.6万辆, 1.3、1.4倍 and 6.8亿和6,100万美元 the first number takes
// the second's scale and unit.
func distribute(text string, ns []Number) {
	// shifted is the scale given to ns[i+1] by this loop (约7100、3150和
	// 2500亿元: 3150 takes 亿 from 2500亿元, and 7100 from 3150), else -1.
	shifted := int32(-1)
	for i := len(ns) - 2; i >= 0; i-- {
		a, b := &ns[i], &ns[i+1]
		bShift := shifted
		shifted = -1
		if a.Unit != "" || b.Unit == "" && !b.scaled || a.Upper.Valid {
			continue
		}
		// A comma ends a clause (营收超200亿，5家净利…): only these join a list.
		switch text[a.End:b.Start] {
		case "、", "/", "和", "及", "与", "或":
		default:
			continue
		}
		if !a.scaled && b.scaled && !b.chinese {
			sc := bShift
			if sc < 0 {
				sc = scaleOf(text[b.Start:b.unitAt])
			}
			a.Value = a.Value.Shift(sc)
			a.scaled = true
			shifted = sc
		}
		if b.Unit != "" {
			a.Unit, a.class = b.Unit, b.class
			a.Value = convert(a.Value, b.class, true)
		}
	}
}

// scaleOf returns the power of ten of the scale words at the end of an Arabic
// number with scale: "25.6万" → 4.
func scaleOf(s string) int32 {
	var v int32
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if r == '多' || r == '余' || r == '个' {
			s = s[:len(s)-size]
			continue
		}
		if sc := cnScale(r); sc > 0 {
			v += int32(sc)
		} else if u := cnUnit(r); u >= 100 {
			v += pow10(u)
		} else {
			break
		}
		s = s[:len(s)-size]
	}
	return v
}

// ParseNumber parses s, which must hold exactly one number in any form
// that [Numbers] finds, optionally with a unit word, and returns its value
// in base units: "1,234.5" → 1234.5, "４．５亿元" → 450000000, "百分之九十七"
// and "97%" → 97, "三分之一" → 33.33, "两千一百八十九万" → 21890000. A
// range is not one number and is rejected. Scientific notation ("1.5e3")
// is accepted. Surrounding white space is ignored.
//
// Errors are [*NumberError] values wrapping [ErrSyntax] or [ErrRange].
func ParseNumber(s string) (decimal.Decimal, error) {
	v := DefaultVocabulary()
	t := strings.TrimSpace(s)
	off := strings.Index(s, t)
	if t == "" {
		return decimal.Zero, &NumberError{Input: s, Offset: 0, Err: ErrSyntax}
	}
	if strings.HasPrefix(t, "+") {
		t = t[1:]
		off++
	}
	q, _, _, _ := v.readQuantity(t, 0, true)
	if q.err != nil {
		return decimal.Zero, &NumberError{Input: s, Offset: off + q.errAt, Err: q.err}
	}
	if q.end == 0 || q.skip && !strings.HasSuffix(t[:q.end], "点") {
		at := 0
		if q.skip {
			at = v.readCore(t, strings.IndexFunc(t, func(r rune) bool { return r != '-' }), true).end
		}
		return decimal.Zero, &NumberError{Input: s, Offset: off + at, Err: ErrSyntax}
	}
	if q.skip {
		// A bare "20点" reads as a time in running text; alone, it is points.
		q2 := v.readCore(t, 0, true)
		if strings.HasPrefix(t, "-") {
			q2 = v.readCore(t, 1, true)
			q2.val = q2.val.Neg()
		}
		q.val = q2.val
	}
	// 两三万 is a range, not one number.
	if q.hasHi {
		_, size := utf8.DecodeRuneInString(t)
		return decimal.Zero, &NumberError{Input: s, Offset: off + size, Err: ErrSyntax}
	}
	// Allow a trailing comparator-free marker such as 多 after a unit.
	if q.end != len(t) {
		return decimal.Zero, &NumberError{Input: s, Offset: off + q.end, Err: ErrSyntax}
	}
	return q.val, nil
}

// tooBig reports whether |v| >= 10^24, cheaply for ordinary numbers.
func tooBig(v decimal.Decimal) bool {
	if v.IsZero() || v.NumDigits()+int(v.Exponent()) < 24 {
		return false
	}
	return v.Abs().GreaterThanOrEqual(limit)
}

// continuation reads the smaller term after a scale word: the 4千6百 of
// 5万4千6百, the 4000 of 3万4000, the 零1 of 1千零1. It must be below the
// scale it follows.
func (v *Vocabulary) continuation(text string, i int, scale int32, whole bool) (quantity, bool) {
	j := i
	if strings.HasPrefix(text[j:], "零") {
		j += len("零")
	}
	if _, n := digitAt(text, j); n == 0 {
		return quantity{}, false
	}
	q := v.readArabicIn(text, j, whole, true)
	if q.err != nil || q.skip || !q.val.LessThan(decimal.New(1, scale)) {
		return quantity{}, false
	}
	// 3万2021年: a year, not a term.
	if u, _ := v.matchUnit(text[q.end:]); u.class == classTime {
		return quantity{}, false
	}
	return q, true
}

// leadingScale reports whether the 百, 千, 万 or 亿 at i stands for one of
// it after a comparator, followed by a unit or another scale: 逾万片,
// 近千家, 超千亿, 破万亿.
func (v *Vocabulary) leadingScale(text string, i int) bool {
	p, _ := utf8.DecodeLastRuneInString(text[:i])
	if !strings.ContainsRune("逾近超破", p) {
		return false
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if cnUnit(r) < 100 && cnScale(r) == 0 {
		return false
	}
	rest := text[i+size:]
	r2, _ := utf8.DecodeRuneInString(rest)
	if cnScale(r2) > 0 {
		return true
	}
	u, n := v.matchUnit(rest)
	return n > 0 && u.class != classTime && u.word != "大"
}

// pow10 returns the power of ten of 10, 100, 1000, … (0 for other values).
func pow10(v int) int32 {
	var p int32
	for v >= 10 && v%10 == 0 {
		v /= 10
		p++
	}
	return p
}

// changedBy reports whether the number at byte i is the size of a change
// written with an inexact comparator (跌近400元, 涨超5%, 降约3成): a
// range's bounds are exact, so 至 after such a number names the level
// reached, not the range's upper bound.
func (v *Vocabulary) changedBy(text string, i int) bool {
	before := text[:i]
	for _, c := range v.set(setInexact) {
		if b, ok := strings.CutSuffix(before, c); ok {
			r, _ := utf8.DecodeLastRuneInString(b)
			return strings.ContainsRune(v.runes(setChangeVerbRunes), r)
		}
	}
	return false
}

package ticker

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindCodes returns the security codes written in text, in text order.
//
// It recognises the shapes of reference/markets.md §3 and spec/tickers.md
// rule 2, with full-width digits, letters, brackets and colons read as
// their ASCII forms (offsets stay those of text):
//
//   - a name and a bracketed code: 贵州茅台(600519), 贵州茅台（600519.SH）,
//     腾讯控股(00700.HK), 腾讯控股（00700）, 哔哩哔哩-SW(09626.HK), 拼多多
//     （NASDAQ: PDD）, 涂鸦智能(TUYA.US), $贵州茅台(SH600519)$, 包钢股份
//     （600010，SH）; several codes in one bracket separated by ，、,/；;
//     (阿里巴巴（BABA.N，09988.HK）);
//   - a code with a market suffix anywhere: 600519.SH, 600519.SS, 0700.HK,
//     INTC.O, BABA.N, TUYA.US, BABA.NYSE, BIDU.NASD, WTB.L (London);
//   - a market prefix: SH600519, sz000001, sh.600519, HK00700, hk00700,
//     HK.00700, HK_00700, HK:0700, US.AAPL, usAAPL;
//   - an exchange word: NASDAQ: AAPL, NYSE:BABA, 纳斯达克：PDD, 纽交所：BABA,
//     HKEX:700, SSE:600519, and the cashtag $AAPL;
//   - a label: 股票代码：600519, 证券代码:000001, 代码为600519, 港股代码：00700;
//     an announcement header's 证券简称 after the code is taken as the name
//     (证券代码：600519 证券简称：贵州茅台).
//
// Everything else is not a code: a bare six-digit number (600000元,
// 100000股, 202401, postal codes), longer digit runs (dates, phone numbers),
// bare four-digit numbers (2020年), decimal numbers, and capitalised words
// without an exchange word or suffix (AI, ON, and also 阿里巴巴(BABA): news
// writes too many acronyms in brackets after their Chinese expansion, such
// as 国内生产总值(GDP), for a bare bracketed ticker to be a code). A Hong Kong
// code needs .HK, an HK prefix, a 港股 label, or five digits with a leading
// zero in brackets after a name (腾讯控股（00700）).
//
// A six-digit code without a market is placed by [InferMarketNamed] with
// the name beside it, so 平安银行(000001) is 000001.SZ and 上证指数(000001)
// is 000001.SH.
//
// Several codes in one bracket share its name when their markets differ
// (one company's listings: 阿里巴巴（BABA.N，09988.HK）); a further code of a
// market already seen in the bracket (A shares counting as one market) has
// no name (白酒双雄（600519、000858）).
//
// Name, when set, is the run of name characters (CJK, letters, digits, *,
// -, ·) just before the bracket, at most 12 runes, stopping at spaces,
// punctuation and 的/与/及, with a few words that introduce names dropped
// from its start (维持, 首予, 下调, 记者从, …); it may still include words
// before the name proper (白酒股龙头贵州茅台).
//
// FindCodes makes one pass over text and allocates only for the results.
func FindCodes(text string) []CodeMatch {
	var out []CodeMatch
	scanCodes(text, func(m CodeMatch) bool {
		out = append(out, m)
		return true
	})
	return out
}

// FindCodesSeq is [FindCodes] as an iterator: it yields the matches in
// text order as it finds them, and stops scanning when the loop stops.
// Each call of the returned sequence scans text again.
func FindCodesSeq(text string) iter.Seq[CodeMatch] {
	return func(yield func(CodeMatch) bool) { scanCodes(text, yield) }
}

func scanCodes(text string, yield func(CodeMatch) bool) {
	f := finder{text: text}
	i := 0
	for i < len(text) {
		b := text[i]
		if b < utf8.RuneSelf {
			if isDigit(b) || isLetter(b) {
				m, ok, next := f.word(i)
				if ok && !yield(m) {
					return
				}
				i = next
				continue
			}
			i++
			continue
		}
		if b == 0xEF { // full-width forms U+FF00–U+FFEF
			r, size := foldAt(text, i)
			if r < utf8.RuneSelf && (isDigit(byte(r)) || isLetter(byte(r))) {
				m, ok, next := f.word(i)
				if ok && !yield(m) {
					return
				}
				i = next
				continue
			}
			i += size
			continue
		}
		if b >= 0xE0 && b < 0xF0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			i += 3 // the common case: a CJK character
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
}

type finder struct {
	text string
	// lastEnd is the end of the last match made in a bracket, so that a
	// bare code after a separator in the same bracket counts too.
	lastEnd   int
	lastNameS int
	lastNameE int
	inList    bool   // the last bracketBefore found a list continuation
	group     uint16 // markets of the codes found in the current bracket
}

// foldAt decodes the rune at text[i], mapping full-width ASCII variants to
// ASCII and the ideographic space to a space.
func foldAt(text string, i int) (rune, int) {
	b := text[i]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0, size
	}
	if r == 0x3000 {
		return ' ', size
	}
	return r, size
}

// foldBefore decodes the rune ending at text[i], folded as foldAt.
func foldBefore(text string, i int) (rune, int) {
	if i <= 0 {
		return -1, 0
	}
	b := text[i-1]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0, size
	}
	if r == 0x3000 {
		return ' ', size
	}
	return r, size
}

func isAlnumRune(r rune) bool {
	return r < utf8.RuneSelf && r >= 0 && (isDigit(byte(r)) || isLetter(byte(r)))
}

// word is a folded run of ASCII letters and digits.
type word struct {
	buf        [16]byte
	n          int
	start, end int // byte offsets in text
	long       bool
	folded     bool // some runes were full-width
	digits     int  // leading digits
	letters    int  // leading letters
}

// str returns the word, folded to ASCII. It slices text when the word
// was written in ASCII and allocates only for full-width words.
func (w *word) str(text string) string {
	if !w.folded {
		return text[w.start:w.end]
	}
	return string(w.buf[:w.n])
}

// readWord reads the alnum run at i, folding full-width forms.
func readWord(text string, i int) word {
	w := word{start: i}
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !isDigit(c) && !isLetter(c) {
				break
			}
			if w.n < len(w.buf) {
				w.buf[w.n] = c
				w.n++
			} else {
				w.long = true
			}
			i++
			continue
		} else if c != 0xEF {
			break
		}
		r, size := foldAt(text, i)
		if !isAlnumRune(r) {
			break
		}
		if w.n < len(w.buf) {
			w.buf[w.n] = byte(r)
			w.n++
		} else {
			w.long = true
		}
		if size > 1 {
			w.folded = true
		}
		i += size
	}
	w.end = i
	for w.digits < w.n && isDigit(w.buf[w.digits]) {
		w.digits++
	}
	for w.letters < w.n && isLetter(w.buf[w.letters]) {
		w.letters++
	}
	return w
}

// peek returns the folded rune at i, or -1 at the end.
func (f *finder) peek(i int) (rune, int) {
	if i >= len(f.text) {
		return -1, 0
	}
	return foldAt(f.text, i)
}

// word examines the alnum run starting at i and appends any code it
// starts. It returns where scanning resumes.
func (f *finder) word(i int) (CodeMatch, bool, int) {
	w := readWord(f.text, i)
	if w.long {
		return CodeMatch{}, false, w.end
	}
	prev, _ := foldBefore(f.text, i)
	if prev == '.' || prev == '-' || prev == '/' || prev == '_' || prev == '=' || prev == '&' {
		// Part of a decimal number, a URL, a dashed number or an
		// identifier; but 比亚迪（002594.SZ/01211.HK） lists codes with '/'.
		if prev != '/' || !f.inBracketList(i) {
			return CodeMatch{}, false, w.end
		}
	}
	var m CodeMatch
	var ok bool
	if w.digits == w.n {
		m, ok = f.digitsWord(&w)
	} else if w.letters > 0 {
		m, ok = f.letterWord(&w, prev)
	}
	if !ok {
		return CodeMatch{}, false, w.end
	}
	m.Symbol.code = strings.Clone(m.Symbol.code)
	return m, true, m.End
}

// suffixAfter reads ".XX" at i (folded), returning the suffix letters,
// upper-cased, and the end; the suffix must not be followed by a letter,
// digit or another dot-word.
func (f *finder) suffixAfter(i int) (string, int, bool) {
	r, size := f.peek(i)
	if r != '.' {
		return "", i, false
	}
	j := i + size
	var buf [4]byte
	n := 0
	for j < len(f.text) {
		r, size := foldAt(f.text, j)
		if !isAlnumRune(r) {
			break
		}
		if n == len(buf) || !isLetter(byte(r)) {
			return "", i, false
		}
		buf[n] = upper(byte(r))
		n++
		j += size
	}
	if n == 0 {
		return "", i, false
	}
	if r, _ := f.peek(j); r == '.' {
		if r2, _ := f.peek(j + 1); isAlnumRune(r2) {
			return "", i, false
		}
	}
	return suffixName(buf[:n]), j, true
}

// suffixName returns the known suffix spelled by b as a constant string,
// without allocating, or "?" for any other suffix.
func suffixName(b []byte) string {
	switch string(b) {
	case "SH":
		return "SH"
	case "SS":
		return "SS"
	case "SZ":
		return "SZ"
	case "BJ":
		return "BJ"
	case "HK":
		return "HK"
	case "US":
		return "US"
	case "O":
		return "O"
	case "OQ":
		return "OQ"
	case "N":
		return "N"
	case "A":
		return "A"
	case "L":
		return "L"
	case "NYSE":
		return "NYSE"
	case "NASD":
		return "NASD"
	case "AMEX":
		return "AMEX"
	}
	return "?"
}

// codeSuffix maps a text suffix to a market: SH SZ BJ SS HK US O N A OQ,
// and the exchange names NYSE, NASD and AMEX (BABA.NYSE, BIDU.NASD).
func codeSuffix(s string) (Market, Venue) {
	switch s {
	case "SH", "SS":
		return SH, 0
	case "SZ":
		return SZ, 0
	case "BJ":
		return BJ, 0
	case "HK":
		return HK, 0
	case "US":
		return US, 0
	case "O", "OQ":
		return US, NASDAQ
	case "N":
		return US, NYSE
	case "A", "AMEX":
		return US, AMEX
	case "NYSE":
		return US, NYSE
	case "NASD":
		return US, NASDAQ
	}
	return Unknown, 0
}

func (f *finder) digitsWord(w *word) (CodeMatch, bool) {
	code := w.str(f.text)
	n := w.n
	// Suffix forms: 600519.SH, 0700.HK.
	if suf, end, ok := f.suffixAfter(w.end); ok {
		m, _ := codeSuffix(suf)
		switch {
		case m == HK && n >= 1 && n <= 5:
			return f.match(code, HK, 0, w.start, end)
		case (m == SH || m == SZ || m == BJ) && n == 6:
			return f.match(code, m, 0, w.start, end)
		}
		return CodeMatch{}, false
	}
	if n != 6 && n != 5 && n != 4 {
		return CodeMatch{}, false
	}
	// Label forms: 股票代码：600519, 港股代码 00700.
	if lab := f.labelBefore(w.start); lab != 0 {
		if f.unitAfter(w.end) {
			return CodeMatch{}, false // 港股2021年, 代码600000元
		}
		switch {
		case n == 6 && lab == labelCode:
			if m := InferMarket(code); m != Unknown {
				cm, ok := f.match(code, m, 0, w.start, w.end)
				if ok && cm.NameStart < 0 {
					// 证券代码：600519 证券简称：贵州茅台
					if s, e := f.abbrevAfter(w.end); e > s {
						cm.Name, cm.NameStart, cm.NameEnd = f.text[s:e], s, e
					}
				}
				return cm, ok
			}
		case lab == labelHKCode || lab == labelHK && n == 5:
			return f.match(code, HK, 0, w.start, w.end)
		}
		return CodeMatch{}, false
	}
	// Bracket forms: 贵州茅台(600519), 腾讯控股（00700）, (600010，SH).
	nameS, nameE, ok := f.bracketBefore(w.start)
	if !ok {
		return CodeMatch{}, false
	}
	closeAt, end, market := f.bracketAfter(w.end)
	if closeAt < 0 {
		return CodeMatch{}, false
	}
	name := f.text[nameS:nameE]
	switch {
	case n == 6:
		m := market
		if m == Unknown {
			m = InferMarketNamed(code, name)
		}
		if m != SH && m != SZ && m != BJ {
			return CodeMatch{}, false
		}
		return f.named(code, m, 0, w.start, end, nameS, nameE)
	case n == 5 && code[0] == '0' && (market == Unknown || market == HK):
		return f.named(code, HK, 0, w.start, end, nameS, nameE)
	}
	return CodeMatch{}, false
}

func (f *finder) match(code string, m Market, v Venue, start, end int) (CodeMatch, bool) {
	c, _, ok := normCode(code, m)
	if !ok {
		return CodeMatch{}, false
	}
	cm := CodeMatch{Symbol: Symbol{code: c, market: m}, Venue: v, Start: start, End: end, NameStart: -1, NameEnd: -1}
	// A code in the bracket that follows a name: 阿里巴巴（BABA.N，09988.HK）.
	if nameS, nameE, ok := f.bracketBefore(start); ok {
		if f.groupName(m) {
			cm.Name, cm.NameStart, cm.NameEnd = f.text[nameS:nameE], nameS, nameE
		}
		f.lastEnd = end
	}
	return cm, true
}

func (f *finder) named(code string, m Market, v Venue, start, end, nameS, nameE int) (CodeMatch, bool) {
	c, _, ok := normCode(code, m)
	if !ok {
		return CodeMatch{}, false
	}
	cm := CodeMatch{Symbol: Symbol{code: c, market: m}, Venue: v, Start: start, End: end, NameStart: -1, NameEnd: -1}
	if nameE > nameS && f.groupName(m) {
		cm.Name, cm.NameStart, cm.NameEnd = f.text[nameS:nameE], nameS, nameE
	}
	f.lastEnd = end
	return cm, true
}

const (
	labelCode   = 1 // 股票代码, 证券代码, 代码 after punctuation
	labelHKCode = 2 // 港股代码, H股代码
	labelHK     = 3 // 港股, 港交所: five digits only
)

// codeLabelChars are the characters before 代码 that make it a label for
// a security code: 股票代码, 证券代码, A股代码, 基金代码, 公司代码, 交易代码,
// 股份代码, 上市代码. Other words ending in 代码 (行政区划代码) are not.
const codeLabelChars = "票券股金司易份市"

// labelBefore reports a code label ending just before i, allowing a colon,
// spaces, quotes and 为/是 in between.
func (f *finder) labelBefore(i int) int {
	t := f.text
	j := i
	for k := 0; k < 4 && j > 0; k++ {
		r, size := foldBefore(t, j)
		if r == ' ' || r == ':' || r == '为' || r == '是' || r == '“' || r == '"' || r == '「' {
			j -= size
			continue
		}
		break
	}
	t = t[:j]
	switch {
	case strings.HasSuffix(t, "港股代码"), strings.HasSuffix(t, "H股代码"):
		return labelHKCode
	case strings.HasSuffix(t, "港股"), strings.HasSuffix(t, "港交所"):
		return labelHK
	case strings.HasSuffix(t, "代码"):
		r, _ := foldBefore(t, len(t)-len("代码"))
		if r < 0 || !unicode.Is(unicode.Han, r) || strings.ContainsRune(codeLabelChars, r) {
			return labelCode
		}
	}
	return 0
}

// abbrevAfter returns the span of the short name that an announcement
// header writes after a labelled code: "证券代码：600519 证券简称：贵州茅台".
// It looks for 简称 within a few runes of i.
func (f *finder) abbrevAfter(i int) (int, int) {
	t := f.text
	j := i
	for k := 0; k < 8 && j < len(t); k++ { // 600519 证券简称 / 600519，股票简称
		if strings.HasPrefix(t[j:], "简称") {
			j += len("简称")
			for j < len(t) {
				r, size := foldAt(t, j)
				if r != ' ' && r != ':' {
					break
				}
				j += size
			}
			start, runes := j, 0
			for j < len(t) && runes < 12 {
				r, size := foldAt(t, j)
				if !isNameRune(r) {
					break
				}
				j += size
				runes++
			}
			if runes < 2 {
				return 0, 0
			}
			return start, j
		}
		r, size := foldAt(t, j)
		if r != ' ' && r != ',' && r != '，' && r != '、' && r != ';' && r != '；' && r != '证' && r != '券' &&
			r != '股' && r != '票' && r != 'A' {
			return 0, 0
		}
		j += size
	}
	return 0, 0
}

// unitAfter reports a unit or date word right after a number: 年 月 日 元
// 股 万 亿 % 点 个 只 家 倍 手 号 期.
func (f *finder) unitAfter(i int) bool {
	r, _ := f.peek(i)
	switch r {
	case '年', '月', '日', '元', '股', '万', '亿', '%', '点', '个', '只', '家', '倍', '手', '号', '期':
		return true
	}
	return false
}

// isOpen reports an opening bracket, folded: ( （ [ 【 〔.
func isOpen(r rune) bool { return r == '(' || r == '[' || r == '【' || r == '〔' }

// isClose reports a closing bracket, folded.
func isClose(r rune) bool {
	return r == ')' || r == ']' || r == '】' || r == '〕'
}

// isListSep reports the separators of several codes in one bracket.
func isListSep(r rune) bool {
	return r == ',' || r == '，' || r == '、' || r == '/' || r == ';' || r == '；' || r == '|'
}

// inBracketList reports that i follows a separator right after the last
// bracketed match.
func (f *finder) inBracketList(i int) bool {
	j := i
	for j > 0 {
		r, size := foldBefore(f.text, j)
		if isSpace(r) {
			j -= size
			continue
		}
		if isListSep(r) {
			j -= size
			break
		}
		return false
	}
	for j > 0 {
		r, size := foldBefore(f.text, j)
		if !isSpace(r) {
			break
		}
		j -= size
	}
	return f.lastEnd > 0 && j == f.lastEnd
}

// bracketBefore reports whether the code at i opens a bracket that follows
// a name, or follows a separator after an earlier bracketed match, and
// returns the name's span (empty for the list case).
func (f *finder) bracketBefore(i int) (int, int, bool) {
	t := f.text
	j := i
	for k := 0; k < 24 && j > 0; k++ {
		r, size := foldBefore(t, j)
		if !isSpace(r) {
			break
		}
		j -= size
	}
	r, size := foldBefore(t, j)
	f.inList = false
	if isOpen(r) {
		s, e := f.nameBefore(j - size)
		if e > s {
			f.group = 0
			return s, e, true
		}
		return 0, 0, false
	}
	if isListSep(r) && f.inBracketList(i) {
		f.inList = true
		return f.lastNameS, f.lastNameE, true
	}
	return 0, 0, false
}

// groupName reports whether a code of market m found in a bracket keeps
// the bracket's name. The first code of each market (counting SH, SZ and
// BJ as one) does: 阿里巴巴
// （BABA.N，09988.HK） names both listings of one company. A second code of
// the same market is another security (白酒双雄（600519、000858）), so the
// name is not its own.
func (f *finder) groupName(m Market) bool {
	fam := m
	if m == SZ || m == BJ {
		fam = SH // one family for the A-share exchanges
	}
	bit := uint16(1) << fam
	keep := !f.inList || f.group&bit == 0
	f.group |= bit
	return keep
}

// nameBefore returns the span of the name run ending at i.
func (f *finder) nameBefore(i int) (int, int) {
	t := f.text
	j := i
	if r, size := foldBefore(t, j); r == '$' {
		j -= size // $贵州茅台$(…) is not written, but tolerate 茅台$(…)
	}
	for k := 0; k < 3 && j > 0; k++ { // 招商银行 (600036)
		r, size := foldBefore(t, j)
		if r != ' ' {
			break
		}
		j -= size
	}
	end := j
	runes := 0
	for j > 0 && runes < 12 {
		r, size := foldBefore(t, j)
		if !isNameRune(r) {
			// 哔哩哔哩 -SW: a space before a Hong Kong name suffix.
			if r == ' ' && j < end && t[j] == '-' {
				if r2, _ := foldBefore(t, j-size); isNameRune(r2) && r2 >= utf8.RuneSelf {
					j -= size
					continue
				}
			}
			break
		}
		j -= size
		runes++
	}
	// Trim leading separators of the run.
	for j < end {
		r, size := foldAt(t, j)
		if r == '-' || r == '*' && j+size < end && !strings.HasPrefix(t[j+size:], "ST") {
			j += size
			continue
		}
		break
	}
	if runes < 2 && !(runes == 1 && end-j >= 3) {
		// One CJK character may be a name suffix after a word break; one
		// ASCII letter is not a name.
		return i, i
	}
	j = trimLeadWords(t, j, end)
	f.lastNameS, f.lastNameE = j, end
	return j, end
}

// leadWords are words that news writes right before a company name and
// that the name run would otherwise take in: 维持港交所(0388.HK).
var leadWords = [...]string{
	"记者从", "子公司", "维持", "首予", "下调", "上调", "给予", "随后", "其中", "预计", "旗下", "包括",
	"例如", "比如", "同时", "此前", "目前", "今日", "昨日", "龙头", "获得", "将", "自", "从", "对", "据",
	"列", "予", "称", "即", "如", "由", "被", "向", "跟", "让",
}

// trimLeadWords drops leadWords from the start of the name run
// text[j:end] while at least two runes would remain.
func trimLeadWords(text string, j, end int) int {
	for changed := true; changed; {
		changed = false
		for _, w := range leadWords {
			if strings.HasPrefix(text[j:end], w) && utf8.RuneCountInString(text[j+len(w):end]) >= 2 {
				j += len(w)
				changed = true
			}
		}
	}
	return j
}

// isSpace reports the white space that may stand between a name, its
// bracket and the code (text extracted from HTML keeps line breaks).
func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }

func isNameRune(r rune) bool {
	switch {
	case r < 0:
		return false
	case r < utf8.RuneSelf:
		return isDigit(byte(r)) || isLetter(byte(r)) || r == '*' || r == '-'
	case r == '·':
		return true
	case r == '的' || r == '与' || r == '及':
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// bracketAfter reports whether the code ending at i is followed by a
// closing bracket, possibly after a market word (，SH) or by a separator
// (a list continues). It returns the position of the bracket or separator
// (-1 if neither), the end of the match and a market given in the bracket.
func (f *finder) bracketAfter(i int) (int, int, Market) {
	t := f.text
	j := i
	for k := 0; k < 24; k++ {
		r, size := f.peek(j)
		if !isSpace(r) {
			break
		}
		j += size
	}
	r, size := f.peek(j)
	if isClose(r) {
		return j, i, Unknown
	}
	if isListSep(r) || r == '.' {
		// (600010，SH) or (600010.SH) handled by suffixAfter; check ，SH).
		k := j + size
		for {
			if r2, s2 := f.peek(k); r2 == ' ' {
				k += s2
				continue
			}
			break
		}
		w := readWord(t, k)
		if w.n == 2 && w.letters == 2 {
			if m := prefixMarket(w.str(t)); m == SH || m == SZ || m == BJ || m == HK {
				if rc, _ := f.peek(w.end); isClose(rc) {
					return w.end, w.end, m
				}
			}
		}
		if isListSep(r) {
			return j, i, Unknown
		}
	}
	return -1, i, Unknown
}

// exchange words written before a US ticker or a code.
var exchangeWords = [...]struct {
	w string
	m Market
	v Venue
}{
	{"纳斯达克", US, NASDAQ}, {"纳斯达克交易所", US, NASDAQ}, {"纽交所", US, NYSE}, {"纽约证券交易所", US, NYSE},
	{"纽约证交所", US, NYSE}, {"美交所", US, AMEX}, {"美股代码", US, 0}, {"美股", US, 0},
}

func (f *finder) letterWord(w *word, prev rune) (CodeMatch, bool) {
	s := w.str(f.text)
	n := w.n
	L := w.letters
	// Market prefix glued to digits: SH600519, hk00700, BJ430047.
	if L == 2 && w.digits == 0 && n > 2 {
		m := prefixMarket(s[:2])
		rest := s[2:]
		if allDigits(rest) {
			switch {
			case (m == SH || m == SZ || m == BJ) && len(rest) == 6:
				return f.match(rest, m, 0, w.start, w.end)
			case m == HK && len(rest) >= 4 && len(rest) <= 5:
				return f.match(rest, HK, 0, w.start, w.end)
			}
			return CodeMatch{}, false
		}
	}
	if n > 2 && n <= 7 && s[0] == 'u' && s[1] == 's' && isUpperRun(s[2:]) { // Tencent: usAAPL
		return f.match(s[2:], US, 0, w.start, w.end)
	}
	if L != n { // letters then digits, e.g. A50, H7N9
		return CodeMatch{}, false
	}
	// Market prefix, separator, code: sh.600519, HK.00700, HK_00700, HK:0700, US.AAPL.
	if L == 2 {
		if m := prefixMarket(s); m != Unknown {
			r, size := f.peek(w.end)
			if r == '.' || r == '_' || r == ':' || r == ' ' {
				nw := readWord(f.text, w.end+size)
				ns := nw.str(f.text)
				switch {
				case nw.long || nw.n == 0:
				case (m == SH || m == SZ || m == BJ) && nw.digits == 6 && nw.n == 6:
					return f.match(ns, m, 0, w.start, nw.end)
				case m == HK && r != ' ' && nw.digits == nw.n && nw.n >= 4 && nw.n <= 5:
					return f.match(ns, HK, 0, w.start, nw.end)
				case m == US && r == '.' && s == "US" && isUpperRun(ns) && nw.n <= 5:
					return f.match(ns, US, 0, w.start, nw.end)
				}
			}
		}
	}
	// Exchange word, colon, ticker: NASDAQ: AAPL, NYSE:BABA, HKEX:700.
	if n >= 3 && n <= 6 && (isUpperRun(s) || s == "Nasdaq") {
		if m, v, ok := exchangeWord(s, TradingView); ok {
			if cm, ok := f.afterExchange(w.start, w.end, m, v); ok {
				return cm, true
			}
		}
	}
	// Ticker with suffix: INTC.O, BABA.N, TUYA.US.
	if isUpperRun(s) && n <= 5 {
		if suf, end, ok := f.suffixAfter(w.end); ok {
			m, v := codeSuffix(suf)
			if m == US && !(n == 1 && suf == "A") {
				return f.match(s, US, v, w.start, end)
			}
			if suf == "L" && n >= 2 { // Reuters RIC for London: WTB.L
				return f.match(s, LSE, 0, w.start, end)
			}
			return CodeMatch{}, false
		}
		// Cashtag: $AAPL (not $贵州茅台(…)$ which has a name).
		if prev == '$' {
			if r, _ := f.peek(w.end); r != '$' && !isAlnumRune(r) {
				return f.match(s, US, 0, w.start, w.end)
			}
		}
		// Exchange words in Chinese: 纳斯达克：PDD, 纽交所:BABA.
		if m, v, at, ok := f.cjkExchangeBefore(w.start); ok {
			return f.match(s, m, v, at, w.end)
		}
	}
	return CodeMatch{}, false
}

// afterExchange reads ": TICKER" or ":700" after an exchange word.
func (f *finder) afterExchange(start, i int, m Market, v Venue) (CodeMatch, bool) {
	j := i
	if r, size := f.peek(j); r == ' ' {
		j += size
	}
	r, size := f.peek(j)
	if r != ':' {
		return CodeMatch{}, false
	}
	j += size
	for k := 0; k < 2; k++ {
		if r, size := f.peek(j); r == ' ' {
			j += size
		}
	}
	nw := readWord(f.text, j)
	if nw.n == 0 || nw.long {
		return CodeMatch{}, false
	}
	code := nw.str(f.text)
	end := nw.end
	if m == US {
		if !isUpperRun(code) || nw.n > 5 {
			return CodeMatch{}, false
		}
		// Class shares: BRK.B
		if r, size := f.peek(end); r == '.' {
			if cw := readWord(f.text, end+size); cw.n == 1 && isUpperRun(cw.str(f.text)) {
				code += "-" + cw.str(f.text)
				end = cw.end
			}
		}
	} else if nw.digits != nw.n {
		return CodeMatch{}, false
	}
	return f.match(code, m, v, start, end)
}

// cjkExchangeBefore reports a Chinese exchange word and a colon just before i.
// It returns where the word starts.
func (f *finder) cjkExchangeBefore(i int) (Market, Venue, int, bool) {
	j := i
	colon := false
	for k := 0; k < 3 && j > 0; k++ {
		r, size := foldBefore(f.text, j)
		if r == ' ' || r == ':' {
			colon = colon || r == ':'
			j -= size
			continue
		}
		break
	}
	t := f.text[:j]
	for _, e := range exchangeWords {
		if strings.HasSuffix(t, e.w) {
			if !colon && e.w != "美股代码" {
				return Unknown, 0, 0, false
			}
			return e.m, e.v, j - len(e.w), true
		}
	}
	return Unknown, 0, 0, false
}

func isUpperRun(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

package entities

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one segment of a clause. start and end are byte offsets into the
// text passed to Entities.
type token struct {
	text       string   // as written
	low        string   // text with ASCII lower-cased, as gse and the lexicon key it
	start, end int      // byte offsets
	kind       WordKind // from the lexicon, when lex is set
	lex        bool     // the word is in the lexicon
	big        bool     // the word is in gse's dictionary (full mode only)
	pos        string   // gse's part-of-speech tag, when big
	freq       float64  // gse's frequency, when big
	known      bool     // the segmenter found the word in its dictionary
	runes      int      // number of runes
	han        bool     // every rune is a Han character
	digit      bool     // holds an ASCII digit
}

// candidate is a proposed entity before overlaps are resolved.
type candidate struct {
	start, end int
	kind       EntityKind
}

// maxClause bounds the bytes handed to gse in one call, so that very long
// runs without punctuation are cut into pieces (on rune boundaries) and the
// cost stays linear in the text.
const maxClause = 768

// clauses calls f with the start and end of every clause in text: a maximal
// run of Han characters and ASCII letters and digits. Everything else
// (punctuation, spaces, full-width forms, other scripts) separates clauses,
// which keeps gse from gluing punctuation to words and makes gse's ASCII
// lower-casing length-preserving.
func clauses(text string, f func(start, end int)) {
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				f(start, i)
				start = -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isHan(r) {
			if start < 0 {
				start = i
			}
			if i+size-start > maxClause {
				f(start, i)
				start = i
			}
		} else if start >= 0 {
			f(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		f(start, len(text))
	}
}

// clauseWord reports whether s lies within one clause: only Han characters
// and ASCII letters and digits.
func clauseWord(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if !isASCIIAlnum(byte(r)) {
				return false
			}
		} else if !isHan(r) {
			return false
		}
	}
	return s != ""
}

// isHan reports a Han character, checking the common CJK block before the
// full Unicode table.
func isHan(r rune) bool {
	if 0x4E00 <= r && r <= 0x9FFF {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// describe fills the rune count and character-class fields of a token.
func (t *token) describe() {
	t.han = true
	for _, r := range t.text {
		t.runes++
		if r < utf8.RuneSelf {
			t.han = false
			if '0' <= r && r <= '9' {
				t.digit = true
			}
		} else if !isHan(r) {
			t.han = false
		}
	}
}

// recognise runs the recognisers over the tokens of one text and returns
// the candidate entities. Persons found after a title or before a cue go
// into x.sc.known.
func (x *extraction) recognise(text string, toks []token) []candidate {
	full, lx := x.seg.full, x.lex
	cands := x.sc.cands[:0]
	if len(lx.names) > 0 {
		// Names start where the matcher found one, unless it is off.
		var starts []int
		if !x.every && !x.eng.every {
			if x.sc.names == nil {
				x.sc.names = make([]int, 0, 16)
			}
			starts = x.sc.names[:0]
			for _, h := range x.sc.hits {
				if x.eng.name[h.Pattern] {
					starts = append(starts, h.Start)
				}
			}
			slices.Sort(starts)
			x.sc.names = starts
		}
		if starts == nil || len(starts) > 0 {
			cands = matchNames(x.sc.low, toks, starts, full, lx, cands)
		}
	}
	known := func(name string) {
		if x.sc.known == nil {
			x.sc.known = map[string]bool{}
		}
		x.sc.known[name] = true
	}
	for i := range toks {
		t := &toks[i]
		if t.lex {
			if k, ok := t.kind.entityKind(); ok {
				cands = append(cands, candidate{t.start, t.end, k})
				if k == Person {
					known(t.text)
				}
				continue
			}
		} else if full && t.pos == "nt" && t.han && t.runes >= 3 && isOrgWord(t.text) {
			// gse's own dictionary knows this organisation (人民检察院); a
			// place before it belongs to the name (深圳市人民检察院).
			s := t.start
			for k := i; k > 0 && toks[k-1].end == toks[k].start && isPlace(toks[k-1]); k-- {
				s = toks[k-1].start
			}
			// A one-character ending (部, 局, 厅) is weak evidence alone:
			// 贵宾厅, 安全局. Ask for four characters or a place.
			if s < t.start || t.runes >= 4 || lastSuffix(t.text) != "" {
				cands = append(cands, candidate{s, t.end, Organization})
			}
		}
		switch {
		case t.lex && t.kind == WordTitle:
			if s, en, ok := nameAfter(toks, i+1, full); ok {
				cands = append(cands, candidate{s, en, Person})
				known(text[s:en])
			}
		case t.lex && t.kind == WordCue && full:
			if s, en, ok := nameBefore(toks, i); ok {
				cands = append(cands, candidate{s, en, Person})
				known(text[s:en])
			}
		case t.lex && t.kind == WordOrgSuffix:
			if s, en, ok := orgEndingAt(toks, i, full); ok {
				cands = append(cands, candidate{s, en, Organization})
			}
		}
	}
	return cands
}

// matchKnown adds a candidate of kind k wherever a run of up to maxToks
// contiguous tokens spells one of the known strings.
func matchKnown(text string, toks []token, known map[string]bool, k EntityKind, maxToks int, cands []candidate) []candidate {
	for i := range toks {
		for j := i; j < len(toks) && j < i+maxToks; j++ {
			if j > i && toks[j].start != toks[j-1].end {
				break
			}
			s, e := toks[i].start, toks[j].end
			if e-s > 48 {
				break
			}
			if known[text[s:e]] {
				cands = append(cands, candidate{s, e, k})
				break
			}
		}
	}
	return cands
}

// aliasDefinitions returns the short forms that organisations found so far
// define right after their name: （下称“X”）, （以下简称“X”）, (简称"X").
// An organisation defines its short form in brackets (深圳市星河数据科技
// 有限公司（下称“星河数据”）): the short form is the organisation wherever
// it stands. The set is *reuse, made if nil; the result is nil when empty.
func aliasDefinitions(text string, cands []candidate, lx *lexicon, reuse *map[string]bool) map[string]bool {
	var aliases map[string]bool
	for _, c := range cands {
		if c.kind != Organization {
			continue
		}
		x, ok := definedAlias(text[c.end:])
		if !ok {
			continue
		}
		if k, listed := lx.kinds[lowerASCII(x)]; listed && (k == WordStop || k == WordPlain || k == WordOrgSuffix) {
			continue // 公司, 本公司: a generic reference, not a name
		}
		if aliases == nil {
			if *reuse == nil {
				*reuse = map[string]bool{}
			}
			aliases = *reuse
		}
		aliases[x] = true
	}
	return aliases
}

// definedAlias reads "（下称“X”）" and its variants at the start of s.
func definedAlias(s string) (string, bool) {
	s, ok := cutAnyPrefix(s, "（", "(")
	if !ok {
		return "", false
	}
	s = strings.TrimLeft(s, " ")
	if s, ok = cutAnyPrefix(s, "以下简称", "以下称", "下称", "简称", "以下统称"); !ok {
		return "", false
	}
	s, _ = cutAnyPrefix(s, "：", ":", "为")
	if s, ok = cutAnyPrefix(s, "“", "\"", "「", "『"); !ok {
		return "", false
	}
	end := strings.IndexAny(s, "”\"」』")
	if end < 0 {
		return "", false
	}
	x := s[:end]
	if n := utf8.RuneCountInString(x); n < 2 || n > 12 || !clauseWord(x) {
		return "", false
	}
	return x, true
}

func cutAnyPrefix(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}

// matchNames finds security names over runs of contiguous tokens, the
// longest at each token first. With gse's dictionary, a name that is one
// token which the dictionary knows as a common word (机器人, 太阳能) is
// taken for the word. low is the text with ASCII lower-cased. If starts is
// not nil, it lists in order every offset where a name starts, and only
// tokens starting there are looked at.
func matchNames(low string, toks []token, starts []int, full bool, lx *lexicon, cands []candidate) []candidate {
	for i := range toks {
		if starts != nil {
			for len(starts) > 0 && starts[0] < toks[i].start {
				starts = starts[1:]
			}
			if len(starts) == 0 {
				break
			}
			if starts[0] != toks[i].start {
				continue
			}
		}
		best, bestJ := -1, -1
		for j := i; j < len(toks); j++ {
			if j > i && toks[j].start != toks[j-1].end {
				break
			}
			s, e := toks[i].start, toks[j].end
			if e-s > lx.maxName {
				break
			}
			if lx.names[low[s:e]] {
				best, bestJ = e, j
			}
		}
		if best < 0 {
			continue
		}
		if t := toks[i]; bestJ == i && full && t.big && !isProperTag(t.pos) && t.freq >= rareWordFreq {
			continue
		}
		cands = append(cands, candidate{toks[i].start, best, Organization})
	}
	return cands
}

// isProperTag reports gse tags of proper nouns other than places (a
// security named 太平洋 in a sentence about the ocean is the ocean).
func isProperTag(pos string) bool {
	switch pos {
	case "nt", "nz", "nr", "nrt", "nrfg", "j", "eng":
		return true
	}
	return false
}

// resolve drops overlapping candidates, the longest first (the earlier on a
// tie), and returns the rest as entities in text order. *kept is scratch.
func resolve(text string, cands []candidate, kept *[]candidate) []Entity {
	if len(cands) == 0 {
		return nil
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if c := cmp.Compare(b.end-b.start, a.end-a.start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(a.kind, b.kind)
	})
	k := (*kept)[:0]
	for _, c := range cands {
		// kept is sorted by start; find the first kept span ending after c.start.
		j, _ := slices.BinarySearchFunc(k, c.start, func(k candidate, s int) int {
			return cmp.Compare(k.end, s+1)
		})
		if j < len(k) && k[j].start < c.end {
			continue
		}
		k = slices.Insert(k, j, c)
	}
	*kept = k
	out := make([]Entity, len(k))
	for i, c := range k {
		out[i] = Entity{Text: text[c.start:c.end], Kind: c.kind, Start: c.start, End: c.end}
	}
	return out
}

// nameAfter reads a person name starting at toks[i], right after a title
// (董事长雷军, 负责人张颖). The name is one token, or a surname token joined
// with the token after it when the segmenter split them (张|颖).
func nameAfter(toks []token, i int, full bool) (start, end int, ok bool) {
	if i >= len(toks) || toks[i].start != toks[i-1].end {
		return 0, 0, false
	}
	t := toks[i]
	if t.lex {
		return 0, 0, false // a listed person is found anyway; other kinds are not names
	}
	if personLike(t, full) {
		return t.start, extendName(toks, i, t.text), true
	}
	// The segmenter split the name: a surname (张, 欧阳) and a given name
	// that is unknown or a word of its own (王|启航). After a title that is
	// still a name.
	if n := surnameLen(t.text); t.han && n == t.runes && i+1 < len(toks) {
		u := toks[i+1]
		if u.start == t.end && !u.lex && u.han && u.runes <= 2 && !numeralTail(u.text) &&
			!hasFunctionRune(u.text) && !isNonNameRune(firstRune(u.text)) && !honorific(u.text) {
			return t.start, extendName(toks, i+1, t.text+u.text), true
		}
	}
	return 0, 0, false
}

// extendName returns the end of a name whose last token is toks[i] and
// whose given name has one character, extended by one more character when
// the segmenter left the given name's second half apart (张大|伟|认为,
// 欧阳明|辉|表示): a lone Han character that is neither a function word nor
// a word of its own.
func extendName(toks []token, i int, name string) int {
	end := toks[i].end
	if i+1 >= len(toks) || utf8.RuneCountInString(name)-surnameLen(name) != 1 {
		return end
	}
	u := toks[i+1]
	if u.start != end || u.runes != 1 || !u.han || u.lex {
		return end
	}
	r := firstRune(u.text)
	if isFunctionRune(r) || isNonNameRune(r) {
		return end
	}
	return u.end
}

// honorific reports forms of address that follow a surname but are not
// given names (王先生, 李总).
func honorific(s string) bool {
	switch s {
	case "先生", "女士", "小姐", "总", "董", "老师", "教授", "博士", "某", "某某", "姓":
		return true
	}
	return false
}

// nameBefore reads a person name ending right before the cue verb toks[i]
// (赵思远表示). The caller uses it only with gse's full dictionary, which
// tells names from common words (市场|认为).
func nameBefore(toks []token, i int) (start, end int, ok bool) {
	if i == 0 {
		return 0, 0, false
	}
	t := toks[i-1]
	if t.end != toks[i].start || t.lex || !personLike(t, true) {
		return 0, 0, false
	}
	if !t.big && t.runes == 3 {
		// An HMM-joined three-character run is often a name glued to a
		// verb or particle; accept it only at a clause start.
		if i-2 >= 0 && toks[i-2].end == t.start {
			return 0, 0, false
		}
	}
	return t.start, t.end, true
}

// personLike reports whether a token can be a Chinese personal name: two or
// three Han characters (four with a double surname), starting with a
// surname, not a number, and, when gse's dictionary is loaded, either unknown
// to it or tagged as a name there.
func personLike(t token, full bool) bool {
	if !t.han || t.runes < 2 || t.runes > 4 || t.lex {
		return false
	}
	n := surnameLen(t.text)
	if n == 0 || (t.runes == 4 && n < 2) || t.runes-n < 1 || t.runes-n > 2 {
		return false
	}
	if numeralTail(t.text) || hasNonNameRune(t.text) {
		return false
	}
	if full && t.big && !isNameTag(t.pos) {
		return false
	}
	return true
}

func isNameTag(pos string) bool {
	return pos == "nr" || pos == "nrfg" || pos == "nrt"
}

// numeralTail reports whether every rune after the first is a Chinese
// numeral or magnitude (万亿, 一百): such tokens are amounts, not names.
func numeralTail(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	rest := s[size:]
	if rest == "" {
		return isNumeralRune(firstRune(s))
	}
	for _, r := range rest {
		if !isNumeralRune(r) {
			return false
		}
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isNumeralRune(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
		'百', '千', '万', '亿', '两', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '拾',
		'佰', '仟', '点', '几', '余', '多', '半', '成':
		return true
	}
	return false
}

// hasNonNameRune reports runes that do not occur after a surname in names
// but do in common word sequences (张总在, 王者的).
func hasNonNameRune(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	for _, r := range s[size:] {
		if isFunctionRune(r) || isNonNameRune(r) {
			return true
		}
	}
	return false
}

func isNonNameRune(r rune) bool {
	switch r {
	case '年', '月', '日', '元', '股', '次', '只', '总', '说', '称', '表', '示', '认', '透',
		'露', '介', '绍', '指', '个', '今', '昨', '近', '均', '却', '亦', '提', '回', '告':
		return true
	}
	return false
}

// orgEndingAt builds an organisation from the suffix token toks[i] (公司,
// 集团, 银行…) and the name tokens before it: 深圳市X科技有限公司. It
// extends over following suffix tokens (股份|有限公司) and rejects generic
// heads (科技公司), amounts (5家公司) and stop words.
//
// Strong suffixes (有限公司, 银行, 大学) accept common nouns inside the name
// (阿里巴巴网络技术有限公司) and a place alone (广州银行). Weak ones (控股,
// 科技, 投资, 汽车) need one or two name tokens right before them (哈勃科技),
// and bare 公司 or 集团 needs a name token right before it (茅台公司, but not
// 英国公司 or 关联公司).
func orgEndingAt(toks []token, i int, full bool) (start, end int, ok bool) {
	if i > 0 && toks[i-1].lex && toks[i-1].kind == WordOrgSuffix && toks[i-1].end == toks[i].start {
		return 0, 0, false // not the first suffix of a run
	}
	end = toks[i].end
	last := toks[i].low
	strong := strongSuffix(last)
	for k := i + 1; k < len(toks) && toks[k].start == end && toks[k].lex && toks[k].kind == WordOrgSuffix; k++ {
		end = toks[k].end
		last = toks[k].low
		strong = strong || strongSuffix(last)
	}
	bare := last == "公司" || last == "集团"
	j := i
	runes, n := 0, 0
	proper, properNonPlace := false, false
	for j > 0 {
		p := toks[j-1]
		if p.end != toks[j].start || p.digit || p.runes == 0 {
			break
		}
		cls := prefixClass(p, full)
		if cls == notPrefix {
			// The HMM glued a preposition to the name (据|辉腾 → 据辉腾):
			// keep the name, drop the preposition.
			if n == 0 && full && !p.big && !p.lex && p.han && p.runes >= 3 && isFunctionRune(firstRune(p.text)) {
				_, size := utf8.DecodeRuneInString(p.text)
				if rest := p.text[size:]; !hasFunctionRune(rest) && !numeralTail(rest) {
					return p.start + size, end, true
				}
			}
			break
		}
		if runes+p.runes > 12 {
			break
		}
		if !strong && (cls == genericPrefix || n == 2 || runes+p.runes > 6 || !p.han && !p.lex) {
			break // weak suffixes: one or two Han name tokens (not CDR投资)
		}
		if n == 0 && (bare || !strong) && cls != properPrefix {
			break
		}
		if cls == placePrefix {
			proper = true
		}
		if cls == properPrefix {
			proper, properNonPlace = true, true
		}
		runes += p.runes
		n++
		j--
	}
	if n == 0 || runes < 2 {
		return 0, 0, false
	}
	// A place alone makes an organisation only with a strong suffix
	// (广州银行): 中国汽车 is a market, not a company.
	if !properNonPlace && !(proper && strong) {
		return 0, 0, false
	}
	// No organisation right after an amount: 2万家公司.
	if j > 0 && toks[j-1].end == toks[j].start && (toks[j-1].digit || toks[j-1].han && numeralTail(toks[j-1].text)) {
		return 0, 0, false
	}
	if numeralTail(toks[j].text) {
		return 0, 0, false
	}
	return toks[j].start, end, true
}

// rareWordFreq separates rare dictionary words, which before a suffix are
// usually names (辉立证券), from common ones that jieba's dictionary tags as
// names but that are used as nouns (明星投资, 家族基金).
const rareWordFreq = 200

// isPlace reports a place token: a listed place or one gse tags ns.
func isPlace(t token) bool {
	return t.lex && t.kind == WordPlace || !t.lex && t.big && t.pos == "ns"
}

type prefixKind uint8

const (
	notPrefix     prefixKind = iota
	genericPrefix            // a common noun: 网络, 技术 (allowed, but not enough alone)
	placePrefix              // 深圳, 中国
	properPrefix             // a name: 腾讯, an unknown word, an abbreviation
)

// prefixClass says whether a token may be part of an organisation name
// before a suffix.
func prefixClass(t token, full bool) prefixKind {
	if t.lex {
		switch t.kind {
		case WordOrganization, WordProduct, WordPerson:
			return properPrefix
		case WordPlace:
			return placePrefix
		case WordPlain:
			return genericPrefix // 数据 in X数据科技有限公司
		case WordOrgSuffix:
			if !strongSuffix(t.low) && t.low != "公司" {
				return genericPrefix // 证券 in 中信证券投资
			}
		}
		return notPrefix
	}
	if !t.han {
		// Latin names (OPPO, TCL); digits were rejected by the caller.
		if t.runes >= 2 {
			return properPrefix
		}
		return notPrefix
	}
	if t.runes < 2 || hasFunctionRune(t.text) || numeralTail(t.text) || isNumeralRune(firstRune(t.text)) && !t.big {
		return notPrefix // 两大投资: an unknown run starting with a numeral
	}
	if !full {
		// Without gse's dictionary every word but the listed ones is
		// unknown, and unknown runs are as often phrases as names.
		return notPrefix
	}
	if !t.big {
		// Unknown to every dictionary: a run the HMM joined, usually a name.
		return properPrefix
	}
	switch t.pos {
	case "ns":
		return placePrefix
	case "nt", "nz", "nr", "nrt", "nrfg", "j", "eng":
		if t.freq < rareWordFreq {
			return properPrefix
		}
		return genericPrefix // 明星, 家族: tagged as names, used as nouns
	case "n", "vn", "nl", "ng":
		return genericPrefix
	}
	return notPrefix
}

// hasFunctionRune reports a function word or verb-like character anywhere
// in s (被瑞幸, 而智梦, 遭大): the HMM glues them to the name that follows.
func hasFunctionRune(s string) bool {
	for _, r := range s {
		if isFunctionRune(r) {
			return true
		}
	}
	return false
}

func isFunctionRune(r rune) bool {
	switch r {
	case '的', '了', '是', '在', '和', '与', '及', '或', '等', '也', '都', '就', '将', '被',
		'把', '对', '从', '向', '以', '于', '而', '则', '但', '并', '还', '又', '已', '再',
		'不', '没', '很', '更', '最', '这', '那', '其', '该', '此', '每', '各', '们', '遭',
		'仍', '无', '且', '由', '至', '自', '因', '若', '如', '即', '让', '给', '您', '我',
		'你', '他', '她', '它', '吗', '呢', '吧', '啊', '着', '过', '得', '地', '之', '所',
		'据', '令', '按', '凭', '跟', '替', '叫', '使':
		return true
	}
	return false
}

// orgLikeEnding reports whether a word tagged nt in gse's dictionary ends
// like an organisation (人民检察院, 国防部); the tag alone is too noisy
// (新兴产业, 最新进展 carry it too).
func orgLikeEnding(s string) bool {
	if strongSuffix(lastSuffix(s)) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '部', '局', '厅', '委', '署', '院', '行', '会', '社', '府', '办':
		return true
	}
	return false
}

// placeCompany reports a place followed by bare 公司 (英国公司), which
// gse's dictionary tags nt but which names no one company.
func placeCompany(s string) bool {
	head, ok := strings.CutSuffix(s, "公司")
	if !ok {
		return false
	}
	switch head {
	case "英国", "美国", "中国", "日本", "韩国", "德国", "法国", "外国", "国外", "本地", "当地", "地方", "国内", "海外":
		return true
	}
	return false
}

// lastSuffix returns the longest strong suffix s ends with, or "".
func lastSuffix(s string) string {
	for _, suf := range [...]string{"有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "银行", "研究院",
		"研究所", "交易所", "委员会", "协会", "联合会", "商会", "大学", "学院", "医院", "法院", "检察院",
		"事务所", "研究中心"} {
		if len(s) > len(suf) && s[len(s)-len(suf):] == suf {
			return suf
		}
	}
	return ""
}

// strongSuffix reports suffixes that make an organisation after a place
// alone (广州银行, 上海大学).
func strongSuffix(s string) bool {
	switch s {
	case "公司", "有限公司", "有限责任公司", "股份有限公司", "集团", "银行", "研究院", "研究所",
		"交易所", "委员会", "协会", "联合会", "商会", "大学", "学院", "医院", "法院", "检察院",
		"事务所", "律师事务所", "会计师事务所", "研究中心":
		return true
	}
	return false
}

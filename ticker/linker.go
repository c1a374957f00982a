package ticker

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// LinkerOptions configures a Linker. The zero value gives the defaults.
type LinkerOptions struct {
	// StopNames are words that never link a security by themselves:
	// ambiguous short names and aliases (平安, 中信, 东方), security names
	// that are also common nouns (太阳能, 农产品, 机器人) and products or
	// subsidiaries that must not link their parent (微信, 天猫, 淘宝, 阿里云).
	// A stop name still takes part in leftmost-longest matching, so 阿里云
	// keeps the alias 阿里 inside it from firing. A stop name does link when
	// the article itself writes it beside a code (新希望(000876)), and a
	// default one that is a real security name and an ordinary word
	// (新大陆, 农产品) links as an item of an enumeration beside another
	// mention (广电运通、新大陆、新国都).
	// Nil means [DefaultStopNames]; an empty non-nil slice means none.
	StopNames []string
	// MoreStopNames are added to StopNames (or to the defaults when
	// StopNames is nil).
	MoreStopNames []string
	// Learned maps names to the security they stand for, for names the
	// master lacks or to override its choice, typically the result of a
	// [Learner] run over a corpus. Nil means none. Pairs the article itself
	// writes (贵州茅台(600519)) take precedence.
	Learned map[string]Symbol
	// Vocabulary adds entries to the built-in vocabulary
	// ([DefaultVocabulary], ticker/data/linker.vocab): the words of its
	// stop sections become stop names (those of [stop-word] also link as
	// list items), and its [short] entries add or replace the context rules
	// of two-character names. Read one with [ParseVocabulary]. Nil adds
	// nothing.
	Vocabulary *Vocabulary
	// NoArticleLearning turns off learning from the article: by default a
	// name written beside a code (新材料公司(688123)) links that code
	// wherever else the article writes it, even when the master does not
	// know the name.
	NoArticleLearning bool
}

// DefaultStopNames returns the built-in stop list of [LinkerOptions.StopNames].
func DefaultStopNames() []string { return slices.Clone(defaultStopNames) }

// defaultStopNames are the stop sections of the built-in vocabulary.
var defaultStopNames = builtinVocab.Words("stop", "stop-word", "stop-product", "stop-subsidiary", "stop-index")

// wordStopNames are the default stop names that are real security names
// but also ordinary words or places (农产品, 新大陆, 王府井), the [stop-word]
// section. Unlike the ambiguous fragments and the products of the default
// list, they do link as an item of an enumeration beside another security
// (广电运通、新大陆、新国都): a list of securities settles the sense.
var wordStopNames = builtinVocab.Words("stop-word")

// Linker links articles to securities: it finds them in quote embeds and
// stock links ([AnchorSymbol]), in codes written in the text ([FindCodes])
// and by name, then ranks them by relevance.
//
// # Names
//
// Names are found with an Aho–Corasick automaton over every short name,
// undecorated name, alias, former name and full name of the master
// (built once per Master, on first use), in one pass over the text, folding
// full-width letters and Latin case as it reads. Of overlapping matches the
// leftmost wins, and of those starting at the same place the longest:
// 中国平安 is one match, not 平安 inside it; 京东方 is not 京东. Matches then
// pass boundary rules:
//
//   - A name that starts or ends with a Latin letter or digit must not
//     touch another Latin letter or digit on that side (Meta is not in
//     Metaverse, 沪深300 is not in 沪深3000).
//   - A name of two Chinese characters is a word of its own only in some
//     contexts. The built-in ones (腾讯, 美的, 京东, 联想, …) fire anywhere
//     except after or before the characters that would make them part of
//     another word: 美的 not in 完美的 or 最美的, 京东 not in 南京东路, 联想 not
//     in 联想到. Any other two-character name (from a loaded master or
//     learned) fires only at the start of a word as far as a one-character
//     look-behind can tell: after the start of the text, a non-Han
//     character, the end of another mention, or a function character (的,
//     和, 与, 在, 对, 被, 购 of 收购, 下 of 旗下, …).
//   - Stop names ([LinkerOptions.StopNames]) do not link by themselves
//     (see the list rule below), but still win leftmost-longest matching.
//   - A match inside the name or code written beside a code in the text
//     adds nothing (贵州茅台(600519) is one mention, by code).
//   - A name that is the start of an institution's name (贵州茅台基金会,
//     贝壳研究院), of another company's registered name (a 深圳华强…有限责任公司
//     holder) or of a fund's name (…产业投资基金), a data or picture credit
//     (数据来源：同花顺, 资料来源 / 华泰证券), or a 中国+noun name used as a
//     phrase about the country (中国黄金市场, 中国软件产业) does not link.
//   - A name that starts with 国 does not take it from a country word
//     (我国新能源 is not 国新能源).
//   - A name before 概念 or 题材 names a market theme (苹果概念股), not the
//     company; a name before a model (小鹏P7, 比亚迪汉, 苹果iPhone) names a
//     product, which does not link its maker by itself; a platform's name
//     used for the platform (在微博回应, 快手用户) does not link its company.
//   - An exchange operator's name (港交所) names the venue, not the listed
//     company, unless a word about the company follows (港交所股价) or a
//     code is written beside it.
//   - Word-like security names of the stop list (新大陆, 农产品) link as
//     items of a list of securities (广电运通、新大陆、新国都).
//
// Undecorated names are indexed only from three characters on (*ST国华 is
// not found as 国华), so decorations never create new two-character words.
//
// The automaton is the package's own, over runes rather than bytes: it
// folds full-width forms and Latin case while reading, so that texts need
// no normalised copy and offsets stay those of the text; a byte-level
// library (github.com/coregx/ahocorasick was considered) would need both.
// It matches the corpus at a few times the cost of decoding its runes.
//
// # Learning
//
// A name written beside a code (新材料(688123)) is learned for the article:
// its other occurrences link that code, even when the master lacks the
// name, and override the master's choice for it. Across a corpus, pairs
// are learned only when asked: run a [Learner] over the articles and pass
// its result as [LinkerOptions.Learned]. Learning is deterministic.
//
// # Dual listings
//
// A company listed in several markets (比亚迪 002594.SZ and 比亚迪股份
// 01211.HK; 阿里巴巴 09988.HK and BABA.US) is linked by name alone to its
// A-share listing when it has one, else Hong Kong, else US (spec/tickers.md
// rule 3). A code written in the article links that listing, and the name
// beside it adds nothing more. When an article writes one listing's code
// (比亚迪股份(01211.HK)) and elsewhere names the company alone (比亚迪), the
// name is taken to mean the listing the article chose: it counts as a
// mention of 01211.HK and does not add 002594.SZ, unless the words after
// the name name the other class (比亚迪A股, 比亚迪H股). Listings are the same
// company when they share a short name, alias or full name in the master
// (see [Master.Listings]).
//
// # Indices
//
// The standard index names of spec/tickers.md (上证指数, 沪指, 深证成指,
// 创业板指, 沪深300, 科创50, 北证50, …) are rows of the default master and
// link like names. Hong Kong and overseas indices (恒生指数, 纳斯达克) are not
// linked.
//
// A Linker is immutable and safe for concurrent use by multiple goroutines.
type Linker struct {
	master  *Master
	stop    map[string]bool   // stop keys
	learned map[string]Symbol // keys of LinkerOptions.Learned
	extra   *acMatcher        // stop names and learned names the master lacks
	noLearn bool
	// wordStop and short are the [stop-word] keys and the two-character
	// rules, with the additions of LinkerOptions.Vocabulary.
	wordStop map[string]bool
	short    map[string]shortRisk
}

// NewLinker returns a Linker over m; a nil m means DefaultMaster(). A nil
// opts means the defaults.
func NewLinker(m *Master, opts *LinkerOptions) *Linker {
	if m == nil {
		m = DefaultMaster()
	} else if m.matcher == nil {
		m = NewMaster(nil) // the zero Master: no securities
	}
	var o LinkerOptions
	if opts != nil {
		o = *opts
	}
	stops := o.StopNames
	if stops == nil {
		stops = defaultStopNames
	}
	l := &Linker{master: m, stop: make(map[string]bool), noLearn: o.NoArticleLearning, wordStop: wordStopKeys(), short: shortNames}
	if v := o.Vocabulary; v != nil {
		stops = slices.Concat(stops, v.Words("stop", "stop-word", "stop-product", "stop-subsidiary", "stop-index"))
		l.wordStop = maps.Clone(l.wordStop)
		for _, w := range v.Words("stop-word") {
			l.wordStop[nameKey(w)] = true
		}
		l.short = maps.Clone(l.short)
		maps.Copy(l.short, v.shortRules())
	}
	var extra []string
	for _, s := range slices.Concat(stops, o.MoreStopNames) {
		k := nameKey(s)
		if utf8.RuneCountInString(k) < 2 || l.stop[k] {
			continue
		}
		l.stop[k] = true
		if !m.inMatcher(k) {
			extra = append(extra, k)
		}
	}
	if len(o.Learned) > 0 {
		l.learned = make(map[string]Symbol, len(o.Learned))
		for name, sym := range o.Learned {
			k := nameKey(name)
			if utf8.RuneCountInString(k) < 2 || !sym.IsValid() {
				continue
			}
			l.learned[k] = sym
			if !m.inMatcher(k) && !l.stop[k] {
				extra = append(extra, k)
			}
		}
	}
	slices.Sort(extra)
	extra = slices.Compact(extra)
	if len(extra) > 0 {
		l.extra = newACMatcher(extra)
		l.extra.pats = extra
	}
	return l
}

// defaultStopKeys is the key set of defaultStopNames.
var defaultStopKeys = sync.OnceValue(func() map[string]bool {
	out := make(map[string]bool, len(defaultStopNames))
	for _, s := range defaultStopNames {
		if k := nameKey(s); utf8.RuneCountInString(k) >= 2 {
			out[k] = true
		}
	}
	return out
})

// inMatcher reports whether the shared automaton of m reports key.
func (m *Master) inMatcher(key string) bool {
	return m.hasKey(key) || defaultStopKeys()[key]
}

// Master returns the master l links against.
func (l *Linker) Master() *Master { return l.master }

// newMasterMatcher builds the automaton over every key of m and the
// default stop names, so that a Linker with the default options needs no
// second pass over the text.
func newMasterMatcher(m *Master) *acMatcher {
	keys := make([]string, 0, len(m.keys)+len(defaultStopKeys()))
	for k, e := range m.keys {
		if m.keyKinds[e] != kindEnglish { // English names: see englishCands
			keys = append(keys, k)
		}
	}
	for k := range defaultStopKeys() {
		if !m.hasKey(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	a := newACMatcher(keys)
	a.pats = keys
	return a
}

// cand is a candidate name match.
type cand struct {
	start, end int
	key        string
	sym        Symbol // set for names learned in the article
	fromMaster bool
}

// scan is what one pass over a document found.
type scan struct {
	mentions []Mention
	beside   map[Symbol]string // name written beside a code
}

// Mentions returns every mention of a security in doc: embeds first (they
// have no text position), then text mentions in text order.
func (l *Linker) Mentions(doc Document) []Mention {
	return l.scan(doc).mentions
}

func (l *Linker) scan(doc Document) scan {
	var sc scan
	// 1. Markup.
	var coded []Symbol // in document order, embeds first
	for _, a := range doc.Anchors {
		if sym, ok := AnchorSymbol(a); ok && sym.IsValid() {
			sym = l.neeq(sym, doc.AsOf)
			sc.mentions = append(sc.mentions, Mention{Symbol: sym, Start: -1, End: -1, Via: ViaEmbed})
			coded = append(coded, sym)
		}
	}
	// 2. Codes in the text, 3. names.
	cs := l.scanCodes(doc, &sc, coded)
	l.scanNames(doc, &sc, cs)
	slices.SortStableFunc(sc.mentions, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	return sc
}

// codeScan is what the codes written in a text give the name pass: the
// spans of the codes and the names beside them, the names learned there,
// and the securities the article chose by code.
type codeScan struct {
	covered [][2]int
	inDoc   map[string]Symbol
	coded   []Symbol
}

// scanCodes adds the mentions of the codes written in the text.
func (l *Linker) scanCodes(doc Document, sc *scan, coded []Symbol) codeScan {
	cs := codeScan{coded: coded}
	for _, c := range FindCodes(doc.Text) {
		if !c.Symbol.IsValid() {
			continue
		}
		c.Symbol = l.neeq(c.Symbol, doc.AsOf)
		sc.mentions = append(sc.mentions, Mention{Symbol: c.Symbol, Start: c.Start, End: c.End, Via: ViaCode})
		cs.coded = append(cs.coded, c.Symbol)
		lo, hi := c.Start, c.End
		if c.Name != "" && c.NameStart >= 0 {
			lo, hi = min(lo, c.NameStart), max(hi, c.NameEnd)
			l.besideCode(c, sc, &cs)
		}
		cs.covered = append(cs.covered, [2]int{lo, hi})
	}
	slices.SortFunc(cs.covered, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	return cs
}

// besideCode records the name written beside a code: for the link's name,
// and, unless learning is off, as a name of that security in the article.
func (l *Linker) besideCode(c CodeMatch, sc *scan, cs *codeScan) {
	if sc.beside == nil {
		sc.beside = make(map[Symbol]string)
	}
	if _, ok := sc.beside[c.Symbol]; !ok && !corporateSuffix(c.Name) {
		sc.beside[c.Symbol] = trimLead(NormalizeName(c.Name))
	}
	if l.noLearn {
		return
	}
	if cs.inDoc == nil {
		cs.inDoc = make(map[string]Symbol)
	}
	for _, k := range l.learnKeys(c.Name, c.Symbol) {
		if _, ok := cs.inDoc[k]; !ok {
			cs.inDoc[k] = c.Symbol
		}
	}
}

// scanNames adds the mentions by name: leftmost-longest matches that pass
// the boundary rules and none of nameRules.
func (l *Linker) scanNames(doc Document, sc *scan, cs codeScan) {
	text := doc.Text
	cands := l.candidates(text, cs.inDoc)
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	groupCoded := l.groupCoded(cs.coded)
	lastEnd, lastMention, ci := 0, -1, 0
	var pending []Mention // word stop names, kept if they turn out to be list items
	for _, c := range cands {
		if c.start < lastEnd {
			continue
		}
		for ci < len(cs.covered) && cs.covered[ci][1] <= c.start {
			lastMention = max(lastMention, cs.covered[ci][1])
			ci++
		}
		if ci < len(cs.covered) && cs.covered[ci][0] < c.end {
			continue // inside or across a code and its name
		}
		_, learnedHere := cs.inDoc[c.key]
		stop := l.stop[c.key] && !learnedHere
		if !asciiBoundaryOK(text, c.start, c.end) || !l.englishCaseOK(c, text) ||
			!stop && utf8.RuneCountInString(c.key) == 2 && isHanString(c.key) && !l.shortNameOK(c.key, text, c.start, c.end, c.start == lastMention) {
			continue
		}
		if stop {
			lastEnd = c.end
			if l.wordStop[c.key] && !institutionAfter(text, c.end) && !otherCompanyAfter(text, c.end) {
				if s := l.resolve(c.key, cs.inDoc, groupCoded, doc.AsOf); s.IsValid() {
					pending = append(pending, Mention{Symbol: s, Start: c.start, End: c.end, Via: ViaName})
				}
			}
			continue
		}
		sym := c.sym
		if c.fromMaster || !sym.IsValid() {
			sym = l.resolve(c.key, cs.inDoc, groupCoded, doc.AsOf)
		}
		if !sym.IsValid() {
			continue // a built-in stop name this Linker does not stop, or nothing listed then
		}
		lastEnd = c.end
		if skipName(c.key, text, c.start, c.end) != "" {
			continue
		}
		lastMention = c.end
		sc.mentions = append(sc.mentions, Mention{Symbol: l.shareClass(sym, text, c.end), Start: c.start, End: c.end, Via: ViaName})
	}
	sc.mentions = enumerated(text, sc.mentions, pending)
}

// nameRule is a rule that keeps a name match from linking its company:
// the match is not a mention when skip holds. Each rule carries a text in
// which name must not link (fires) and one in which it must (passes); the
// tests check both.
type nameRule struct {
	rule          string
	skip          func(key, text string, start, end int) bool
	name          string
	fires, passes string
}

// nameRules are the rules of the Linker's doc comment, in the order they
// are tried.
var nameRules = []nameRule{
	{"institution", func(_, t string, _, e int) bool { return institutionAfter(t, e) }, "贝壳", "贝壳研究院发布报告。", "贝壳发布报告。"},
	{"theme", func(_, t string, _, e int) bool { return themeAfter(t, e) }, "苹果", "苹果概念股走强。", "苹果股价走强。"},
	{"model", func(k, t string, _, e int) bool { return modelAfter(k, t, e) }, "小鹏", "小鹏P7销量大增。", "小鹏销量大增。"},
	{"platform", platformUse, "微博", "网友在微博回应此事。", "微博发布财报。"},
	{"credit", func(_, t string, s, _ int) bool { return creditBefore(t, s) }, "同花顺", "数据来源：同花顺", "同花顺发布公告。"},
	{"national", func(k, t string, _, e int) bool { return nationalPhrase(k, t, e) }, "中国建筑", "中国建筑行业增速放缓。", "中国建筑发布公告。"},
	{"other company", func(_, t string, _, e int) bool { return otherCompanyAfter(t, e) }, "深圳华强", "股东深圳华强实业有限责任公司增持。", "深圳华强发布公告。"},
	{"venue", func(k, t string, _, e int) bool { return venueUse(k, t, e) }, "港交所", "公司将在港交所上市。", "港交所股价上涨。"},
	{"country", func(k, t string, s, _ int) bool { return countryBefore(k, t, s) }, "国新能源", "我国新能源汽车销量大增。", "国新能源发布公告。"},
}

// skipName returns the name of the first rule of nameRules that keeps the
// match text[start:end] of key from linking, or "".
func skipName(key, text string, start, end int) string {
	for _, r := range nameRules {
		if r.skip(key, text, start, end) {
			return r.rule
		}
	}
	return ""
}

// listItemAfter are the characters that may follow the last item of a list
// of securities: a market verb or a closing word (…、农产品涨停, …、新大陆等).
var listItemAfter = builtinVocab.Chars("list-after")

// listItemEnd reports whether a word stop name ending at end closes a list
// item: it is followed by the end of the text, a character that is not
// Han (punctuation, a digit) or one of listItemAfter. 太阳能发电 after a
// list is a phrase, not an item.
func listItemEnd(text string, end int) bool {
	if end >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	return !unicode.Is(unicode.Han, r) || strings.ContainsRune(listItemAfter, r)
}

// wordStopKeys is the key set of wordStopNames.
var wordStopKeys = sync.OnceValue(func() map[string]bool {
	out := make(map[string]bool, len(wordStopNames))
	for _, s := range wordStopNames {
		out[nameKey(s)] = true
	}
	return out
})

// listSeparators join the items of an enumeration of securities.
var listSeparators = builtinVocab.Words("list-separator")

// enumerated adds to mentions the pending word stop names (新大陆, 农产品)
// that are items of an enumeration with a mention: separated from a
// mention, or from a pending name already added, by one of listSeparators
// alone (广电运通、新大陆、新国都). A name that only follows the list must
// also end there (see listItemEnd). Word stop names listed only among
// themselves (太阳能、农产品) stay out.
func enumerated(text string, mentions, pending []Mention) []Mention {
	if len(pending) == 0 {
		return mentions
	}
	starts := make(map[int]bool, len(mentions))
	ends := make(map[int]bool, len(mentions))
	for _, m := range mentions {
		if m.Start >= 0 {
			starts[m.Start], ends[m.End] = true, true
		}
	}
	adjacent := func(p Mention) bool {
		for _, sep := range listSeparators {
			if strings.HasPrefix(text[p.End:], sep) && starts[p.End+len(sep)] {
				return true
			}
		}
		for _, sep := range listSeparators {
			if p.Start >= len(sep) && text[p.Start-len(sep):p.Start] == sep && ends[p.Start-len(sep)] {
				return listItemEnd(text, p.End)
			}
		}
		return false
	}
	for added := true; added; {
		added = false
		for i, p := range pending {
			if p.Start < 0 || !adjacent(p) {
				continue
			}
			mentions = append(mentions, p)
			starts[p.Start], ends[p.End] = true, true
			pending[i].Start = -1
			added = true
		}
	}
	return mentions
}

// candidates returns every name match in text: master keys, stop names and
// learned names the master lacks, and names learned in this article.
func (l *Linker) candidates(text string, inDoc map[string]Symbol) []cand {
	var hits []acHit
	mm := l.master.matcher()
	hits = mm.findAll(text, hits)
	out := make([]cand, 0, len(hits)+4)
	for _, h := range hits {
		out = append(out, cand{start: int(h.start), end: int(h.end), key: mm.pats[h.pat], fromMaster: true})
	}
	out = l.master.englishCands(text, out)
	if l.extra != nil {
		hits = l.extra.findAll(text, hits[:0])
		for _, h := range hits {
			k := l.extra.pats[h.pat]
			out = append(out, cand{start: int(h.start), end: int(h.end), key: k, sym: l.learned[k]})
		}
	}
	// Names learned in this article that neither automaton knows (stop
	// names are reported by one of them; the article's pair overrides the
	// stop in scan).
	var keys []string
	for k := range inDoc {
		if _, ok := l.learned[k]; ok || l.master.inMatcher(k) || l.stop[k] {
			continue
		}
		keys = append(keys, k)
	}
	if len(keys) > inDocScanLimit {
		// Many names beside codes (a table of codes): one automaton pass
		// instead of a text scan per name keeps the work linear.
		slices.Sort(keys)
		m := newACMatcher(keys)
		hits = m.findAll(text, hits[:0])
		for _, h := range hits {
			k := keys[h.pat]
			out = append(out, cand{start: int(h.start), end: int(h.end), key: k, sym: inDoc[k]})
		}
		return out
	}
	for _, k := range keys {
		for i := 0; ; {
			j := strings.Index(text[i:], k)
			if j < 0 {
				break
			}
			out = append(out, cand{start: i + j, end: i + j + len(k), key: k, sym: inDoc[k]})
			i += j + len(k)
		}
	}
	return out
}

// inDocScanLimit is the number of names learned in one article above which
// candidates builds an automaton for them rather than scanning the text
// once per name.
const inDocScanLimit = 8

// learnKeys returns the keys under which a name written beside sym is
// learned: the name as written and without decorations. A name the master
// does not know must have at least three characters, hold a Chinese
// character and not be a generic word (本公司, 子公司), so that a loose name
// beside a code (Inc in Under Armour Inc UAA.N) cannot make an ordinary
// word link.
func (l *Linker) learnKeys(name string, sym Symbol) []string {
	var keys []string
	add := func(k string) {
		if l.master.hasKey(k) || utf8.RuneCountInString(k) >= 3 && !genericWords[k] && !isASCIIWord(k) {
			keys = append(keys, k)
		}
	}
	add(nameKey(name))
	if t := trimLead(NormalizeName(name)); t != NormalizeName(name) {
		add(nameKey(t))
	}
	if undec := undecorate(NormalizeName(name), sym.Market()); undec != "" {
		add(nameKey(undec))
	}
	return keys
}

// nameLeadWords end the words a text may run before a name beside a code:
// 新三板挂牌公司天风期货, 白酒龙头贵州茅台, 阿里巴巴旗下阿里健康.
var nameLeadWords = builtinVocab.Words("name-lead")

// trimLead returns name without the words before the name proper, when
// what remains has at least two characters.
func trimLead(name string) string {
	if strings.HasSuffix(name, "公司") || strings.HasSuffix(name, "集团") {
		return name // a registered name: 万科企业股份有限公司
	}
	cut := -1
	for _, w := range nameLeadWords {
		if i := strings.LastIndex(name, w); i >= 0 && i+len(w) > cut && utf8.RuneCountInString(name[i+len(w):]) >= 2 {
			cut = i + len(w)
		}
	}
	if cut < 0 {
		return name
	}
	return name[cut:]
}

// corporateSuffix reports whether a name written beside a code is only the
// tail of a Latin company name (Inc, Co., Holdings), which says nothing.
func corporateSuffix(name string) bool {
	switch strings.ToUpper(strings.Trim(name, " .,")) {
	case "INC", "CO", "CORP", "LTD", "LLC", "PLC", "LP", "SA", "AG", "NV", "SE", "GROUP", "HOLDINGS", "BRANDS", "COMPANY":
		return true
	}
	return false
}

// genericWords are words a text may write before a code that are not
// names (本公司(600519)); they are never learned. Unknown names are
// learned only from three characters on.
var genericWords = wordSet(builtinVocab.Words("generic"))

// groupCoded maps each company group of the master to the first symbol of
// that group the document links by embed or code.
func (l *Linker) groupCoded(coded []Symbol) map[int32]Symbol {
	if len(coded) == 0 {
		return nil
	}
	out := make(map[int32]Symbol, len(coded))
	for _, s := range coded {
		if i, ok := l.master.bySym[s]; ok {
			g := l.master.group[i]
			if _, seen := out[g]; !seen {
				out[g] = s
			}
		}
	}
	return out
}

// resolve returns the security a name key links in this document, as of
// day: among the securities listed then under that name, the one the
// article chose by code, else the preferred one, with its symbol then.
func (l *Linker) resolve(key string, inDoc map[string]Symbol, groupCoded map[int32]Symbol, day string) Symbol {
	if s, ok := inDoc[key]; ok {
		return s
	}
	if s, ok := l.learned[key]; ok {
		return s
	}
	idx := l.master.secsOf(key)
	if len(idx) == 0 {
		return Symbol{}
	}
	for _, i := range idx {
		if s, ok := groupCoded[l.master.group[i]]; ok {
			return s
		}
	}
	for _, i := range idx {
		if l.master.validOn(key, i, day) {
			return l.master.secs[i].SymbolOn(day)
		}
	}
	return l.master.otherListing(idx, day)
}

// otherListing returns, when no security known by a name was listed on
// day, another listing of the same company that was (B站 of 09626.HK
// names BILI.US before the Hong Kong listing), preferred by market.
func (m *Master) otherListing(idx []int32, day string) Symbol {
	if day == "" {
		return Symbol{}
	}
	best := int32(-1)
	for _, i := range idx {
		for j, g := range m.group {
			if g != m.group[i] || slices.Contains(idx, int32(j)) || m.secs[j].ListDate == "" || !m.secs[j].listedOn(day) || m.datedOnly(int32(j)) {
				continue
			}
			if best < 0 || m.prefer(int32(j), best) < 0 {
				best = int32(j)
			}
		}
	}
	if best < 0 {
		return Symbol{}
	}
	return m.secs[best].SymbolOn(day)
}

// datedOnly reports whether every name of security i is dated: such a
// security (a renamed one) is not reached through another's name.
func (m *Master) datedOnly(i int32) bool {
	s := &m.secs[i]
	return s.Name != "" && s.nameSpan(s.Name) != (Span{})
}

// neeq returns the symbol a Beijing code stands for on day: a 43/83/87
// code is a Beijing Stock Exchange listing only when the master lists it
// there on that day; otherwise it is a NEEQ (新三板) quotation, .NQ. 920
// codes are BSE codes only.
func (l *Linker) neeq(sym Symbol, day string) Symbol {
	if sym.Market() != BJ || strings.HasPrefix(sym.Code(), "92") || strings.HasPrefix(sym.Code(), "89") {
		return sym
	}
	if i, ok := l.master.bySym[sym]; ok && l.master.secs[i].Symbol == sym && l.master.secs[i].listedOn(day) {
		return sym
	}
	nq, err := New(sym.Code(), NQ)
	if err != nil {
		return sym
	}
	return nq
}

// englishCaseOK reports whether a match of an English name from the
// exchanges' lists is written as a name: capitalised (Target, not the word
// target; News Corporation's News, not news in a URL).
func (l *Linker) englishCaseOK(c cand, text string) bool {
	if !c.fromMaster || l.master.kindOf(c.key) != kindEnglish {
		return true
	}
	r := text[c.start]
	if r < 'A' || r > 'Z' || insideLatinName(text, c.start) {
		return false
	}
	// An acronym (GAN, KKR) must be written in capitals: GaN is gallium
	// nitride.
	if c.key == strings.ToUpper(c.key) && !strings.ContainsFunc(c.key, func(r rune) bool { return r >= 'a' && r <= 'z' }) && len(c.key) <= 4 {
		return text[c.start:c.end] == c.key
	}
	return true
}

// insideLatinName reports whether a capitalised Latin word other than an
// article ends just before start, one space away: the match continues a
// longer name (Costa Coffee is not Coffee Holding, American Outdoor Brands
// not Outdoor Holding).
func insideLatinName(text string, start int) bool {
	if start < 2 || text[start-1] != ' ' {
		return false
	}
	i := start - 1
	for i > 0 && isASCIIAlnum(rune(text[i-1])) {
		i--
	}
	w := text[i : start-1]
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	switch w {
	case "The", "A", "An", "THE":
		return false
	}
	return true
}

// shareClass returns the listing of sym's company that the words after a
// name ask for: 山东墨龙A股 is the A share even where the article wrote the
// Hong Kong code, 比亚迪H股 the Hong Kong one. Without such words, or
// without that listing in the master, it returns sym.
func (l *Linker) shareClass(sym Symbol, text string, end int) Symbol {
	rest := text[end:]
	var want func(Market) bool
	switch {
	case strings.HasPrefix(rest, "A股"):
		want = func(m Market) bool { return m == SH || m == SZ || m == BJ }
	case strings.HasPrefix(rest, "H股"), strings.HasPrefix(rest, "港股"):
		want = func(m Market) bool { return m == HK }
	default:
		return sym
	}
	if want(sym.Market()) {
		return sym
	}
	for _, s := range l.master.Listings(sym) {
		if want(s.Market()) {
			return s
		}
	}
	return sym
}

// asciiBoundaryOK reports whether text[start:end] does not continue a
// Latin word or number on either side.
func asciiBoundaryOK(text string, start, end int) bool {
	if start > 0 && isASCIIAlnum(foldRune(firstRuneOf(text[start:]))) {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if r = foldRune(r); isASCIIAlnum(r) || r == '/' || r == '.' || r == '_' || r == '@' {
			return false // inside a word, a URL or an identifier
		}
	}
	if end < len(text) {
		last, _ := utf8.DecodeLastRuneInString(text[:end])
		if isASCIIAlnum(foldRune(last)) {
			r, _ := utf8.DecodeRuneInString(text[end:])
			if r = foldRune(r); isASCIIAlnum(r) || r == '/' || r == '_' || r == '@' {
				return false
			}
		}
	}
	return true
}

// institutionSuffixes turn a company name into another body: 贝壳研究院,
// 腾讯基金会, 长江商学院.
var institutionSuffixes = builtinVocab.Words("institution-suffix")

// institutionAfter reports whether the name ending at end is the start of
// an institution's name.
func institutionAfter(text string, end int) bool {
	rest := text[end:]
	for _, s := range institutionSuffixes {
		if strings.HasPrefix(rest, s) {
			return true
		}
	}
	return false
}

// themeAfter reports whether the name ending at end names a market theme
// rather than the company: 苹果概念股, 特斯拉概念板块, 华为题材. The stocks
// of such a theme are other companies.
func themeAfter(text string, end int) bool {
	rest := strings.TrimLeft(text[end:], " ")
	latin := end > 0 && text[end-1] < utf8.RuneSelf
	for _, w := range themeWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return indexAfter(rest, latin)
}

// indexAfter reports whether rest starts an index's name after a
// provider's (恒生指数, MSCI指数, MSCI亚太指数): the name is the index's
// there, not the listed company's. After a Latin name (an index provider:
// MSCI, S&P) up to six characters may come between the name and 指数.
func indexAfter(rest string, latin bool) bool {
	i := strings.Index(rest, "指数")
	if i == 0 || !latin || i < 0 {
		return i == 0
	}
	return utf8.RuneCountInString(rest[:i]) <= 6 && !strings.ContainsAny(rest[:i], "，。、；：,;:（）()")
}

// modelAfter reports whether the name ending at end is the brand of a
// product model written right after it: a Latin model code (小鹏P7, 蔚来ES8,
// 特斯拉Model Y, 苹果iPhone), or one of BYD's dynasty models (比亚迪唐, 比亚迪汉).
// A product does not link its maker (spec/tickers.md); other mentions of
// the maker still do. Quarters and halves (腾讯Q3, 小米H1) are not models.
func modelAfter(key, text string, end int) bool {
	rest := text[end:]
	if key == "比亚迪" {
		r, _ := utf8.DecodeRuneInString(rest)
		return strings.ContainsRune("唐宋汉秦元", r) && !strings.HasPrefix(rest, "元人民币") && !strings.HasPrefix(rest, "元的")
	}
	for _, m := range []string{"Model", "iPhone", "iPad", "Mate"} {
		if strings.HasPrefix(rest, m) {
			return true
		}
	}
	// One or two capital letters, then a digit: P7, ES8, G9, ET5.
	i := 0
	for i < len(rest) && i < 3 && rest[i] >= 'A' && rest[i] <= 'Z' {
		i++
	}
	if i == 0 || i > 2 || i >= len(rest) || rest[i] < '0' || rest[i] > '9' {
		return false
	}
	if i == 1 && (rest[0] == 'Q' || rest[0] == 'H') {
		return false // 腾讯Q3, 小米H1: a quarter or half of the year
	}
	return true
}

// platformNames are listed companies named after the platforms they run,
// which news names as places to post and read (在微博回应, 知乎上的讨论).
var platformNames = wordSet(builtinVocab.Words("platform"))

// platformAfter and platformVerbs are the [platform-after] and
// [platform-verb] sections: words that use a platform's name for the
// platform.
var (
	platformAfter = builtinVocab.Words("platform-after")
	platformVerbs = builtinVocab.Words("platform-verb")
)

// nationalAfter and themeWords are the [national-after] and [theme]
// sections.
var (
	nationalAfter = builtinVocab.Words("national-after")
	themeWords    = builtinVocab.Words("theme")
)

// platformUse reports whether a platform name at start..end names the
// platform, not the company: followed by a word about posts or users
// (微博热搜, 快手用户, 知乎上), or after 在/通过/于 and before a verb of
// posting (在微博回应, 通过知乎发布).
func platformUse(key, text string, start, end int) bool {
	if !platformNames[key] {
		return false
	}
	rest := text[end:]
	for _, w := range platformAfter {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	if before == '在' || before == '过' || before == '于' {
		for _, w := range platformVerbs {
			if strings.HasPrefix(rest, w) {
				return true
			}
		}
	}
	return false
}

// otherCompanyAfter reports whether the name ending at end is only the start
// of another company's registered name: 深圳华强 in a 深圳华强…集团有限责任公司,
// a holder or subsidiary with a name of its own; or of a fund's name
// (see fundSuffixes). It looks at the run of Han
// characters that follows (at most maxOtherCompanyRunes): when the run
// holds 有限公司 or 有限责任公司 not preceded by 股份 (the form of a listed
// company's own registered name, 比亚迪股份有限公司), the name is part of
// another body and does not link.
func otherCompanyAfter(text string, end int) bool {
	rest := text[end:]
	n := 0
	for i, r := range rest {
		if n >= maxOtherCompanyRunes || !unicode.Is(unicode.Han, r) {
			return false
		}
		if r == '有' && (strings.HasPrefix(rest[i:], "有限公司") || strings.HasPrefix(rest[i:], "有限责任公司")) {
			return n > 0 && !strings.HasSuffix(rest[:i], "股份")
		}
		for _, f := range fundSuffixes {
			if strings.HasPrefix(rest[i:], f) {
				return n > 0
			}
		}
		n++
	}
	return false
}

// fundSuffixes end the names of funds and partnerships, which are products
// of the companies they are named after (中金…产业投资基金), not the
// companies.
var fundSuffixes = builtinVocab.Words("fund-suffix")

// maxOtherCompanyRunes bounds the look-ahead of otherCompanyAfter: registered
// names rarely put more than this many characters between the brand and
// 有限公司, and a longer Han run is more likely to be running text.
const maxOtherCompanyRunes = 12

// exchangeNames are listed exchange operators whose names news uses almost
// always for the venue (商汤在港交所发布公告, 据港交所数据), not for the
// listed company.
var exchangeNames = wordSet(builtinVocab.Words("exchange"))

// companyWords, written right after an exchange operator's name, show the
// company is meant (港交所股价, 港交所业绩, 港交所目标价).
var companyWords = builtinVocab.Words("company-word")

// venueUse reports whether an exchange operator's name (see exchangeNames)
// ending at end names the venue rather than the company: it does unless
// one of companyWords follows. A code written beside the name links the
// company in any case (港交所(00388.HK)).
func venueUse(key, text string, end int) bool {
	if !exchangeNames[key] {
		return false
	}
	rest := text[end:]
	for _, w := range companyWords {
		if strings.HasPrefix(rest, w) {
			return false
		}
	}
	return true
}

// countryMakers are the characters that, written before 国, make a word
// for a country or for the nation: 我国, 全国, 美国, 各国, 两国.
var countryMakers = builtinVocab.Chars("country-maker")

// countryBefore reports whether a name that starts with 国 (国新能源,
// 国投资本) takes its 国 from a country word written just before it:
// 我国新能源汽车 and 美国新能源政策 are not 国新能源.
func countryBefore(key, text string, start int) bool {
	if !strings.HasPrefix(key, "国") || start == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:start])
	return strings.ContainsRune(countryMakers, r)
}

// nationalPhrase reports whether a name made of 中国 and a common noun
// (中国软件, 中国黄金) is used as a phrase about the country's industry: it
// is followed by 行业, 产业, 市场, 企业 or 经济 (中国黄金市场).
func nationalPhrase(key, text string, end int) bool {
	if !strings.HasPrefix(key, "中国") {
		return false
	}
	rest := text[end:]
	for _, s := range nationalAfter {
		if strings.HasPrefix(rest, s) {
			return true
		}
	}
	return false
}

// creditBefore reports whether the name starting at start is a data or
// picture credit (数据来源：同花顺, 图片来源：视觉中国): the outlet or vendor
// that supplied material, not a subject of the article (relevance 0 in
// LSEG's terms, so not linked).
//
// The credit word may be followed by a colon, a slash or a bar, with
// spaces around it: 数据来源：, 资料来源 / , 图源｜.
func creditBefore(text string, start int) bool {
	const space = " \t\u3000\u00a0"
	before := strings.TrimRight(text[max(0, start-24):start], space)
	for _, sep := range creditSeparators {
		if t, ok := strings.CutSuffix(before, sep); ok {
			before = strings.TrimRight(t, space)
			break
		}
	}
	for _, w := range creditWords {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// creditSeparators may stand between a credit word and the credited name.
var creditSeparators = []string{"：", ":", "/", "／", "|", "｜"}

// creditWords introduce a data or picture credit.
var creditWords = builtinVocab.Words("credit")

// leftBoundaryOK reports whether a two-character name at start begins a
// word: see the Linker doc comment.
func leftBoundaryOK(text string, start int) bool {
	if start == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:start])
	if !unicode.Is(unicode.Han, r) {
		return true
	}
	return strings.ContainsRune(wordStarters, r)
}

// wordStarters are Han characters after which a new word (a company name)
// usually starts: particles, conjunctions, prepositions, time words
// (今年, 昨日), and the last characters of verbs that take companies as
// objects (收购, 投资, 旗下, 联手, 包括, 超越, 起诉, 表示, 报道, 公布, 支持, …).
// Characters that end adjectives or adverbs (最, 很, 好, 有) are deliberately
// absent: 最美的 and 很美的 are not 美的.
var wordStarters = builtinVocab.Chars("word-starter")

func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isHanString(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

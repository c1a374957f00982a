package ticker

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Security is one row of a security master.
type Security struct {
	Symbol      Symbol
	Name        string   // short name (证券简称), NFKC-normalised, decorations such as *ST kept
	FullName    string   // registered company name, when known
	Aliases     []string // common aliases that link by themselves (茅台, 腾讯)
	FormerNames []string // earlier short names
	ListDate    string   // listing date as YYYY-MM-DD (YYYY when only the year is known), "" when unknown
	DelistDate  string   // delisting date, "" while listed or when unknown
	EnglishName string   // English name from the exchanges' lists; the built-in master keeps the short form news writes (TENCENT, Carlyle)

	// FormerSymbols are the symbols the security had before, each with the
	// dates it was in force: FB.US until 2022-06-09 for META.US. A symbol
	// change is one security with several symbols over time.
	FormerSymbols []DatedSymbol
	// Dated gives the dates of the names that were not always in use: a
	// former short name until the rename, an alias that came with a new
	// name. A name not listed here is valid whenever the security is
	// listed.
	Dated []DatedName
}

// Master is a security master: the securities a Linker can find by name.
//
// A Master is immutable once built and safe for concurrent use; the
// name matcher a [Linker] needs is built from it lazily, once, on first use.
//
// Names are normalised the same way everywhere: NFKC (so 万科Ａ and 万科A
// are one name), white space removed except between two Latin letters or
// digits (万  科A is 万科A, Meta Platforms keeps its space), Latin letters
// upper-cased. Besides the names as written, each security is found under
// its undecorated name: the A-share risk and trading markers ST, *ST, S*ST,
// SST, PT, N, C, XD, XR, DR and the delisting suffix 退 are stripped (*ST
// before a name, 退 after it), as are the Hong Kong suffixes -W, -SW, -S, -B
// and the STAR suffixes -U, -UW, -WD; an A-share name ending in the class
// letter A is also found without it (华侨城A as 华侨城). An undecorated
// name is indexed only when it keeps at least three characters, so that
// decorations never create new two-character words (万科 comes from the
// built-in aliases, not from 万科A). The decorated name stays in Name for
// display.
//
// When one name belongs to several securities, the name links one of them,
// chosen in this order: a listing in Shanghai, Shenzhen or Beijing before
// Hong Kong before the United States (spec/tickers.md rule 3); a security
// still trading (with a list date, no 退 suffix) before one that is not; the
// newest list date; then the smaller symbol. A caller who wants another
// choice passes the name in [LinkerOptions.Learned].
type Master struct {
	secs  []Security
	bySym map[Symbol]int
	// keys maps a normalised name to its entry e: keySecs[keyLo[e]:keyLo[e+1]]
	// are the securities known by the name, preferred first (see the type
	// comment), and keyKinds[e] is the strongest kind of name it came from.
	// One small map and flat slices cost far less to build than a map of
	// lists.
	keys     map[string]int32
	keyLo    []int32
	keySecs  []int32
	keyKinds []nameKind
	// hasEnglish is set when some key comes from an English name only.
	hasEnglish bool
	// spans holds the validity of the keys that came only from dated names
	// of a security; a key of a security not in it is always valid.
	spans map[keyRef]Span
	// group maps a security to a company id shared by all listings of one
	// company (A+H, H+US, …); see [Master.Listings].
	group []int32

	matcher func() *acMatcher
}

// nameKind is how a key was derived from a security.
type nameKind uint8

const (
	kindName    nameKind = iota // short name as written
	kindBare                    // short name without decorations
	kindAlias                   // alias
	kindFormer                  // former short name
	kindFull                    // registered full name, or its stem
	kindEnglish                 // English name from the exchanges' lists, or its stem
)

// keyRef is one key of one security.
type keyRef struct {
	key string
	sec int32
}

// DefaultMaster returns the built-in master: the most covered A-shares, the
// Hong Kong and US listings of the Chinese and foreign companies that
// Chinese financial news covers most, and the standard indices of
// spec/tickers.md, as of [DataVersion]. It is built once, on first call, and
// shared; it must not be modified.
func DefaultMaster() *Master { return defaultMaster.get() }

// NewMaster returns a master holding secs. Rows are normalised (names to
// NFKC without padding) and a later row with the same symbol is merged into
// the earlier one as [Master.Merge] does. Rows without a valid symbol are
// dropped.
func NewMaster(secs []Security) *Master {
	m := &Master{bySym: make(map[Symbol]int, len(secs))}
	for _, s := range secs {
		m.add(s)
	}
	m.index()
	return m
}

// add inserts or merges one row; index must run afterwards.
func (m *Master) add(s Security) {
	if !s.Symbol.IsValid() {
		return
	}
	s.Name = NormalizeName(s.Name)
	s.FullName = NormalizeName(s.FullName)
	s.Aliases = normList(s.Aliases)
	s.FormerNames = normList(s.FormerNames)
	s.EnglishName = NormalizeName(s.EnglishName)
	for i := range s.Dated {
		s.Dated[i].Name = NormalizeName(s.Dated[i].Name)
	}
	m.addNormalized(s)
}

// addNormalized inserts or merges a row whose names are normalised.
func (m *Master) addNormalized(s Security) {
	if i, ok := m.bySym[s.Symbol]; ok && m.secs[i].Symbol == s.Symbol {
		m.secs[i] = mergeSecurity(m.secs[i], s)
		return
	} else if ok {
		// s.Symbol was another security's former symbol (FB.US of
		// META.US): a row of its own now takes the symbol.
		delete(m.bySym, s.Symbol)
	}
	m.bySym[s.Symbol] = len(m.secs)
	m.secs = append(m.secs, s)
	for _, f := range s.FormerSymbols {
		if _, taken := m.bySym[f.Symbol]; !taken {
			m.bySym[f.Symbol] = len(m.secs) - 1
		}
	}
}

// mergeSecurity merges b into a: non-empty scalar fields of b win, lists are
// united in order without duplicates.
func mergeSecurity(a, b Security) Security {
	out := a
	if b.Name != "" {
		if a.Name != "" && a.Name != b.Name && !slices.Contains(b.FormerNames, a.Name) {
			// Keep the replaced short name findable.
			out.FormerNames = unite(out.FormerNames, []string{a.Name})
		}
		out.Name = b.Name
	}
	if b.FullName != "" {
		out.FullName = b.FullName
	}
	if b.ListDate != "" {
		out.ListDate = b.ListDate
	}
	if b.DelistDate != "" {
		out.DelistDate = b.DelistDate
	}
	if b.EnglishName != "" {
		out.EnglishName = b.EnglishName
	}
	if len(b.FormerSymbols) > 0 {
		out.FormerSymbols = b.FormerSymbols
	}
	if len(b.Dated) > 0 {
		out.Dated = append(slices.DeleteFunc(slices.Clone(a.Dated), func(d DatedName) bool {
			return slices.ContainsFunc(b.Dated, func(e DatedName) bool { return e.Name == d.Name })
		}), b.Dated...)
	}
	out.Aliases = unite(slices.Clone(a.Aliases), b.Aliases)
	out.FormerNames = unite(slices.Clone(out.FormerNames), b.FormerNames)
	return out
}

func unite(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

func normList(in []string) []string {
	if len(in) == 0 {
		return nil
	}
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s = NormalizeName(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Merge returns a new master holding the rows of m followed by those of
// others, in order. Rows with the same symbol are merged field by field:
// a later non-empty Name, FullName or ListDate replaces the earlier one (a
// replaced short name is kept as a former name), and Aliases and
// FormerNames are united. So DefaultMaster().Merge(allCodes) keeps the
// built-in aliases and takes the names of the loaded file. m and others are
// not modified; nil masters are skipped.
func (m *Master) Merge(others ...*Master) *Master {
	out := &Master{bySym: make(map[Symbol]int)}
	for _, x := range append([]*Master{m}, others...) {
		if x == nil {
			continue
		}
		for _, s := range x.secs {
			out.add(s)
		}
	}
	out.index()
	return out
}

// Len returns the number of securities in m.
func (m *Master) Len() int {
	if m == nil {
		return 0
	}
	return len(m.secs)
}

// Lookup returns the security with symbol sym.
func (m *Master) Lookup(sym Symbol) (Security, bool) {
	if m == nil {
		return Security{}, false
	}
	i, ok := m.bySym[sym]
	if !ok {
		return Security{}, false
	}
	return m.secs[i], true
}

// ByName returns the securities known by name, preferred first (see the
// type comment for the order). name is normalised first and may be a short
// name with or without decorations, an alias, a former name or a full name.
func (m *Master) ByName(name string) []Security {
	if m == nil {
		return nil
	}
	idx := m.secsOf(nameKey(name))
	out := make([]Security, len(idx))
	for i, j := range idx {
		out[i] = m.secs[j]
	}
	return out
}

// Listings returns every listing of the company that lists sym, sym
// included, A-shares first: for 002594.SZ (比亚迪) it returns 002594.SZ and
// 01211.HK when both are in m. Listings of one company are those that share
// a short name, alias, former name or full name, directly or through
// another listing; they include share classes and the old codes of a
// renamed listing kept in the master (FB.US beside META.US).
func (m *Master) Listings(sym Symbol) []Symbol {
	i, ok := m.bySym[sym]
	if !ok {
		return nil
	}
	var out []Symbol
	for j, g := range m.group {
		if g == m.group[i] {
			out = append(out, m.secs[j].Symbol)
		}
	}
	slices.SortFunc(out, func(a, b Symbol) int {
		return cmp.Or(cmp.Compare(marketRank(a.Market()), marketRank(b.Market())), strings.Compare(a.String(), b.String()))
	})
	return out
}

// All returns the securities of m in load order. The slice is a copy.
func (m *Master) All() []Security {
	if m == nil {
		return nil
	}
	return slices.Clone(m.secs)
}

// AllSeq returns an iterator over the securities of m in load order.
func (m *Master) AllSeq() iter.Seq[Security] {
	return func(yield func(Security) bool) {
		if m == nil {
			return
		}
		for _, s := range m.secs {
			if !yield(s) {
				return
			}
		}
	}
}

// keys calls f with every normalised key a security is found under.
func (s *Security) keys(f func(key string, k nameKind)) {
	s.datedKeys(nil, func(key string, k nameKind, _ Span) { f(key, k) })
}

// datedKeys calls g with every normalised key a security is found under
// and the span of the name it comes from. Keys that need a copy are cut
// from ar when it is not nil.
func (s *Security) datedKeys(ar *keyArena, g func(key string, k nameKind, sp Span)) {
	var sp Span
	f := func(name string, k nameKind) { g(ar.key(name), k, sp) }
	sp = s.nameSpan(s.Name)
	if s.Name != "" && s.Name != s.EnglishName { // an English short name is found as EnglishName
		f(s.Name, kindName)
		// *ST天润 is written ST天润 as often as not; the text *ST天润 holds
		// ST天润 too, so the form without the star finds both.
		if s.Symbol.Market() <= BJ && strings.Contains(s.Name, "*ST") {
			f(strings.Replace(s.Name, "*ST", "ST", 1), kindName)
		}
		if b := undecorate(s.Name, s.Symbol.Market()); b != "" {
			f(b, kindBare)
		}
	}
	for _, a := range s.Aliases {
		sp = s.nameSpan(a)
		f(a, kindAlias)
	}
	for _, a := range s.FormerNames {
		sp = s.nameSpan(a)
		f(a, kindFormer)
		if b := undecorate(a, s.Symbol.Market()); b != "" {
			f(b, kindFormer)
		}
	}
	sp = Span{}
	if s.FullName != "" {
		f(s.FullName, kindFull)
		fullNameStems(s.FullName, func(st string) { f(st, kindFull) })
	}
	if s.EnglishName != "" {
		englishNames(s.EnglishName, func(n string) { f(n, kindEnglish) })
	}
}

// secsOf returns the securities known by key, preferred first.
func (m *Master) secsOf(key string) []int32 {
	e, ok := m.keys[key]
	if !ok {
		return nil
	}
	lo, hi := m.keyLo[e], m.keyLo[e+1]
	return m.keySecs[lo:hi:hi]
}

// hasKey reports whether some security is known by key.
func (m *Master) hasKey(key string) bool {
	_, ok := m.keys[key]
	return ok
}

// kindOf returns the strongest kind of name key came from; kindName when
// no security is known by key.
func (m *Master) kindOf(key string) nameKind {
	if e, ok := m.keys[key]; ok {
		return m.keyKinds[e]
	}
	return kindName
}

// keyPair is one security known by the key of entry e.
type keyPair struct{ e, sec int32 }

// index builds the name index and the company groups.
func (m *Master) index() {
	// About 1.3 keys per security in the built-in master.
	m.keys = make(map[string]int32, len(m.secs)*3/2)
	m.keyKinds = make([]nameKind, 0, len(m.secs)*3/2)
	m.spans = make(map[keyRef]Span)
	pairs := make([]keyPair, 0, len(m.secs)*3/2)
	last := make([]int32, 0, len(m.secs)*3/2) // per entry, the last security added
	var arena keyArena
	var i int32
	add := func(key string, k nameKind, sp Span) {
		if n := utf8.RuneCountInString(key); n < 2 || k == kindBare && n < 3 {
			return
		}
		e, seen := m.keys[key]
		if !seen {
			e = int32(len(m.keyKinds))
			m.keys[key] = e
			m.keyKinds = append(m.keyKinds, k)
			last = append(last, -1)
		} else if k < m.keyKinds[e] {
			m.keyKinds[e] = k
		}
		// The keys of one security come together, so it is known by key
		// already exactly when it was the last one added.
		switch {
		case last[e] != i:
			last[e] = i
			pairs = append(pairs, keyPair{e, i})
			if sp != (Span{}) {
				m.spans[keyRef{key, i}] = sp
			}
		case len(m.spans) > 0:
			ref := keyRef{key, i}
			if old, ok := m.spans[ref]; ok {
				m.spans[ref] = widen(old, sp)
			}
		}
	}
	for i = 0; int(i) < len(m.secs); i++ {
		m.secs[i].datedKeys(&arena, add)
	}
	m.listKeys(pairs)
	for ref, sp := range m.spans {
		if sp == (Span{}) {
			delete(m.spans, ref)
		}
	}
	m.hasEnglish = slices.Contains(m.keyKinds, kindEnglish)
	m.groups()
	m.matcher = sync.OnceValue(func() *acMatcher { return newMasterMatcher(m) })
}

// listKeys sets keyLo and keySecs from pairs, which are in security order:
// a counting sort by entry, then each list in order of preference.
func (m *Master) listKeys(pairs []keyPair) {
	n := len(m.keyKinds)
	m.keyLo = make([]int32, n+1)
	for _, p := range pairs {
		m.keyLo[p.e+1]++
	}
	for e := 1; e <= n; e++ {
		m.keyLo[e] += m.keyLo[e-1]
	}
	m.keySecs = make([]int32, len(pairs))
	fill := slices.Clone(m.keyLo[:n])
	for _, p := range pairs {
		m.keySecs[fill[p.e]] = p.sec
		fill[p.e]++
	}
	for e := range n {
		if lo, hi := m.keyLo[e], m.keyLo[e+1]; hi-lo > 1 {
			slices.SortFunc(m.keySecs[lo:hi], m.prefer)
		}
	}
}

// groups sets the company groups: union of securities sharing a key: the
// listings of one company in several markets, share classes, and old and
// new codes of a renamed or moved listing (FB.US and META.US).
func (m *Master) groups() {
	parent := make([]int32, len(m.secs))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for e := range len(m.keyKinds) {
		idx := m.keySecs[m.keyLo[e]:m.keyLo[e+1]]
		for _, j := range idx[1:] {
			parent[find(j)] = find(idx[0])
		}
	}
	m.group = make([]int32, len(m.secs))
	for i := range m.group {
		m.group[i] = find(int32(i))
	}
}

// widen returns the smallest span holding a and b.
func widen(a, b Span) Span {
	if a.From == "" || b.From == "" {
		a.From = ""
	} else {
		a.From = min(a.From, b.From)
	}
	if a.To == "" || b.To == "" {
		a.To = ""
	} else {
		a.To = max(a.To, b.To)
	}
	return a
}

// validOn reports whether security i was listed on day and known by key
// then.
func (m *Master) validOn(key string, i int32, day string) bool {
	if day == "" {
		return true
	}
	if !m.secs[i].listedOn(day) {
		return false
	}
	sp, ok := m.spans[keyRef{key, i}]
	return !ok || sp.Contains(day)
}

// ByNameOn returns the securities known by name on day (YYYY-MM-DD),
// preferred first: those listed then, under a name in use then, each with
// the symbol in force then (FB.US for Facebook in 2018). An empty day
// means any time, as [Master.ByName].
func (m *Master) ByNameOn(name, day string) []Security {
	if m == nil {
		return nil
	}
	key := nameKey(name)
	var out []Security
	for _, j := range m.secsOf(key) {
		if m.validOn(key, j, day) {
			s := m.secs[j]
			s.Symbol, s.Name = s.SymbolOn(day), s.NameOn(day)
			out = append(out, s)
		}
	}
	return out
}

// prefer orders two securities sharing a name, preferred first.
func (m *Master) prefer(a, b int32) int {
	x, y := &m.secs[a], &m.secs[b]
	return cmp.Or(
		cmp.Compare(marketRank(x.Symbol.Market()), marketRank(y.Symbol.Market())),
		cmp.Compare(inactive(x), inactive(y)),
		-strings.Compare(x.ListDate, y.ListDate),
		strings.Compare(x.Symbol.String(), y.Symbol.String()),
	)
}

func inactive(s *Security) int {
	if s.Symbol.Market() <= BJ && (s.ListDate == "" || strings.HasSuffix(s.Name, "退")) {
		return 1
	}
	return 0
}

// marketRank orders markets for name linking: A-shares, then Hong Kong,
// then US, then boards.
func marketRank(m Market) int {
	switch m {
	case SH, SZ, BJ:
		return 0
	case HK:
		return 1
	case US:
		return 2
	}
	return 3
}

// NormalizeName returns name as the master stores it: NFKC, trimmed, white
// space removed except single spaces between two Latin letters or digits.
// Letter case is kept.
func NormalizeName(name string) string {
	name = norm.NFKC.String(name)
	if !needsSpaceFold(name) {
		return name
	}
	var b strings.Builder
	b.Grow(len(name))
	pendingSpace := false
	var last rune
	for _, r := range name {
		if unicode.IsSpace(r) {
			pendingSpace = true
			continue
		}
		if pendingSpace && isASCIIAlnum(last) && isASCIIAlnum(r) {
			b.WriteByte(' ')
		}
		pendingSpace = false
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// needsSpaceFold reports whether an NFKC name holds white space that
// NormalizeName must fold.
func needsSpaceFold(name string) bool {
	for _, r := range name {
		if unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

// nameKey is the matching key of a name: NormalizeName with Latin letters
// upper-cased.
func nameKey(name string) string {
	switch keyForm(name) {
	case isKey:
		return name
	case upperIsKey:
		return asciiUpperString(name)
	}
	return foldKey(NormalizeName(name))
}

// A nameForm tells what nameKey must do to a name.
type nameForm uint8

const (
	needsNFKC  nameForm = iota // anything else: the general path
	isKey                      // the name is its own key
	upperIsKey                 // the name with ASCII letters upper-cased is its key
)

// keyForm tells whether name is its own key, or is once its ASCII letters
// are upper-cased, so that nameKey can skip NFKC. That holds when name
// holds only printable ASCII and CJK unified ideographs (U+4E00 to
// U+9FFF), a space only singly between two ASCII letters or digits. Those
// runes are all NFKC starters that compose with none of each other, so
// NFKC leaves such a name as it is, the space fold keeps its spaces, and
// foldKey only upper-cases a to z. Most names of a master are of this form.
func keyForm(name string) nameForm {
	form := isKey
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if i == 0 || i+1 == len(name) || !isASCIIAlnum(rune(name[i-1])) || !isASCIIAlnum(rune(name[i+1])) {
					return needsNFKC
				}
			case c < ' ' || c >= 0x7F:
				return needsNFKC
			case c >= 'a' && c <= 'z':
				form = upperIsKey
			}
			i++
			continue
		}
		// A CJK unified ideograph is three bytes, E4 B8 80 to E9 BF BF.
		if c < 0xE4 || c > 0xE9 || i+2 >= len(name) || name[i+1]&0xC0 != 0x80 || name[i+2]&0xC0 != 0x80 || c == 0xE4 && name[i+1] < 0xB8 {
			return needsNFKC
		}
		i += 3
	}
	return form
}

// keyArena hands out keys cut from shared chunks of bytes, so that the
// thousands of keys an index computes cost a few allocations: a chunk is
// written once, key by key, and never changed under a key cut from it.
type keyArena struct{ buf []byte }

// key returns nameKey(name); a nil arena allocates as nameKey does.
func (a *keyArena) key(name string) string {
	if a == nil {
		return nameKey(name)
	}
	switch keyForm(name) {
	case isKey:
		return name
	case needsNFKC:
		return foldKey(NormalizeName(name))
	}
	if len(a.buf)+len(name) > cap(a.buf) {
		a.buf = make([]byte, 0, max(32<<10, len(name)))
	}
	start := len(a.buf)
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		a.buf = append(a.buf, c)
	}
	k := a.buf[start:]
	return unsafe.String(unsafe.SliceData(k), len(k))
}

// asciiUpperString returns s with a to z upper-cased.
func asciiUpperString(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not used again
}

// foldKey upper-cases the Latin letters of a normalised name.
func foldKey(n string) string {
	if !strings.ContainsFunc(n, func(r rune) bool { return foldRune(r) != r }) {
		return n
	}
	var b strings.Builder
	b.Grow(len(n))
	for _, r := range n {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune maps a rune of article text to the rune a key holds: full-width
// ASCII to ASCII, the ideographic space to a space, Latin letters to upper
// case. It is the per-rune part of NFKC that matters for names, cheap
// enough for the matcher's inner loop.
func foldRune(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return r - 'a' + 'A'
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	case r == 0x3000:
		return ' '
	}
	return r
}

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// A-share decorations, longest first so that *ST is stripped before ST.
var aPrefixes = []string{"S*ST", "*ST", "SST", "ST", "PT", "XD", "XR", "DR", "N", "C"}

// Suffixes of Hong Kong and STAR names, longest first.
var listSuffixes = []string{"-SWR", "-UWD", "-SW", "-UW", "-WD", "-W", "-S", "-B", "-U", "-R"}

// undecorate returns name without its trading decorations, or "" when it
// has none or what is left is shorter than two runes.
func undecorate(name string, mk Market) string {
	s := name
	if mk <= BJ {
		for _, p := range aPrefixes {
			if rest, ok := strings.CutPrefix(s, p); ok {
				r, _ := utf8.DecodeRuneInString(rest)
				if r >= utf8.RuneSelf { // only before a Chinese name: not in TCL科技
					s = rest
				}
				break
			}
		}
		s = strings.TrimSuffix(s, "退")
		if rest, ok := strings.CutSuffix(s, "A"); ok && utf8.RuneCountInString(rest) >= 2 {
			if r, _ := utf8.DecodeLastRuneInString(rest); r >= utf8.RuneSelf {
				s = rest
			}
		}
	}
	if mk == HK || mk == SH {
		for _, suf := range listSuffixes {
			if rest, ok := strings.CutSuffix(s, suf); ok {
				s = rest
				break
			}
		}
	}
	if s == name || utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// Suffixes of registered names that news leaves off: 万科企业股份有限公司 is
// written 万科企业.
var fullSuffixes = []string{"股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "INC.", "INC", "LTD.", "LTD", "CORPORATION", "CORP.", "LIMITED", "CO., LTD."}

// Words news leaves off the end of a registered name after the company
// form: 招商局蛇口工业区控股 is written 招商局蛇口工业区.
var stemSuffixes = []string{"控股", "集团", "(集团)", "股份"}

// fullNameStems calls f with the stems of a full name: without its
// company-form suffix (万科企业股份有限公司 → 万科企业), then also without a
// trailing 控股, 集团 or 股份. Stems shorter than four runes are skipped as
// unsafe.
func fullNameStems(full string, f func(string)) {
	up := strings.ToUpper(full)
	for _, suf := range fullSuffixes {
		if !strings.HasSuffix(up, suf) {
			continue
		}
		st := strings.TrimRight(full[:len(full)-len(suf)], " ,")
		if utf8.RuneCountInString(st) < 4 {
			return
		}
		f(st)
		for _, s2 := range stemSuffixes {
			if rest, ok := strings.CutSuffix(st, s2); ok && utf8.RuneCountInString(rest) >= 4 {
				f(rest)
			}
		}
		return
	}
}

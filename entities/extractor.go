package entities

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stocknews/stocknews/ticker"
)

// Options configures an Extractor. A nil *Options gives the defaults: the
// project's finance dictionary plus gse's embedded simplified Chinese
// dictionary.
type Options struct {
	// Words are extra dictionary entries, such as a house list of products
	// or executives ([ParseDict] and [ParseDictFS] read them from a file).
	// They take precedence over the finance dictionary and over Names.
	Words []Word

	// Names are security short names and aliases (贵州茅台, 茅台, 腾讯控股),
	// typically every Security.Name and Security.Aliases of a ticker.Master.
	// They are found as organisations wherever the text holds them, except
	// where a name is also a common word and stands as that word (a stock
	// called 机器人 in 工业机器人; this needs gse's dictionary). Names do not
	// go into the segmenter, so Extractors that differ only in Names share
	// one. Names that text could never match as one word (white space,
	// punctuation such as the * of *ST, invalid UTF-8) are skipped.
	Names []string

	// FinanceOnly skips gse's embedded dictionary (352,000 words, about 1 s
	// and 133 MiB to load) and segments with the finance dictionary and
	// Words alone. The extractor then builds in a few milliseconds and
	// finds the listed entities, Names, persons after titles (董事长雷军)
	// and organisations whose name starts with a listed word or place
	// (腾讯公司, 广州银行). It misses persons found only by a verb cue
	// (张颖表示), organisations with unlisted names (辉立证券) and those
	// known only to gse's dictionary. Good for tests and for callers who
	// need the finance terms only.
	FinanceOnly bool
}

// MasterNames returns the short names and aliases of every security in m,
// ready for [Options.Names]. Former names are left out: they name what the
// company no longer is.
func MasterNames(m *ticker.Master) []string {
	var names []string
	for s := range m.AllSeq() {
		if s.Name != "" {
			names = append(names, s.Name)
		}
		names = append(names, s.Aliases...)
	}
	return names
}

// Extractor finds named entities (persons, organisations and products) in
// Chinese financial text with the gse segmenter and a finance dictionary.
//
// An Extractor is safe for concurrent use by multiple goroutines and is never
// modified after New returns. Its segmenter is shared process-wide with every
// other Extractor built from the same dictionaries and is built lazily, once:
// the first call to [Extractor.Entities] or [Extractor.Warm] pays the cost,
// about 1 s and 133 MiB of heap with gse's dictionary, a few ms and 1 MiB
// with FinanceOnly. The segmenter is kept for the life of the process.
// Numbers and claims ([Claims]) never need it.
//
// Entities segments only the clauses that can hold an entity: those where
// a word that is or marks one occurs (a listed name, title, suffix or cue
// verb, a security name, an organisation in gse's dictionary), found for
// the whole text in one Aho–Corasick pass, and then those that repeat a
// person or short form found elsewhere. The result is the same as
// segmenting every clause; financial news has such words in about a third
// of its text.
type Extractor struct {
	lex  *lexicon
	load func() (*segmenter, error)
	prep func() (*engine, error)
	full bool
}

// engine is what an Extractor runs once its segmenter is built: the
// segmenter and the matcher for the words that mark the clauses worth
// segmenting (see [triggerWords]).
type engine struct {
	seg  *segmenter
	trig *ticker.Matcher
	// kinds holds the lexicon kind of each trigger word, by pattern
	// index; names and gse's organisations are WordOrganization. name
	// marks the security names.
	kinds []WordKind
	name  []bool
	// every turns the filter off: some trigger word is too long for the
	// matcher, so every run is segmented.
	every bool
}

// maxTriggerRunes is the longest word ticker.Matcher finds.
const maxTriggerRunes = 63

// newEngine builds the trigger matcher of lx over s.
func newEngine(lx *lexicon, s *segmenter) *engine {
	words := triggerWords(lx, s)
	e := &engine{seg: s, trig: ticker.NewMatcher(words), kinds: make([]WordKind, len(words)), name: make([]bool, len(words))}
	for i, w := range words {
		k, listed := lx.kinds[w]
		if !listed {
			k = WordOrganization
		}
		e.kinds[i], e.name[i] = k, lx.names[w]
		e.every = e.every || utf8.RuneCountInString(w) > maxTriggerRunes
	}
	return e
}

// New returns an Extractor for opts (nil for the defaults). It checks and
// compiles the dictionaries, which takes milliseconds; the segmenter itself
// is built on first use (see [Extractor.Warm]). A bad word gives a
// *DictError.
func New(opts *Options) (*Extractor, error) {
	if opts == nil {
		opts = &Options{}
	}
	for i, w := range opts.Words {
		if err := checkWord(w); err != nil {
			return nil, &DictError{Name: "Options.Words", Line: i + 1, Text: w.Text, Err: err}
		}
	}
	fin, err := financeWords()
	if err != nil {
		return nil, fmt.Errorf("entities: built-in dictionary: %w", err)
	}
	// Caller's words win over the finance list.
	lex := buildLexicon(opts.Words, fin)
	for _, n := range opts.Names {
		if checkWord(Word{Text: n}) != nil || !clauseWord(n) {
			continue
		}
		lex.addName(n)
	}
	load := sharedSegmenter(lex.gse, !opts.FinanceOnly)
	return &Extractor{
		lex:  lex,
		load: load,
		prep: sync.OnceValues(func() (*engine, error) {
			s, err := load()
			if err != nil {
				return nil, err
			}
			return newEngine(lex, s), nil
		}),
		full: !opts.FinanceOnly,
	}, nil
}

// Warm builds the shared segmenter now rather than on the first call to
// Entities, and reports a failure to build it. Applications can call it in
// the background at start-up.
func (e *Extractor) Warm() error {
	if e == nil || e.prep == nil {
		return errors.New("entities: Extractor not made by New")
	}
	_, err := e.prep()
	return err
}

// Entities returns the named entities in text, in text order, without
// overlaps (the longest span wins). Start and End are byte offsets into
// text: text[Start:End] == Text. Entities never lie inside numbers.
//
// If the segmenter cannot be built (see [Extractor.Warm]), or e was not
// made by [New], Entities returns nil.
func (e *Extractor) Entities(text string) []Entity {
	if e == nil || e.prep == nil {
		return nil
	}
	eng, err := e.prep()
	if err != nil || text == "" {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	x := extraction{lex: e.lex, seg: eng.seg, eng: eng, sc: sc}
	return x.scan(text)
}

// triggerWords returns the words whose presence makes a clause worth
// segmenting: every token that yields a candidate entity holds one of them.
// They are the listed persons, organisations and products, titles,
// organisation suffixes and (with gse's dictionary) cue verbs; the security
// names; and the organisations in gse's dictionary that the recogniser
// takes on their own (see [segmenter.orgWords]). Sorted, for a
// deterministic matcher.
func triggerWords(lx *lexicon, s *segmenter) []string {
	words := make([]string, 0, len(lx.kinds)+len(lx.names)+len(s.orgWords))
	for w, k := range lx.kinds {
		switch k {
		case WordPerson, WordOrganization, WordProduct, WordTitle, WordOrgSuffix:
			words = append(words, w)
		case WordCue:
			if s.full {
				words = append(words, w)
			}
		}
	}
	for n := range lx.names {
		words = append(words, n)
	}
	for _, w := range s.orgWords {
		if _, listed := lx.kinds[lowerASCII(w)]; !listed {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return slices.Compact(words)
}

// scratch holds the buffers of one Entities call, reused through a pool, so
// that a call allocates little besides gse's own work and the result.
type scratch struct {
	low   string // the text with ASCII lower-cased (the text itself when it has no capitals)
	b     []byte // one clause's bytes, as gse wants them
	cut   cutScratch
	hits  []ticker.Match // trigger words in the text
	names []int          // where security names start in the text, in order
	runs  []run          // the text's clause runs
	raw   []token        // tokens of one run before joining
	toks  []token        // tokens of the segmented runs, by run
	out   []token        // toks in text order, when runs were added late
	cands []candidate
	kept  []candidate
	known map[string]bool // persons found with a cue or title
	alias map[string]bool // short forms defined in brackets
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledTokens keeps one huge text from pinning its buffers in the pool.
const maxPooledTokens = 1 << 16

// release clears the buffers (they point into the caller's text) and
// returns them to the pool.
func (sc *scratch) release() {
	if cap(sc.toks) > maxPooledTokens || cap(sc.out) > maxPooledTokens || cap(sc.runs) > maxPooledTokens ||
		cap(sc.hits) > maxPooledTokens || cap(sc.cands) > maxPooledTokens {
		return
	}
	clear(sc.raw[:cap(sc.raw)])
	clear(sc.toks[:cap(sc.toks)])
	clear(sc.out[:cap(sc.out)])
	clear(sc.known)
	clear(sc.alias)
	sc.low = ""
	sc.raw, sc.toks, sc.out = sc.raw[:0], sc.toks[:0], sc.out[:0]
	sc.b, sc.hits, sc.runs, sc.names = sc.b[:0], sc.hits[:0], sc.runs[:0], sc.names[:0]
	sc.cands, sc.kept = sc.cands[:0], sc.kept[:0]
	scratchPool.Put(sc)
}

// EntitiesSeq is [Extractor.Entities] as an iterator. The entities are found
// when iteration starts; the sequence can be iterated more than once.
func (e *Extractor) EntitiesSeq(text string) iter.Seq[Entity] {
	return func(yield func(Entity) bool) {
		for _, ent := range e.Entities(text) {
			if !yield(ent) {
				return
			}
		}
	}
}

// String describes the extractor's configuration, for logs.
func (e *Extractor) String() string {
	if e == nil || e.lex == nil {
		return "entities.Extractor{}"
	}
	mode := "full"
	if !e.full {
		mode = "finance-only"
	}
	return "entities.Extractor{" + mode + ", " + strconv.Itoa(len(e.lex.kinds)) + " words, " +
		strconv.Itoa(len(e.lex.names)) + " names}"
}

// extraction is the state of one Entities call.
type extraction struct {
	lex *lexicon
	seg *segmenter
	eng *engine
	sc  *scratch

	// every segments every run, trigger word or not: tests compare the
	// filtered result with it.
	every bool
}

// run is a maximal clause run of the text (see [clauses]): the unit that is
// segmented whole or not at all. toks[lo:hi] are its tokens once segmented.
type run struct {
	start, end int
	lo, hi     int
	state      runState
}

type runState uint8

const (
	runSkipped   runState = iota // holds no trigger word
	runWanted                    // to be segmented
	runSegmented                 // segmented: lo and hi are set
)

// scan finds the entities of text: it segments the runs that hold a
// trigger word, runs the recognisers over their tokens, then segments the
// runs that repeat a person or a defined short form found so far and
// matches those over every token.
func (x *extraction) scan(text string) []Entity {
	toks := x.tokens(text)
	cands := x.recognise(text, toks)
	aliases := aliasDefinitions(text, cands, x.lex, &x.sc.alias)
	known := x.sc.known
	if len(aliases) > 0 || len(known) > 0 {
		toks = x.addRuns(text, aliases, known)
	}
	if len(aliases) > 0 {
		cands = matchKnown(text, toks, aliases, Organization, 8, cands)
	}
	// A name found once with a cue is a person wherever it stands alone:
	// as one token or as up to four contiguous tokens (single characters
	// the HMM was not asked to join).
	if len(known) > 0 {
		cands = matchKnown(text, toks, known, Person, 4, cands)
	}
	x.sc.cands = cands
	return resolve(text, cands, &x.sc.kept)
}

// tokens finds the clause runs of text, marks those that hold a trigger
// word that can yield an entity there, and segments them. The tokens come
// in text order, offsets into text.
func (x *extraction) tokens(text string) []token {
	sc := x.sc
	sc.low = lowerASCII(text)
	sc.runs = appendRuns(text, sc.runs[:0])
	sc.hits = x.eng.trig.FindAll(text, sc.hits[:0])
	h := 0
	for i := range sc.runs {
		r := &sc.runs[i]
		for h < len(sc.hits) && sc.hits[h].End <= r.start {
			h++
		}
		for ; h < len(sc.hits) && sc.hits[h].End <= r.end; h++ {
			if r.state == runSkipped && x.triggers(text, r, sc.hits[h]) {
				r.state = runWanted
			}
		}
		if x.every || x.eng.every {
			r.state = runWanted
		}
	}
	sc.toks = sc.toks[:0]
	for i := range sc.runs {
		if sc.runs[i].state == runWanted {
			x.segmentRun(text, &sc.runs[i])
		}
	}
	return sc.toks
}

// triggers reports whether the trigger word hit, which ends in r, can
// yield a candidate there. Most can; three kinds need more, which the
// recognisers ask for too: a title needs a family name right after it
// (nameAfter), a cue verb a family name two to four characters before it
// (nameBefore), and a suffix a token before it in the run (orgEndingAt).
func (x *extraction) triggers(text string, r *run, hit ticker.Match) bool {
	switch x.eng.kinds[hit.Pattern] {
	case WordTitle:
		return isSurnameStart(text[hit.End:r.end])
	case WordCue:
		p := hit.Start
		for n := 1; n <= 4 && p > r.start; n++ {
			_, size := utf8.DecodeLastRuneInString(text[r.start:p])
			p -= size
			if n >= 2 && isSurnameStart(text[p:r.end]) {
				return true
			}
		}
		return false
	case WordOrgSuffix:
		return hit.Start > r.start
	}
	return true
}

// appendRuns appends the maximal clause runs of text to dst: clauses that
// maxClause split apart are joined again, as their tokens touch.
func appendRuns(text string, dst []run) []run {
	clauses(text, func(start, end int) {
		if n := len(dst); n > 0 && dst[n-1].end == start {
			dst[n-1].end = end
			return
		}
		dst = append(dst, run{start: start, end: end})
	})
	return dst
}

// segmentRun segments every clause of r, annotates the tokens with their
// dictionary kinds, joins the runs of single characters a recogniser will
// look at, and appends the result to x.sc.toks.
func (x *extraction) segmentRun(text string, r *run) {
	sc := x.sc
	raw := sc.raw[:0]
	clauses(text[r.start:r.end], func(start, end int) {
		start, end = start+r.start, end+r.start
		// A clause that is one listed word (腾讯、阿里、百度) needs no
		// segmentation.
		if end-start <= 48 {
			if _, ok := x.lex.kinds[sc.low[start:end]]; ok {
				raw = append(raw, token{text: text[start:end], start: start, end: end})
				return
			}
		}
		var ok bool
		if raw, ok = x.seg.cut(text, sc.low, start, end, &sc.cut, raw); !ok {
			sc.b = append(sc.b[:0], text[start:end]...)
			// A clause gse did not tile is skipped rather than guessed at.
			raw, _ = x.seg.cutGse(text, start, sc.b, raw)
		}
	})
	for i := range raw {
		x.annotate(&raw[i])
	}
	sc.raw = raw
	r.lo = len(sc.toks)
	sc.toks = x.joinRuns(text, raw, sc.toks)
	r.hi = len(sc.toks)
	r.state = runSegmented
}

// addRuns segments the runs not segmented yet that hold one of the words
// in sets, and returns every segmented run's tokens in text order. The new
// runs hold no trigger word, so they add no candidate of their own: the
// recognisers need not see them again, only matchKnown does.
func (x *extraction) addRuns(text string, sets ...map[string]bool) []token {
	sc := x.sc
	added := false
	for _, set := range sets {
		for w := range set {
			for off := 0; off < len(text); {
				k := strings.Index(text[off:], w)
				if k < 0 {
					break
				}
				p := off + k
				// Known words lie within one run: w is a clause word.
				i, _ := slices.BinarySearchFunc(sc.runs, p, func(r run, p int) int { return cmp.Compare(r.end, p+1) })
				if i < len(sc.runs) && sc.runs[i].start <= p && sc.runs[i].state != runSegmented {
					x.segmentRun(text, &sc.runs[i])
					added = true
				}
				off = p + len(w)
			}
		}
	}
	if !added {
		return sc.toks
	}
	out := sc.out[:0]
	for _, r := range sc.runs {
		if r.state == runSegmented {
			out = append(out, sc.toks[r.lo:r.hi]...)
		}
	}
	sc.out = out
	return out
}

// annotate fills a token's character classes and dictionary fields.
func (x *extraction) annotate(t *token) {
	t.describe()
	t.low = x.sc.low[t.start:t.end]
	if k, ok := x.lex.kinds[t.low]; ok {
		t.kind, t.lex = k, true
		return
	}
	if !x.seg.full || t.runes < 2 {
		return
	}
	if t.known {
		t.big = t.freq > 0
	} else if f, pos, ok := x.seg.lookup(t.low); ok && f > 0 {
		t.big, t.pos, t.freq = true, pos, f
	}
}

// joinRuns appends toks to dst, joining with gse's HMM the runs of single
// unlisted Han characters that a recogniser will look at: after a title
// (董事长|刘|明|远), or shortly before an organisation suffix or a verb cue.
// Other runs stay as single characters: the HMM is the slowest step, and
// their words would not be reported anyway.
func (x *extraction) joinRuns(text string, toks, dst []token) []token {
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && isLoneHan(toks[j]) && (j == i || toks[j-1].end == toks[j].start) {
			j++
		}
		if j-i < 2 || !runNeeded(toks, i, j) {
			n := max(j, i+1)
			dst = append(dst, toks[i:n]...)
			i = n
			continue
		}
		n := len(dst)
		var ok bool
		dst, ok = x.seg.hmmRun(text, toks[i].start, toks[j-1].end, dst)
		if !ok {
			dst = append(dst[:n], toks[i:j]...)
		} else {
			for k := n; k < len(dst); k++ {
				x.annotate(&dst[k])
			}
		}
		i = j
	}
	return dst
}

// isLoneHan reports a single Han character that is not a listed word.
func isLoneHan(t token) bool {
	return t.runes == 1 && t.han && !t.lex
}

// runNeeded reports whether the run toks[i:j] sits where a recogniser
// looks: right after a title, or followed within six tokens by a suffix or
// a cue.
func runNeeded(toks []token, i, j int) bool {
	if i > 0 && toks[i-1].end == toks[i].start && toks[i-1].lex && toks[i-1].kind == WordTitle {
		return true
	}
	for k := j; k < len(toks) && k < j+6; k++ {
		if toks[k].start != toks[k-1].end {
			break
		}
		if toks[k].lex && (toks[k].kind == WordOrgSuffix || toks[k].kind == WordCue) {
			return true
		}
	}
	return false
}

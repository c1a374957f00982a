package entities

import (
	"errors"
	"fmt"
	"iter"
	"strconv"
	"sync"

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
	// and 130 MiB to load) and segments with the finance dictionary and
	// Words alone. The extractor then builds in about a millisecond and
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
// about 1 s and 130 MiB of heap with gse's dictionary, about 1 ms and 1 MiB
// with FinanceOnly. The segmenter is kept for the life of the process.
// Numbers and claims ([Claims]) never need it.
type Extractor struct {
	lex  *lexicon
	load func() (*segmenter, error)
	full bool
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
	return &Extractor{
		lex:  lex,
		load: sharedSegmenter(lex.gse, !opts.FinanceOnly),
		full: !opts.FinanceOnly,
	}, nil
}

// Warm builds the shared segmenter now rather than on the first call to
// Entities, and reports a failure to build it. Applications can call it in
// the background at start-up.
func (e *Extractor) Warm() error {
	if e == nil || e.load == nil {
		return errors.New("entities: Extractor not made by New")
	}
	_, err := e.load()
	return err
}

// Entities returns the named entities in text, in text order, without
// overlaps (the longest span wins). Start and End are byte offsets into
// text: text[Start:End] == Text. Entities never lie inside numbers.
//
// If the segmenter cannot be built (see [Extractor.Warm]), or e was not
// made by [New], Entities returns nil.
func (e *Extractor) Entities(text string) []Entity {
	if e == nil || e.load == nil {
		return nil
	}
	s, err := e.load()
	if err != nil || text == "" {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	x := extraction{lex: e.lex, seg: s, sc: sc}
	return x.scan(text, x.tokens(text))
}

// scratch holds the buffers of one Entities call, reused through a pool:
// the tokens are the bulk of what a call allocates besides gse's own work.
type scratch struct {
	b        []byte  // the text's bytes, as gse wants them
	raw, out []token // tokens before and after joining runs
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledTokens keeps one huge text from pinning its buffers in the pool.
const maxPooledTokens = 1 << 16

// release clears the buffers (tokens point into the caller's text) and
// returns them to the pool.
func (sc *scratch) release() {
	if cap(sc.raw) > maxPooledTokens || cap(sc.out) > maxPooledTokens || cap(sc.b) > 16*maxPooledTokens {
		return
	}
	clear(sc.raw)
	clear(sc.out)
	sc.raw, sc.out, sc.b = sc.raw[:0], sc.out[:0], sc.b[:0]
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
	sc  *scratch
}

// tokens segments every clause of text and annotates the tokens with their
// dictionary kinds. Offsets are into text.
func (x *extraction) tokens(text string) []token {
	raw := x.sc.raw[:0]
	b := append(x.sc.b[:0], text...)
	x.sc.b = b
	clauses(text, func(start, end int) {
		// A clause that is one listed word (腾讯、阿里、百度) needs no
		// segmentation.
		if end-start <= 48 {
			if _, ok := x.lex.kinds[lowerASCII(text[start:end])]; ok {
				raw = append(raw, token{text: text[start:end], start: start, end: end})
				return
			}
		}
		// A clause gse did not tile is skipped rather than guessed at.
		raw, _ = x.seg.cut(text, b, start, end, raw)
	})
	x.sc.raw = raw
	for i := range raw {
		x.annotate(&raw[i])
	}
	return x.joinRuns(text, raw)
}

// annotate fills a token's character classes and dictionary fields.
func (x *extraction) annotate(t *token) {
	t.describe()
	t.low = lowerASCII(t.text)
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

// joinRuns joins, with gse's HMM, the runs of single unlisted Han characters
// that a recogniser will look at: after a title (董事长|刘|明|远), or shortly
// before an organisation suffix or a verb cue. Other runs stay as single
// characters: the HMM is the slowest step, and their words would not be
// reported anyway.
func (x *extraction) joinRuns(text string, toks []token) []token {
	var out []token
	joined := false
	last := 0 // toks[last:] not yet copied to out
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && isLoneHan(toks[j]) && (j == i || toks[j-1].end == toks[j].start) {
			j++
		}
		if j-i < 2 || !runNeeded(toks, i, j) {
			i = max(j, i+1)
			continue
		}
		if !joined {
			out, joined = x.sc.out[:0], true
		}
		out = append(out, toks[last:i]...)
		n := len(out)
		var ok bool
		out, ok = x.seg.hmmRun(text, toks[i].start, toks[j-1].end, out)
		if !ok {
			out = append(out[:n], toks[i:j]...)
		} else {
			for k := n; k < len(out); k++ {
				x.annotate(&out[k])
			}
		}
		last, i = j, j
	}
	if !joined {
		return toks
	}
	out = append(out, toks[last:]...)
	x.sc.out = out
	return out
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

// scan runs the recognisers; see ner.go.
func (x *extraction) scan(text string, toks []token) []Entity {
	return scanTokens(text, toks, x.seg.full, x.lex)
}

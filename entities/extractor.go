package entities

import (
	"fmt"
	"iter"
	"strconv"
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
	// They are added as organisations. Names holding white space or invalid
	// UTF-8 are skipped; the stocknews package passes them in for you.
	Names []string

	// FinanceOnly skips gse's embedded dictionary (352,000 words, about 1 s
	// and 130 MiB to load) and segments with the finance dictionary, Words
	// and Names alone. The extractor then builds in about a millisecond and
	// finds the listed entities, persons after titles (董事长雷军) and
	// organisations by suffix; it misses persons found only by a verb cue
	// (张颖表示) and organisations known only to gse's dictionary. Good for
	// tests and for callers who need the finance terms only.
	FinanceOnly bool
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
	names := make([]Word, 0, len(opts.Names))
	for _, n := range opts.Names {
		if checkWord(Word{Text: n}) != nil {
			continue
		}
		names = append(names, Word{Text: n, Kind: WordOrganization})
	}
	// Caller's words win over the finance list; the finance list wins over
	// master names, whose aliases can be ambiguous words.
	lex := buildLexicon(opts.Words, fin, names)
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
	_, err := e.load()
	return err
}

// Entities returns the named entities in text, in text order, without
// overlaps (the longest span wins). Start and End are byte offsets into
// text: text[Start:End] == Text. Entities never lie inside numbers.
//
// If the segmenter cannot be built (see [Extractor.Warm]) Entities returns
// nil.
func (e *Extractor) Entities(text string) []Entity {
	s, err := e.load()
	if err != nil || text == "" {
		return nil
	}
	x := extraction{lex: e.lex, seg: s}
	toks := x.tokens(text)
	return x.scan(text, toks)
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
	mode := "full"
	if !e.full {
		mode = "finance-only"
	}
	return "entities.Extractor{" + mode + ", " + strconv.Itoa(len(e.lex.kinds)) + " words}"
}

// extraction is the state of one Entities call.
type extraction struct {
	lex *lexicon
	seg *segmenter
}

// tokens segments every clause of text and annotates the tokens with their
// dictionary kinds. Offsets are into text.
func (x *extraction) tokens(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	clauses(text, func(start, end int) {
		n := len(toks)
		var ok bool
		toks, ok = x.seg.cut(text[start:end], toks)
		if !ok {
			return // gse did not tile the clause; skip it rather than guess
		}
		for i := n; i < len(toks); i++ {
			t := &toks[i]
			t.start += start
			t.end += start
			t.describe()
			if k, ok := x.lex.kinds[t.low]; ok {
				t.kind, t.lex = k, true
			} else if x.seg.full && t.runes > 1 {
				if f, pos, ok := x.seg.lookup(t.low); ok && f > 0 {
					t.big, t.pos, t.freq = true, pos, f
				}
			}
		}
	})
	return toks
}

// scan runs the recognisers; see ner.go.
func (x *extraction) scan(text string, toks []token) []Entity {
	return scanTokens(text, toks, x.seg.full)
}

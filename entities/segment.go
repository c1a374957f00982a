package entities

import (
	"crypto/sha256"
	"fmt"
	"sync"

	"github.com/go-ego/gse"
	"github.com/go-ego/gse/hmm"
)

// segmenter wraps one gse.Segmenter. It is built once and then only read:
// no AddToken, Load* or CalcToken ever runs on it after construction, which
// is what makes concurrent Cut calls safe.
type segmenter struct {
	seg  gse.Segmenter
	full bool // gse's embedded zh_s dictionary is loaded
}

// segKey identifies a segmenter configuration: the dictionary text handed to
// gse and whether gse's own dictionary is loaded after it.
type segKey struct {
	dict [sha256.Size]byte
	full bool
}

var (
	// segMu guards segCache.
	segMu sync.Mutex
	// segCache holds one lazily built segmenter per configuration, for the
	// life of the process: Extractors with equal dictionaries share one.
	segCache = map[segKey]func() (*segmenter, error){}

	// buildMu serialises segmenter construction. gse keeps its HMM tables
	// in package globals; building two segmenters at once, or loading the
	// tables while another goroutine cuts, is a data race.
	buildMu sync.Mutex

	// loadHMM loads gse's HMM emission tables exactly once, before the
	// first segmenter is built. Every segmenter is then built with
	// NotLoadHMM, so no later build rewrites the tables under a running Cut.
	loadHMM = sync.OnceFunc(func() { hmm.LoadModel() })
)

// sharedSegmenter returns the loader of the process-wide segmenter for a
// dictionary configuration. The loader builds on its first call and returns
// the same segmenter (or error) ever after.
func sharedSegmenter(dict string, full bool) func() (*segmenter, error) {
	key := segKey{dict: sha256.Sum256([]byte(dict)), full: full}
	segMu.Lock()
	defer segMu.Unlock()
	if f, ok := segCache[key]; ok {
		return f
	}
	f := sync.OnceValues(func() (*segmenter, error) { return buildSegmenter(dict, full) })
	segCache[key] = f
	return f
}

// buildSegmenter loads the finance dictionary first, so that its entries win
// over gse's (the first entry of a word wins), then gse's simplified Chinese
// dictionary when full is set. It never reads files: both come from memory.
func buildSegmenter(dict string, full bool) (*segmenter, error) {
	buildMu.Lock()
	defer buildMu.Unlock()
	loadHMM()
	s := &segmenter{full: full}
	s.seg.SkipLog = true
	s.seg.NotLoadHMM = true
	if err := s.seg.LoadDictStr(dict); err != nil {
		return nil, fmt.Errorf("entities: loading finance dictionary: %w", err)
	}
	if full {
		if err := s.seg.LoadDictEmbed("zh_s"); err != nil {
			return nil, fmt.Errorf("entities: loading gse dictionary zh_s: %w", err)
		}
	}
	return s, nil
}

// cut segments one clause with gse's DAG and HMM (unknown runs of characters
// are joined by the HMM, which is how new names are found). gse lower-cases
// ASCII letters, so tokens are matched back to the clause by byte length;
// ok is false if the tokens do not tile the clause exactly.
func (s *segmenter) cut(clause string, dst []token) ([]token, bool) {
	words := s.seg.Cut(clause, true)
	start := len(dst)
	off := 0
	for _, w := range words {
		end := off + len(w)
		if end > len(clause) || lowerASCII(clause[off:end]) != w {
			return dst[:start], false
		}
		dst = append(dst, token{text: clause[off:end], low: w, start: off, end: end})
		off = end
	}
	if off != len(clause) {
		return dst[:start], false
	}
	return dst, true
}

// lookup reports the frequency and tag of a word in the segmenter's
// dictionary.
func (s *segmenter) lookup(word string) (freq float64, pos string, ok bool) {
	return s.seg.Find(word)
}

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
// is what makes concurrent Segment and HMMCut calls safe.
type segmenter struct {
	seg  gse.Segmenter
	full bool // gse's embedded zh_s dictionary is loaded

	// orgWords are the words of gse's dictionary that the recogniser takes
	// as organisations on their own (see [isOrgWord]); empty without it.
	orgWords []string
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
		for i := range s.seg.Dict.Tokens {
			if tk := &s.seg.Dict.Tokens[i]; tk.Pos() == "nt" && isOrgWord(tk.Text()) {
				s.orgWords = append(s.orgWords, tk.Text())
			}
		}
	}
	return s, nil
}

// isOrgWord reports whether a word that gse's dictionary tags nt is taken
// as an organisation on its own, as the recogniser does (人民检察院): at
// least three Han characters, an organisation's ending, not a place before
// bare 公司.
func isOrgWord(w string) bool {
	n := 0
	for _, r := range w {
		if !isHan(r) {
			return false
		}
		n++
	}
	return n >= 3 && orgLikeEnding(w) && !placeCompany(w)
}

// cut segments the clause b, which holds the bytes of text from start on,
// and appends its tokens, with offsets into text, to dst.
//
// It runs gse's shortest-path Segment, which is several times faster than
// the DAG with HMM, and gives each dictionary word its tag and frequency.
// Characters the dictionary does not cover come out one by one; the caller
// joins the runs it needs with [segmenter.hmmRun], as gse's DAG mode does
// for all of them. ok is false if the segments do not tile the clause.
func (s *segmenter) cut(text string, start int, b []byte, dst []token) (_ []token, ok bool) {
	n0 := len(dst)
	off := 0
	for _, sg := range s.seg.Segment(b) {
		if sg.Start() != off || sg.End() <= off || sg.End() > len(b) {
			return dst[:n0], false
		}
		ts, te := start+sg.Start(), start+sg.End()
		t := token{text: text[ts:te], start: ts, end: te}
		if tk := sg.Token(); tk.Pos() != "x" {
			t.pos, t.freq, t.known = tk.Pos(), tk.Freq(), true
		}
		dst = append(dst, t)
		off = sg.End()
	}
	if off != len(b) {
		return dst[:n0], false
	}
	return dst, true
}

// hmmRun joins a run of single Han characters, text[start:end], with gse's
// HMM and appends the resulting words.
func (s *segmenter) hmmRun(text string, start, end int, dst []token) ([]token, bool) {
	off := start
	for _, w := range s.seg.HMMCut(text[start:end]) {
		e := off + len(w)
		if e > end || text[off:e] != w {
			return dst, false
		}
		dst = append(dst, token{text: text[off:e], start: off, end: e})
		off = e
	}
	return dst, off == end
}

// lookup reports the frequency and tag of a word in the segmenter's
// dictionary.
func (s *segmenter) lookup(word string) (freq float64, pos string, ok bool) {
	return s.seg.Find(word)
}

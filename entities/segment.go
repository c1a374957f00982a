package entities

import (
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/go-ego/gse"
	"github.com/go-ego/gse/hmm"
)

// segmenter wraps one gse.Segmenter. It is built once and then only read:
// no AddToken, Load* or CalcToken ever runs on it after construction, which
// is what makes concurrent Segment and HMMCut calls safe. The one thing
// written later is the word cache (words), entry by entry, atomically.
type segmenter struct {
	seg  gse.Segmenter
	full bool // gse's embedded zh_s dictionary is loaded

	// logTotal is log2 of the dictionary's total frequency, in float32 as
	// gse keeps it: a word's distance is logTotal - log2(freq).
	logTotal float32
	// words caches, for every word of gse's dictionary by its index in
	// Dict.Tokens, what cut needs: the word's distance and its length in
	// units (see [segmenter.word]). An entry is filled the first time cut
	// meets the word; computing all 352,000 up front would add a tenth to
	// the build.
	words []atomic.Uint64
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
	s.indexWords()
	return s, nil
}

// indexWords sizes the cache of s.words for gse's dictionary, which is
// never modified after this.
func (s *segmenter) indexWords() {
	s.logTotal = float32(math.Log2(s.seg.Dict.TotalFreq()))
	s.words = make([]atomic.Uint64, len(s.seg.Dict.Tokens))
}

// word returns gse's distance for the dictionary word w, whose index in
// Dict.Tokens is i, and its length in units (0 if over 255). The first
// call for a word computes them and caches them in s.words; concurrent
// first calls store the same value.
func (s *segmenter) word(i int, w *gse.Token) (dist float32, units int) {
	v := s.words[i].Load()
	if v == 0 {
		dist := s.logTotal - float32(math.Log2(w.Freq()))
		n := gseUnits(w.Text())
		if n > math.MaxUint8 {
			n = 0
		}
		v = 1<<63 | uint64(n)<<32 | uint64(math.Float32bits(dist))
		s.words[i].Store(v)
	}
	return math.Float32frombits(uint32(v)), int(v >> 32 & math.MaxUint8)
}

// wordIndex returns the index in gse's Dict.Tokens of a word its
// LookupTokens gave (a pointer into that slice), or -1 if w is not in it.
// gse offers no index, so it is computed from the address, and checked.
func (s *segmenter) wordIndex(w *gse.Token) int {
	toks := s.seg.Dict.Tokens
	if len(toks) == 0 {
		return -1
	}
	off := uintptr(unsafe.Pointer(w)) - uintptr(unsafe.Pointer(&toks[0]))
	i := off / unsafe.Sizeof(toks[0])
	if i >= uintptr(len(toks)) || &toks[i] != w {
		return -1
	}
	return int(i)
}

// gseUnits returns the number of units gse splits a word into (see
// gse.SplitWords): a run of letters and digits under three bytes each is
// one unit, every other character one unit.
func gseUnits(word string) int {
	n := 0
	inRun := false
	for i := 0; i < len(word); {
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		if size <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
			if !inRun {
				n++
				inRun = true
			}
			continue
		}
		inRun = false
		n++
	}
	return n
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

// cutScratch holds the buffers of [segmenter.cut], reused across clauses.
type cutScratch struct {
	b     []byte       // the clause's bytes, lower-cased
	units []gse.Text   // the clause split as gse splits it
	ends  []int        // byte offset in the clause where each unit ends
	jump  []jumper     // the best path ending at each unit
	found []*gse.Token // dictionary words starting at a unit
}

// jumper is the best path found so far that ends at a unit: its length
// (0: none yet), the word that ends it (nil for a single unit no word
// covers) and that word's length in units.
type jumper struct {
	dist  float32
	word  *gse.Token
	units int
}

// cut segments the clause low[start:end] (ASCII already lower-cased, as
// gse lower-cases it) and appends its tokens, with offsets into text, to
// dst. Each dictionary word carries its tag and frequency; characters the
// dictionary does not cover come out one by one, and the caller joins the
// runs it needs with [segmenter.hmmRun], as gse's DAG mode does for all of
// them.
//
// It is gse's shortest-path Segment, which is several times faster than
// the DAG with HMM, written again over gse's dictionary so that it reuses
// its buffers (gse's own allocates for every clause and for most
// characters) and reads each word's distance and length from a cache
// ([segmenter.word]). It gives exactly gse's result (a test checks it on the
// corpus and by fuzzing); keep it in step with gse's segmentWords when
// gse is upgraded.
//
// ok is false, with dst as it was, if gse's dictionary gives a word that
// is not in its Dict.Tokens (a change
// in gse); the caller then falls back to gse's Segment.
func (s *segmenter) cut(text, low string, start, end int, cs *cutScratch, dst []token) (_ []token, ok bool) {
	clause := low[start:end]
	cs.b = append(cs.b[:0], clause...)
	// Units: each Han character, and each run of ASCII letters and digits.
	cs.units, cs.ends = cs.units[:0], cs.ends[:0]
	for i := 0; i < len(clause); {
		j := i + 1
		if clause[i] < utf8.RuneSelf {
			for j < len(clause) && clause[j] < utf8.RuneSelf {
				j++
			}
		} else {
			_, size := utf8.DecodeRuneInString(clause[i:])
			j = i + size
		}
		cs.units = append(cs.units, gse.Text(cs.b[i:j]))
		cs.ends = append(cs.ends, j)
		i = j
	}
	n := len(cs.units)
	cs.jump = slices.Grow(cs.jump[:0], n)[:n]
	clear(cs.jump)
	maxLen := s.seg.Dict.MaxTokenLen()
	if len(cs.found) < maxLen {
		cs.found = make([]*gse.Token, maxLen)
	}
	for cur := 0; cur < n; cur++ {
		var base float32
		if cur > 0 {
			base = cs.jump[cur-1].dist
		}
		m := s.seg.Dict.LookupTokens(cs.units[cur:min(cur+maxLen, n)], cs.found)
		first := 0
		for _, w := range cs.found[:m] {
			i := s.wordIndex(w)
			if i < 0 {
				return dst, false
			}
			dist, units := s.word(i, w)
			if units == 0 || cur+units > n {
				return dst, false
			}
			if first == 0 {
				first = units
			}
			relax(&cs.jump[cur+units-1], base+dist, w, units)
		}
		// A unit no one-unit word covers is a word of its own, at gse's
		// distance 32.
		if m == 0 || first > 1 {
			relax(&cs.jump[cur], base+32, nil, 1)
		}
	}
	return cs.appendPath(text, start, dst), true
}

// start returns the byte offset in the clause where unit i starts.
func (cs *cutScratch) start(i int) int {
	if i == 0 {
		return 0
	}
	return cs.ends[i-1]
}

// relax records a path of length d ending at j with word w if it is
// shorter than the best so far, as gse's updateJumper does (0 means none).
func relax(j *jumper, d float32, w *gse.Token, units int) {
	if j.dist == 0 || j.dist > d {
		j.dist, j.word, j.units = d, w, units
	}
}

// appendPath appends the tokens of the best path through the clause that
// starts at text[start], first to last.
func (cs *cutScratch) appendPath(text string, start int, dst []token) []token {
	n0 := len(dst)
	for i := len(cs.jump) - 1; i >= 0; i -= cs.jump[i].units {
		j := cs.jump[i]
		ts, te := start+cs.start(i-j.units+1), start+cs.ends[i]
		t := token{text: text[ts:te], start: ts, end: te}
		if j.word != nil && j.word.Pos() != "x" {
			t.pos, t.freq, t.known = j.word.Pos(), j.word.Freq(), true
		}
		dst = append(dst, t)
	}
	slices.Reverse(dst[n0:])
	return dst
}

// cutGse segments the clause b, which holds the bytes of text from start
// on, with gse's own Segment and appends its tokens, with offsets into
// text, to dst: what [segmenter.cut] does without reusing buffers. ok is
// false if the segments do not tile the clause.
func (s *segmenter) cutGse(text string, start int, b []byte, dst []token) (_ []token, ok bool) {
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

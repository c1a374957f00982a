package ticker

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// acMatcher is a compact Aho–Corasick automaton over runes, written for
// this package rather than taken from a library: the patterns are a few
// thousand short names, the text must be folded rune by rune as it is read
// (full-width Ａ matches A, Latin letters match in any case) without copying
// it, and the caller needs every match with its start byte so that it can
// apply its own leftmost-longest and boundary rules. A byte-level library
// would need a folded copy of every text and an offset map back.
//
// The goto function is a double array: runes are numbered densely (the
// alphabet of the patterns, a few thousand Chinese characters and Latin
// letters), and the state after s on rune code c is next[base[s]+c] when
// check[base[s]+c] == s, so every transition costs two array reads however
// many edges a state has (the root has thousands). Each state also has a
// failure link, the pattern that ends there and a link to the next state
// on the failure chain where a pattern ends. Matching costs
// O(len(text) + matches) and allocates only the result. The sorted edge
// lists the double array is built from are kept for building the failure
// links.
type acMatcher struct {
	edgeLo   []int32 // edges of state s are [edgeLo[s], edgeLo[s+1])
	edgeRune []rune
	edgeNext []int32
	fail     []int32
	out      []int32  // pattern ending at the state, or -1
	dict     []int32  // nearest state on the failure chain with out >= 0, or -1
	patRunes []int32  // length of each pattern in runes
	pats     []string // the patterns, by id (set by the owner)

	// alpha numbers the runes below len(alpha) (at most the Basic
	// Multilingual Plane) that occur in some pattern from 1; 0 means the
	// rune is in no pattern, so the matcher drops back to the root at
	// once. alphaHi numbers the others.
	alpha   []uint16
	alphaHi map[rune]int32
	// The double array: base per state, check and next per slot.
	base, check, next []int32
}

// maxPatternRunes bounds the pattern length: the matcher remembers the
// start offsets of that many recent runes. Longer patterns are skipped.
const maxPatternRunes = 63

// acHit is one match: pattern id and byte span in the text.
type acHit struct {
	pat        int32
	start, end int32
}

// newACMatcher builds the automaton over patterns, which must already be
// folded (see foldRune). Pattern i is reported as pat == i.
func newACMatcher(patterns []string) *acMatcher {
	patterns = validPatterns(patterns)
	m := &acMatcher{patRunes: make([]int32, len(patterns))}
	edges := m.buildTrie(patterns)
	m.setEdges(edges)
	m.buildDoubleArray()
	m.buildFailLinks()
	return m
}

// validPatterns returns patterns with each run of invalid UTF-8 bytes
// replaced by U+FFFD; the slice is copied only when some pattern needs it.
// The trie is built in byte order, which is rune order only for valid
// UTF-8: a stray byte such as 0x91 sorts before a Chinese character
// although it decodes to U+FFFD, after it. (Such a pattern matches
// nothing: invalid bytes in a text match nothing.)
func validPatterns(patterns []string) []string {
	for i, p := range patterns {
		if !utf8.ValidString(p) {
			out := slices.Clone(patterns)
			for j := i; j < len(out); j++ {
				out[j] = strings.ToValidUTF8(out[j], "\uFFFD")
			}
			return out
		}
	}
	return patterns
}

// trieEdge leads from parent on r; edge i leads to state i+1.
type trieEdge struct {
	parent int32
	r      rune
}

// buildTrie builds the trie from the patterns in sorted order, so that
// each pattern shares the path of its common prefix with the one before
// and every state's children are created in ascending rune order: no
// per-state maps. It sets out and patRunes and returns the edges.
func (m *acMatcher) buildTrie(patterns []string) []trieEdge {
	order := make([]int32, len(patterns))
	for i := range order {
		order[i] = int32(i)
	}
	if !slices.IsSorted(patterns) { // the callers pass them sorted
		slices.SortStableFunc(order, func(a, b int32) int { return strings.Compare(patterns[a], patterns[b]) })
	}
	// The trie has at most one state per pattern rune: sizing for that
	// costs little (pages never written are never touched) and spares the
	// copies of growing.
	total := 0
	for _, p := range patterns {
		total += min(utf8.RuneCountInString(p), maxPatternRunes)
	}
	edges := make([]trieEdge, 0, total)
	m.out = make([]int32, 1, total+1)
	m.out[0] = -1
	path := []int32{0}
	var prev, cur []rune
	for _, pi := range order {
		cur = cur[:0]
		for _, r := range patterns[pi] {
			cur = append(cur, r)
		}
		n := len(cur)
		m.patRunes[pi] = int32(n)
		if n == 0 || n > maxPatternRunes {
			continue
		}
		k := 0
		for k < len(prev) && k < n && prev[k] == cur[k] {
			k++
		}
		path = path[:k+1]
		for j := k; j < n; j++ {
			path = append(path, int32(len(m.out)))
			m.out = append(m.out, -1)
			edges = append(edges, trieEdge{path[j], cur[j]})
		}
		if m.out[path[n]] < 0 {
			m.out[path[n]] = pi
		}
		prev, cur = cur, prev
	}
	return edges
}

// setEdges stores the edges grouped by state (edgeLo, edgeRune, edgeNext),
// each state's in ascending rune order.
func (m *acMatcher) setEdges(edges []trieEdge) {
	ns := len(m.out)
	m.edgeLo = make([]int32, ns+1)
	for _, e := range edges {
		m.edgeLo[e.parent+1]++
	}
	for s := 1; s <= ns; s++ {
		m.edgeLo[s] += m.edgeLo[s-1]
	}
	m.edgeRune = make([]rune, len(edges))
	m.edgeNext = make([]int32, len(edges))
	fill := slices.Clone(m.edgeLo[:ns])
	for i, e := range edges {
		j := fill[e.parent]
		fill[e.parent]++
		m.edgeRune[j], m.edgeNext[j] = e.r, int32(i+1)
	}
}

// buildFailLinks sets the failure and dictionary links, breadth first.
func (m *acMatcher) buildFailLinks() {
	ns := len(m.out)
	m.fail = make([]int32, ns)
	m.dict = make([]int32, ns)
	queue := make([]int32, 0, ns)
	m.dict[0] = -1
	for e := m.edgeLo[0]; e < m.edgeLo[1]; e++ {
		c := m.edgeNext[e]
		m.dict[c] = -1
		queue = append(queue, c)
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for e := m.edgeLo[s]; e < m.edgeLo[s+1]; e++ {
			r, c := m.edgeRune[e], m.edgeNext[e]
			f := m.fail[s]
			for {
				if nx := m.goTo(f, r); nx >= 0 {
					m.fail[c] = nx
					break
				}
				if f == 0 {
					m.fail[c] = 0
					break
				}
				f = m.fail[f]
			}
			if fc := m.fail[c]; m.out[fc] >= 0 {
				m.dict[c] = fc
			} else {
				m.dict[c] = m.dict[fc]
			}
			queue = append(queue, c)
		}
	}
}

// code returns the alphabet number of r, 0 when r is in no pattern.
func (m *acMatcher) code(r rune) int32 {
	if uint32(r) < uint32(len(m.alpha)) {
		return int32(m.alpha[r])
	}
	if r < 0x10000 {
		return 0
	}
	return m.alphaHi[r]
}

// buildDoubleArray numbers the alphabet and places every state's edges in
// the double array, first fit.
func (m *acMatcher) buildDoubleArray() {
	// Number the distinct runes in ascending order: mark those of the
	// BMP in alpha, then number them in one sweep, the others after them.
	top := rune(0) // the largest BMP rune of the patterns
	for _, r := range m.edgeRune {
		if r < 0x10000 {
			top = max(top, r)
		}
	}
	m.alpha = make([]uint16, top+1)
	var hi []rune
	for _, r := range m.edgeRune {
		if r < 0x10000 {
			m.alpha[r] = 1
		} else {
			hi = append(hi, r)
		}
	}
	nr := int32(0)
	for r, seen := range m.alpha {
		if seen != 0 {
			nr++
			m.alpha[r] = uint16(nr) // fits: a string holds no surrogates
		}
	}
	slices.Sort(hi)
	for _, r := range slices.Compact(hi) {
		if m.alphaHi == nil {
			m.alphaHi = make(map[rune]int32)
		}
		nr++
		m.alphaHi[r] = nr
	}
	ns := len(m.out)
	m.base = make([]int32, ns)
	used := make([]bool, 0, 2*ns+int(nr)+2)
	firstFree := 0
	grow := func(n int) {
		for len(used) < n {
			used = append(used, false)
		}
	}
	codes := make([]int32, 0, 16)
	for s := 0; s < ns; s++ {
		lo, hi := m.edgeLo[s], m.edgeLo[s+1]
		if lo == hi {
			continue
		}
		codes = codes[:0]
		for e := lo; e < hi; e++ {
			codes = append(codes, m.code(m.edgeRune[e])) // ascending, as the runes
		}
		for firstFree < len(used) && used[firstFree] {
			firstFree++
		}
		b := int32(firstFree) - codes[0]
	search:
		for ; ; b++ {
			grow(int(b+codes[len(codes)-1]) + 1)
			for _, c := range codes {
				if used[b+c] {
					continue search
				}
			}
			break
		}
		m.base[s] = b
		for _, c := range codes {
			used[b+c] = true
		}
	}
	m.check = make([]int32, len(used))
	m.next = make([]int32, len(used))
	for i := range m.check {
		m.check[i] = -1
	}
	for s := 0; s < ns; s++ {
		for e := m.edgeLo[s]; e < m.edgeLo[s+1]; e++ {
			t := m.base[s] + m.code(m.edgeRune[e])
			m.check[t] = int32(s)
			m.next[t] = m.edgeNext[e]
		}
	}
}

// goTo returns the goto target of state s on r, or -1, from the double
// array.
func (m *acMatcher) goTo(s int32, r rune) int32 {
	if t := m.base[s] + m.code(r); uint(t) < uint(len(m.check)) && m.check[t] == s {
		return m.next[t]
	}
	return -1
}

// findAll appends every match of every pattern in text to hits, in order
// of end offset, and returns it. Text runes are folded with foldRune;
// invalid UTF-8 bytes match nothing.
func (m *acMatcher) findAll(text string, hits []acHit) []acHit {
	if m == nil || len(m.out) == 0 {
		return hits
	}
	var starts [maxPatternRunes + 1]int32 // ring of recent rune start offsets
	s := int32(0)
	n := 0 // runes read
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		starts[n&maxPatternRunes] = int32(i)
		n++
		i += size
		c := m.code(foldRune(r))
		if c == 0 { // in no pattern: every match is broken
			s = 0
			continue
		}
		for {
			if t := m.base[s] + c; uint(t) < uint(len(m.check)) && m.check[t] == s {
				s = m.next[t]
				break
			}
			if s == 0 {
				break
			}
			s = m.fail[s]
		}
		for t := s; t > 0; t = m.dict[t] {
			if p := m.out[t]; p >= 0 {
				k := int(m.patRunes[p])
				hits = append(hits, acHit{pat: p, start: starts[(n-k)&maxPatternRunes], end: int32(i)})
			}
			if m.dict[t] < 0 {
				break
			}
		}
	}
	return hits
}

package ticker

import (
	"slices"
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
// Each state keeps its outgoing edges as a sorted run in two flat arrays,
// searched by binary search (the root has a few thousand edges, inner
// states one or two), a failure link, the pattern that ends there and a
// link to the next state on the failure chain where a pattern ends. Matching
// costs O(len(text) × log(fan-out) + matches) and allocates only the result.
type acMatcher struct {
	edgeLo   []int32 // edges of state s are [edgeLo[s], edgeLo[s+1])
	edgeRune []rune
	edgeNext []int32
	fail     []int32
	out      []int32  // pattern ending at the state, or -1
	dict     []int32  // nearest state on the failure chain with out >= 0, or -1
	patRunes []int32  // length of each pattern in runes
	pats     []string // the patterns, by id (set by the owner)

	// root is the goto function of the root state for the Basic
	// Multilingual Plane, dense: the state after the root on rune r, 0
	// when no pattern starts with r, or -1 when r occurs in no pattern
	// at all (so the matcher can drop back to the root without walking
	// failure links). Most runes of a text are read at or near the root.
	root []int32
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
	type node struct {
		next map[rune]int32
		out  int32
	}
	nodes := []node{{out: -1}}
	m := &acMatcher{patRunes: make([]int32, len(patterns))}
	for pi, p := range patterns {
		n := utf8.RuneCountInString(p)
		m.patRunes[pi] = int32(n)
		if n == 0 || n > maxPatternRunes {
			continue
		}
		s := int32(0)
		for _, r := range p {
			nx, ok := nodes[s].next[r]
			if !ok {
				if nodes[s].next == nil {
					nodes[s].next = make(map[rune]int32, 1)
				}
				nx = int32(len(nodes))
				nodes[s].next[r] = nx
				nodes = append(nodes, node{out: -1})
			}
			s = nx
		}
		if nodes[s].out < 0 {
			nodes[s].out = int32(pi)
		}
	}
	ns := len(nodes)
	m.edgeLo = make([]int32, ns+1)
	m.fail = make([]int32, ns)
	m.out = make([]int32, ns)
	m.dict = make([]int32, ns)
	for s := range nodes {
		m.out[s] = nodes[s].out
		m.edgeLo[s] = int32(len(m.edgeRune))
		keys := make([]rune, 0, len(nodes[s].next))
		for r := range nodes[s].next {
			keys = append(keys, r)
		}
		slices.Sort(keys)
		for _, r := range keys {
			m.edgeRune = append(m.edgeRune, r)
			m.edgeNext = append(m.edgeNext, nodes[s].next[r])
		}
	}
	m.edgeLo[ns] = int32(len(m.edgeRune))
	m.root = make([]int32, 0x10000)
	for i := range m.root {
		m.root[i] = -1
	}
	for _, r := range m.edgeRune {
		if r < 0x10000 {
			m.root[r] = 0
		}
	}
	for e := m.edgeLo[0]; e < m.edgeLo[1]; e++ {
		if r := m.edgeRune[e]; r < 0x10000 {
			m.root[r] = m.edgeNext[e]
		}
	}
	// Breadth-first: failure and dictionary links.
	queue := make([]int32, 0, ns)
	m.dict[0] = -1
	for e := m.edgeLo[0]; e < m.edgeLo[1]; e++ {
		c := m.edgeNext[e]
		m.fail[c] = 0
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
				if nx := m.step(f, r); nx >= 0 {
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
	return m
}

// step returns the goto target of state s on r, or -1.
func (m *acMatcher) step(s int32, r rune) int32 {
	lo, hi := m.edgeLo[s], m.edgeLo[s+1]
	if hi-lo <= 4 { // most inner states have one or two edges
		for e := lo; e < hi; e++ {
			if m.edgeRune[e] == r {
				return m.edgeNext[e]
			}
		}
		return -1
	}
	for lo < hi {
		mid := int32(uint32(lo+hi) >> 1)
		switch er := m.edgeRune[mid]; {
		case er < r:
			lo = mid + 1
		case er > r:
			hi = mid
		default:
			return m.edgeNext[mid]
		}
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
		r = foldRune(r)
		if r < 0x10000 {
			rt := m.root[r]
			if rt < 0 { // in no pattern: every match is broken
				s = 0
				continue
			}
			if s == 0 {
				s = rt
				if m.out[s] >= 0 {
					hits = append(hits, acHit{pat: m.out[s], start: starts[(n-1)&maxPatternRunes], end: int32(i)})
				}
				continue
			}
		}
		for {
			if s == 0 && r < 0x10000 {
				s = max(m.root[r], 0)
				break
			}
			if nx := m.step(s, r); nx >= 0 {
				s = nx
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

package metrics

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/ticker"
)

// DefaultRecent is a good [Options.Recent] for a bounded [Coverage]:
// about 32 MB of remembered articles.
const DefaultRecent = 1 << 17

// rollup is the bounded form of a [Coverage]: it folds each article into
// per-security totals, per-security daily counts and co-mention counts as
// it is added, and remembers only the most recent articles' identities and
// SimHash signatures, at most Options.Recent of each; when either fills,
// the older half (earliest published, undated first) is forgotten.
// Relevance is summed in units of 10⁻⁹, as the exact form does, so that
// sums are exact and independent of order. The options that settle an
// article's day and links are fixed when it is built.
type rollup struct {
	opts     Options // as given
	o        Options // with defaults
	ready    bool
	articles int
	linked   int
	errors   int
	repeats  int
	stories  int
	days     span // civil days of the dated articles
	secs     map[ticker.Symbol]*rollSec
	pairs    map[[2]ticker.Symbol]int
	recent   recentSet
	scratch  []ticker.Symbol
}

// rollSec is a rollup's totals for one security.
type rollSec struct {
	names     map[string]int
	media     map[string]int
	days      map[int64]int
	articles  int
	mentions  int
	title     int
	claims    int
	novel     int
	relevance int64 // Σ relevance in units of relScale
	tone      toneAcc
	seen      span // publication times
}

// maxTotal caps a rollup's sums of mentions, far beyond any corpus, so
// that they never overflow and always encode.
const maxTotal = math.MaxInt / 4

// satAdd adds two non-negative counts, saturating at maxTotal.
func satAdd(a, b int) int {
	if a > maxTotal-b {
		return maxTotal
	}
	return a + b
}

// relScale is the fixed-point unit relevance is summed in.
const relScale = 1e9

// newRollup returns an empty rollup with the options opts (nil means the
// defaults).
func newRollup(opts *Options) *rollup {
	u := &rollup{}
	if opts != nil {
		u.opts = *opts
	}
	u.init()
	return u
}

func (u *rollup) init() {
	if u.ready {
		return
	}
	u.ready = true
	u.o = u.opts.withDefaults()
	u.secs = make(map[ticker.Symbol]*rollSec)
	u.pairs = make(map[[2]ticker.Symbol]int)
	budget := u.o.Recent
	if budget <= 0 {
		budget = DefaultRecent
	}
	u.o.Recent = budget
	u.recent.init(max(budget, 2), u.o.MaxHamming)
}

// Add folds one analysis into the totals. A nil analysis is ignored; one
// with Err set is only counted as an error; one whose identity, URL or
// id and text is remembered is only counted as a repeat. Links are
// treated as by [Coverage.Add], and links below [Options.MinRelevance] are
// dropped here.
func (u *rollup) Add(a *stocknews.Analysis) {
	if a == nil {
		return
	}
	u.init()
	if a.Err != nil {
		u.errors++
		return
	}
	u.addRecord(newRecord(a))
}

// addRecord folds one article's record into the totals.
func (u *rollup) addRecord(r *record) {
	if u.recent.has(r.urlHash) || u.recent.has(r.textHash) || !u.recent.addID(idHash(r.id), r.dated, r.unix) {
		u.repeats++
		return
	}
	for _, h := range []uint64{r.urlHash, r.textHash} {
		if h != 0 {
			u.recent.addID(h, r.dated, r.unix)
		}
	}
	story := int32(-1)
	if r.hasSig {
		story = u.recent.addSig(r.sig, r.dated, r.unix)
	}
	if story < 0 || u.recent.fresh {
		u.stories++
	}

	u.articles++
	var day int64
	if r.dated {
		day = dayOf(r.unix, &u.o)
		u.days.add(day)
	}
	syms := u.scratch[:0]
	for i := range r.links {
		l := &r.links[i]
		if l.relevance < u.o.MinRelevance {
			continue
		}
		syms = append(syms, l.sym)
		s := u.secs[l.sym]
		if s == nil {
			s = &rollSec{}
			u.secs[l.sym] = s
		}
		s.articles++
		s.mentions = satAdd(s.mentions, l.mentions)
		s.relevance += int64(math.Round(l.relevance * relScale))
		s.tone.add(l)
		s.claims += l.claims
		if l.inTitle {
			s.title++
		}
		if l.name != "" {
			inc(&s.names, l.name)
		}
		if r.media != "" {
			inc(&s.media, r.media)
		}
		if story < 0 || u.recent.claim(story, l.sym) {
			s.novel++
		}
		if r.dated {
			s.seen.add(r.unix)
			if s.days == nil {
				s.days = make(map[int64]int)
			}
			s.days[day]++
		}
	}
	u.scratch = syms
	if len(syms) > 0 {
		u.linked++
	}
	// r.links are in symbol order, so each pair is (earlier, later).
	for x := range syms {
		for y := x + 1; y < len(syms); y++ {
			u.pairs[[2]ticker.Symbol{syms[x], syms[y]}]++
		}
	}
}

// setOptions replaces the options used only when the table is computed.
func (u *rollup) setOptions(o *Options) {
	u.init()
	u.opts = *o
	settled := u.o
	u.o = o.withDefaults()
	u.o.Location, u.o.Cutoff, u.o.MinRelevance, u.o.MaxHamming, u.o.Recent =
		settled.Location, settled.Cutoff, settled.MinRelevance, settled.MaxHamming, settled.Recent
}

// idHash hashes an article identity (64-bit FNV-1a): a rollup remembers
// identities by hash. A fixed hash keeps runs reproducible. An article
// whose hash equals a remembered one's (a chance below 10⁻¹⁴ an article at
// the default budget) would be dropped as a repeat.
func idHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Merge adds everything other has counted to u, and remembers the articles
// both remember (the most recent within u's budget). It returns an error,
// and changes nothing, when the two were built with options that settle
// different days or links: a different Location, Cutoff, MinRelevance or
// MaxHamming. Merging a rollup into itself is refused too: it would count
// every article twice.
func (u *rollup) Merge(other *rollup) error {
	if other == nil {
		return nil
	}
	if other == u {
		return fmt.Errorf("metrics: merging a bounded Coverage into itself")
	}
	u.init()
	other.init()
	if err := compatible(&u.o, &other.o); err != nil {
		return err
	}
	u.articles += other.articles
	u.linked += other.linked
	u.errors += other.errors
	u.repeats += other.repeats
	u.stories += other.stories
	u.days.merge(other.days)
	for sym, o := range other.secs {
		s := u.secs[sym]
		if s == nil {
			s = &rollSec{}
			u.secs[sym] = s
		}
		s.merge(o)
	}
	for k, n := range other.pairs {
		u.pairs[k] += n
	}
	u.recent.merge(&other.recent)
	return nil
}

func (s *rollSec) merge(o *rollSec) {
	s.articles += o.articles
	s.mentions = satAdd(s.mentions, o.mentions)
	s.title += o.title
	s.claims += o.claims
	s.novel += o.novel
	s.relevance += o.relevance
	s.tone.merge(o.tone)
	s.seen.merge(o.seen)
	addCounts(&s.names, o.names)
	addCounts(&s.media, o.media)
	if len(o.days) > 0 && s.days == nil {
		s.days = make(map[int64]int, len(o.days))
	}
	for d, n := range o.days {
		s.days[d] += n
	}
}

func addCounts(dst *map[string]int, src map[string]int) {
	if len(src) == 0 {
		return
	}
	if *dst == nil {
		*dst = make(map[string]int, len(src))
	}
	for k, n := range src {
		(*dst)[k] += n
	}
}

// compatible reports why two rollups' options settle articles differently.
func compatible(a, b *Options) error {
	switch {
	case a.Location.String() != b.Location.String():
		return fmt.Errorf("metrics: merging bounded Coverages of different locations %s and %s", a.Location, b.Location)
	case a.Cutoff != b.Cutoff:
		return fmt.Errorf("metrics: merging bounded Coverages of different cutoffs %v and %v", a.Cutoff, b.Cutoff)
	case a.MinRelevance != b.MinRelevance:
		return fmt.Errorf("metrics: merging bounded Coverages of different minimum relevance %v and %v", a.MinRelevance, b.MinRelevance)
	case a.MaxHamming != b.MaxHamming:
		return fmt.Errorf("metrics: merging bounded Coverages of different Hamming distances %d and %d", a.MaxHamming, b.MaxHamming)
	}
	return nil
}

// Table computes the coverage of every security from the totals, with the
// rollup's options, as [Coverage.Table] does (see [rollup] for the
// differences). It does not change the rollup.
//
// Cost: O(S·D) for S securities over D days, plus the co-mention pairs.
func (u *rollup) Table() *Table {
	u.init()
	o := u.o
	tab := &Table{Articles: u.articles, Errors: u.errors, Repeats: u.repeats, Linked: u.linked, Stories: u.stories}
	lo, ndays, asOfIdx := seriesRange(tab, u.days, &o)

	syms := slices.SortedFunc(maps.Keys(u.secs), compareSymbols)
	index := make(map[ticker.Symbol]int, len(syms))
	accs := make([]*secAcc, len(syms))
	for i, sym := range syms {
		index[sym] = i
		s := u.secs[sym]
		a := &secAcc{
			sym:       sym,
			names:     s.names,
			articles:  s.articles,
			mentions:  s.mentions,
			relevance: float64(s.relevance) / relScale,
			title:     s.title,
			claims:    s.claims,
			seen:      s.seen,
			active:    len(s.days),
			media:     s.media,
			novel:     s.novel,
			tone:      s.tone,
		}
		if ndays > 0 {
			for d, n := range s.days {
				if d >= lo && d < lo+int64(ndays) {
					if a.counts == nil {
						a.counts = make([]float64, ndays)
					}
					a.counts[d-lo] += float64(n)
				}
			}
		}
		accs[i] = a
	}
	pairs := make(map[[2]int]int, len(u.pairs))
	for k, n := range u.pairs {
		pairs[[2]int{index[k[0]], index[k[1]]}] = n
	}
	finishTable(tab, accs, pairs, &o, ndays, asOfIdx)
	return tab
}

// recentSet remembers the most recent articles' identities and distinct
// signatures, at most budget of each, and the stories the signatures
// belong to. When either fills up, the older half is forgotten.
//
// Near-duplicates are found as in [Coverage]: the signature's 64 bits are
// split into h+1 bands, and signatures within h bits agree exactly on at
// least one band; each band value heads a chain of the signatures that
// have it.
type recentSet struct {
	budget int
	h      int

	ids map[uint64]int64 // identity hash → publication (minUnix-1 when undated)

	sigs   []sigEntry
	bySig  map[uint64]int32
	heads  []map[uint64]int32 // per band: band value → latest signature with it
	next   []int32            // signature i, band b at i*bands+b: the previous signature with the same band value, -1 ends
	bands  int
	width  int
	stores []storyNode

	fresh bool // the last addSig started a story
}

type sigEntry struct {
	sig   uint64
	unix  int64
	story int32
}

// storyNode is a story in a union–find forest: parent is itself for a
// root, and a root's syms are the securities the story has started for.
type storyNode struct {
	parent int32
	syms   []ticker.Symbol
}

const undatedUnix = minUnix - 1

func (s *recentSet) init(budget, h int) {
	s.budget = budget
	s.h = h
	s.bands = h + 1
	s.width = (64 + s.bands - 1) / s.bands
	s.ids = make(map[uint64]int64)
	s.bySig = make(map[uint64]int32)
	s.heads = make([]map[uint64]int32, s.bands)
	for b := range s.heads {
		s.heads[b] = make(map[uint64]int32)
	}
}

// has reports whether the identity hash h (0: none) is remembered.
func (s *recentSet) has(h uint64) bool {
	if h == 0 {
		return false
	}
	_, ok := s.ids[h]
	return ok
}

// addID remembers an identity and reports whether it was new.
func (s *recentSet) addID(id uint64, dated bool, unix int64) bool {
	if _, ok := s.ids[id]; ok {
		return false
	}
	if len(s.ids) >= s.budget {
		s.forgetIDs()
	}
	if !dated {
		unix = undatedUnix
	}
	s.ids[id] = unix
	return true
}

// forgetIDs drops the older half of the identities.
func (s *recentSet) forgetIDs() {
	type kv struct {
		id   uint64
		unix int64
	}
	all := make([]kv, 0, len(s.ids))
	for id, t := range s.ids {
		all = append(all, kv{id, t})
	}
	slices.SortFunc(all, func(a, b kv) int {
		if c := cmp.Compare(a.unix, b.unix); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	for _, e := range all[:len(all)/2] {
		delete(s.ids, e.id)
	}
}

// band returns band b of sig.
func (s *recentSet) band(sig uint64, b int) uint64 {
	lo := b * s.width
	if lo >= 64 {
		return 0
	}
	w := min(s.width, 64-lo)
	return sig >> lo & (uint64(1)<<w - 1)
}

// addSig remembers a signature and returns the root of its story: the
// story of the remembered near-duplicates, joined into one, or a new story
// (then s.fresh is set). Story numbers stay valid until the next addSig.
func (s *recentSet) addSig(sig uint64, dated bool, unix int64) int32 {
	if !dated {
		unix = undatedUnix
	}
	s.fresh = false
	if i, ok := s.bySig[sig]; ok {
		e := &s.sigs[i]
		e.unix = max(e.unix, unix)
		if s.h == 0 {
			return s.find(e.story)
		}
		// The signature's own story, joined with those of the signatures
		// within h bits of it.
		return s.near(sig, s.find(e.story))
	}
	if len(s.sigs) >= s.budget {
		s.forgetSigs()
	}
	root := s.near(sig, -1)
	if root < 0 {
		root = s.newStory()
		s.fresh = true
	}
	s.insertSig(sigEntry{sig: sig, unix: unix, story: root})
	return root
}

// near joins the stories of the remembered signatures within h bits of sig
// into root (-1 for none yet) and returns the root.
func (s *recentSet) near(sig uint64, root int32) int32 {
	for b := 0; b < s.bands && b*s.width < 64; b++ {
		for i, ok := s.heads[b][s.band(sig, b)]; ok && i >= 0; i = s.next[int(i)*s.bands+b] {
			if Hamming(s.sigs[i].sig, sig) <= s.h {
				root = s.union(root, s.sigs[i].story)
			}
		}
	}
	return root
}

func (s *recentSet) insertSig(e sigEntry) {
	i := int32(len(s.sigs))
	for b := range s.bands {
		next := int32(-1)
		if b*s.width < 64 {
			v := s.band(e.sig, b)
			if j, ok := s.heads[b][v]; ok {
				next = j
			}
			s.heads[b][v] = i
		}
		s.next = append(s.next, next)
	}
	s.sigs = append(s.sigs, e)
	s.bySig[e.sig] = i
}

func (s *recentSet) newStory() int32 {
	s.stores = append(s.stores, storyNode{parent: int32(len(s.stores))})
	return int32(len(s.stores) - 1)
}

func (s *recentSet) find(x int32) int32 {
	for s.stores[x].parent != x {
		s.stores[x].parent = s.stores[s.stores[x].parent].parent
		x = s.stores[x].parent
	}
	return x
}

// union joins story b into root a (-1 for none yet) and returns the root.
func (s *recentSet) union(a, b int32) int32 {
	b = s.find(b)
	if a < 0 || a == b {
		return b
	}
	a = s.find(a)
	if a == b {
		return a
	}
	if a > b {
		a, b = b, a
	}
	s.stores[b].parent = a
	for _, sym := range s.stores[b].syms {
		if !slices.Contains(s.stores[a].syms, sym) {
			s.stores[a].syms = append(s.stores[a].syms, sym)
		}
	}
	s.stores[b].syms = nil
	return a
}

// claim records that story has an article on sym and reports whether it
// is the first.
func (s *recentSet) claim(story int32, sym ticker.Symbol) bool {
	n := &s.stores[s.find(story)]
	if slices.Contains(n.syms, sym) {
		return false
	}
	n.syms = append(n.syms, sym)
	return true
}

// forgetSigs drops the older half of the signatures, rebuilds the chains
// and keeps only the stories still referred to, renumbered.
func (s *recentSet) forgetSigs() {
	old := s.sigs
	order := make([]int32, len(old))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(old[a].unix, old[b].unix); c != 0 {
			return c
		}
		return cmp.Compare(old[a].sig, old[b].sig)
	})
	keep := order[len(order)/2:]
	slices.Sort(keep) // insertion order, so chains stay newest first
	oldStories := s.stores
	s.stores = make([]storyNode, 0, len(keep))
	renum := make(map[int32]int32)
	s.sigs = make([]sigEntry, 0, s.budget)
	s.next = s.next[:0]
	clear(s.bySig)
	for b := range s.heads {
		clear(s.heads[b])
	}
	for _, i := range keep {
		e := old[i]
		root := e.story
		for oldStories[root].parent != root {
			root = oldStories[root].parent
		}
		n, ok := renum[root]
		if !ok {
			n = int32(len(s.stores))
			s.stores = append(s.stores, storyNode{parent: n, syms: oldStories[root].syms})
			renum[root] = n
		}
		s.insertSig(sigEntry{sig: e.sig, unix: e.unix, story: n})
	}
}

// merge remembers o's identities and signatures too, the most recent
// within s's budget. A signature both remember joins its stories.
func (s *recentSet) merge(o *recentSet) {
	for id, t := range o.ids {
		if old, ok := s.ids[id]; ok {
			s.ids[id] = max(old, t)
			continue
		}
		if len(s.ids) >= s.budget {
			s.forgetIDs()
		}
		s.ids[id] = t
	}
	// o's stories, by root, mapped to s's stories.
	mapped := make(map[int32]int32)
	for i := range o.sigs {
		e := &o.sigs[i]
		root := e.story
		for o.stores[root].parent != root {
			root = o.stores[root].parent
		}
		var story int32
		if j, ok := s.bySig[e.sig]; ok {
			s.sigs[j].unix = max(s.sigs[j].unix, e.unix)
			story = s.find(s.sigs[j].story)
			if m, ok := mapped[root]; ok {
				story = s.union(story, m)
			}
		} else {
			if len(s.sigs) >= s.budget {
				s.forgetSigs()
				clear(mapped) // story numbers changed; o's later signatures start afresh
			}
			if m, ok := mapped[root]; ok {
				story = s.find(m)
			} else {
				story = s.newStory()
			}
			s.insertSig(sigEntry{sig: e.sig, unix: e.unix, story: story})
		}
		for _, sym := range o.stores[root].syms {
			s.claim(story, sym)
		}
		mapped[root] = s.find(story)
	}
}

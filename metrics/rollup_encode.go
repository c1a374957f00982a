package metrics

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/stocknews/stocknews/ticker"
)

// ErrOptions means an encoded bounded [Coverage] was built with options
// that settle days or links differently from the receiver's (see
// [Coverage.Merge]).
var ErrOptions = errors.New("options differ")

// The header of the bounded encoding before it joined the Coverage one;
// files that start with it are still read.
const (
	rollupMagic   = "SNRU"
	rollupVersion = 1
)

// appendBody appends the bounded body of the encoding (see
// [Coverage.MarshalBinary]): the options that settle days and links
// (Location by name, Cutoff, MinRelevance, MaxHamming), the totals and the
// remembered articles. The bytes are deterministic for a given state.
//
// Layout, in the conventions of [Coverage.MarshalBinary] (the old "SNRU"
// 0x01 encoding had this body after its header):
//
//	string(location) varint(cutoff ns) f64(min relevance) uvarint(max hamming)
//	uvarint(articles, linked, errors, repeats, stories)  u8(dated) [varint(lo day) varint(hi day) if dated]
//	uvarint(securities) security…   uvarint(pairs) pair…
//	uvarint(ids) (u64(id hash) varint(unix))…
//	uvarint(stories) (uvarint(n) (string(code) u8(market))…)…
//	uvarint(signatures) (u64(simhash) varint(unix) uvarint(story))…
//	security: string(code) u8(market) uvarint(articles mentions title claims novel)
//	          varint(relevance, 1e-9) [varint(tone score, 1e-9) uvarint(positive negative neutral), not in "SNRU"] u8(dated) [varint(first) varint(last) if dated]
//	          counts(names) counts(media) uvarint(days) (varint(day) uvarint(n))…
//	counts:   uvarint(n) (string(key) uvarint(count))…
//	pair:     string(code) u8(market) string(code) u8(market) uvarint(articles)
//
// Securities, pairs, keys, days and identities are sorted; signatures are
// in the order they were remembered, and stories numbered by first use.
func (u *rollup) appendBody(b []byte) []byte {
	u.init()
	b = appendString(b, u.o.Location.String())
	b = binary.AppendVarint(b, int64(u.o.Cutoff))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(u.o.MinRelevance))
	b = binary.AppendUvarint(b, uint64(u.o.MaxHamming))
	for _, v := range []int{u.articles, u.linked, u.errors, u.repeats, u.stories} {
		b = binary.AppendUvarint(b, uint64(v))
	}
	b = appendSpan(b, u.days)

	syms := slices.SortedFunc(maps.Keys(u.secs), compareSymbols)
	b = binary.AppendUvarint(b, uint64(len(syms)))
	for _, sym := range syms {
		s := u.secs[sym]
		b = appendSymbol(b, sym)
		for _, v := range []int{s.articles, s.mentions, s.title, s.claims, s.novel} {
			b = binary.AppendUvarint(b, uint64(v))
		}
		b = binary.AppendVarint(b, s.relevance)
		b = s.tone.appendTo(b)
		b = appendSpan(b, s.seen)
		b = appendCounts(b, s.names)
		b = appendCounts(b, s.media)
		days := slices.Sorted(maps.Keys(s.days))
		b = binary.AppendUvarint(b, uint64(len(days)))
		for _, d := range days {
			b = binary.AppendVarint(b, d)
			b = binary.AppendUvarint(b, uint64(s.days[d]))
		}
	}

	pairs := slices.SortedFunc(maps.Keys(u.pairs), comparePairKeys)
	b = binary.AppendUvarint(b, uint64(len(pairs)))
	for _, k := range pairs {
		b = appendSymbol(b, k[0])
		b = appendSymbol(b, k[1])
		b = binary.AppendUvarint(b, uint64(u.pairs[k]))
	}

	r := &u.recent
	ids := slices.Sorted(maps.Keys(r.ids))
	b = binary.AppendUvarint(b, uint64(len(ids)))
	for _, id := range ids {
		b = binary.LittleEndian.AppendUint64(b, id)
		b = binary.AppendVarint(b, r.ids[id])
	}
	// Stories by first use among the signatures, roots only.
	num := make(map[int32]int)
	var stories []int32
	for i := range r.sigs {
		root := r.find(r.sigs[i].story)
		if _, ok := num[root]; !ok {
			num[root] = len(stories)
			stories = append(stories, root)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(stories)))
	for _, root := range stories {
		ss := slices.Clone(r.stores[root].syms)
		slices.SortFunc(ss, compareSymbols)
		b = binary.AppendUvarint(b, uint64(len(ss)))
		for _, sym := range ss {
			b = appendSymbol(b, sym)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(r.sigs)))
	for i := range r.sigs {
		e := &r.sigs[i]
		b = binary.LittleEndian.AppendUint64(b, e.sig)
		b = binary.AppendVarint(b, e.unix)
		b = binary.AppendUvarint(b, uint64(num[r.find(e.story)]))
	}
	return b
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendSpan(b []byte, s span) []byte {
	b = appendBool(b, s.set)
	if s.set {
		b = binary.AppendVarint(b, s.lo)
		b = binary.AppendVarint(b, s.hi)
	}
	return b
}

func appendSymbol(b []byte, s ticker.Symbol) []byte {
	b = appendString(b, s.Code())
	return append(b, byte(s.Market()))
}

func appendCounts(b []byte, m map[string]int) []byte {
	keys := slices.Sorted(maps.Keys(m))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = appendString(b, k)
		b = binary.AppendUvarint(b, uint64(m[k]))
	}
	return b
}

func comparePairKeys(a, b [2]ticker.Symbol) int {
	if c := compareSymbols(a[0], b[0]); c != 0 {
		return c
	}
	return compareSymbols(a[1], b[1])
}

// decode replaces the rollup's state with the bounded body d holds; the
// options are kept, and must settle days and links as the encoded ones did
// (else the error wraps [ErrOptions]). The remembered articles are cut to
// the rollup's own budget, the most recent kept. On error the rollup is
// unchanged and the error is a [*DecodeError] wrapping [ErrVersion],
// [ErrCorrupt] or [ErrOptions]. It never panics, and it allocates in
// proportion to the input's length.
func (u *rollup) decode(d *decoder) error {
	u.init()
	optAt := d.pos
	var o Options
	loc := d.string("location")
	o.Cutoff = time.Duration(d.varint("cutoff"))
	o.MinRelevance = math.Float64frombits(d.uint64("minimum relevance"))
	o.MaxHamming = d.count("maximum Hamming distance")
	if d.err != nil {
		return d.err
	}
	if loc != u.o.Location.String() || o.Cutoff != u.o.Cutoff || o.MaxHamming != u.o.MaxHamming ||
		math.Float64bits(o.MinRelevance) != math.Float64bits(u.o.MinRelevance) {
		return &DecodeError{Offset: optAt, Field: fmt.Sprintf("options (location %s, cutoff %v, minimum relevance %v, Hamming %d)", loc, o.Cutoff, o.MinRelevance, o.MaxHamming), Err: ErrOptions}
	}

	n := newRollup(&u.opts)
	n.articles = d.total("articles")
	n.linked = d.total("linked")
	n.errors = d.total("errors")
	n.repeats = d.total("repeats")
	n.stories = d.total("stories")
	n.days.set = d.bool("dated")
	if n.days.set {
		n.days.lo = d.day("first day")
		n.days.hi = d.day("last day")
		if d.err == nil && n.days.lo > n.days.hi {
			d.fail("day range")
		}
	}
	if d.err == nil && (n.linked > n.articles || n.stories > n.articles) {
		d.fail("totals")
	}

	nsec := d.length("securities", 9)
	var prev ticker.Symbol
	for i := 0; i < nsec && d.err == nil; i++ {
		at := d.pos
		sym := d.symbol("security")
		if d.err == nil && i > 0 && compareSymbols(prev, sym) >= 0 {
			d.pos = at
			d.fail("security order")
		}
		prev = sym
		s := &rollSec{}
		s.articles = d.total("security articles")
		s.mentions = d.total("security mentions")
		s.title = d.total("security title articles")
		s.claims = d.total("security claims")
		s.novel = d.total("security novel articles")
		relAt := d.pos
		s.relevance = d.varint("security relevance")
		if d.err == nil && (s.relevance < 0 || float64(s.relevance) > float64(s.articles)*relScale) {
			d.pos = relAt
			d.fail("security relevance")
		}
		if d.version >= 2 {
			s.tone.decode(d, s.articles)
		}
		s.seen.set = d.bool("security dated")
		if s.seen.set {
			s.seen.lo = d.unix("security first seen")
			s.seen.hi = d.unix("security last seen")
		}
		s.names = d.counts("security names", s.articles)
		s.media = d.counts("security media", s.articles)
		ndays := d.length("security days", 2)
		sum := 0
		prevDay := int64(0)
		for j := 0; j < ndays && d.err == nil; j++ {
			dayAt := d.pos
			day := d.day("security day")
			k := d.total("security day articles")
			if d.err == nil && (k == 0 || (j > 0 && day <= prevDay) || !n.days.set || day < n.days.lo || day > n.days.hi) {
				d.pos = dayAt
				d.fail("security day")
			}
			if s.days == nil {
				s.days = make(map[int64]int, ndays)
			}
			s.days[day] = k
			prevDay = day
			sum += k
		}
		if d.err == nil && (s.novel > s.articles || s.title > s.articles || sum > s.articles ||
			s.articles == 0 || s.seen.set != (ndays > 0) || s.seen.lo > s.seen.hi) {
			d.pos = at
			d.fail("security totals")
		}
		n.secs[sym] = s
	}

	npairs := d.length("pairs", 7)
	var prevPair [2]ticker.Symbol
	for i := 0; i < npairs && d.err == nil; i++ {
		at := d.pos
		k := [2]ticker.Symbol{d.symbol("pair symbol"), d.symbol("pair symbol")}
		c := d.total("pair articles")
		if d.err != nil {
			break
		}
		a, b := n.secs[k[0]], n.secs[k[1]]
		if compareSymbols(k[0], k[1]) >= 0 || (i > 0 && comparePairKeys(prevPair, k) >= 0) ||
			a == nil || b == nil || c == 0 || c > min(a.articles, b.articles) {
			d.pos = at
			d.fail("pair")
			break
		}
		prevPair = k
		n.pairs[k] = c
	}

	r := &n.recent
	nids := d.length("identities", 9)
	ids := make(map[uint64]int64, min(nids, r.budget))
	var prevID uint64
	for i := 0; i < nids && d.err == nil; i++ {
		at := d.pos
		id := d.uint64("identity")
		t := d.varint("identity time")
		if d.err == nil && ((i > 0 && id <= prevID) || !(t == undatedUnix || t >= minUnix && t <= maxUnix)) {
			d.pos = at
			d.fail("identity")
		}
		prevID = id
		ids[id] = t
	}
	nstories := d.length("stories", 1)
	stories := make([][]ticker.Symbol, 0, nstories)
	for i := 0; i < nstories && d.err == nil; i++ {
		m := d.length("story securities", 2)
		var ss []ticker.Symbol
		for j := 0; j < m && d.err == nil; j++ {
			at := d.pos
			sym := d.symbol("story security")
			if d.err == nil && ((j > 0 && compareSymbols(ss[j-1], sym) >= 0) || n.secs[sym] == nil) {
				d.pos = at
				d.fail("story security")
			}
			ss = append(ss, sym)
		}
		stories = append(stories, ss)
	}
	nsigs := d.length("signatures", 10)
	type sig struct {
		sig   uint64
		unix  int64
		story int
	}
	sigs := make([]sig, 0, nsigs)
	seen := make(map[uint64]bool, nsigs)
	used := 0
	for i := 0; i < nsigs && d.err == nil; i++ {
		at := d.pos
		e := sig{sig: d.uint64("signature"), unix: d.varint("signature time"), story: d.count("signature story")}
		// Stories are numbered by first use.
		if d.err == nil && (seen[e.sig] || e.story > used || e.story >= len(stories) ||
			!(e.unix == undatedUnix || e.unix >= minUnix && e.unix <= maxUnix)) {
			d.pos = at
			d.fail("signature")
		}
		if e.story == used {
			used++
		}
		seen[e.sig] = true
		sigs = append(sigs, e)
	}
	if d.err == nil && used != len(stories) {
		d.fail("story count")
	}
	if d.err == nil && d.pos != len(d.b) {
		d.fail("trailing bytes")
	}
	if d.err != nil {
		return d.err
	}

	for id, t := range ids {
		r.ids[id] = t
	}
	for len(r.ids) > r.budget {
		r.forgetIDs()
	}
	// Keep the most recent signatures within the budget, in their order.
	if len(sigs) >= r.budget {
		order := make([]int, len(sigs))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(sigs[a].unix, sigs[b].unix) })
		keep := order[len(sigs)-r.budget/2:]
		slices.Sort(keep)
		kept := make([]sig, 0, len(keep))
		for _, i := range keep {
			kept = append(kept, sigs[i])
		}
		sigs = kept
	}
	mapped := make(map[int]int32)
	for _, e := range sigs {
		story, ok := mapped[e.story]
		if !ok {
			story = r.newStory()
			r.stores[story].syms = stories[e.story]
			mapped[e.story] = story
		}
		r.insertSig(sigEntry{sig: e.sig, unix: e.unix, story: story})
	}
	*u = *n
	return nil
}

func (d *decoder) bool(field string) bool {
	at := d.pos
	switch d.byte(field) {
	case 0:
		return false
	case 1:
		return true
	}
	if d.err == nil {
		d.pos = at
		d.fail(field)
	}
	return false
}

// length reads a count of items that take at least min bytes each.
func (d *decoder) length(field string, min int) int {
	at := d.pos
	n := d.count(field)
	if d.err == nil && n > (len(d.b)-d.pos)/min {
		d.pos = at
		d.fail(field)
		return 0
	}
	return n
}

func (d *decoder) symbol(field string) ticker.Symbol {
	at := d.pos
	code := d.string(field)
	m := ticker.Market(d.byte(field))
	if d.err != nil {
		return ticker.Symbol{}
	}
	sym, err := ticker.New(code, m)
	if err != nil || !sym.IsValid() || sym.Code() != code {
		d.pos = at
		d.fail(field)
		return ticker.Symbol{}
	}
	return sym
}

func (d *decoder) unix(field string) int64 {
	at := d.pos
	v := d.varint(field)
	if d.err == nil && (v < minUnix || v > maxUnix) {
		d.pos = at
		d.fail(field)
	}
	return v
}

// day reads a civil day within the range of publication times.
func (d *decoder) day(field string) int64 {
	at := d.pos
	v := d.varint(field)
	if d.err == nil && (v < minUnix/86400-1 || v > maxUnix/86400+1) {
		d.pos = at
		d.fail(field)
	}
	return v
}

// counts reads a sorted map of positive counts summing to at most total.
func (d *decoder) counts(field string, total int) map[string]int {
	n := d.length(field, 2)
	if d.err != nil || n == 0 {
		return nil
	}
	m := make(map[string]int, n)
	prev, sum := "", 0
	for i := 0; i < n && d.err == nil; i++ {
		at := d.pos
		k := d.string(field)
		c := d.total(field)
		sum += c
		if d.err == nil && ((i > 0 && k <= prev) || c == 0 || sum > total) {
			d.pos = at
			d.fail(field)
		}
		prev = k
		m[intern(k)] = c
	}
	return m
}

// total reads a uvarint that must be at most maxTotal.
func (d *decoder) total(field string) int {
	at := d.pos
	v := d.uvarint(field)
	if d.err == nil && v > maxTotal {
		d.pos = at
		d.fail(field)
		return 0
	}
	return int(v)
}

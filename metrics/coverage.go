package metrics

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"time"
	"unique"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/ticker"
)

// MarketClose is the A-share market close, 15:00 Beijing time, as an offset
// from midnight: set [Options.Cutoff] to it to count an article published
// after the close to the next day, as news-day conventions in trading
// research do.
const MarketClose = 15 * time.Hour

// Defaults of the zero [Options].
const (
	DefaultMaxHamming    = 3              // SimHash bits that may differ between near-duplicates
	DefaultNoveltyWindow = 24 * time.Hour // window of the novelty score
	DefaultBaseline      = 60             // trailing days of the abnormal-coverage baseline
	DefaultMinBaseline   = 20             // fewer baseline days than this give NaN
	DefaultTopPairs      = 5              // co-mentioned securities kept per row
	DefaultMaxDays       = 3660           // longest daily series, about ten years
)

// Publication times outside 1900-01-01 … 2199-12-31 UTC are taken as
// unknown: they are parse errors, and would make the daily series absurdly
// long.
const (
	minUnix = -2208988800 // 1900-01-01T00:00:00Z
	maxUnix = 7258118399  // 2199-12-31T23:59:59Z
)

// beijing is Beijing time without a time-zone database: China has kept
// UTC+08:00 all year since 1991.
var beijing = time.FixedZone("CST", 8*60*60)

// Options configures how a [Coverage] turns what it has collected into
// statistics. The zero value gives the defaults. Options are used only when
// statistics are computed, never by [Coverage.Add], so accumulators built with
// different options merge exactly; the receiver's options apply after a merge.
type Options struct {
	// Location sets the calendar of the daily series. Nil means Beijing time
	// (a fixed UTC+08:00 zone, the same as Asia/Shanghai since 1991).
	Location *time.Location

	// Cutoff, when positive, ends each day at that offset from midnight
	// instead of at midnight: an article published at or after it counts to
	// the next calendar day. Use [MarketClose] for the A-share 15:00 close.
	// The daily series of a Table runs on calendar days; for trading days
	// per market, see the daily panel of [BuildTables].
	Cutoff time.Duration

	// MinRelevance drops links whose relevance is below it. Zero keeps all.
	MinRelevance float64

	// MaxHamming is the largest number of differing SimHash bits for two
	// articles to be near-duplicates. Zero means [DefaultMaxHamming]; a
	// negative value means identical signatures only. Values above 7 are
	// treated as 7.
	MaxHamming int

	// NoveltyWindow is the window of the novelty score. Zero means
	// [DefaultNoveltyWindow].
	NoveltyWindow time.Duration

	// Baseline is the number of trailing days the abnormal coverage and heat
	// compare against. Zero means [DefaultBaseline].
	Baseline int

	// MinBaseline is the least number of baseline days inside the corpus's
	// date range for abnormal coverage to be defined; with fewer the results
	// are NaN and the heat 0. Zero means [DefaultMinBaseline].
	MinBaseline int

	// TopPairs is the number of co-mentioned securities kept in each row.
	// Zero means [DefaultTopPairs]; negative keeps none.
	TopPairs int

	// MaxDays caps the length of the daily series: when the articles span
	// more days, the series keeps the last MaxDays of them, and earlier
	// articles count everywhere but in the series, windows and abnormal
	// coverage. Zero means [DefaultMaxDays].
	MaxDays int

	// Recent, when positive, makes the Coverage bounded (see [Coverage]):
	// it is the number of article identities, and of distinct SimHash
	// signatures, remembered for repeat and near-duplicate detection, and
	// bounds the memory (about 250 bytes an article); [DefaultRecent] is a
	// good value. Zero keeps every article: the exact Coverage.
	Recent int

	// AsOf is the day the windows, abnormal coverage and heat are evaluated
	// on: its calendar date in Location. The zero time means the last day
	// any article was published.
	AsOf time.Time
}

// withDefaults returns a copy of o (nil allowed) with every zero field set
// to its default.
func (o *Options) withDefaults() Options {
	var r Options
	if o != nil {
		r = *o
	}
	if r.Location == nil {
		r.Location = beijing
	}
	switch {
	case r.MaxHamming == 0:
		r.MaxHamming = DefaultMaxHamming
	case r.MaxHamming < 0:
		r.MaxHamming = 0
	case r.MaxHamming > 7:
		r.MaxHamming = 7
	}
	if r.NoveltyWindow <= 0 {
		r.NoveltyWindow = DefaultNoveltyWindow
	}
	if r.Baseline <= 0 {
		r.Baseline = DefaultBaseline
	}
	if r.MinBaseline <= 0 {
		r.MinBaseline = DefaultMinBaseline
	}
	if r.MinBaseline > r.Baseline {
		r.MinBaseline = r.Baseline
	}
	if r.MaxDays <= 0 {
		r.MaxDays = DefaultMaxDays
	}
	if r.TopPairs == 0 {
		r.TopPairs = DefaultTopPairs
	}
	return r
}

// Coverage accumulates analysed articles and computes per-security coverage
// statistics from them. It is the package's one accumulator, and the
// combiner of a distributed job: build one per shard with [New], feed it
// with [Coverage.Add], combine the shards with [Coverage.Merge] (or ship
// them as bytes with [Coverage.MarshalBinary]), and read the statistics
// with [Coverage.Table].
//
// # Exact and bounded
//
// By default a Coverage is exact: it keeps a compact record of every
// distinct input and computes everything, including the near-duplicate
// clusters, when statistics are asked for. The statistics depend only on
// the set of inputs added, never on the order of Add calls, on how the
// inputs were split into shards, or on the order of merges; adding the same
// input twice, or merging two shards that hold it, counts it once.
//
// With [Options.Recent] positive, a Coverage is bounded: it folds each
// article into per-security totals, daily counts and co-mention counts as
// it is added, and remembers only the Recent most recent articles'
// identities and SimHash signatures, so its memory does not grow with the
// corpus. Its table equals the exact one, byte for byte in every export,
// while the remembered articles span the corpus (the coverage program's
// tests check this on the real corpus); beyond that:
//
//   - repeats are found among the remembered articles only, and an input
//     added twice counts twice once it is forgotten;
//   - an article starts a story for a security when no remembered
//     near-duplicate of it links that security, and when an article joins
//     two stories that had each started for a security, the bounded
//     Coverage counts two stories where the exact one counts one;
//   - bounded shards merge by adding their counts: exact when the shards
//     hold different inputs, but for stories split between shards, which
//     start once in each;
//   - [Coverage.Novelty], which needs every article, is empty.
//
// Use the exact form when the corpus fits in memory and shards are
// arbitrary, the bounded one for corpora without bound and for streams.
//
// # Identity and repeats
//
// An input is identified by its File (a path, or FEED:LINE), else its
// article ID, else a hash of its text: two inputs are never taken for one
// because their article IDs collide. An input whose URL, or whose ID with
// the same title and text, an earlier input had (earlier in publication
// time, undated last, ties by identity) is a repeat: it is counted in
// [Table.Repeats] and nowhere else.
//
// Memory, exact: a record takes about 100 bytes, plus its key, plus about
// 70 bytes per linked security; outlet and security names are interned.
// The live heap of 89,000 synthetic articles with 1.6 links each is 23 MB,
// 262 bytes an article with the map, so a million articles need roughly
// 300 MB. Bounded: about 250 bytes per remembered article, plus the
// per-security daily totals. [Coverage.Table] adds, per security, 8 bytes
// per day of the corpus's date range (at most [Options.MaxDays]).
//
// The zero Coverage is empty, exact and ready for use, with the default
// options (so is one filled by [Coverage.UnmarshalBinary] from an exact
// encoding). A Coverage is not safe for concurrent use; give each
// goroutine its own and merge them.
type Coverage struct {
	opts    Options // as given, defaults not applied
	records map[string]*record
	errors  int
	roll    *rollup // the bounded form; nil when exact
}

// record is what a Coverage keeps of one article. A record is never
// changed once built, so merged accumulators share them.
type record struct {
	id     string
	unix   int64 // publication time, seconds since 1970 UTC; meaningful when dated
	dated  bool
	media  string
	sig    uint64 // SimHash of the text; meaningful when hasSig
	hasSig bool
	// urlHash and textHash identify repeats: the same URL, or the same
	// article id with the same title and text (idHash; 0 when there is no
	// URL, or no id).
	urlHash, textHash uint64
	links             []linkRecord // sorted by compareSymbols, symbols distinct
}

// linkRecord is what a Coverage keeps of one security an article links.
type linkRecord struct {
	sym       ticker.Symbol
	name      string
	mentions  int
	relevance float64 // clamped to [0, 1]
	inTitle   bool
	claims    int  // claims in the article about this security
	toned     bool // the analysis gave a tone for this security
	tone      int8 // -1, 0, 1
	toneScore float64
}

// New returns an empty Coverage: exact, or bounded when opts.Recent is
// positive. A nil opts means the defaults (exact).
func New(opts *Options) *Coverage {
	c := &Coverage{records: make(map[string]*record)}
	if opts != nil {
		c.opts = *opts
	}
	if c.opts.Recent > 0 {
		c.roll = newRollup(&c.opts)
	}
	return c
}

// Bounded reports whether the Coverage is bounded ([Options.Recent]).
func (c *Coverage) Bounded() bool { return c.roll != nil }

// Options returns the options the Coverage computes with, as given to [New]
// or [Coverage.SetOptions].
func (c *Coverage) Options() Options { return c.opts }

// SetOptions replaces the options used to compute statistics. The collected
// articles do not change. A nil opts means the defaults. A bounded
// Coverage settled the day and the links of each article when it was
// added, so it keeps its Location, Cutoff, MinRelevance, MaxHamming and
// Recent, and takes the rest.
func (c *Coverage) SetOptions(opts *Options) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if c.roll != nil {
		o.Location, o.Cutoff, o.MinRelevance = c.opts.Location, c.opts.Cutoff, c.opts.MinRelevance
		o.MaxHamming, o.Recent = c.opts.MaxHamming, c.opts.Recent
		c.roll.setOptions(&o)
	}
	c.opts = o
}

// Len returns the number of distinct inputs collected (exact), or of
// articles counted, repeats left out (bounded).
func (c *Coverage) Len() int {
	if c.roll != nil {
		return c.roll.articles
	}
	return len(c.records)
}

// Errors returns the number of analyses that were added with Err set. They
// are counted here and nowhere else: an input that failed has no reliable
// identity, date or securities. The count is a plain sum, so adding the same
// failed input twice counts it twice.
func (c *Coverage) Errors() int {
	if c.roll != nil {
		return c.roll.errors
	}
	return c.errors
}

// Repeats returns the number of inputs that repeat an earlier article
// (see [Coverage]; the exact form finds them among all its inputs, the
// bounded form among those it remembers, and counts an input added again
// as a repeat too).
func (c *Coverage) Repeats() int {
	if c.roll != nil {
		return c.roll.repeats
	}
	_, n := dropRepeats(c.orderedRecords())
	return n
}

// Add collects one analysis. A nil analysis is ignored; one with Err set is
// only counted (see [Coverage.Errors]). Links with an invalid symbol are
// ignored, links repeated for one symbol are combined (mentions and claims
// summed, the highest relevance kept), and claims count towards a security
// only when the article links it.
func (c *Coverage) Add(a *stocknews.Analysis) {
	if a == nil {
		return
	}
	if c.roll != nil {
		c.roll.Add(a)
		return
	}
	if c.records == nil {
		c.records = make(map[string]*record)
	}
	if a.Err != nil {
		c.errors++
		return
	}
	c.insert(newRecord(a))
}

// ErrMerge is wrapped by the errors of [Coverage.Merge] when the two cannot
// be combined: an exact Coverage cannot take a bounded one's totals, and
// bounded ones must settle days and links alike.
var ErrMerge = errors.New("metrics: accumulators cannot be merged")

// Merge adds everything other has collected to c; the options of c are
// kept. Two exact Coverages merge exactly: inputs both hold count once, and
// merging a Coverage into itself changes nothing. Two bounded ones add
// their counts (see [Coverage]); they must have been built with the same
// Location, Cutoff, MinRelevance and MaxHamming, and a bounded Coverage
// cannot merge into itself. An exact other is folded into a bounded c
// article by article. An error wraps [ErrMerge] and leaves c unchanged.
func (c *Coverage) Merge(other *Coverage) error {
	if other == nil {
		return nil
	}
	switch {
	case c.roll != nil && other.roll != nil:
		if err := c.roll.Merge(other.roll); err != nil {
			return fmt.Errorf("%w: %w", ErrMerge, err)
		}
		return nil
	case c.roll != nil:
		for _, r := range other.orderedRecords() {
			c.roll.addRecord(r)
		}
		c.roll.errors += other.errors
		return nil
	case other.roll != nil:
		return fmt.Errorf("%w: an exact Coverage cannot take a bounded one's totals", ErrMerge)
	}
	if other == c {
		return nil
	}
	if c.records == nil {
		c.records = make(map[string]*record)
	}
	for _, r := range other.records {
		c.insert(r) // records are immutable once built: share them
	}
	c.errors += other.errors
	return nil
}

// insert adds r, resolving a clash of identity by keeping the record whose
// encoding sorts first.
func (c *Coverage) insert(r *record) {
	old, ok := c.records[r.id]
	if ok && bytes.Compare(old.appendTo(nil), r.appendTo(nil)) <= 0 {
		return
	}
	c.records[r.id] = r
}

// maxMentions caps the mentions kept for one security in one article. The
// encoding stores counts up to math.MaxInt32, and no real article comes
// near it; a larger figure from a hand-made Analysis is clamped so that
// what Add accepts always encodes and decodes again.
const maxMentions = math.MaxInt32

// newRecord condenses an analysis.
func newRecord(a *stocknews.Analysis) *record {
	art := &a.Article
	r := &record{id: articleKey(a), media: intern(art.Media)}
	if u := art.Published.Unix(); !art.Published.IsZero() && u >= minUnix && u <= maxUnix {
		r.unix = u
		r.dated = true
	}
	r.sig, r.hasSig = simHash(body(art))
	r.urlHash, r.textHash = repeatHashes(art)
	r.links = make([]linkRecord, 0, len(a.Tickers))
	for _, l := range a.Tickers {
		if !l.Symbol.IsValid() {
			continue
		}
		rel := l.Relevance
		if math.IsNaN(rel) || rel < 0 {
			rel = 0
		} else if rel > 1 {
			rel = 1
		}
		r.links = append(r.links, linkRecord{
			sym:       l.Symbol,
			name:      intern(l.Name),
			mentions:  min(max(l.Mentions, 0), maxMentions),
			relevance: rel,
			inTitle:   l.InTitle,
		})
	}
	slices.SortFunc(r.links, func(x, y linkRecord) int {
		return compareSymbols(x.sym, y.sym)
	})
	// Combine repeated symbols.
	out := r.links[:0]
	for _, l := range r.links {
		if n := len(out); n > 0 && out[n-1].sym == l.sym {
			p := &out[n-1]
			p.mentions = min(p.mentions+l.mentions, maxMentions)
			p.relevance = max(p.relevance, l.relevance)
			p.inTitle = p.inTitle || l.inTitle
			if p.name == "" || (l.name != "" && l.name < p.name) {
				p.name = l.name
			}
			continue
		}
		out = append(out, l)
	}
	r.links = out
	setTones(r, a)
	for _, cl := range a.Claims {
		if !cl.Symbol.IsValid() {
			continue
		}
		if i, ok := r.linkIndex(cl.Symbol); ok {
			r.links[i].claims++
		}
	}
	return r
}

func (r *record) linkIndex(s ticker.Symbol) (int, bool) {
	for i := range r.links {
		if r.links[i].sym == s {
			return i, true
		}
	}
	return 0, false
}

// body returns the article's text without its title: outlets rewrite the
// headlines of the same story, and on short flash items a new headline
// alone moves the signature by about ten bits.
func body(a *stocknews.Article) string {
	if a.Title != "" && strings.HasPrefix(a.Text, a.Title) {
		return a.Text[len(a.Title):]
	}
	return a.Text
}

// articleKey returns the identity of an analysed input: its File (a path,
// or FEED:LINE, unique per input), else its article ID, else a hash of its
// text. Two inputs are never merged because their article IDs collide;
// repeats are found apart ([repeatHashes]). The prefixes keep the three
// kinds apart.
func articleKey(a *stocknews.Analysis) string {
	if a.File != "" {
		return "file:" + a.File // a new string: no reference into the article
	}
	if a.Article.ID != "" {
		return "id:" + a.Article.ID
	}
	h := fnv.New128a()
	h.Write([]byte(a.Article.Title))
	h.Write([]byte{0})
	h.Write([]byte(a.Article.Text))
	var buf [16]byte
	return "text:" + hexString(h.Sum(buf[:0]))
}

// repeatHashes returns the hashes that make an article a repeat of
// another: of its URL, and of its id with its title and text; 0 for a
// missing URL or id.
func repeatHashes(art *stocknews.Article) (url, text uint64) {
	if art.URL != "" {
		url = idHash("url:" + art.URL)
	}
	if art.ID != "" {
		text = idHash("text:" + art.ID + "\x00" + art.Title + "\x00" + art.Text)
	}
	return url, text
}

// dropRepeats returns the records of rs (in story order) that repeat no
// earlier one, and the number of repeats: a record whose URL, or whose id
// with the same title and text, an earlier record had.
func dropRepeats(rs []*record) ([]*record, int) {
	seen := make(map[uint64]bool)
	out := rs[:0:0]
	for _, r := range rs {
		if (r.urlHash != 0 && seen[r.urlHash]) || (r.textHash != 0 && seen[r.textHash]) {
			continue
		}
		for _, h := range []uint64{r.urlHash, r.textHash} {
			if h != 0 {
				seen[h] = true
			}
		}
		out = append(out, r)
	}
	return out, len(rs) - len(out)
}

func hexString(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 2*len(b))
	for i, c := range b {
		out[2*i] = digits[c>>4]
		out[2*i+1] = digits[c&15]
	}
	return string(out)
}

// displayID strips the identity prefix for output.
func displayID(key string) string {
	if i := strings.IndexByte(key, ':'); i >= 0 {
		return key[i+1:]
	}
	return key
}

// compareSymbols orders symbols by code, then market: the order of links in
// a record and in the encoding.
func compareSymbols(a, b ticker.Symbol) int {
	if c := strings.Compare(a.Code(), b.Code()); c != 0 {
		return c
	}
	return cmp.Compare(a.Market(), b.Market())
}

// intern returns the canonical copy of s: outlet and security names repeat
// across articles, and a copy never keeps the article's text alive.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}

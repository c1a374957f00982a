package metrics

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/stocknews/stocknews/ticker"
)

// Series is a daily series of article counts. Day i is Start plus i days in
// the calendar of [Options.Location]; with [Options.Cutoff] a day runs from
// the cutoff on the day before to the cutoff on the day itself.
type Series struct {
	Start  time.Time // the first day, at midnight
	Counts []float64 // articles per day; whole numbers, float64 for plotting and statistics
}

// Len returns the number of days.
func (s Series) Len() int { return len(s.Counts) }

// Day returns the date of day i, at midnight.
func (s Series) Day(i int) time.Time { return s.Start.AddDate(0, 0, i) }

// Index returns the index of the day holding the calendar date of t (its
// year, month and day, whatever its location), which may be out of range.
func (s Series) Index(t time.Time) int {
	if s.Start.IsZero() {
		return -1
	}
	return int(civilDay(t.Date()) - civilDay(s.Start.Date()))
}

// Window returns the articles of the days days ending with day end,
// inclusive: Σ N_d for d in (end−days, end], clipped to the series.
func (s Series) Window(end, days int) float64 {
	var sum float64
	for d := max(end-days+1, 0); d <= end && d < len(s.Counts); d++ {
		sum += s.Counts[d]
	}
	return sum
}

// Stats is the coverage of one security.
type Stats struct {
	Symbol ticker.Symbol
	Name   string // the name the articles' links give most often (ties: the first in byte order)

	Articles      int     // distinct articles linking the security
	Mentions      int     // Σ mentions over those articles
	Relevance     float64 // relevance-weighted articles: Σ relevance (each 0–1)
	TitleArticles int     // articles with the security in the title
	Claims        int     // numeric claims about the security

	FirstSeen, LastSeen time.Time // first and last publication, in Options.Location; zero when no article is dated
	ActiveDays          int       // days with at least one article

	// Media is the number of distinct outlets; MediaHHI the Herfindahl
	// index of the outlets' shares of the articles that name an outlet:
	//
	//	HHI = Σ_m (n_m / n)²,  n = Σ_m n_m
	//
	// 1 means a single outlet, 1/M means M outlets with equal shares; NaN
	// when no article names an outlet.
	Media    int
	MediaHHI float64

	// ShareOfVoice is Articles / Σ Articles over all securities in the
	// table: an article linking k securities counts k times in the
	// denominator.
	ShareOfVoice float64

	// Novel counts the articles that start a story for this security: no
	// earlier near-duplicate article (see [Coverage.Novelty]) links it.
	// Repeated counts the others. Novel + Repeated == Articles, and Novel
	// is the number of distinct stories about the security.
	Novel, Repeated int

	// Series is the daily count of articles over the corpus's date range
	// (its last Options.MaxDays days at most), the same range for every row
	// of a table; undated articles are not in it.
	Series Series

	// Window1, Window7 and Window30 are the articles of the 1, 7 and 30 days
	// ending on the table's as-of day ([Series.Window]).
	Window1, Window7, Window30 int

	// Abnormal, AbnormalZ and Heat are [Abnormal] and [Heat] on the as-of
	// day, with the baseline of [Options.Baseline] days.
	Abnormal, AbnormalZ float64
	Heat                int

	// Degree is the number of distinct securities co-mentioned with this
	// one; PageRank its centrality in the co-mention graph ([Table.Pairs]).
	Degree   int
	PageRank float64

	// ToneMean is the mean tone score (−1 to 1) of the articles that give
	// the security a tone (Analysis.Tones), NaN when none does; Positive,
	// Negative and Neutral count those articles by label.
	ToneMean                    float64
	Positive, Negative, Neutral int

	// TopPairs are the securities most often co-mentioned with this one,
	// most articles first (ties: higher Jaccard, then symbol), with Symbol
	// set to this security.
	TopPairs []Pair
}

// Pair is the co-mention of two securities.
//
// With C the articles linking both, n_a and n_b the articles linking each,
// and N the articles linking at least one security:
//
//	Jaccard = C / (n_a + n_b − C)
//	PMI     = ln( C·N / (n_a·n_b) )
//
// PMI is 0 when the two co-occur as often as independence predicts and
// positive when more often.
type Pair struct {
	Symbol, Other ticker.Symbol // in Table.Pairs, Symbol sorts before Other (by code, then market)
	Articles      int           // C
	Jaccard       float64
	PMI           float64
}

// Table is the coverage of every security, with corpus-wide figures.
type Table struct {
	Start, AsOf time.Time // the first day of the series and the day windows are evaluated on; zero when no article is dated
	Articles    int       // distinct articles collected
	Linked      int       // articles linking at least one security (after Options.MinRelevance)
	Stories     int       // distinct near-duplicate stories among all articles
	Errors      int       // analyses that failed ([Coverage.Errors])
	Repeats     int       // inputs that repeat an earlier article (same URL, or same id and text); counted here only
	Securities  int       // rows of the whole table, also after [Table.Top]
	Rows        []Stats   // one per security: most articles first, then most mentions, then symbol (code, then market)
	Pairs       []Pair    // every co-mentioned pair: most articles first, then higher Jaccard, then symbols
}

// Top returns a copy of t with only its first n rows (all when n ≤ 0 or
// n ≥ len(Rows)). The rows themselves are shared, not copied.
func (t *Table) Top(n int) *Table {
	c := *t
	if n > 0 && n < len(c.Rows) {
		c.Rows = c.Rows[:n:n]
	}
	return &c
}

// Row returns the row of sym, or nil.
func (t *Table) Row(sym ticker.Symbol) *Stats {
	for i := range t.Rows {
		if t.Rows[i].Symbol == sym {
			return &t.Rows[i]
		}
	}
	return nil
}

// civilDay numbers calendar dates: days since 1970-01-01.
func civilDay(y int, m time.Month, d int) int64 {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// dayOf returns the civil day an instant counts to under o.
func dayOf(unix int64, o *Options) int64 {
	t := time.Unix(unix, 0).In(o.Location)
	day := civilDay(t.Date())
	if o.Cutoff > 0 && o.Cutoff < 24*time.Hour {
		h, m, s := t.Clock()
		if time.Duration(h)*time.Hour+time.Duration(m)*time.Minute+time.Duration(s)*time.Second >= o.Cutoff {
			day++
		}
	}
	return day
}

// dayTime returns midnight of civil day d in loc.
func dayTime(d int64, loc *time.Location) time.Time {
	u := time.Unix(d*86400, 0).UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, loc)
}

// span is the range of a set of numbers (publication times, days); the
// zero span is empty.
type span struct {
	lo, hi int64
	set    bool
}

func (s *span) add(v int64) {
	if !s.set || v < s.lo {
		s.lo = v
	}
	if !s.set || v > s.hi {
		s.hi = v
	}
	s.set = true
}

func (s *span) merge(o span) {
	if o.set {
		s.add(o.lo)
		s.add(o.hi)
	}
}

// seriesRange sets tab's Start and AsOf from the days articles were
// published on (and Options.AsOf), and returns the first day of the daily
// series, its length (0 when nothing is dated) and the as-of day's index.
func seriesRange(tab *Table, dated span, o *Options) (lo int64, ndays, asOfIdx int) {
	if !o.AsOf.IsZero() {
		dated.add(civilDay(o.AsOf.In(o.Location).Date()))
	}
	if !dated.set {
		return 0, 0, 0
	}
	asOf := dated.hi
	if !o.AsOf.IsZero() {
		asOf = civilDay(o.AsOf.In(o.Location).Date())
	}
	lo = max(dated.lo, dated.hi-int64(o.MaxDays)+1)
	tab.Start = dayTime(lo, o.Location)
	tab.AsOf = dayTime(asOf, o.Location)
	return lo, int(dated.hi-lo) + 1, int(asOf - lo)
}

// inc adds one to (*m)[k], making the map when needed.
func inc(m *map[string]int, k string) {
	if *m == nil {
		*m = make(map[string]int)
	}
	(*m)[k]++
}

// secAcc accumulates one security's figures.
type secAcc struct {
	sym           ticker.Symbol
	names         map[string]int
	articles      int
	mentions      int
	relevance     float64
	relUnits      int64 // Σ relevance in units of relScale, while collecting
	tone          toneAcc
	title, claims int
	seen          span // publication times
	active        int
	lastDay       int64
	media         map[string]int
	stories       map[int]struct{}
	novel         int
	counts        []float64
}

// Table computes the coverage of every security from the articles
// collected, with the Coverage's options. It does not change the Coverage.
//
// Cost: O(A log A) for A articles plus O(S·D) for S securities over D days,
// plus the co-mention pairs.
func (c *Coverage) Table() *Table {
	if c.roll != nil {
		return c.roll.Table()
	}
	o := c.opts.withDefaults()
	rs, repeats := dropRepeats(c.orderedRecords())
	st := stories(rs, o.MaxHamming)

	tab := &Table{Articles: len(rs), Errors: c.errors, Repeats: repeats}
	for i := range rs {
		if st[i] == i {
			tab.Stories++
		}
	}

	// Date range.
	days := make([]int64, len(rs))
	var dated span
	for i, r := range rs {
		if r.dated {
			days[i] = dayOf(r.unix, &o)
			dated.add(days[i])
		}
	}
	lo, ndays, asOfIdx := seriesRange(tab, dated, &o)

	// Securities, in symbol order.
	index := make(map[ticker.Symbol]int)
	var accs []*secAcc
	keep := func(l *linkRecord) bool { return l.relevance >= o.MinRelevance }
	for _, r := range rs {
		for j := range r.links {
			l := &r.links[j]
			if _, ok := index[l.sym]; ok || !keep(l) {
				continue
			}
			index[l.sym] = -1
			accs = append(accs, &secAcc{sym: l.sym})
		}
	}
	slices.SortFunc(accs, func(a, b *secAcc) int { return compareSymbols(a.sym, b.sym) })
	for i, a := range accs {
		index[a.sym] = i
	}

	pairs := make(map[[2]int]int)
	var ids []int
	for i, r := range rs {
		ids = ids[:0]
		for j := range r.links {
			l := &r.links[j]
			if !keep(l) {
				continue
			}
			ai := index[l.sym]
			ids = append(ids, ai)
			a := accs[ai]
			a.articles++
			a.mentions += l.mentions
			a.relUnits += int64(math.Round(l.relevance * relScale))
			a.claims += l.claims
			a.tone.add(l)
			if l.inTitle {
				a.title++
			}
			if l.name != "" {
				inc(&a.names, l.name)
			}
			if r.media != "" {
				inc(&a.media, r.media)
			}
			if a.stories == nil {
				a.stories = make(map[int]struct{})
			}
			if _, seen := a.stories[st[i]]; !seen {
				a.stories[st[i]] = struct{}{}
				a.novel++
			}
			if r.dated {
				if !a.seen.set || days[i] != a.lastDay {
					// Records come in time order, so days do not decrease.
					a.active++
					a.lastDay = days[i]
				}
				a.seen.add(r.unix)
				if days[i] >= lo {
					if a.counts == nil {
						a.counts = make([]float64, ndays)
					}
					a.counts[days[i]-lo]++
				}
			}
		}
		if len(ids) == 0 {
			continue
		}
		tab.Linked++
		slices.Sort(ids)
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				pairs[[2]int{ids[x], ids[y]}]++
			}
		}
	}
	// Relevance is summed in fixed point, so that the sum is exact and the
	// same in any order and in a bounded Coverage.
	for _, a := range accs {
		a.relevance = float64(a.relUnits) / relScale
	}
	finishTable(tab, accs, pairs, &o, ndays, asOfIdx)
	return tab
}

// finishTable fills tab's rows and pairs from the per-security
// accumulators (in symbol order) and the co-mention counts of index pairs.
// tab's corpus-wide figures and Start are set; the series have ndays days
// (0 when no article is dated) and startIdx is the as-of day's index.
func finishTable(tab *Table, accs []*secAcc, pairs map[[2]int]int, o *Options, ndays, startIdx int) {
	total := 0
	for _, a := range accs {
		total += a.articles
	}
	pr := pageRank(len(accs), pairs)
	tab.Pairs = make([]Pair, 0, len(pairs))
	partners := make([][]Pair, len(accs))
	n := float64(tab.Linked)
	for k, cnt := range pairs {
		a, b := accs[k[0]], accs[k[1]]
		p := Pair{
			Symbol:   a.sym,
			Other:    b.sym,
			Articles: cnt,
			Jaccard:  float64(cnt) / float64(a.articles+b.articles-cnt),
			PMI:      math.Log(float64(cnt) * n / (float64(a.articles) * float64(b.articles))),
		}
		tab.Pairs = append(tab.Pairs, p)
		partners[k[0]] = append(partners[k[0]], p)
		q := p
		q.Symbol, q.Other = p.Other, p.Symbol
		partners[k[1]] = append(partners[k[1]], q)
	}
	slices.SortFunc(tab.Pairs, comparePairs)

	tab.Securities = len(accs)
	tab.Rows = make([]Stats, len(accs))
	for i, a := range accs {
		s := &tab.Rows[i]
		s.Symbol = a.sym
		s.Name = topName(a.names)
		s.Articles = a.articles
		s.Mentions = a.mentions
		s.Relevance = a.relevance
		s.TitleArticles = a.title
		s.Claims = a.claims
		if a.seen.set {
			s.FirstSeen = time.Unix(a.seen.lo, 0).In(o.Location)
			s.LastSeen = time.Unix(a.seen.hi, 0).In(o.Location)
		}
		s.Media = len(a.media)
		s.MediaHHI = hhi(a.media)
		if total > 0 {
			s.ShareOfVoice = float64(a.articles) / float64(total)
		}
		s.ActiveDays = a.active
		s.Novel = a.novel
		s.Repeated = a.articles - a.novel
		a.tone.fill(s)
		if ndays > 0 {
			if a.counts == nil {
				a.counts = make([]float64, ndays)
			}
			s.Series = Series{Start: tab.Start, Counts: a.counts}
			s.Window1 = int(s.Series.Window(startIdx, 1))
			s.Window7 = int(s.Series.Window(startIdx, 7))
			s.Window30 = int(s.Series.Window(startIdx, 30))
			s.Abnormal, s.AbnormalZ = Abnormal(a.counts, startIdx, o.Baseline, o.MinBaseline)
			s.Heat = Heat(a.counts, startIdx, o.Baseline, o.MinBaseline)
		} else {
			s.Abnormal, s.AbnormalZ = math.NaN(), math.NaN()
		}
		s.Degree = len(partners[i])
		s.PageRank = pr[i]
		if o.TopPairs > 0 && len(partners[i]) > 0 {
			ps := partners[i]
			slices.SortFunc(ps, comparePairs)
			s.TopPairs = slices.Clip(ps[:min(o.TopPairs, len(ps))])
		}
	}
	slices.SortStableFunc(tab.Rows, func(a, b Stats) int {
		if c := cmp.Compare(b.Articles, a.Articles); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		return compareSymbols(a.Symbol, b.Symbol)
	})
}

func comparePairs(a, b Pair) int {
	if c := cmp.Compare(b.Articles, a.Articles); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Jaccard, a.Jaccard); c != 0 {
		return c
	}
	if c := compareSymbols(a.Symbol, b.Symbol); c != 0 {
		return c
	}
	return compareSymbols(a.Other, b.Other)
}

// topName returns the most frequent name, ties broken by byte order.
func topName(names map[string]int) string {
	best, bestN := "", 0
	for n, k := range names {
		if k > bestN || (k == bestN && n < best) {
			best, bestN = n, k
		}
	}
	return best
}

// hhi returns the Herfindahl index of the counts' shares, NaN when empty.
func hhi(counts map[string]int) float64 {
	// Sum in key order so the result does not depend on map order.
	keys := make([]string, 0, len(counts))
	total := 0
	for k, v := range counts {
		keys = append(keys, k)
		total += v
	}
	if total == 0 {
		return math.NaN()
	}
	slices.Sort(keys)
	var h float64
	for _, k := range keys {
		s := float64(counts[k]) / float64(total)
		h += s * s
	}
	return h
}

// Window returns, for every row, the articles of the days days ending on
// the as-of day: [Series.Window] at AsOf. Window(1), Window(7) and
// Window(30) are the rows' Window1, Window7 and Window30. Without a dated
// article every window is 0.
func (t *Table) Window(days int) []int {
	out := make([]int, len(t.Rows))
	if t.AsOf.IsZero() {
		return out
	}
	for i := range t.Rows {
		s := &t.Rows[i].Series
		out[i] = int(s.Window(s.Index(t.AsOf), days))
	}
	return out
}

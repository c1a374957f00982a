package metrics

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/calendar"
	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/ticker"
)

// The long tables are the analyses flattened for a data frame or a SQL
// engine, one fact per row, with stable snake_case column names (the
// parquet and csv struct tags; [ArticleColumns] and the like list them in
// order). Types: day columns are dates (Parquet DATE), times are instants
// (Parquet TIMESTAMP with isAdjustedToUTC, millisecond), counts are
// int64, ratios and scores float64 rounded by [Round]; a nil pointer is
// NULL.

// ArticleRow is one row of the articles table: one per input, failed
// inputs included.
type ArticleRow struct {
	Key           string     `parquet:"key" json:"key"`                                             // the input's unique key: a path, or FEED:LINE
	ID            string     `parquet:"id" json:"id"`                                               // the article's own id
	Published     *time.Time `parquet:"published,optional,timestamp(millisecond)" json:"published"` // NULL when unknown
	PublishedFrom string     `parquet:"published_from" json:"published_from"`                       // "source", "url", "dateline" or ""
	TradingDay    *time.Time `parquet:"trading_day,optional,date" json:"trading_day"`               // on the A-share (SSE) calendar; NULL when undated or outside it
	Media         string     `parquet:"media" json:"media"`                                         // the outlet
	Title         string     `parquet:"title" json:"title"`                                         //
	URL           string     `parquet:"url" json:"url"`                                             //
	Securities    int64      `parquet:"securities" json:"securities"`                               // linked securities
	Claims        int64      `parquet:"claims" json:"claims"`                                       // numeric claims
	Tone          string     `parquet:"tone" json:"tone"`                                           // "positive", "negative" or "neutral"
	ToneScore     float64    `parquet:"tone_score" json:"tone_score"`                               // in [-1, 1]
	RepeatOf      string     `parquet:"repeat_of" json:"repeat_of"`                                 // key of the earlier input this one repeats (same URL, or same id and text); "" when none
	Error         string     `parquet:"error" json:"error"`                                         // why the input failed; "" when it did not
}

// LinkRow is one row of the links table: one per article and linked
// security.
type LinkRow struct {
	Key        string     `parquet:"key" json:"key"`
	ID         string     `parquet:"id" json:"id"`
	Symbol     string     `parquet:"symbol" json:"symbol"`                         // canonical CODE.MARKET
	Name       string     `parquet:"name" json:"name"`                             //
	Market     string     `parquet:"market" json:"market"`                         // SH, SZ, BJ, HK, US, BK, …
	TradingDay *time.Time `parquet:"trading_day,optional,date" json:"trading_day"` // on the security's market calendar; NULL when undated or no calendar covers it
	Relevance  float64    `parquet:"relevance" json:"relevance"`                   // 0–1
	Mentions   int64      `parquet:"mentions" json:"mentions"`                     //
	InTitle    bool       `parquet:"in_title" json:"in_title"`                     //
	Via        string     `parquet:"via" json:"via"`                               // "embed", "code", "name", joined by "+"
	Claims     int64      `parquet:"claims" json:"claims"`                         // claims about the security in the article
	Tone       string     `parquet:"tone" json:"tone"`                             // "positive", "negative" or "neutral"
	ToneScore  float64    `parquet:"tone_score" json:"tone_score"`                 // in [-1, 1]
	Events     string     `parquet:"events" json:"events"`                         // event names, joined by ";"
	Repeat     bool       `parquet:"repeat" json:"repeat"`                         // the article repeats an earlier input and is not in daily
}

// ClaimRow is one row of the claims table: one per numeric claim.
type ClaimRow struct {
	Key        string  `parquet:"key" json:"key"`
	Symbol     string  `parquet:"symbol" json:"symbol"`         // the security the claim is about, or ""
	Subject    string  `parquet:"subject" json:"subject"`       //
	Value      string  `parquet:"value" json:"value"`           // exact decimal, in base units
	ValueF64   float64 `parquet:"value_f64" json:"value_f64"`   // the same value as a float64
	Upper      string  `parquet:"upper" json:"upper"`           // upper bound of a range, or ""
	Unit       string  `parquet:"unit" json:"unit"`             //
	Comparator string  `parquet:"comparator" json:"comparator"` // =, >, >=, <, <=, ~
	Kind       string  `parquet:"kind" json:"kind"`             // level or change
	Period     string  `parquet:"period" json:"period"`         //
	Start      int64   `parquet:"start" json:"start"`           // byte offsets of the claim's text in the article text
	End        int64   `parquet:"end" json:"end"`               //
	Text       string  `parquet:"text" json:"text"`             // the claim's words
}

// DailyRow is one row of the daily panel: one per security and trading
// day with at least one article (the panel is sparse: days without
// articles have no row, but they count as zeros in the abnormal score).
type DailyRow struct {
	Symbol    string    `parquet:"symbol" json:"symbol"`
	Name      string    `parquet:"name" json:"name"`
	Market    string    `parquet:"market" json:"market"`
	Day       time.Time `parquet:"day,date" json:"day"`                          // trading day on the market's calendar
	Articles  int64     `parquet:"articles" json:"articles"`                     // distinct articles (repeats left out)
	Mentions  int64     `parquet:"mentions" json:"mentions"`                     //
	Relevance float64   `parquet:"relevance_weighted" json:"relevance_weighted"` // Σ relevance
	Novel     int64     `parquet:"novel" json:"novel"`                           // articles that start a story for the security
	Abnormal  *float64  `parquet:"abnormal,optional" json:"abnormal"`            // [Abnormal] over trading days; NULL with too short a baseline
	AbnormalZ *float64  `parquet:"abnormal_z,optional" json:"abnormal_z"`
	ToneMean  *float64  `parquet:"tone_mean,optional" json:"tone_mean"` // mean tone score of the articles with a tone; NULL when none has one
	Positive  int64     `parquet:"positive" json:"positive"`            // articles whose tone for the security is positive
	Negative  int64     `parquet:"negative" json:"negative"`
	Neutral   int64     `parquet:"neutral" json:"neutral"`
}

// ArticleColumns, LinkColumns, ClaimColumns and DailyColumns return the
// column names of the long tables, in order.
func ArticleColumns() []string {
	return []string{"key", "id", "published", "published_from", "trading_day", "media", "title", "url",
		"securities", "claims", "tone", "tone_score", "repeat_of", "error"}
}

// LinkColumns returns the columns of [LinkRow].
func LinkColumns() []string {
	return []string{"key", "id", "symbol", "name", "market", "trading_day", "relevance", "mentions",
		"in_title", "via", "claims", "tone", "tone_score", "events", "repeat"}
}

// ClaimColumns returns the columns of [ClaimRow].
func ClaimColumns() []string {
	return []string{"key", "symbol", "subject", "value", "value_f64", "upper", "unit", "comparator",
		"kind", "period", "start", "end", "text"}
}

// DailyColumns returns the columns of [DailyRow].
func DailyColumns() []string {
	return []string{"symbol", "name", "market", "day", "articles", "mentions", "relevance_weighted",
		"novel", "abnormal", "abnormal_z", "tone_mean", "positive", "negative", "neutral"}
}

// Round is the one rounding of every ratio and score the package exports
// (CSV, JSON, Parquet, HTML): to 6 decimal places, half away from zero, so
// that 1.4500000000000002 is written 1.45. NaN and infinities are kept.
func Round(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r := math.Round(v*1e6) / 1e6
	if r == 0 {
		return 0 // no -0
	}
	return r
}

// TableOptions configures the long tables. The zero value gives the
// defaults.
type TableOptions struct {
	// Close, when positive, replaces every market's close (an offset from
	// local midnight in the market's time) in settling trading days. Zero
	// means each market's own: 15:00 Beijing for A shares, 16:00 Hong Kong
	// for HK, 16:00 New York for US (early closes included).
	Close time.Duration
	// Baseline and MinBaseline are the trading days of the abnormal score's
	// baseline; zero means [DefaultBaseline] and [DefaultMinBaseline].
	Baseline, MinBaseline int
	// MaxHamming is as in [Options]; it decides near-duplicate stories for
	// the novel count.
	MaxHamming int
}

// Tables are the four long tables.
type Tables struct {
	Articles []ArticleRow // by key
	Links    []LinkRow    // by key, then symbol
	Claims   []ClaimRow   // by key, then position
	Daily    []DailyRow   // by symbol (code, then market), then day
	Repeats  int          // inputs that repeat an earlier one (ArticleRow.RepeatOf set)
	Errors   int          // inputs that failed
	// OffCalendar counts the dated links with no trading day because their
	// day lies outside the data of their market's calendar (HKEX ends in
	// September 2025, for instance): the tables say so rather than guess.
	// Links of markets without a calendar are not counted.
	OffCalendar int
}

// TableBuilder collects analyses into [Tables]. The tables depend only on
// the set of analyses added, not on their order. It keeps the rows, which
// are small beside the articles. The zero value is not ready: use
// [NewTableBuilder].
type TableBuilder struct {
	opts    TableOptions
	entries []*tableEntry
}

// tableEntry is what the builder keeps of one analysis.
type tableEntry struct {
	article ArticleRow
	links   []LinkRow
	claims  []ClaimRow
	rec     *record         // nil for a failed input
	toned   map[string]bool // securities with a tone
	repeat  string          // repeat identity: URL, else id and text hash
	repeat2 string
	// offCalendar counts the links whose day is outside their calendar.
	offCalendar int
}

// NewTableBuilder returns an empty builder; nil opts means the defaults.
func NewTableBuilder(opts *TableOptions) *TableBuilder {
	b := &TableBuilder{}
	if opts != nil {
		b.opts = *opts
	}
	if b.opts.Baseline <= 0 {
		b.opts.Baseline = DefaultBaseline
	}
	if b.opts.MinBaseline <= 0 {
		b.opts.MinBaseline = DefaultMinBaseline
	}
	b.opts.MinBaseline = min(b.opts.MinBaseline, b.opts.Baseline)
	switch {
	case b.opts.MaxHamming == 0:
		b.opts.MaxHamming = DefaultMaxHamming
	case b.opts.MaxHamming < 0:
		b.opts.MaxHamming = 0
	case b.opts.MaxHamming > 7:
		b.opts.MaxHamming = 7
	}
	return b
}

// BuildTables returns the long tables of analyses, with opts (nil: the
// defaults). It is the slice form for notebooks.
func BuildTables(analyses []stocknews.Analysis, opts *TableOptions) *Tables {
	b := NewTableBuilder(opts)
	for i := range analyses {
		b.Add(&analyses[i])
	}
	return b.Tables()
}

// Add collects one analysis; a nil one is ignored.
func (b *TableBuilder) Add(a *stocknews.Analysis) {
	if a == nil {
		return
	}
	art := &a.Article
	e := &tableEntry{article: ArticleRow{
		Key: inputKey(a), ID: art.ID, PublishedFrom: art.PublishedFrom,
		Media: art.Media, Title: art.Title, URL: art.URL,
		Securities: int64(len(a.Tickers)), Claims: int64(len(a.Claims)),
		Tone: a.Tone.Tone.String(), ToneScore: Round(a.Tone.Score),
	}}
	if a.Err != nil {
		e.article.Error = a.Err.Error()
	}
	if !art.Published.IsZero() {
		p := art.Published
		e.article.Published = &p
		if d, err := calendar.SSE().TradingDay(p, b.opts.Close); err == nil {
			e.article.TradingDay = &d
		}
	}
	if a.Err == nil {
		e.rec = newRecord(a)
		e.toned = make(map[string]bool, len(a.Tones))
		for _, t := range a.Tones {
			e.toned[t.Symbol.String()] = true
		}
		if art.URL != "" {
			e.repeat = "url:" + art.URL
		}
		if art.ID != "" {
			h := fnv.New64a()
			h.Write([]byte(art.Title))
			h.Write([]byte{0})
			h.Write([]byte(art.Text))
			e.repeat2 = "id:" + art.ID + "\x00" + string(h.Sum(nil))
		}
	}
	b.addLinks(e, a)
	b.addClaims(e, a)
	b.entries = append(b.entries, e)
}

func (b *TableBuilder) addLinks(e *tableEntry, a *stocknews.Analysis) {
	for i, l := range a.Tickers {
		if !l.Symbol.IsValid() {
			continue
		}
		row := LinkRow{
			Key: e.article.Key, ID: e.article.ID, Symbol: l.Symbol.String(), Name: l.Name,
			Market: l.Symbol.Market().String(), Relevance: Round(l.Relevance), Mentions: int64(l.Mentions),
			InTitle: l.InTitle, Via: strings.Join(l.Via.Names(), "+"), Tone: entities.Neutral.String(),
		}
		for _, c := range a.Claims {
			if c.Symbol == l.Symbol {
				row.Claims++
			}
		}
		t, ok := toneOf(a, i)
		if ok {
			row.Tone, row.ToneScore = t.Tone.String(), Round(t.Score)
			names := make([]string, 0, len(t.Events))
			for _, ev := range t.Events {
				names = append(names, ev.Name)
			}
			row.Events = strings.Join(names, ";")
		}
		if e.article.Published != nil {
			if cal := calendar.ForMarket(row.Market); cal != nil {
				if d, err := cal.TradingDay(*e.article.Published, b.opts.Close); err == nil {
					row.TradingDay = &d
				} else {
					e.offCalendar++
				}
			}
		}
		e.links = append(e.links, row)
	}
}

// toneOf returns the tone of link i of a: Tones[i] when it is about the
// same security, else the tone of that security anywhere in Tones.
func toneOf(a *stocknews.Analysis, i int) (entities.SecurityTone, bool) {
	sym := a.Tickers[i].Symbol
	if i < len(a.Tones) && a.Tones[i].Symbol == sym {
		return a.Tones[i], true
	}
	for _, t := range a.Tones {
		if t.Symbol == sym {
			return t, true
		}
	}
	return entities.SecurityTone{}, false
}

func (b *TableBuilder) addClaims(e *tableEntry, a *stocknews.Analysis) {
	for _, c := range a.Claims {
		row := ClaimRow{
			Key: e.article.Key, Subject: c.Subject, Value: c.Value.String(),
			ValueF64: c.Value.InexactFloat64(), Unit: c.Unit, Comparator: c.Comparator.String(),
			Kind: c.Kind.String(), Period: c.Period, Start: int64(c.Start), End: int64(c.End), Text: c.Text,
		}
		if c.Symbol.IsValid() {
			row.Symbol = c.Symbol.String()
		}
		if c.Upper.Valid {
			row.Upper = c.Upper.Decimal.String()
		}
		e.claims = append(e.claims, row)
	}
}

// inputKey is the unique key of an input: its File, else its article id,
// else a hash of its text.
func inputKey(a *stocknews.Analysis) string {
	if a.File != "" {
		return a.File
	}
	return displayID(articleKey(a))
}

// Tables returns the tables of everything added. It does not change the
// builder.
func (b *TableBuilder) Tables() *Tables {
	es := slices.Clone(b.entries)
	slices.SortStableFunc(es, func(x, y *tableEntry) int { return cmp.Compare(x.article.Key, y.article.Key) })
	t := &Tables{}
	b.markRepeats(es, t)
	for _, e := range es {
		t.Articles = append(t.Articles, e.article)
		t.OffCalendar += e.offCalendar
		t.Links = append(t.Links, e.links...)
		t.Claims = append(t.Claims, e.claims...)
		if e.article.Error != "" {
			t.Errors++
		}
	}
	t.Daily = b.daily(es)
	return t
}

// markRepeats settles which inputs repeat an earlier one: in the order of
// publication (undated last, ties by key), an input whose URL, or whose
// id with the same title and text, was met before repeats the first input
// that had it.
func (b *TableBuilder) markRepeats(es []*tableEntry, t *Tables) {
	order := slices.Clone(es)
	slices.SortStableFunc(order, compareEntries)
	first := map[string]string{}
	for _, e := range order {
		if e.rec == nil {
			continue
		}
		for _, k := range []string{e.repeat, e.repeat2} {
			if k == "" {
				continue
			}
			if key, ok := first[k]; ok && e.article.RepeatOf == "" {
				e.article.RepeatOf = key
			}
		}
		for _, k := range []string{e.repeat, e.repeat2} {
			if _, ok := first[k]; k != "" && !ok {
				first[k] = e.article.Key
			}
		}
		if e.article.RepeatOf != "" {
			t.Repeats++
			for i := range e.links {
				e.links[i].Repeat = true
			}
		}
	}
}

// compareEntries orders entries by publication, undated last, then key.
func compareEntries(x, y *tableEntry) int {
	px, py := x.article.Published, y.article.Published
	switch {
	case px != nil && py != nil:
		if c := px.Compare(*py); c != 0 {
			return c
		}
	case px != nil:
		return -1
	case py != nil:
		return 1
	}
	return cmp.Compare(x.article.Key, y.article.Key)
}

// dayCell is one security-day of the panel being built.
type dayCell struct {
	row      DailyRow
	sym      ticker.Symbol
	toneSum  float64
	toneN    int
	relevant float64
}

// daily builds the panel from the entries that are neither failed nor
// repeats.
func (b *TableBuilder) daily(es []*tableEntry) []DailyRow {
	var live []*tableEntry
	for _, e := range es {
		if e.rec != nil && e.article.RepeatOf == "" {
			live = append(live, e)
		}
	}
	slices.SortStableFunc(live, compareEntries)
	rs := make([]*record, len(live))
	for i, e := range live {
		r := *e.rec
		r.id = e.article.Key
		rs[i] = &r
	}
	story := stories(rs, b.opts.MaxHamming)
	type storySym struct {
		story int
		sym   string
	}
	started := map[storySym]bool{}
	cells := map[string]*dayCell{}
	for i, e := range live {
		for _, l := range e.links {
			if l.TradingDay == nil {
				continue
			}
			ck := l.Symbol + "\x00" + l.TradingDay.Format(time.DateOnly)
			c := cells[ck]
			if c == nil {
				sym, _ := ticker.Parse(l.Symbol)
				c = &dayCell{sym: sym, row: DailyRow{Symbol: l.Symbol, Name: l.Name, Market: l.Market, Day: *l.TradingDay}}
				cells[ck] = c
			}
			c.row.Articles++
			c.row.Mentions += l.Mentions
			c.relevant += l.Relevance
			if c.row.Name == "" || (l.Name != "" && l.Name < c.row.Name) {
				c.row.Name = l.Name
			}
			if k := (storySym{story[i], l.Symbol}); !started[k] {
				started[k] = true
				c.row.Novel++
			}
			if e.toned[l.Symbol] {
				c.toneSum += l.ToneScore
				c.toneN++
				switch l.Tone {
				case entities.Positive.String():
					c.row.Positive++
				case entities.Negative.String():
					c.row.Negative++
				default:
					c.row.Neutral++
				}
			}
		}
	}
	out := make([]*dayCell, 0, len(cells))
	for _, c := range cells {
		c.row.Relevance = Round(c.relevant)
		if c.toneN > 0 {
			m := Round(c.toneSum / float64(c.toneN))
			c.row.ToneMean = &m
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y *dayCell) int {
		if c := compareSymbols(x.sym, y.sym); c != 0 {
			return c
		}
		return x.row.Day.Compare(y.row.Day)
	})
	b.abnormal(out)
	rows := make([]DailyRow, len(out))
	for i, c := range out {
		rows[i] = c.row
	}
	return rows
}

// abnormal sets the abnormal scores of the cells (sorted by security, then
// day): each security's series runs over its market's trading days from
// the first to the last day of the panel in that market.
func (b *TableBuilder) abnormal(cells []*dayCell) {
	span := map[string][2]time.Time{}
	for _, c := range cells {
		s, ok := span[c.row.Market]
		if !ok {
			s = [2]time.Time{c.row.Day, c.row.Day}
		}
		if c.row.Day.Before(s[0]) {
			s[0] = c.row.Day
		}
		if c.row.Day.After(s[1]) {
			s[1] = c.row.Day
		}
		span[c.row.Market] = s
	}
	index := map[string]map[time.Time]int{}
	for m, s := range span {
		days, err := calendar.ForMarket(m).Days(s[0], s[1])
		if err != nil {
			continue // cannot happen: every day came from the calendar
		}
		idx := make(map[time.Time]int, len(days))
		for i, d := range days {
			idx[d] = i
		}
		index[m] = idx
	}
	for lo := 0; lo < len(cells); {
		hi := lo
		for hi < len(cells) && cells[hi].row.Symbol == cells[lo].row.Symbol {
			hi++
		}
		idx := index[cells[lo].row.Market]
		counts := make([]float64, len(idx))
		for _, c := range cells[lo:hi] {
			counts[idx[c.row.Day]] = float64(c.row.Articles)
		}
		for _, c := range cells[lo:hi] {
			abn, z := Abnormal(counts, idx[c.row.Day], b.opts.Baseline, b.opts.MinBaseline)
			c.row.Abnormal, c.row.AbnormalZ = roundedPtr(abn), roundedPtr(z)
		}
		lo = hi
	}
}

func roundedPtr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	r := Round(v)
	return &r
}

package metrics

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// Record is one row of a [Table] flattened for export: CSV, JSON Lines and
// Parquet all use these columns, in this order, with these snake_case
// names. Values that are undefined (no dated article, too short a baseline,
// no outlet) are nil: empty in CSV, null in JSON and Parquet.
//
// The struct tags drive encoding/json and github.com/parquet-go/parquet-go,
// so a program can read the files [Table.WriteParquet] writes back into
// Records with parquet.Read[metrics.Record].
type Record struct {
	Symbol            string     `json:"symbol" parquet:"symbol"`
	Name              string     `json:"name" parquet:"name"`
	Articles          int64      `json:"articles" parquet:"articles"`
	Mentions          int64      `json:"mentions" parquet:"mentions"`
	RelevanceWeighted float64    `json:"relevance_weighted" parquet:"relevance_weighted"`
	TitleArticles     int64      `json:"title_articles" parquet:"title_articles"`
	Claims            int64      `json:"claims" parquet:"claims"`
	FirstSeen         *time.Time `json:"first_seen" parquet:"first_seen,optional,timestamp(millisecond)"`
	LastSeen          *time.Time `json:"last_seen" parquet:"last_seen,optional,timestamp(millisecond)"`
	ActiveDays        int64      `json:"active_days" parquet:"active_days"`
	Media             int64      `json:"media" parquet:"media"`
	MediaHHI          *float64   `json:"media_hhi" parquet:"media_hhi,optional"`
	ShareOfVoice      float64    `json:"share_of_voice" parquet:"share_of_voice"`
	Novel             int64      `json:"novel" parquet:"novel"`
	Repeated          int64      `json:"repeated" parquet:"repeated"`
	Articles1D        int64      `json:"articles_1d" parquet:"articles_1d"`
	Articles7D        int64      `json:"articles_7d" parquet:"articles_7d"`
	Articles30D       int64      `json:"articles_30d" parquet:"articles_30d"`
	Abnormal          *float64   `json:"abnormal" parquet:"abnormal,optional"`
	AbnormalZ         *float64   `json:"abnormal_z" parquet:"abnormal_z,optional"`
	Heat              int64      `json:"heat" parquet:"heat"`
	Degree            int64      `json:"degree" parquet:"degree"`
	PageRank          float64    `json:"pagerank" parquet:"pagerank"`
	TopPairs          string     `json:"top_pairs" parquet:"top_pairs"`
	ToneMean          *float64   `json:"tone_mean" parquet:"tone_mean,optional"`
	Positive          int64      `json:"positive" parquet:"positive"`
	Negative          int64      `json:"negative" parquet:"negative"`
	Neutral           int64      `json:"neutral" parquet:"neutral"`
}

// Columns returns the export column names, in order: symbol, name,
// articles, mentions, then the rest as in [Record].
func Columns() []string {
	return []string{
		"symbol", "name", "articles", "mentions", "relevance_weighted",
		"title_articles", "claims", "first_seen", "last_seen", "active_days",
		"media", "media_hhi", "share_of_voice", "novel", "repeated",
		"articles_1d", "articles_7d", "articles_30d", "abnormal", "abnormal_z",
		"heat", "degree", "pagerank", "top_pairs", "tone_mean", "positive", "negative", "neutral",
	}
}

// Record flattens s, its ratios and scores rounded by [Round]. TopPairs becomes "SYMBOL:articles" items joined by
// ";", e.g. "00700.HK:3;600519.SH:1".
func (s *Stats) Record() Record {
	r := Record{
		Symbol:            s.Symbol.String(),
		Name:              s.Name,
		Articles:          int64(s.Articles),
		Mentions:          int64(s.Mentions),
		RelevanceWeighted: Round(s.Relevance),
		TitleArticles:     int64(s.TitleArticles),
		Claims:            int64(s.Claims),
		ActiveDays:        int64(s.ActiveDays),
		Media:             int64(s.Media),
		MediaHHI:          finite(Round(s.MediaHHI)),
		ShareOfVoice:      Round(s.ShareOfVoice),
		Novel:             int64(s.Novel),
		Repeated:          int64(s.Repeated),
		Articles1D:        int64(s.Window1),
		Articles7D:        int64(s.Window7),
		Articles30D:       int64(s.Window30),
		Abnormal:          finite(Round(s.Abnormal)),
		AbnormalZ:         finite(Round(s.AbnormalZ)),
		Heat:              int64(s.Heat),
		Degree:            int64(s.Degree),
		PageRank:          Round(s.PageRank),
		ToneMean:          finite(Round(s.ToneMean)),
		Positive:          int64(s.Positive),
		Negative:          int64(s.Negative),
		Neutral:           int64(s.Neutral),
	}
	if !s.FirstSeen.IsZero() {
		f, l := s.FirstSeen, s.LastSeen
		r.FirstSeen, r.LastSeen = &f, &l
	}
	var b strings.Builder
	for i, p := range s.TopPairs {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(p.Other.String())
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Articles))
	}
	r.TopPairs = b.String()
	return r
}

func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// Records returns the rows of t flattened for export.
func (t *Table) Records() []Record {
	out := make([]Record, len(t.Rows))
	for i := range t.Rows {
		out[i] = t.Rows[i].Record()
	}
	return out
}

// fields returns r's values as CSV/HTML text, in column order: integers in
// decimal, floats in the shortest form that reads back exactly, times in
// RFC 3339, nil as "".
func (r *Record) fields() []string {
	opt := func(p *float64) string {
		if p == nil {
			return ""
		}
		return formatFloat(*p)
	}
	tm := func(p *time.Time) string {
		if p == nil {
			return ""
		}
		return p.Format(time.RFC3339)
	}
	i := func(v int64) string { return strconv.FormatInt(v, 10) }
	return []string{
		r.Symbol, r.Name, i(r.Articles), i(r.Mentions), formatFloat(r.RelevanceWeighted),
		i(r.TitleArticles), i(r.Claims), tm(r.FirstSeen), tm(r.LastSeen), i(r.ActiveDays),
		i(r.Media), opt(r.MediaHHI), formatFloat(r.ShareOfVoice), i(r.Novel), i(r.Repeated),
		i(r.Articles1D), i(r.Articles7D), i(r.Articles30D), opt(r.Abnormal), opt(r.AbnormalZ),
		i(r.Heat), i(r.Degree), formatFloat(r.PageRank), r.TopPairs,
		opt(r.ToneMean), i(r.Positive), i(r.Negative), i(r.Neutral),
	}
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// WriteCSV writes t as CSV (RFC 4180, UTF-8, no byte-order mark) with a
// header row of [Columns].
func (t *Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns()); err != nil {
		return fmt.Errorf("metrics: writing CSV: %w", err)
	}
	for _, r := range t.Records() {
		if err := cw.Write(r.fields()); err != nil {
			return fmt.Errorf("metrics: writing CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("metrics: writing CSV: %w", err)
	}
	return nil
}

// WriteJSONL writes t as JSON Lines: one [Record] object per row, keys in
// column order.
func (t *Table) WriteJSONL(w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, r := range t.Records() {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("metrics: writing JSON Lines: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("metrics: writing JSON Lines: %w", err)
	}
	return nil
}

// htmlColumns are the columns of the HTML table, a readable subset.
var htmlColumns = []struct {
	head string
	get  func(s *Stats) string
}{
	{"symbol", func(s *Stats) string { return s.Symbol.String() }},
	{"name", func(s *Stats) string { return s.Name }},
	{"articles", func(s *Stats) string { return strconv.Itoa(s.Articles) }},
	{"mentions", func(s *Stats) string { return strconv.Itoa(s.Mentions) }},
	{"relevance", func(s *Stats) string { return strconv.FormatFloat(s.Relevance, 'f', 2, 64) }},
	{"in title", func(s *Stats) string { return strconv.Itoa(s.TitleArticles) }},
	{"claims", func(s *Stats) string { return strconv.Itoa(s.Claims) }},
	{"first seen", func(s *Stats) string { return dateString(s.FirstSeen) }},
	{"last seen", func(s *Stats) string { return dateString(s.LastSeen) }},
	{"active days", func(s *Stats) string { return strconv.Itoa(s.ActiveDays) }},
	{"media", func(s *Stats) string { return strconv.Itoa(s.Media) }},
	{"media HHI", func(s *Stats) string { return fixed(s.MediaHHI, 2) }},
	{"share", func(s *Stats) string { return fixed(100*s.ShareOfVoice, 1) + "%" }},
	{"novel", func(s *Stats) string { return strconv.Itoa(s.Novel) }},
	{"7d", func(s *Stats) string { return strconv.Itoa(s.Window7) }},
	{"abnormal", func(s *Stats) string { return fixed(s.Abnormal, 2) }},
	{"heat", func(s *Stats) string { return strconv.Itoa(s.Heat) }},
	{"top pair", func(s *Stats) string {
		if len(s.TopPairs) == 0 {
			return ""
		}
		return s.TopPairs[0].Other.String() + " (" + strconv.Itoa(s.TopPairs[0].Articles) + ")"
	}},
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func fixed(v float64, prec int) string {
	if math.IsNaN(v) {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// Headers returns the column heads of [Table.HTML] and [Table.Cells].
func Headers() []string {
	out := make([]string, len(htmlColumns))
	for i, c := range htmlColumns {
		out[i] = c.head
	}
	return out
}

// Cells returns the rows of t as display text, in the columns of
// [Headers]: counts, relevance to two decimals, dates without times,
// undefined values as "–". It is what [Table.HTML] and the coverage
// program's aligned table show.
func (t *Table) Cells() [][]string {
	out := make([][]string, len(t.Rows))
	for i := range t.Rows {
		row := make([]string, len(htmlColumns))
		for j, c := range htmlColumns {
			row[j] = c.get(&t.Rows[i])
		}
		out[i] = row
	}
	return out
}

// HTML renders t as an HTML table (the columns of [Headers]), with a
// caption giving the corpus figures. Notebooks that show values with an
// HTML method (gophernotes) display a Table directly.
func (t *Table) HTML() string {
	var b strings.Builder
	b.WriteString("<table class=\"stocknews-coverage\">\n<caption>")
	fmt.Fprintf(&b, "%d articles, %d linked, %d stories, %d securities", t.Articles, t.Linked, t.Stories, t.Securities)
	if t.Repeats > 0 {
		fmt.Fprintf(&b, ", %d repeats", t.Repeats)
	}
	if len(t.Rows) < t.Securities {
		fmt.Fprintf(&b, " (top %d)", len(t.Rows))
	}
	if !t.AsOf.IsZero() {
		fmt.Fprintf(&b, "; %s to %s", dateString(t.Start), dateString(t.AsOf))
	}
	b.WriteString("</caption>\n<thead><tr>")
	for _, c := range htmlColumns {
		b.WriteString("<th>")
		b.WriteString(html.EscapeString(c.head))
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range t.Cells() {
		b.WriteString("<tr>")
		for j, v := range row {
			if j >= 2 {
				b.WriteString("<td style=\"text-align:right\">")
			} else {
				b.WriteString("<td>")
			}
			b.WriteString(html.EscapeString(v))
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	return b.String()
}

// PairColumns are the columns of [Table.WritePairsCSV].
func PairColumns() []string {
	return []string{"symbol", "other", "articles", "jaccard", "pmi"}
}

// WritePairsCSV writes the co-mention graph as an edge list: one CSV row
// per pair of [Table.Pairs], most articles first, with a header row of
// [PairColumns].
func (t *Table) WritePairsCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(PairColumns())
	for _, p := range t.Pairs {
		cw.Write([]string{p.Symbol.String(), p.Other.String(), strconv.Itoa(p.Articles), formatFloat(Round(p.Jaccard)), formatFloat(Round(p.PMI))})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("metrics: writing pairs: %w", err)
	}
	return nil
}

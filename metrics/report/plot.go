package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"image/color"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/stocknews/stocknews/metrics"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// PlotOptions configures [PlotPNG]. The zero value gives the
// defaults.
type PlotOptions struct {
	Top    int    // securities plotted, the table's first rows; 0 means 5
	Width  int    // image width in pixels; 0 means 900
	Height int    // image height in pixels; 0 means 500
	Title  string // "" means "Daily coverage"
}

// plotDPI is the resolution the pixel sizes are converted at.
const plotDPI = 96

// palette is a colour-blind-safe qualitative palette (Okabe–Ito).
var palette = []color.RGBA{
	{0, 114, 178, 255}, {213, 94, 0, 255}, {0, 158, 115, 255}, {204, 121, 167, 255},
	{230, 159, 0, 255}, {86, 180, 233, 255}, {0, 0, 0, 255}, {240, 228, 66, 255},
}

// Plot is a drawn coverage chart. Its PNG method has the form notebook
// kernels such as gophernotes look for, so a cell whose value is a *Plot
// shows the picture; Err tells why there is none.
type Plot struct {
	png    []byte
	err    error
	legend []legendItem
}

// legendItem is one line of a chart's HTML legend.
type legendItem struct {
	color        color.RGBA
	symbol, name string
	articles     int
}

// NewPlot draws the chart of [PlotPNG] with opts (nil for the
// defaults) and keeps the outcome. It is the form for notebooks and
// other callers that want a value that renders itself; Go code that
// handles the error at once can call PlotPNG.
func NewPlot(t *metrics.Table, opts *PlotOptions) *Plot {
	b, err := PlotPNG(t, opts)
	p := &Plot{png: b, err: err}
	if err == nil {
		n := 5
		if opts != nil && opts.Top > 0 {
			n = opts.Top
		}
		for i := range min(n, len(t.Rows)) {
			r := &t.Rows[i]
			p.legend = append(p.legend, legendItem{palette[i%len(palette)], r.Symbol.String(), r.Name, r.Articles})
		}
	}
	return p
}

// HTML returns the chart as an HTML figure: the PNG inline, and a legend
// that gives each line's security by symbol and name (the PNG's font has
// no Chinese glyphs, a browser's has). Notebooks show it in place of the
// bare PNG. It is "" when the chart could not be drawn.
func (p *Plot) HTML() string {
	if p.png == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<figure style="margin:0"><img src="data:image/png;base64,`)
	b.WriteString(base64.StdEncoding.EncodeToString(p.png))
	b.WriteString(`"/>`)
	if len(p.legend) > 0 {
		b.WriteString(`<figcaption><table>`)
		for _, l := range p.legend {
			fmt.Fprintf(&b, `<tr><td style="color:#%02x%02x%02x">&#9644;</td><td>%s</td><td>%s</td><td style="text-align:right">%d articles</td></tr>`,
				l.color.R, l.color.G, l.color.B, html.EscapeString(l.symbol), html.EscapeString(l.name), l.articles)
		}
		b.WriteString(`</table></figcaption>`)
	}
	b.WriteString(`</figure>`)
	return b.String()
}

// PNG returns the chart as PNG bytes, or nil when it could not be drawn
// (see [Plot.Err]).
func (p *Plot) PNG() []byte { return p.png }

// Err returns why the chart could not be drawn, or nil.
func (p *Plot) Err() error { return p.err }

// PlotPNG draws the daily article counts of the table's first rows as a
// line chart and returns it as PNG bytes, opts.Width × opts.Height pixels.
// Lines are labelled with the symbols (the plot's font has no Chinese
// glyphs). It returns an error when the table has no dated article or the
// size is not positive.
func PlotPNG(t *metrics.Table, opts *PlotOptions) ([]byte, error) {
	var o PlotOptions
	if opts != nil {
		o = *opts
	}
	if o.Top == 0 {
		o.Top = 5
	}
	if o.Width == 0 {
		o.Width = 900
	}
	if o.Height == 0 {
		o.Height = 500
	}
	if o.Title == "" {
		o.Title = "Daily coverage"
	}
	if o.Width < 0 || o.Height < 0 || o.Top < 0 {
		return nil, fmt.Errorf("report: plot size %d×%d, top %d: must be positive", o.Width, o.Height, o.Top)
	}
	if t.AsOf.IsZero() || len(t.Rows) == 0 {
		return nil, fmt.Errorf("report: plot: no dated article to plot")
	}

	p := plot.New()
	p.Title.Text = o.Title
	_, off := t.Start.Zone()
	p.X.Label.Text = fmt.Sprintf("day (%s, UTC%+03d:%02d)", t.Start.Location(), off/3600, off%3600/60)
	p.Y.Min = 0
	p.Add(plotter.NewGrid())
	p.Legend.Top = true

	n := min(o.Top, len(t.Rows))
	days := t.Rows[0].Series.Len()
	unit := bucketUnit(days)
	p.Y.Label.Text = "articles per " + unit
	series := make([]plotter.XYs, n)
	var ymax float64
	for i := range n {
		series[i] = bucketed(t.Rows[i].Series, unit)
		for _, xy := range series[i] {
			ymax = max(ymax, xy.Y)
		}
	}
	p.Y.Max = max(1, ymax) * 1.3 // room for the legend
	p.Y.Tick.Marker = countTicks{}
	p.X.Tick.Marker = dayTicks{start: t.Start, days: days}
	if days == 1 {
		p.X.Min = float64(t.Start.Add(-12 * time.Hour).Unix())
		p.X.Max = float64(t.Start.Add(12 * time.Hour).Unix())
	}
	for i := range n {
		s := &t.Rows[i]
		xys := series[i]
		line, err := plotter.NewLine(xys)
		if err != nil {
			return nil, fmt.Errorf("report: plot %s: %w", s.Symbol, err)
		}
		// Mark only the days with articles: zeros are the norm.
		var hits plotter.XYs
		for _, xy := range xys {
			if xy.Y > 0 {
				hits = append(hits, xy)
			}
		}
		points, err := plotter.NewScatter(hits)
		if err != nil {
			return nil, fmt.Errorf("report: plot %s: %w", s.Symbol, err)
		}
		c := palette[i%len(palette)]
		line.Color = c
		line.Width = vg.Points(1.5)
		if i >= len(palette) {
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
		}
		points.Color = c
		points.Radius = vg.Points(2.5)
		p.Add(line, points)
		p.Legend.Add(fmt.Sprintf("%s (%d)", s.Symbol, s.Articles), line, points)
	}

	w := vg.Length(o.Width) * vg.Inch / plotDPI
	h := vg.Length(o.Height) * vg.Inch / plotDPI
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(plotDPI), vgimg.UseBackgroundColor(color.White))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("report: plot: %w", err)
	}
	return buf.Bytes(), nil
}

// dayTicks labels the x axis at day boundaries, at most about eight labels.
type dayTicks struct {
	start time.Time
	days  int
}

func (d dayTicks) Ticks(min, max float64) []plot.Tick {
	step := 1
	for _, s := range []int{1, 2, 7, 14, 30, 61, 91, 182, 365, 730} {
		step = s
		if d.days/s <= 8 {
			break
		}
	}
	var ticks []plot.Tick
	for i := 0; i < d.days; i++ {
		v := float64(d.start.AddDate(0, 0, i).Unix())
		if v < min || v > max {
			continue
		}
		if i%step == 0 {
			ticks = append(ticks, plot.Tick{Value: v, Label: d.start.AddDate(0, 0, i).Format(time.DateOnly)})
		} else if step <= 14 {
			ticks = append(ticks, plot.Tick{Value: v})
		}
	}
	return ticks
}

// countTicks labels the y axis with whole numbers.
type countTicks struct{}

func (countTicks) Ticks(min, max float64) []plot.Tick {
	step := 1.0
	for _, s := range []float64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000} {
		step = s
		if (max-min)/s <= 6 {
			break
		}
	}
	var ticks []plot.Tick
	for v := math.Ceil(min/step) * step; v <= max; v += step {
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	return ticks
}

// bucketUnit chooses the bucket of a series of days days: a day up to
// about three months, a week up to two years, else a month.
func bucketUnit(days int) string {
	switch {
	case days <= 92:
		return "day"
	case days <= 730:
		return "week"
	}
	return "month"
}

// bucketed sums a daily series into buckets of unit, each placed at its
// first day. Weeks start on Monday; months on the first.
func bucketed(s metrics.Series, unit string) plotter.XYs {
	var out plotter.XYs
	var key time.Time
	for d := range s.Len() {
		day := s.Day(d)
		k := day
		switch unit {
		case "week":
			k = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		case "month":
			k = time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, day.Location())
		}
		if len(out) == 0 || !k.Equal(key) {
			key = k
			out = append(out, plotter.XY{X: float64(k.Unix())})
		}
		out[len(out)-1].Y += s.Counts[d]
	}
	return out
}

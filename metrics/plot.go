package metrics

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// PlotOptions configures [Table.PlotPNG]. The zero value gives the
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
	png []byte
	err error
}

// Plot draws the chart of [Table.PlotPNG] with opts (nil for the
// defaults) and keeps the outcome. It is the form for notebooks and
// other callers that want a value that renders itself; Go code that
// handles the error at once can call PlotPNG.
func (t *Table) Plot(opts *PlotOptions) *Plot {
	b, err := t.PlotPNG(opts)
	return &Plot{png: b, err: err}
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
func (t *Table) PlotPNG(opts *PlotOptions) ([]byte, error) {
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
		return nil, fmt.Errorf("metrics: plot size %d×%d, top %d: must be positive", o.Width, o.Height, o.Top)
	}
	if t.AsOf.IsZero() || len(t.Rows) == 0 {
		return nil, fmt.Errorf("metrics: plot: no dated article to plot")
	}

	p := plot.New()
	p.Title.Text = o.Title
	p.X.Label.Text = "day (" + t.Start.Location().String() + ")"
	p.Y.Label.Text = "articles"
	p.Y.Min = 0
	p.Add(plotter.NewGrid())
	p.Legend.Top = true

	n := min(o.Top, len(t.Rows))
	var ymax float64
	for i := range n {
		for _, v := range t.Rows[i].Series.Counts {
			ymax = max(ymax, v)
		}
	}
	p.Y.Max = max(1, ymax) * 1.3 // room for the legend
	p.Y.Tick.Marker = countTicks{}
	days := t.Rows[0].Series.Len()
	p.X.Tick.Marker = dayTicks{start: t.Start, days: days}
	if days == 1 {
		p.X.Min = float64(t.Start.Add(-12 * time.Hour).Unix())
		p.X.Max = float64(t.Start.Add(12 * time.Hour).Unix())
	}
	for i := range n {
		s := &t.Rows[i]
		xys := make(plotter.XYs, s.Series.Len())
		for d := range xys {
			xys[d].X = float64(s.Series.Day(d).Unix())
			xys[d].Y = s.Series.Counts[d]
		}
		line, err := plotter.NewLine(xys)
		if err != nil {
			return nil, fmt.Errorf("metrics: plot %s: %w", s.Symbol, err)
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
			return nil, fmt.Errorf("metrics: plot %s: %w", s.Symbol, err)
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
		return nil, fmt.Errorf("metrics: plot: %w", err)
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

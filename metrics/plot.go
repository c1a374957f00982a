package metrics

import (
	"bytes"
	"fmt"
	"image/color"
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

// PNG returns [Table.PlotPNG] with the default options.
func (t *Table) PNG() ([]byte, error) { return t.PlotPNG(nil) }

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
	p.X.Tick.Marker = plot.TimeTicks{
		Format: time.DateOnly,
		Time:   func(v float64) time.Time { return time.Unix(int64(v), 0).In(t.Start.Location()) },
	}
	p.Add(plotter.NewGrid())
	p.Legend.Top = true
	p.Legend.Left = true

	n := min(o.Top, len(t.Rows))
	for i := range n {
		s := &t.Rows[i]
		xys := make(plotter.XYs, s.Series.Len())
		for d := range xys {
			xys[d].X = float64(s.Series.Day(d).Unix())
			xys[d].Y = s.Series.Counts[d]
		}
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, fmt.Errorf("metrics: plot %s: %w", s.Symbol, err)
		}
		c := palette[i%len(palette)]
		line.Color = c
		line.Width = vg.Points(1.5)
		points.Color = c
		points.Radius = vg.Points(2)
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

package report

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"time"

	"github.com/stocknews/stocknews/calendar"
	"github.com/stocknews/stocknews/metrics"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// PlotDaily draws one security of a daily panel ([metrics.Tables].Daily)
// on its market's trading days: the articles of each trading day (zero on
// the days without a row) as a line, and the abnormal score of the days
// that have one as points. The x axis is the trading days of the market's
// calendar, labelled by date. opts.Width, Height and Title apply; Top does
// not.
func PlotDaily(rows []metrics.DailyRow, symbol string, opts *PlotOptions) *Plot {
	b, name, n, err := plotDaily(rows, symbol, opts)
	p := &Plot{png: b, err: err}
	if err == nil {
		p.legend = []legendItem{{palette[0], symbol, name, n}}
	}
	return p
}

func plotDaily(rows []metrics.DailyRow, symbol string, opts *PlotOptions) ([]byte, string, int, error) {
	var mine []metrics.DailyRow
	for _, r := range rows {
		if r.Symbol == symbol {
			mine = append(mine, r)
		}
	}
	if len(mine) == 0 {
		return nil, "", 0, fmt.Errorf("report: plot: %s has no row in the panel", symbol)
	}
	cal := calendar.ForMarket(mine[0].Market)
	if cal == nil {
		return nil, "", 0, fmt.Errorf("report: plot: no calendar for market %s", mine[0].Market)
	}
	days, err := cal.Days(mine[0].Day, mine[len(mine)-1].Day)
	if err != nil {
		return nil, "", 0, fmt.Errorf("report: plot: %w", err)
	}
	o := plotDefaults(opts)
	if o.Title == "Daily coverage" {
		o.Title = symbol + ": articles and abnormal coverage per trading day"
	}
	idx := make(map[time.Time]int, len(days))
	for i, d := range days {
		idx[d] = i
	}
	counts := make(plotter.XYs, len(days))
	for i := range counts {
		counts[i].X = float64(i)
	}
	var abn plotter.XYs
	total, ymax := 0, 1.0
	for _, r := range mine {
		i := idx[r.Day]
		counts[i].Y = float64(r.Articles)
		total += int(r.Articles)
		ymax = max(ymax, float64(r.Articles))
		if r.Abnormal != nil {
			abn = append(abn, plotter.XY{X: float64(i), Y: *r.Abnormal})
			ymax = max(ymax, *r.Abnormal)
		}
	}
	p := plot.New()
	p.Title.Text = o.Title
	p.X.Label.Text = fmt.Sprintf("trading day (%s calendar, %s time)", cal.Name(), cal.Local(days[0]).Format("MST"))
	p.Y.Label.Text = "articles; abnormal = log(1+N) − log(1+baseline median)"
	p.Add(plotter.NewGrid())
	p.Legend.Top = true
	p.Y.Max = ymax * 1.3
	p.X.Tick.Marker = tradingTicks(days)
	line, err := plotter.NewLine(counts)
	if err != nil {
		return nil, "", 0, err
	}
	line.Color, line.Width = palette[0], vg.Points(1.2)
	p.Add(line)
	p.Legend.Add(symbol+" articles", line)
	if len(abn) > 0 {
		pts, err := plotter.NewScatter(abn)
		if err != nil {
			return nil, "", 0, err
		}
		pts.Color, pts.Radius = palette[1], vg.Points(3)
		p.Add(pts)
		p.Legend.Add("abnormal", pts)
	}
	w := vg.Length(o.Width) * vg.Inch / plotDPI
	h := vg.Length(o.Height) * vg.Inch / plotDPI
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(plotDPI), vgimg.UseBackgroundColor(color.White))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, "", 0, fmt.Errorf("report: plot: %w", err)
	}
	return buf.Bytes(), mine[0].Name, total, nil
}

// tradingTicks labels about eight of the trading days by date.
func tradingTicks(days []time.Time) plot.TickerFunc {
	return func(lo, hi float64) []plot.Tick {
		step := max(1, int(math.Ceil(float64(len(days))/8)))
		var ticks []plot.Tick
		for i := 0; i < len(days); i += step {
			ticks = append(ticks, plot.Tick{Value: float64(i), Label: days[i].Format(time.DateOnly)})
		}
		return ticks
	}
}

// plotDefaults fills the zero fields of opts.
func plotDefaults(opts *PlotOptions) PlotOptions {
	var o PlotOptions
	if opts != nil {
		o = *opts
	}
	if o.Width <= 0 {
		o.Width = 900
	}
	if o.Height <= 0 {
		o.Height = 500
	}
	if o.Title == "" {
		o.Title = "Daily coverage"
	}
	return o
}

package report_test

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/metrics/report"
	"github.com/stocknews/stocknews/ticker"
)

var beijing = time.FixedZone("CST", 8*3600)

func analyses(t *testing.T) []stocknews.Analysis {
	mt := ticker.MustParse("600519.SH")
	tc := ticker.MustParse("00700.HK")
	var out []stocknews.Analysis
	for i := range 40 {
		at := time.Date(2022, 1, 3, 10, 0, 0, 0, beijing).AddDate(0, 0, i*3)
		links := []ticker.Link{{Symbol: mt, Name: "贵州茅台", Mentions: 1 + i%3, Relevance: 0.7}}
		if i%4 == 0 {
			links = append(links, ticker.Link{Symbol: tc, Name: "腾讯控股", Mentions: 1, Relevance: 0.35})
		}
		out = append(out, stocknews.Analysis{
			File:    filepath.Join("corpus", string(rune('a'+i%26)), "index.md") + string(rune('0'+i/26)),
			Article: stocknews.Article{ID: "index", Title: "t", Text: "正文" + string(rune('一'+i)), Published: at, Media: "m"},
			Tickers: links,
		})
	}
	return out
}

func TestWriteTables(t *testing.T) {
	tabs := metrics.BuildTables(analyses(t), nil)
	for _, format := range []string{report.Parquet, report.CSV} {
		dir := t.TempDir()
		if err := report.WriteTables(dir, tabs, format); err != nil {
			t.Fatal(err)
		}
		for _, name := range report.TableNames {
			if _, err := os.Stat(filepath.Join(dir, name+"."+format)); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(dir, "daily."+format)
		if format == report.Parquet {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			st, _ := f.Stat()
			rows, err := parquet.Read[struct {
				Symbol   string `parquet:"symbol"`
				Day      int32  `parquet:"day"`
				Articles int64  `parquet:"articles"`
			}](f, st.Size())
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(tabs.Daily) || rows[0].Symbol != tabs.Daily[0].Symbol || rows[0].Articles != tabs.Daily[0].Articles {
				t.Errorf("parquet daily: %d rows, first %+v", len(rows), rows[0])
			}
			if got := time.Unix(int64(rows[0].Day)*86400, 0).UTC(); !got.Equal(tabs.Daily[0].Day) {
				t.Errorf("parquet day %v, want %v", got, tabs.Daily[0].Day)
			}
			pf, err := parquet.OpenFile(bytes.NewReader(mustRead(t, path)), st.Size())
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, fl := range pf.Schema().Fields() {
				names = append(names, fl.Name())
			}
			if !slices.Equal(names, metrics.DailyColumns()) {
				t.Errorf("daily columns %v, want %v", names, metrics.DailyColumns())
			}
			continue
		}
		recs, err := csv.NewReader(bytes.NewReader(mustRead(t, path))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(recs[0], metrics.DailyColumns()) || len(recs) != len(tabs.Daily)+1 {
			t.Errorf("csv daily header %v, %d lines", recs[0], len(recs))
		}
		if recs[1][3] != tabs.Daily[0].Day.Format(time.DateOnly) {
			t.Errorf("csv day cell %q", recs[1][3])
		}
		arts, _ := csv.NewReader(bytes.NewReader(mustRead(t, filepath.Join(dir, "articles.csv")))).ReadAll()
		if !slices.Equal(arts[0], metrics.ArticleColumns()) || len(arts) != 41 {
			t.Errorf("csv articles header %v, %d lines", arts[0], len(arts))
		}
	}
	if err := report.WriteTables(t.TempDir(), tabs, "xlsx"); err == nil {
		t.Error("unknown format: no error")
	}
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func table(t *testing.T) *metrics.Table {
	cov := metrics.New(nil)
	for _, a := range analyses(t) {
		cov.Add(&a)
	}
	return cov.Table()
}

func TestWriteParquet(t *testing.T) {
	tab := table(t)
	var buf bytes.Buffer
	if err := report.WriteParquet(&buf, tab); err != nil {
		t.Fatal(err)
	}
	got, err := parquet.Read[metrics.Record](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := tab.Records()
	if len(got) != len(want) || got[0].Symbol != want[0].Symbol || got[0].Articles != want[0].Articles {
		t.Errorf("read back %+v, want %+v", got, want)
	}
}

func TestPlot(t *testing.T) {
	b, err := report.PlotPNG(table(t), &report.PlotOptions{Width: 640, Height: 360})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if sz := img.Bounds().Size(); sz.X != 640 || sz.Y != 360 {
		t.Errorf("size %v", sz)
	}
	var v any = report.NewPlot(table(t), nil)
	if r, ok := v.(interface{ PNG() []byte }); !ok || len(r.PNG()) == 0 {
		t.Error("*Plot does not render")
	}
	if p := report.NewPlot(metrics.New(nil).Table(), nil); p.Err() == nil || p.PNG() != nil {
		t.Error("empty table plotted")
	}
	if _, err := report.PlotPNG(table(t), &report.PlotOptions{Width: -1}); err == nil {
		t.Error("negative width: no error")
	}
}

func TestPlotDaily(t *testing.T) {
	tabs := metrics.BuildTables(analyses(t), nil)
	p := report.PlotDaily(tabs.Daily, "600519.SH", &report.PlotOptions{Width: 640, Height: 360})
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	img, err := png.Decode(bytes.NewReader(p.PNG()))
	if err != nil || img.Bounds().Dx() != 640 {
		t.Fatalf("png: %v", err)
	}
	if h := p.HTML(); !strings.Contains(h, "贵州茅台") || !strings.Contains(h, "data:image/png;base64,") {
		t.Errorf("HTML legend lacks the name: %.200s", h)
	}
	if report.PlotDaily(tabs.Daily, "AAPL.US", nil).Err() == nil {
		t.Error("a symbol without rows plotted")
	}
	if h := report.NewPlot(table(t), nil).HTML(); !strings.Contains(h, "腾讯控股") {
		t.Error("coverage plot legend lacks the names")
	}
}

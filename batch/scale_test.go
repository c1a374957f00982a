package batch_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/internal/gencorpus"
	"github.com/stocknews/stocknews/metrics"
)

// scaleArticles is the size of the scale test's corpus.
const scaleArticles = 100_000

// TestScale analyses a generated corpus of 100,000 articles (every 1,000th
// one corrupted) through the streaming pipeline and checks that every
// input gets exactly one record, in order, and that the coverage table's
// totals equal the sums over the records. The articles are generated in
// memory as the pipeline asks for them.
func TestScale(t *testing.T) {
	if os.Getenv("STOCKNEWS_SCALE") == "" || testing.Short() {
		t.Skip("analyses 100,000 generated articles (a minute or more): set STOCKNEWS_SCALE=1 to run it, as .ci/run does")
	}
	g := gencorpus.New(2026, nil)
	corrupt := func(i int) bool { return i%1000 == 999 }
	inputs := func(yield func(batch.Input) bool) {
		for i := range scaleArticles {
			d := g.Doc(i)
			in := batch.Input{Name: d.Name, Data: d.Data}
			if corrupt(i) {
				// an unclosed front matter: the parser must reject it
				in.Data = []byte("---\ntitle: \"broken\nno end of front matter\n")
			}
			if !yield(in) {
				return
			}
		}
	}
	an, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	cov := metrics.New(nil)
	type sums struct{ articles, mentions int }
	perSymbol := map[string]*sums{}
	var records, failed, linked int
	var mem runtime.MemStats
	peak := uint64(0)

	p := batch.NewPipeline(an.Article, nil)
	err = p.Run(context.Background(), inputs, func(a stocknews.Analysis) error {
		i := records
		records++
		if want := g.Doc(i).Name; a.File != want {
			return fmt.Errorf("record %d is %q, want %q", i, a.File, want)
		}
		if corrupt(i) != (a.Err != nil) {
			return fmt.Errorf("record %d (%s): error %v, corrupted input: %v", i, a.File, a.Err, corrupt(i))
		}
		cov.Add(&a)
		if a.Err != nil {
			failed++
			var ie *stocknews.InputError
			if !errors.As(a.Err, &ie) {
				return fmt.Errorf("record %d: error %v is not an InputError", i, a.Err)
			}
			return nil
		}
		if len(a.Tickers) > 0 {
			linked++
		}
		for _, l := range a.Tickers {
			s := perSymbol[l.Symbol.String()]
			if s == nil {
				s = &sums{}
				perSymbol[l.Symbol.String()] = s
			}
			s.articles++
			s.mentions += l.Mentions
		}
		if i%10000 == 0 {
			runtime.ReadMemStats(&mem)
			peak = max(peak, mem.HeapInuse)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if records != scaleArticles {
		t.Fatalf("%d records for %d inputs", records, scaleArticles)
	}
	t.Logf("%d records, %d failed, %d linked, %d securities, peak heap in use %d MB",
		records, failed, linked, len(perSymbol), peak>>20)

	tab := cov.Table()
	if tab.Articles != records-failed || tab.Errors != failed {
		t.Errorf("table: %d articles, %d errors; records: %d analysed, %d failed", tab.Articles, tab.Errors, records-failed, failed)
	}
	if tab.Linked != linked {
		t.Errorf("table: %d linked articles, records: %d", tab.Linked, linked)
	}
	if len(tab.Rows) != len(perSymbol) {
		t.Errorf("table: %d securities, records: %d", len(tab.Rows), len(perSymbol))
	}
	totalArticles := 0
	for _, row := range tab.Rows {
		s := perSymbol[row.Symbol.String()]
		if s == nil {
			t.Errorf("table row %s is in no record", row.Symbol)
			continue
		}
		if row.Articles != s.articles || row.Mentions != s.mentions {
			t.Errorf("%s: table %d articles, %d mentions; records %d, %d", row.Symbol, row.Articles, row.Mentions, s.articles, s.mentions)
		}
		totalArticles += row.Articles
	}
	if totalArticles == 0 {
		t.Error("no security linked in the whole corpus")
	}
}

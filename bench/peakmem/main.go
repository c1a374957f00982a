// Command peakmem runs a coverage job over a generated corpus held nowhere
// in full: the articles are generated as the pipeline asks for them,
// analysed without named entities, and added to one metrics.Coverage (or,
// with -bounded, one bounded metrics.Coverage). It reports the time, the throughput
// and the peak resident memory (VmHWM, Linux only), to show that memory
// stays bounded by the pipeline's window plus the accumulator: an
// exact Coverage's compact per-article records, or a bounded one's fixed budget.
//
//	peakmem [-n 100000] [-seed 1] [-workers 0] [-bounded] [-recent 0]
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/internal/gencorpus"
	"github.com/stocknews/stocknews/metrics"
)

func main() {
	n := flag.Int("n", 100000, "number of generated articles")
	seed := flag.Uint64("seed", 1, "corpus seed")
	workers := flag.Int("workers", 0, "pipeline workers (0: GOMAXPROCS)")
	bounded := flag.Bool("bounded", false, "accumulate in a bounded metrics.Coverage (Options.Recent) instead of an exact one")
	recent := flag.Int("recent", 0, "with -bounded, the remembered articles (0: metrics.DefaultRecent)")
	flag.Parse()

	g := gencorpus.New(*seed, nil)
	var bytesIn int64
	inputs := func(yield func(batch.Input) bool) {
		for i := range *n {
			d := g.Doc(i)
			bytesIn += int64(len(d.Data))
			if !yield(batch.Input{Name: d.Name, Data: d.Data}) {
				return
			}
		}
	}
	an, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "peakmem:", err)
		os.Exit(1)
	}
	opts := &metrics.Options{}
	kind := "exact Coverage"
	if *bounded {
		opts.Recent = *recent
		if opts.Recent <= 0 {
			opts.Recent = metrics.DefaultRecent
		}
		kind = "bounded Coverage"
	}
	cov := metrics.New(opts)
	records := 0
	start := time.Now()
	p := batch.NewPipeline(an.Article, &batch.PipelineOptions{Workers: *workers})
	err = p.Run(context.Background(), inputs, func(a stocknews.Analysis) error {
		records++
		cov.Add(&a)
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "peakmem:", err)
		os.Exit(1)
	}
	analysed := time.Since(start)
	tab := cov.Table()
	total := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("coverage run (%s): %d articles (%.0f MB generated), %d records, %d securities, %d errors\n",
		kind, *n, float64(bytesIn)/1e6, records, len(tab.Rows), tab.Errors)
	fmt.Printf("  analysis %.1f s (%.0f articles/s, %.1f MB/s), table %.1f s, GOMAXPROCS %d\n",
		analysed.Seconds(), float64(records)/analysed.Seconds(), float64(bytesIn)/1e6/analysed.Seconds(),
		(total - analysed).Seconds(), runtime.GOMAXPROCS(0))
	fmt.Printf("  peak RSS %s, Go heap in use at the end %d MB\n", vmHWM(), ms.HeapInuse>>20)
}

// vmHWM returns the peak resident set size from /proc/self/status.
func vmHWM() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

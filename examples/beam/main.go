// Command beam computes the per-security coverage table of a news corpus
// with Apache Beam: it reads the inputs, analyses each article (tickers and
// claims, no named entities), combines the analyses per security with the
// metrics accumulator, merges the securities into the corpus table and
// writes it as CSV, the same CSV as examples/coverage -format csv.
//
//	go run . -output coverage.csv ../../../shared/corpus
//	go run . -output coverage.csv -input 'data/*.jsonl.gz'
//
// It runs locally on the prism runner by default; see README.md for
// Dataflow, Flink and Spark.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	input        = flag.String("input", "", "comma-separated input files, folders or globs (gs://… allowed); positional arguments are added")
	output       = flag.String("output", "coverage.csv", "output CSV file (gs://… allowed)")
	minRelevance = flag.Float64("min-relevance", 0, "ignore links less relevant than `R` (0 to 1)")
	closeDay     = flag.Bool("close", false, "count articles published after the 15:00 close to the next day")
	asOf         = flag.String("as-of", "", "evaluate windows and abnormal coverage on this `DAY` (YYYY-MM-DD); default: the last day with an article")
	top          = flag.Int("top", 0, "keep only the top `N` securities (0: all)")
	masters      listFlag
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func init() {
	flag.Var(&masters, "master", "security master CSV `FILE` to add to the built-in one (repeatable; gs://… allowed)")
}

func main() {
	flag.Parse()
	beam.Init()
	ctx := context.Background()

	var args []string
	if *input != "" {
		args = append(args, strings.Split(*input, ",")...)
	}
	args = append(args, flag.Args()...)
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: beam [flags] -output FILE INPUT...")
		flag.PrintDefaults()
		os.Exit(2)
	}
	files, err := expandInputs(ctx, args)
	if err != nil {
		log.Fatalf("beam: listing inputs: %v", err)
	}
	if len(files) == 0 {
		log.Fatalf("beam: no input files in %q", args)
	}
	out := &writeCSVFn{Output: *output, MinRelevance: *minRelevance, Close: *closeDay, AsOf: *asOf, Top: *top}
	if _, err := out.options(); err != nil {
		log.Fatalf("beam: -as-of: %v", err)
	}

	p, s := beam.NewPipelineWithRoot()
	buildPipeline(s, files, masters, out)
	start := time.Now()
	if err := beamx.Run(ctx, p); err != nil {
		log.Fatalf("beam: pipeline failed: %v", err)
	}
	log.Printf("beam: %d inputs, %s, wrote %s", len(files), time.Since(start).Round(time.Millisecond), *output)
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

// The pipeline:
//
//	file names ─ParDo(analyzeFn)→ KV<symbol, one-article coverage>
//	           ─CombinePerKey(coverageFn)→ KV<symbol, coverage of the symbol's articles>
//	           ─DropKey, Combine(coverageFn)→ coverage of the corpus
//	           ─ParDo(writeCSVFn)→ the CSV file
//
// The coverage table has corpus-wide figures (share of voice, co-mention
// PageRank, near-duplicate stories, the as-of day), so the last combine is
// global. The per-symbol combine before it spreads the adding and merging
// over workers by key; metrics.Coverage counts an article once however many
// symbol shards carry it, so the result equals a single-process run.

// noSymbol keys the articles that link no security and the failed inputs:
// they still count in the table (articles, stories, dates, errors).
const noSymbol = ""

func init() {
	beam.RegisterCoder(reflect.TypeFor[partial](), encodePartial, decodePartial)
	register.DoFn3x1[context.Context, string, func(string, []byte), error](&analyzeFn{})
	register.Emitter2[string, []byte]()
	register.Combiner3[partial, []byte, []byte](&coverageFn{})
	register.DoFn2x1[context.Context, []byte, error](&writeCSVFn{})
}

// partial is the combiner's accumulator: a metrics.Coverage, which Beam
// moves between workers as its stable MarshalBinary encoding.
type partial struct {
	c *metrics.Coverage
}

func encodePartial(p partial) ([]byte, error) {
	if p.c == nil {
		return metrics.New(nil).MarshalBinary()
	}
	return p.c.MarshalBinary()
}

func decodePartial(b []byte) (partial, error) {
	c := metrics.New(nil)
	if err := c.UnmarshalBinary(b); err != nil {
		return partial{}, err
	}
	return partial{c}, nil
}

// mergeCalls counts MergeAccumulators calls in this process, for tests.
var mergeCalls atomic.Int64

// coverageFn combines encoded coverages: its inputs and its output are
// metrics.Coverage encodings, so the same CombineFn serves the per-symbol
// and the global combine.
type coverageFn struct{}

func (coverageFn) CreateAccumulator() partial { return partial{metrics.New(nil)} }

func (coverageFn) AddInput(acc partial, in []byte) (partial, error) {
	if acc.c == nil {
		acc.c = metrics.New(nil)
	}
	p, err := decodePartial(in)
	if err != nil {
		return acc, err
	}
	return acc, acc.c.Merge(p.c)
}

func (coverageFn) MergeAccumulators(a, b partial) (partial, error) {
	mergeCalls.Add(1)
	switch {
	case a.c == nil:
		return b, nil
	case b.c == nil:
		return a, nil
	}
	return a, a.c.Merge(b.c)
}

func (coverageFn) ExtractOutput(acc partial) ([]byte, error) { return encodePartial(acc) }

// analyzeFn reads and analyses one input file (a JSON Lines feed gives one
// analysis per record) and emits each analysis as a one-article coverage,
// once per linked security. Entities are off: coverage needs only tickers
// and claims, and the segmenter would cost seconds and 100 MB per worker.
type analyzeFn struct {
	// Masters are security master CSV files (local or gs://) added to the
	// built-in master, read by each worker in Setup.
	Masters []string

	an *stocknews.Analyzer
}

func (f *analyzeFn) Setup(ctx context.Context) error {
	var master *ticker.Master
	if len(f.Masters) > 0 {
		var ms []*ticker.Master
		for _, path := range f.Masters {
			data, err := readFile(ctx, path)
			if err != nil {
				return fmt.Errorf("master %s: %w", path, err)
			}
			m, err := ticker.LoadCSV(bytes.NewReader(data), &ticker.CSVOptions{Name: path})
			if err != nil {
				return fmt.Errorf("master: %w", err)
			}
			ms = append(ms, m)
		}
		master = ticker.DefaultMaster().Merge(ms...)
	}
	an, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Master: master, NoEntities: true})
	f.an = an
	return err
}

func (f *analyzeFn) ProcessElement(ctx context.Context, name string, emit func(string, []byte)) error {
	data, err := readFile(ctx, name)
	if err != nil {
		return emitAnalysis(stocknews.Analysis{File: name, Err: err}, emit)
	}
	if !isFeed(name) {
		return emitAnalysis(f.an.AnalyzeBytes(name, data), emit)
	}
	for in := range batch.Feed(name, bytes.NewReader(data)) {
		if in.Err != nil {
			if err := emitAnalysis(stocknews.Analysis{File: in.Name, Err: in.Err}, emit); err != nil {
				return err
			}
			continue
		}
		var an stocknews.Analysis
		a, err := stocknews.Parse(in.Name, in.Data, &stocknews.ParseOptions{Format: stocknews.JSON})
		if err != nil {
			an = stocknews.Analysis{File: in.Name, Err: err}
		} else {
			an = f.an.Analyze(a)
			an.File = in.Name
		}
		if err := emitAnalysis(an, emit); err != nil {
			return err
		}
	}
	return nil
}

func isFeed(name string) bool { return batch.IsFeed(name) }

// emitAnalysis emits a as a one-article coverage keyed by each security it
// links, or by noSymbol.
func emitAnalysis(a stocknews.Analysis, emit func(string, []byte)) error {
	c := metrics.New(nil)
	c.Add(&a)
	enc, err := c.MarshalBinary()
	if err != nil {
		return err
	}
	var keys []string
	if a.Err == nil {
		for _, l := range a.Tickers {
			if s := l.Symbol.String(); s != "" && !slices.Contains(keys, s) {
				keys = append(keys, s)
			}
		}
	}
	if len(keys) == 0 {
		keys = append(keys, noSymbol)
	}
	for _, k := range keys {
		emit(k, enc)
	}
	return nil
}

// readFile reads a whole file through Beam's filesystems (local, gs://).
func readFile(ctx context.Context, name string) ([]byte, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(io.LimitReader(r, stocknews.DefaultMaxSize+1))
}

// writeCSVFn turns the corpus coverage into the table and writes it as CSV.
// Its exported fields travel to the workers.
// The options mirror those of examples/coverage, so that both programs
// give the same CSV for the same flags.
type writeCSVFn struct {
	Output       string
	MinRelevance float64 // -min-relevance
	Close        bool    // -close: articles after the 15:00 close count to the next day
	AsOf         string  // YYYY-MM-DD, "" for the last day with an article
	Top          int     // rows kept, 0 for all
}

// beijing is Beijing time, the calendar of the daily series.
var beijing = time.FixedZone("CST", 8*3600)

func (f *writeCSVFn) options() (*metrics.Options, error) {
	o := &metrics.Options{Location: beijing, MinRelevance: f.MinRelevance}
	if f.Close {
		o.Cutoff = metrics.MarketClose
	}
	if f.AsOf != "" {
		t, err := time.ParseInLocation(time.DateOnly, f.AsOf, beijing)
		if err != nil {
			return nil, fmt.Errorf("as-of day: %w", err)
		}
		o.AsOf = t
	}
	return o, nil
}

func (f *writeCSVFn) ProcessElement(ctx context.Context, enc []byte) error {
	p, err := decodePartial(enc)
	if err != nil {
		return err
	}
	o, err := f.options()
	if err != nil {
		return err
	}
	p.c.SetOptions(o)
	t := p.c.Table()
	if f.Top > 0 {
		t = t.Top(f.Top)
	}
	var buf bytes.Buffer
	if err := t.WriteCSV(&buf); err != nil {
		return err
	}
	fs, err := filesystem.New(ctx, f.Output)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, f.Output)
	if err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// buildPipeline adds the coverage pipeline over the named input files to s.
// files must not be empty: Create needs a value to type the collection.
func buildPipeline(s beam.Scope, files, masters []string, out *writeCSVFn) {
	col := beam.CreateList(s, files)
	covered := coverage(s, col, masters)
	beam.ParDo0(s, out, covered)
}

// coverage is the analysis and the two combines: file names in, one
// encoded corpus coverage out.
func coverage(s beam.Scope, files beam.PCollection, masters []string) beam.PCollection {
	s = s.Scope("coverage")
	keyed := beam.ParDo(s, &analyzeFn{Masters: masters}, files)
	perSymbol := beam.CombinePerKey(s, &coverageFn{}, keyed)
	return beam.Combine(s, &coverageFn{}, beam.DropKey(s, perSymbol))
}

// expandInputs lists the input files: local arguments as the command-line
// tools expand them (folders, globs, feeds), and patterns with a scheme
// (gs://…) through Beam's filesystems.
func expandInputs(ctx context.Context, args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		if !strings.Contains(arg, "://") {
			out = append(out, batch.ExpandInputs([]string{arg})...)
			continue
		}
		fs, err := filesystem.New(ctx, arg)
		if err != nil {
			return nil, err
		}
		m, err := fs.List(ctx, arg)
		fs.Close()
		if err != nil {
			return nil, err
		}
		if len(m) == 0 {
			out = append(out, arg) // gets its error record
		}
		slices.Sort(m)
		out = append(out, m...)
	}
	return out, nil
}

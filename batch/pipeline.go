package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/stocknews/stocknews"
)

// Input is one unit of work for a [Pipeline]: a file to read, or bytes
// already read (a JSON Lines record, an in-memory article).
type Input struct {
	// Name is the input's name: the path as given, or NAME:LINE for a
	// record of a JSON Lines feed. It becomes Analysis.File.
	Name string
	// Path is the file to read when Data is nil, as [stocknews.ReadFile]
	// reads it: gzip-compressed files are decompressed whatever their
	// name, and a name ending in ".gz" is parsed as the name without it.
	Path string
	// Data is the input's bytes. When nil, Path is read.
	Data []byte
	// Format forces the parse format; Auto detects it from Name and the
	// bytes. Records of a JSON Lines feed have JSON.
	Format stocknews.Format
	// Err, when set, is the reason the input could not even be read (a
	// feed that failed midway): the pipeline turns it into the input's
	// error record without parsing anything.
	Err error
}

// PipelineOptions configures a [Pipeline]. A nil *PipelineOptions gives the
// defaults.
type PipelineOptions struct {
	// Workers is the number of inputs analysed at once; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Window bounds the inputs in flight (read, being analysed, or done and
	// waiting for an earlier input to finish), and with it the memory of a
	// run; 0 means 32 × Workers. It is raised to Workers if smaller. A
	// small window keeps workers waiting behind one long input, which costs
	// both throughput and CPU (idle workers park and wake); 32 inputs per
	// worker hide the spread of article sizes, and hold a few megabytes for
	// news articles (at most Window × ParseOptions.MaxSize in theory).
	Window int
	// Parse configures the parse of each input; its Format applies only to
	// inputs whose own Format is Auto.
	Parse *stocknews.ParseOptions
	// Read, when set, is called with the size in bytes of each input once
	// it is read (before parsing), from the worker goroutines: it must be
	// safe for concurrent use. Progress meters use it.
	Read func(n int)
}

// AnalyzeFunc analyses one parsed article; name is the input's name. The
// pipeline sets File and, on a parse failure, Err of the result itself.
// [stocknews.Analyzer.Article] has this shape.
type AnalyzeFunc func(name string, a *stocknews.Article) stocknews.Analysis

// Pipeline analyses many inputs concurrently and delivers the analyses in
// input order, one per input: an input that cannot be read, parsed or
// analysed gets an stocknews.Analysis with Err set (an [*stocknews.InputError]) and the run goes
// on. Memory is bounded by PipelineOptions.Window inputs in flight,
// whatever the number of inputs.
//
// A Pipeline is safe for concurrent use; each run starts its own workers
// and stops them before returning.
type Pipeline struct {
	analyze   AnalyzeFunc
	workers   int
	window    int
	parse     *stocknews.ParseOptions
	parseOpts stocknews.ParseOptions // the options each input is parsed with
	read      func(int)
}

// NewPipeline returns a Pipeline that analyses each parsed article with
// analyze. A nil analyze only parses (Analysis.Article is set, nothing
// else).
func NewPipeline(analyze AnalyzeFunc, opts *PipelineOptions) *Pipeline {
	p := &Pipeline{analyze: analyze}
	if opts != nil {
		p.workers, p.window, p.parse, p.read = opts.Workers, opts.Window, opts.Parse, opts.Read
	}
	if p.parse != nil {
		p.parseOpts = *p.parse
	}
	if p.workers <= 0 {
		p.workers = runtime.GOMAXPROCS(0)
	}
	if p.window <= 0 {
		p.window = 32 * p.workers
	}
	p.window = max(p.window, p.workers)
	return p
}

// Run analyses inputs and calls fn with each analysis, in input order, from
// the goroutine that called Run. It returns when the inputs are exhausted,
// when fn returns an error (which Run returns), or when ctx is done (Run
// returns ctx.Err(); inputs not yet delivered get no record). The workers
// have stopped when Run returns.
//
// A panic while reading or parsing an input becomes that input's error
// record ([stocknews.ErrPanic]); the library's own analysis ([stocknews.Analyzer.Article])
// reports its failures in the record as well. A panic in code the caller
// supplies (fn, the AnalyzeFunc, the inputs sequence) is a bug of the
// caller: Run stops its goroutines and raises it again, with the same
// value, in the goroutine that called Run.
func (p *Pipeline) Run(ctx context.Context, inputs iter.Seq[Input], fn func(stocknews.Analysis) error) error {
	parent := ctx
	ctx, cancel := context.WithCancel(parent)

	type job struct {
		in  Input
		out chan result // buffered, 1
	}
	jobs := make(chan job)
	// order holds the jobs in input order; its capacity bounds the window
	// together with the jobs being handed to workers.
	order := make(chan job, p.window-1)

	var wg sync.WaitGroup
	for range p.workers {
		wg.Go(func() {
			for j := range jobs {
				j.out <- p.one(j.in)
			}
		})
	}
	// producer: list inputs, hand each to a worker and queue it in order
	var seqPanic any // a panic of the caller's input sequence
	seqPanicked := false
	cut := false // the producer stopped before the end of the inputs
	produced := make(chan struct{})
	go func() {
		defer close(produced)
		defer close(order)
		defer close(jobs)
		defer func() {
			if r := recover(); r != nil {
				seqPanic, seqPanicked = r, true
			}
		}()
		for in := range inputs {
			j := job{in: in, out: make(chan result, 1)}
			select {
			case order <- j:
			case <-ctx.Done():
				cut = true
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				cut = true
				return
			}
		}
	}()
	// stop cancels the run and waits for the producer and the workers; it
	// also runs when fn panics, so that no goroutine outlives Run.
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cancel()
			<-produced // the producer stops at once on the cancelled context
			wg.Wait()  // workers finish their current input; results are buffered
		}
	}
	defer stop()

	var err error
	interrupted := false
	var analyzePanic any
	analyzePanicked := false
	for j := range order {
		var r result
		select {
		case r = <-j.out:
		case <-ctx.Done():
		}
		if ctx.Err() != nil { // no record after cancellation, even a ready one
			interrupted = true
			break
		}
		if r.panicked {
			analyzePanic, analyzePanicked = r.panic, true
			break
		}
		if err = fn(r.a); err != nil {
			break
		}
	}
	stop()
	switch {
	case analyzePanicked:
		panic(analyzePanic)
	case seqPanicked:
		panic(seqPanic)
	case err != nil:
		return err
	case interrupted || cut:
		return context.Cause(parent)
	}
	return nil
}

// result is what a worker hands back: the analysis, or the value of a
// panic in the caller's AnalyzeFunc, to be raised again in Run.
type result struct {
	a        stocknews.Analysis
	panicked bool
	panic    any
}

// All is the iterator form of [Pipeline.Run]: it yields each analysis in
// input order. Stopping the loop early, or ctx being done, stops the run
// and its workers; after ctx is done the sequence simply ends (check
// ctx.Err() to tell). The sequence runs the inputs again each time it is
// iterated.
func (p *Pipeline) All(ctx context.Context, inputs iter.Seq[Input]) iter.Seq[stocknews.Analysis] {
	return func(yield func(stocknews.Analysis) bool) {
		stop := errors.New("stop")
		_ = p.Run(ctx, inputs, func(a stocknews.Analysis) error {
			if !yield(a) {
				return stop
			}
			return nil
		})
	}
}

// Each is [Pipeline.Run] over [Inputs](args...), for callers that cannot
// use iterators or generic types (a notebook kernel, say).
func (p *Pipeline) Each(ctx context.Context, args []string, fn func(stocknews.Analysis) error) error {
	return p.Run(ctx, Inputs(args...), fn)
}

// Collect runs the pipeline over [Inputs](args...) and returns every
// analysis in input order. It holds them all in memory; use Run or All for
// large corpora.
func (p *Pipeline) Collect(ctx context.Context, args ...string) ([]stocknews.Analysis, error) {
	var out []stocknews.Analysis
	err := p.Run(ctx, Inputs(args...), func(a stocknews.Analysis) error {
		out = append(out, a)
		return nil
	})
	return out, err
}

// CollectInputs is Collect over a list of inputs.
func (p *Pipeline) CollectInputs(ctx context.Context, inputs []Input) ([]stocknews.Analysis, error) {
	var out []stocknews.Analysis
	err := p.Run(ctx, slices.Values(inputs), func(a stocknews.Analysis) error {
		out = append(out, a)
		return nil
	})
	return out, err
}

// one reads, parses and analyses one input. A panic while reading or
// parsing becomes the input's error record; a panic in the AnalyzeFunc is
// handed back to be raised again in Run.
func (p *Pipeline) one(in Input) (res result) {
	name := in.Name
	if name == "" {
		name = in.Path
	}
	art, rec := p.parse1(in, name)
	if art == nil || p.analyze == nil {
		return result{a: rec}
	}
	defer func() {
		if r := recover(); r != nil {
			res = result{panicked: true, panic: r}
		}
	}()
	res.a = p.analyze(name, art)
	res.a.File = name
	return res
}

// parse1 reads and parses one input. It returns the article, or nil and
// the input's final record (an error record, or the parse-only analysis
// when the pipeline has no AnalyzeFunc).
func (p *Pipeline) parse1(in Input, name string) (art *stocknews.Article, rec stocknews.Analysis) {
	defer func() {
		if r := recover(); r != nil {
			art, rec = nil, stocknews.Analysis{File: name, Err: &stocknews.InputError{Name: name,
				Err: fmt.Errorf("%w: %v\n%s", stocknews.ErrPanic, r, firstFrames(debug.Stack()))}}
		}
	}()
	if in.Err != nil {
		return nil, stocknews.Analysis{File: name, Err: asInputError(name, in.Err)}
	}
	data := in.Data
	if data == nil {
		var err error
		data, err = stocknews.ReadFile(in.Path, p.parse)
		if err != nil {
			return nil, stocknews.Analysis{File: name, Err: asInputError(name, renamed(err, in.Path, name))}
		}
	}
	if p.read != nil {
		p.read(len(data))
	}
	opts := p.parseOpts
	if in.Format != stocknews.Auto {
		opts.Format = in.Format
	}
	a, err := stocknews.Parse(name, data, &opts)
	if err != nil {
		rec = stocknews.Analysis{File: name, Err: asInputError(name, err)}
		if a != nil {
			rec.Article = *a
		}
		return nil, rec
	}
	if p.analyze == nil {
		return nil, stocknews.Analysis{File: name, Article: *a}
	}
	return a, stocknews.Analysis{}
}

// renamed makes a *ParseError about path name the input's key instead.
func renamed(err error, path, name string) error {
	var pe *stocknews.ParseError
	if path != name && errors.As(err, &pe) && pe.Name == path {
		c := *pe
		c.Name = name
		return &c
	}
	return err
}

func asInputError(name string, err error) error {
	var ie *stocknews.InputError
	if errors.As(err, &ie) {
		return err
	}
	return &stocknews.InputError{Name: name, Err: err}
}

// firstFrames keeps the head of a stack trace: enough to find the bug,
// short enough for a one-line error field once folded.
func firstFrames(stack []byte) string {
	lines := bytes.SplitN(stack, []byte("\n"), 16)
	if len(lines) > 15 {
		lines = lines[:15]
	}
	return string(bytes.Join(lines, []byte("\n")))
}

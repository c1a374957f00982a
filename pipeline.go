package stocknews

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
)

// ErrPanic is the reason of an input whose reading or parsing panicked. The
// panic is contained: the input gets an error record, wrapped in an
// [*InputError], and the run goes on.
var ErrPanic = errors.New("stocknews: panic while reading or parsing")

// InputError is the error of an input that could not be read or analysed.
// It names the input and wraps the reason: an fs error (fs.ErrNotExist,
// fs.ErrPermission), a read or decompression error, [ErrPanic], or a
// [*ParseError].
type InputError struct {
	Name string // the input's name: a path, or a record key NAME:LINE
	Err  error
}

// Error returns "stocknews: NAME: reason".
func (e *InputError) Error() string {
	var pe *ParseError
	if errors.As(e.Err, &pe) && pe.Name == e.Name {
		return e.Err.Error() // the parse error already names the input
	}
	msg := "error"
	if e.Err != nil {
		msg = strings.TrimPrefix(e.Err.Error(), "stocknews: ")
		var pathErr *fs.PathError
		if errors.As(e.Err, &pathErr) && pathErr.Path == e.Name {
			msg = pathErr.Op + ": " + pathErr.Err.Error() // do not repeat the path
		}
	}
	return "stocknews: " + e.Name + ": " + msg
}

// Unwrap returns the reason.
func (e *InputError) Unwrap() error { return e.Err }

// Input is one unit of work for a [Pipeline]: a file to read, or bytes
// already read (a JSON Lines record, an in-memory article).
type Input struct {
	// Name is the input's name: the path as given, or NAME:LINE for a
	// record of a JSON Lines feed. It becomes Analysis.File.
	Name string
	// Path is the file to read when Data is nil. A path ending in ".gz"
	// is decompressed and parsed under its name without the suffix.
	Path string
	// Data is the input's bytes. When nil, Path is read.
	Data []byte
	// Format forces the parse format; Auto detects it from Name and the
	// bytes. Records of a JSON Lines feed have JSON.
	Format Format
	// Err, when set, is the reason the input could not even be read (a
	// feed that failed midway): the pipeline turns it into the input's
	// error record without parsing anything.
	Err error
}

// isFeed is [IsFeed], also for gzip-compressed feeds (.jsonl.gz).
func isFeed(name string) bool {
	return IsFeed(name) || IsFeed(strings.TrimSuffix(name, ".gz"))
}

// Inputs lists the inputs named by args, in order, as the command-line
// tools read them. The arguments are expanded by [ExpandInputs] (folders,
// globs); then
//
//   - "-" is standard input, read as a JSON Lines feed;
//   - a .jsonl or .ndjson file (also .jsonl.gz, .ndjson.gz) is a feed;
//   - any other name is one input, read when it is analysed, so a missing
//     file gets its error record then.
//
// Each non-blank line of a feed is one input named NAME:LINE. Feeds may be
// gzip-compressed whatever their name (the magic bytes decide) and are
// read lazily, line by line, as the sequence is consumed, so a feed of any
// size runs in bounded memory. A feed that fails midway (a read error, a
// corrupt gzip stream) yields one more input, named after the line that
// could not be read, carrying the error. The sequence may be iterated more
// than once unless standard input is among args.
func Inputs(args ...string) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, name := range ExpandInputs(args) {
			if !listInput(name, yield) {
				return
			}
		}
	}
}

// InputList is [Inputs] as a slice, for callers that cannot use iterators.
// Feeds are read in full, so prefer Inputs for large feeds.
func InputList(args ...string) []Input {
	return slices.Collect(Inputs(args...))
}

func listInput(name string, yield func(Input) bool) bool {
	switch {
	case name == "-":
		return feed("-", os.Stdin, yield)
	case !isFeed(name):
		return yield(Input{Name: name, Path: name})
	}
	f, err := os.Open(name)
	if err != nil {
		return yield(Input{Name: name, Err: &InputError{Name: name, Err: err}})
	}
	defer f.Close()
	return feed(name, f, yield)
}

// ReaderInputs lists the records of a JSON Lines feed read from r (plain
// or gzip-compressed: the magic bytes decide), named NAME:LINE. A read
// error midway yields one last input carrying the error. The sequence
// reads r as it is consumed and can be iterated once.
func ReaderInputs(name string, r io.Reader) iter.Seq[Input] {
	return func(yield func(Input) bool) { feed(name, r, yield) }
}

// ReaderInputList is [ReaderInputs] as a slice.
func ReaderInputList(name string, r io.Reader) []Input {
	return slices.Collect(ReaderInputs(name, r))
}

// maxLine is the longest feed line read, as for one article (DefaultMaxSize).
const maxLine = DefaultMaxSize

// feed yields the records of a JSON Lines stream.
func feed(name string, r io.Reader, yield func(Input) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(Input{Name: name + ":1", Err: &InputError{Name: name + ":1", Err: err}})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	line := 0
	for {
		data, err := readFeedLine(br)
		if len(data) > 0 || err == nil || errors.Is(err, ErrTooLarge) {
			line++
		}
		key := func() string { return fmt.Sprintf("%s:%d", name, line) }
		if errors.Is(err, ErrTooLarge) {
			// the line was skipped; the feed goes on after it
			if !yield(Input{Name: key(), Err: &InputError{Name: key(), Err: err}}) {
				return false
			}
			if data == nil { // the overlong line ended the input
				return true
			}
			continue
		}
		if len(bytes.TrimSpace(data)) > 0 && (err == nil || err == io.EOF) {
			if !yield(Input{Name: key(), Data: data, Format: JSON}) {
				return false
			}
		}
		switch {
		case err == io.EOF:
			return true
		case err != nil:
			if len(data) == 0 {
				line++
			}
			return yield(Input{Name: key(), Err: &InputError{Name: key(), Err: err}})
		}
	}
}

// readFeedLine reads one line without its newline. A line longer than
// maxLine is skipped up to its end and reported as an error wrapping
// ErrTooLarge, with a non-nil empty data when more input follows.
func readFeedLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > maxLine {
			tooLong := fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, maxLine)
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err != nil {
				return nil, tooLong // the line ran to the end of the input
			}
			return []byte{}, tooLong
		}
		buf = append(buf, chunk...)
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return buf[:len(buf)-1], nil
		default:
			return buf, err
		}
	}
}

// PipelineOptions configures a [Pipeline]. A nil *PipelineOptions gives the
// defaults.
type PipelineOptions struct {
	// Workers is the number of inputs analysed at once; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Window bounds the inputs in flight (read, being analysed, or done and
	// waiting for an earlier input to finish), and with it the memory of a
	// run; 0 means 4 × Workers. It is raised to Workers if smaller.
	Window int
	// Parse configures the parse of each input; its Format applies only to
	// inputs whose own Format is Auto.
	Parse *ParseOptions
}

// AnalyzeFunc analyses one parsed article; name is the input's name. The
// pipeline sets File and, on a parse failure, Err of the result itself.
// [Analyzer.Article] has this shape.
type AnalyzeFunc func(name string, a *Article) Analysis

// Pipeline analyses many inputs concurrently and delivers the analyses in
// input order, one per input: an input that cannot be read, parsed or
// analysed gets an Analysis with Err set (an [*InputError]) and the run goes
// on. Memory is bounded by PipelineOptions.Window inputs in flight,
// whatever the number of inputs.
//
// A Pipeline is safe for concurrent use; each run starts its own workers
// and stops them before returning.
type Pipeline struct {
	analyze AnalyzeFunc
	workers int
	window  int
	parse   *ParseOptions
}

// NewPipeline returns a Pipeline that analyses each parsed article with
// analyze. A nil analyze only parses (Analysis.Article is set, nothing
// else).
func NewPipeline(analyze AnalyzeFunc, opts *PipelineOptions) *Pipeline {
	p := &Pipeline{analyze: analyze}
	if opts != nil {
		p.workers, p.window, p.parse = opts.Workers, opts.Window, opts.Parse
	}
	if p.workers <= 0 {
		p.workers = runtime.GOMAXPROCS(0)
	}
	if p.window <= 0 {
		p.window = 4 * p.workers
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
// record ([ErrPanic]); the library's own analysis ([Analyzer.Article])
// reports its failures in the record as well. A panic in code the caller
// supplies (fn, the AnalyzeFunc, the inputs sequence) is a bug of the
// caller: Run stops its goroutines and raises it again, with the same
// value, in the goroutine that called Run.
func (p *Pipeline) Run(ctx context.Context, inputs iter.Seq[Input], fn func(Analysis) error) error {
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
	a        Analysis
	panicked bool
	panic    any
}

// All is the iterator form of [Pipeline.Run]: it yields each analysis in
// input order. Stopping the loop early, or ctx being done, stops the run
// and its workers; after ctx is done the sequence simply ends (check
// ctx.Err() to tell). The sequence runs the inputs again each time it is
// iterated.
func (p *Pipeline) All(ctx context.Context, inputs iter.Seq[Input]) iter.Seq[Analysis] {
	return func(yield func(Analysis) bool) {
		stop := errors.New("stop")
		_ = p.Run(ctx, inputs, func(a Analysis) error {
			if !yield(a) {
				return stop
			}
			return nil
		})
	}
}

// Each is [Pipeline.Run] over [Inputs](args...), for callers that cannot
// use iterators or generic types (a notebook kernel, say).
func (p *Pipeline) Each(ctx context.Context, args []string, fn func(Analysis) error) error {
	return p.Run(ctx, Inputs(args...), fn)
}

// Collect runs the pipeline over [Inputs](args...) and returns every
// analysis in input order. It holds them all in memory; use Run or All for
// large corpora.
func (p *Pipeline) Collect(ctx context.Context, args ...string) ([]Analysis, error) {
	var out []Analysis
	err := p.Run(ctx, Inputs(args...), func(a Analysis) error {
		out = append(out, a)
		return nil
	})
	return out, err
}

// CollectInputs is Collect over a list of inputs.
func (p *Pipeline) CollectInputs(ctx context.Context, inputs []Input) ([]Analysis, error) {
	var out []Analysis
	err := p.Run(ctx, slices.Values(inputs), func(a Analysis) error {
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
func (p *Pipeline) parse1(in Input, name string) (art *Article, rec Analysis) {
	defer func() {
		if r := recover(); r != nil {
			art, rec = nil, Analysis{File: name, Err: &InputError{Name: name,
				Err: fmt.Errorf("%w: %v\n%s", ErrPanic, r, firstFrames(debug.Stack()))}}
		}
	}()
	if in.Err != nil {
		return nil, Analysis{File: name, Err: asInputError(name, in.Err)}
	}
	data, parseName := in.Data, name
	if data == nil {
		var err error
		data, err = readInput(in.Path, p.parse.maxSize())
		if err != nil {
			return nil, Analysis{File: name, Err: asInputError(name, err)}
		}
		parseName = strings.TrimSuffix(name, ".gz")
	}
	opts := ParseOptions{}
	if p.parse != nil {
		opts = *p.parse
	}
	if in.Format != Auto {
		opts.Format = in.Format
	}
	a, err := Parse(parseName, data, &opts)
	if err != nil {
		rec = Analysis{File: name, Err: asInputError(name, err)}
		if a != nil {
			rec.Article = *a
		}
		return nil, rec
	}
	if p.analyze == nil {
		return nil, Analysis{File: name, Article: *a}
	}
	return a, Analysis{}
}

func asInputError(name string, err error) error {
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	return &InputError{Name: name, Err: err}
}

// readInput reads a file, decompressing it when its name ends in ".gz",
// failing with ErrTooLarge past max bytes (max <= 0: no limit).
func readInput(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if max > 0 && int64(len(data)) > max {
		return nil, &ParseError{Name: path, Offset: int(max), Err: reason(ErrTooLarge, "more than %d bytes", max)}
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
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

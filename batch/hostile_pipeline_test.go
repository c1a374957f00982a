package batch_test

// The batch path loses nothing: every input the pipeline is given comes out
// as exactly one record, in input order, whatever fails on the way (a
// missing or unreadable file, a feed whose reader fails midway, a corrupt
// gzip stream, a hostile article, a panic inside the library), and the
// records are the same bytes whatever GOMAXPROCS is and however often the
// run is repeated. A panic in a caller's code is the caller's: it reaches
// the caller, it is not turned into a record.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/internal/gencorpus"
)

// hErrDiskOnFire is the failure of the reader that breaks midway.
var hErrDiskOnFire = errors.New("disk on fire")

// hFailingReader returns the bytes of data, then fails with err instead of
// io.EOF.
type hFailingReader struct {
	data []byte
	err  error
}

func (r *hFailingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// hWantRecord is what the record of one input must say.
type hWantRecord struct {
	name string
	err  error // nil: the input succeeds; otherwise a reason it wraps
	// anyErr accepts any error (the exact reason depends on the platform).
	anyErr bool
}

// hBatchFixture builds a folder of inputs, good and bad, and returns them
// with the record each must get.
func hBatchFixture(t *testing.T) ([]batch.Input, []hWantRecord) {
	t.Helper()
	dir := t.TempDir()
	var ins []batch.Input
	var want []hWantRecord
	add := func(in batch.Input, w hWantRecord) {
		if in.Name == "" {
			in.Name = in.Path
		}
		w.name = in.Name
		ins = append(ins, in)
		want = append(want, w)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}

	// Synthetic articles of every format, as files and as in-memory data.
	i := 0
	gencorpus.Generate(7, 40, func(name string, data []byte) {
		if i%2 == 0 {
			add(batch.Input{Path: write(fmt.Sprintf("%02d-%s", i, filepath.Base(name)), data)}, hWantRecord{})
		} else {
			add(batch.Input{Name: fmt.Sprintf("mem/%02d-%s", i, filepath.Base(name)), Data: slices.Clone(data)}, hWantRecord{})
		}
		i++
	})

	// Files that cannot be read.
	add(batch.Input{Path: filepath.Join(dir, "missing.md")}, hWantRecord{err: fs.ErrNotExist})
	sub := filepath.Join(dir, "folder.md")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	add(batch.Input{Path: sub}, hWantRecord{anyErr: true}) // a folder is not a file
	dangling := filepath.Join(dir, "dangling.md")
	if err := os.Symlink(filepath.Join(dir, "nowhere.md"), dangling); err == nil {
		add(batch.Input{Path: dangling}, hWantRecord{err: fs.ErrNotExist})
	}
	locked := write("locked.md", []byte(hFrontMatter("锁住的文件")+"正文。\n"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(locked); err == nil {
		f.Close() // running as root: permissions do not apply
		add(batch.Input{Path: locked}, hWantRecord{})
	} else {
		add(batch.Input{Path: locked}, hWantRecord{err: fs.ErrPermission})
	}
	add(batch.Input{Path: write("corrupt.md.gz", []byte("\x1f\x8b\x08\x00 not a gzip stream"))}, hWantRecord{anyErr: true})

	// The hostile files of the root package's tests: each gets its record,
	// failing exactly when Parse fails on it, with the same reason.
	bad, err := os.ReadDir(filepath.Join("..", "testdata", "bad"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range bad {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join("..", "testdata", "bad", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p := write("bad-"+e.Name(), data)
		w := hWantRecord{}
		if _, err := stocknews.Parse(p, data, nil); err != nil {
			w.err = hReason(err)
		}
		add(batch.Input{Path: p}, w)
	}

	// A JSON Lines feed whose reader fails after three records: three
	// records, then one error record for the line that could not be read.
	var feed bytes.Buffer
	for k := range 3 {
		fmt.Fprintf(&feed, `{"title": "第%d条快讯", "content": "示例公司营收增长%d%%。"}`+"\n", k+1, 10+k)
	}
	for in := range batch.Feed("feed.jsonl", &hFailingReader{data: feed.Bytes(), err: hErrDiskOnFire}) {
		w := hWantRecord{}
		if in.Err != nil {
			w.err = hErrDiskOnFire
		}
		add(in, w)
	}
	// A feed cut inside a record: the last line is truncated JSON.
	cut := feed.Bytes()[:feed.Len()-10]
	for in := range batch.Feed("cut.jsonl", bytes.NewReader(cut)) {
		w := hWantRecord{}
		if strings.HasSuffix(in.Name, ":3") {
			w.err = stocknews.ErrFormat
		}
		add(in, w)
	}
	// A gzip-compressed feed on disk, cut short: the records before the
	// cut, then one error record.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	for k := range 200 {
		fmt.Fprintf(zw, `{"title": "压缩快讯%d", "content": "示例公司营收增长%d%%。"}`+"\n", k, k)
	}
	zw.Close()
	cutGz := write("cut.jsonl.gz", gz.Bytes()[:gz.Len()*2/3])
	errs := 0
	for in := range batch.Inputs(cutGz) {
		w := hWantRecord{}
		if in.Err != nil {
			w.err = io.ErrUnexpectedEOF
			errs++
		}
		add(in, w)
	}
	if errs != 1 {
		t.Errorf("the cut gzip feed gave %d error inputs, want 1", errs)
	}
	add(batch.Input{Path: write("empty.md", nil)}, hWantRecord{err: stocknews.ErrEmpty})
	return ins, want
}

// hReason is the sentinel a parse error wraps.
func hReason(err error) error {
	for _, s := range []error{stocknews.ErrTooLarge, stocknews.ErrFrontMatter, stocknews.ErrFormat,
		stocknews.ErrEncoding, stocknews.ErrEmpty, stocknews.ErrNotArticle} {
		if errors.Is(err, s) {
			return s
		}
	}
	return err
}

// hCheckRecords checks one record per input, in order, each failing exactly
// when it should.
func hCheckRecords(t *testing.T, out []stocknews.Analysis, want []hWantRecord) {
	t.Helper()
	if len(out) != len(want) {
		t.Errorf("%d records for %d inputs", len(out), len(want))
	}
	for i := range min(len(out), len(want)) {
		an, w := out[i], want[i]
		if an.File != w.name {
			t.Errorf("record %d is for %q, want %q (order lost)", i, an.File, w.name)
			continue
		}
		switch {
		case w.err == nil && !w.anyErr && an.Err != nil:
			t.Errorf("%s: unexpected error %v", w.name, an.Err)
		case w.err != nil && !errors.Is(an.Err, w.err):
			t.Errorf("%s: error %v, want one wrapping %q", w.name, an.Err, w.err)
		case w.anyErr && an.Err == nil:
			t.Errorf("%s: no error, want one", w.name)
		}
		if an.Err != nil {
			if msg := an.Err.Error(); !strings.Contains(msg, filepath.Base(strings.TrimSuffix(w.name, ".gz"))) &&
				!strings.Contains(msg, w.name) {
				t.Errorf("%s: error %q does not name the input", w.name, msg)
			}
		}
	}
}

// hEncodeAll renders the records as the JSON Lines the tools write.
func hEncodeAll(t *testing.T, out []stocknews.Analysis) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, an := range out {
		if err := enc.Encode(an); err != nil {
			t.Fatalf("encode %s: %v", an.File, err)
		}
	}
	return b.Bytes()
}

func TestPipelineLosesNothing(t *testing.T) {
	ins, want := hBatchFixture(t)
	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	run := func(t *testing.T, procs int) []byte {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		p := batch.NewPipeline(z.Article, nil) // Workers follow GOMAXPROCS
		out, _ := hBounded(t, func() []stocknews.Analysis {
			out, err := p.CollectInputs(context.Background(), ins)
			if err != nil {
				t.Errorf("CollectInputs: %v", err)
			}
			return out
		})
		hCheckRecords(t, out, want)
		return hEncodeAll(t, out)
	}
	var first []byte
	for _, procs := range []int{1, 2, 4, 4, 1} {
		t.Run(fmt.Sprintf("GOMAXPROCS=%d", procs), func(t *testing.T) {
			got := run(t, procs)
			if first == nil {
				first = got
				return
			}
			if !bytes.Equal(got, first) {
				t.Errorf("output differs from the first run:\n%s", hFirstDiff(first, got))
			}
		})
	}
	// Workers beyond GOMAXPROCS and a window of one give the same bytes.
	t.Run("Workers=8,Window=1", func(t *testing.T) {
		p := batch.NewPipeline(z.Article, &batch.PipelineOptions{Workers: 8, Window: 1})
		out, _ := hBounded(t, func() []stocknews.Analysis {
			out, _ := p.CollectInputs(context.Background(), ins)
			return out
		})
		hCheckRecords(t, out, want)
		if got := hEncodeAll(t, out); !bytes.Equal(got, first) {
			t.Errorf("output differs from the GOMAXPROCS runs:\n%s", hFirstDiff(first, got))
		}
	})
}

// hFirstDiff shows the first line where a and b differ.
func hFirstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  %.300s\n  %.300s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines vs %d lines", len(al), len(bl))
}

// TestPipelinePanicInLibrary checks that a panic inside the library's own
// analysis becomes that input's error record (wrapping ErrPanic) and the
// run goes on. The panic is provoked with an Analyzer method called on a
// nil *Analyzer: the library's code dereferences it.
func TestPipelinePanicInLibrary(t *testing.T) {
	var z *stocknews.Analyzer
	analyze := func(name string, a *stocknews.Article) stocknews.Analysis {
		if strings.Contains(name, "boom") {
			return z.Article(name, a) // panics inside the library
		}
		return stocknews.Analysis{Article: *a}
	}
	ins := []batch.Input{
		{Name: "a.md", Data: []byte(hFrontMatter("甲") + "正文。\n")},
		{Name: "boom.md", Data: []byte(hFrontMatter("乙") + "正文。\n")},
		{Name: "c.md", Data: []byte(hFrontMatter("丙") + "正文。\n")},
	}
	p := batch.NewPipeline(analyze, &batch.PipelineOptions{Workers: 2})
	out, _ := hBounded(t, func() []stocknews.Analysis {
		out, err := p.CollectInputs(context.Background(), ins)
		if err != nil {
			t.Errorf("CollectInputs: %v", err)
		}
		return out
	})
	hCheckRecords(t, out, []hWantRecord{{name: "a.md"}, {name: "boom.md", err: stocknews.ErrPanic}, {name: "c.md"}})
	if len(out) == 3 && out[1].Err != nil {
		if rec := out[1].Record(); strings.ContainsAny(rec.Error, "\r\n") {
			t.Errorf("error field is not one line: %q", rec.Error)
		}
	}
}

// hCallerPanic is the value the caller's code panics with.
type hCallerPanic struct{ where string }

// hRunRecover runs f and returns what it panicked with, or nil.
func hRunRecover(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

// hWaitGoroutines waits until at most n goroutines run, for up to a few
// seconds, and returns how many run.
func hWaitGoroutines(n int) int {
	deadline := time.Now().Add(5 * time.Second * hostileRaceSlowdown)
	for {
		g := runtime.NumGoroutine()
		if g <= n || time.Now().After(deadline) {
			return g
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestPipelineCallerPanics checks that a panic in the caller's code (the
// function receiving the records, the AnalyzeFunc, the input sequence)
// reaches the caller of Run with its value, instead of being swallowed into
// a record, and that the pipeline's goroutines stop.
func TestPipelineCallerPanics(t *testing.T) {
	ins := make([]batch.Input, 50)
	for i := range ins {
		ins[i] = batch.Input{Name: fmt.Sprintf("%02d.md", i), Data: []byte(hFrontMatter(fmt.Sprintf("第%d篇", i)) + "正文。\n")}
	}
	okAnalyze := func(name string, a *stocknews.Article) stocknews.Analysis { return stocknews.Analysis{Article: *a} }

	tests := []struct {
		name    string
		analyze batch.AnalyzeFunc
		inputs  iter.Seq[batch.Input]
		fn      func(stocknews.Analysis) error
	}{
		{
			name:    "in the record callback",
			analyze: okAnalyze,
			inputs:  slices.Values(ins),
			fn: func(an stocknews.Analysis) error {
				if an.File == "07.md" {
					panic(hCallerPanic{"fn"})
				}
				return nil
			},
		},
		{
			name: "in the AnalyzeFunc",
			analyze: func(name string, a *stocknews.Article) stocknews.Analysis {
				if name == "07.md" {
					panic(hCallerPanic{"analyze"})
				}
				return stocknews.Analysis{Article: *a}
			},
			inputs: slices.Values(ins),
			fn:     func(stocknews.Analysis) error { return nil },
		},
		{
			name:    "in the input sequence",
			analyze: okAnalyze,
			inputs: func(yield func(batch.Input) bool) {
				for i, in := range ins {
					if i == 7 {
						panic(hCallerPanic{"inputs"})
					}
					if !yield(in) {
						return
					}
				}
			},
			fn: func(stocknews.Analysis) error { return nil },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := runtime.NumGoroutine()
			p := batch.NewPipeline(tt.analyze, &batch.PipelineOptions{Workers: 4})
			var runErr error
			v, _ := hBounded(t, func() any {
				return hRunRecover(func() { runErr = p.Run(context.Background(), tt.inputs, tt.fn) })
			})
			if cp, ok := v.(hCallerPanic); !ok {
				t.Errorf("Run did not panic with the caller's value: recovered %v, Run returned %v", v, runErr)
			} else {
				t.Logf("Run panicked with the caller's value %v", cp)
			}
			if g := hWaitGoroutines(before); g > before {
				t.Errorf("%d goroutines still run after Run, %d before", g, before)
			}
		})
	}
}

// TestPipelineEmptyAndCancelled covers the edges: no inputs give no
// records and no error; a cancelled run returns the context's error.
func TestPipelineEmptyAndCancelled(t *testing.T) {
	p := batch.NewPipeline(nil, nil)
	out, err := p.CollectInputs(context.Background(), nil)
	if err != nil || len(out) != 0 {
		t.Errorf("no inputs: %d records, error %v", len(out), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	endless := func(yield func(batch.Input) bool) {
		for i := 0; ; i++ {
			if !yield(batch.Input{Name: fmt.Sprintf("%d.txt", i), Data: []byte("标题\n正文")}) {
				return
			}
		}
	}
	runErr, _ := hBounded(t, func() error {
		return p.Run(ctx, endless, func(stocknews.Analysis) error { return nil })
	})
	if !errors.Is(runErr, context.Canceled) {
		t.Errorf("cancelled run returned %v, want context.Canceled", runErr)
	}
}

// TestPipelineOversizedInputs checks the size limit on the batch path: a
// gzip bomb is cut at the limit, and a feed line over the limit gets an
// error record while the lines after it are still read.
func TestPipelineOversizedInputs(t *testing.T) {
	dir := t.TempDir()

	// 256 MiB of zeros compress to a quarter of a megabyte; reading them
	// must stop at the 16 MiB limit.
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestSpeed)
	zero := make([]byte, 1<<20)
	for range 256 {
		zw.Write(zero)
	}
	zw.Close()
	bombPath := filepath.Join(dir, "bomb.md.gz")
	if err := os.WriteFile(bombPath, bomb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	// A feed whose second line is longer than the limit.
	var feed bytes.Buffer
	feed.WriteString(`{"title": "第一条", "content": "正文。"}` + "\n")
	feed.WriteString(`{"title": "超长", "content": "` + strings.Repeat("长", stocknews.DefaultMaxSize/3+1) + `"}` + "\n")
	feed.WriteString(`{"title": "第三条", "content": "正文。"}` + "\n")
	feedPath := filepath.Join(dir, "long.jsonl")
	if err := os.WriteFile(feedPath, feed.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	p := batch.NewPipeline(nil, nil)
	out, alloc := hBounded(t, func() []stocknews.Analysis {
		out, err := p.Collect(context.Background(), bombPath, feedPath)
		if err != nil {
			t.Errorf("Collect: %v", err)
		}
		return out
	})
	t.Logf("%d bytes allocated", alloc)
	hCheckRecords(t, out, []hWantRecord{
		{name: bombPath, err: stocknews.ErrTooLarge},
		{name: feedPath + ":1"},
		{name: feedPath + ":2", err: stocknews.ErrTooLarge},
		{name: feedPath + ":3"},
	})
	// The limit is 16 MiB per input: a few copies of it, not the 256 MiB.
	if alloc > 256<<20 {
		t.Errorf("allocated %d bytes", alloc)
	}
}

// hFrontMatter is a Jekyll front matter with title.
func hFrontMatter(title string) string {
	return "---\nlayout: post\ntitle: \"" + title + "\"\ndate: 2022-03-01 09:30:00 +0800\ncategories: example\n---\n"
}

// hostileHangLimit is how long one case may run before it counts as a hang.
const hostileHangLimit = 10 * time.Second

// hBounded runs f under the hang guard and returns its result and the bytes
// allocated meanwhile. A panic in f fails the test with its stack.
func hBounded[T any](t *testing.T, f func() T) (T, uint64) {
	t.Helper()
	return hBoundedFor(t, hostileHangLimit, f)
}

// hBoundedFor is hBounded with a hang limit of its own (before the race
// detector's slowdown).
func hBoundedFor[T any](t *testing.T, hang time.Duration, f func() T) (T, uint64) {
	t.Helper()
	type outcome struct {
		v     T
		panic any
		stack []byte
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			if r := recover(); r != nil {
				o.panic, o.stack = r, debug.Stack()
			}
			done <- o
		}()
		o.v = f()
	}()
	limit := hang * hostileRaceSlowdown
	select {
	case o := <-done:
		runtime.ReadMemStats(&after)
		if o.panic != nil {
			t.Fatalf("panic: %v\n%s", o.panic, o.stack)
		}
		return o.v, after.TotalAlloc - before.TotalAlloc
	case <-time.After(limit):
		t.Fatalf("did not finish in %v: an endless or quadratic loop", limit)
	}
	panic("unreachable")
}

package batch_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/internal/gencorpus"
)

// genInputs returns n generated articles as in-memory inputs.
func genInputs(seed uint64, n int) []batch.Input {
	g := gencorpus.New(seed, nil)
	in := make([]batch.Input, n)
	for i := range in {
		d := g.Doc(i)
		in[i] = batch.Input{Name: d.Name, Data: d.Data}
	}
	return in
}

// jitter is an AnalyzeFunc that takes a random short time, so that workers
// finish out of order.
func jitter(name string, a *stocknews.Article) stocknews.Analysis {
	time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
	return stocknews.Analysis{Article: *a}
}

func names(as []stocknews.Analysis) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.File
	}
	return out
}

func TestPipelineOrder(t *testing.T) {
	in := genInputs(1, 500)
	for _, workers := range []int{1, 3, 8} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			p := batch.NewPipeline(jitter, &batch.PipelineOptions{Workers: workers, Window: 5})
			got, err := p.CollectInputs(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(in) {
				t.Fatalf("%d records for %d inputs", len(got), len(in))
			}
			for i, a := range got {
				if a.File != in[i].Name {
					t.Fatalf("record %d is %q, want %q", i, a.File, in[i].Name)
				}
				if a.Err != nil {
					t.Fatalf("record %d: %v", i, a.Err)
				}
				if a.Article.Title == "" {
					t.Fatalf("record %d: no title", i)
				}
			}
		})
	}
}

// failingReader returns data, then err.
type failingReader struct {
	data []byte
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func jsonl(docs ...gencorpus.Doc) []byte {
	var b []byte
	for _, d := range docs {
		b = d.AppendJSON(b)
		b = append(b, '\n')
	}
	return b
}

var errInjected = errors.New("injected analysis failure")

// TestPipelineOneRecordPerInput feeds a mix of good and bad inputs and
// checks that every input gets exactly one record, in order, with the
// failures where they were injected.
func TestPipelineOneRecordPerInput(t *testing.T) {
	dir := t.TempDir()
	g := gencorpus.New(2, nil)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good1 := write("a.md", g.Doc(0).Data)
	notGzip := write("b.md.gz", []byte("not gzip at all"))
	var zbuf bytes.Buffer
	zw := gzip.NewWriter(&zbuf)
	zw.Write(g.Doc(1).Data)
	zw.Close()
	gz := write("c.md.gz", zbuf.Bytes())
	feedPath := write("d.jsonl", append(append(jsonl(g.Doc(2)), "{not json\n\n"...), jsonl(g.Doc(3))...))
	missing := filepath.Join(dir, "missing.md")
	panicky := write("panic.md", g.Doc(4).Data)
	empty := write("empty.md", nil)

	broken := &failingReader{data: append(jsonl(g.Doc(5), g.Doc(6)), `{"title":"cut`...), err: io.ErrUnexpectedEOF}

	inputs := slices.Concat(
		batch.InputList(good1, notGzip, gz, feedPath, missing, panicky, dir),
		batch.FeedList("feed", broken),
	)
	analyze := func(name string, a *stocknews.Article) stocknews.Analysis {
		if name == panicky {
			// what Analyzer.Analyze returns when its analysis panics
			return stocknews.Analysis{Article: *a, Err: errInjected}
		}
		return stocknews.Analysis{Article: *a}
	}
	p := batch.NewPipeline(analyze, &batch.PipelineOptions{Workers: 3})
	got, err := p.CollectInputs(context.Background(), inputs)
	if err != nil {
		t.Fatal(err)
	}

	// b.md.gz is plain text whatever its name: the magic bytes decide. The
	// folder expands to a.md, b.md.gz, c.md.gz, d.jsonl, empty.md and
	// panic.md, of which only empty.md was not named before: each input
	// has one key, so a path named twice is read once.
	want := []struct {
		name string
		err  error // nil: success; errAny: any error
	}{
		{good1, nil},
		{notGzip, nil},
		{gz, nil},
		{feedPath + ":1", nil},
		{feedPath + ":2", stocknews.ErrFormat},
		{feedPath + ":4", nil},
		{missing, fs.ErrNotExist},
		{panicky, errInjected},
		{empty, stocknews.ErrEmpty},
		{"feed:1", nil},
		{"feed:2", nil},
		{"feed:3", io.ErrUnexpectedEOF},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d:\n%s", len(got), len(want), strings.Join(names(got), "\n"))
	}
	for i, w := range want {
		a := got[i]
		if a.File != w.name {
			t.Errorf("record %d: file %q, want %q", i, a.File, w.name)
		}
		switch {
		case w.err == nil && a.Err != nil:
			t.Errorf("record %d (%s): unexpected error %v", i, a.File, a.Err)
		case w.err != nil && !errors.Is(a.Err, w.err):
			t.Errorf("record %d (%s): error %v, want %v", i, a.File, a.Err, w.err)
		}
		if a.Err != nil && a.Err != errInjected {
			var ie *stocknews.InputError
			if !errors.As(a.Err, &ie) || ie.Name != a.File {
				t.Errorf("record %d: error %v is not an InputError naming %q", i, a.Err, a.File)
			}
		}
	}
}

func TestPipelineCancel(t *testing.T) {
	in := genInputs(3, 2000)
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	p := batch.NewPipeline(jitter, &batch.PipelineOptions{Workers: 4})
	n := 0
	err := p.Run(ctx, slices.Values(in), func(a stocknews.Analysis) error {
		n++
		if n == 100 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v, want context.Canceled", err)
	}
	if n != 100 {
		t.Fatalf("%d records delivered, want 100 (none after cancellation)", n)
	}
	waitGoroutines(t, before)

	// fn's error stops the run and is returned
	stop := errors.New("enough")
	n = 0
	err = p.Run(context.Background(), slices.Values(in), func(stocknews.Analysis) error {
		if n++; n == 10 {
			return stop
		}
		return nil
	})
	if err != stop || n != 10 {
		t.Fatalf("Run = %v after %d records, want %v after 10", err, n, stop)
	}

	// breaking out of All stops the workers
	n = 0
	for a := range p.All(context.Background(), slices.Values(in)) {
		if a.Err != nil {
			t.Fatal(a.Err)
		}
		if n++; n == 50 {
			break
		}
	}
	waitGoroutines(t, before)

	// a context that is already done delivers nothing
	done, cancel2 := context.WithCancel(context.Background())
	cancel2()
	if err := p.Run(done, slices.Values(in), func(stocknews.Analysis) error {
		t.Fatal("record after cancellation")
		return nil
	}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run on a done context = %v", err)
	}
}

func waitGoroutines(t *testing.T, want int) {
	t.Helper()
	for range 200 {
		if runtime.NumGoroutine() <= want {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%d goroutines still running, want at most %d", runtime.NumGoroutine(), want)
}

// TestPipelineBoundedWindow checks that no more than Window inputs are
// taken from the sequence ahead of the consumer.
func TestPipelineBoundedWindow(t *testing.T) {
	const window = 6
	var taken, delivered atomic.Int64
	var maxAhead int64
	seq := func(yield func(batch.Input) bool) {
		for i := range 300 {
			taken.Add(1)
			if ahead := taken.Load() - delivered.Load(); ahead > maxAhead {
				maxAhead = ahead
			}
			if !yield(batch.Input{Name: fmt.Sprint(i), Data: []byte("title\nbody")}) {
				return
			}
		}
	}
	p := batch.NewPipeline(jitter, &batch.PipelineOptions{Workers: 2, Window: window})
	err := p.Run(context.Background(), seq, func(stocknews.Analysis) error {
		delivered.Add(1)
		time.Sleep(50 * time.Microsecond) // a slow consumer
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// window in the queue, one held by the producer, one being delivered
	if maxAhead > window+2 {
		t.Fatalf("%d inputs in flight, window %d", maxAhead, window)
	}
}

// TestPipelineGOMAXPROCS checks that the real analyzer gives the same
// records whatever the parallelism.
func TestPipelineGOMAXPROCS(t *testing.T) {
	in := genInputs(4, 300)
	an, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	var want []byte
	for _, procs := range []int{1, 2, 4, 8} {
		old := runtime.GOMAXPROCS(procs)
		p := batch.NewPipeline(func(name string, a *stocknews.Article) stocknews.Analysis {
			return an.Analyze(a)
		}, nil)
		var buf bytes.Buffer
		err := p.Run(context.Background(), slices.Values(in), func(a stocknews.Analysis) error {
			line, err := a.MarshalJSON()
			buf.Write(line)
			buf.WriteByte('\n')
			return err
		})
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = buf.Bytes()
			continue
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Fatalf("GOMAXPROCS=%d gives different records", procs)
		}
	}
}

func TestInputsFeedGzip(t *testing.T) {
	dir := t.TempDir()
	g := gencorpus.New(5, nil)
	var zbuf bytes.Buffer
	zw := gzip.NewWriter(&zbuf)
	zw.Write(jsonl(g.Doc(0), g.Doc(1), g.Doc(2)))
	zw.Close()
	path := filepath.Join(dir, "feed.jsonl.gz")
	if err := os.WriteFile(path, zbuf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	in := batch.InputList(path)
	if len(in) != 3 {
		t.Fatalf("%d inputs, want 3", len(in))
	}
	for i, x := range in {
		if want := fmt.Sprintf("%s:%d", path, i+1); x.Name != want || x.Format != stocknews.JSON {
			t.Errorf("input %d: %q format %v, want %q json", i, x.Name, x.Format, want)
		}
	}
	// a truncated gzip stream: records before the cut, then one error
	cut := zbuf.Bytes()[:zbuf.Len()-12]
	in = batch.FeedList("cut", bytes.NewReader(cut))
	last := in[len(in)-1]
	if last.Err == nil {
		t.Fatalf("truncated gzip feed: no error input, got %d inputs", len(in))
	}
}

func ExamplePipeline_CollectInputs() {
	an, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		panic(err)
	}
	p := batch.NewPipeline(an.Article, &batch.PipelineOptions{Workers: 2})
	inputs := []batch.Input{
		{Name: "a.md", Data: []byte("---\ntitle: \"示例公司发布年度报告\"\n---\n\n公司全年营业收入增长12%。\n")},
		{Name: "missing.md", Path: "testdata/no-such-file.md"},
		{Name: "feed.jsonl:1", Data: []byte(`{"title":"示例快讯","content":"指数收涨0.5%。"}`), Format: stocknews.JSON},
	}
	analyses, err := p.CollectInputs(context.Background(), inputs)
	if err != nil {
		panic(err)
	}
	for _, a := range analyses {
		fmt.Printf("%s: %q error=%v\n", a.File, a.Article.Title, a.Err != nil)
	}
	// Output:
	// a.md: "示例公司发布年度报告" error=false
	// missing.md: "" error=true
	// feed.jsonl:1: "示例快讯" error=false
}

// FuzzReaderInputs checks the JSON Lines reader on arbitrary bytes: it
// never panics, names records NAME:LINE with increasing lines, and yields
// no blank record.
func FuzzReaderInputs(f *testing.F) {
	f.Add([]byte("{\"title\":\"a\"}\n\n{\"title\":\"b\"}"))
	f.Add([]byte("\x1f\x8b\x08\x00broken gzip"))
	f.Add([]byte("\r\n \n{}\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		last := 0
		for in := range batch.Feed("f", bytes.NewReader(data)) {
			var line int
			if _, err := fmt.Sscanf(in.Name, "f:%d", &line); err != nil {
				t.Fatalf("bad name %q", in.Name)
			}
			if line <= last {
				t.Fatalf("line %d after %d", line, last)
			}
			last = line
			if in.Err == nil && len(bytes.TrimSpace(in.Data)) == 0 {
				t.Fatalf("blank record %q", in.Name)
			}
		}
	})
}

// TestPipelinePanics checks that a panic in the caller's AnalyzeFunc is
// raised again in Run's goroutine, with its value, after the workers
// stopped, and that records before it were delivered.
func TestPipelinePanics(t *testing.T) {
	in := genInputs(6, 100)
	before := runtime.NumGoroutine()
	type boom struct{ at string }
	p := batch.NewPipeline(func(name string, a *stocknews.Article) stocknews.Analysis {
		if name == in[40].Name {
			panic(boom{name})
		}
		return jitter(name, a)
	}, &batch.PipelineOptions{Workers: 4})
	n := 0
	func() {
		defer func() {
			r := recover()
			if b, ok := r.(boom); !ok || b.at != in[40].Name {
				t.Fatalf("recovered %v, want the AnalyzeFunc's panic", r)
			}
		}()
		p.Run(context.Background(), slices.Values(in), func(stocknews.Analysis) error {
			n++
			return nil
		})
		t.Fatal("Run returned")
	}()
	if n != 40 {
		t.Errorf("%d records before the panic, want 40", n)
	}
	waitGoroutines(t, before)
}

// TestPipelineCollidingNames runs two different articles that share the
// file name index.md in two folders: each gets its record, keyed by its
// path, though both have the ID the file name gives them.
func TestPipelineCollidingNames(t *testing.T) {
	dir := filepath.Join("..", "testdata", "bad", "collide")
	p := batch.NewPipeline(nil, nil)
	got, err := p.Collect(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d records, want 2: %v", len(got), names(got))
	}
	a, b := got[0], got[1]
	if a.Err != nil || b.Err != nil {
		t.Fatalf("errors %v, %v", a.Err, b.Err)
	}
	if a.File == b.File || a.File != filepath.Join(dir, "a", "index.md") || b.File != filepath.Join(dir, "b", "index.md") {
		t.Errorf("keys %q and %q: want the two paths", a.File, b.File)
	}
	if a.Article.ID != "index" || b.Article.ID != "index" || a.Article.Title == b.Article.Title {
		t.Errorf("articles %q %q and %q %q: want the same ID, different articles", a.Article.ID, a.Article.Title, b.Article.ID, b.Article.Title)
	}
}

// TestExpandInputsByContent checks that folders are expanded without
// special names: a README and a manifest in a folder are inputs like any
// other (the content tells they are not articles), a glob keeps every
// match, and an empty folder stands for itself with ErrNoArticles.
func TestExpandInputsByContent(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.md":         "甲\n正文",
		"README.md":    "# 说明\n\n| 文件 | 标题 |\n|---|---|\n| a.md | 甲 |\n",
		"MANIFEST.tsv": "file\ttitle\na.md\t甲\n",
		".hidden.md":   "隐藏",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	got := batch.ExpandInputs([]string{dir, filepath.Join(dir, "*.tsv"), empty})
	want := []string{filepath.Join(dir, "README.md"), filepath.Join(dir, "a.md"), filepath.Join(dir, "MANIFEST.tsv"), empty}
	if !slices.Equal(got, want) {
		t.Fatalf("ExpandInputs %q, want %q", got, want)
	}
	out, err := batch.NewPipeline(nil, nil).CollectInputs(context.Background(), batch.InputList(got...))
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []error{stocknews.ErrNotArticle, nil, stocknews.ErrNotArticle, batch.ErrNoArticles} {
		if w == nil && out[i].Err != nil || w != nil && !errors.Is(out[i].Err, w) {
			t.Errorf("%s: %v, want %v", out[i].File, out[i].Err, w)
		}
	}
}

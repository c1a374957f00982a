package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/internal/gencorpus"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

func TestMain(m *testing.M) {
	ptest.Main(m) // runs on prism, the default runner
}

// moduleRoot returns the stocknews module root (two levels up).
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod in %s: %v", root, err)
	}
	return root
}

// sharedCorpus returns ../shared/corpus next to the module, or skips.
func sharedCorpus(t *testing.T) string {
	dir := filepath.Join(moduleRoot(t), "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real corpus not found at %s (it lives beside the checkout, outside the repository)", dir)
	}
	return dir
}

// synthetic returns the analysis of article i of a corpus with many
// distinct securities: up to three of nsym symbols, dated over 90 days.
func synthetic(i, nsym int) stocknews.Analysis {
	r := rand.New(rand.NewPCG(uint64(i), 99))
	a := stocknews.Analysis{File: fmt.Sprintf("synthetic/%06d", i)}
	a.Article.ID = fmt.Sprintf("S%06d", i)
	a.Article.Title = fmt.Sprintf("合成新闻 %d", i)
	a.Article.Text = a.Article.Title + "\n" + fmt.Sprintf("正文 %d %d", i, r.IntN(1000))
	a.Article.Media = []string{"甲报", "乙报", "丙报"}[r.IntN(3)]
	a.Article.Published = time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(90*24)) * time.Hour)
	for range 1 + r.IntN(3) {
		sym, err := ticker.New(fmt.Sprintf("%06d", 600000+r.IntN(nsym)), ticker.SH)
		if err != nil {
			panic(err)
		}
		a.Tickers = append(a.Tickers, ticker.Link{Symbol: sym, Mentions: 1 + r.IntN(3), Relevance: r.Float64()})
	}
	if i%97 == 0 {
		a.Err = fmt.Errorf("injected failure %d", i)
	}
	return a
}

func encodeOne(t *testing.T, a stocknews.Analysis) []byte {
	c := metrics.New(nil)
	c.Add(&a)
	b, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCoverageFnLaws checks the CombineFn in plain Go: adding inputs to
// accumulators split at random and merging them in any order gives the
// same encoding as one accumulator (local runs with few keys never merge).
func TestCoverageFnLaws(t *testing.T) {
	var fn coverageFn
	const n = 500
	inputs := make([][]byte, n)
	for i := range inputs {
		inputs[i] = encodeOne(t, synthetic(i, 50))
	}
	one := fn.CreateAccumulator()
	for _, in := range inputs {
		var err error
		if one, err = fn.AddInput(one, in); err != nil {
			t.Fatal(err)
		}
	}
	want, err := fn.ExtractOutput(one)
	if err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(5) {
		r := rand.New(rand.NewPCG(seed, 1))
		accs := make([]partial, 1+r.IntN(8))
		for i := range accs {
			accs[i] = fn.CreateAccumulator()
		}
		for _, i := range r.Perm(n) {
			k := r.IntN(len(accs))
			if accs[k], err = fn.AddInput(accs[k], inputs[i]); err != nil {
				t.Fatal(err)
			}
			if r.IntN(10) == 0 { // the same input twice, on another worker
				if accs[0], err = fn.AddInput(accs[0], inputs[i]); err != nil {
					t.Fatal(err)
				}
			}
		}
		// round-trip through the coder, as between workers
		for i := range accs {
			enc, err := encodePartial(accs[i])
			if err != nil {
				t.Fatal(err)
			}
			if accs[i], err = decodePartial(enc); err != nil {
				t.Fatal(err)
			}
		}
		r.Shuffle(len(accs), func(i, j int) { accs[i], accs[j] = accs[j], accs[i] })
		acc := accs[0]
		for _, b := range accs[1:] {
			if acc, err = fn.MergeAccumulators(acc, b); err != nil {
				t.Fatal(err)
			}
		}
		got, err := fn.ExtractOutput(acc)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			// errored inputs are counted, not deduplicated: compare tables only when
			// an errored input was added twice
			if !sameTable(t, got, want) {
				t.Fatalf("seed %d: merged accumulator differs from the single one", seed)
			}
		}
	}
}

// sameTable compares the CSV tables of two encodings, ignoring the error
// count (an errored input added twice counts twice by design).
func sameTable(t *testing.T, a, b []byte) bool {
	csv := func(enc []byte) string {
		p, err := decodePartial(enc)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := p.c.Table().WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	return csv(a) == csv(b)
}

// syntheticKVFn emits the one-article coverage of synthetic article i
// under each of its symbols, as analyzeFn does for real articles.
type syntheticKVFn struct {
	Symbols int
}

func (f *syntheticKVFn) ProcessElement(i int, emit func(string, []byte)) error {
	return emitAnalysis(synthetic(i, f.Symbols), emit)
}

func init() {
	register.DoFn2x1[int, func(string, []byte), error](&syntheticKVFn{})
}

// TestManyKeys runs the two combines on prism with more keys than prism's
// per-bundle precombine cache (2,000), so that MergeAccumulators really
// runs, and checks the result against a single accumulator.
func TestManyKeys(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a prism pipeline over 40,000 inputs")
	}
	const n, nsym = 40000, 20000
	want := metrics.New(nil)
	for i := range n {
		a := synthetic(i, nsym)
		want.Add(&a)
	}

	out := filepath.Join(t.TempDir(), "out.csv")
	p, s := beam.NewPipelineWithRoot()
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	keyed := beam.ParDo(s, &syntheticKVFn{Symbols: nsym}, beam.CreateList(s, idx))
	perSymbol := beam.CombinePerKey(s, &coverageFn{}, keyed)
	total := beam.Combine(s, &coverageFn{}, beam.DropKey(s, perSymbol))
	beam.ParDo0(s, &writeCSVFn{Output: out}, total)

	before := mergeCalls.Load()
	if err := ptest.Run(p); err != nil {
		t.Fatal(err)
	}
	merges := mergeCalls.Load() - before
	t.Logf("MergeAccumulators called %d times", merges)
	if merges == 0 {
		t.Errorf("MergeAccumulators never ran: the test no longer exercises the merge path")
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var wantCSV bytes.Buffer
	if err := want.Table().WriteCSV(&wantCSV); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, wantCSV.Bytes()) {
		t.Fatalf("pipeline CSV differs from the single accumulator's (%d vs %d bytes)", len(got), wantCSV.Len())
	}
}

// referenceCSV computes the coverage CSV in one process, the way
// examples/coverage does: the stocknews pipeline, one accumulator.
func referenceCSV(t *testing.T, args, masters []string) []byte {
	var master *ticker.Master
	for _, path := range masters {
		m, err := ticker.LoadMasterFile(path)
		if err != nil {
			t.Fatal(err)
		}
		master = ticker.DefaultMaster().Merge(m)
	}
	an, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Master: master, NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	o, _ := (&writeCSVFn{}).options()
	c := metrics.New(o)
	p := batch.NewPipeline(an.Article, nil)
	err = p.Run(context.Background(), batch.Inputs(args...), func(a stocknews.Analysis) error {
		c.Add(&a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.Table().WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// coverageCommandCSV runs examples/coverage -format csv, or returns nil
// when the command cannot run.
func coverageCommandCSV(t *testing.T, args, masters []string) []byte {
	cmdArgs := []string{"run", "github.com/stocknews/stocknews/examples/coverage", "-format", "csv", "-top", "0"}
	for _, m := range masters {
		cmdArgs = append(cmdArgs, "-master", m)
	}
	cmdArgs = append(cmdArgs, args...)
	cmd := exec.Command("go", cmdArgs...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Logf("examples/coverage did not run (%v): %s", err, stderr.String())
		return nil
	}
	return out
}

func runBeam(t *testing.T, args, masters []string) []byte {
	files, err := expandInputs(context.Background(), args)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "coverage.csv")
	p, s := beam.NewPipelineWithRoot()
	buildPipeline(s, files, masters, &writeCSVFn{Output: out})
	if err := ptest.Run(p); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// writeGenerated writes a small generated corpus (files and a feed) and
// returns the arguments naming it.
func writeGenerated(t *testing.T) []string {
	dir := t.TempDir()
	files := filepath.Join(dir, "files")
	gencorpus.Generate(11, 400, func(name string, data []byte) {
		p := filepath.Join(files, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	})
	var feed []byte
	g := gencorpus.New(12, nil)
	for i := range 200 {
		d := g.Doc(i)
		feed = append(d.AppendJSON(feed), '\n')
	}
	feed = append(feed, "{broken record\n"...)
	if err := os.WriteFile(filepath.Join(dir, "feed.jsonl"), feed, 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{files, filepath.Join(dir, "feed.jsonl"), filepath.Join(dir, "missing.md")}
}

func TestAgreesWithCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("runs prism pipelines")
	}
	cases := []struct {
		name    string
		args    func(t *testing.T) []string
		masters func(t *testing.T) []string
	}{
		{"generated", writeGenerated, func(*testing.T) []string { return nil }},
		{"corpus", func(t *testing.T) []string { return []string{sharedCorpus(t)} }, func(t *testing.T) []string {
			return []string{filepath.Join(sharedCorpus(t), "..", "reference", "all_code.csv")}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args, masters := tc.args(t), tc.masters(t)
			got := runBeam(t, args, masters)
			if want := referenceCSV(t, args, masters); !bytes.Equal(got, want) {
				t.Fatalf("beam CSV (%d bytes) differs from the single-process table (%d bytes)", len(got), len(want))
			}
			if want := coverageCommandCSV(t, args, masters); want != nil && !bytes.Equal(got, want) {
				t.Fatalf("beam CSV (%d bytes) differs from examples/coverage -format csv (%d bytes)", len(got), len(want))
			} else if want == nil {
				t.Log("examples/coverage not available; compared with the in-process table only")
			}
			if bytes.Count(got, []byte("\n")) < 2 {
				t.Fatalf("table has no rows:\n%s", got)
			}
		})
	}
}

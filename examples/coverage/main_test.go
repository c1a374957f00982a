package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/metrics"
)

// moduleRoot returns the folder holding go.mod, walking up from the test's
// working directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// inputs returns the real corpus (../shared/corpus from the module root)
// and the reference master when they are present, else the module's
// testdata and no master.
func inputs(t *testing.T) (dir string, masters []string) {
	root := moduleRoot(t)
	shared := filepath.Join(root, "..", "shared")
	corpus := filepath.Join(shared, "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Logf("%s not found: using testdata", corpus)
		return filepath.Join(root, "testdata"), nil
	}
	if m := filepath.Join(shared, "reference", "all_code.csv"); fileExists(m) {
		masters = []string{m}
	}
	return corpus, masters
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// runOK runs the program and returns its standard output. Exit status 1
// is accepted only when inputs failed and nothing else did (the folders
// hold files that are not articles: testdata/bad, the corpus's README):
// the summary line ends standard error.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	last := lines[len(lines)-1]
	inputsFailed := code == 1 && strings.HasPrefix(last, "coverage: ") && strings.Contains(last, " inputs, ") &&
		!strings.Contains(last, " inputs, 0 failed")
	if code != 0 && !inputsFailed {
		t.Fatalf("run %q: exit %d: %s", args, code, errb.String())
	}
	return out.String()
}

// TestArticleCountsAgree checks that the articles column agrees with the
// tickers of the analysis records (what the analyze program writes) for the
// same files: for each symbol, the number of distinct articles whose record
// lists it.
func TestArticleCountsAgree(t *testing.T) {
	dir, masters := inputs(t)
	args := []string{"-format", "csv", "-top", "0"}
	for _, m := range masters {
		args = append(args, "-master", m)
	}
	out := runOK(t, append(args, dir)...)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[2])
		got[r[0]] = n
	}

	// The records, as examples/analyze makes them.
	master, err := loadMasters(masters, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Master: master, NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	ans, err := batch.NewPipeline(z.Article, nil).Collect(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	// An article is identified by its id, else its file (metrics.Coverage
	// counts an article met twice once).
	symsOf := map[string][]string{}
	clash := map[string]bool{}
	for i := range ans {
		if ans[i].Err != nil {
			continue
		}
		rec := ans[i].Record()
		key := "id:" + rec.ID
		if rec.ID == "" {
			key = "file:" + rec.File
		}
		var syms []string
		for _, tk := range rec.Tickers {
			syms = append(syms, tk.Symbol)
		}
		slices.Sort(syms)
		if prev, ok := symsOf[key]; ok && !slices.Equal(prev, syms) {
			for _, s := range append(prev, syms...) {
				clash[s] = true
			}
		}
		symsOf[key] = syms
	}
	want := map[string]int{}
	for _, syms := range symsOf {
		for _, s := range syms {
			want[s]++
		}
	}
	if len(want) == 0 {
		t.Fatal("no article links a security")
	}
	for s, n := range want {
		if clash[s] {
			t.Logf("%s: articles sharing an id link different securities; skipped", s)
			continue
		}
		if got[s] != n {
			t.Errorf("%s: coverage counts %d articles, the analysis records %d", s, got[s], n)
		}
	}
	for s := range got {
		if _, ok := want[s]; !ok {
			t.Errorf("%s: in the coverage table, in no analysis record", s)
		}
	}
	t.Logf("%d securities over %d inputs agree", len(want), len(ans))
}

func TestParquetOutput(t *testing.T) {
	dir := filepath.Join(moduleRoot(t), "testdata")
	path := filepath.Join(t.TempDir(), "coverage.parquet")
	runOK(t, "-format", "parquet", "-out", path, dir)
	csvOut := runOK(t, "-format", "csv", dir)
	rows, _ := csv.NewReader(strings.NewReader(csvOut)).ReadAll()

	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, fl := range pf.Schema().Fields() {
		names = append(names, fl.Name())
	}
	if !slices.Equal(names, metrics.Columns()) || !slices.Equal(names, rows[0]) {
		t.Fatalf("parquet columns %v\nwant %v", names, metrics.Columns())
	}
	recs, err := parquet.Read[metrics.Record](f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(rows)-1 {
		t.Fatalf("%d parquet rows, %d CSV rows", len(recs), len(rows)-1)
	}
	for i, r := range recs {
		c := rows[i+1]
		if r.Symbol != c[0] || r.Name != c[1] || strconv.FormatInt(r.Articles, 10) != c[2] || strconv.FormatInt(r.Mentions, 10) != c[3] {
			t.Errorf("row %d: parquet %s %s %d %d, CSV %v", i, r.Symbol, r.Name, r.Articles, r.Mentions, c[:4])
		}
	}
}

func TestPlotAndSave(t *testing.T) {
	dir := filepath.Join(moduleRoot(t), "testdata")
	tmp := t.TempDir()
	plot := filepath.Join(tmp, "coverage.png")
	state := filepath.Join(tmp, "coverage.bin")
	pairs := filepath.Join(tmp, "pairs.csv")
	novelty := filepath.Join(tmp, "novelty.jsonl")
	table := runOK(t, "-plot", plot, "-save", state, "-pairs", pairs, "-novelty", novelty, dir)
	for _, p := range []string{pairs, novelty} {
		if b, err := os.ReadFile(p); err != nil || len(b) == 0 {
			t.Errorf("%s: %v, %d bytes", p, err, len(b))
		}
	}
	b, err := os.ReadFile(plot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if sz := img.Bounds().Size(); sz.X != 900 || sz.Y != 500 {
		t.Errorf("plot is %v, want 900×500", sz)
	}
	// The saved accumulator alone gives the same table.
	if again := runOK(t, "-merge", state); again != table {
		t.Errorf("merged table differs:\n%s\nwant\n%s", again, table)
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "xml"},
		{"-format", "parquet"}, // needs -out
		{"-top", "-1"},
		{"-from", "2022-13-01"},
		{"-from", "2022-03-02", "-to", "2022-03-01"},
		{"-min-relevance", "2"},
		{"-plot", "out.svg"},
		{"-recent", "5"}, // needs -bounded
		{"-bounded", "-novelty", "x.jsonl"},
		{"-nosuchflag"},
	} {
		var out, errb bytes.Buffer
		if code := run(append(args, "testdata"), &out, &errb); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if !strings.Contains(errb.String(), "coverage:") && !strings.Contains(errb.String(), "usage:") {
			t.Errorf("%q: no message: %q", args, errb.String())
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"-merge", filepath.Join(t.TempDir(), "missing.bin")}, &out, &errb); code != 1 {
		t.Errorf("missing -merge file: exit %d, want 1", code)
	}
}

func TestDateFilter(t *testing.T) {
	dir := filepath.Join(moduleRoot(t), "testdata")
	out := runOK(t, "-from", "2022-01-01", "-to", "2022-12-31", dir)
	if !strings.Contains(out, "2022-12-31") || strings.Contains(out, "2021-") {
		t.Errorf("date filter not applied:\n%s", out)
	}
}

// readCSV returns the rows of a -format csv output by symbol, each a map
// from column to value.
func readCSV(t *testing.T, out string) map[string]map[string]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]map[string]string{}
	for _, r := range rows[1:] {
		row := map[string]string{}
		for i, col := range rows[0] {
			row[col] = r[i]
		}
		m[r[0]] = row
	}
	return m
}

// -bounded gives the table of the default run while the remembered
// articles span the corpus; with a tiny budget every security keeps its
// rows, with at least as many articles (repeats far apart count again).
func TestBoundedAgrees(t *testing.T) {
	dir, masters := inputs(t)
	args := []string{"-format", "csv", "-top", "0", "-close"}
	for _, m := range masters {
		args = append(args, "-master", m)
	}
	// The README's promise: while the remembered articles span the corpus,
	// the bounded table is the exact one, byte for byte.
	exact := runOK(t, append(args, dir)...)
	bounded := runOK(t, append(args, "-bounded", dir)...)
	if exact != bounded {
		el, bl := strings.Split(exact, "\n"), strings.Split(bounded, "\n")
		for i := range min(len(el), len(bl)) {
			if el[i] != bl[i] {
				t.Fatalf("line %d differs:\n exact   %s\n bounded %s", i+1, el[i], bl[i])
			}
		}
		t.Fatalf("exact %d lines, bounded %d", len(el), len(bl))
	}
	want := readCSV(t, exact)
	if len(want) == 0 {
		t.Fatal("no rows")
	}

	small := readCSV(t, runOK(t, append(args, "-bounded", "-recent", "16", dir)...))
	if len(small) != len(want) {
		t.Fatalf("-recent 16: %d rows, want %d", len(small), len(want))
	}
	for sym, w := range want {
		s := small[sym]
		a, _ := strconv.Atoi(s["articles"])
		b, _ := strconv.Atoi(w["articles"])
		n, _ := strconv.Atoi(s["novel"])
		r, _ := strconv.Atoi(s["repeated"])
		if a < b || n+r != a {
			t.Errorf("-recent 16, %s: %d articles (%d novel, %d repeated), not bounded %d", sym, a, n, r, b)
		}
	}
	t.Logf("%d securities: -bounded agrees; -recent 16 keeps every row", len(want))
}

// -bounded runs in shards too: shards saved and merged give the one run's
// table, but for a story split between shards, which starts in each. A
// Coverage shard does not merge into a bounded run.
func TestBoundedShards(t *testing.T) {
	dir, masters := inputs(t)
	files := batch.ExpandInputs([]string{dir})
	if len(files) < 4 {
		t.Fatalf("%d inputs", len(files))
	}
	var base []string
	for _, m := range masters {
		base = append(base, "-master", m)
	}
	tmp := t.TempDir()
	var merges []string
	for i, part := range [][]string{files[:len(files)/3], files[len(files)/3:]} {
		save := filepath.Join(tmp, strconv.Itoa(i)+".bin")
		args := append(append(slices.Clone(base), "-bounded", "-save", save, "-format", "csv"), part...)
		runOK(t, args...)
		merges = append(merges, "-merge", save)
	}
	csvArgs := []string{"-bounded", "-format", "csv", "-top", "0"}
	got := readCSV(t, runOK(t, append(csvArgs, merges...)...))
	want := readCSV(t, runOK(t, append(append(slices.Clone(base), csvArgs...), dir)...))
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%d rows merged, %d in one run", len(got), len(want))
	}
	for sym, w := range want {
		g := got[sym]
		for col, wv := range w {
			switch {
			case g[col] == wv:
			case col == "novel" || col == "repeated" || strings.HasPrefix(col, "relevance"):
				// checked below
			default:
				t.Errorf("%s %s: merged %q, one run %q", sym, col, g[col], wv)
			}
		}
		gn, _ := strconv.Atoi(g["novel"])
		wn, _ := strconv.Atoi(w["novel"])
		if gn < wn {
			t.Errorf("%s: %d novel merged, %d in one run", sym, gn, wn)
		}
	}

	// An exact shard folds into a bounded run; a bounded shard does not
	// merge into an exact one.
	cov := filepath.Join(tmp, "coverage.bin")
	runOK(t, append(append(slices.Clone(base), "-save", cov), files[:2]...)...)
	runOK(t, "-bounded", "-merge", cov)
	bnd := filepath.Join(tmp, "bounded.bin")
	runOK(t, append(append(slices.Clone(base), "-bounded", "-save", bnd), files[:2]...)...)
	var out, errb bytes.Buffer
	if code := run([]string{"-merge", bnd}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "cannot be merged") {
		t.Errorf("a bounded shard into an exact run: exit %d: %s", code, errb.String())
	}
}

// TestFailedInputs checks what a user sees when inputs fail: each one named
// on stderr with its error, the summary line last, exit status 1, and the
// table still written; an empty folder is a failure, not an empty success.
func TestFailedInputs(t *testing.T) {
	root := moduleRoot(t)
	good := filepath.Join(root, "testdata", "em-us-embed.md")
	png := filepath.Join(root, "testdata", "bad", "picture.md")
	missing := filepath.Join(t.TempDir(), "missing.md")
	var out, errb bytes.Buffer
	code := run([]string{"-format", "csv", good, png, missing}, &out, &errb)
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	if code != 1 || len(lines) != 3 ||
		!strings.Contains(lines[0], "picture.md") || !strings.Contains(lines[0], "not an article: PNG image") ||
		!strings.Contains(lines[1], "missing.md") || !strings.Contains(lines[1], "no such file") ||
		!strings.HasPrefix(lines[2], "coverage: 3 inputs, 2 failed, ") {
		t.Errorf("exit %d, stderr:\n%s", code, errb.String())
	}
	if !strings.Contains(out.String(), "AAPL.US") {
		t.Errorf("the table of the good input is missing:\n%s", out.String())
	}

	out.Reset()
	errb.Reset()
	if code := run([]string{t.TempDir()}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "no article files") {
		t.Errorf("empty folder: exit %d, stderr %q", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"-q", "-format", "csv", good}, &out, &errb); code != 0 ||
		!strings.HasPrefix(errb.String(), "coverage: 1 inputs, 0 failed, ") {
		t.Errorf("clean run: exit %d, stderr %q", code, errb.String())
	}
}

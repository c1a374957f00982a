// Command coverage is the project's main job: it analyses news articles and
// prints per-security coverage statistics.
//
// Usage:
//
//	coverage [flags] [PATH|GLOB|-]...
//
// With no inputs it analyses the sample articles at the top of the testdata
// folder of the working directory (run it from the module root: go run
// ./examples/coverage); its subfolders hold hostile inputs and fuzz seeds. A folder is
// read recursively; "-" and .jsonl files are JSON Lines feeds, as for the
// analyze program. The default output is an aligned table of the securities
// with the most articles; -format csv, jsonl or parquet writes every column
// of metrics.Record instead (snake_case, beginning symbol, name, articles,
// mentions), and -format html the table as an HTML fragment.
//
// Flags:
//
//	-master FILE      security master CSV to add to the built-in one (repeatable)
//	-from, -to DATE   keep articles published on these Beijing days (YYYY-MM-DD, inclusive);
//	                  undated articles are dropped when either is set; accumulators read
//	                  with -merge are taken whole
//	-format F         table (default), csv, jsonl, parquet or html
//	-out FILE         write the output to FILE instead of standard output (parquet needs it)
//	-plot FILE.png    also draw the daily coverage of the top securities
//	-pairs FILE.csv   also write the co-mention graph as an edge list
//	-novelty FILE     also write each article's story and novelty score (JSON Lines)
//	-top N            rows of the output and lines of the plot (0: all rows); by default
//	                  20 for the table and all rows for csv, jsonl and parquet
//	-close            count articles published after the 15:00 close to the next day
//	-min-relevance R  ignore links less relevant than R (0–1)
//	-entities         also extract named entities (slow; off by default)
//	-workers N        inputs analysed at once (0: one per CPU)
//	-q                no progress line on a terminal
//	-save FILE        also write the accumulator (metrics.Coverage, exact or bounded;
//	                  binary) to FILE
//	-merge FILE       merge a saved accumulator into the result (repeatable; saved
//	                  with the same -bounded, -close and -min-relevance)
//	-bounded          accumulate in bounded memory (a metrics.Coverage with
//	                  Options.Recent) instead of keeping every article: for corpora
//	                  of any length
//	-tables DIR       also write the long tables articles, links, claims and daily
//	                  (metrics.Tables) into DIR, as Parquet, or as CSV with -format csv
//	-recent N         with -bounded, the articles remembered for repeats and
//	                  near-duplicates (0: metrics.DefaultRecent)
//
// Each input that cannot be read, is not an article (binary data, a
// table) or cannot be parsed is named on standard error with its error,
// and a summary line there ends the analysis; while it runs, a progress
// line (inputs done of the total when known, MB read, MB/s, elapsed time)
// is drawn on standard error when it is a terminal, unless -q. The exit
// status is 2 for bad flags, 1 when the run fails or any input failed
// (the table is still written), 0 otherwise.
//
// With -save and -merge, any engine can run the job in shards: each shard
// runs coverage -save on its part of the input, and a last run merges the
// saved accumulators; the result is the same as one run over everything.
//
// -bounded gives the same table while the remembered articles span the
// corpus, and a table whose repeats and stories are judged among the most
// recent articles beyond that (see metrics.Coverage); it does not combine
// with -novelty, which needs every article. Its shards merge exactly
// except for stories split between them, which count once in each.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/internal/cli"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/metrics/report"
	"github.com/stocknews/stocknews/ticker"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// config is the parsed command line.
type config struct {
	inputs       []string
	masters      []string
	from, to     time.Time // Beijing midnights; zero when not set. to is exclusive.
	format       string
	out          string
	plot         string
	pairs        string
	novelty      string
	top          int
	cutoff       bool
	minRelevance float64
	entities     bool
	workers      int
	save         string
	merge        []string
	bounded      bool
	recent       int
	tables       string                // -tables DIR
	builder      *metrics.TableBuilder // the long tables, with -tables
	quiet        bool
}

// beijing is Beijing time: UTC+08:00 all year.
var beijing = time.FixedZone("CST", 8*3600)

// usageError is a bad command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	c := &config{}
	fs := flag.NewFlagSet("coverage", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var masters, merges listFlag
	var from, to string
	fs.Var(&masters, "master", "security master CSV `FILE` to add to the built-in one (repeatable)")
	fs.StringVar(&from, "from", "", "keep articles published on or after this Beijing `DATE` (YYYY-MM-DD)")
	fs.StringVar(&to, "to", "", "keep articles published on or before this Beijing `DATE` (YYYY-MM-DD)")
	fs.StringVar(&c.format, "format", "table", "output `format`: table, csv, jsonl, parquet or html")
	fs.StringVar(&c.out, "out", "", "write the output to `FILE` (default standard output)")
	fs.StringVar(&c.plot, "plot", "", "draw the daily coverage of the top securities to `FILE.png`")
	fs.StringVar(&c.pairs, "pairs", "", "write the co-mention graph as an edge list to `FILE.csv`")
	fs.StringVar(&c.novelty, "novelty", "", "write each article's story and novelty score to `FILE` (JSON Lines)")
	fs.IntVar(&c.top, "top", -1, "show the top `N` securities (0: all; default 20 for the table, all for files)")
	fs.BoolVar(&c.cutoff, "close", false, "count articles published after the 15:00 close to the next day")
	fs.Float64Var(&c.minRelevance, "min-relevance", 0, "ignore links less relevant than `R` (0 to 1)")
	fs.BoolVar(&c.entities, "entities", false, "also extract named entities (slow)")
	fs.IntVar(&c.workers, "workers", 0, "analyse `N` inputs at once (0: one per CPU)")
	fs.StringVar(&c.save, "save", "", "also write the accumulator to `FILE`")
	fs.Var(&merges, "merge", "merge the saved accumulator `FILE` into the result (repeatable)")
	fs.BoolVar(&c.bounded, "bounded", false, "accumulate in bounded memory (metrics.Options.Recent), for corpora of any length")
	fs.BoolVar(&c.quiet, "q", false, "no progress line on a terminal")
	fs.IntVar(&c.recent, "recent", 0, "with -bounded, remember `N` recent articles for repeats and near-duplicates (0: the default)")
	tablesFlags(fs, c)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: coverage [flags] [PATH|GLOB|-]...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, &usageError{err.Error()}
	}
	c.masters, c.merge, c.inputs = masters, merges, fs.Args()
	topSet := false
	fs.Visit(func(f *flag.Flag) { topSet = topSet || f.Name == "top" })
	var err error
	if c.from, err = parseDay("-from", from); err != nil {
		return nil, err
	}
	if c.to, err = parseDay("-to", to); err != nil {
		return nil, err
	}
	if !c.to.IsZero() {
		c.to = c.to.AddDate(0, 0, 1)
	}
	if !c.from.IsZero() && !c.to.IsZero() && !c.from.Before(c.to) {
		return nil, &usageError{fmt.Sprintf("-from %s is after -to %s", from, to)}
	}
	switch c.format {
	case "table", "csv", "jsonl", "html":
	case "parquet":
		if c.out == "" && c.tables == "" {
			return nil, &usageError{"-format parquet needs -out FILE"}
		}
	default:
		return nil, &usageError{fmt.Sprintf("-format %q: want table, csv, jsonl, parquet or html", c.format)}
	}
	switch {
	case topSet && c.top < 0:
		return nil, &usageError{fmt.Sprintf("-top %d: want 0 or more", c.top)}
	case !topSet && (c.format == "table" || c.format == "html"):
		c.top = 20
	case !topSet:
		c.top = 0
	}
	if c.minRelevance < 0 || c.minRelevance > 1 {
		return nil, &usageError{fmt.Sprintf("-min-relevance %v: want 0 to 1", c.minRelevance)}
	}
	if c.workers < 0 {
		return nil, &usageError{fmt.Sprintf("-workers %d: want 0 or more", c.workers)}
	}
	if c.recent < 0 || (c.recent > 0 && !c.bounded) {
		return nil, &usageError{fmt.Sprintf("-recent %d: want 0 or more, with -bounded", c.recent)}
	}
	if c.bounded && c.novelty != "" {
		return nil, &usageError{"-novelty needs every article: it does not combine with -bounded"}
	}
	if c.plot != "" && !strings.EqualFold(filepath.Ext(c.plot), ".png") {
		return nil, &usageError{fmt.Sprintf("-plot %q: want a .png file", c.plot)}
	}
	if len(c.inputs) == 0 && len(c.merge) == 0 {
		files, err := sampleArticles("testdata")
		if err != nil || len(files) == 0 {
			return nil, &usageError{"no inputs given and no testdata folder here: run from the module root or name the inputs"}
		}
		c.inputs = files
	}
	return c, nil
}

func parseDay(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, s, beijing)
	if err != nil {
		return time.Time{}, &usageError{fmt.Sprintf("%s %q: want a date YYYY-MM-DD", name, s)}
	}
	return t, nil
}

// run is the program; it returns the exit status (see package cli): 2
// for a usage error, 1 when the run failed or any input failed (the
// table is still written, without it), 0 otherwise.
func run(args []string, stdout, stderr io.Writer) int {
	c, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cli.ExitOK
		}
		fmt.Fprintln(stderr, "coverage:", err)
		return cli.ExitUsage
	}
	cov, failed, err := collect(c, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "coverage:", err)
		return cli.ExitFailed
	}
	if err := write(c, cov, stdout); err != nil {
		fmt.Fprintln(stderr, "coverage:", err)
		return cli.ExitFailed
	}
	if err := writeTables(c, stderr); err != nil {
		fmt.Fprintln(stderr, "coverage:", err)
		return cli.ExitFailed
	}
	if failed > 0 {
		return cli.ExitFailed
	}
	return cli.ExitOK
}

// options returns the metrics options of the command line.
func (c *config) options() *metrics.Options {
	o := &metrics.Options{Location: beijing, MinRelevance: c.minRelevance}
	if c.bounded {
		o.Recent = c.recent
		if o.Recent == 0 {
			o.Recent = metrics.DefaultRecent
		}
	}
	if c.cutoff {
		o.Cutoff = metrics.MarketClose
	}
	if !c.to.IsZero() {
		// Evaluate windows on the last day asked for, even if it is quiet.
		o.AsOf = c.to.AddDate(0, 0, -1)
	}
	return o
}

// collect analyses the inputs and merges the saved accumulators. It
// names each failed input on stderr, ends with a summary line there, and
// returns the number of failed inputs.
func collect(c *config, stderr io.Writer) (*metrics.Coverage, int, error) {
	master, err := loadMasters(c.masters, stderr)
	if err != nil {
		return nil, 0, err
	}
	acc := metrics.New(c.options())
	for _, path := range c.merge {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, 0, fmt.Errorf("-merge: %w", err)
		}
		// A shard saved with the same -bounded, -close and -min-relevance.
		part := metrics.New(c.options())
		err = part.UnmarshalBinary(data)
		if err == nil {
			err = acc.Merge(part)
		}
		if err != nil {
			return nil, 0, fmt.Errorf("-merge %s: %w", path, err)
		}
	}
	c.builder = c.newTableBuilder()
	failed := 0
	if len(c.inputs) > 0 {
		z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Master: master, NoEntities: !c.entities})
		if err != nil {
			return nil, 0, err
		}
		files := batch.ExpandInputs(c.inputs)
		rep := cli.NewReporter("coverage", stderr, cli.Total(files), c.quiet)
		p := batch.NewPipeline(z.Article, &batch.PipelineOptions{Workers: c.workers, Read: rep.Read})
		err = p.Run(context.Background(), batch.Inputs(files...), func(an stocknews.Analysis) error {
			rep.Record(&an)
			if c.keep(&an) {
				acc.Add(&an)
				if c.builder != nil {
					c.builder.Add(&an)
				}
			}
			return nil
		})
		rep.Close()
		if err != nil {
			return nil, 0, err
		}
		failed = rep.Failed()
	}
	if c.save != "" {
		data, err := acc.MarshalBinary()
		if err == nil {
			err = os.WriteFile(c.save, data, 0o644)
		}
		if err != nil {
			return nil, 0, fmt.Errorf("-save: %w", err)
		}
	}
	return acc, failed, nil
}

// keep applies -from and -to. Failed analyses are kept (to be counted);
// undated articles are dropped when a date range is given.
func (c *config) keep(an *stocknews.Analysis) bool {
	if an.Err != nil || (c.from.IsZero() && c.to.IsZero()) {
		return true
	}
	t := an.Article.Published
	if t.IsZero() {
		return false
	}
	if !c.from.IsZero() && t.Before(c.from) {
		return false
	}
	return c.to.IsZero() || t.Before(c.to)
}

// loadMasters merges the files given, which the Analyzer adds to the
// built-in master; nil means the built-in master alone. Bad rows are
// reported on stderr (how many, the first few positions) and skipped.
func loadMasters(paths []string, stderr io.Writer) (*ticker.Master, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	var ms []*ticker.Master
	for _, p := range paths {
		m, err := ticker.LoadMasterFile(p)
		var bad ticker.CSVErrors
		if errors.As(err, &bad) {
			fmt.Fprintf(stderr, "-master %s: %d rows rejected\n", p, len(bad))
			for _, e := range bad[:min(len(bad), 3)] {
				fmt.Fprintln(stderr, "  ", e)
			}
		} else if err != nil {
			return nil, fmt.Errorf("-master: %w", err)
		}
		ms = append(ms, m)
	}
	return ms[0].Merge(ms[1:]...), nil
}

// write writes the table (and the plot) in the format asked for.
func write(c *config, acc *metrics.Coverage, stdout io.Writer) (err error) {
	tab := acc.Table()
	top := tab
	if c.top > 0 {
		top = tab.Top(c.top)
	}
	if c.plot != "" {
		n := c.top
		if n == 0 || n > 10 {
			n = 10 // more lines are unreadable
		}
		png, err := report.PlotPNG(tab, &report.PlotOptions{Top: n})
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.plot, png, 0o644); err != nil {
			return fmt.Errorf("-plot: %w", err)
		}
	}
	if err := writeFile(c.pairs, "-pairs", tab.WritePairsCSV); err != nil {
		return err
	}
	if !acc.Bounded() {
		if err := writeFile(c.novelty, "-novelty", acc.WriteNoveltyJSONL); err != nil {
			return err
		}
	}
	w := stdout
	if c.out != "" {
		f, err := os.Create(c.out)
		if err != nil {
			return fmt.Errorf("-out: %w", err)
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("-out: %w", cerr)
			}
		}()
		w = f
	}
	switch c.format {
	case "csv":
		return top.WriteCSV(w)
	case "jsonl":
		return top.WriteJSONL(w)
	case "parquet":
		if c.out == "" {
			return nil // with -tables and no -out: the tables alone
		}
		return report.WriteParquet(w, top)
	case "html":
		_, err := io.WriteString(w, top.HTML())
		return err
	}
	return writeTable(w, tab, top)
}

// writeFile writes path with fn, when path is set.
func writeFile(path, flag string, fn func(io.Writer) error) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("%s: %w", flag, err)
	}
	err = fn(f)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("%s: %w", flag, cerr)
	}
	return err
}

// writeTable prints a summary line and an aligned table of the top rows.
// The name column comes last: Chinese characters are two cells wide on a
// terminal and tabwriter counts them as one.
func writeTable(w io.Writer, all, top *metrics.Table) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%d articles (%d linked to %d securities, %d unreadable, %d repeats), %d stories",
		all.Articles, all.Linked, len(all.Rows), all.Errors, all.Repeats, all.Stories)
	if !all.AsOf.IsZero() {
		fmt.Fprintf(bw, ", %s to %s", all.Start.Format(time.DateOnly), all.AsOf.Format(time.DateOnly))
	}
	fmt.Fprintln(bw)
	if len(top.Rows) > 0 {
		tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
		heads := metrics.Headers()
		order := make([]int, 0, len(heads))
		for i := range heads {
			if heads[i] != "name" {
				order = append(order, i)
			}
		}
		for i := range heads {
			if heads[i] == "name" {
				order = append(order, i)
			}
		}
		line := func(cells []string) {
			for j, i := range order {
				if j == len(order)-1 {
					fmt.Fprintf(tw, "  %s\n", cells[i])
				} else {
					fmt.Fprintf(tw, "%s\t", cells[i])
				}
			}
		}
		line(heads)
		for _, row := range top.Cells() {
			line(row)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// sampleArticles returns the article files directly in dir, sorted, leaving
// out its subfolders and the golden files beside the articles.
func sampleArticles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.Contains(name, ".golden.") || strings.HasPrefix(name, ".") {
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	return out, nil
}

// Command analyze writes one analysis record (JSON Lines, see
// spec/output.md in the project's documentation) for every input article.
//
// Usage:
//
//	analyze [-master FILE]... [-asof YYYY-MM-DD] [-entities=false] [-workers N] [-q] PATH|GLOB|- ...
//
// A folder is read recursively (.md, .html, .htm, .json, .jsonl, .txt); "-"
// reads a JSON Lines feed from standard input, as does a .jsonl file. The
// records come out in input order; an input that cannot be read, is not an
// article (binary data, a table) or cannot be parsed still gets a record,
// with its error field set, and is named on standard error. A summary line
// on standard error ends the run; while it runs, a progress line (inputs
// done of the total when known, MB read, MB/s, elapsed time) is drawn
// there when it is a terminal, unless -q.
//
// Exit status: 0 when every input was analysed, 1 when any failed (every
// record is still written) or the run failed, 2 for a usage error.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/internal/cli"
	"github.com/stocknews/stocknews/ticker"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the program: it parses args, analyses the inputs and writes the
// records to stdout, naming each failed input on stderr and ending with a
// summary line there. It returns the exit code: 0 when every input was
// analysed, 1 when any input failed (its record is still written) or the
// run failed (a master that cannot be loaded, output that cannot be
// written), 2 on bad usage.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var masters listFlag
	fs.Var(&masters, "master", "security master CSV `FILE` to add to the built-in one (repeatable)")
	withEntities := fs.Bool("entities", true, "extract named entities (loads the segmenter dictionary)")
	workers := fs.Int("workers", 0, "analyse `N` inputs at a time (0: one per CPU)")
	asOf := fs.String("asof", "", "link every article as of `YYYY-MM-DD` instead of its own date")
	quiet := fs.Bool("q", false, "no progress line on a terminal")
	if err := fs.Parse(args); err != nil {
		return cli.ExitUsage
	}
	if fs.NArg() == 0 || *workers < 0 {
		fmt.Fprintln(stderr, "usage: analyze [-master FILE]... [-asof YYYY-MM-DD] [-entities=false] [-workers N] [-q] PATH|GLOB|- ...")
		return cli.ExitUsage
	}
	master, err := loadMasters(masters, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "analyze:", err)
		return cli.ExitFailed
	}
	opts := &stocknews.AnalyzerOptions{Master: master, NoEntities: !*withEntities}
	if *asOf != "" {
		if opts.AsOf, err = time.ParseInLocation(time.DateOnly, *asOf, time.FixedZone("CST", 8*3600)); err != nil {
			fmt.Fprintln(stderr, "analyze: -asof:", err)
			return cli.ExitUsage
		}
	}
	z, err := stocknews.NewAnalyzer(opts)
	if err != nil {
		fmt.Fprintln(stderr, "analyze:", err)
		return cli.ExitFailed
	}
	expanded := batch.ExpandInputs(fs.Args())
	rep := cli.NewReporter("analyze", stderr, cli.Total(expanded), *quiet)
	out := bufio.NewWriterSize(stdout, 256<<10)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	p := batch.NewPipeline(z.Article, &batch.PipelineOptions{Workers: *workers, Read: rep.Read})
	err = p.Run(context.Background(), batch.ReadInputs(stdin, expanded...), func(an stocknews.Analysis) error {
		rep.Record(&an)
		return enc.Encode(an.Record())
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		rep.Printf("%v", err)
		rep.Close()
		return cli.ExitFailed
	}
	rep.Close()
	return rep.ExitCode()
}

// loadMasters merges the files given, which the Analyzer adds to the
// built-in master; nil means the built-in master alone. Bad rows are
// reported on stderr (how many, the first few positions) and skipped.
func loadMasters(paths []string, stderr io.Writer) (*ticker.Master, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	ms := make([]*ticker.Master, 0, len(paths))
	for _, p := range paths {
		m, err := ticker.LoadMasterFile(p)
		if err = rejected(stderr, p, err); err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms[0].Merge(ms[1:]...), nil
}

// rejected reports the bad rows of a master file and returns nil, or
// returns err when the file could not be read at all.
func rejected(w io.Writer, path string, err error) error {
	var bad ticker.CSVErrors
	if !errors.As(err, &bad) {
		return err
	}
	fmt.Fprintf(w, "-master %s: %d rows rejected\n", path, len(bad))
	for _, e := range bad[:min(len(bad), 3)] {
		fmt.Fprintln(w, "  ", e)
	}
	return nil
}

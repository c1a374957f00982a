// Command analyze writes one analysis record (JSON Lines, see
// spec/output.md in the project's documentation) for every input article.
//
// Usage:
//
//	analyze [-master FILE]... [-asof YYYY-MM-DD] [-entities=false] [-workers N] PATH|GLOB|- ...
//
// A folder is read recursively (.md, .html, .htm, .json, .jsonl, .txt); "-"
// reads a JSON Lines feed from standard input, as does a .jsonl file. The
// records come out in input order; an unreadable input still gets a record,
// with its error field set.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/ticker"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the program: it parses args, analyses the inputs and writes the
// records to stdout. It returns the exit code: 0 when every input got its
// record (even an error record), 1 on a failure to write or load a master,
// 2 on bad usage.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var masters listFlag
	fs.Var(&masters, "master", "security master CSV `FILE` to add to the built-in one (repeatable)")
	withEntities := fs.Bool("entities", true, "extract named entities (loads the segmenter dictionary)")
	workers := fs.Int("workers", 0, "analyse `N` inputs at a time (0: one per CPU)")
	asOf := fs.String("asof", "", "link every article as of `YYYY-MM-DD` instead of its own date")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: analyze [-master FILE]... [-asof YYYY-MM-DD] [-entities=false] [-workers N] PATH|GLOB|- ...")
		return 2
	}
	master, err := loadMasters(masters, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "analyze:", err)
		return 1
	}
	opts := &stocknews.AnalyzerOptions{Master: master, NoEntities: !*withEntities}
	if *asOf != "" {
		if opts.AsOf, err = time.ParseInLocation(time.DateOnly, *asOf, time.FixedZone("CST", 8*3600)); err != nil {
			fmt.Fprintln(stderr, "analyze: -asof:", err)
			return 2
		}
	}
	z, err := stocknews.NewAnalyzer(opts)
	if err != nil {
		fmt.Fprintln(stderr, "analyze:", err)
		return 1
	}
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	p := stocknews.NewPipeline(z.Article, &stocknews.PipelineOptions{Workers: *workers})
	err = p.Run(context.Background(), inputs(fs.Args(), stdin), func(an stocknews.Analysis) error {
		return enc.Encode(an.Record())
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(stderr, "analyze:", err)
		return 1
	}
	return 0
}

// inputs lists the inputs named by args, reading "-" from stdin.
func inputs(args []string, stdin io.Reader) iter.Seq[stocknews.Input] {
	return func(yield func(stocknews.Input) bool) {
		for _, a := range args {
			seq := stocknews.Inputs(a)
			if a == "-" {
				seq = stocknews.ReaderInputs("-", stdin)
			}
			for in := range seq {
				if !yield(in) {
					return
				}
			}
		}
	}
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

// Command analyze writes one analysis record (JSON Lines, see
// spec/output.md in the project's documentation) for every input article.
//
// Usage:
//
//	analyze [-master FILE]... [-entities=false] [-workers N] PATH|GLOB|- ...
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
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/ticker"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	var masters listFlag
	flag.Var(&masters, "master", "security master CSV `FILE` to add to the built-in one (repeatable)")
	withEntities := flag.Bool("entities", true, "extract named entities (loads the segmenter dictionary)")
	workers := flag.Int("workers", 0, "analyse `N` inputs at a time (0: one per CPU)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: analyze [-master FILE]... [-entities=false] [-workers N] PATH|GLOB|- ...")
		os.Exit(2)
	}
	master, err := loadMasters(masters)
	if err != nil {
		fmt.Fprintln(os.Stderr, "analyze:", err)
		os.Exit(1)
	}
	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Master: master, NoEntities: !*withEntities})
	if err != nil {
		fmt.Fprintln(os.Stderr, "analyze:", err)
		os.Exit(1)
	}
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	p := stocknews.NewPipeline(z.Article, &stocknews.PipelineOptions{Workers: *workers})
	err = p.Run(context.Background(), stocknews.Inputs(flag.Args()...), func(an stocknews.Analysis) error {
		return enc.Encode(an.Record())
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "analyze:", err)
		os.Exit(1)
	}
}

// loadMasters merges the built-in master with the files given; nil means
// the built-in master alone.
func loadMasters(paths []string) (*ticker.Master, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	ms := make([]*ticker.Master, 0, len(paths))
	for _, p := range paths {
		m, err := ticker.LoadMasterFile(p)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ticker.DefaultMaster().Merge(ms...), nil
}

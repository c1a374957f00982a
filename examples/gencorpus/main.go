// Command gencorpus writes a deterministic synthetic corpus of Chinese
// financial news in the real source formats, for benchmarks and scale runs.
//
//	gencorpus -n 100000 -out DIR              one file per article (sharded by 10,000)
//	gencorpus -n 1000000 -out corpus.jsonl.gz one JSON record per line, gzip-compressed
//	gencorpus -n 1000 -out -                  JSON Lines on standard output
//
// The same -seed and -n always give the same bytes.
package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/stocknews/stocknews/internal/gencorpus"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("out", "", "output: a directory, a .jsonl or .jsonl.gz file, or - for JSON Lines on stdout")
	formats := flag.String("formats", "", "comma-separated formats (flash,long,hexo-codes,hexo-stcn,hexo-sina); empty means the default mix")
	flag.Parse()
	if *out == "" || *n < 0 {
		flag.Usage()
		os.Exit(2)
	}
	opts := &gencorpus.Options{}
	if *formats != "" {
		for _, name := range strings.Split(*formats, ",") {
			f, ok := parseFormat(strings.TrimSpace(name))
			if !ok {
				fmt.Fprintf(os.Stderr, "gencorpus: unknown format %q\n", name)
				os.Exit(2)
			}
			opts.Formats = append(opts.Formats, f)
		}
	}
	g := gencorpus.New(*seed, opts)
	var err error
	switch {
	case *out == "-" || strings.HasSuffix(*out, ".jsonl") || strings.HasSuffix(*out, ".jsonl.gz"):
		err = writeJSONL(g, *n, *out)
	default:
		err = writeDir(g, *n, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func parseFormat(s string) (gencorpus.Format, bool) {
	for f := gencorpus.FlashItem; f <= gencorpus.HexoSina; f++ {
		if f.String() == s {
			return f, true
		}
	}
	return 0, false
}

func writeJSONL(g *gencorpus.Generator, n int, path string) (err error) {
	var w io.Writer = os.Stdout
	if path != "-" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, f.Close()) }()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	w = bw
	var zw *gzip.Writer
	if strings.HasSuffix(path, ".gz") {
		zw = gzip.NewWriter(bw)
		w = zw
	}
	var line []byte
	for i := range n {
		d := g.Doc(i)
		line = d.AppendJSON(line[:0])
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func writeDir(g *gencorpus.Generator, n int, dir string) error {
	made := map[string]bool{}
	for i := range n {
		d := g.Doc(i)
		name := filepath.FromSlash(d.Name)
		if n > 20000 { // keep folders small enough for file browsers and shells
			name = filepath.Join(fmt.Sprintf("%04d", i/10000), name)
		}
		path := filepath.Join(dir, name)
		if sub := filepath.Dir(path); !made[sub] {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
			made[sub] = true
		}
		if err := os.WriteFile(path, d.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

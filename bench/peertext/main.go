// Command peertext writes the sentences that the claim extractor and the
// Recognizers-Text peer are both benchmarked on, one document per line:
//
//	peertext -gen 500 -out FILE        plain-text bodies of generated articles
//	peertext -corpus DIR -out FILE     the plain text of each article under DIR
//
// The files are written for a benchmark run and are not kept.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/internal/gencorpus"
)

func main() {
	gen := flag.Int("gen", 0, "write the texts of this many generated articles")
	corpus := flag.String("corpus", "", "write the texts of the articles under this folder")
	out := flag.String("out", "", "output file")
	flag.Parse()
	if *out == "" || (*gen == 0) == (*corpus == "") {
		fmt.Fprintln(os.Stderr, "usage: peertext (-gen N | -corpus DIR) -out FILE")
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "peertext:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(f)
	write := func(name string, data []byte) {
		a, err := stocknews.Parse(name, data, nil)
		if err != nil {
			return
		}
		// one document per line: paragraphs joined without the newlines
		w.WriteString(strings.ReplaceAll(a.Text, "\n", " "))
		w.WriteByte('\n')
	}
	if *gen > 0 {
		gencorpus.Generate(7, *gen, write)
	} else {
		for _, p := range batch.ExpandInputs([]string{*corpus}) {
			data, err := os.ReadFile(p)
			if err == nil {
				write(p, data)
			}
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "peertext:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "peertext:", err)
		os.Exit(1)
	}
}

// Command genmaster writes the built-in master of package ticker from the
// reference lists; go generate in ticker runs it:
//
//	genmaster -ref ../../shared/reference -facts data/facts.csv -out data/master.tsv.gz
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/stocknews/stocknews/ticker/internal/mastergen"
)

func main() {
	ref := flag.String("ref", "../../shared/reference", "folder of the reference lists")
	facts := flag.String("facts", "data/facts.csv", "hand-kept facts table")
	out := flag.String("out", "data/master.tsv.gz", "output file")
	flag.Parse()
	f, err := os.ReadFile(*facts)
	if err == nil {
		var data []byte
		if data, err = mastergen.Generate(*ref, f); err == nil {
			err = os.WriteFile(*out, data, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genmaster:", err)
		os.Exit(1)
	}
}

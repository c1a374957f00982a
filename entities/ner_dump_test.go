package entities

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDumpCorpusEntities prints the entities of every corpus article when
// STOCKNEWS_DUMP_ENTITIES is set (full or finance), for review by eye.
func TestDumpCorpusEntities(t *testing.T) {
	mode := os.Getenv("STOCKNEWS_DUMP_ENTITIES")
	if mode == "" {
		t.Skip("set STOCKNEWS_DUMP_ENTITIES=full or =finance to print corpus entities")
	}
	keys, texts := nerCorpusTexts(t)
	opts := &Options{FinanceOnly: mode == "finance"}
	if os.Getenv("STOCKNEWS_DUMP_NAMES") != "" {
		// Short names of every A-share, as the stocknews package would pass
		// from its master.
		b, err := os.ReadFile(filepath.Join(nerSharedDir(t), "reference", "all_code.csv"))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n")[1:] {
			if f := strings.Split(line, ","); len(f) > 1 {
				opts.Names = append(opts.Names, f[1])
			}
		}
	}
	x, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		var parts []string
		for _, e := range x.Entities(texts[k]) {
			parts = append(parts, e.Text+"/"+e.Kind.String()[:3])
		}
		fmt.Printf("== %s\n%s\n", k, strings.Join(parts, " "))
	}
}

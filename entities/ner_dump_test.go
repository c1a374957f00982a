package entities

import (
	"fmt"
	"os"
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
	x, err := New(&Options{FinanceOnly: mode == "finance"})
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

package entities

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/ner")

// goldenEntity is the JSON form of an Entity in the golden files, as in the
// analysis record (spec/output.md).
type goldenEntity struct {
	Text  string `json:"text"`
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// TestGolden runs both extractors over the synthetic articles in
// testdata/ner and compares with <name>.<mode>.golden.json; -update
// rewrites them (review the diff by eye before committing).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "ner", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	modes := []struct {
		name string
		opts *Options
	}{{"finance", &Options{FinanceOnly: true}}, {"full", nil}}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			if m.opts == nil && testing.Short() {
				t.Skip("skipping gse's full dictionary in -short mode")
			}
			x, err := New(m.opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				in, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				text := string(in)
				var got []goldenEntity
				for _, e := range x.Entities(text) {
					got = append(got, goldenEntity{e.Text, e.Kind.String(), e.Start, e.End})
				}
				checkSpans(t, text, x.Entities(text))
				b, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				b = append(b, '\n')
				golden := strings.TrimSuffix(f, ".txt") + "." + m.name + ".golden.json"
				if *updateGolden {
					if err := os.WriteFile(golden, b, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -run TestGolden -update)", err)
				}
				if string(want) != string(b) {
					t.Errorf("%s: entities differ from %s:\n%s", f, golden, b)
				}
			}
		})
	}
}

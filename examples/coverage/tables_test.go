package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/stocknews/stocknews/metrics/report"
)

// -tables writes the four long tables, as Parquet by default and as CSV
// with -format csv; the articles table has a row per input.
func TestTablesFlag(t *testing.T) {
	root := moduleRoot(t)
	files, err := sampleArticles(filepath.Join(root, "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"parquet", "csv"} {
		dir := t.TempDir()
		args := []string{"-tables", dir}
		if format == "csv" {
			args = append(args, "-format", "csv")
		}
		runOK(t, append(args, files...)...)
		for _, name := range report.TableNames {
			if st, err := os.Stat(filepath.Join(dir, name+"."+format)); err != nil || st.Size() == 0 {
				t.Errorf("%s %s: %v", format, name, err)
			}
		}
		if format != "csv" {
			continue
		}
		f, err := os.Open(filepath.Join(dir, "articles.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		// One row per input: a file, or a line of a feed, so at least one
		// per file.
		if len(rows)-1 < len(files) {
			t.Errorf("articles.csv: %d rows for %d input files", len(rows)-1, len(files))
		}
	}
}

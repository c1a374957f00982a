// Package mastergen generates the built-in security master of package
// ticker from the reference lists (the A-share list all_code.csv, the Hong
// Kong lists under hk/, the US exchange lists under us/) and the hand-kept
// facts table ticker/data/facts.csv. Run it with go generate in ticker.
//
// The output is a gzip file of a tab-separated file in the generic layout
// of ticker.LoadCSV, one security per line, sorted by symbol, with names
// already normalised. It carries only what linking needs: codes, names,
// list and delisting dates, former names and symbols; no prices.
package mastergen

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stocknews/stocknews/ticker"
)

// Header is the header row of the generated file.
var Header = []string{"symbol", "name", "full_name", "english_name", "aliases", "former_names", "list_date", "delist_date", "former_symbols"}

// Generate reads the reference lists under ref and the facts table, and
// returns the master as a gzip file.
func Generate(ref string, facts []byte) ([]byte, error) {
	a, err := ticker.LoadMasterFile(filepath.Join(ref, "all_code.csv"))
	if err != nil {
		return nil, err
	}
	hk, err := hongKong(filepath.Join(ref, "hk"))
	if err != nil {
		return nil, err
	}
	f, err := ticker.LoadCSV(bytes.NewReader(facts), &ticker.CSVOptions{Name: "data/facts.csv"})
	if err != nil {
		return nil, err
	}
	us, err := unitedStates(filepath.Join(ref, "us"), f)
	if err != nil {
		return nil, err
	}
	m := a.Merge(ticker.NewMaster(hk), ticker.NewMaster(us), f)
	return encode(m)
}

// encode writes m as the generated file.
func encode(m *ticker.Master) ([]byte, error) {
	secs := m.All()
	slices.SortFunc(secs, func(x, y ticker.Security) int { return strings.Compare(x.Symbol.String(), y.Symbol.String()) })
	var buf bytes.Buffer
	// Stored, not compressed: the master is read at every start, and
	// inflating it cost more than all the rest of reading it. The gzip
	// frame keeps the CRC check; the binary is 400 KB larger.
	zw, err := gzip.NewWriterLevel(&buf, gzip.NoCompression)
	if err != nil {
		return nil, err
	}
	w := &tsvWriter{w: zw}
	w.Write(Header)
	for _, s := range secs {
		var syms []string
		for _, f := range s.FormerSymbols {
			syms = append(syms, f.Symbol.String()+"@"+f.Span.String())
		}
		rec := []string{s.Symbol.String(), s.Name, s.FullName, s.EnglishName,
			datedList(s, s.Aliases), datedList(s, s.FormerNames), s.ListDate, s.DelistDate, strings.Join(syms, "|")}
		w.Write(rec)
	}
	if w.err != nil {
		return nil, w.err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// datedList writes names as a "|" list, each with its span when dated.
func datedList(s ticker.Security, names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		for _, d := range s.Dated {
			if d.Name == n && d.Span != (ticker.Span{}) {
				out[i] = n + "@" + d.Span.String()
			}
		}
	}
	return strings.Join(out, "|")
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// tsvWriter writes tab-separated rows without quoting; a field holding a
// tab or a line break is an error.
type tsvWriter struct {
	w   io.Writer
	err error
}

func (t *tsvWriter) Write(rec []string) {
	for _, f := range rec {
		if strings.ContainsAny(f, "\t\r\n") && t.err == nil {
			t.err = fmt.Errorf("mastergen: field %q holds a tab or a line break", f)
		}
	}
	if t.err == nil {
		_, t.err = io.WriteString(t.w, strings.Join(rec, "\t")+"\n")
	}
}

package ticker

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"sync"
)

//go:generate go run ./internal/mastergen/genmaster -ref ../../shared/reference -facts data/facts.csv -out data/master.tsv.gz

// DataVersion is the date of the newest facts in the built-in master: the
// US exchange lists of that day. The A-share list is of 2025-08-07, the
// Hong Kong lists of 2025-04 and 2026-06 (see the README). An article
// without a date is linked as of this day.
const DataVersion = "2026-08-22"

// builtinData is the generated master (data/master.tsv.gz): the
// reference lists and data/facts.csv, merged by internal/mastergen.
//
//go:embed data/master.tsv.gz
var builtinData []byte

var defaultMaster = builtin{once: sync.OnceValue(loadBuiltin)}

// builtin is the lazily loaded built-in master.
type builtin struct{ once func() *Master }

func (b builtin) get() *Master { return b.once() }

// load parses the embedded master afresh (for benchmarks).
func (builtin) load() *Master { return loadBuiltin() }

func loadBuiltin() *Master {
	zr, err := gzip.NewReader(bytes.NewReader(builtinData))
	if err == nil {
		var m *Master
		m, err = LoadCSV(zr, &CSVOptions{Name: "data/master.tsv.gz", Comma: '\t', Layout: LayoutGeneric})
		if err == nil {
			return m
		}
	}
	// The embedded file is checked by the tests; a failure here is a
	// build defect, not bad input.
	panic(err)
}

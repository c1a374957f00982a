package ticker

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"sync"
	"unsafe"
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
	m, err := decodeBuiltin(builtinData)
	if err != nil {
		// The embedded file is checked by the tests; a failure here is a
		// build defect, not bad input.
		panic(err)
	}
	return m
}

// builtinHeader is the header row of data/master.tsv.gz.
const builtinHeader = "symbol\tname\tfull_name\tenglish_name\taliases\tformer_names\tlist_date\tdelist_date\tformer_symbols"

// decodeBuiltin reads the generated master: gzip, then one security per
// line, tab-separated fields in the order of builtinHeader, names already
// normalised (so no NFKC pass), lists separated by "|", dated items as
// ITEM@FROM~TO. It is the generic layout of LoadCSV without quoting, read
// by hand because it is read at every start.
func decodeBuiltin(gz []byte) (*Master, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	text, err := readAllString(zr, gzipSize(gz))
	if err != nil {
		return nil, err
	}
	header, text, _ := strings.Cut(text, "\n")
	if header != builtinHeader {
		return nil, &CSVError{File: "data/master.tsv.gz", Line: 1, Input: header, Err: ErrLayout}
	}
	n := strings.Count(text, "\n")
	m := &Master{bySym: make(map[Symbol]int, n), secs: make([]Security, 0, n)}
	var f [9]string
	for line := 2; text != ""; line++ {
		var row string
		row, text, _ = strings.Cut(text, "\n")
		rest := row
		for i := range f {
			f[i], rest, _ = strings.Cut(rest, "\t")
		}
		sec, err := builtinRow(f)
		if err != nil {
			return nil, &CSVError{File: "data/master.tsv.gz", Line: line, Input: row, Err: err}
		}
		m.addNormalized(sec)
	}
	m.index()
	return m, nil
}

// builtinRow builds the security of one row of the generated master.
func builtinRow(f [9]string) (Security, error) {
	sym, err := Parse(f[0])
	if err != nil {
		return Security{}, err
	}
	s := Security{Symbol: sym, Name: f[1], FullName: f[2], EnglishName: f[3], ListDate: f[6], DelistDate: f[7]}
	var bad string
	s.Aliases, s.Dated, bad = splitNames(f[4], nil)
	if bad == "" {
		s.FormerNames, s.Dated, bad = splitNames(f[5], s.Dated)
	}
	if bad == "" {
		s.FormerSymbols, bad = splitSymbols(f[8])
	}
	if bad != "" {
		return Security{}, fmt.Errorf("%w: %q", ErrRecord, bad)
	}
	return s, nil
}

// gzipSize returns the size of the decompressed data that the trailer of
// the gzip member gz records (modulo 2³²), or 0 when gz is too short.
func gzipSize(gz []byte) int {
	if len(gz) < 18 {
		return 0
	}
	return int(binary.LittleEndian.Uint32(gz[len(gz)-4:]))
}

// readAllString reads r to the end into one string, sized for size bytes
// so that a correct size costs one allocation and no copy. The string
// shares the buffer, which nothing else references or writes.
func readAllString(r io.Reader, size int) (string, error) {
	buf := make([]byte, 0, size+1) // +1: the read that sees io.EOF needs room
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return unsafe.String(unsafe.SliceData(buf), len(buf)), nil
		}
		if err != nil {
			return "", err
		}
	}
}

package ticker

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
)

// Errors of the master loaders. They are wrapped in a [*CSVError] that says
// where they occurred.
var (
	// ErrLayout means the header row is not one of the layouts LoadCSV knows.
	ErrLayout = errors.New("unknown master layout")
	// ErrRecord means a row lacks a field the layout requires or has the
	// wrong number of fields.
	ErrRecord = errors.New("bad master record")
	// ErrCode means a row's code or exchange is not a valid security code.
	ErrCode = errors.New("bad security code")
)

// CSVError is one problem in a master file: where it is and what it is.
// It unwraps to one of ErrLayout, ErrRecord, ErrCode or a csv.ParseError.
type CSVError struct {
	File  string // CSVOptions.Name, or "" when none was given
	Line  int    // 1-based line of the record
	Input string // the offending field or record, as read
	Err   error
}

func (e *CSVError) Error() string {
	where := e.File
	if where == "" {
		where = "csv"
	}
	if e.Input != "" {
		return fmt.Sprintf("ticker: %s:%d: %v %q", where, e.Line, e.Err, e.Input)
	}
	return fmt.Sprintf("ticker: %s:%d: %v", where, e.Line, e.Err)
}

func (e *CSVError) Unwrap() error { return e.Err }

// CSVErrors lists every bad row of one file, in line order.
type CSVErrors []*CSVError

func (l CSVErrors) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Unwrap returns the individual errors, so that errors.Is and errors.As
// see each of them.
func (l CSVErrors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns l as an error, or nil when l is empty.
func (l CSVErrors) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Layout is a master file layout.
type Layout uint8

// Layouts LoadCSV reads. The zero value, LayoutAuto, detects the layout
// from the header row.
const (
	LayoutAuto Layout = iota
	// LayoutAllCode is the A-share list stock_code,short_name,exchange,list_date
	// (exchange SH, SZ or BJ; list_date YYYY-MM-DD, empty when not listed).
	LayoutAllCode
	// LayoutTushare is tushare's stock_basic export: ts_code,symbol,name,
	// area,industry,… with optional fullname, list_status and list_date
	// (YYYYMMDD) columns. Rows with list_status D are kept without a list
	// date, so that a listed security is preferred.
	LayoutTushare
	// LayoutGeneric is the project's own layout, also used by the built-in
	// master's own facts (data/facts.csv):
	//
	//	symbol,name,full_name,aliases,former_names,list_date,delist_date,english_name,former_symbols
	//
	// Only symbol and name are required, columns may come in any order and
	// unknown columns are ignored. symbol is canonical (600519.SH, 00700.HK,
	// AAPL.US, BK1037.BK) or another convention that names the market
	// (SH600519, 0700.HK); a bare six-digit A-share code is accepted and
	// its exchange inferred from the code, but a ticker without a market
	// (AAPL) is a bad row. aliases and former_names are lists separated by
	// "|"; a name may carry the dates it was in use as NAME@FROM~TO (either
	// bound empty when open: 国泰君安@~2025-04-03, Meta@2021-10-28~).
	// Dates are YYYY-MM-DD, YYYYMMDD or a year alone. former_symbols lists
	// earlier symbols the same way (FB.US@~2022-06-09). Lines starting with
	// # are comments. name may
	// be empty in a row that only adds aliases, former names or a full name
	// to a security named elsewhere (in another row, or in a master this
	// one is merged with).
	LayoutGeneric
	// LayoutNameChange is tushare's namechange export:
	// ts_code,name,start_date,end_date,ann_date,change_reason. Each row
	// dates one short name of a security (end_date empty for the name in
	// use); a master loaded from it is meant to be merged with one that
	// holds the securities.
	LayoutNameChange
)

// CSVOptions configures LoadCSV. The zero value reads a comma-separated
// file, detecting its layout.
type CSVOptions struct {
	Name   string // file name used in errors; "" for none
	Layout Layout // LayoutAuto (zero) detects it from the header
	Comma  rune   // field separator; 0 means ','
}

// LoadMasterFile reads the master file at path with LoadCSV, naming the file
// in errors.
func LoadMasterFile(path string) (*Master, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ticker: %w", err)
	}
	defer f.Close()
	return LoadCSV(f, &CSVOptions{Name: path})
}

// LoadMasterFS reads the master file name from fsys with LoadCSV, naming
// the file in errors.
func LoadMasterFS(fsys fs.FS, name string) (*Master, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("ticker: %w", err)
	}
	defer f.Close()
	return LoadCSV(f, &CSVOptions{Name: name})
}

// LoadCSV reads a security master from a CSV file with a header row in one
// of the layouts [LayoutAllCode], [LayoutTushare] or [LayoutGeneric],
// detected from the header unless opts says which. Names are normalised as
// [Master] describes; a UTF-8 byte-order mark is skipped.
//
// LoadCSV reads every row it can. When some rows are bad it returns the
// master of the good rows and a [CSVErrors] naming each bad row by line; an
// unreadable or unrecognised header returns a nil master.
func LoadCSV(r io.Reader, opts *CSVOptions) (*Master, error) {
	var o CSVOptions
	if opts != nil {
		o = *opts
	}
	cr := csv.NewReader(r)
	if o.Comma != 0 {
		cr.Comma = o.Comma
	}
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = cr.Comma != '\t' // else empty fields would vanish
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			err = fmt.Errorf("%w: empty file", ErrLayout)
		}
		return nil, &CSVError{File: o.Name, Line: 1, Err: err}
	}
	line, _ := cr.FieldPos(0)
	cols := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := cols[h]; !dup {
			cols[h] = i
		}
	}
	layout := o.Layout
	if layout == LayoutAuto {
		layout = detectLayout(cols)
	}
	rd, err := newRowReader(layout, cols)
	if err != nil {
		return nil, &CSVError{File: o.Name, Line: line, Input: strings.Join(header, ","), Err: err}
	}

	m := &Master{bySym: make(map[Symbol]int)}
	var errs CSVErrors
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line := 0
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			errs = append(errs, &CSVError{File: o.Name, Line: line, Err: err})
			if !errors.As(err, &pe) {
				break // an I/O error: nothing more can be read
			}
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		line, _ = cr.FieldPos(0)
		sec, bad, err := rd.read(rec)
		if err != nil {
			errs = append(errs, &CSVError{File: o.Name, Line: line, Input: bad, Err: err})
			continue
		}
		m.add(sec)
	}
	m.index()
	return m, errs.Err()
}

func detectLayout(cols map[string]int) Layout {
	has := func(c string) bool { _, ok := cols[c]; return ok }
	switch {
	case has("ts_code") && has("name") && has("start_date") && has("end_date"):
		return LayoutNameChange
	case has("ts_code") && has("name"):
		return LayoutTushare
	case has("stock_code") && has("short_name"):
		return LayoutAllCode
	case has("symbol") && has("name"):
		return LayoutGeneric
	}
	return LayoutAuto
}

// rowReader turns one record of a known layout into a Security.
type rowReader struct {
	layout                      Layout
	code, name, exch, list      int
	full, aliases, former, stat int
	delist, english, formerSyms int
	start, end                  int // LayoutNameChange
}

func newRowReader(l Layout, cols map[string]int) (*rowReader, error) {
	col := func(names ...string) int {
		for _, n := range names {
			if i, ok := cols[n]; ok {
				return i
			}
		}
		return -1
	}
	rd := &rowReader{layout: l, exch: -1, full: -1, aliases: -1, former: -1, stat: -1, list: col("list_date"),
		delist: col("delist_date"), english: col("english_name", "enname"), formerSyms: col("former_symbols"),
		start: col("start_date"), end: col("end_date")}
	switch l {
	case LayoutAllCode:
		rd.code, rd.name, rd.exch = col("stock_code"), col("short_name"), col("exchange")
	case LayoutTushare:
		rd.code, rd.name, rd.full, rd.stat = col("ts_code"), col("name"), col("fullname"), col("list_status")
	case LayoutNameChange:
		rd.code, rd.name = col("ts_code"), col("name")
	case LayoutGeneric:
		rd.code, rd.name = col("symbol"), col("name")
		rd.full, rd.aliases, rd.former = col("full_name", "fullname"), col("aliases"), col("former_names")
	default:
		return nil, ErrLayout
	}
	if rd.code < 0 || rd.name < 0 {
		return nil, fmt.Errorf("%w: missing code or name column", ErrLayout)
	}
	return rd, nil
}

func csvField(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// read returns the security of rec, or the offending input and an error.
func (rd *rowReader) read(rec []string) (Security, string, error) {
	code, name := csvField(rec, rd.code), csvField(rec, rd.name)
	if code == "" {
		return Security{}, strings.Join(rec, ","), fmt.Errorf("%w: no code", ErrRecord)
	}
	if name == "" && (rd.layout != LayoutGeneric || rd.onlyCode(rec)) {
		return Security{}, strings.Join(rec, ","), fmt.Errorf("%w: no name", ErrRecord)
	}
	var sym Symbol
	var ok bool
	switch rd.layout {
	case LayoutAllCode:
		mk := ParseMarket(csvField(rec, rd.exch))
		if mk == Unknown || mk > BJ {
			ok = false
		} else {
			sym, ok = masterCode(code, mk)
		}
	default:
		sym, ok = parseLoose(code)
	}
	if !ok {
		return Security{}, code, ErrCode
	}
	if rd.layout == LayoutNameChange {
		return rd.nameChange(rec, sym, name)
	}
	sec := Security{
		Symbol:      sym,
		Name:        name,
		FullName:    csvField(rec, rd.full),
		ListDate:    normDate(csvField(rec, rd.list)),
		DelistDate:  normDate(csvField(rec, rd.delist)),
		EnglishName: csvField(rec, rd.english),
	}
	if rd.stat >= 0 && strings.EqualFold(csvField(rec, rd.stat), "D") {
		sec.ListDate = ""
	}
	var bad string
	sec.Aliases, sec.Dated, bad = splitNames(csvField(rec, rd.aliases), sec.Dated)
	if bad == "" {
		sec.FormerNames, sec.Dated, bad = splitNames(csvField(rec, rd.former), sec.Dated)
	}
	if bad == "" {
		sec.FormerSymbols, bad = splitSymbols(csvField(rec, rd.formerSyms))
	}
	if bad != "" {
		return Security{}, bad, fmt.Errorf("%w: bad dated name or symbol", ErrRecord)
	}
	return sec, "", nil
}

// nameChange reads a row of tushare's namechange layout: one dated short
// name, kept as a former name with its span (end_date is the last day).
func (rd *rowReader) nameChange(rec []string, sym Symbol, name string) (Security, string, error) {
	sp := Span{From: normDate(csvField(rec, rd.start))}
	if end := normDate(csvField(rec, rd.end)); end != "" {
		t, err := time.Parse(time.DateOnly, end)
		if err != nil {
			return Security{}, csvField(rec, rd.end), fmt.Errorf("%w: bad end_date", ErrRecord)
		}
		sp.To = t.AddDate(0, 0, 1).Format(time.DateOnly)
	}
	return Security{Symbol: sym, FormerNames: []string{name}, Dated: []DatedName{{Name: name, Span: sp}}}, "", nil
}

// splitNames splits a "|" list of names, each maybe NAME@FROM~TO, adding
// the dated ones to dated. It returns the offending item when one is bad.
// onlyCode reports whether a generic row carries nothing beside its code.
func (rd *rowReader) onlyCode(rec []string) bool {
	for _, i := range []int{rd.aliases, rd.former, rd.full, rd.list, rd.delist, rd.english, rd.formerSyms} {
		if csvField(rec, i) != "" {
			return false
		}
	}
	return true
}

func splitNames(s string, dated []DatedName) ([]string, []DatedName, string) {
	if s == "" {
		return nil, dated, ""
	}
	var out []string
	for _, item := range strings.Split(s, "|") {
		name, sp, ok := parseDatedName(item)
		if !ok || name == "" {
			return nil, dated, item
		}
		out = append(out, name)
		if sp != (Span{}) {
			dated = append(dated, DatedName{Name: name, Span: sp})
		}
	}
	return out, dated, ""
}

// splitSymbols splits a "|" list of SYMBOL@FROM~TO.
func splitSymbols(s string) ([]DatedSymbol, string) {
	if s == "" {
		return nil, ""
	}
	var out []DatedSymbol
	for _, item := range strings.Split(s, "|") {
		code, sp, ok := parseDatedName(item)
		sym, err := Parse(code)
		if !ok || err != nil {
			return nil, item
		}
		out = append(out, DatedSymbol{Symbol: sym, Span: sp})
	}
	return out, ""
}

// normDate turns YYYYMMDD into YYYY-MM-DD and keeps YYYY-MM-DD; anything
// else becomes "".
func normDate(s string) string {
	if len(s) == 4 && digitsOnly(s) {
		return s // the year only
	}
	if len(s) == 8 && digitsOnly(s) {
		return s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' && digitsOnly(s[:4]+s[5:7]+s[8:]) {
		return s
	}
	return ""
}

func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// newCode builds a symbol from a code and a market, checking the code's
// shape for the market and normalising it (Hong Kong codes padded to five
// digits, US tickers upper-cased with class shares joined by "-").
func masterCode(code string, mk Market) (Symbol, bool) {
	code = strings.TrimSpace(code)
	switch mk {
	case SH, SZ, BJ:
		if len(code) != 6 || !digitsOnly(code) {
			return Symbol{}, false
		}
	case HK:
		if !digitsOnly(code) || len(code) > 5 {
			return Symbol{}, false
		}
		code = strings.Repeat("0", 5-len(code)) + code
	case US:
		code = strings.ToUpper(strings.ReplaceAll(code, ".", "-"))
		if code == "" || len(code) > 10 {
			return Symbol{}, false
		}
		for i := 0; i < len(code); i++ {
			c := code[i]
			if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return Symbol{}, false
			}
		}
	case BK:
		if len(code) != 6 || !strings.HasPrefix(strings.ToUpper(code), "BK") || !digitsOnly(code[2:]) {
			return Symbol{}, false
		}
		code = "BK" + code[2:]
	default:
		return Symbol{}, false
	}
	s, err := New(code, mk)
	if err != nil {
		return Symbol{}, false
	}
	return s, true
}

// parseLoose reads a master file's symbol: canonical CODE.MARKET, or any
// other convention [ParseAny] understands (SH600519, 600519.SS, 116.00700,
// a bare six-digit A-share code whose exchange follows from its range).
func parseLoose(s string) (Symbol, bool) {
	s = strings.TrimSpace(s)
	if code, suf, ok := cutLastByte(s, '.'); ok {
		if mk := ParseMarket(suf); mk != Unknown {
			return masterCode(code, mk)
		}
	}
	sym, err := ParseAny(s)
	if err != nil || !sym.IsValid() {
		return Symbol{}, false
	}
	if sym.Market() == US && !strings.ContainsAny(s, ".:") && !strings.HasPrefix(strings.ToUpper(s), "US") {
		return Symbol{}, false // a ticker without a market: not taken for a US one
	}
	return sym, true
}

func cutLastByte(s string, sep byte) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

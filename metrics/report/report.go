// Package report writes and draws what package metrics computes: Parquet
// files (through github.com/parquet-go/parquet-go), CSV files of the long
// tables, and PNG charts of the daily coverage (through gonum.org/v1/plot).
// It holds the heavy dependencies, so that a program that only accumulates
// links package metrics alone.
//
// The files are for pandas, polars, DuckDB and R: column names are the
// snake_case names of the metrics row types, dates are Parquet DATE and
// times TIMESTAMP (UTC-adjusted, milliseconds); in CSV dates are
// YYYY-MM-DD, times RFC 3339 with their offset, NULL an empty cell.
package report

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/stocknews/stocknews/metrics"
)

// WriteParquet writes the table's [metrics.Record] rows as Parquet, with
// the columns of [metrics.Columns].
func WriteParquet(w io.Writer, t *metrics.Table) error {
	if err := parquet.Write(w, t.Records()); err != nil {
		return fmt.Errorf("report: writing parquet: %w", err)
	}
	return nil
}

// Formats of [WriteTables].
const (
	Parquet = "parquet"
	CSV     = "csv"
)

// TableNames are the long tables [WriteTables] writes, each to NAME.parquet
// or NAME.csv.
var TableNames = []string{"articles", "links", "claims", "daily"}

// WriteTables writes the four long tables into dir (created if needed) as
// articles, links, claims and daily, in format [Parquet] or [CSV].
func WriteTables(dir string, t *metrics.Tables, format string) error {
	if format != Parquet && format != CSV {
		return fmt.Errorf("report: table format %q: want parquet or csv", format)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	writers := []func(io.Writer) error{
		func(w io.Writer) error { return writeRows(w, t.Articles, pqArticles, format) },
		func(w io.Writer) error { return writeRows(w, t.Links, pqLinks, format) },
		func(w io.Writer) error { return writeRows(w, t.Claims, slices.Clone, format) },
		func(w io.Writer) error { return writeRows(w, t.Daily, pqDailies, format) },
	}
	for i, name := range TableNames {
		path := filepath.Join(dir, name+"."+format)
		if err := writeFile(path, writers[i]); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	return nil
}

// writeRows writes rows as CSV, or as Parquet in the form pq gives them.
func writeRows[T, P any](w io.Writer, rows []T, pq func([]T) []P, format string) error {
	if format == Parquet {
		return parquet.Write(w, pq(rows))
	}
	return writeCSV(w, rows)
}

// WriteArticlesCSV, WriteLinksCSV, WriteClaimsCSV and WriteDailyCSV write
// one long table as CSV: a header of the column names, then a line per
// row.
func WriteArticlesCSV(w io.Writer, rows []metrics.ArticleRow) error { return writeCSV(w, rows) }

// WriteLinksCSV writes the links table as CSV.
func WriteLinksCSV(w io.Writer, rows []metrics.LinkRow) error { return writeCSV(w, rows) }

// WriteClaimsCSV writes the claims table as CSV.
func WriteClaimsCSV(w io.Writer, rows []metrics.ClaimRow) error { return writeCSV(w, rows) }

// WriteDailyCSV writes the daily panel as CSV.
func WriteDailyCSV(w io.Writer, rows []metrics.DailyRow) error { return writeCSV(w, rows) }

// WriteDailyParquet writes the daily panel as Parquet.
func WriteDailyParquet(w io.Writer, rows []metrics.DailyRow) error {
	return parquet.Write(w, pqDailies(rows))
}

// writeCSV writes rows of a struct type whose fields carry parquet tags:
// the tag names are the header.
func writeCSV[T any](w io.Writer, rows []T) error {
	cw := csv.NewWriter(w)
	typ := reflect.TypeFor[T]()
	header := make([]string, typ.NumField())
	dates := make([]bool, typ.NumField())
	for i := range header {
		tag := typ.Field(i).Tag.Get("parquet")
		name, opts, _ := strings.Cut(tag, ",")
		header[i] = name
		dates[i] = strings.Contains(opts, "date")
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	cells := make([]string, len(header))
	for _, r := range rows {
		v := reflect.ValueOf(r)
		for i := range cells {
			cells[i] = cell(v.Field(i), dates[i])
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return errors.Join(cw.Error())
}

var timeType = reflect.TypeFor[time.Time]()

// cell formats one field: NULL as "", dates as YYYY-MM-DD, times as RFC
// 3339, floats in the shortest form that reads back.
func cell(v reflect.Value, date bool) string {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if v.Type() == timeType {
		t := v.Interface().(time.Time)
		if date {
			return t.Format(time.DateOnly)
		}
		return t.Format(time.RFC3339)
	}
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int64, reflect.Int:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	}
	return fmt.Sprint(v.Interface())
}

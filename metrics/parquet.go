package metrics

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// WriteParquet writes t as an Apache Parquet file: one row group, one
// uncompressed PLAIN-encoded data page per column, with the columns of
// [Columns] and [Record]. Strings are UTF8 byte arrays, counts INT64,
// ratios DOUBLE, first_seen and last_seen INT64 timestamps in milliseconds
// (UTC-adjusted); media_hhi, abnormal, abnormal_z and the timestamps are
// optional (null when undefined). pandas (pyarrow), polars and
// github.com/parquet-go/parquet-go read it.
//
// The writer is written here, about two hundred lines of the Parquet
// format and Thrift's compact protocol, because the Parquet modules for Go
// link net/http, which the library must not import.
func (t *Table) WriteParquet(w io.Writer) error {
	recs := t.Records()
	cols := parquetColumns(recs)
	pw := &countingWriter{w: w}
	pw.write([]byte("PAR1"))
	chunks := make([]columnChunkMeta, len(cols))
	for i, c := range cols {
		page := c.page(len(recs))
		header := thriftPageHeader(len(recs), len(page), c.optional)
		chunks[i] = columnChunkMeta{
			col:    c,
			offset: pw.n,
			size:   int64(len(header) + len(page)),
		}
		pw.write(header)
		pw.write(page)
	}
	meta := thriftFileMetaData(cols, chunks, len(recs))
	pw.write(meta)
	var tail [8]byte
	binary.LittleEndian.PutUint32(tail[:4], uint32(len(meta)))
	copy(tail[4:], "PAR1")
	pw.write(tail[:])
	if pw.err != nil {
		return fmt.Errorf("metrics: writing Parquet: %w", pw.err)
	}
	return nil
}

type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) write(b []byte) {
	if c.err != nil {
		return
	}
	n, err := c.w.Write(b)
	c.n += int64(n)
	c.err = err
}

// Parquet physical types, converted types and encodings used here.
const (
	pqInt64     = 2
	pqDouble    = 5
	pqByteArray = 6

	pqRequired = 0
	pqOptional = 1

	pqConvertedUTF8       = 0
	pqConvertedTimeMillis = 9

	pqEncodingPlain = 0
	pqEncodingRLE   = 3
)

// pqColumn is one column's schema and values. For an optional column,
// defined says which rows have a value; values hold only those.
type pqColumn struct {
	name      string
	typ       int32
	optional  bool
	converted int32 // -1: none
	timestamp bool  // a TIMESTAMP(MILLIS, UTC) logical type
	defined   []bool
	values    []byte // PLAIN-encoded values of the defined rows
}

func parquetColumns(recs []Record) []*pqColumn {
	names := Columns()
	cols := make([]*pqColumn, len(names))
	for i, n := range names {
		cols[i] = &pqColumn{name: n, converted: -1}
	}
	for ri := range recs {
		r := &recs[ri]
		i := 0
		str := func(s string) {
			s = strings.ToValidUTF8(s, "\uFFFD") // the column is UTF8
			c := cols[i]
			c.typ, c.converted = pqByteArray, pqConvertedUTF8
			c.values = binary.LittleEndian.AppendUint32(c.values, uint32(len(s)))
			c.values = append(c.values, s...)
			i++
		}
		i64 := func(v int64) {
			c := cols[i]
			c.typ = pqInt64
			c.values = binary.LittleEndian.AppendUint64(c.values, uint64(v))
			i++
		}
		f64 := func(v float64) {
			c := cols[i]
			c.typ = pqDouble
			c.values = binary.LittleEndian.AppendUint64(c.values, math.Float64bits(v))
			i++
		}
		optF64 := func(p *float64) {
			c := cols[i]
			c.typ, c.optional = pqDouble, true
			c.defined = append(c.defined, p != nil)
			if p != nil {
				c.values = binary.LittleEndian.AppendUint64(c.values, math.Float64bits(*p))
			}
			i++
		}
		optTime := func(p *time.Time) {
			c := cols[i]
			c.typ, c.optional, c.converted, c.timestamp = pqInt64, true, pqConvertedTimeMillis, true
			c.defined = append(c.defined, p != nil)
			if p != nil {
				c.values = binary.LittleEndian.AppendUint64(c.values, uint64(p.UnixMilli()))
			}
			i++
		}
		str(r.Symbol)
		str(r.Name)
		i64(r.Articles)
		i64(r.Mentions)
		f64(r.RelevanceWeighted)
		i64(r.TitleArticles)
		i64(r.Claims)
		optTime(r.FirstSeen)
		optTime(r.LastSeen)
		i64(r.ActiveDays)
		i64(r.Media)
		optF64(r.MediaHHI)
		f64(r.ShareOfVoice)
		i64(r.Novel)
		i64(r.Repeated)
		i64(r.Articles1D)
		i64(r.Articles7D)
		i64(r.Articles30D)
		optF64(r.Abnormal)
		optF64(r.AbnormalZ)
		i64(r.Heat)
		i64(r.Degree)
		f64(r.PageRank)
		str(r.TopPairs)
	}
	if len(recs) == 0 {
		// Types still come from the record layout.
		parquetColumnsTypes(cols)
	}
	return cols
}

// parquetColumnsTypes sets the column types of an empty table, by writing
// and dropping one zero row.
func parquetColumnsTypes(cols []*pqColumn) {
	probe := parquetColumns([]Record{{}})
	for i, c := range probe {
		cols[i].typ, cols[i].optional, cols[i].converted, cols[i].timestamp = c.typ, c.optional, c.converted, c.timestamp
	}
}

// page returns the column's data page body: the definition levels of an
// optional column (RLE runs, bit width 1, with their 4-byte length), then
// the PLAIN values.
func (c *pqColumn) page(rows int) []byte {
	var b []byte
	if c.optional {
		var levels []byte
		for i := 0; i < len(c.defined); {
			j := i
			for j < len(c.defined) && c.defined[j] == c.defined[i] {
				j++
			}
			levels = binary.AppendUvarint(levels, uint64(j-i)<<1) // RLE run header
			if c.defined[i] {
				levels = append(levels, 1)
			} else {
				levels = append(levels, 0)
			}
			i = j
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(len(levels)))
		b = append(b, levels...)
	}
	return append(b, c.values...)
}

type columnChunkMeta struct {
	col    *pqColumn
	offset int64 // of the page header
	size   int64 // header and page
}

// thrift is a writer of Thrift's compact protocol.
type thrift struct {
	b    []byte
	last []int16 // last field id per open struct
}

const (
	tBoolTrue  = 1
	tBoolFalse = 2
	tI32       = 5
	tI64       = 6
	tBinary    = 8
	tList      = 9
	tStruct    = 12
)

func (t *thrift) field(id int16, typ byte) {
	last := t.last[len(t.last)-1]
	if d := id - last; d > 0 && d <= 15 {
		t.b = append(t.b, byte(d)<<4|typ)
	} else {
		t.b = append(t.b, typ)
		t.b = binary.AppendVarint(t.b, int64(id))
	}
	t.last[len(t.last)-1] = id
}

func (t *thrift) begin()      { t.last = append(t.last, 0) }
func (t *thrift) end()        { t.b = append(t.b, 0); t.last = t.last[:len(t.last)-1] }
func (t *thrift) i32(v int32) { t.b = binary.AppendVarint(t.b, int64(v)) }
func (t *thrift) i64(v int64) { t.b = binary.AppendVarint(t.b, v) }
func (t *thrift) str(s string) {
	t.b = binary.AppendUvarint(t.b, uint64(len(s)))
	t.b = append(t.b, s...)
}

func (t *thrift) list(n int, elem byte) {
	if n < 15 {
		t.b = append(t.b, byte(n)<<4|elem)
		return
	}
	t.b = append(t.b, 0xf0|elem)
	t.b = binary.AppendUvarint(t.b, uint64(n))
}

func (t *thrift) fieldI32(id int16, v int32)  { t.field(id, tI32); t.i32(v) }
func (t *thrift) fieldI64(id int16, v int64)  { t.field(id, tI64); t.i64(v) }
func (t *thrift) fieldStr(id int16, s string) { t.field(id, tBinary); t.str(s) }
func (t *thrift) fieldBool(id int16, v bool) {
	if v {
		t.field(id, tBoolTrue)
	} else {
		t.field(id, tBoolFalse)
	}
}

// thriftPageHeader encodes the PageHeader of a v1 data page.
func thriftPageHeader(rows, size int, optional bool) []byte {
	t := &thrift{}
	t.begin()
	t.fieldI32(1, 0) // type: DATA_PAGE
	t.fieldI32(2, int32(size))
	t.fieldI32(3, int32(size))
	t.field(5, tStruct) // data_page_header
	t.begin()
	t.fieldI32(1, int32(rows))
	t.fieldI32(2, pqEncodingPlain)
	t.fieldI32(3, pqEncodingRLE)
	t.fieldI32(4, pqEncodingRLE)
	t.end()
	t.end()
	return t.b
}

// thriftFileMetaData encodes the footer.
func thriftFileMetaData(cols []*pqColumn, chunks []columnChunkMeta, rows int) []byte {
	t := &thrift{}
	t.begin()
	t.fieldI32(1, 1) // version
	t.field(2, tList)
	t.list(len(cols)+1, tStruct)
	// The root of the schema.
	t.begin()
	t.fieldStr(4, "schema")
	t.fieldI32(5, int32(len(cols)))
	t.end()
	for _, c := range cols {
		t.begin()
		t.fieldI32(1, c.typ)
		rep := int32(pqRequired)
		if c.optional {
			rep = pqOptional
		}
		t.fieldI32(3, rep)
		t.fieldStr(4, c.name)
		if c.converted >= 0 {
			t.fieldI32(6, c.converted)
		}
		switch {
		case c.timestamp:
			t.field(10, tStruct) // logicalType
			t.begin()
			t.field(8, tStruct) // TIMESTAMP
			t.begin()
			t.fieldBool(1, true) // isAdjustedToUTC
			t.field(2, tStruct)  // unit
			t.begin()
			t.field(1, tStruct) // MILLIS
			t.begin()
			t.end()
			t.end()
			t.end()
			t.end()
		case c.converted == pqConvertedUTF8:
			t.field(10, tStruct) // logicalType
			t.begin()
			t.field(1, tStruct) // STRING
			t.begin()
			t.end()
			t.end()
		}
		t.end()
	}
	t.fieldI64(3, int64(rows))
	t.field(4, tList) // row_groups
	t.list(1, tStruct)
	t.begin()
	t.field(1, tList) // columns
	t.list(len(chunks), tStruct)
	var total int64
	for _, ch := range chunks {
		total += ch.size
		t.begin()
		t.fieldI64(2, ch.offset) // file_offset
		t.field(3, tStruct)      // meta_data
		t.begin()
		t.fieldI32(1, ch.col.typ)
		t.field(2, tList) // encodings
		t.list(2, tI32)
		t.i32(pqEncodingPlain)
		t.i32(pqEncodingRLE)
		t.field(3, tList) // path_in_schema
		t.list(1, tBinary)
		t.str(ch.col.name)
		t.fieldI32(4, 0) // codec: UNCOMPRESSED
		t.fieldI64(5, int64(rows))
		t.fieldI64(6, ch.size)
		t.fieldI64(7, ch.size)
		t.fieldI64(9, ch.offset) // data_page_offset
		t.end()
		t.end()
	}
	t.fieldI64(2, total)
	t.fieldI64(3, int64(rows))
	t.end()
	t.fieldStr(6, "github.com/stocknews/stocknews/metrics")
	t.end()
	return t.b
}

package metrics_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/stocknews/stocknews/metrics"
)

func corpusTable(t testing.TB) *metrics.Table {
	as, _, _, _ := corpus(t)
	return build(as, nil).Table()
}

func TestColumns(t *testing.T) {
	cols := metrics.Columns()
	if !slices.Equal(cols[:4], []string{"symbol", "name", "articles", "mentions"}) {
		t.Errorf("first columns %v", cols[:4])
	}
	// The JSON keys of a Record are the columns, in order.
	b, _ := json.Marshal(corpusTable(t).Records()[0])
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.Token()
	var keys []string
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var v any
		dec.Decode(&v)
	}
	if !slices.Equal(keys, cols) {
		t.Errorf("JSON keys %v\nwant %v", keys, cols)
	}
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := corpusTable(t).WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || !slices.Equal(rows[0], metrics.Columns()) {
		t.Fatalf("CSV: %v", rows)
	}
	// A: see TestTable. Undefined values (abnormal: 3 days of history) are empty.
	a := rows[1]
	col := func(name string) string { return a[slices.Index(rows[0], name)] }
	for name, want := range map[string]string{
		"symbol": "600519.SH", "name": "贵州茅台", "articles": "3", "mentions": "6",
		"relevance_weighted": "2.2", "first_seen": "2024-03-01T09:00:00+08:00",
		"share_of_voice": "0.5", "abnormal": "", "articles_7d": "3",
		"top_pairs": "00700.HK:1;000001.SZ:1",
	} {
		if got := col(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	if err := corpusTable(t).WriteJSONL(&buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines", len(lines))
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(lines[1]), &m); err != nil {
		t.Fatal(err)
	}
	// B (000001.SZ): 2 articles, its media HHI 1, abnormal null.
	if m["symbol"] != "000001.SZ" || m["articles"] != 2.0 || m["media_hhi"] != 1.0 || m["abnormal"] != nil {
		t.Errorf("line 2: %v", m)
	}
}

func TestHTML(t *testing.T) {
	h := corpusTable(t).HTML()
	for _, want := range []string{"<table", "<th>symbol</th>", "<td>600519.SH</td>", "<td>贵州茅台</td>", "4 articles, 4 linked, 3 stories, 3 securities"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q:\n%s", want, h)
		}
	}
	// Names are escaped.
	tab := corpusTable(t)
	tab.Rows[0].Name = "<b>&"
	if h := tab.HTML(); !strings.Contains(h, "&lt;b&gt;&amp;") {
		t.Error("name not escaped")
	}
}

func TestParquet(t *testing.T) {
	// Records carry parquet tags: a program writes them with parquet-go, and
	// the file reads back with the export columns and values.
	tab := corpusTable(t)
	path := filepath.Join(t.TempDir(), "coverage.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := parquet.Write(f, tab.Records()); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	rf, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	st, _ := rf.Stat()
	pf, err := parquet.OpenFile(rf, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, fl := range pf.Schema().Fields() {
		names = append(names, fl.Name())
	}
	if !slices.Equal(names, metrics.Columns()) {
		t.Errorf("parquet columns %v\nwant %v", names, metrics.Columns())
	}
	if pf.NumRows() != 3 {
		t.Errorf("rows %d, want 3", pf.NumRows())
	}
	rows, err := parquet.Read[metrics.Record](rf, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	a := rows[0]
	if a.Symbol != "600519.SH" || a.Name != "贵州茅台" || a.Articles != 3 || a.Mentions != 6 ||
		a.Abnormal != nil || a.FirstSeen == nil || !a.FirstSeen.Equal(tab.Rows[0].FirstSeen) {
		t.Errorf("row 0 = %+v", a)
	}
	if rows[2].Symbol != "00700.HK" || rows[2].MediaHHI == nil || *rows[2].MediaHHI != 1 {
		t.Errorf("row 2 = %+v", rows[2])
	}
}

func TestWritePairsCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := corpusTable(t).WritePairsCSV(&buf); err != nil {
		t.Fatal(err)
	}
	// See TestTable: C–A (Jaccard 1/3, PMI ln 4/3), then B–A.
	want := "symbol,other,articles,jaccard,pmi\n" +
		"00700.HK,600519.SH,1,0.333333,0.287682\n" +
		"000001.SZ,600519.SH,1,0.25,-0.405465\n"
	if buf.String() != want {
		t.Errorf("pairs CSV:\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestWriteNoveltyJSONL(t *testing.T) {
	as, _, _, _ := corpus(t)
	var buf bytes.Buffer
	if err := build(as, nil).WriteNoveltyJSONL(&buf); err != nil {
		t.Fatal(err)
	}
	// a1, a2 (a1's story, within 24 h: 75), a3, then undated a4.
	want := `{"id":"a1.md","published":"2024-03-01T09:00:00+08:00","story":"a1.md","k":1,"score":100}
{"id":"a2.md","published":"2024-03-01T16:00:00+08:00","story":"a1.md","k":2,"score":75}
{"id":"a3.md","published":"2024-03-03T10:00:00+08:00","story":"a3.md","k":1,"score":100}
{"id":"a4.md","published":null,"story":"a4.md","k":1,"score":100}
`
	if buf.String() != want {
		t.Errorf("novelty:\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestHTMLTop(t *testing.T) {
	h := corpusTable(t).Top(1).HTML()
	if !strings.Contains(h, "3 securities (top 1)") || strings.Count(h, "<tr>") != 2 {
		t.Errorf("Top(1).HTML():\n%s", h)
	}
}

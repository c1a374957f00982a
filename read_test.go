package stocknews_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/ticker"
)

// TestReadGzipEverywhere checks that ParseFile, ParseReader, Parse and
// AnalyzeFile read gzip-compressed input the same way, decided by the
// magic bytes: a .md.gz file, the same bytes under a name without .gz,
// and the size limit applied to the decompressed bytes.
func TestReadGzipEverywhere(t *testing.T) {
	plain, err := os.ReadFile("testdata/em-us-embed.md")
	if err != nil {
		t.Fatal(err)
	}
	var zbuf bytes.Buffer
	zw := gzip.NewWriter(&zbuf)
	zw.Write(plain)
	zw.Close()
	dir := t.TempDir()
	gz := filepath.Join(dir, "em-us-embed.md.gz")
	hidden := filepath.Join(dir, "em-us-embed.md") // gzip under a plain name
	for _, p := range []string{gz, hidden} {
		if err := os.WriteFile(p, zbuf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := stocknews.Parse("em-us-embed.md", plain, nil)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, a *stocknews.Article, err error) {
		t.Helper()
		if err != nil || a.Text != want.Text || a.ID != want.ID || a.Title != want.Title {
			t.Errorf("%s: %v, article %+v", what, err, a)
		}
	}
	a, err := stocknews.ParseFile(gz, nil)
	check("ParseFile .md.gz", a, err)
	a, err = stocknews.ParseFile(hidden, nil)
	check("ParseFile gzip named .md", a, err)
	a, err = stocknews.ParseReader("x.md", bytes.NewReader(zbuf.Bytes()), nil)
	check("ParseReader", a, err)
	a, err = stocknews.Parse("em-us-embed.md.gz", zbuf.Bytes(), nil)
	check("Parse", a, err)

	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	an := z.AnalyzeFile(gz)
	if an.Err != nil || an.File != gz || len(an.Tickers) == 0 || an.Tickers[0].Symbol.String() != "AAPL.US" {
		t.Errorf("AnalyzeFile(%s): %v, tickers %v", gz, an.Err, an.Tickers)
	}

	// The limit applies after decompression: a small gzip file of a large
	// text is refused.
	_, err = stocknews.ParseFile(gz, &stocknews.ParseOptions{MaxSize: int64(len(plain)) - 1})
	var pe *stocknews.ParseError
	if !errors.Is(err, stocknews.ErrTooLarge) || !errors.As(err, &pe) || pe.Name != gz {
		t.Errorf("over the limit: %v, want a ParseError naming %s wrapping ErrTooLarge", err, gz)
	}
	// A corrupt gzip stream is a format error naming the file.
	bad := filepath.Join(dir, "bad.md.gz")
	os.WriteFile(bad, zbuf.Bytes()[:20], 0o644)
	if _, err := stocknews.ParseFile(bad, nil); !errors.As(err, &pe) || pe.Name != bad {
		t.Errorf("cut gzip: %v, want a ParseError naming the file", err)
	}
}

// TestNotArticle checks the refusals by content with their positions, and
// that text close to them is still an article.
func TestNotArticle(t *testing.T) {
	tests := []struct {
		name, data string
		line       int  // 0: not checked
		ok         bool // an article after all
	}{
		{name: "a.md", data: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", line: 0},
		{name: "a.md", data: "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"},
		{name: "a.md", data: "\xff\xd8\xff\xe0\x00\x10JFIF"},
		{name: "a.txt", data: "标题\n正文\x00正文", line: 2},
		{name: "m.tsv", data: "\nfile\ttitle\ta\nx.md\t甲\tb\n", line: 2},
		{name: "a.md", data: "# 说明\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", line: 4},
		// articles: a tab or a comma here and there, a table inside an article
		{name: "a.txt", data: "标题\n正文，一，二\n再一段\t有制表符\n", ok: true},
		{name: "a.md", data: "---\ntitle: 表格\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", ok: true},
		{name: "a.txt", data: "Apple, Inc. reports\nRevenue rose, beating estimates, said analysts\n", ok: true},
	}
	for _, tt := range tests {
		_, err := stocknews.Parse(tt.name, []byte(tt.data), nil)
		if tt.ok {
			if errors.Is(err, stocknews.ErrNotArticle) {
				t.Errorf("%q: refused: %v", tt.data, err)
			}
			continue
		}
		var pe *stocknews.ParseError
		if !errors.Is(err, stocknews.ErrNotArticle) || !errors.As(err, &pe) || pe.Name != tt.name {
			t.Errorf("%q: %v, want ErrNotArticle naming %s", tt.data, err, tt.name)
			continue
		}
		if tt.line > 0 && pe.Line != tt.line {
			t.Errorf("%q: line %d, want %d (%v)", tt.data, pe.Line, tt.line, err)
		}
		if !strings.Contains(err.Error(), "not an article: ") {
			t.Errorf("%q: message %q does not say what it is", tt.data, err)
		}
	}
}

// TestNewAnalyzerOptions checks that configuration errors come from
// NewAnalyzer itself, not from every Analyze.
func TestNewAnalyzerOptions(t *testing.T) {
	bad := []*stocknews.AnalyzerOptions{
		{Parse: &stocknews.ParseOptions{Format: 9}},
		{Linker: &ticker.LinkerOptions{MoreStopNames: []string{"平安", " "}}},
		{Linker: &ticker.LinkerOptions{Learned: map[string]ticker.Symbol{"某公司": {}}}},
	}
	for i, o := range bad {
		o.NoEntities = true
		if z, err := stocknews.NewAnalyzer(o); err == nil || z != nil || !errors.Is(err, stocknews.ErrOptions) {
			t.Errorf("case %d: %v, %v: want ErrOptions", i, z, err)
		}
	}
	var de *entities.DictError
	_, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Entities: &entities.Options{Words: []entities.Word{{Text: "两 个词"}}}})
	if !errors.As(err, &de) {
		t.Errorf("bad entity word: %v, want a *entities.DictError at once", err)
	}
	if _, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{}); err != nil {
		t.Errorf("defaults: %v", err)
	}
}

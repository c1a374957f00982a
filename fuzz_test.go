package stocknews_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stocknews/stocknews"
)

// fuzzParse checks what must hold for any input in one format: Parse does
// not panic, fails only with a *ParseError wrapping a sentinel, and a
// successful parse gives a clean article.
func fuzzParse(f *testing.F, format stocknews.Format, exts ...string) {
	for _, ext := range exts {
		files, _ := filepath.Glob(filepath.Join("testdata", "*"+ext))
		bad, _ := filepath.Glob(filepath.Join("testdata", "bad", "*"+ext))
		for _, p := range append(files, bad...) {
			if strings.HasSuffix(p, ".golden.json") {
				continue
			}
			if data, err := os.ReadFile(p); err == nil && len(data) < 1<<16 {
				f.Add(data)
			}
		}
	}
	opts := &stocknews.ParseOptions{Format: format, MaxSize: 1 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := stocknews.Parse("fuzz", data, opts)
		if err != nil {
			var pe *stocknews.ParseError
			if !errors.As(err, &pe) || pe.Name != "fuzz" {
				t.Fatalf("error %T %v is not a *ParseError naming the input", err, err)
			}
			for _, s := range []error{stocknews.ErrFrontMatter, stocknews.ErrTooLarge, stocknews.ErrFormat, stocknews.ErrEncoding, stocknews.ErrEmpty, stocknews.ErrNotArticle} {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error %v wraps no sentinel", err)
		}
		checkInvariants(t, a)
		for i, an := range a.Anchors {
			if len(an.Text) > 4*256 {
				t.Errorf("anchor %d text of %d bytes", i, len(an.Text))
			}
		}
	})
}

func FuzzParseMarkdown(f *testing.F) { fuzzParse(f, stocknews.Markdown, ".md") }
func FuzzParseHTML(f *testing.F)     { fuzzParse(f, stocknews.HTML, ".html", ".md") }
func FuzzParseJSON(f *testing.F)     { fuzzParse(f, stocknews.JSON, ".json", ".jsonl") }
func FuzzParseText(f *testing.F)     { fuzzParse(f, stocknews.Text, ".txt", ".md") }

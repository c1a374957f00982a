package ticker

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stocknews/stocknews/internal/sharedtest"
)

// corpusFiles returns the articles of ../shared/corpus as raw text (front
// matter and markup included: the linker must cope with any text), or
// skips when the corpus is absent.
func corpusFiles(t testing.TB) map[string]string {
	t.Helper()
	dir := sharedtest.Path(t, "corpus")
	out := make(map[string]string)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.HasSuffix(p, "README.md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[filepath.Base(p)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Skip("corpus is empty")
	}
	return out
}

// fullMaster is the built-in master merged with all_code.csv.
func fullMaster(t testing.TB) *Master {
	return DefaultMaster().Merge(allCodeMaster(t))
}

// TestLinkerCorpus runs the linker over every real article: no panic,
// spans in bounds and on rune boundaries, and links checked by reading the
// articles.
func TestLinkerCorpus(t *testing.T) {
	files := corpusFiles(t)
	l := NewLinker(fullMaster(t), nil)
	for name, text := range files {
		for _, m := range l.Mentions(Document{Text: text}) {
			if m.Start == -1 && m.End == -1 {
				continue
			}
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("%s: span %d..%d out of bounds", name, m.Start, m.End)
			}
			if !utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End])) {
				t.Fatalf("%s: span %d..%d not on rune boundaries", name, m.Start, m.End)
			}
		}
	}
	// Links verified by reading the articles (file name prefix → symbols).
	expect := []struct {
		prefix string
		want   []string
	}{
		{"2022-01-06-NW202201062238952656", []string{"00700.HK"}},               // a Tencent product story
		{"100亿！安琪酵母", []string{"600298.SH", "600519.SH"}},                       // the yeast maker, compared with 茅台
		{"想要上市的知乎", []string{"02390.HK", "01024.HK", "09626.HK"}},               // 知乎 with 快手 and B站
		{"12亿天价罚单交完", []string{"LKNCY.US"}},                                     // 瑞幸咖啡
		{"2022-01-24-NW202201242259229980", []string{"000001.SH", "399006.SZ"}}, // a market wrap: 沪指, 创业板指
	}
	for _, e := range expect {
		var text string
		for name, tx := range files {
			if strings.HasPrefix(name, e.prefix) {
				text = tx
			}
		}
		if text == "" {
			t.Errorf("no article %s…", e.prefix)
			continue
		}
		var got []string
		for _, k := range l.Link(Document{Text: text}) {
			got = append(got, k.Symbol.String())
		}
		for _, w := range e.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s…: %s not linked (got %v)", e.prefix, w, got)
			}
		}
	}
}

package entities

import (
	"html"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// nerSharedDir returns ../shared relative to the module root (the directory
// holding go.mod), or skips the test when it is absent, as it is in a fresh
// clone.
func nerSharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skipf("no working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("module root not found; skipping test that needs ../shared")
		}
		dir = parent
	}
	shared := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(filepath.Join(shared, "corpus")); err != nil {
		tb.Skipf("%s not found; skipping test that needs the shared corpus", filepath.Join(shared, "corpus"))
	}
	return shared
}

// nerCorpusTexts returns the plain text of every corpus article, keyed by
// path relative to the corpus directory, in sorted order of keys.
func nerCorpusTexts(tb testing.TB) (keys []string, texts map[string]string) {
	tb.Helper()
	root := filepath.Join(nerSharedDir(tb), "corpus")
	texts = map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.HasSuffix(p, "README.md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		texts[rel] = roughText(string(b))
		keys = append(keys, rel)
		return nil
	})
	if err != nil {
		tb.Fatalf("reading corpus: %v", err)
	}
	sort.Strings(keys)
	return keys, texts
}

// roughText turns a corpus file into plain text well enough for entity
// tests and benchmarks: front matter, comments, style and script blocks and
// tags are dropped, block tags become newlines, entities are decoded.
func roughText(s string) string {
	if strings.HasPrefix(strings.TrimSpace(s), "---") {
		t := strings.TrimSpace(s)[3:]
		if i := strings.Index(t, "\n---"); i >= 0 {
			s = t[i+4:]
		}
	}
	s = dropBetween(s, "<!--", "-->")
	s = dropBetween(s, "<style", "</style>")
	s = dropBetween(s, "<script", "</script>")
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '<' {
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				break
			}
			tag := strings.ToLower(s[i+1 : i+j])
			if strings.HasPrefix(tag, "p") || strings.HasPrefix(tag, "/p") || strings.HasPrefix(tag, "br") ||
				strings.HasPrefix(tag, "div") || strings.HasPrefix(tag, "/div") || strings.HasPrefix(tag, "h") {
				b.WriteByte('\n')
			}
			i += j + 1
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	lines := strings.Split(html.UnescapeString(b.String()), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func dropBetween(s, open, close string) string {
	for {
		i := strings.Index(s, open)
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], close)
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+j+len(close):]
	}
}

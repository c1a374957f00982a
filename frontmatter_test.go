package stocknews

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/stocknews/stocknews/internal/sharedtest"
)

// yamlFrontMatter is decodeFrontMatter without the simple reader.
func yamlFrontMatter(yml []byte) (fm frontMatter, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = reason(ErrFrontMatter, "yaml decoder failed: %v", r)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		return fm, err
	}
	fm.fields = map[string]*yaml.Node{}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return fm, nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode {
			if _, dup := fm.fields[k.Value]; !dup {
				fm.fields[k.Value] = m.Content[i+1]
			}
		}
	}
	return fm, nil
}

// sameFrontMatter checks that the simple reader, when it accepts yml,
// reads what the YAML decoder reads: every key, scalar and list.
func sameFrontMatter(t *testing.T, what string, yml []byte) bool {
	t.Helper()
	fast, ok := simpleFrontMatter(yml)
	if !ok {
		return false
	}
	slow, err := yamlFrontMatter(yml)
	if err != nil {
		t.Errorf("%s: the simple reader accepts what YAML refuses (%v):\n%s", what, err, yml)
		return true
	}
	if len(fast.fields) != len(slow.fields) {
		t.Errorf("%s: %d keys, YAML %d:\n%s", what, len(fast.fields), len(slow.fields), yml)
	}
	for k := range slow.fields {
		fv, fok := fast.scalar(k)
		sv, sok := slow.scalar(k)
		if fv != sv || fok != sok || !slices.Equal(fast.list(k), slow.list(k)) {
			t.Errorf("%s: key %q: %q %v %q, YAML %q %v %q", what, k, fv, fok, fast.list(k), sv, sok, slow.list(k))
		}
	}
	return true
}

// TestSimpleFrontMatter compares the simple reader with the YAML decoder
// on the front matter of every markdown file of testdata and of the real
// corpus, and on forms it must leave to YAML.
func TestSimpleFrontMatter(t *testing.T) {
	var files []string
	for _, pat := range []string{"testdata/*.md", "testdata/bad/*.md"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if shared := sharedtest.Find(); shared != "" {
		m, _ := filepath.Glob(filepath.Join(shared, "corpus", "*", "*.md"))
		files = append(files, m...)
	}
	simple, total := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		yml, _, line, err := splitFrontMatter(data)
		if err != nil || line == 0 {
			continue
		}
		total++
		if sameFrontMatter(t, f, yml) {
			simple++
		}
	}
	t.Logf("%d of %d front matters read without the YAML decoder", simple, total)
	if total > 100 && simple*10 < total*9 {
		t.Errorf("only %d of %d front matters take the simple path", simple, total)
	}
	for _, yml := range []string{
		"title: [a, b]\n", "title: &x a\nb: *x\n", "title: !!str 1\n", "title: \"a\\tb\"\n",
		"title: a\n  b\n", "title: a\ntitle: b\n", "a:\n  b: c\n", "title: a # note\n", "title: a: b\n",
		"\ttitle: a\n", "title: 'a\n", "- a\n", "title:a\n", "title: |\n  a\n",
	} {
		if _, ok := simpleFrontMatter([]byte(yml)); ok {
			t.Errorf("%q: taken by the simple reader, want the YAML decoder", yml)
		}
	}
}

// FuzzSimpleFrontMatter checks that whatever the simple reader accepts,
// the YAML decoder reads the same way.
func FuzzSimpleFrontMatter(f *testing.F) {
	for _, s := range []string{
		"title: 标题\ndate: 2022-01-06 20:44:03 +0800\ncategories: news\n",
		"title: 'It''s'\ntags:\n- a\n- \"b\"\n-\nauthor: ~\n",
		"layout: post\ncategories:\n  - 金融\n  - 财联社\nempty:\n# comment\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, yml []byte) {
		sameFrontMatter(t, "fuzz", yml)
	})
}

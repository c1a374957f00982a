package opener

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

// TestReadFile checks the one reading path: gzip by magic bytes whatever
// the name, the limit after decompression, a plain file over the limit
// refused from its size, a cut stream a *GzipError.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	text := bytes.Repeat([]byte("正文。"), 100)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plain := write("a.md", text)
	hidden := write("b.md", gz(t, text)) // gzip under a plain name
	named := write("c.md.gz", gz(t, text))
	for _, p := range []string{plain, hidden, named} {
		got, err := ReadFile(p, 0)
		if err != nil || !bytes.Equal(got, text) {
			t.Errorf("%s: %v, %d bytes", p, err, len(got))
		}
		var se *SizeError
		if _, err := ReadFile(p, int64(len(text)-1)); !errors.As(err, &se) || !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s over the limit: %v", p, err)
		}
	}
	cut := write("d.md", gz(t, text)[:30])
	var ge *GzipError
	if _, err := ReadFile(cut, 0); !errors.As(err, &ge) {
		t.Errorf("cut gzip: %v, want a *GzipError", err)
	}
	if got, err := Bytes(gz(t, text), 0); err != nil || !bytes.Equal(got, text) {
		t.Errorf("Bytes: %v", err)
	}
}

func TestBinaryAndTable(t *testing.T) {
	for _, tc := range []struct {
		data   string
		binary bool
		table  bool
	}{
		{"\x89PNG\r\n\x1a\nrest", true, false},
		{"PK\x03\x04zip", true, false},
		{"text\x00more", true, false},
		{"标题\n正文，正文。\n", false, false},
		{"a\tb\n1\t2\n", false, true},
		{"a,b,c\n1,2,3\n4,5,6\n", false, true},
		{"a,b,c\n1,2,3\n", false, false}, // two lines of commas may be prose
		{"---\ntitle: a\tb\n---\n1\t2\n", false, false},
		{"# 说明\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", false, true},
	} {
		_, bin := Binary([]byte(tc.data))
		_, tab := Table([]byte(tc.data))
		if bin != tc.binary || tab != tc.table {
			t.Errorf("%q: binary %v table %v, want %v %v", tc.data, bin, tab, tc.binary, tc.table)
		}
	}
}

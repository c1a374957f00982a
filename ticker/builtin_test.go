package ticker_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stocknews/stocknews/internal/sharedtest"
	"github.com/stocknews/stocknews/ticker"
	"github.com/stocknews/stocknews/ticker/internal/mastergen"
)

// TestBuiltinUpToDate regenerates the built-in master from the reference
// lists and data/facts.csv and fails on any difference from the embedded
// data/master.tsv.gz: run go generate ./ticker after changing either.
func TestBuiltinUpToDate(t *testing.T) {
	ref := sharedtest.Path(t, "reference")
	facts, err := os.ReadFile("data/facts.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, err := mastergen.Generate(ref, facts)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("data/master.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	g, w := gunzip(t, got), gunzip(t, want)
	if g == w {
		return
	}
	gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			t.Fatalf("data/master.tsv.gz is stale (run go generate ./ticker): line %d is\n%s\nregenerated:\n%s", i+1, wl[i], gl[i])
		}
	}
	t.Fatalf("data/master.tsv.gz is stale (run go generate ./ticker): %d lines, regenerated %d", len(wl), len(gl))
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestBuiltinComplete checks that the built-in master holds the reference
// lists: every A share of all_code.csv, the Hong Kong and US listings.
func TestBuiltinComplete(t *testing.T) {
	counts := map[ticker.Market]int{}
	for s := range ticker.DefaultMaster().AllSeq() {
		counts[s.Symbol.Market()]++
	}
	for mk, min := range map[ticker.Market]int{ticker.SH: 2400, ticker.SZ: 3000, ticker.BJ: 270, ticker.HK: 2700, ticker.US: 5000} {
		if counts[mk] < min {
			t.Errorf("%v: %d securities, want at least %d", mk, counts[mk], min)
		}
	}
}

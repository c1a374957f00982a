package stocknews_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"

	"github.com/stocknews/stocknews/internal/sharedtest"
)

// BenchmarkParse measures Parse per testdata article (one format each) and
// reports throughput in MB/s of input.
func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"flash-offset.md", "em-hk-embed.md", "hexo-sina.md", "reuters.md", "page.html", "record.json", "plain.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := stocknews.Parse(name, data, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseCorpus parses every real article of ../shared/corpus per
// iteration (skipped without it): the throughput on the formats as they
// come.
func BenchmarkParseCorpus(b *testing.B) {
	root := sharedtest.Path(b, "corpus")
	type doc struct {
		name string
		data []byte
	}
	var docs []doc
	var total int64
	for _, p := range batch.ExpandInputs([]string{root}) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc{p, data})
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := stocknews.Parse(d.name, d.data, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

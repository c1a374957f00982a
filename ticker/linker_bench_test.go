package ticker

import (
	"testing"

	"github.com/stocknews/stocknews/internal/sharedtest"
)

// BenchmarkLinker links every corpus article with the built-in master
// merged with all_code.csv (about 6,000 securities).
func BenchmarkLinker(b *testing.B) {
	files := corpusFiles(b)
	l := NewLinker(fullMaster(b), nil)
	docs := make([]Document, 0, len(files))
	size := 0
	for _, text := range files {
		docs = append(docs, Document{Text: text})
		size += len(text)
	}
	l.Link(docs[0]) // build the automaton outside the loop
	b.Run("Link", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				l.Link(d)
			}
		}
	})
	b.Run("names only", func(b *testing.B) {
		m := l.master.matcher()
		b.SetBytes(int64(size))
		b.ReportAllocs()
		var hits []acHit
		for b.Loop() {
			for _, d := range docs {
				hits = m.findAll(d.Text, hits[:0])
			}
		}
	})
	b.Run("headline", func(b *testing.B) {
		d := Document{Text: "贵州茅台三季度净利增长，宁德时代与腾讯控股合作", TitleLen: 66}
		b.SetBytes(int64(len(d.Text)))
		b.ReportAllocs()
		for b.Loop() {
			l.Link(d)
		}
	})
}

// BenchmarkLoadMaster measures building masters: parsing all_code.csv, the
// built-in master, and the name automaton over both merged.
func BenchmarkLoadMaster(b *testing.B) {
	path := sharedtest.Path(b, "reference/all_code.csv")
	b.Run("all_code.csv", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := LoadMasterFile(path); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("builtin", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			defaultMaster.load()
		}
	})
	b.Run("builtin+matcher", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			newMasterMatcher(defaultMaster.load())
		}
	})
	full := fullMaster(b)
	b.Run("matcher", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			newMasterMatcher(full)
		}
	})
}

package entities

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// BenchmarkSegmenterStartup measures building a segmenter from scratch (not
// the cached one): the cost the first Entities call pays. heap-MiB is the
// live heap the segmenter holds after a GC.
func BenchmarkSegmenterStartup(b *testing.B) {
	fin, err := financeWords()
	if err != nil {
		b.Fatal(err)
	}
	lex := buildLexicon(fin)
	for _, bc := range []struct {
		name string
		full bool
	}{{"full", true}, {"finance-only", false}} {
		b.Run(bc.name, func(b *testing.B) {
			if bc.full && testing.Short() {
				b.Skip("skipping the 1 s full build in -short mode")
			}
			b.ReportAllocs()
			var heap float64
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				b.StartTimer()
				s, err := buildSegmenter(lex.gse, bc.full)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(s)
				heap = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
				b.StartTimer()
			}
			b.ReportMetric(heap, "heap-MiB")
		})
	}
}

// benchCorpus returns the plain text of the corpus articles, skipping the
// benchmark when ../shared is absent.
func benchCorpus(b *testing.B) []string {
	keys, texts := nerCorpusTexts(b)
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, texts[k])
	}
	return out
}

// reportCPU adds an MB-per-CPU-second metric for bytes processed per
// iteration, measured from cpu0 (see processCPU).
func reportCPU(b *testing.B, cpu0 time.Duration, bytes int64) {
	if d := processCPU() - cpu0; d > 0 && b.N > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

func totalLen(texts []string) int64 {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return int64(n)
}

// BenchmarkEntities runs Entities over every corpus article, per pass.
func BenchmarkEntities(b *testing.B) {
	texts := benchCorpus(b)
	for _, bc := range []struct {
		name string
		opts *Options
	}{{"full", nil}, {"finance-only", &Options{FinanceOnly: true}}} {
		b.Run(bc.name, func(b *testing.B) {
			if bc.opts == nil && testing.Short() {
				b.Skip("skipping gse's full dictionary in -short mode")
			}
			x, err := New(bc.opts)
			if err != nil {
				b.Fatal(err)
			}
			if err := x.Warm(); err != nil {
				b.Fatal(err)
			}
			for _, t := range texts { // describe the words met, as a running process has
				x.Entities(t)
			}
			b.SetBytes(totalLen(texts))
			b.ReportAllocs()
			n := 0
			cpu0 := processCPU()
			for b.Loop() {
				for _, t := range texts {
					n += len(x.Entities(t))
				}
			}
			reportCPU(b, cpu0, totalLen(texts))
			_ = n
		})
	}
}

// BenchmarkGseSegment is the segmentation peer: gse's own shortest-path
// Segment over the same text (split into lines, as gse is meant to be
// called), with the same full dictionary, and gse's DAG+HMM Cut. Entities
// runs the same shortest path, but only over the clauses that can hold an
// entity, and without gse's allocations; BenchmarkEntitiesVsSegment gives
// the ratio.
func BenchmarkGseSegment(b *testing.B) {
	texts := benchCorpus(b)
	if testing.Short() {
		b.Skip("skipping gse's full dictionary in -short mode")
	}
	x, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	s, err := x.load()
	if err != nil {
		b.Fatal(err)
	}
	var lines [][]byte
	for _, t := range texts {
		for l := range strings.SplitSeq(t, "\n") {
			lines = append(lines, []byte(l))
		}
	}
	b.Run("Segment", func(b *testing.B) {
		b.SetBytes(totalLen(texts))
		b.ReportAllocs()
		n := 0
		cpu0 := processCPU()
		for b.Loop() {
			for _, l := range lines {
				n += len(s.seg.Segment(l))
			}
		}
		reportCPU(b, cpu0, totalLen(texts))
		_ = n
	})
	b.Run("CutHMM", func(b *testing.B) {
		b.SetBytes(totalLen(texts))
		b.ReportAllocs()
		n := 0
		cpu0 := processCPU()
		for b.Loop() {
			for _, l := range lines {
				n += len(s.seg.Cut(string(l), true))
			}
		}
		reportCPU(b, cpu0, totalLen(texts))
		_ = n
	})
}

// BenchmarkEntitiesVsSegment measures Entities against gse's own Segment on
// the same text in one process, interleaved: each iteration runs gse's
// Segment over every article's lines (as gse is meant to be called), then
// Entities over every article. Each side is timed in process CPU time,
// which other work on a shared machine skews far less than wall time, and
// the metric x-segment is Segment's time over Entities' (above 1: Entities
// is faster).
// Run with -count 5 or more and compare with benchstat. For instruction
// counts, see bench/README.md.
func BenchmarkEntitiesVsSegment(b *testing.B) {
	texts := benchCorpus(b)
	if testing.Short() {
		b.Skip("skipping gse's full dictionary in -short mode")
	}
	x, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := x.Warm(); err != nil {
		b.Fatal(err)
	}
	s, err := x.load()
	if err != nil {
		b.Fatal(err)
	}
	lines := make([][][]byte, len(texts))
	for i, t := range texts {
		for l := range strings.SplitSeq(t, "\n") {
			lines[i] = append(lines[i], []byte(l))
		}
	}
	// One pass of each first, untimed: both start with warm caches and
	// Entities with every word it meets already described.
	for i, t := range texts {
		for _, l := range lines[i] {
			s.seg.Segment(l)
		}
		x.Entities(t)
	}
	size := totalLen(texts)
	b.SetBytes(2 * size) // both sides read the text
	b.ReportAllocs()
	var seg, ent time.Duration
	n := 0
	for b.Loop() {
		c0 := processCPU()
		for i := range texts {
			for _, l := range lines[i] {
				n += len(s.seg.Segment(l))
			}
		}
		c1 := processCPU()
		for _, t := range texts {
			n += len(x.Entities(t))
		}
		c2 := processCPU()
		seg += c1 - c0
		ent += c2 - c1
	}
	if ent > 0 && seg > 0 {
		b.ReportMetric(seg.Seconds()/ent.Seconds(), "x-segment")
		b.ReportMetric(float64(size)*float64(b.N)/1e6/ent.Seconds(), "entities-MB/cpu-s")
		b.ReportMetric(float64(size)*float64(b.N)/1e6/seg.Seconds(), "segment-MB/cpu-s")
	}
	_ = n
}

// BenchmarkEntitiesSentence runs Entities on one synthetic headline-sized
// sentence with the finance-only extractor; it needs no corpus.
func BenchmarkEntitiesSentence(b *testing.B) {
	x, err := New(&Options{FinanceOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	if err := x.Warm(); err != nil {
		b.Fatal(err)
	}
	const text = "腾讯公司副总裁、微信支付负责人张颖介绍，小程序日活突破4.5亿，视频号和企业微信也在增长。"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		x.Entities(text)
	}
}

// BenchmarkNew measures New alone: checking and compiling the dictionaries,
// with and without 5,000 security names. The segmenter is not built here.
func BenchmarkNew(b *testing.B) {
	names := make([]string, 5000)
	for i := range names {
		names[i] = "测试名称" + strings.Repeat("甲", i%7) + string(rune('乙'+i%500))
	}
	for _, bc := range []struct {
		name string
		opts *Options
	}{{"default", nil}, {"names", &Options{Names: names}}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(bc.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package stocknews_test

// End-to-end benchmarks of every stage, on the real corpus mix
// (../shared/corpus, skipped when absent) and on a generated corpus.
//
// Each operation is one pass over every article of a set, run by
// GOMAXPROCS goroutines in parallel (b.RunParallel), so that
//
//	go test -run '^$' -bench 'Stage' -benchmem -cpu 1,2
//
// shows both the one-core figures and how they scale on two. MB/s counts
// the raw input bytes for parse and end to end, and the plain-text bytes
// (title and paragraphs) for link, claims and entities. Besides MB/s and
// allocations each benchmark reports articles/s and MB/cpu-s: throughput
// per second of process CPU time, which stays meaningful on a busy machine
// where wall-clock figures do not (Linux only; absent elsewhere).

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/internal/gencorpus"
	"github.com/stocknews/stocknews/ticker"
)

// benchShared returns ../shared/REL beside the module root, or "" when it
// is absent.
func benchShared(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

type benchDoc struct {
	name string
	data []byte
	art  *stocknews.Article
}

type benchSet struct {
	name       string
	docs       []benchDoc
	raw, text  int64 // total bytes of the inputs and of their plain texts
	skipReason string
}

func newBenchSet(name string, names []string, datas [][]byte) *benchSet {
	s := &benchSet{name: name}
	for i, n := range names {
		a, err := stocknews.Parse(n, datas[i], nil)
		if err != nil {
			continue // benchmarks run on what parses
		}
		s.docs = append(s.docs, benchDoc{name: n, data: datas[i], art: a})
		s.raw += int64(len(datas[i]))
		s.text += int64(len(a.Text))
	}
	return s
}

// benchGenArticles is the size of the generated set: about 2.5 MB.
const benchGenArticles = 1000

var benchSets = sync.OnceValue(func() []*benchSet {
	var sets []*benchSet
	if root := benchShared("corpus"); root != "" {
		var names []string
		var datas [][]byte
		for _, p := range batch.ExpandInputs([]string{root}) {
			data, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			names = append(names, p)
			datas = append(datas, data)
		}
		sets = append(sets, newBenchSet("real", names, datas))
	} else {
		sets = append(sets, &benchSet{name: "real", skipReason: "../shared/corpus is absent (it lives beside the module, outside the repository)"})
	}
	var names []string
	var datas [][]byte
	gencorpus.Generate(1, benchGenArticles, func(name string, data []byte) {
		names = append(names, name)
		datas = append(datas, data)
	})
	sets = append(sets, newBenchSet("generated", names, datas))
	return sets
})

// benchMaster is the built-in master merged with the full A-share list of
// ../shared/reference/all_code.csv when present.
var benchMaster = sync.OnceValues(func() (*ticker.Master, string) {
	p := benchShared("reference/all_code.csv")
	if p == "" {
		return ticker.DefaultMaster(), "default-master"
	}
	m, err := ticker.LoadMasterFile(p)
	if err != nil {
		return ticker.DefaultMaster(), "default-master"
	}
	return ticker.DefaultMaster().Merge(m), "full-master"
})

// runSet runs fn over every article of s per operation, in parallel, and
// reports the figures.
func runSet(b *testing.B, s *benchSet, size int64, fn func(d *benchDoc)) {
	if s.skipReason != "" {
		b.Skip(s.skipReason)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	cpu0 := processCPU()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for i := range s.docs {
				fn(&s.docs[i])
			}
		}
	})
	b.StopTimer()
	if el := b.Elapsed(); el > 0 {
		b.ReportMetric(float64(b.N)*float64(len(s.docs))/el.Seconds(), "articles/s")
	}
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)*float64(size)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

func BenchmarkStage(b *testing.B) {
	master, masterName := benchMaster()
	linker := ticker.NewLinker(master, nil)
	noEnt, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Master: master, NoEntities: true})
	if err != nil {
		b.Fatal(err)
	}
	withEnt, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Master: master})
	if err != nil {
		b.Fatal(err)
	}
	extractor := sync.OnceValues(func() (*entities.Extractor, error) {
		x, err := entities.New(nil)
		if err == nil {
			err = x.Warm()
		}
		return x, err
	})
	needEntities := func(b *testing.B) *entities.Extractor {
		if testing.Short() {
			b.Skip("the entity extractor loads a large dictionary; skipped in -short mode")
		}
		x, err := extractor()
		if err != nil {
			b.Fatal(err)
		}
		return x
	}

	for _, s := range benchSets() {
		b.Run("parse/"+s.name, func(b *testing.B) {
			runSet(b, s, s.raw, func(d *benchDoc) {
				if _, err := stocknews.Parse(d.name, d.data, nil); err != nil {
					b.Error(err)
				}
			})
		})
		b.Run("link/"+masterName+"/"+s.name, func(b *testing.B) {
			runSet(b, s, s.text, func(d *benchDoc) {
				linker.Link(ticker.Document{Text: d.art.Text, TitleLen: len(d.art.Title), Anchors: d.art.Anchors})
			})
		})
		b.Run("claims/"+s.name, func(b *testing.B) {
			runSet(b, s, s.text, func(d *benchDoc) {
				entities.Claims(d.art.Text, &entities.ClaimOptions{Year: d.art.Published.Year()})
			})
		})
		b.Run("entities/"+s.name, func(b *testing.B) {
			x := needEntities(b)
			runSet(b, s, s.text, func(d *benchDoc) { x.Entities(d.art.Text) })
		})
		b.Run("e2e-noentities/"+s.name, func(b *testing.B) {
			runSet(b, s, s.raw, func(d *benchDoc) {
				if a := noEnt.AnalyzeBytes(d.name, d.data); a.Err != nil {
					b.Error(a.Err)
				}
			})
		})
		b.Run("e2e-entities/"+s.name, func(b *testing.B) {
			needEntities(b)
			withEnt.AnalyzeBytes(s.docs[0].name, s.docs[0].data) // build the segmenter outside the timing
			runSet(b, s, s.raw, func(d *benchDoc) {
				if a := withEnt.AnalyzeBytes(d.name, d.data); a.Err != nil {
					b.Error(a.Err)
				}
			})
		})
	}
}

// BenchmarkPeerSentences runs the claim extractor on the sentences the
// Recognizers-Text peer is benchmarked on (bench/run.sh runs both on the
// same file): $STOCKNEWS_PEER_TEXT, else the peer's own test sentences in
// ../shared/peers/recognizers-js/testdata/news-zh.txt. One line is one
// document.
func BenchmarkPeerSentences(b *testing.B) {
	path := os.Getenv("STOCKNEWS_PEER_TEXT")
	if path == "" {
		path = benchShared("peers/recognizers-js/testdata/news-zh.txt")
	}
	if path == "" {
		b.Skip("no peer sentences: set STOCKNEWS_PEER_TEXT or provide ../shared/peers")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	s := &benchSet{name: "peer"}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		s.docs = append(s.docs, benchDoc{art: &stocknews.Article{Text: line}})
		s.text += int64(len(line))
	}
	b.Run("claims", func(b *testing.B) {
		runSet(b, s, s.text, func(d *benchDoc) { entities.Claims(d.art.Text, nil) })
	})
}

// BenchmarkPipeline measures the streaming pipeline end to end without
// entities over the generated set, as the command-line tools run it:
//
//   - run: parse, analyse and deliver in order to a callback that keeps
//     nothing (the inputs in memory), to compare with
//     Stage/e2e-noentities, which runs the same stages without the
//     pipeline;
//   - encode: the same, encoding each record as JSON (what analyze
//     writes), to a discarding writer;
//   - files: the same from files on disk (what the CLIs read), encoding.
//
// Run it with -cpu 1,2,4,8 to see how it scales (bench/README.md).
func BenchmarkPipeline(b *testing.B) {
	master, _ := benchMaster()
	an, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Master: master, NoEntities: true})
	if err != nil {
		b.Fatal(err)
	}
	var s *benchSet
	for _, x := range benchSets() {
		if x.name == "generated" {
			s = x
		}
	}
	mem := make([]batch.Input, len(s.docs))
	for i, d := range s.docs {
		mem[i] = batch.Input{Name: d.name, Data: d.data}
	}
	dir := b.TempDir()
	files := make([]batch.Input, len(s.docs))
	for i, d := range s.docs {
		p := filepath.Join(dir, strconv.Itoa(i)+"-"+filepath.Base(d.name))
		if err := os.WriteFile(p, d.data, 0o644); err != nil {
			b.Fatal(err)
		}
		files[i] = batch.Input{Name: p, Path: p}
	}
	p := batch.NewPipeline(an.Article, nil)
	b.Run("vs-stages", func(b *testing.B) {
		// Alternates, in each iteration, the stages run directly on
		// GOMAXPROCS goroutines (as Stage/e2e-noentities does), the
		// pipeline over the same inputs, the pipeline encoding JSON
		// records, and the pipeline reading files and encoding, and
		// reports the ratios of their CPU times: all parts see the same
		// machine, so the ratios hold under load where separate figures do
		// not. (The MB/s of this benchmark counts one pass of four.)
		b.SetBytes(s.raw)
		enc := json.NewEncoder(io.Discard)
		enc.SetEscapeHTML(false)
		var direct, piped, encoded, read time.Duration
		for b.Loop() {
			c0 := processCPU()
			var next atomic.Int64
			var wg sync.WaitGroup
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					for i := next.Add(1) - 1; i < int64(len(s.docs)); i = next.Add(1) - 1 {
						if a := an.AnalyzeBytes(s.docs[i].name, s.docs[i].data); a.Err != nil {
							b.Error(a.Err)
						}
					}
				})
			}
			wg.Wait()
			c1 := processCPU()
			if err := p.Run(b.Context(), slices.Values(mem), func(stocknews.Analysis) error { return nil }); err != nil {
				b.Fatal(err)
			}
			c2 := processCPU()
			if err := p.Run(b.Context(), slices.Values(mem), func(a stocknews.Analysis) error { return enc.Encode(a.Record()) }); err != nil {
				b.Fatal(err)
			}
			c3 := processCPU()
			if err := p.Run(b.Context(), slices.Values(files), func(a stocknews.Analysis) error { return enc.Encode(a.Record()) }); err != nil {
				b.Fatal(err)
			}
			c4 := processCPU()
			direct += c1 - c0
			piped += c2 - c1
			encoded += c3 - c2
			read += c4 - c3
		}
		if direct > 0 && piped > 0 {
			b.ReportMetric(piped.Seconds()/direct.Seconds(), "cpu-pipeline/stages")
			b.ReportMetric(encoded.Seconds()/piped.Seconds(), "cpu-encode/pipeline")
			b.ReportMetric(read.Seconds()/piped.Seconds(), "cpu-files+encode/pipeline")
		}
	})
	for _, tc := range []struct {
		name   string
		inputs []batch.Input
		encode bool
	}{{"run", mem, false}, {"encode", mem, true}, {"files", files, true}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(s.raw)
			b.ReportAllocs()
			enc := json.NewEncoder(io.Discard)
			enc.SetEscapeHTML(false)
			cpu0 := processCPU()
			for b.Loop() {
				n := 0
				err := p.Run(b.Context(), slices.Values(tc.inputs), func(a stocknews.Analysis) error {
					n++
					if tc.encode {
						return enc.Encode(a.Record())
					}
					return nil
				})
				if err != nil || n != len(tc.inputs) {
					b.Fatalf("%d records, %v", n, err)
				}
			}
			b.ReportMetric(float64(b.N)*float64(len(tc.inputs))/b.Elapsed().Seconds(), "articles/s")
			if cpu := processCPU() - cpu0; cpu > 0 {
				b.ReportMetric(float64(b.N)*float64(s.raw)/1e6/cpu.Seconds(), "MB/cpu-s")
			}
		})
	}
}

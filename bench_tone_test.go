package stocknews_test

import (
	"testing"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/ticker"
)

// BenchmarkTone measures what tone and events cost. "stage" times the
// ToneAnalyzer alone, on links, mentions and claims computed beforehand.
// "overhead" analyses the whole set end to end (no entities) with and
// without tone, in turns, and reports the extra CPU time of this process
// (which a busy machine does not inflate as it does wall time) as
// tone-overhead-% (the goal is at most 20).
func BenchmarkTone(b *testing.B) {
	master, _ := benchMaster()
	with, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Master: master, NoEntities: true})
	if err != nil {
		b.Fatal(err)
	}
	without, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{Master: master, NoEntities: true, NoTone: true})
	if err != nil {
		b.Fatal(err)
	}
	ta, err := entities.NewToneAnalyzer(nil)
	if err != nil {
		b.Fatal(err)
	}
	linker := ticker.NewLinker(master, nil)
	for _, s := range benchSets() {
		b.Run("stage/"+s.name, func(b *testing.B) {
			if s.skipReason != "" {
				b.Skip(s.skipReason)
			}
			docs := make([]entities.ToneDocument, len(s.docs))
			for i, d := range s.docs {
				links, ms := linker.LinkMentions(ticker.Document{Text: d.art.Text, TitleLen: len(d.art.Title), Anchors: d.art.Anchors})
				docs[i] = entities.ToneDocument{Text: d.art.Text, TitleLen: len(d.art.Title), Links: links, Mentions: ms,
					Claims: entities.Claims(d.art.Text, &entities.ClaimOptions{Mentions: ms})}
			}
			b.SetBytes(s.text)
			b.ReportAllocs()
			for b.Loop() {
				for i := range docs {
					ta.Analyze(&docs[i])
				}
			}
		})
		b.Run("overhead/"+s.name, func(b *testing.B) {
			if s.skipReason != "" {
				b.Skip(s.skipReason)
			}
			if processCPU() == 0 {
				b.Skip("no process CPU time on this system")
			}
			b.SetBytes(2 * s.raw)
			b.ReportAllocs()
			var cpuWith, cpuWithout time.Duration
			round := 0
			for b.Loop() {
				// alternate which runs first, so that neither gains from
				// the other's warm caches or pays for its garbage
				order := []*stocknews.Analyzer{with, without}
				if round%2 == 1 {
					order[0], order[1] = without, with
				}
				round++
				for _, z := range order {
					c0 := processCPU()
					for _, d := range s.docs {
						z.AnalyzeBytes(d.name, d.data)
					}
					if c := processCPU() - c0; z == with {
						cpuWith += c
					} else {
						cpuWithout += c
					}
				}
			}
			if cpuWithout > 0 {
				b.ReportMetric(100*(cpuWith.Seconds()/cpuWithout.Seconds()-1), "tone-overhead-%")
			}
		})
	}
}

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
// "overhead" analyses every article end to end (no entities) with and
// without tone, interleaved article by article in one goroutine so that a
// busy machine slows both alike, and reports the extra time as
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
			b.SetBytes(s.raw)
			b.ReportAllocs()
			var tWith, tWithout time.Duration
			for b.Loop() {
				for i, d := range s.docs {
					// alternate which runs first, so that neither gains from
					// the other's warm caches
					first, second := with, without
					if i%2 == 1 {
						first, second = without, with
					}
					t0 := time.Now()
					first.AnalyzeBytes(d.name, d.data)
					t1 := time.Now()
					second.AnalyzeBytes(d.name, d.data)
					t2 := time.Now()
					if first == with {
						tWith, tWithout = tWith+t1.Sub(t0), tWithout+t2.Sub(t1)
					} else {
						tWithout, tWith = tWithout+t1.Sub(t0), tWith+t2.Sub(t1)
					}
				}
			}
			if tWithout > 0 {
				b.ReportMetric(100*(tWith.Seconds()/tWithout.Seconds()-1), "tone-overhead-%")
			}
		})
	}
}

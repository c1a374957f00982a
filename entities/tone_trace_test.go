package entities

import "fmt"

// traceTone runs the analysis and prints each security's evidence, word by
// word; for looking into a result while working on the rules.
func traceTone(a *ToneAnalyzer, doc *ToneDocument) string {
	out := ""
	tones, at := a.analyze(doc, func(i int, what string, w float64) {
		out += fmt.Sprintf("  %s %q %+.2f\n", doc.Links[i].Symbol, what, w)
	})
	for _, t := range tones {
		out += fmt.Sprintf("%s %v %.3f %v\n", t.Symbol, t.Tone, t.Score, t.Events)
	}
	return out + fmt.Sprintf("article %v %.3f\n", at.Tone, at.Score)
}

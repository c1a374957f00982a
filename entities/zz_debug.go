package entities

import "fmt"

func DebugTrace(a *ToneAnalyzer, doc *ToneDocument) string {
	out := ""
	tones, at := a.analyze(doc, func(i int, what string, w float64) {
		out += fmt.Sprintf("  %s %q %+.2f\n", doc.Links[i].Symbol, what, w)
	})
	for _, t := range tones {
		out += fmt.Sprintf("%s %v %.3f %v\n", t.Symbol, t.Tone, t.Score, t.Events)
	}
	return out + fmt.Sprintf("article %v %.3f\n", at.Tone, at.Score)
}

func DebugEvents(a *ToneAnalyzer, doc *ToneDocument) string {
	out := ""
	tones, _ := a.Analyze(doc)
	for _, t := range tones {
		for _, e := range t.Events {
			lo := max(0, e.Start-30)
			for lo > 0 && doc.Text[lo]&0xC0 == 0x80 {
				lo--
			}
			hi := min(len(doc.Text), e.End+24)
			for hi < len(doc.Text) && doc.Text[hi]&0xC0 == 0x80 {
				hi++
			}
			out += fmt.Sprintf("EV %s %s [%s] %s\n", t.Symbol, e.Name, doc.Text[e.Start:e.End], doc.Text[lo:hi])
		}
	}
	return out
}

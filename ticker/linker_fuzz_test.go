package ticker

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLinker checks that no text panics the linker and that every mention
// span is in bounds, on rune boundaries when the text is valid UTF-8, and
// that relevance stays in 0..1.
func FuzzLinker(f *testing.F) {
	for _, s := range []string{
		"贵州茅台(600519)上涨", "腾讯控股（00700.HK）与ＭＥＴＡ", "比亚迪股份(01211.HK)。比亚迪", "\xff茅台\xfe",
		"星河微电子(688999)，星河微电子", "沪指涨1%", "Metaverse", "数据来源：同花顺",
	} {
		f.Add(s, 3)
	}
	l := NewLinker(nil, nil)
	f.Fuzz(func(t *testing.T, text string, titleLen int) {
		doc := Document{Text: text, TitleLen: titleLen}
		for _, m := range l.Mentions(doc) {
			if m.Start == -1 && m.End == -1 {
				continue
			}
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("span %d..%d of %d bytes", m.Start, m.End, len(text))
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End])) {
				t.Fatalf("span %d..%d not on rune boundaries", m.Start, m.End)
			}
		}
		for _, k := range l.Link(doc) {
			if k.Relevance < 0 || k.Relevance > 1 || !k.Symbol.IsValid() {
				t.Fatalf("bad link %+v", k)
			}
		}
	})
}

// FuzzLoadCSV checks that no file panics the loader and that a returned
// master is usable.
func FuzzLoadCSV(f *testing.F) {
	f.Add(allCodeCSV)
	f.Add(tushareCSV)
	f.Add(genericCSV)
	f.Add("symbol,name\n\"600519.SH,\n")
	f.Fuzz(func(t *testing.T, in string) {
		m, _ := LoadCSV(strings.NewReader(in), nil)
		if m != nil {
			for s := range m.AllSeq() {
				m.ByName(s.Name)
			}
			NewLinker(m, nil).Link(Document{Text: in})
		}
	})
}

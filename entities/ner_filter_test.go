package entities

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/go-ego/gse"

	"github.com/stocknews/stocknews/internal/sharedtest"
)

// entitiesEvery is Entities with every clause run segmented, trigger word
// or not: the reference the filtered extractor must equal.
func entitiesEvery(tb testing.TB, x *Extractor, text string) []Entity {
	tb.Helper()
	eng, err := x.prep()
	if err != nil {
		tb.Fatal(err)
	}
	if text == "" {
		return nil
	}
	sc := new(scratch)
	ex := extraction{lex: x.lex, seg: eng.seg, eng: eng, sc: sc, every: true}
	return ex.scan(text)
}

// filterTexts are the texts the filter is checked on: the test sentences,
// the golden articles and, when ../shared is present, the corpus.
func filterTexts(t *testing.T) []string {
	var texts []string
	for _, tt := range entityTests {
		text, _ := markedEntities(t, tt.in)
		texts = append(texts, text)
	}
	texts = append(texts,
		"分析师周文博指出，需求正在回暖。周文博还提到了出口，周文博。",
		"腾讯控股（以下简称“鹅厂”）称，鹅厂回购；鹅厂"+strings.Repeat("好", 400)+"鹅厂"+strings.Repeat("好", 400),
		"董事长"+strings.Repeat("张", 300)+"表示",
		// Cue verbs with a family name two, three and four characters
		// before them or none; titles with and without one after them.
		"李明表示，欧阳明辉认为，王小二指出，上官云飞称，市场人士表示，业内认为，表示",
		"董事长王启航，总经理表示，分析师欧阳明辉，CEO库克，董事长",
		"有限公司，公司，某某有限公司")
	files, _ := filepath.Glob(filepath.Join("testdata", "ner", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if sharedtest.Find() != "" {
		keys, corpus := nerCorpusTexts(t)
		for _, k := range keys {
			texts = append(texts, corpus[k])
		}
	}
	return texts
}

// TestTriggerFilterExact checks that segmenting only the clause runs that
// hold a trigger word (and those repeating a found person or short form)
// finds exactly what segmenting every run finds, with and without gse's
// dictionary and security names.
func TestTriggerFilterExact(t *testing.T) {
	texts := filterTexts(t)
	names := []string{"宏远股份", "宏远", "TCL科技", "贵州茅台", "茅台", "中国平安", "平安", "机器人", "太阳能", "比亚迪", "万科", "B站"}
	for _, cfg := range []struct {
		name string
		opts *Options
	}{
		{"finance", &Options{FinanceOnly: true}},
		{"finance-names", &Options{FinanceOnly: true, Names: names}},
		{"full", nil},
		{"full-names", &Options{Names: names}},
	} {
		t.Run(cfg.name, func(t *testing.T) {
			if (cfg.opts == nil || !cfg.opts.FinanceOnly) && testing.Short() {
				t.Skip("skipping gse's full dictionary in -short mode")
			}
			x, err := New(cfg.opts)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for i, text := range texts {
				got, want := x.Entities(text), entitiesEvery(t, x, text)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("text %d (%.60q…):\nfiltered %v\n   every %v", i, text, got, want)
				}
				n += len(got)
			}
			t.Logf("%d texts, %d entities", len(texts), n)
		})
	}
}

func FuzzTriggerFilter(f *testing.F) {
	for _, tt := range entityTests {
		text, _ := markedEntities(f, tt.in)
		f.Add(text)
	}
	f.Add("分析师周文博指出，需求回暖。周文博还提到了出口")
	f.Add("宏远股份（简称“宏远”）和TCL科技，宏远")
	x, err := New(&Options{FinanceOnly: true, Names: []string{"宏远股份", "宏远", "TCL科技", "A"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := x.Entities(text), entitiesEvery(t, x, text)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Entities(%q)\nfiltered %v\n   every %v", text, got, want)
		}
	})
}

// checkCut compares segmenter.cut with gse's own Segment on every clause
// of text.
func checkCut(t *testing.T, s *segmenter, text string) (clauseCount int) {
	t.Helper()
	low := lowerASCII(text)
	var cs cutScratch
	clauses(text, func(start, end int) {
		clauseCount++
		got, ok := s.cut(text, low, start, end, &cs, nil)
		want, wantOK := s.cutGse(text, start, []byte(text[start:end]), nil)
		if !ok || !wantOK || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("clause %q: cut (ok %v)\n%v\ngse Segment (ok %v)\n%v", text[start:end], ok, got, wantOK, want)
		}
	})
	return clauseCount
}

// TestCutMatchesGse checks that the segmenter's own shortest-path cut
// gives exactly gse's Segment, with and without gse's dictionary.
func TestCutMatchesGse(t *testing.T) {
	texts := filterTexts(t)
	texts = append(texts, "iPhone15和GDP2023年A股ETF基金", "ABC", "2023", "张", "x1y2z3中")
	for _, full := range []bool{false, true} {
		t.Run(fmt.Sprint("full=", full), func(t *testing.T) {
			x := financeOnly(t)
			if full {
				x = fullExtractor(t)
			}
			s, err := x.load()
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, text := range texts {
				n += checkCut(t, s, text)
			}
			t.Logf("%d clauses", n)
		})
	}
}

func FuzzCut(f *testing.F) {
	for _, tt := range entityTests {
		text, _ := markedEntities(f, tt.in)
		f.Add(text)
	}
	f.Add("iPhone15和GDP2023年A股ETF基金")
	x, err := New(&Options{FinanceOnly: true})
	if err != nil {
		f.Fatal(err)
	}
	s, err := x.load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkCut(t, s, text)
	})
}

// TestGseUnits checks the unit count of every word in gse's dictionary
// against gse's own split.
func TestGseUnits(t *testing.T) {
	s, err := fullExtractor(t).load()
	if err != nil {
		t.Fatal(err)
	}
	toks := s.seg.Dict.Tokens
	for i := range toks {
		w := toks[i].Text()
		want := len(gse.SplitWords(gse.Text(w)))
		if got := gseUnits(w); got != want {
			t.Errorf("gseUnits(%q) = %d, gse splits it into %d", w, got, want)
		}
		if _, got := s.word(i, &toks[i]); got != want && want <= 255 {
			t.Errorf("word(%q) has %d units, gse splits it into %d", w, got, want)
		}
		if s.wordIndex(&toks[i]) != i {
			t.Fatalf("wordIndex(&Tokens[%d]) = %d", i, s.wordIndex(&toks[i]))
		}
	}
	if s.wordIndex(&gse.Token{}) != -1 {
		t.Error("wordIndex found a word outside the dictionary")
	}
	for _, w := range []string{"", "a", "ab12", "iPhone15", "A股", "t恤", "café好", "AT&T", "\xff"} {
		if got, want := gseUnits(w), len(gse.SplitWords(gse.Text(w))); got != want {
			t.Errorf("gseUnits(%q) = %d, gse splits it into %d", w, got, want)
		}
	}
}

// TestLongTriggerWord: a name or word longer than the matcher finds turns
// the filter off rather than going missing.
func TestLongTriggerWord(t *testing.T) {
	long := strings.Repeat("长", maxTriggerRunes+1)
	for _, opts := range []*Options{
		{FinanceOnly: true, Names: []string{long}},
		{FinanceOnly: true, Words: []Word{{Text: long + "科技", Kind: WordProduct}, {Text: "科技", Kind: WordPlain}}},
	} {
		x, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		text := "今天，" + long + "科技发布。"
		got := x.Entities(text)
		if len(got) != 1 || !strings.HasPrefix(got[0].Text, long) {
			t.Errorf("Entities with %d-rune word: %v", maxTriggerRunes+1, got)
		}
	}
}

// TestEntitiesGOMAXPROCS runs Entities over the filter texts from eight
// goroutines at GOMAXPROCS 1, 2 and 4 and checks every result against a
// sequential run: the pooled scratch buffers must not leak between calls.
func TestEntitiesGOMAXPROCS(t *testing.T) {
	texts := filterTexts(t)
	x := financeOnly(t)
	if !testing.Short() {
		x = fullExtractor(t)
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = fmt.Sprint(x.Entities(text))
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		var wg sync.WaitGroup
		errs := make(chan string, len(texts))
		for g := range 8 {
			wg.Go(func() {
				for i := g; i < len(texts); i += 8 {
					if got := fmt.Sprint(x.Entities(texts[i])); got != want[i] {
						errs <- fmt.Sprintf("GOMAXPROCS=%d, text %d: got %s, want %s", procs, i, got, want[i])
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}
	}
}

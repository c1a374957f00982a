package entities

import (
	"bufio"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/stocknews/stocknews/internal/sharedtest"
)

// plainText approximates an article's plain text from a corpus file
// without the root package's parser (which imports this package): the
// title, then the body with markup removed, one paragraph a line.
func plainText(data string) string {
	title := ""
	body := data
	if rest, ok := strings.CutPrefix(strings.TrimLeft(data, "\n"), "---\n"); ok {
		if fm, b, ok := strings.Cut(rest, "\n---"); ok {
			body = b
			for _, line := range strings.Split(fm, "\n") {
				if v, ok := strings.CutPrefix(line, "title:"); ok {
					title = strings.Trim(strings.TrimSpace(v), `"'`)
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString(title)
	inTag := false
	var line strings.Builder
	flush := func() {
		s := strings.TrimSpace(html.UnescapeString(line.String()))
		s = strings.TrimPrefix(s, "### ")
		if s != "" && s != "---" {
			b.WriteByte('\n')
			b.WriteString(s)
		}
		line.Reset()
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '<':
			inTag = true
			if strings.HasPrefix(body[i:], "<p") || strings.HasPrefix(body[i:], "</p") || strings.HasPrefix(body[i:], "<br") || strings.HasPrefix(body[i:], "<div") || strings.HasPrefix(body[i:], "</div") {
				flush()
			}
		case c == '>' && inTag:
			inTag = false
		case inTag:
		case c == '\n':
			flush()
		default:
			line.WriteByte(c)
		}
	}
	flush()
	return b.String()
}

// goldClaim is one row of shared/eval/gold-dev-claims.jsonl.
type goldClaim struct {
	Article, Text, Subject, Value, Unit, Comparator, Kind string
}

// TestDevGold scores Claims on the dev gold set the way score.py does
// (match on value and unit within an article, one to one) and logs the
// figures. The text is approximated from the markup, so the figures are a
// little below those of the full pipeline.
func TestDevGold(t *testing.T) {
	shared := sharedtest.Path(t, "")
	f, err := os.Open(filepath.Join(shared, "eval", "gold-dev-claims.jsonl"))
	if err != nil {
		t.Skipf("no dev gold: %v", err)
	}
	defer f.Close()
	gold := map[string][]goldClaim{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g goldClaim
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		gold[g.Article] = append(gold[g.Article], g)
	}
	list, err := os.ReadFile(filepath.Join(shared, "eval", "gold-dev-articles.txt"))
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{}
	filepath.WalkDir(filepath.Join(shared, "corpus"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths[d.Name()] = p
		}
		return nil
	})
	var tp, npred, ngold, cmpOK, kindOK int
	for _, name := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		name = strings.TrimSpace(name)
		data, err := os.ReadFile(paths[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		text := plainText(string(data))
		preds := Claims(text, &ClaimOptions{Year: 2021})
		checkClaimSpans(t, text, preds)
		npred += len(preds)
		ngold += len(gold[name])
		used := make([]bool, len(preds))
		for _, g := range gold[name] {
			gv := decimal.RequireFromString(g.Value)
			for i, p := range preds {
				if !used[i] && p.Value.Equal(gv) && p.Unit == g.Unit {
					used[i] = true
					tp++
					if p.Comparator.String() == g.Comparator {
						cmpOK++
					}
					if p.Kind.String() == g.Kind {
						kindOK++
					}
					break
				}
			}
		}
	}
	p := float64(tp) / float64(npred)
	r := float64(tp) / float64(ngold)
	f1 := 2 * p * r / (p + r)
	t.Logf("dev gold: gold %d, predicted %d, matched %d; P %.3f R %.3f F1 %.3f; comparator %.3f kind %.3f",
		ngold, npred, tp, p, r, f1, float64(cmpOK)/float64(tp), float64(kindOK)/float64(tp))
	if f1 < 0.85 {
		t.Errorf("dev gold F1 %.3f < 0.85", f1)
	}
}

// corpusTexts returns the approximate plain text of every corpus article,
// in a fixed order.
func corpusTexts(tb testing.TB) []string {
	shared := sharedtest.Path(tb, "")
	var paths []string
	filepath.WalkDir(filepath.Join(shared, "corpus"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "README.md" {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, plainText(string(data)))
	}
	return out
}

// TestCorpusClaimSpans runs Claims over every corpus article and checks
// the span invariants.
func TestCorpusClaimSpans(t *testing.T) {
	n := 0
	for _, text := range corpusTexts(t) {
		cs := Claims(text, &ClaimOptions{Year: 2021})
		checkClaimSpans(t, text, cs)
		n += len(cs)
	}
	t.Logf("%d claims in the corpus", n)
}

func BenchmarkClaims(b *testing.B) {
	texts := corpusTexts(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	opts := &ClaimOptions{Year: 2021}
	DefaultVocabulary() // built once per process, outside the measured loop
	cpu := processCPU()
	for b.Loop() {
		for _, t := range texts {
			Claims(t, opts)
		}
	}
	claimsCPUMetric(b, size, cpu)
}

// claimsCPUMetric adds throughput per CPU second, which stays meaningful when
// the machine is shared and wall-clock MB/s is not.
func claimsCPUMetric(b *testing.B, size int, since time.Duration) {
	if d := processCPU() - since; d > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/d.Seconds()/1e6, "MB/cpu-s")
	}
}

func BenchmarkNumbers(b *testing.B) {
	texts := corpusTexts(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		for _, t := range texts {
			Numbers(t)
		}
	}
	claimsCPUMetric(b, size, cpu)
}

func BenchmarkParseNumber(b *testing.B) {
	for _, s := range []string{"1,234.5", "4.5亿元", "两千一百八十九万", "百分之九十七"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseNumber(s)
			}
		})
	}
}

package gencorpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// TestDeterministic pins the bytes of a small corpus: the same seed must
// give the same corpus on every run and platform, whatever the order in
// which articles are asked for.
func TestDeterministic(t *testing.T) {
	hash := func(order []int) string {
		g := New(42, nil)
		docs := make([][]byte, len(order))
		for _, i := range order {
			docs[i] = g.Doc(i).Data
		}
		h := sha256.New()
		for _, d := range docs {
			h.Write(d)
		}
		return hex.EncodeToString(h.Sum(nil))
	}
	fwd := make([]int, 200)
	rev := make([]int, 200)
	for i := range fwd {
		fwd[i] = i
		rev[i] = len(rev) - 1 - i
	}
	a, b := hash(fwd), hash(rev)
	if a != b {
		t.Fatalf("order changes output: %s vs %s", a, b)
	}
	if c := hash(fwd); c != a {
		t.Fatalf("second run differs: %s vs %s", a, c)
	}
	var other bytes.Buffer
	Generate(43, 200, func(_ string, d []byte) { other.Write(d) })
	if sum := sha256.Sum256(other.Bytes()); hex.EncodeToString(sum[:]) == a {
		t.Fatal("seeds 42 and 43 give the same corpus")
	}
}

func TestConcurrentDoc(t *testing.T) {
	g := New(7, nil)
	want := make([][]byte, 64)
	for i := range want {
		want[i] = g.Doc(i).Data
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(want); i += 4 {
				if got := g.Doc(i).Data; !bytes.Equal(got, want[i]) {
					t.Errorf("doc %d differs when generated concurrently", i)
				}
			}
		})
	}
	wg.Wait()
}

var formatTests = []struct {
	name   string
	format Format
	want   []string // substrings every article of the format has
}{
	{"flash", FlashItem, []string{"---\nlayout: post\ntitle: \"", "categories: emnews\n", "\n<http://finance.eastmoney.com/news/"}},
	{"long", LongArticle, []string{"---\nlayout: post\n", "<p>", "（文章来源：", "\n<http://finance.eastmoney.com/a/NW"}},
	{"hexo-codes", HexoCodes, []string{"\n---\ntitle: '", "categories: \n - 金融\n - 财联社\n", " GMT\n", "<div>"}},
	{"hexo-stcn", HexoSTCN, []string{"\n---\ntitle: '", " - 证券时报网\n", "<p style=\"text-align: left;\">"}},
	{"hexo-sina", HexoSina, []string{"\n---\ntitle: '", " - 新浪财经\n", "<p cms-style=\"font-L\">"}},
}

func TestFormats(t *testing.T) {
	for _, tt := range formatTests {
		t.Run(tt.name, func(t *testing.T) {
			g := New(1, &Options{Formats: []Format{tt.format}})
			for i := range 50 {
				d := g.Doc(i)
				if d.Format != tt.format {
					t.Fatalf("doc %d: format %v, want %v", i, d.Format, tt.format)
				}
				if !utf8.Valid(d.Data) {
					t.Fatalf("doc %d: invalid UTF-8", i)
				}
				for _, w := range tt.want {
					if !bytes.Contains(d.Data, []byte(w)) {
						t.Fatalf("doc %d (%s) lacks %q:\n%s", i, d.Name, w, d.Data)
					}
				}
				if d.Title == "" || strings.ContainsAny(d.Title, "\"'\n<>") {
					t.Fatalf("doc %d: bad title %q", i, d.Title)
				}
				if !bytes.Contains(d.Data, []byte(d.Body)) {
					t.Fatalf("doc %d: body not in data", i)
				}
			}
		})
	}
}

func TestMix(t *testing.T) {
	g := New(3, nil)
	var n [numFormats]int
	const total = 10000
	withSymbols := 0
	for i := range total {
		d := g.Doc(i)
		n[d.Format]++
		if len(d.Symbols) > 0 {
			withSymbols++
		}
	}
	for f, c := range n {
		// default mix in per-mille; allow ±2.5 percentage points
		want := defaultMix[f] * total / 1000
		if c < want-250 || c > want+250 {
			t.Errorf("%v: %d articles, want about %d", Format(f), c, want)
		}
	}
	if withSymbols < total/2 {
		t.Errorf("only %d of %d articles name a company", withSymbols, total)
	}
}

func TestAppendJSON(t *testing.T) {
	g := New(5, nil)
	for i := range 100 {
		d := g.Doc(i)
		line := d.AppendJSON(nil)
		if bytes.IndexByte(line, '\n') >= 0 {
			t.Fatalf("doc %d: newline in record", i)
		}
		var rec map[string]any
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatalf("doc %d: %v", i, err)
		}
		if rec["id"] != d.ID || rec["content"] != d.Body || rec["title"] != d.Title {
			t.Fatalf("doc %d: record does not round-trip: %s", i, line)
		}
	}
}

var chineseIntTests = []struct {
	in   int
	want string
}{
	{1, "一"}, {10, "十"}, {12, "十二"}, {20, "二十"}, {105, "一百零五"}, {200, "两百"},
	{1010, "一千零一十"}, {2345, "两千三百四十五"}, {9999, "九千九百九十九"}, {3001, "三千零一"},
}

func TestAppendChineseInt(t *testing.T) {
	for _, tt := range chineseIntTests {
		if got := string(appendChineseInt(nil, tt.in)); got != tt.want {
			t.Errorf("appendChineseInt(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkDoc(b *testing.B) {
	g := New(1, nil)
	b.ReportAllocs()
	i, n := 0, 0
	for b.Loop() {
		n += len(g.Doc(i).Data)
		i++
	}
	b.SetBytes(int64(n / max(i, 1)))
}

func TestUniqueIDs(t *testing.T) {
	g := New(9, nil)
	for _, n := range []int{10, 12} {
		seen := make(map[string]int, 300000)
		var buf []byte
		for i := range 300000 {
			buf = g.uniqueDigits(buf[:0], i, n)
			if j, ok := seen[string(buf)]; ok {
				t.Fatalf("indexes %d and %d share the %d-digit ID %s", j, i, n, buf)
			}
			seen[string(buf)] = i
		}
	}
	ids := map[string]bool{}
	for i := range 2000 {
		ids[g.Doc(i).ID] = true
	}
	if len(ids) != 2000 {
		t.Fatalf("%d distinct IDs in 2000 articles", len(ids))
	}
}

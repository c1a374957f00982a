package entities

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/stocknews/stocknews/ticker"
)

// Expected entities are marked inside the input: ⟦p:name⟧ for a person,
// ⟦o:name⟧ for an organisation, ⟦d:name⟧ for a product. markedEntities
// strips the marks and returns the plain text and the entities with their
// byte offsets in it.
func markedEntities(tb testing.TB, in string) (string, []Entity) {
	tb.Helper()
	var b strings.Builder
	var want []Entity
	for {
		i := strings.Index(in, "⟦")
		if i < 0 {
			b.WriteString(in)
			break
		}
		b.WriteString(in[:i])
		in = in[i+len("⟦"):]
		j := strings.Index(in, "⟧")
		if j < 2 || in[1] != ':' {
			tb.Fatalf("bad mark in %q", in)
		}
		var k EntityKind
		switch in[0] {
		case 'p':
			k = Person
		case 'o':
			k = Organization
		case 'd':
			k = Product
		default:
			tb.Fatalf("bad kind %q", in[0])
		}
		name := in[2:j]
		want = append(want, Entity{Text: name, Kind: k, Start: b.Len(), End: b.Len() + len(name)})
		b.WriteString(name)
		in = in[j+len("⟧"):]
	}
	return b.String(), want
}

// financeOnly is the fast extractor most tests use.
func financeOnly(tb testing.TB) *Extractor {
	tb.Helper()
	x, err := New(&Options{FinanceOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

// fullExtractor is the extractor with gse's dictionary; it costs about a
// second and 130 MiB, so it is skipped under -short.
func fullExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	if testing.Short() {
		tb.Skip("skipping gse's full dictionary (about 1 s, 130 MiB) in -short mode")
	}
	x, err := New(nil)
	if err != nil {
		tb.Fatal(err)
	}
	if err := x.Warm(); err != nil {
		tb.Fatal(err)
	}
	return x
}

// Sentences written for these tests; names of persons not in the finance
// dictionary are invented.
var entityTests = []struct {
	name string
	in   string
	full bool // needs gse's dictionary
}{
	{"title before listed person", "⟦o:腾讯公司⟧副总裁、⟦d:微信支付⟧负责人⟦p:张颖⟧介绍了新功能。", false},
	{"title before new name", "⟦o:小米集团⟧董事长⟦p:刘明远⟧今天在发布会上宣布降价。", false},
	{"economist", "首席经济学家⟦p:王启航⟧认为，⟦o:央行⟧明年将继续降准。", false},
	{"name repeated without title", "分析师⟦p:周文博⟧指出，需求正在回暖。⟦p:周文博⟧还提到了出口。", false},
	{"double surname", "董事长⟦p:欧阳明辉⟧表示，公司将扩大产能。", false},
	{"products", "用户可以通过⟦d:小程序⟧和⟦d:视频号⟧下单，也可以用⟦d:支付宝⟧付款。", false},
	{"longest product wins", "⟦d:微信支付分⟧上线以来，⟦d:企业微信⟧也在增长。", false},
	{"regulators", "⟦o:中国证监会⟧与⟦o:上交所⟧、⟦o:深交所⟧联合发布通知。", false},
	{"ascii product and person", "⟦o:苹果公司⟧CEO⟦p:库克⟧说⟦d:iPhone⟧卖得很好。", false},
	{"ascii case-insensitive", "⟦d:IPHONE⟧和⟦d:iphone⟧都是同一个词。", false},
	{"company with place and suffix", "⟦o:广州银行⟧今日公告。", false},
	{"listed name plus suffix", "⟦o:茅台公司⟧回应称是市场行为。", false},
	{"numbers are not entities", "营收达4.5亿元，同比增长32%，共有2.3万家公司参与，四点五亿元。", false},
	{"amount before company", "去年有三万家公司注册，5家银行退出。", false},
	{"generic heads", "该公司表示，上市公司数量增加，科技公司和互联网公司均受益。", false},
	{"title without name", "董事长表示，总经理一职暂时空缺。", false},
	{"full-width and ascii punctuation", "（⟦o:港交所⟧）：⟦d:抖音⟧,⟦d:淘宝⟧;⟦d:天猫⟧!", false},
	{"alias defined in brackets", "⟦o:腾讯控股⟧（以下简称“⟦o:鹅厂⟧”）发布公告，⟦o:鹅厂⟧将回购股份。", false},
	{"generic alias not defined", "⟦o:招商银行⟧（以下简称“本行”）公告，本行将派息。", false},
	{"empty", "", false},
	{"no Han", "GDP grew 5.2% in 2023.", false},

	{"verb cue", "⟦p:赵思远⟧表示，行业仍在调整。", true},
	{"new company with suffix", "⟦o:深圳市星河数据科技有限公司⟧今日披露年报。", true},
	{"weak suffix after new name", "据⟦o:辉腾证券⟧统计，成交额有所回升。", true},
	{"org in gse dictionary", "⟦o:深圳市人民检察院⟧发布通报。", true},
	{"common noun before weak suffix", "家族基金和明星投资越来越多。", true},
	{"place before bare 公司", "英国公司和关联公司都在观望。", true},
}

func TestEntities(t *testing.T) {
	fin := financeOnly(t)
	var full *Extractor
	for _, tt := range entityTests {
		t.Run(tt.name, func(t *testing.T) {
			x := fin
			if tt.full {
				if full == nil {
					full = fullExtractor(t)
				}
				x = full
			}
			text, want := markedEntities(t, tt.in)
			got := x.Entities(text)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("Entities(%q)\n got %v\nwant %v", text, got, want)
			}
		})
	}
}

// The finance-only cases must also hold with gse's dictionary loaded: the
// big dictionary may find more, but it must not lose or break these.
func TestEntitiesFullAgreesOnFinanceCases(t *testing.T) {
	x := fullExtractor(t)
	for _, tt := range entityTests {
		if tt.full {
			continue
		}
		text, want := markedEntities(t, tt.in)
		got := x.Entities(text)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: Entities(%q)\n got %v\nwant %v", tt.name, text, got, want)
		}
	}
}

func TestOptionsWordsAndNames(t *testing.T) {
	words, err := ParseDictFS(fstest.MapFS{"house.txt": {Data: []byte("# house list\n星链通 nz\n钱启明 2000 nr\n")}}, "house.txt")
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(&Options{
		FinanceOnly: true,
		Words:       append(words, Word{Text: "小程序", Kind: WordStop}),
		Names:       []string{"宏远股份", "宏远", "bad name", "", "*ST宏远"},
	})
	if err != nil {
		t.Fatal(err)
	}
	text, want := markedEntities(t, "⟦o:宏远⟧推出⟦d:星链通⟧，⟦p:钱启明⟧说小程序不再是重点；⟦o:宏远股份⟧涨停。")
	if got := x.Entities(text); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	// The caller's stop word overrode the finance dictionary's product.
	if got := financeOnly(t).Entities("小程序"); len(got) != 1 {
		t.Errorf("default extractor lost 小程序: %v", got)
	}
}

func TestNamesCommonWords(t *testing.T) {
	full := fullExtractor(t)
	x, err := New(&Options{Names: []string{"机器人", "康希诺", "宏远股份"}})
	if err != nil {
		t.Fatal(err)
	}
	if sx, _ := x.load(); sx != func() *segmenter { s, _ := full.load(); return s }() {
		t.Error("Names built a segmenter of their own")
	}
	text, want := markedEntities(t, "机器人行业回暖，⟦o:康希诺⟧和⟦o:宏远股份⟧发布公告。")
	if got := x.Entities(text); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestMasterNames(t *testing.T) {
	names := MasterNames(ticker.DefaultMaster())
	if len(names) == 0 {
		t.Skip("the default master is empty")
	}
	x, err := New(&Options{FinanceOnly: true, Names: names})
	if err != nil {
		t.Fatal(err)
	}
	name := ""
	for _, n := range names {
		if _, listed := x.lex.kinds[lowerASCII(n)]; clauseWord(n) && !listed {
			name = n
			break
		}
	}
	if name == "" {
		t.Skip("no plain master name")
	}
	got := x.Entities(name + "发布公告。")
	if len(got) == 0 || got[0].Start != 0 || got[0].Kind != Organization {
		t.Errorf("Entities of master name %q: %v", name, got)
	}
	if MasterNames(nil) != nil {
		t.Error("MasterNames(nil) not nil")
	}
}

func TestNewBadWords(t *testing.T) {
	tests := []struct {
		name string
		w    Word
	}{
		{"empty", Word{}},
		{"space", Word{Text: "两个 词"}},
		{"ideographic space", Word{Text: "两个\u3000词"}},
		{"invalid utf8", Word{Text: "\xff\xfe"}},
		{"unknown kind", Word{Text: "词", Kind: 200}},
		{"negative freq", Word{Text: "词", Freq: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(&Options{FinanceOnly: true, Words: []Word{{Text: "好词"}, tt.w}})
			var de *DictError
			if !errors.As(err, &de) || !errors.Is(err, ErrBadWord) || de.Line != 2 {
				t.Fatalf("New: err = %v, want *DictError at 2 wrapping ErrBadWord", err)
			}
			if !strings.HasPrefix(err.Error(), "entities: Options.Words:2: ") {
				t.Errorf("message %q", err.Error())
			}
		})
	}
}

func TestParseDict(t *testing.T) {
	good := "# comment\n\n腾讯 nt\n小程序 1000 nz\n  董事长\ttitle  \n"
	words, err := ParseDict("good.txt", strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	want := []Word{{"腾讯", WordOrganization, 0}, {"小程序", WordProduct, 1000}, {"董事长", WordTitle, 0}}
	if fmt.Sprint(words) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", words, want)
	}
	bad := []struct{ name, in string }{
		{"no tag", "腾讯\n"},
		{"unknown tag", "ok nt\n腾讯 xx\n"},
		{"bad freq", "ok nt\n腾讯 many nt\n"},
		{"zero freq", "ok nt\n腾讯 0 nt\n"},
		{"too many fields", "ok nt\n腾讯 控股 1 nt\n"},
		{"invalid utf8", "ok nt\n\xff nt\n"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDict("bad.txt", strings.NewReader(tt.in))
			var de *DictError
			if !errors.As(err, &de) || !errors.Is(err, ErrDictSyntax) {
				t.Fatalf("err = %v, want *DictError wrapping ErrDictSyntax", err)
			}
			wantLine := strings.Count(tt.in, "\n")
			if de.Name != "bad.txt" || de.Line != wantLine {
				t.Errorf("error at %s:%d, want bad.txt:%d", de.Name, de.Line, wantLine)
			}
		})
	}
	if _, err := ParseDictFS(fstest.MapFS{}, "missing.txt"); err == nil {
		t.Error("ParseDictFS of a missing file: no error")
	}
}

func TestFinanceDictionaryParses(t *testing.T) {
	words, err := financeWords()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, w := range words {
		if err := checkWord(w); err != nil {
			t.Errorf("%q: %v", w.Text, err)
		}
		if seen[lowerASCII(w.Text)] {
			t.Errorf("%q listed twice", w.Text)
		}
		seen[lowerASCII(w.Text)] = true
	}
	if len(words) < 500 {
		t.Errorf("finance dictionary has %d words, want at least 500", len(words))
	}
}

func TestWordKindString(t *testing.T) {
	for k := WordPlain; k <= WordStop; k++ {
		if got, ok := ParseWordKind(k.String()); !ok || got != k {
			t.Errorf("ParseWordKind(%q) = %v, %v", k.String(), got, ok)
		}
	}
	if _, ok := ParseWordKind("zz"); ok {
		t.Error("ParseWordKind(zz) ok")
	}
}

// TestFinanceOnlyBuildIsSmall builds a fresh finance-only segmenter (not the
// cached one) and checks that it stays far below gse's 130 MiB.
func TestFinanceOnlyBuildIsSmall(t *testing.T) {
	fin, err := financeWords()
	if err != nil {
		t.Fatal(err)
	}
	lex := buildLexicon(fin)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s, err := buildSegmenter(lex.gse, false)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(s)
	grew := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("finance-only segmenter: %d words, heap +%.2f MiB", len(lex.kinds), float64(grew)/(1<<20))
	if grew > 16<<20 {
		t.Errorf("finance-only segmenter grew the heap by %d bytes, want < 16 MiB", grew)
	}
}

func TestFullBuild(t *testing.T) {
	x := fullExtractor(t)
	if s, _ := x.load(); !s.full {
		t.Fatal("full extractor without gse's dictionary")
	}
	if got := x.Entities("⟦"); got != nil {
		t.Errorf("Entities on punctuation = %v", got)
	}
}

func TestSegmenterShared(t *testing.T) {
	a, b := financeOnly(t), financeOnly(t)
	sa, _ := a.load()
	sb, _ := b.load()
	if sa != sb {
		t.Error("two extractors with the same options built two segmenters")
	}
	c, err := New(&Options{FinanceOnly: true, Words: []Word{{Text: "某某科技", Kind: WordOrganization}}})
	if err != nil {
		t.Fatal(err)
	}
	if sc, _ := c.load(); sc == sa {
		t.Error("extractors with different dictionaries share a segmenter")
	}
	d, err := New(&Options{FinanceOnly: true, Names: []string{"某某科技"}})
	if err != nil {
		t.Fatal(err)
	}
	if sd, _ := d.load(); sd != sa {
		t.Error("extractors differing only in Names built two segmenters")
	}
}

// TestConcurrent runs many goroutines over shared extractors while other
// extractors with new dictionaries are being built. Run it with -race: the
// HMM tables gse keeps in globals must be loaded once and never rewritten.
func TestConcurrent(t *testing.T) {
	text, want := markedEntities(t, "⟦o:腾讯公司⟧副总裁、⟦d:微信支付⟧负责人⟦p:张颖⟧介绍，⟦d:小程序⟧日活突破4.5亿。")
	shared := financeOnly(t)
	var extra []*Extractor
	if !testing.Short() {
		extra = append(extra, fullExtractor(t))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 16 {
		wg.Go(func() {
			x := shared
			if g%4 == 3 {
				// A fresh dictionary per goroutine: its segmenter is built
				// while the others cut.
				var err error
				x, err = New(&Options{FinanceOnly: true, Words: []Word{{Text: fmt.Sprintf("并发测试%d号", g), Kind: WordProduct}}})
				if err != nil {
					errs <- err.Error()
					return
				}
			}
			for range 50 {
				if got := x.Entities(text); fmt.Sprint(got) != fmt.Sprint(want) {
					errs <- fmt.Sprintf("goroutine %d: got %v", g, got)
					return
				}
				for _, e := range extra {
					e.Entities(text)
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

func TestEntityKindText(t *testing.T) {
	for _, k := range []EntityKind{Person, Organization, Product} {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back EntityKind
		if err := back.UnmarshalText(b); err != nil || back != k || string(b) != k.String() {
			t.Errorf("%v: round trip gave %v, %v", k, back, err)
		}
	}
	if _, err := EntityKind(9).MarshalText(); err == nil {
		t.Error("MarshalText of an invalid kind: no error")
	}
	var k EntityKind
	if err := k.UnmarshalText([]byte("place")); err == nil {
		t.Error("UnmarshalText(place): no error")
	}
}

func TestZeroExtractor(t *testing.T) {
	var x Extractor
	if got := x.Entities("董事长雷军"); got != nil {
		t.Errorf("zero Extractor found %v", got)
	}
	if x.Warm() == nil {
		t.Error("zero Extractor warmed without error")
	}
	if s := financeOnly(t).String(); !strings.HasPrefix(s, "entities.Extractor{finance-only, ") {
		t.Errorf("String() = %q", s)
	}
}

func TestEntitiesSeq(t *testing.T) {
	x := financeOnly(t)
	text := "董事长雷军和总裁卢伟冰"
	var got []Entity
	for e := range x.EntitiesSeq(text) {
		got = append(got, e)
		break
	}
	if len(got) != 1 || got[0].Text != "雷军" {
		t.Errorf("first of EntitiesSeq = %v", got)
	}
}

func TestClauses(t *testing.T) {
	var got []string
	text := "腾讯控股(00700.HK)：2021年Q1，营收增长。" + strings.Repeat("字", 300)
	clauses(text, func(s, e int) { got = append(got, text[s:e]) })
	if got[0] != "腾讯控股" || got[1] != "00700" || got[2] != "HK" || got[3] != "2021年Q1" || got[4] != "营收增长" {
		t.Errorf("clauses = %q", got[:5])
	}
	for _, c := range got[5:] {
		if len(c) > maxClause || !utf8.ValidString(c) {
			t.Errorf("long clause piece of %d bytes", len(c))
		}
	}
}

// checkSpans verifies the invariants every Entities result must meet.
func checkSpans(tb testing.TB, text string, got []Entity) {
	tb.Helper()
	// Rune boundaries as decoding sees them: in invalid UTF-8 a stray
	// continuation byte is a one-byte rune of its own.
	boundary := map[int]bool{len(text): true}
	for i := 0; i < len(text); {
		boundary[i] = true
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	prevEnd := 0
	for _, e := range got {
		if e.Start < prevEnd || e.End <= e.Start || e.End > len(text) {
			tb.Fatalf("bad span %d:%d after %d in %q", e.Start, e.End, prevEnd, text)
		}
		if !boundary[e.Start] || !boundary[e.End] || !utf8.ValidString(e.Text) {
			tb.Fatalf("span %d:%d not on rune boundaries in %q", e.Start, e.End, text)
		}
		if text[e.Start:e.End] != e.Text {
			tb.Fatalf("text[%d:%d] = %q, Text = %q", e.Start, e.End, text[e.Start:e.End], e.Text)
		}
		if e.Kind > Product {
			tb.Fatalf("bad kind %d", e.Kind)
		}
		prevEnd = e.End
	}
}

func TestCorpusSpans(t *testing.T) {
	keys, texts := nerCorpusTexts(t)
	x := financeOnly(t)
	if !testing.Short() {
		x = fullExtractor(t)
	}
	n := 0
	for _, k := range keys {
		got := x.Entities(texts[k])
		checkSpans(t, texts[k], got)
		n += len(got)
	}
	t.Logf("%d articles, %d entities", len(keys), n)
}

func FuzzEntities(f *testing.F) {
	for _, tt := range entityTests {
		text, _ := markedEntities(f, tt.in)
		f.Add(text)
	}
	f.Add("董事长\xff张颖表示")
	f.Add("İstanbul董事长KİM表示")
	f.Add(strings.Repeat("张", 1000))
	f.Add("TCL科技和宏远股份、宏远")
	f.Add("腾讯控股（以下简称“鹅厂”）称，鹅厂(简称\"鹅\"")
	f.Add("招商银行（下称「")
	x, err := New(&Options{FinanceOnly: true, Names: []string{"宏远股份", "宏远", "TCL科技", "A"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, x.Entities(text))
	})
}

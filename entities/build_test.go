package entities

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// ruleCases are the test cases of each named rule of build.go: sentences
// and the claims (value unit comparator kind) each must give.
var ruleCases = map[string][]struct {
	in   string
	want []string
}{
	// notClaimRules: no claim.
	"article":                {{"一家公司发布公告", nil}},
	"name with 大":            {{"四大行同日发布公告", nil}, {"覆盖四大洲", []string{"4 count = level"}}},
	"denominator or ordinal": {{"排在第三", nil}, {"这3家公司", nil}},
	"rank prefix":            {{"跻身前十名", nil}},
	"in a URL":               {{"见 https://example.org/a/12345元", nil}},
	"rank":                   {{"排名200名", nil}},
	"after a Latin letter":   {{"发布5G手机", nil}, {"募资US$5亿", []string{"500000000 USD = level"}}},
	"restated in brackets":   {{"营收100亿元（100亿元）", []string{"10000000000 CNY = level"}}},
	// bareUnitRules.
	"scaled amount":  {{"成交额8642亿", []string{"864200000000 CNY = level"}}},
	"named multiple": {{"市盈率为14.6", []string{"14.6 times = level"}}},
	"exchange rate":  {{"人民币兑美元升至6.3512", []string{"6.3512 CNY = level"}}},
	"index level":    {{"制造业PMI初值为55.6", []string{"55.6 pt = level"}}},
	// kindRules.
	"level reached after 达": {{"产量将增达逾万片", []string{"10000 count > level"}}, {"营收增长达50%", []string{"50 percent = change"}}},
	"loss named after":      {{"200亿市值蒸发", []string{"-20000000000 CNY = change"}}},
	"change named after":    {{"可保持44%的增长速度", []string{"44 percent = change"}}},
	"multiple of a stock":   {{"10倍大牛股", []string{"10 times = change"}}},
	"list continued":        {{"同比分别增长1.3、1.4倍", []string{"1.3 times = change", "1.4 times = change"}}},
}

func TestClaimRules(t *testing.T) {
	names := []string{"restated in brackets"} // restated, after the unit is known
	for _, r := range notClaimRules {
		names = append(names, r.name)
	}
	for _, r := range bareUnitRules {
		names = append(names, r.name)
	}
	for _, r := range kindRules {
		names = append(names, r.name)
	}
	for _, name := range names {
		cases, ok := ruleCases[name]
		if !ok {
			t.Errorf("rule %q has no test cases", name)
		}
		for _, tt := range cases {
			var got []string
			for _, c := range Claims(tt.in, nil) {
				got = append(got, c.Value.String()+" "+c.Unit+" "+c.Comparator.String()+" "+c.Kind.String())
			}
			if joinBar(got) != joinBar(tt.want) {
				t.Errorf("%s: Claims(%q) = %q, want %q", name, tt.in, got, tt.want)
			}
		}
	}
	if len(ruleCases) != len(names) {
		t.Errorf("%d rule cases for %d rules: a case names no rule", len(ruleCases), len(names))
	}
}

func joinBar(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "|"
		}
		out += x
	}
	return out
}

func TestVocabularyDefault(t *testing.T) {
	v := DefaultVocabulary()
	if len(v.units) < 200 || len(v.before) < 60 || len(v.kinds) < 90 || len(v.verbs) != 8 || len(v.periods) < 18 {
		t.Errorf("default vocabulary: %d units, %d comparators, %d kinds, %d verbs, %d periods", len(v.units), len(v.before), len(v.kinds), len(v.verbs), len(v.periods))
	}
	for id, name := range setNames {
		if len(v.set(setID(id))) == 0 {
			t.Errorf("word set %q is empty", name)
		}
	}
}

func TestLoadVocabulary(t *testing.T) {
	const text = "小区建成12幢楼，公司营收5亿元"
	if cs := Claims(text, nil); len(cs) != 1 {
		t.Fatalf("default: %+v", cs)
	}
	v, err := LoadVocabulary(fstest.MapFS{
		"units.tsv": {Data: []byte("# a classifier the defaults lack\n幢\tcount\tcount\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	cs := Claims(text, &ClaimOptions{Vocabulary: v})
	if len(cs) != 2 || cs[0].Unit != "count" || cs[0].Value.String() != "12" {
		t.Fatalf("extended: %+v", cs)
	}
	if cs := Claims(text, nil); len(cs) != 1 {
		t.Errorf("extending changed the default vocabulary: %+v", cs)
	}
}

func TestLoadVocabularyErrors(t *testing.T) {
	for _, tt := range []struct {
		file, data string
		line       int
	}{
		{"units.tsv", "# ok\n幢\tcount\n", 2},
		{"units.tsv", "幢\tcount\tcolour\n", 1},
		{"comparators.tsv", "\n\nbefore\t差不多\t~~\tcompare\n", 3},
		{"kinds.tsv", "飙\tverb\t+2\n", 1},
		{"kinds.tsv", "大涨\tverb\t+1\n", 1},
		{"words.tsv", "degree\t\n", 1},
		{"words.tsv", "no_such_set\t词\n", 1},
	} {
		_, err := LoadVocabulary(fstest.MapFS{tt.file: {Data: []byte(tt.data)}})
		var ve *VocabularyError
		if !errors.As(err, &ve) || !errors.Is(err, ErrVocabulary) || ve.File != tt.file || ve.Line != tt.line {
			t.Errorf("%s %q: error %v, want a *VocabularyError at line %d", tt.file, tt.data, err, tt.line)
		}
	}
}

// FuzzLoadVocabulary: any file content loads or fails with an error naming
// the file and line; it never panics.
func FuzzLoadVocabulary(f *testing.F) {
	for _, name := range vocabFiles {
		data, err := vocabFS.ReadFile("vocab/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(0), data[:min(len(data), 400)])
	}
	f.Add(uint8(3), []byte("before\t约\t~\tcompare\nafter\t\t=\tlink\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := vocabFiles[int(which)%len(vocabFiles)]
		v, err := LoadVocabulary(fstest.MapFS{name: {Data: data}})
		if err != nil {
			var ve *VocabularyError
			if !errors.As(err, &ve) || ve.File != name || ve.Line < 1 {
				t.Fatalf("error %v names no file and line", err)
			}
			return
		}
		Claims("公司营收增长12%，达到5亿元", &ClaimOptions{Vocabulary: v})
	})
}

func TestLoadVocabularyLongLine(t *testing.T) {
	data := "幢\tcount\tcount\n" + strings.Repeat("长", 70000) + "\n"
	_, err := LoadVocabulary(fstest.MapFS{"units.tsv": {Data: []byte(data)}})
	var ve *VocabularyError
	if !errors.As(err, &ve) || ve.Line != 2 {
		t.Errorf("a line too long: %v", err)
	}
}

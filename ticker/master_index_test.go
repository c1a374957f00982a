package ticker

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFastPathsAgree checks the allocation-free paths of nameKey and
// englishNames against the general code, on every name of the built-in
// master (and of all_code.csv when the reference data is there) and on
// names built to sit at their edges.
func TestFastPathsAgree(t *testing.T) {
	names := []string{
		"", " ", "a", "A", "万科A", "万科Ａ", "万 科", "Meta Platforms", "meta  platforms", "*ST天润", "ST天润",
		"TCL科技", "丂", "一", "鿿", "㐀", "豈", "\u4e00\u0301", "A\u0301", "Ａ", "\t万科", "万科\n", "x\u00a0y", "\u3000",
		"The Carlyle Group Inc.", "The", "THE", "the Group", "Target Corporation", "KKR & Co. Inc.", "KKR&Co.Inc.",
		"China Mobile Limited", "China", "Apollo Global Management Inc.", "Foo, Bar", "Foo,", "Alibaba Group Holding",
		"ABC Inc", "Abc Inc", "abc inc", "International Holdings", "Hong Kong Group", "Meta  Platforms", " Meta", "Meta ",
		"Levi Strauss & Co", "Coca-Cola Co", "A Very Long Name With A Verylongwordthatexceedsthirtytwobytes Corp",
		"Verylongwordthatexceedsthirtytwobytes", "Ünilever PLC", "Nestlé SA", "Group Inc", "Inc", "Holdings Ltd Inc",
		"万科 A", "A 万科", "A B", "a b c", "a-b c", "a- b", "3M Co", "A\u3000B", "ａｂ", "TCL 科技", "x ",
	}
	masters := []*Master{DefaultMaster()}
	for _, m := range masters {
		for _, s := range m.secs {
			names = append(names, s.Name, s.FullName, s.EnglishName, strings.ToLower(s.EnglishName))
			names = append(names, s.Aliases...)
			names = append(names, s.FormerNames...)
			if b := undecorate(s.Name, s.Symbol.Market()); b != "" {
				names = append(names, b)
			}
			fullNameStems(s.FullName, func(st string) { names = append(names, st) })
		}
	}
	var ar keyArena
	keys := make(map[string]string) // arena keys, checked again at the end
	for _, n := range names {
		want := foldKey(NormalizeName(n))
		if got := nameKey(n); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", n, got, want)
		}
		if got := ar.key(n); got != want {
			t.Errorf("keyArena.key(%q) = %q, want %q", n, got, want)
		} else {
			keys[n] = got
		}
		var got string
		englishNames(n, func(s string) { got = s })
		if want := englishPick(n, englishStem(n)); got != want {
			t.Errorf("englishNames(%q) = %q, want %q", n, got, want)
		}
		if got, want := inUpper(englishGeneric, n), englishGeneric[strings.ToUpper(n)]; got != want {
			t.Errorf("inUpper(englishGeneric, %q) = %v, want %v", n, got, want)
		}
	}
	for n, k := range keys {
		if want := foldKey(NormalizeName(n)); k != want {
			t.Errorf("arena key of %q changed to %q", n, k)
		}
	}
}

// TestIndexMatchesMaps checks the flat name index against one built the
// plain way, with a map of lists and a map of kinds.
func TestIndexMatchesMaps(t *testing.T) {
	m := DefaultMaster()
	lists := make(map[string][]int32)
	kinds := make(map[string]nameKind)
	for i := range m.secs {
		m.secs[i].keys(func(key string, k nameKind) {
			if n := utf8.RuneCountInString(key); n < 2 || k == kindBare && n < 3 {
				return
			}
			if old, ok := kinds[key]; !ok || k < old {
				kinds[key] = k
			}
			if !slices.Contains(lists[key], int32(i)) {
				lists[key] = append(lists[key], int32(i))
			}
		})
	}
	if len(m.keys) != len(lists) {
		t.Fatalf("%d keys, want %d", len(m.keys), len(lists))
	}
	for key, want := range lists {
		slices.SortFunc(want, m.prefer)
		if got := m.secsOf(key); !slices.Equal(got, want) {
			t.Errorf("secsOf(%q) = %v, want %v", key, got, want)
		}
		if got := m.kindOf(key); got != kinds[key] {
			t.Errorf("kindOf(%q) = %v, want %v", key, got, kinds[key])
		}
	}
	if m.secsOf("no such name") != nil || m.kindOf("no such name") != kindName || m.hasKey("no such name") {
		t.Error("an unknown key is known")
	}
}

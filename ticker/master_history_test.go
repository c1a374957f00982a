package ticker

import (
	"errors"
	"strings"
	"testing"
)

func TestLoadCSVHistory(t *testing.T) {
	const generic = `symbol,name,aliases,former_names,list_date,delist_date,former_symbols
META.US,Meta Platforms,Meta@2021-10-28~,Facebook,2012-05-18,,FB.US@~2022-06-09
601211.SH,国泰海通,,国泰君安@~2025-04-03,20150626,,
AAPL,苹果,,,,,
600837.SH,海通证券,,,1994-02-24,2025-03-04,
BAD.US,坏,,名@2020~x,,,
`
	m, err := LoadCSV(strings.NewReader(generic), &CSVOptions{Name: "m.csv"})
	var bad CSVErrors
	if !errors.As(err, &bad) || len(bad) != 2 || bad[0].Line != 4 || bad[1].Line != 6 {
		t.Fatalf("errors = %v, want lines 4 (a symbol without a market) and 6 (a bad date)", err)
	}
	if !errors.Is(err, ErrCode) || !errors.Is(err, ErrRecord) {
		t.Errorf("errors %v do not wrap ErrCode and ErrRecord", err)
	}
	if m.Len() != 3 {
		t.Fatalf("Len = %d, want the 3 good rows", m.Len())
	}
	s, ok := m.Lookup(MustParse("FB.US"))
	if !ok || s.Symbol.String() != "META.US" || s.SymbolOn("2020-01-01").String() != "FB.US" {
		t.Errorf("Lookup(FB.US) = %+v, want META.US with FB.US in 2020", s)
	}
	for _, tt := range []struct{ name, day, want string }{
		{"国泰君安", "2024-01-01", "601211.SH"},
		{"国泰君安", "2025-05-01", ""},
		{"Meta", "2020-01-01", ""},
		{"Meta", "2022-01-01", "FB.US"},
		{"Meta", "2023-01-01", "META.US"},
		{"海通证券", "2024-01-01", "600837.SH"},
		{"海通证券", "2025-03-04", ""},
	} {
		got := ""
		if ss := m.ByNameOn(tt.name, tt.day); len(ss) > 0 {
			got = ss[0].Symbol.String()
		}
		if got != tt.want {
			t.Errorf("ByNameOn(%q, %s) = %q, want %q", tt.name, tt.day, got, tt.want)
		}
	}
}

func TestLoadCSVNameChange(t *testing.T) {
	const nc = `ts_code,name,start_date,end_date,ann_date,change_reason
601211.SH,国泰君安,20150626,20250402,20150626,
601211.SH,国泰海通,20250403,,20250402,改名
`
	names, err := LoadCSV(strings.NewReader(nc), nil)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := LoadCSV(strings.NewReader("ts_code,symbol,name,list_date\n601211.SH,601211,国泰海通,20150626\n"), nil)
	m := base.Merge(names)
	if got := m.ByNameOn("国泰君安", "2020-01-01"); len(got) != 1 || got[0].Name != "国泰君安" {
		t.Errorf("国泰君安 in 2020 = %+v", got)
	}
	if got := m.ByNameOn("国泰君安", "2025-04-03"); len(got) != 0 {
		t.Errorf("国泰君安 after the rename = %+v", got)
	}
	if got := m.ByNameOn("国泰海通", "2020-01-01"); len(got) != 0 {
		t.Errorf("国泰海通 before the rename = %+v", got)
	}
}

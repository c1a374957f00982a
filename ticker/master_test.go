package ticker

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// Synthetic master files in the three layouts. The names are made up or
// are well-known facts; none is copied from a reference file.
const (
	allCodeCSV = "\ufeffstock_code,short_name,exchange,list_date\n" +
		"600519,贵州茅台,SH,2001-08-27\n" +
		"000002,万科Ａ,SZ,1991-01-29\n" +
		"000004,*ST国华,SZ,1990-12-01\n" +
		"600832,东方明珠,SH,\n" +
		"600637,东方明珠,SH,1993-03-16\n" +
		"430047,诺思兰德,BJ,2020-11-12\n" +
		"000005,万  科Ａ,SZ,\n"

	tushareCSV = "ts_code,symbol,name,area,industry,fullname,list_status,list_date\n" +
		"600519.SH,600519,贵州茅台,贵州,白酒,贵州茅台酒股份有限公司,L,20010827\n" +
		"000003.SZ,000003,PT金田A,深圳,综合,,D,19910703\n"

	genericCSV = "# a comment\n" +
		"symbol,name,full_name,aliases,former_names,list_date\n" +
		"00700.HK,腾讯控股,腾讯控股有限公司,腾讯|腾讯公司,,2004-06-16\n" +
		"SH600036,招商银行,,招行,,\n" +
		"600000,浦发银行,,,,\n" +
		"AAPL.US,苹果公司,Apple Inc.,Apple,,\n" +
		"700.HK,,,鹅厂,,\n"
)

func TestLoadCSVLayouts(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		layout Layout
		n      int
		sym    string
		want   Security
	}{
		{"all_code", allCodeCSV, LayoutAuto, 7, "000002.SZ", Security{Name: "万科A", ListDate: "1991-01-29"}},
		{"all_code padded name", allCodeCSV, LayoutAuto, 7, "000005.SZ", Security{Name: "万科A"}},
		{"tushare", tushareCSV, LayoutAuto, 2, "600519.SH", Security{Name: "贵州茅台", FullName: "贵州茅台酒股份有限公司", ListDate: "2001-08-27"}},
		{"tushare delisted", tushareCSV, LayoutAuto, 2, "000003.SZ", Security{Name: "PT金田A"}},
		{"generic", genericCSV, LayoutAuto, 4, "00700.HK", Security{Name: "腾讯控股", FullName: "腾讯控股有限公司", Aliases: []string{"腾讯", "腾讯公司", "鹅厂"}, ListDate: "2004-06-16"}},
		{"generic prefixed symbol", genericCSV, LayoutGeneric, 4, "600036.SH", Security{Name: "招商银行", Aliases: []string{"招行"}}},
		{"generic bare code", genericCSV, LayoutAuto, 4, "600000.SH", Security{Name: "浦发银行"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := LoadCSV(strings.NewReader(tt.in), &CSVOptions{Name: tt.name, Layout: tt.layout})
			if err != nil {
				t.Fatal(err)
			}
			if m.Len() != tt.n {
				t.Errorf("Len = %d, want %d", m.Len(), tt.n)
			}
			got, ok := m.Lookup(MustParse(tt.sym))
			tt.want.Symbol = MustParse(tt.sym)
			if !ok || got.Name != tt.want.Name || got.FullName != tt.want.FullName || got.ListDate != tt.want.ListDate || !slices.Equal(got.Aliases, tt.want.Aliases) {
				t.Errorf("Lookup(%s) = %+v, want %+v", tt.sym, got, tt.want)
			}
		})
	}
}

func TestLoadCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int
		err  error
		nil_ bool // whole file rejected
	}{
		{"empty", "", 1, ErrLayout, true},
		{"unknown header", "code,title\n600519,贵州茅台\n", 1, ErrLayout, true},
		{"bad A-share code", "stock_code,short_name,exchange,list_date\n600519,贵州茅台,SH,\n60051,短码,SH,\n", 3, ErrCode, false},
		{"bad exchange", "stock_code,short_name,exchange,list_date\n600519,贵州茅台,XX,\n", 2, ErrCode, false},
		{"missing name", "symbol,name\n600519.SH,\n", 2, ErrRecord, false},
		{"bad symbol", "symbol,name\n600519.XX,名字\n", 2, ErrCode, false},
		{"bad quoting", "symbol,name\n600519.SH,\"贵州\"茅台\"\n00700.HK,腾讯控股\n", 2, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := LoadCSV(strings.NewReader(tt.in), &CSVOptions{Name: "f.csv"})
			if err == nil {
				t.Fatal("no error")
			}
			if tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
			var ce *CSVError
			if !errors.As(err, &ce) {
				t.Fatalf("err %T is not a *CSVError", err)
			}
			if ce.Line != tt.line || ce.File != "f.csv" {
				t.Errorf("error at %s:%d, want f.csv:%d (%v)", ce.File, ce.Line, tt.line, err)
			}
			if !strings.HasPrefix(err.Error(), "ticker: f.csv:") {
				t.Errorf("message %q", err.Error())
			}
			if (m == nil) != tt.nil_ {
				t.Errorf("master nil = %v, want %v", m == nil, tt.nil_)
			}
		})
	}
}

func TestLoadMasterFS(t *testing.T) {
	fsys := fstest.MapFS{
		"masters/generic.csv": {Data: []byte(genericCSV)},
		"masters/bad.csv":     {Data: []byte("symbol,name\n600519.XX,茅台\n")},
	}
	m, err := LoadMasterFS(fsys, "masters/generic.csv")
	if err != nil || m.Len() != 4 {
		t.Fatalf("LoadMasterFS = %v, %v", m, err)
	}
	_, err = LoadMasterFS(fsys, "masters/bad.csv")
	var ce *CSVError
	if !errors.As(err, &ce) || ce.File != "masters/bad.csv" || ce.Line != 2 || !errors.Is(err, ErrCode) {
		t.Errorf("bad file: %v", err)
	}
	if _, err := LoadMasterFS(fsys, "missing.csv"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := LoadMasterFile("/nonexistent/master.csv"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing path: %v", err)
	}
}

func TestMasterNames(t *testing.T) {
	m, err := LoadCSV(strings.NewReader(allCodeCSV), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want []string
	}{
		{"万科A", []string{"000002.SZ", "000005.SZ"}}, // listed first
		{"万科Ａ", []string{"000002.SZ", "000005.SZ"}},
		{"万 科 A", []string{"000002.SZ", "000005.SZ"}},
		{"*ST国华", []string{"000004.SZ"}},
		{"东方明珠", []string{"600637.SH", "600832.SH"}}, // the one with a list date
		{"诺思兰德", []string{"430047.BJ"}},
		{"国华", nil}, // undecorated two-character names are not indexed
		{"茅台", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range m.ByName(tt.name) {
			got = append(got, s.Symbol.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("ByName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMasterPreference(t *testing.T) {
	m := NewMaster([]Security{
		{Symbol: MustParse("BABA.US"), Name: "阿里巴巴"},
		{Symbol: MustParse("09988.HK"), Name: "阿里巴巴-W", Aliases: []string{"阿里巴巴"}},
		{Symbol: MustParse("833874.BJ"), Name: "星祥股份", ListDate: "2020-07-27"},
		{Symbol: MustParse("301192.SZ"), Name: "星祥股份", ListDate: "2022-08-11"},
		{Symbol: MustParse("600001.SH"), Name: "星祥股份"},
	})
	first := func(name string) string { return m.ByName(name)[0].Symbol.String() }
	if got := first("阿里巴巴"); got != "09988.HK" {
		t.Errorf("阿里巴巴 → %s, want HK before US", got)
	}
	if got := first("星祥股份"); got != "301192.SZ" {
		t.Errorf("星祥股份 → %s, want the newest listing", got)
	}
	if got := m.Listings(MustParse("BABA.US")); len(got) != 2 || got[0].String() != "09988.HK" {
		t.Errorf("Listings = %v", got)
	}
}

func TestMasterMerge(t *testing.T) {
	a := NewMaster([]Security{{Symbol: MustParse("000002.SZ"), Name: "万科A", Aliases: []string{"万科"}}})
	b := NewMaster([]Security{
		{Symbol: MustParse("000002.SZ"), Name: "万科Ａ", ListDate: "1991-01-29", Aliases: []string{"万科集团"}},
		{Symbol: MustParse("600519.SH"), Name: "贵州茅台"},
	})
	m := a.Merge(b, nil)
	if m.Len() != 2 || a.Len() != 1 {
		t.Fatalf("Len = %d, %d", m.Len(), a.Len())
	}
	s, _ := m.Lookup(MustParse("000002.SZ"))
	if s.ListDate != "1991-01-29" || !slices.Equal(s.Aliases, []string{"万科", "万科集团"}) || s.Name != "万科A" {
		t.Errorf("merged = %+v", s)
	}
	// A renamed security keeps its old name findable.
	c := m.Merge(NewMaster([]Security{{Symbol: MustParse("600519.SH"), Name: "茅台股份"}}))
	if got := c.ByName("贵州茅台"); len(got) != 1 || got[0].Name != "茅台股份" {
		t.Errorf("after rename: %+v", got)
	}
	if n := len(m.All()); n != 2 {
		t.Errorf("All: %d", n)
	}
	n := 0
	for range m.AllSeq() {
		n++
		break
	}
	if n != 1 {
		t.Error("AllSeq does not stop")
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"万科Ａ":             "万科A",
		" 万  科Ａ ":         "万科A",
		"Meta  Platforms": "Meta Platforms",
		"ＴＣＬ 科技":          "TCL科技",
		"":                "",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUndecorate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		mk   Market
		want string
	}{
		{"*ST国华网", SZ, "国华网"}, {"ST星源", SZ, "星源"}, {"S*ST前锋", SH, "前锋"}, {"PT金田A", SZ, "金田"},
		{"N中芯", SH, "中芯"}, {"C星河", SZ, "星河"}, {"XD星河股", SH, "星河股"}, {"DR星河", SZ, "星河"},
		{"新都退", SZ, "新都"}, {"万科A", SZ, "万科"}, {"TCL科技", SZ, ""}, {"美团-W", HK, "美团"},
		{"哔哩哔哩-SW", HK, "哔哩哔哩"}, {"百济神州-U", SH, "百济神州"}, {"贵州茅台", SH, ""}, {"NIO", US, ""},
	} {
		if got := undecorate(tt.in, tt.mk); got != tt.want {
			t.Errorf("undecorate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLoadAllCode loads the exchange list when it is checked out next to
// the module.
func TestLoadAllCode(t *testing.T) {
	m := allCodeMaster(t)
	if m.Len() < 5000 {
		t.Fatalf("Len = %d", m.Len())
	}
	if s, ok := m.Lookup(MustParse("000002.SZ")); !ok || s.Name != "万科A" {
		t.Errorf("000002.SZ = %+v", s)
	}
	if got := m.ByName("贵州茅台"); len(got) != 1 || got[0].Symbol.String() != "600519.SH" {
		t.Errorf("贵州茅台 = %+v", got)
	}
}

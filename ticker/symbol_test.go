package ticker

import (
	"encoding/json"
	"errors"
	"testing"
)

var newTests = []struct {
	name string
	code string
	m    Market
	want string // canonical form, "" when an error is expected
	err  error
}{
	{"sh", "600519", SH, "600519.SH", nil},
	{"sz", "000001", SZ, "000001.SZ", nil},
	{"bj", "430047", BJ, "430047.BJ", nil},
	{"bj 920", "920002", BJ, "920002.BJ", nil},
	{"hk 5", "00700", HK, "00700.HK", nil},
	{"hk 4", "0700", HK, "00700.HK", nil},
	{"hk 3", "700", HK, "00700.HK", nil},
	{"hk 6 padded", "000700", HK, "00700.HK", nil},
	{"hk 1", "5", HK, "00005.HK", nil},
	{"hk warrant", "12345", HK, "12345.HK", nil},
	{"us", "AAPL", US, "AAPL.US", nil},
	{"us lower", "aapl", US, "AAPL.US", nil},
	{"us class dot", "BRK.B", US, "BRK-B.US", nil},
	{"us class dash", "BRK-B", US, "BRK-B.US", nil},
	{"us class underscore", "brk_b", US, "BRK-B.US", nil},
	{"us class slash", "BF/B", US, "BF-B.US", nil},
	{"us digits", "AAPL24", US, "AAPL24.US", nil},
	{"bk", "BK1037", BK, "BK1037.BK", nil},
	{"bk lower", "bk0715", BK, "BK0715.BK", nil},
	{"bk bare", "1037", BK, "BK1037.BK", nil},
	{"lse", "HSBA", LSE, "HSBA.LSE", nil},
	{"sg", "d05", SG, "D05.SG", nil},
	{"jp", "7203", JP, "7203.JP", nil},

	{"sh short", "60051", SH, "", ErrInvalidCode},
	{"sh long", "6005190", SH, "", ErrInvalidCode},
	{"sh letters", "60051A", SH, "", ErrInvalidCode},
	{"sh fullwidth", "６００５１９", SH, "", ErrInvalidCode},
	{"hk zero", "00000", HK, "", ErrInvalidCode},
	{"hk empty", "", HK, "", ErrInvalidCode},
	{"hk six significant", "123456", HK, "", ErrInvalidCode},
	{"hk letters", "0070A", HK, "", ErrInvalidCode},
	{"us digit first", "1AAPL", US, "", ErrInvalidCode},
	{"us two separators", "A.B.C", US, "", ErrInvalidCode},
	{"us long class", "BRK.BBB", US, "", ErrInvalidCode},
	{"us trailing sep", "BRK.", US, "", ErrInvalidCode},
	{"us too long", "ABCDEFGHIJK", US, "", ErrInvalidCode},
	{"us space", "AA PL", US, "", ErrInvalidCode},
	{"bk short", "BK103", BK, "", ErrInvalidCode},
	{"unknown market", "600519", Unknown, "", ErrUnknownMarket},
	{"bad market", "600519", Market(200), "", ErrUnknownMarket},
}

func TestNew(t *testing.T) {
	for _, tt := range newTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New(tt.code, tt.m)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("New(%q, %v) error = %v, want %v", tt.code, tt.m, err, tt.err)
				}
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Input != tt.code {
					t.Fatalf("New(%q) error %v is not a *ParseError naming the input", tt.code, err)
				}
				if got.IsValid() {
					t.Fatalf("New(%q) returned a valid symbol with an error", tt.code)
				}
				return
			}
			if err != nil {
				t.Fatalf("New(%q, %v): %v", tt.code, tt.m, err)
			}
			if got.String() != tt.want {
				t.Fatalf("New(%q, %v) = %q, want %q", tt.code, tt.m, got, tt.want)
			}
			if got.Market() != tt.m || !got.IsValid() {
				t.Fatalf("New(%q, %v) market %v valid %v", tt.code, tt.m, got.Market(), got.IsValid())
			}
		})
	}
}

var parseTests = []struct {
	name string
	in   string
	want string
	err  error
	off  int // error offset
}{
	{"sh", "600519.SH", "600519.SH", nil, 0},
	{"lower", "600519.sh", "600519.SH", nil, 0},
	{"sz", "000001.SZ", "000001.SZ", nil, 0},
	{"bj", "430047.BJ", "430047.BJ", nil, 0},
	{"hk", "00700.HK", "00700.HK", nil, 0},
	{"hk short", "700.hk", "00700.HK", nil, 0},
	{"us", "AAPL.US", "AAPL.US", nil, 0},
	{"us class", "BRK.B.US", "BRK-B.US", nil, 0},
	{"us class canonical", "BRK-B.US", "BRK-B.US", nil, 0},
	{"bk", "BK1037.BK", "BK1037.BK", nil, 0},
	{"lse", "HSBA.LSE", "HSBA.LSE", nil, 0},
	{"sg", "D05.SG", "D05.SG", nil, 0},

	{"empty", "", "", ErrSyntax, 0},
	{"no dot", "600519", "", ErrSyntax, 6},
	{"leading dot", ".SH", "", ErrSyntax, 0},
	{"empty market", "600519.", "", ErrUnknownMarket, 7},
	{"unknown market", "600519.SS", "", ErrUnknownMarket, 7},
	{"xshg", "600519.XSHG", "", ErrUnknownMarket, 7},
	{"bad code", "60051X.SH", "", ErrInvalidCode, 5},
	{"short code", "60051.SH", "", ErrInvalidCode, 5},
	{"hk too long", "1234567.HK", "", ErrInvalidCode, 0},
	{"space", " 600519.SH", "", ErrInvalidCode, 0},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Parse(%q) error = %v, want %v", tt.in, err, tt.err)
				}
				var pe *ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("Parse(%q) error %T is not *ParseError", tt.in, err)
				}
				if pe.Input != tt.in || pe.Offset != tt.off {
					t.Fatalf("Parse(%q) error input %q offset %d, want offset %d", tt.in, pe.Input, pe.Offset, tt.off)
				}
				if msg := err.Error(); len(msg) < 8 || msg[:8] != "ticker: " {
					t.Fatalf("error message %q lacks the ticker: prefix", msg)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got.String() != tt.want {
				t.Fatalf("Parse(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := MustParse(got.String()); again != got {
				t.Fatalf("Parse(String()) = %v, want %v", again, got)
			}
		})
	}
}

func TestSymbolIdentity(t *testing.T) {
	if MustParse("000001.SH") == MustParse("000001.SZ") {
		t.Fatal("000001.SH and 000001.SZ compare equal")
	}
	if MustParse("700.HK") != MustParse("00700.HK") {
		t.Fatal("700.HK and 00700.HK differ")
	}
	var zero Symbol
	if zero.IsValid() || zero.String() != "" || zero.Market() != Unknown || zero.Code() != "" {
		t.Fatal("zero Symbol is not the unknown symbol")
	}
	m := map[Symbol]int{MustParse("600519.SH"): 1}
	if m[MustParse("600519.sh")] != 1 {
		t.Fatal("Symbol does not work as a map key")
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("MustParse of a bad symbol did not panic")
		}
	}()
	MustParse("bad")
}

func TestMarket(t *testing.T) {
	for m := SH; m <= JP; m++ {
		if got := ParseMarket(m.String()); got != m {
			t.Errorf("ParseMarket(%q) = %v, want %v", m.String(), got, m)
		}
	}
	if Unknown.String() != "" {
		t.Errorf("Unknown.String() = %q", Unknown.String())
	}
	if got := Market(99).String(); got != "Market(99)" {
		t.Errorf("Market(99).String() = %q", got)
	}
	for _, s := range []string{"", "S", "XX", "SHH", "LSX", "hkex"} {
		if ParseMarket(s) != Unknown {
			t.Errorf("ParseMarket(%q) known", s)
		}
	}
	if ParseMarket("hk") != HK || ParseMarket("lse") != LSE {
		t.Error("ParseMarket is case-sensitive")
	}
}

func TestTextMarshalling(t *testing.T) {
	type row struct {
		S Symbol `json:"symbol"`
		Z Symbol `json:"zero"`
	}
	b, err := json.Marshal(row{S: MustParse("00700.HK")})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"symbol":"00700.HK","zero":""}` {
		t.Fatalf("json = %s", b)
	}
	var back row
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.S != MustParse("00700.HK") || back.Z.IsValid() {
		t.Fatalf("round trip = %+v", back)
	}
	var s Symbol
	if err := s.UnmarshalText([]byte("600519.XX")); !errors.Is(err, ErrUnknownMarket) {
		t.Fatalf("UnmarshalText error = %v", err)
	}
}

// TestParseAllocs pins the zero-allocation path: parsing a canonical
// symbol slices the input and allocates nothing.
func TestParseAllocs(t *testing.T) {
	for _, in := range []string{"600519.SH", "00700.HK", "AAPL.US", "BK1037.BK"} {
		n := testing.AllocsPerRun(100, func() {
			if _, err := Parse(in); err != nil {
				t.Fatal(err)
			}
		})
		if n != 0 {
			t.Errorf("Parse(%q) allocates %v times, want 0", in, n)
		}
	}
	n := testing.AllocsPerRun(100, func() { _, _ = New("600519", SH) })
	if n != 0 {
		t.Errorf("New allocates %v times, want 0", n)
	}
}

func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	f.Add("brk.b.us")
	f.Add("0.SH")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Parse(in)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Input != in || pe.Offset < 0 || pe.Offset > len(in) {
				t.Fatalf("Parse(%q) error %#v", in, err)
			}
			_ = err.Error()
			return
		}
		if !s.IsValid() {
			t.Fatalf("Parse(%q) = invalid symbol without error", in)
		}
		back, err := Parse(s.String())
		if err != nil || back != s {
			t.Fatalf("Parse(%q) = %v; Parse(String()) = %v, %v", in, s, back, err)
		}
		if n, err := New(s.Code(), s.Market()); err != nil || n != s {
			t.Fatalf("New(Code, Market) = %v, %v; want %v", n, err, s)
		}
		for c := Canonical; c <= Google; c++ {
			out, err := s.Format(c)
			if err != nil {
				continue
			}
			got, err := ParseAs(out, c)
			if err != nil || got != s {
				t.Fatalf("%v: Format(%v) = %q; ParseAs = %v, %v", s, c, out, got, err)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"canonical", "600519.SH"},
		{"hk padding", "700.HK"},
		{"us normalising", "brk.b.us"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Parse(bc.in)
			}
		})
	}
}

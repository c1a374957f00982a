package ticker

import (
	"errors"
	"testing"
)

// conventionTests lists, for each convention, how it writes each example
// listing ("" = the convention has no form and Format must fail with
// ErrUnsupported or ErrNoVenue).
var conventionExamples = []Listing{
	{Symbol: MustParse("600519.SH")},
	{Symbol: MustParse("000001.SZ")},
	{Symbol: MustParse("430047.BJ")},
	{Symbol: MustParse("00700.HK")},
	{Symbol: MustParse("AAPL.US"), Venue: NASDAQ},
	{Symbol: MustParse("BABA.US"), Venue: NYSE},
	{Symbol: MustParse("BRK-B.US"), Venue: NYSE},
	{Symbol: MustParse("BK1037.BK")},
	{Symbol: MustParse("HSBA.LSE")},
}

var conventionTests = []struct {
	conv Convention
	want []string // parallel to conventionExamples
}{
	{Canonical, []string{"600519.SH", "000001.SZ", "430047.BJ", "00700.HK", "AAPL.US", "BABA.US", "BRK-B.US", "BK1037.BK", "HSBA.LSE"}},
	{Eastmoney, []string{"1.600519", "0.000001", "0.430047", "116.00700", "105.AAPL", "106.BABA", "106.BRK_B", "90.BK1037", "155.HSBA"}},
	{Yahoo, []string{"600519.SS", "000001.SZ", "430047.BJ", "0700.HK", "AAPL", "BABA", "BRK-B", "", "HSBA.L"}},
	{Wind, []string{"600519.SH", "000001.SZ", "430047.BJ", "0700.HK", "AAPL.O", "BABA.N", "BRK.B.N", "", "HSBA.L"}},
	{Tushare, []string{"600519.SH", "000001.SZ", "430047.BJ", "00700.HK", "AAPL", "BABA", "BRK.B", "", ""}},
	{JoinQuant, []string{"600519.XSHG", "000001.XSHE", "", "", "", "", "", "", ""}},
	{Futu, []string{"SH.600519", "SZ.000001", "", "HK.00700", "US.AAPL", "US.BABA", "US.BRK.B", "", ""}},
	{Longbridge, []string{"600519.SH", "000001.SZ", "430047.BJ", "700.HK", "AAPL.US", "BABA.US", "BRK.B.US", "", ""}},
	{Xueqiu, []string{"SH600519", "SZ000001", "BJ430047", "00700", "AAPL", "BABA", "BRK.B", "", ""}},
	{Baostock, []string{"sh.600519", "sz.000001", "", "", "", "", "", "", ""}},
	{Sina, []string{"sh600519", "sz000001", "bj430047", "hk00700", "usAAPL", "usBABA", "usBRK.B", "", ""}},
	{TradingView, []string{"SSE:600519", "SZSE:000001", "", "HKEX:700", "NASDAQ:AAPL", "NYSE:BABA", "NYSE:BRK.B", "", "LSE:HSBA"}},
	{Google, []string{"600519:SHA", "000001:SHE", "", "700:HKG", "AAPL:NASDAQ", "BABA:NYSE", "BRK.B:NYSE", "", "HSBA:LON"}},
}

func TestConventionRoundTrip(t *testing.T) {
	for _, tt := range conventionTests {
		for i, l := range conventionExamples {
			want := tt.want[i]
			t.Run(tt.conv.String()+"/"+l.Symbol.String(), func(t *testing.T) {
				got, err := l.Format(tt.conv)
				if want == "" {
					if !errors.Is(err, ErrUnsupported) {
						t.Fatalf("Format = %q, %v; want ErrUnsupported", got, err)
					}
					var fe *FormatError
					if !errors.As(err, &fe) || fe.Convention != tt.conv {
						t.Fatalf("error %v is not a *FormatError", err)
					}
					return
				}
				if err != nil || got != want {
					t.Fatalf("Format = %q, %v; want %q", got, err, want)
				}
				back, err := ParseListing(got, tt.conv)
				if err != nil {
					t.Fatalf("ParseListing(%q, %v): %v", got, tt.conv, err)
				}
				if back.Symbol != l.Symbol {
					t.Fatalf("ParseListing(%q, %v) = %v, want %v", got, tt.conv, back.Symbol, l.Symbol)
				}
				if back.Venue != VenueUnknown && back.Venue != l.Venue {
					t.Fatalf("ParseListing(%q) venue %v, want %v", got, back.Venue, l.Venue)
				}
				// ParseAny reads every unambiguous form; Xueqiu and Yahoo
				// write US tickers bare, Eastmoney numbers are unambiguous.
				if any, err := ParseAny(got); err != nil || any != l.Symbol {
					t.Fatalf("ParseAny(%q) = %v, %v; want %v", got, any, err, l.Symbol)
				}
			})
		}
	}
}

func TestFormatNoVenue(t *testing.T) {
	s := MustParse("AAPL.US")
	for _, c := range []Convention{Eastmoney, Wind, TradingView, Google} {
		if _, err := s.Format(c); !errors.Is(err, ErrNoVenue) {
			t.Errorf("Format(%v) of a US symbol without venue: %v, want ErrNoVenue", c, err)
		}
	}
	for _, c := range []Convention{Canonical, Yahoo, Tushare, Futu, Longbridge, Xueqiu, Sina} {
		if _, err := s.Format(c); err != nil {
			t.Errorf("Format(%v): %v", c, err)
		}
	}
	if _, err := (Symbol{}).Format(Canonical); err == nil {
		t.Error("Format of the zero Symbol succeeded")
	}
}

var parseAsTests = []struct {
	in   string
	conv Convention
	want string
	v    Venue
	err  error
}{
	{"1.000001", Eastmoney, "000001.SH", 0, nil},
	{"0.000001", Eastmoney, "000001.SZ", 0, nil},
	{"0.920002", Eastmoney, "920002.BJ", 0, nil},
	{"0.899050", Eastmoney, "899050.BJ", 0, nil},
	{"128.00700", Eastmoney, "00700.HK", 0, nil},
	{"107.SPY", Eastmoney, "SPY.US", AMEX, nil},
	{"153.TCEHY", Eastmoney, "TCEHY.US", OTC, nil},
	{"100.HSI", Eastmoney, "", 0, ErrUnknownMarket},
	{"113.rb2505", Eastmoney, "", 0, ErrUnknownMarket},
	{"1.60051", Eastmoney, "", 0, ErrInvalidCode},
	{"1600519", Eastmoney, "", 0, ErrSyntax},
	{"x.600519", Eastmoney, "", 0, ErrSyntax},
	{"AAPL.OQ", Wind, "AAPL.US", NASDAQ, nil},
	{"X.A", Wind, "X.US", AMEX, nil},
	{"600519.sh", Wind, "600519.SH", 0, nil},
	{"600519.SH", Yahoo, "", 0, ErrUnknownMarket},
	{"600519.SS", Canonical, "", 0, ErrUnknownMarket},
	{"600519", JoinQuant, "", 0, ErrSyntax},
	{"hk.00700", Futu, "00700.HK", 0, nil},
	{"BJ.430047", Futu, "", 0, ErrUnknownMarket},
	{"hk.00700", Baostock, "", 0, ErrUnknownMarket},
	{"SH.600519", Baostock, "600519.SH", 0, nil},
	{"D05.SG", Longbridge, "D05.SG", 0, nil},
	{"sh600519", Xueqiu, "600519.SH", 0, nil},
	{"600519", Xueqiu, "", 0, ErrSyntax},
	{"gb_aapl", Sina, "AAPL.US", 0, nil},
	{"rt_hk00700", Sina, "00700.HK", 0, nil},
	{"xx600519", Sina, "", 0, ErrUnknownMarket},
	{"HKEX:0700", TradingView, "00700.HK", 0, nil},
	{"XETR:SAP", TradingView, "", 0, ErrUnknownMarket},
	{"AAPL", TradingView, "", 0, ErrSyntax},
	{"X:NYSEAMERICAN", Google, "X.US", AMEX, nil},
	{"7203:TYO", Google, "7203.JP", 0, nil},
	{"SAP:ETR", Google, "", 0, ErrUnknownMarket},
	{"600519.SH", Convention(99), "", 0, ErrUnsupported},

	{"600519", Auto, "600519.SH", 0, nil},
	{"000001", Auto, "000001.SZ", 0, nil},
	{"430047", Auto, "430047.BJ", 0, nil},
	{"00700", Auto, "00700.HK", 0, nil},
	{"aapl", Auto, "AAPL.US", 0, nil},
	{"BK1037", Auto, "BK1037.BK", 0, nil},
	{"bk0715", Auto, "BK0715.BK", 0, nil},
	{"usAAPL", Auto, "AAPL.US", 0, nil},
	{"BRK.B", Auto, "BRK-B.US", 0, nil},
	{"600519.XSHG", Auto, "600519.SH", 0, nil},
	{"INTC.O", Auto, "INTC.US", NASDAQ, nil},
	{"sh.600519", Auto, "600519.SH", 0, nil},
	{"HK_00700", Auto, "00700.HK", 0, nil},
	{"", Auto, "", 0, ErrSyntax},
	{"1234", Auto, "", 0, ErrSyntax},
	{"600519.QQ", Auto, "", 0, ErrUnknownMarket},
	{"贵州茅台", Auto, "", 0, ErrInvalidCode},
}

func TestParseAs(t *testing.T) {
	for _, tt := range parseAsTests {
		t.Run(tt.conv.String()+"/"+tt.in, func(t *testing.T) {
			got, err := ParseListing(tt.in, tt.conv)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("ParseListing(%q, %v) = %v, %v; want error %v", tt.in, tt.conv, got, err, tt.err)
				}
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Input != tt.in || pe.Offset < 0 || pe.Offset > len(tt.in) {
					t.Fatalf("error %#v does not name the input and a position in it", err)
				}
				return
			}
			if err != nil || got.Symbol.String() != tt.want || got.Venue != tt.v {
				t.Fatalf("ParseListing(%q, %v) = %v %v, %v; want %s %v", tt.in, tt.conv, got.Symbol, got.Venue, err, tt.want, tt.v)
			}
			if s, err := ParseAs(tt.in, tt.conv); err != nil || s != got.Symbol {
				t.Fatalf("ParseAs disagrees: %v, %v", s, err)
			}
		})
	}
}

func TestSecID(t *testing.T) {
	id, err := ParseSecID("100.HSI")
	if err != nil || id.Market != 100 || id.Code != "HSI" || id.String() != "100.HSI" {
		t.Fatalf("ParseSecID(100.HSI) = %+v, %v", id, err)
	}
	if _, ok := id.Symbol(); ok {
		t.Fatal("100.HSI resolved to a Symbol")
	}
	for _, bad := range []string{"", ".", "1.", "1234.AB", "1.a b", "1.12345678901234567"} {
		if _, err := ParseSecID(bad); !errors.Is(err, ErrSyntax) {
			t.Errorf("ParseSecID(%q) error %v", bad, err)
		}
	}
}

func TestConventionString(t *testing.T) {
	if Eastmoney.String() != "Eastmoney" || Convention(200).String() != "Convention(200)" {
		t.Fatal("Convention.String")
	}
	if NYSE.String() != "NYSE" || VenueUnknown.String() != "" || Venue(9).String() != "Venue(9)" {
		t.Fatal("Venue.String")
	}
}

func BenchmarkFormat(b *testing.B) {
	b.ReportAllocs()
	l := Listing{Symbol: MustParse("600519.SH")}
	for b.Loop() {
		_, _ = l.Format(Eastmoney)
	}
}

func TestEastmoneyMarketZero(t *testing.T) {
	// Eastmoney market 0 holds Shenzhen and Beijing; codes outside their
	// exchange's range cannot be written.
	for _, in := range []string{"800000.SZ", "430047.SZ", "600000.BJ"} {
		if out, err := MustParse(in).Format(Eastmoney); !errors.Is(err, ErrUnsupported) {
			t.Errorf("Format(%s, Eastmoney) = %q, %v; want ErrUnsupported", in, out, err)
		}
	}
}

func BenchmarkParseAny(b *testing.B) {
	in := []string{"1.600519", "600519.XSHG", "SZ000001", "0700.HK", "HK.00700", "AAPL.O", "NASDAQ:AAPL", "000001"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range in {
			_, _ = ParseAny(s)
		}
	}
}

func FuzzParseAs(f *testing.F) {
	for _, tt := range parseAsTests {
		f.Add(tt.in, uint8(tt.conv))
	}
	for _, tt := range conventionTests {
		for _, s := range tt.want {
			f.Add(s, uint8(tt.conv))
		}
	}
	f.Fuzz(func(t *testing.T, in string, conv uint8) {
		c := Convention(conv % uint8(Auto+2))
		l, err := ParseListing(in, c)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Input != in || pe.Offset < 0 || pe.Offset > len(in) {
				t.Fatalf("ParseListing(%q, %v) error %#v", in, c, err)
			}
			return
		}
		if !l.Symbol.IsValid() {
			t.Fatalf("ParseListing(%q, %v) = invalid symbol", in, c)
		}
		if back, err := Parse(l.Symbol.String()); err != nil || back != l.Symbol {
			t.Fatalf("%v does not round-trip", l.Symbol)
		}
		if l.Venue != VenueUnknown && l.Symbol.Market() != US {
			t.Fatalf("venue %v on non-US %v", l.Venue, l.Symbol)
		}
		if out, err := l.Format(c); err == nil && c != Auto {
			back, err := ParseListing(out, c)
			if err != nil || back.Symbol != l.Symbol {
				t.Fatalf("%q → %v → %q → %v, %v", in, l.Symbol, out, back.Symbol, err)
			}
		}
	})
}

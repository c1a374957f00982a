package ticker

import "strings"

// formLayout is where a convention writes its market word around the code.
type formLayout uint8

const (
	layoutSuffix      formLayout = iota // CODE.WORD: 600519.SS
	layoutPrefixDot                     // WORD.CODE: 1.600519, SH.600519
	layoutGlued                         // WORDCODE: sh600519
	layoutColonPrefix                   // WORD:CODE: SSE:600519
	layoutColonSuffix                   // CODE:WORD: 600519:SHA
	layoutBare                          // CODE: AAPL
)

// codeStyle is how a convention writes a Hong Kong code.
type codeStyle uint8

const (
	codeAsIs    codeStyle = iota // 00700
	codeFour                     // 0700 (four digits where it fits)
	codeNoZeros                  // 700
)

// form is how one convention writes one market (and, for US listings,
// one venue): the word, where it goes and how the code is written.
// parseOnly forms are read but never written (Wind's OQ beside O).
type form struct {
	m         Market
	v         Venue
	word      string
	lay       formLayout
	code      codeStyle
	parseOnly bool
}

// conventionForms is the one table of the conventions' forms: Format
// writes from it, and the parsers' suffix and exchange tables are built
// from it (reference/markets.md §4). A market a convention has no form for
// is ErrUnsupported; a US listing without a venue in a convention whose US
// forms name one is ErrNoVenue.
var conventionForms = map[Convention][]form{
	Eastmoney: {
		{m: SH, word: "1", lay: layoutPrefixDot}, {m: SZ, word: "0", lay: layoutPrefixDot},
		{m: BJ, word: "0", lay: layoutPrefixDot}, {m: HK, word: "116", lay: layoutPrefixDot},
		{m: BK, word: "90", lay: layoutPrefixDot}, {m: LSE, word: "155", lay: layoutPrefixDot},
		{m: US, v: NASDAQ, word: "105", lay: layoutPrefixDot}, {m: US, v: NYSE, word: "106", lay: layoutPrefixDot},
		{m: US, v: AMEX, word: "107", lay: layoutPrefixDot}, {m: US, v: OTC, word: "153", lay: layoutPrefixDot},
	},
	Yahoo: {
		{m: SH, word: "SS"}, {m: SZ, word: "SZ"}, {m: BJ, word: "BJ"}, {m: HK, word: "HK", code: codeFour},
		{m: US, lay: layoutBare}, {m: LSE, word: "L"}, {m: SG, word: "SI"}, {m: JP, word: "T"},
	},
	Wind: {
		{m: SH, word: "SH"}, {m: SZ, word: "SZ"}, {m: BJ, word: "BJ"}, {m: HK, word: "HK", code: codeFour},
		{m: LSE, word: "L"}, {m: SG, word: "SI"}, {m: JP, word: "T"},
		{m: US, v: NASDAQ, word: "O"}, {m: US, v: NASDAQ, word: "OQ", parseOnly: true},
		{m: US, v: NYSE, word: "N"}, {m: US, v: AMEX, word: "A"},
	},
	Tushare: {
		{m: SH, word: "SH"}, {m: SZ, word: "SZ"}, {m: BJ, word: "BJ"}, {m: HK, word: "HK"}, {m: US, lay: layoutBare},
	},
	JoinQuant: {{m: SH, word: "XSHG"}, {m: SZ, word: "XSHE"}},
	Futu: {
		{m: SH, word: "SH", lay: layoutPrefixDot}, {m: SZ, word: "SZ", lay: layoutPrefixDot},
		{m: HK, word: "HK", lay: layoutPrefixDot}, {m: US, word: "US", lay: layoutPrefixDot},
	},
	Longbridge: {
		{m: SH, word: "SH"}, {m: SZ, word: "SZ"}, {m: BJ, word: "BJ"}, {m: US, word: "US"}, {m: SG, word: "SG"},
		{m: HK, word: "HK", code: codeNoZeros},
	},
	Xueqiu: {
		{m: SH, word: "SH", lay: layoutGlued}, {m: SZ, word: "SZ", lay: layoutGlued}, {m: BJ, word: "BJ", lay: layoutGlued},
		{m: HK, lay: layoutBare}, {m: US, lay: layoutBare},
	},
	Baostock: {{m: SH, word: "sh", lay: layoutPrefixDot}, {m: SZ, word: "sz", lay: layoutPrefixDot}},
	Sina: {
		{m: SH, word: "sh", lay: layoutGlued}, {m: SZ, word: "sz", lay: layoutGlued}, {m: BJ, word: "bj", lay: layoutGlued},
		{m: HK, word: "hk", lay: layoutGlued}, {m: US, word: "us", lay: layoutGlued},
	},
	TradingView: {
		{m: SH, word: "SSE", lay: layoutColonPrefix}, {m: SZ, word: "SZSE", lay: layoutColonPrefix},
		{m: HK, word: "HKEX", lay: layoutColonPrefix, code: codeNoZeros}, {m: LSE, word: "LSE", lay: layoutColonPrefix},
		{m: SG, word: "SGX", lay: layoutColonPrefix}, {m: JP, word: "TSE", lay: layoutColonPrefix},
		{m: US, v: NASDAQ, word: "NASDAQ", lay: layoutColonPrefix}, {m: US, v: NYSE, word: "NYSE", lay: layoutColonPrefix},
		{m: US, v: AMEX, word: "AMEX", lay: layoutColonPrefix}, {m: US, v: OTC, word: "OTC", lay: layoutColonPrefix},
	},
	Google: {
		{m: SH, word: "SHA", lay: layoutColonSuffix}, {m: SZ, word: "SHE", lay: layoutColonSuffix},
		{m: HK, word: "HKG", lay: layoutColonSuffix, code: codeNoZeros}, {m: LSE, word: "LON", lay: layoutColonSuffix},
		{m: SG, word: "SGX", lay: layoutColonSuffix}, {m: JP, word: "TYO", lay: layoutColonSuffix},
		{m: US, v: NASDAQ, word: "NASDAQ", lay: layoutColonSuffix}, {m: US, v: NYSE, word: "NYSE", lay: layoutColonSuffix},
		{m: US, v: AMEX, word: "NYSEAMERICAN", lay: layoutColonSuffix}, {m: US, v: OTC, word: "OTCMKTS", lay: layoutColonSuffix},
	},
}

// write writes code in form f.
func (f form) write(code string) string {
	switch f.code {
	case codeFour:
		code = hk4(code)
	case codeNoZeros:
		code = strings.TrimLeft(code, "0")
	}
	switch f.lay {
	case layoutPrefixDot:
		return f.word + "." + code
	case layoutGlued:
		return f.word + code
	case layoutColonPrefix:
		return f.word + ":" + code
	case layoutColonSuffix:
		return code + ":" + f.word
	case layoutBare:
		return code
	}
	return code + "." + f.word
}

// Format writes l in convention conv, using l.Venue where the convention
// names the US venue. See [Symbol.Format].
func (l Listing) Format(conv Convention) (string, error) {
	s := l.Symbol
	if !s.IsValid() {
		return "", &FormatError{Symbol: s, Convention: conv, Err: ErrInvalidCode}
	}
	if conv == Canonical || conv == Auto {
		return s.String(), nil
	}
	code, m := s.code, s.market
	if m == US {
		code = usClass(code, conv)
	}
	// Eastmoney's market 0 holds Shenzhen and Beijing; the code range tells
	// them apart, so a code outside its exchange's range cannot be written.
	if conv == Eastmoney && (m == SZ || m == BJ) && (m == BJ) != emBeijing(code) {
		return "", &FormatError{Symbol: s, Convention: conv, Err: ErrUnsupported}
	}
	venueNamed := false
	for _, f := range conventionForms[conv] {
		if f.m != m || f.parseOnly {
			continue
		}
		if f.v != VenueUnknown {
			venueNamed = true
			if f.v != l.Venue {
				continue
			}
		}
		return f.write(code), nil
	}
	if venueNamed && l.Venue == VenueUnknown {
		return "", &FormatError{Symbol: s, Convention: conv, Err: ErrNoVenue}
	}
	return "", &FormatError{Symbol: s, Convention: conv, Err: ErrUnsupported}
}

// suffixTable returns the upper-case code suffixes of a suffixed
// convention with their markets and venues, from conventionForms.
func suffixTable(conv Convention) map[string]suffixListing {
	out := make(map[string]suffixListing)
	for _, f := range conventionForms[conv] {
		if f.lay == layoutSuffix {
			out[strings.ToUpper(f.word)] = suffixListing{f.m, f.v}
		}
	}
	return out
}

// exchangeTable returns the exchange words of TradingView or Google, from
// conventionForms.
func exchangeTable(conv Convention) []exchangeEntry {
	var out []exchangeEntry
	for _, f := range conventionForms[conv] {
		out = append(out, exchangeEntry{f.word, f.m, f.v})
	}
	return out
}

// exchangeEntry is an exchange word and the market and venue it names.
type exchangeEntry struct {
	w string
	m Market
	v Venue
}

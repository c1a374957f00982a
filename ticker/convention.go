package ticker

import "strings"

// Convention is a way of writing security codes used by a data vendor or
// quote site (reference/markets.md §4). The zero value is Canonical.
//
// The table shows how each convention writes Kweichow Moutai (Shanghai),
// Ping An Bank (Shenzhen), a Beijing stock, Tencent (Hong Kong), Apple
// (NASDAQ) and Alibaba (NYSE); "–" means the convention has no form for the
// market and Format returns [ErrUnsupported].
//
//	Canonical   600519.SH   000001.SZ   430047.BJ    00700.HK    AAPL.US       BABA.US
//	Eastmoney   1.600519    0.000001    0.430047     116.00700   105.AAPL      106.BABA
//	Yahoo       600519.SS   000001.SZ   430047.BJ    0700.HK     AAPL          BABA
//	Wind        600519.SH   000001.SZ   430047.BJ    0700.HK     AAPL.O        BABA.N
//	Tushare     600519.SH   000001.SZ   430047.BJ    00700.HK    AAPL          BABA
//	JoinQuant   600519.XSHG 000001.XSHE –            –           –             –
//	Futu        SH.600519   SZ.000001   –            HK.00700    US.AAPL       US.BABA
//	Longbridge  600519.SH   000001.SZ   430047.BJ    700.HK      AAPL.US       BABA.US
//	Xueqiu      SH600519    SZ000001    BJ430047     00700       AAPL          BABA
//	Baostock    sh.600519   sz.000001   –            –           –             –
//	Sina        sh600519    sz000001    bj430047     hk00700     usAAPL        usBABA
//	TradingView SSE:600519  SZSE:000001 –            HKEX:700    NASDAQ:AAPL   NYSE:BABA
//	Google      600519:SHA  000001:SHE  –            700:HKG     AAPL:NASDAQ   BABA:NYSE
//
// Eastmoney, Wind, TradingView and Google name the US venue, which a
// [Symbol] does not carry: [Symbol.Format] returns [ErrNoVenue] for a US
// symbol in those conventions, and [Listing.Format] uses the Listing's
// Venue. Parsing them fills the Venue of the [Listing].
//
// Eastmoney boards (BK1037.BK) are written 90.BK1037 by Eastmoney and
// BK1037.BK canonically; other conventions have no boards. Class shares are
// written BRK-B (Canonical, Yahoo), BRK_B (Eastmoney) or BRK.B (the others).
type Convention uint8

// Conventions. String returns the name of the constant.
//
//go:generate go run golang.org/x/tools/cmd/stringer@v0.52.0 -type=Convention -output=convention_string.go
const (
	Canonical   Convention = iota // 600519.SH, 00700.HK, AAPL.US (spec/tickers.md)
	Eastmoney                     // secid: 1.600519, 0.000001, 116.00700, 105.AAPL, 90.BK1037
	Yahoo                         // 600519.SS, 000001.SZ, 0700.HK, AAPL
	Wind                          // 600519.SH, 0700.HK, AAPL.O, BABA.N, X.A
	Tushare                       // ts_code: 600519.SH, 00700.HK, AAPL
	JoinQuant                     // 600519.XSHG, 000001.XSHE (also RiceQuant)
	Futu                          // SH.600519, HK.00700, US.AAPL
	Longbridge                    // 600519.SH, 700.HK, AAPL.US, D05.SG
	Xueqiu                        // SH600519, 00700, AAPL
	Baostock                      // sh.600519, sz.000001
	Sina                          // Sina and Tencent quote prefixes: sh600519, hk00700, usAAPL
	TradingView                   // SSE:600519, HKEX:700, NASDAQ:AAPL
	Google                        // 600519:SHA, 700:HKG, AAPL:NASDAQ
	// Auto is not a convention but asks [ParseListing] to guess, as
	// [ParseAny] does. Formatting with Auto formats canonically.
	Auto
)

// Venue is the US exchange of a listing. The zero value means unknown.
type Venue uint8

// US venues. The line comment of each is the name String returns.
//
//go:generate go run golang.org/x/tools/cmd/stringer@v0.52.0 -type=Venue -linecomment -output=convention_venue_string.go
const (
	VenueUnknown Venue = iota //
	// NASDAQ: Eastmoney 105, Wind .O.
	NASDAQ // NASDAQ
	// NYSE: Eastmoney 106, Wind .N.
	NYSE // NYSE
	// AMEX is NYSE American: Eastmoney 107, Wind .A.
	AMEX // AMEX
	// OTC are the OTC markets (pink sheets): Eastmoney 153.
	OTC // OTC
)

// Listing is a Symbol with the US venue it trades on, for the conventions
// that write the venue (Eastmoney, Wind, TradingView, Google). Venue is
// VenueUnknown for non-US symbols and for US symbols read from conventions
// that do not name the venue.
type Listing struct {
	Symbol Symbol
	Venue  Venue
}

// ParseAs parses s written in convention conv. Prefixes and suffixes are
// matched case-insensitively; codes are normalised as by [New]. Errors are
// [*ParseError] values.
func ParseAs(s string, conv Convention) (Symbol, error) {
	l, err := ParseListing(s, conv)
	return l.Symbol, err
}

// ParseAny parses s in whichever convention it appears to be written:
// the market suffix, prefix or Eastmoney number decides. A bare six-digit
// code is placed by [InferMarket] (so "000001" is Ping An Bank, 000001.SZ),
// a bare five-digit code is Hong Kong, BK and four digits is an Eastmoney
// board, and a bare ticker is US.
// Where conventions disagree the canonical reading wins: "600519.SZ" is
// 600519.SZ even though no such stock exists.
func ParseAny(s string) (Symbol, error) {
	l, err := ParseListing(s, Auto)
	return l.Symbol, err
}

// ParseListing is like [ParseAs] but also returns the US venue when the
// convention writes it. With conv == Auto it guesses as [ParseAny].
func ParseListing(s string, conv Convention) (Listing, error) {
	switch conv {
	case Canonical:
		sym, err := Parse(s)
		return Listing{Symbol: sym}, err
	case Eastmoney:
		id, err := ParseSecID(s)
		if err != nil {
			return Listing{}, err
		}
		l, ok := id.Listing()
		if !ok {
			if l.Symbol.market == Unknown && emMarketKnown(id.Market) {
				return Listing{}, parseErr(s, strings.IndexByte(s, '.')+1, ErrInvalidCode)
			}
			return Listing{}, parseErr(s, 0, ErrUnknownMarket)
		}
		return l, nil
	case Yahoo, Wind, Tushare, JoinQuant, Longbridge:
		return parseSuffixed(s, conv)
	case Futu, Baostock:
		return parsePrefixDot(s, conv)
	case Xueqiu, Sina:
		return parseGlued(s, conv)
	case TradingView, Google:
		return parseColon(s, conv)
	case Auto:
		return parseAuto(s)
	}
	return Listing{}, parseErr(s, 0, ErrUnsupported)
}

// suffixListing is what a code suffix of a suffixed convention says.
type suffixListing struct {
	market Market
	venue  Venue
}

// suffixTables maps each suffixed convention's upper-case code suffixes to
// markets and, for US listings, venues; built from conventionForms.
var suffixTables = map[Convention]map[string]suffixListing{
	Yahoo: suffixTable(Yahoo), Wind: suffixTable(Wind), Tushare: suffixTable(Tushare),
	Longbridge: suffixTable(Longbridge), JoinQuant: suffixTable(JoinQuant),
}

// suffixMarket maps a code suffix to a market and venue for the suffixed
// conventions. ok is false for a suffix that conv does not use.
func suffixMarket(suf string, conv Convention) (Market, Venue, bool) {
	if len(suf) > 4 {
		return Unknown, 0, false
	}
	var buf [4]byte
	for i := 0; i < len(suf); i++ {
		buf[i] = upper(suf[i])
	}
	l, ok := suffixTables[conv][string(buf[:len(suf)])] // the conversion does not allocate
	return l.market, l.venue, ok
}

func lastDot(s string) int { return strings.LastIndexByte(s, '.') }

func parseSuffixed(s string, conv Convention) (Listing, error) {
	dot := lastDot(s)
	if dot > 0 {
		if m, v, ok := suffixMarket(s[dot+1:], conv); ok {
			l, err := newListing(s, s[:dot], 0, m, v)
			if err != nil && conv == Tushare {
				// A US class share whose class looks like a suffix: A.SZ.
				if sym, err := New(s, US); err == nil {
					return Listing{Symbol: sym}, nil
				}
			}
			return l, err
		}
	}
	// Yahoo and Tushare write US tickers bare.
	if conv == Yahoo || conv == Tushare {
		if sym, err := New(s, US); err == nil {
			return Listing{Symbol: sym}, nil
		}
	}
	if dot < 0 {
		return Listing{}, parseErr(s, len(s), ErrSyntax)
	}
	return Listing{}, parseErr(s, dot+1, ErrUnknownMarket)
}

func newListing(in, code string, off int, m Market, v Venue) (Listing, error) {
	c, o, ok := normCode(code, m)
	if !ok {
		return Listing{}, parseErr(in, off+o, ErrInvalidCode)
	}
	return Listing{Symbol: Symbol{code: c, market: m}, Venue: v}, nil
}

// prefixMarket maps a two-letter market prefix (sh, SZ, hk, us, bj).
func prefixMarket(p string) Market {
	if len(p) != 2 {
		return Unknown
	}
	switch m := ParseMarket(p); m {
	case SH, SZ, BJ, HK, US:
		return m
	}
	return Unknown
}

func parsePrefixDot(s string, conv Convention) (Listing, error) {
	dot := strings.IndexByte(s, '.')
	if dot < 0 {
		return Listing{}, parseErr(s, len(s), ErrSyntax)
	}
	m := prefixMarket(s[:dot])
	if m == Unknown || (conv == Baostock && m != SH && m != SZ) || (conv == Futu && m == BJ) {
		return Listing{}, parseErr(s, 0, ErrUnknownMarket)
	}
	return newListing(s, s[dot+1:], dot+1, m, 0)
}

func parseGlued(s string, conv Convention) (Listing, error) {
	if conv == Sina {
		// Sina's US quotes are gb_aapl; its realtime HK quotes rt_hk00700.
		if len(s) > 3 && (s[:3] == "gb_" || s[:3] == "GB_") {
			return newListing(s, s[3:], 3, US, 0)
		}
		if len(s) > 3 && (s[:3] == "rt_" || s[:3] == "RT_") {
			l, err := parseGlued(s[3:], conv)
			if pe, ok := err.(*ParseError); ok {
				return Listing{}, parseErr(s, 3+pe.Offset, pe.Err)
			}
			return l, err
		}
	}
	if len(s) >= 3 {
		if m := prefixMarket(s[:2]); m != Unknown && !(conv == Xueqiu && (m == HK || m == US)) {
			if m != US || conv == Sina {
				return newListing(s, s[2:], 2, m, 0)
			}
		}
	}
	if conv == Xueqiu && s != "" {
		if isDigit(s[0]) {
			if len(s) == 5 {
				return newListing(s, s, 0, HK, 0)
			}
			return Listing{}, parseErr(s, 0, ErrSyntax)
		}
		return newListing(s, s, 0, US, 0)
	}
	return Listing{}, parseErr(s, 0, ErrUnknownMarket)
}

// exchange names of TradingView (prefix) and Google (suffix), from
// conventionForms.
var (
	tvExchanges     = exchangeTable(TradingView)
	googleExchanges = exchangeTable(Google)
)

// exchangeWord maps a TradingView or Google exchange name, in any case.
func exchangeWord(w string, conv Convention) (Market, Venue, bool) {
	if conv == TradingView {
		for _, e := range tvExchanges {
			if strings.EqualFold(w, e.w) {
				return e.m, e.v, true
			}
		}
		return Unknown, 0, false
	}
	for _, e := range googleExchanges {
		if strings.EqualFold(w, e.w) {
			return e.m, e.v, true
		}
	}
	return Unknown, 0, false
}

func parseColon(s string, conv Convention) (Listing, error) {
	c := strings.IndexByte(s, ':')
	if c < 0 {
		return Listing{}, parseErr(s, len(s), ErrSyntax)
	}
	if conv == TradingView {
		m, v, ok := exchangeWord(s[:c], conv)
		if !ok {
			return Listing{}, parseErr(s, 0, ErrUnknownMarket)
		}
		return newListing(s, s[c+1:], c+1, m, v)
	}
	m, v, ok := exchangeWord(s[c+1:], conv)
	if !ok {
		return Listing{}, parseErr(s, c+1, ErrUnknownMarket)
	}
	return newListing(s, s[:c], 0, m, v)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func parseAuto(s string) (Listing, error) {
	if s == "" {
		return Listing{}, parseErr(s, 0, ErrSyntax)
	}
	if len(s) > 2 && s[0] == 'u' && s[1] == 's' && s[2] >= 'A' && s[2] <= 'Z' {
		return newListing(s, s[2:], 2, US, 0) // Tencent: usAAPL, usBRK.B
	}
	if len(s) > 3 && (s[2] == '_' || s[2] == '-') {
		if m := prefixMarket(s[:2]); m != Unknown {
			return newListing(s, s[3:], 3, m, 0) // guba: HK_00700
		}
	}
	if c := strings.IndexByte(s, ':'); c >= 0 {
		if _, _, ok := exchangeWord(s[:c], TradingView); ok {
			return parseColon(s, TradingView)
		}
		return parseColon(s, Google)
	}
	if dot := lastDot(s); dot >= 0 {
		suf := s[dot+1:]
		if m := ParseMarket(suf); m != Unknown {
			return newListing(s, s[:dot], 0, m, 0)
		}
		for _, conv := range [...]Convention{Wind, Yahoo, JoinQuant} {
			if m, v, ok := suffixMarket(suf, conv); ok {
				return newListing(s, s[:dot], 0, m, v)
			}
		}
		first := strings.IndexByte(s, '.')
		head := s[:first]
		if allDigits(head) && len(head) <= 3 {
			return ParseListing(s, Eastmoney)
		}
		if m := prefixMarket(head); m != Unknown {
			return newListing(s, s[first+1:], first+1, m, 0)
		}
		if l, err := newListing(s, s, 0, US, 0); err == nil {
			return l, nil // BRK.B
		}
		return Listing{}, parseErr(s, dot+1, ErrUnknownMarket)
	}
	if len(s) == 6 && upper(s[0]) == 'B' && upper(s[1]) == 'K' {
		return newListing(s, s, 0, BK, 0) // an Eastmoney board: BK1037
	}
	if len(s) > 2 && !isDigit(s[0]) && isDigit(s[2]) {
		return parseGlued(s, Sina)
	}
	if len(s) > 3 && (s[:3] == "gb_" || s[:3] == "rt_") {
		return parseGlued(s, Sina)
	}
	if allDigits(s) {
		switch len(s) {
		case 6:
			if m := InferMarket(s); m != Unknown {
				return newListing(s, s, 0, m, 0)
			}
		case 5:
			return newListing(s, s, 0, HK, 0)
		}
		return Listing{}, parseErr(s, 0, ErrSyntax)
	}
	return newListing(s, s, 0, US, 0)
}

// Format writes s in convention conv. It returns a [*FormatError] wrapping
// [ErrUnsupported] when conv has no form for the market, and [ErrNoVenue]
// for a US symbol in a convention that names the venue (Eastmoney, Wind,
// TradingView, Google); format a [Listing] with its Venue set instead.
func (s Symbol) Format(conv Convention) (string, error) {
	return Listing{Symbol: s}.Format(conv)
}

// hk4 writes a five-digit Hong Kong code with four digits where it fits
// (00700 → 0700), as Yahoo and Wind do.
func hk4(code string) string {
	if len(code) == 5 && code[0] == '0' {
		return code[1:]
	}
	return code
}

// usClass writes the class separator of a US ticker as conv does.
func usClass(code string, conv Convention) string {
	i := strings.IndexByte(code, '-')
	if i < 0 {
		return code
	}
	switch conv {
	case Canonical, Auto, Yahoo:
		return code
	case Eastmoney:
		return code[:i] + "_" + code[i+1:]
	}
	return code[:i] + "." + code[i+1:]
}

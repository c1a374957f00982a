package ticker

import (
	"encoding"
	"fmt"
)

// Market is the venue part of a canonical symbol. The zero value, Unknown,
// means the market is not known; a Symbol with an unknown market is not valid.
//
// SH, SZ, BJ, HK, US and BK are the markets of spec/tickers.md. LSE, SG and
// JP are the other venues that Chinese news quotes by code (GDRs in London,
// Singapore and Tokyo listings); they are written as the venue writes its
// codes ("HSBA.LSE", "D05.SG", "7203.JP"). Eastmoney's global indices
// (market 100: HSI, DJIA, …) and futures are not Symbols; see [SecID].
type Market uint8

// Markets, in the order of the canonical suffixes of spec/tickers.md. The
// line comment of each is its canonical suffix, which String returns.
//
//go:generate go run golang.org/x/tools/cmd/stringer@v0.52.0 -type=Market -linecomment
const (
	// Unknown is the zero Market: the market is not known.
	Unknown Market = iota //
	// SH is the Shanghai Stock Exchange.
	SH // SH
	// SZ is the Shenzhen Stock Exchange.
	SZ // SZ
	// BJ is the Beijing Stock Exchange.
	BJ // BJ
	// HK is Hong Kong Exchanges.
	HK // HK
	// US is any US venue: NASDAQ, NYSE, NYSE American, OTC.
	US // US
	// BK are Eastmoney boards (sectors, concepts, regions).
	BK // BK
	// LSE is the London Stock Exchange, including its GDR order book.
	LSE // LSE
	// SG is the Singapore Exchange.
	SG // SG
	// JP is the Tokyo Stock Exchange.
	JP // JP
	// NQ is the National Equities Exchange and Quotations (新三板, NEEQ):
	// six-digit 43/83/87 codes of companies quoted there but not listed on
	// the Beijing Stock Exchange (天风期货 834277.NQ).
	NQ // NQ
)

// ParseMarket returns the market for a canonical suffix, case-insensitively,
// or Unknown. It does not allocate.
func ParseMarket(s string) Market {
	switch len(s) {
	case 2:
		a, b := upper(s[0]), upper(s[1])
		switch {
		case a == 'S' && b == 'H':
			return SH
		case a == 'S' && b == 'Z':
			return SZ
		case a == 'B' && b == 'J':
			return BJ
		case a == 'H' && b == 'K':
			return HK
		case a == 'U' && b == 'S':
			return US
		case a == 'B' && b == 'K':
			return BK
		case a == 'S' && b == 'G':
			return SG
		case a == 'J' && b == 'P':
			return JP
		case a == 'N' && b == 'Q':
			return NQ
		}
	case 3:
		if upper(s[0]) == 'L' && upper(s[1]) == 'S' && upper(s[2]) == 'E' {
			return LSE
		}
	}
	return Unknown
}

// Symbol identifies one listed security in the canonical CODE.MARKET form of
// spec/tickers.md: "600519.SH", "000001.SZ", "430047.BJ", "00700.HK",
// "AAPL.US", "BRK-B.US", "BK1037.BK".
//
// A Symbol is a small comparable value: use it as a map key and compare it
// with ==. The zero Symbol means "unknown" and reports IsValid false. Codes
// are stored normalised (A shares six digits, Hong Kong five digits with
// leading zeros, US tickers upper case with class shares joined by "-",
// boards "BK" and four digits); every Symbol built by [New] or [Parse] is
// normalised, so two Symbols for the same security are ==.
//
// A Symbol does not record the US venue (NASDAQ or NYSE): the market of
// every US listing is US. Conventions that need the venue format a
// [Listing] instead.
type Symbol struct {
	code   string
	market Market
}

// Compile-time checks of the interfaces Symbol implements.
var (
	_ encoding.TextMarshaler   = Symbol{}
	_ encoding.TextUnmarshaler = (*Symbol)(nil)
	_ fmt.Stringer             = Symbol{}
	_ fmt.Stringer             = Market(0)
)

// Code returns the code part ("600519", "00700", "AAPL").
func (s Symbol) Code() string { return s.code }

// Market returns the market part.
func (s Symbol) Market() Market { return s.market }

// IsValid reports whether s names a security.
func (s Symbol) IsValid() bool { return s.market != Unknown && s.code != "" }

// String returns the canonical form "CODE.MARKET", or "" for the zero Symbol.
func (s Symbol) String() string {
	if !s.IsValid() {
		return ""
	}
	return s.code + "." + s.market.String()
}

// MarshalText returns the canonical form; the zero Symbol marshals to empty
// text.
func (s Symbol) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return []byte{}, nil
	}
	b := make([]byte, 0, len(s.code)+4)
	b = append(b, s.code...)
	b = append(b, '.')
	b = append(b, s.market.String()...)
	return b, nil
}

// UnmarshalText parses the canonical form as [Parse] does; empty text gives
// the zero Symbol.
func (s *Symbol) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*s = Symbol{}
		return nil
	}
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// New returns the Symbol for code in market m, normalising the code:
// A-share and BJ codes must be six ASCII digits; Hong Kong codes are one to
// five digits and are padded (or stripped) to five ("700", "0700" and
// "000700" all give "00700"); US tickers are upper-cased and a class
// separator ".", "_" or "/" becomes "-" ("brk.b" gives "BRK-B"); boards
// are "BK" and four digits ("bk1037" and "1037" give "BK1037"). It returns
// a [*ParseError] wrapping [ErrUnknownMarket] or [ErrInvalidCode].
//
// New does not allocate when code is already normalised.
func New(code string, m Market) (Symbol, error) {
	c, off, ok := normCode(code, m)
	if !ok {
		if m == Unknown || m > NQ {
			return Symbol{}, parseErr(code, 0, ErrUnknownMarket)
		}
		return Symbol{}, parseErr(code, off, ErrInvalidCode)
	}
	return Symbol{code: c, market: m}, nil
}

// MustParse is like [Parse] but panics if s cannot be parsed. It is meant
// for literals in tests and variable initialisers.
func MustParse(s string) Symbol {
	v, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

// Parse parses a symbol in the canonical form "CODE.MARKET", with the
// market suffix in any case: "600519.SH", "00700.hk", "BRK.B.US",
// "HSBA.LSE". The code is normalised as by [New], so "700.HK" parses as
// 00700.HK. Errors are [*ParseError] values wrapping [ErrSyntax],
// [ErrUnknownMarket] or [ErrInvalidCode].
//
// Parse does not allocate for input already in canonical form.
func Parse(s string) (Symbol, error) {
	dot := -1
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			dot = i
			break
		}
	}
	if dot < 0 {
		return Symbol{}, parseErr(s, len(s), ErrSyntax)
	}
	if dot == 0 {
		return Symbol{}, parseErr(s, 0, ErrSyntax)
	}
	m := ParseMarket(s[dot+1:])
	if m == Unknown {
		return Symbol{}, parseErr(s, dot+1, ErrUnknownMarket)
	}
	c, off, ok := normCode(s[:dot], m)
	if !ok {
		return Symbol{}, parseErr(s, off, ErrInvalidCode)
	}
	return Symbol{code: c, market: m}, nil
}

// normCode normalises code for market m. On failure it returns the byte
// offset of the first offending byte.
func normCode(code string, m Market) (string, int, bool) {
	switch m {
	case SH, SZ, BJ, NQ:
		for i := 0; i < len(code) && i < 6; i++ {
			if !isDigit(code[i]) {
				return "", i, false
			}
		}
		if len(code) != 6 {
			return "", min(len(code), 6), false
		}
		return code, 0, true
	case HK:
		return normHK(code)
	case US:
		return normUS(code)
	case BK:
		c := code
		if len(c) == 6 && upper(c[0]) == 'B' && upper(c[1]) == 'K' {
			c = c[2:]
		}
		if len(c) != 4 {
			return "", 0, false
		}
		for i := 0; i < 4; i++ {
			if !isDigit(c[i]) {
				return "", len(code) - 4 + i, false
			}
		}
		if len(code) == 6 && code[0] == 'B' && code[1] == 'K' {
			return code, 0, true
		}
		return "BK" + c, 0, true
	case LSE, SG, JP:
		if code == "" || len(code) > 8 {
			return "", 0, false
		}
		lower := false
		for i := 0; i < len(code); i++ {
			c := code[i]
			switch {
			case isDigit(c), c >= 'A' && c <= 'Z':
			case c >= 'a' && c <= 'z':
				lower = true
			default:
				return "", i, false
			}
		}
		if lower {
			return toUpper(code), 0, true
		}
		return code, 0, true
	}
	return "", 0, false
}

// hkPadded holds the zero prefixes used to pad Hong Kong codes.
const hkZeros = "00000"

func normHK(code string) (string, int, bool) {
	if code == "" {
		return "", 0, false
	}
	for i := 0; i < len(code); i++ {
		if !isDigit(code[i]) {
			return "", i, false
		}
	}
	if len(code) == 5 {
		if code == hkZeros {
			return "", 0, false
		}
		return code, 0, true
	}
	i := 0
	for i < len(code) && code[i] == '0' {
		i++
	}
	sig := code[i:]
	if sig == "" || len(sig) > 5 {
		return "", 0, false
	}
	return hkZeros[:5-len(sig)] + sig, 0, true
}

// normUS accepts a US ticker: a letter, then letters and digits, with at
// most one class separator (. - _ /) followed by one or two letters; at most
// ten bytes in all.
func normUS(code string) (string, int, bool) {
	if code == "" || len(code) > 10 {
		return "", 0, false
	}
	if !isLetter(code[0]) {
		return "", 0, false
	}
	sep := -1
	clean := true
	for i := 1; i < len(code); i++ {
		c := code[i]
		switch {
		case c >= 'A' && c <= 'Z', isDigit(c):
		case c >= 'a' && c <= 'z':
			clean = false
		case c == '.' || c == '-' || c == '_' || c == '/':
			if sep >= 0 || i == len(code)-1 {
				return "", i, false
			}
			sep = i
			if c != '-' {
				clean = false
			}
		default:
			return "", i, false
		}
	}
	if code[0] >= 'a' {
		clean = false
	}
	if sep >= 0 {
		if len(code)-sep-1 > 2 {
			return "", sep, false
		}
		for i := sep + 1; i < len(code); i++ {
			if !isLetter(code[i]) {
				return "", i, false
			}
		}
	}
	if clean {
		return code, 0, true
	}
	b := []byte(code)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		case c == '.' || c == '_' || c == '/':
			b[i] = '-'
		}
	}
	return string(b), 0, true
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func toUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = upper(c)
	}
	return string(b)
}

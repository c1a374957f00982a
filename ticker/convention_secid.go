package ticker

import "strconv"

// SecID is an Eastmoney security id, "<market number>.<code>": 1.600519,
// 0.000001, 116.00700, 105.AAPL, 90.BK1037, 100.HSI. Quote links, chart
// images (nid=) and embeds carry it. Market numbers that are not securities
// of a [Market] (100 global indices, 101–115 futures, 119 FX, …) are kept
// as they are, opaque: Listing reports false for them.
type SecID struct {
	Market int    // Eastmoney market number, 0..999
	Code   string // the code as written after the dot
}

// String returns "<market>.<code>".
func (id SecID) String() string { return strconv.Itoa(id.Market) + "." + id.Code }

// ParseSecID parses an Eastmoney secid "<market number>.<code>". It checks
// only the shape: one to three digits, a dot, then a code of letters,
// digits and '_' (at most 16 bytes).
func ParseSecID(s string) (SecID, error) {
	n, i := 0, 0
	for i < len(s) && i < 3 && isDigit(s[i]) {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || i >= len(s) || s[i] != '.' {
		return SecID{}, parseErr(s, i, ErrSyntax)
	}
	code := s[i+1:]
	if code == "" || len(code) > 16 {
		return SecID{}, parseErr(s, i+1, ErrSyntax)
	}
	for j := 0; j < len(code); j++ {
		c := code[j]
		if !isDigit(c) && !isLetter(c) && c != '_' && c != '-' {
			return SecID{}, parseErr(s, i+1+j, ErrSyntax)
		}
	}
	return SecID{Market: n, Code: code}, nil
}

// emMarketKnown reports whether Eastmoney market number n maps to a Market.
func emMarketKnown(n int) bool {
	switch n {
	case 0, 1, 90, 105, 106, 107, 116, 128, 153, 155, 156:
		return true
	}
	return false
}

// Listing returns the listing the secid names: market 1 is Shanghai; 0 is
// Shenzhen, or Beijing for codes 4xxxxx, 8xxxxx and 92xxxx (Eastmoney has no
// market number of its own for the Beijing exchange); 116 and 128 are Hong
// Kong; 105, 106, 107 and 153 are US (NASDAQ, NYSE, AMEX, OTC); 90 are
// boards; 155 and 156 London. ok is false for other market numbers and for
// codes that do not fit the market.
func (id SecID) Listing() (l Listing, ok bool) {
	var m Market
	var v Venue
	switch id.Market {
	case 1:
		m = SH
	case 0:
		m = SZ
		if emBeijing(id.Code) {
			m = BJ
		}
	case 116, 128:
		m = HK
	case 105:
		m, v = US, NASDAQ
	case 106:
		m, v = US, NYSE
	case 107:
		m, v = US, AMEX
	case 153:
		m, v = US, OTC
	case 90:
		m = BK
	case 155, 156:
		m = LSE
	default:
		return Listing{}, false
	}
	c, _, okc := normCode(id.Code, m)
	if !okc {
		return Listing{}, false
	}
	return Listing{Symbol: Symbol{code: c, market: m}, Venue: v}, true
}

// Symbol returns the symbol the secid names; see [SecID.Listing].
func (id SecID) Symbol() (Symbol, bool) {
	l, ok := id.Listing()
	return l.Symbol, ok
}

// emBeijing reports a code of Eastmoney market 0 in the Beijing ranges:
// 4xxxxx, 8xxxxx and 92xxxx.
func emBeijing(c string) bool {
	return len(c) == 6 && (c[0] == '4' || c[0] == '8' || (c[0] == '9' && c[1] == '2'))
}

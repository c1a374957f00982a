package ticker

import (
	"errors"
	"strconv"
)

// Sentinel errors. They are returned wrapped in a [*ParseError] by [New],
// [Parse], [ParseAs], [ParseAny], [ParseListing], [ParseSecID] and
// [Symbol.UnmarshalText], and wrapped in a [*FormatError] by
// [Symbol.Format] and [Listing.Format]. Test for them with [errors.Is].
var (
	// ErrSyntax means the input does not have the shape of the convention,
	// e.g. no market separator in "600519".
	ErrSyntax = errors.New("invalid syntax")
	// ErrUnknownMarket means the market part (suffix, prefix or Eastmoney
	// market number) is not one this package knows.
	ErrUnknownMarket = errors.New("unknown market")
	// ErrInvalidCode means the code does not fit its market: a Shanghai code
	// that is not six digits, a Hong Kong code of more than five digits, a US
	// ticker with characters other than letters, digits and one class
	// separator.
	ErrInvalidCode = errors.New("invalid code")
	// ErrUnsupported means a convention cannot express the symbol, e.g.
	// JoinQuant has no Hong Kong codes and Baostock no US tickers.
	ErrUnsupported = errors.New("convention does not cover this market")
	// ErrNoVenue means a convention needs the US venue (NASDAQ, NYSE, …) and
	// the symbol does not carry one: use a [Listing] with its Venue set.
	ErrNoVenue = errors.New("US venue unknown")
)

// ParseError reports a string that could not be read as a symbol. Offset
// is the byte offset into Input where the problem was found. It unwraps to
// one of the sentinels above.
type ParseError struct {
	Input  string // the string as given
	Offset int    // byte offset of the problem in Input
	Err    error  // ErrSyntax, ErrUnknownMarket, ErrInvalidCode, …
}

func (e *ParseError) Error() string {
	return "ticker: parse " + strconv.Quote(e.Input) + " at byte " + strconv.Itoa(e.Offset) + ": " + e.Err.Error()
}

// Unwrap returns the sentinel.
func (e *ParseError) Unwrap() error { return e.Err }

// FormatError reports a symbol that a convention cannot express.
type FormatError struct {
	Symbol     Symbol
	Convention Convention
	Err        error // ErrUnsupported, ErrNoVenue, or ErrInvalidCode for the zero Symbol
}

func (e *FormatError) Error() string {
	return "ticker: format " + strconv.Quote(e.Symbol.String()) + " as " + e.Convention.String() + ": " + e.Err.Error()
}

// Unwrap returns the sentinel.
func (e *FormatError) Unwrap() error { return e.Err }

func parseErr(in string, off int, err error) error {
	return &ParseError{Input: in, Offset: off, Err: err}
}

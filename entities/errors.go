package entities

import (
	"errors"
	"strconv"
)

// Errors returned by [ParseNumber], wrapped in a [*NumberError] that says
// which input failed and where.
var (
	// ErrSyntax means the input is not a number in any accepted form.
	ErrSyntax = errors.New("invalid number syntax")
	// ErrRange means the number is well formed but absurdly large: its
	// magnitude is at least 10^24 (一亿亿亿), it has more than 40
	// significant digits, or its exponent (1e400) is beyond ±60. No
	// quantity in financial news comes near these bounds; anything beyond
	// them is a typo or an attack on the parser.
	ErrRange = errors.New("number out of range")
)

// NumberError records a failed number parse.
type NumberError struct {
	Input  string // the string passed to ParseNumber
	Offset int    // byte offset in Input where the problem was found
	Err    error  // ErrSyntax or ErrRange
}

// Error returns a message naming the input and the byte offset.
func (e *NumberError) Error() string {
	return "entities: parsing number " + strconv.Quote(e.Input) + " at byte " +
		strconv.Itoa(e.Offset) + ": " + e.Err.Error()
}

// Unwrap returns the sentinel, so that errors.Is(err, ErrSyntax) works.
func (e *NumberError) Unwrap() error { return e.Err }

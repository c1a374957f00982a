package stocknews

import (
	"errors"
	"fmt"
	"strings"
)

// Reasons a parse fails. They are wrapped in a [*ParseError] that names the
// input and the position; test for them with errors.Is.
var (
	// ErrFrontMatter: the YAML front matter is not closed or is not valid
	// YAML.
	ErrFrontMatter = errors.New("stocknews: invalid front matter")
	// ErrTooLarge: the input is larger than ParseOptions.MaxSize.
	ErrTooLarge = errors.New("stocknews: input too large")
	// ErrFormat: the input is not in the requested or detected format, e.g.
	// malformed JSON or a JSON value that is not a news record.
	ErrFormat = errors.New("stocknews: malformed input")
	// ErrEncoding: the input is not valid UTF-8 and ParseOptions asks to
	// reject such input.
	ErrEncoding = errors.New("stocknews: invalid text encoding")
	// ErrEmpty: the input holds no article at all (no title and no text).
	ErrEmpty = errors.New("stocknews: empty article")
)

// ParseError is the error returned for an input that cannot be parsed. It
// names the input and the position of the problem and wraps the reason,
// one of the Err* sentinels.
type ParseError struct {
	Name   string // the input's name as given to Parse
	Line   int    // 1-based line of the problem, 0 when not known
	Offset int    // byte offset of the problem in the input, -1 when not known
	Err    error  // the reason; wraps a sentinel such as ErrFrontMatter
}

// Error returns "stocknews: NAME:LINE: reason" (the line only when known).
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("stocknews: ")
	b.WriteString(e.Name)
	switch {
	case e.Line > 0:
		fmt.Fprintf(&b, ":%d", e.Line)
	case e.Offset >= 0:
		fmt.Fprintf(&b, ": byte %d", e.Offset)
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "stocknews: "))
	} else {
		b.WriteString("parse error")
	}
	return b.String()
}

// Unwrap returns the reason.
func (e *ParseError) Unwrap() error { return e.Err }

// reason wraps a sentinel with detail: "stocknews: invalid front matter: detail".
func reason(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)
}

package stocknews

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/stocknews/stocknews/internal/opener"
)

// Reasons a parse fails. They are wrapped in a [*ParseError] that names the
// input and the position; test for them with errors.Is.
var (
	// ErrFrontMatter: the YAML front matter is not closed or is not valid
	// YAML.
	ErrFrontMatter = errors.New("stocknews: invalid front matter")
	// ErrTooLarge: the input is larger than ParseOptions.MaxSize (after
	// decompression, for gzip-compressed input).
	ErrTooLarge = opener.ErrTooLarge
	// ErrFormat: the input is not in the requested or detected format, e.g.
	// malformed JSON or a JSON value that is not a news record.
	ErrFormat = errors.New("stocknews: malformed input")
	// ErrEncoding: the input is not valid UTF-8 and ParseOptions asks to
	// reject such input.
	ErrEncoding = errors.New("stocknews: invalid text encoding")
	// ErrEmpty: the input holds no article at all (no title and no text).
	ErrEmpty = errors.New("stocknews: empty article")
	// ErrNotArticle: the input is not text at all (an image, an archive, a
	// PDF, binary data: a known magic number, NUL bytes or many control
	// bytes) or is a table (tab- or comma-separated values, a markdown
	// document that is mostly a table). It is decided by the content, never
	// by the name, so that a PNG renamed .md is refused too.
	ErrNotArticle = errors.New("stocknews: not an article")
	// ErrPanic is the reason of an input whose reading, parsing or
	// analysis panicked. The panic is contained: the input gets an error
	// record and a run goes on.
	ErrPanic = errors.New("stocknews: panic while reading or parsing")
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

// InputError is the error of an input that could not be read or analysed.
// It names the input and wraps the reason: an fs error (fs.ErrNotExist,
// fs.ErrPermission), a read or decompression error, [ErrPanic], or a
// [*ParseError].
type InputError struct {
	Name string // the input's key: a path, or FEED:LINE for a feed record
	Err  error
}

// Error returns "stocknews: NAME: reason".
func (e *InputError) Error() string {
	var pe *ParseError
	if errors.As(e.Err, &pe) && pe.Name == e.Name {
		return e.Err.Error() // the parse error already names the input
	}
	msg := "error"
	if e.Err != nil {
		msg = strings.TrimPrefix(e.Err.Error(), "stocknews: ")
		var pathErr *fs.PathError
		if errors.As(e.Err, &pathErr) && pathErr.Path == e.Name {
			msg = pathErr.Op + ": " + pathErr.Err.Error() // do not repeat the path
		}
	}
	return "stocknews: " + e.Name + ": " + msg
}

// Unwrap returns the reason.
func (e *InputError) Unwrap() error { return e.Err }

// readErr turns an error of the opener into the error Parse documents: a
// *ParseError for an input over the size limit or a corrupt gzip stream,
// the error itself (an *fs.PathError, say) otherwise.
func readErr(name string, err error) error {
	var se *opener.SizeError
	var ge *opener.GzipError
	switch {
	case errors.As(err, &se):
		return &ParseError{Name: name, Offset: int(se.Limit), Err: err}
	case errors.As(err, &ge):
		return &ParseError{Name: name, Offset: -1, Err: fmt.Errorf("%w: %w", ErrFormat, err)}
	}
	return err
}

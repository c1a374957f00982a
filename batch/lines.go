package batch

import (
	"bufio"
	"bytes"
	"io"
	"strconv"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/internal/opener"
)

// lineReader is the one JSON Lines reader of the package: [Feed],
// [Inputs] and [Scanner] read through it. It decompresses gzip when the
// magic bytes say so, numbers lines from 1 (blank lines count but yield
// nothing), and skips a line longer than max, reporting it.
type lineReader struct {
	name    string
	r       io.Reader
	br      *bufio.Reader
	closeFn func() error
	max     int64
	line    int
	done    bool
}

func newLineReader(name string, r io.Reader, max int64) *lineReader {
	if name == "" {
		name = "-"
	}
	return &lineReader{name: name, r: r, max: max}
}

func (l *lineReader) key(line int) string { return l.name + ":" + strconv.Itoa(line) }

func (l *lineReader) close() {
	if l.closeFn != nil {
		l.closeFn()
	}
}

// next returns a copy of the next non-blank line (without its line end)
// and its key NAME:LINE. err is io.EOF at the end of the input; a
// *stocknews.ParseError wrapping ErrTooLarge for a line over the limit,
// which is skipped (the reader goes on); any other error is a read error
// keyed by the line that could not be read, after which next returns
// io.EOF.
func (l *lineReader) next() (data []byte, key string, err error) {
	if l.done {
		return nil, "", io.EOF
	}
	if l.br == nil {
		if l.br, l.closeFn, err = opener.Stream(l.r); err != nil {
			l.done = true
			return nil, l.key(1), err
		}
	}
	for {
		data, err := l.readLine()
		if len(data) > 0 || err == nil || err == errLineTooLong {
			l.line++
		}
		switch {
		case err == errLineTooLong:
			return nil, l.key(l.line), &stocknews.ParseError{Name: l.key(l.line), Offset: -1,
				Err: &opener.SizeError{Limit: l.max, Line: true}}
		case err != nil && err != io.EOF:
			l.done = true
			if len(data) == 0 {
				l.line++
			}
			return nil, l.key(l.line), err
		}
		if len(bytes.TrimSpace(data)) > 0 {
			if err == io.EOF {
				l.done = true
			}
			return bytes.Clone(data), l.key(l.line), nil
		}
		if err == io.EOF {
			l.done = true
			return nil, "", io.EOF
		}
	}
}

// errLineTooLong marks a line over the limit, skipped to its end.
var errLineTooLong = &opener.SizeError{Line: true}

// readLine reads one line without its line end ("\n" or "\r\n"); the
// slice is valid until the next call. A line longer than max is skipped up
// to its end (errLineTooLong; at the end of the input too).
func (l *lineReader) readLine() ([]byte, error) {
	var buf []byte
	for {
		chunk, err := l.br.ReadSlice('\n')
		if l.max > 0 && int64(len(buf)+len(chunk)) > l.max+1 {
			for err == bufio.ErrBufferFull {
				_, err = l.br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			if err == io.EOF {
				l.done = true
			}
			return nil, errLineTooLong
		}
		if err == bufio.ErrBufferFull {
			buf = append(buf, chunk...)
			continue
		}
		if buf != nil {
			chunk = append(buf, chunk...)
		}
		if err == nil {
			chunk = bytes.TrimSuffix(chunk[:len(chunk)-1], []byte("\r"))
		}
		return chunk, err
	}
}

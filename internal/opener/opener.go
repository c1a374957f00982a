// Package opener is the one way the module reads an input's bytes: files,
// readers and in-memory data all pass through it. It enforces the size
// limit, decompresses gzip when the magic bytes say so (whatever the
// name), decodes the charset, and tells binary data and tables from text.
package opener

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrTooLarge is the reason of an input larger than the size limit. The
// root package exports it as stocknews.ErrTooLarge.
var ErrTooLarge = errors.New("stocknews: input too large")

// SizeError is an input over the limit: Limit bytes were accepted.
type SizeError struct {
	Limit int64
	Line  bool // the limit applies to one line of a feed
}

func (e *SizeError) Error() string {
	if e.Line {
		return fmt.Sprintf("%v: line longer than %d bytes", ErrTooLarge, e.Limit)
	}
	return fmt.Sprintf("%v: more than %d bytes", ErrTooLarge, e.Limit)
}

// Unwrap returns ErrTooLarge.
func (e *SizeError) Unwrap() error { return ErrTooLarge }

// GzipError is a corrupt or cut gzip stream.
type GzipError struct{ Err error }

func (e *GzipError) Error() string { return "gzip: " + e.Err.Error() }

// Unwrap returns the decompressor's error.
func (e *GzipError) Unwrap() error { return e.Err }

// gzipReader reads a gzip stream, marking its errors as *GzipError.
type gzipReader struct{ zr *gzip.Reader }

func (g gzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF {
		err = &GzipError{err}
	}
	return n, err
}

// IsGzip reports whether data starts with the gzip magic bytes.
func IsGzip(data []byte) bool {
	return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
}

// Stream returns r, decompressed when it starts with the gzip magic bytes,
// buffered. close releases the decompressor. A corrupt gzip header is an
// error.
func Stream(r io.Reader) (br *bufio.Reader, close func() error, err error) {
	br = bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(2)
	if !IsGzip(magic) {
		return br, func() error { return nil }, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, nil, &GzipError{err}
	}
	return bufio.NewReaderSize(gzipReader{zr}, 64<<10), zr.Close, nil
}

// ReadAll reads r whole, decompressed as Stream does, failing with a
// *SizeError past max bytes (max <= 0: no limit) without reading further.
func ReadAll(r io.Reader, max int64) ([]byte, error) {
	br, closeFn, err := Stream(r)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	return readLimited(br, max, -1)
}

// readLimited reads r up to max bytes; size, when known (>= 0), sizes the
// buffer at once.
func readLimited(r io.Reader, max, size int64) ([]byte, error) {
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	var buf bytes.Buffer
	if size >= 0 && (max <= 0 || size <= max) {
		buf.Grow(int(size) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, err
	}
	if max > 0 && int64(buf.Len()) > max {
		return nil, &SizeError{Limit: max}
	}
	data := buf.Bytes()
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// Bytes returns data decompressed when it starts with the gzip magic
// bytes, else data itself; either way no more than max bytes (max <= 0:
// no limit).
func Bytes(data []byte, max int64) ([]byte, error) {
	if !IsGzip(data) {
		if max > 0 && int64(len(data)) > max {
			return nil, &SizeError{Limit: max}
		}
		return data, nil
	}
	return ReadAll(bytes.NewReader(data), max)
}

// ReadFile reads the file at path as ReadAll does. A plain file larger
// than max is refused before it is read.
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(-1)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	br := bufio.NewReaderSize(f, 512)
	magic, _ := br.Peek(2)
	if !IsGzip(magic) {
		if max > 0 && size > max {
			return nil, &SizeError{Limit: max}
		}
		return readLimited(br, max, size)
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, &GzipError{err}
	}
	defer zr.Close()
	return readLimited(gzipReader{zr}, max, -1)
}

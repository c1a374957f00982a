package batch

import (
	"io"

	"github.com/stocknews/stocknews"
)

// Scanner reads a JSON Lines news feed one record at a time, in the shape
// of bufio.Scanner, parsing each record:
//
//	sc := batch.NewScanner(r)
//	for sc.Scan() {
//		if a := sc.Article(); a != nil { … } else { log(sc.RecordErr()) }
//	}
//	if err := sc.Err(); err != nil { … }
//
// It reads as [Feed] does (gzip decided by the magic bytes, blank lines
// skipped but counted). A record that cannot be parsed, or a line longer
// than the size limit, does not stop the scan: Scan returns true with
// Article nil and RecordErr set. Err reports a read error, which ends the
// scan.
type Scanner struct {
	// Name names the feed in errors and record keys; "-" when empty. Set
	// it before the first Scan.
	Name string
	// Options configure each record's parse; Format is ignored.
	Options *stocknews.ParseOptions

	r       io.Reader
	lr      *lineReader
	key     string
	article *stocknews.Article
	recErr  error
	err     error
}

// NewScanner returns a Scanner reading JSON Lines from r.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: r}
}

// Scan advances to the next record. It returns false at the end of the
// input or on a read error.
func (s *Scanner) Scan() bool {
	s.article, s.recErr = nil, nil
	if s.lr == nil {
		max := int64(stocknews.DefaultMaxSize)
		if s.Options != nil && s.Options.MaxSize != 0 {
			max = s.Options.MaxSize
		}
		s.lr = newLineReader(s.Name, s.r, max)
	}
	if s.err != nil {
		return false
	}
	data, key, err := s.lr.next()
	switch {
	case err == io.EOF:
		s.lr.close()
		return false
	case err != nil && key != "" && isRecordErr(err):
		s.key, s.recErr = key, err
		return true
	case err != nil:
		s.key, s.err = key, &stocknews.InputError{Name: key, Err: err}
		s.lr.close()
		return false
	}
	s.key = key
	opts := stocknews.ParseOptions{}
	if s.Options != nil {
		opts = *s.Options
	}
	opts.Format = stocknews.JSON
	s.article, s.recErr = stocknews.Parse(key, data, &opts)
	if s.recErr != nil {
		s.article = nil
	}
	return true
}

// isRecordErr tells an error of one line (too long) from a read error.
func isRecordErr(err error) bool {
	_, ok := err.(*stocknews.ParseError)
	return ok
}

// Article returns the current record's article, or nil when it could not
// be parsed (see RecordErr).
func (s *Scanner) Article() *stocknews.Article { return s.article }

// RecordErr returns why the current record could not be parsed, or nil.
func (s *Scanner) RecordErr() error { return s.recErr }

// Line returns the 1-based line number of the current record.
func (s *Scanner) Line() int {
	if s.lr == nil {
		return 0
	}
	return s.lr.line
}

// RecordName returns the current record's key, NAME:LINE, as used for the
// file field of its analysis record.
func (s *Scanner) RecordName() string { return s.key }

// Err returns the read error that ended the scan, or nil at a clean end of
// input.
func (s *Scanner) Err() error { return s.err }

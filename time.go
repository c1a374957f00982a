package stocknews

import (
	"strconv"
	"strings"
	"time"
)

// zonedLayouts carry their own offset or zone name.
var zonedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05-07:00",
	"2006-01-02 15:04 -0700",
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.000-0700",
	time.RFC1123,
	time.RFC1123Z,
	time.RFC822,
	time.RFC822Z,
	time.RFC850,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	time.UnixDate,
}

// localLayouts have no offset; they are read in the source's zone.
var localLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006-1-2 15:04:05",
	"2006-1-2 15:04",
	"2006年01月02日 15:04:05",
	"2006年01月02日 15:04",
	"2006年1月2日 15:04",
	"2006年01月02日15:04",
	"2006年1月2日15:04",
	"2006-01-02",
	"2006/01/02",
	"2006-1-2",
	"2006年1月2日",
	"2006年01月02日",
}

// parseTime reads a publication time as the sources write it. Times
// without an offset are in loc. A zone written as a name (GMT, UTC) keeps
// that zone. Unparseable values ("Invalid Date", a bare "+0800") give the
// zero time. Numbers are Unix seconds or milliseconds. The abbreviation
// CST is China Standard Time (UTC+08:00), as Chinese sources mean it.
func parseTime(s string, loc *time.Location) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		switch {
		case n > 1e11 && n < 1e14: // milliseconds: 1973 to 5138
			return time.UnixMilli(n).In(loc)
		case n > 1e8 && n < 1e11: // seconds: 1973 to 5138
			return time.Unix(n, 0).In(loc)
		}
		return time.Time{}
	}
	// A failed time.Parse allocates its error, so layouts that cannot
	// match are skipped: zoned ones when s has no zone, and those whose
	// first character is a digit when s's is not, or the other way round.
	zoned := mayHaveZone(s)
	for _, l := range zonedLayouts {
		if !zoned || isDigit(l[0]) != isDigit(s[0]) {
			continue
		}
		if t, err := time.Parse(l, s); err == nil {
			name, off := t.Zone()
			switch {
			case off == 0 && (name == "GMT" || name == "UTC" || name == "Z" || name == ""):
				return t.UTC()
			case off == 0 && name == "CST":
				// China Standard Time in Chinese sources; Go reads an
				// unknown abbreviation as a zero offset.
				return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), beijing)
			}
			return t
		}
	}
	for _, l := range localLayouts {
		if !isDigit(s[0]) {
			break // every local layout starts with the year
		}
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t
		}
	}
	return time.Time{}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// mayHaveZone reports whether s can carry an offset or a zone name: it has
// an ASCII letter (a zone name, a month name, RFC 3339's T and Z) or a sign
// after the date.
func mayHaveZone(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '+' || c == '-' && i >= 8 {
			return true
		}
	}
	return false
}

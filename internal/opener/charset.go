package opener

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Decode returns data as UTF-8: a UTF-8 byte-order mark is dropped; input
// that is not valid UTF-8 is decoded as GB18030 when it declares a GB
// charset or when most of its non-ASCII bytes are not valid UTF-8, and
// otherwise each invalid byte becomes U+FFFD. With reject, invalid UTF-8
// is not decoded: Decode returns ok false and the offset of the first
// invalid byte.
func Decode(data []byte, reject bool) (out []byte, bad int, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return data, -1, true
	}
	if reject {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return nil, off, false
	}
	if declaresGB(data) || mostlyInvalid(data) {
		if out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil {
			return out, -1, true
		}
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), -1, true
}

// declaresGB reports a charset declaration naming a GB encoding near the
// start of the input (an HTML meta tag, an XML declaration, a JSON field).
func declaresGB(data []byte) bool {
	head := data[:min(len(data), 2048)]
	lower := bytes.ToLower(head)
	for _, cs := range []string{"gb2312", "gbk", "gb18030"} {
		if bytes.Contains(lower, []byte("charset="+cs)) || bytes.Contains(lower, []byte("charset=\""+cs)) ||
			bytes.Contains(lower, []byte("encoding=\""+cs)) {
			return true
		}
	}
	return false
}

// mostlyInvalid reports whether more than half of the non-ASCII bytes of
// data are not part of valid UTF-8 sequences.
func mostlyInvalid(data []byte) bool {
	nonASCII, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
			nonASCII++
			i++
			continue
		}
		nonASCII += n
		i += n
	}
	return bad*2 > nonASCII
}

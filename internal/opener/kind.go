package opener

import (
	"bytes"
	"fmt"
)

// NotText says why an input is not an article: binary data or a table.
type NotText struct {
	What   string // "PNG image", "binary data (NUL byte)", "tab-separated table (6 columns)", …
	Offset int    // byte offset of the evidence
	Line   int    // 1-based line of the evidence, 0 when not meaningful
}

// magics are the signatures of binary formats that turn up where
// articles are expected: images, archives, documents, executables.
var magics = []struct {
	prefix string
	what   string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "ZIP archive"},
	{"PK\x05\x06", "ZIP archive"},
	{"\x1f\x8b", "gzip data inside gzip"},
	{"BZh", "bzip2 archive"},
	{"\xfd7zXZ\x00", "xz archive"},
	{"\x28\xb5\x2f\xfd", "zstd archive"},
	{"7z\xbc\xaf\x27\x1c", "7z archive"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Office)"},
	{"\x7fELF", "ELF executable"},
	{"SQLite format 3\x00", "SQLite database"},
}

// sniffLen is how much of an input the binary check reads: the head
// decides, so the check costs the same for any size.
const sniffLen = 8 << 10

// Binary reports binary data: a known magic number, a NUL byte, or more
// than 2% control bytes (other than tab, newline, carriage return, form
// feed, vertical tab and escape) in the first 8 KiB.
func Binary(data []byte) (NotText, bool) {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return NotText{What: m.what}, true
		}
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return NotText{What: "WebP image"}, true
	}
	head := data[:min(len(data), sniffLen)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return NotText{What: "binary data (NUL byte)", Offset: i}, true
	}
	ctl, first := 0, -1
	for i, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b || c == 0x7f {
			ctl++
			if first < 0 {
				first = i
			}
		}
	}
	if ctl >= 8 && ctl*50 > len(head) {
		return NotText{What: fmt.Sprintf("binary data (%d control bytes in %d)", ctl, len(head)), Offset: first}, true
	}
	return NotText{}, false
}

// tableLines is how many non-blank lines the table check reads.
const tableLines = 20

// Table reports a table rather than an article: tab-separated or
// comma-separated values (every one of the first lines, at least two, with
// the same number of tabs, or at least three lines with the same number of
// commas, two or more), or a markdown document that is mostly a pipe table.
// Inputs that start with front matter, JSON or markup are not tables.
func Table(data []byte) (NotText, bool) {
	s := bytes.TrimLeft(data, " \t\r\n")
	if len(s) == 0 || bytes.HasPrefix(s, []byte("---")) || s[0] == '{' || s[0] == '[' || s[0] == '<' {
		return NotText{}, false
	}
	var lines []textLine
	no := 0
	for rest := data[:min(len(data), 64<<10)]; len(rest) > 0 && len(lines) < 3*tableLines; {
		line, tail, _ := bytes.Cut(rest, []byte("\n"))
		rest = tail
		no++
		if len(bytes.TrimSpace(line)) > 0 {
			lines = append(lines, textLine{bytes.TrimRight(line, "\r"), no})
		}
	}
	if t, ok := separated(lines, '\t', 2, "tab-separated"); ok {
		return t, true
	}
	if t, ok := separated(lines, ',', 3, "comma-separated"); ok {
		return t, true
	}
	return pipeTable(lines)
}

// textLine is a non-blank line and its 1-based number.
type textLine struct {
	b  []byte
	no int
}

// separated reports whether the first lines (at least min of them, up to
// tableLines) all hold the same number of sep bytes, at least one for tabs
// and two for commas.
func separated(lines []textLine, sep byte, minLines int, what string) (NotText, bool) {
	n := min(len(lines), tableLines)
	if n < minLines {
		return NotText{}, false
	}
	k := bytes.Count(lines[0].b, []byte{sep})
	if k < 1 || sep == ',' && k < 2 {
		return NotText{}, false
	}
	for _, l := range lines[1:n] {
		if bytes.Count(l.b, []byte{sep}) != k {
			return NotText{}, false
		}
	}
	return NotText{What: fmt.Sprintf("%s table (%d columns)", what, k+1), Line: lines[0].no}, true
}

// pipeTable reports a markdown document that is mostly a table: a row
// separator line (|---|---|) and at least a third of the non-blank lines
// read being table rows.
func pipeTable(lines []textLine) (NotText, bool) {
	rows, sepLine := 0, 0
	for _, l := range lines {
		t := bytes.TrimSpace(l.b)
		if len(t) < 2 || t[0] != '|' || t[len(t)-1] != '|' {
			continue
		}
		rows++
		if sepLine == 0 && len(bytes.Trim(t, "|-: ")) == 0 && bytes.Contains(t, []byte("---")) {
			sepLine = l.no
		}
	}
	if sepLine == 0 || rows*3 < len(lines) {
		return NotText{}, false
	}
	return NotText{What: fmt.Sprintf("markdown table (%d rows)", rows), Line: sepLine}, true
}

package batch_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/stocknews/stocknews/batch"
)

// FuzzFeed reads any bytes as a feed: no panic, keys NAME:LINE with lines
// increasing, every record a non-blank line of the input (when the input
// is not gzip), and a read error, if any, last.
func FuzzFeed(f *testing.F) {
	f.Add([]byte("{\"title\":\"一\"}\n\n{\"title\":\"二\"}\r\n"))
	f.Add([]byte("\x1f\x8b\x08\x00cut"))
	f.Add([]byte("\n\n\nx"))
	f.Fuzz(func(t *testing.T, data []byte) {
		prev := 0
		sawErr := false
		for in := range batch.Feed("f", bytes.NewReader(data)) {
			if sawErr {
				t.Fatalf("input %q after a read error", in.Name)
			}
			n, err := strconv.Atoi(strings.TrimPrefix(in.Name, "f:"))
			if err != nil || n <= prev {
				t.Fatalf("key %q after line %d", in.Name, prev)
			}
			prev = n
			if in.Err != nil {
				sawErr = true
				continue
			}
			if len(bytes.TrimSpace(in.Data)) == 0 {
				t.Fatalf("%s: blank record", in.Name)
			}
			gzipped := len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
			if !gzipped && !bytes.Contains(data, in.Data) {
				t.Fatalf("%s: %q is not a line of the input", in.Name, in.Data)
			}
		}
	})
}

package metrics_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/stocknews/stocknews/metrics"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func validEncoding(t testing.TB) []byte {
	as, _, _, _ := corpus(t)
	b, err := build(as, nil).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestUnmarshalErrors(t *testing.T) {
	good := validEncoding(t)
	// Byte 5 is the error count (1), byte 6 the record count (4), byte 7 the
	// first id's length.
	tests := []struct {
		name   string
		in     []byte
		err    error
		offset int
	}{
		{"empty", nil, metrics.ErrVersion, 0},
		{"not coverage", []byte("PAR1 and more"), metrics.ErrVersion, 0},
		{"future version", append([]byte("SNCV\x03"), good[5:]...), metrics.ErrVersion, 4},
		{"bad mode", append([]byte("SNCV\x02\x07"), good[6:]...), metrics.ErrCorrupt, 5},
		{"header only", []byte("SNCV\x01"), metrics.ErrCorrupt, 5},
		{"truncated", good[:len(good)-3], metrics.ErrCorrupt, -1},
		{"trailing byte", append(bytes.Clone(good), 0), metrics.ErrCorrupt, len(good)},
		{"too many records", append([]byte("SNCV\x01\x00\xff\xff\x03"), 0, 0, 0), metrics.ErrCorrupt, 6},
		{"huge id length", []byte("SNCV\x01\x00\x01\xff\xff\xff\xff\x0f\x00\x00\x00"), metrics.ErrCorrupt, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := metrics.New(nil)
			err := c.UnmarshalBinary(tt.in)
			require.ErrorIs(t, err, tt.err)
			var de *metrics.DecodeError
			require.ErrorAs(t, err, &de)
			if tt.offset >= 0 {
				assert.Equal(t, tt.offset, de.Offset, "offset (%v)", err)
			}
			assert.Zero(t, c.Len(), "a failed decode changed the Coverage")
		})
	}
}

func TestUnmarshalUnsorted(t *testing.T) {
	// Two single-record encodings glued with the ids in the wrong order.
	enc := func(id string) []byte {
		c := metrics.New(nil)
		c.Add(analysis(id, bj(t, "2024-01-01 10:00"), "", "", nil))
		b, _ := c.MarshalBinary()
		return b[7:] // after magic, version, error count 0, record count 1
	}
	in := append([]byte("SNCV\x01\x00\x02"), enc("b")...)
	in = append(in, enc("a")...)
	err := metrics.New(nil).UnmarshalBinary(in)
	if !errors.Is(err, metrics.ErrCorrupt) {
		t.Errorf("unsorted records: err = %v", err)
	}
}

func TestMarshalDeterministic(t *testing.T) {
	// The same articles added in other orders encode to the same bytes.
	as, _, _, _ := corpus(t)
	want := validEncoding(t)
	r := rand.New(rand.NewPCG(5, 6))
	for range 20 {
		r.Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
		got, _ := build(as, nil).MarshalBinary()
		if !bytes.Equal(got, want) {
			t.Fatal("encoding depends on insertion order")
		}
	}
}

func FuzzUnmarshal(f *testing.F) {
	f.Add(validEncoding(f))
	f.Add([]byte("SNCV\x01\x00\x00"))
	f.Add([]byte("SNCV\x01"))
	f.Add([]byte{})
	r := rand.New(rand.NewPCG(7, 8))
	b, _ := build(randomCorpus(f, r, 30), nil).MarshalBinary()
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		c := metrics.New(nil)
		if err := c.UnmarshalBinary(data); err != nil {
			var de *metrics.DecodeError
			if !errors.As(err, &de) || !(errors.Is(err, metrics.ErrCorrupt) || errors.Is(err, metrics.ErrVersion) || errors.Is(err, metrics.ErrOptions)) {
				t.Fatalf("untyped error %v", err)
			}
			if de.Offset < 0 || de.Offset > len(data) {
				t.Fatalf("offset %d out of range", de.Offset)
			}
			return
		}
		// Whatever decodes re-encodes to a stable form and gives a table.
		b1, _ := c.MarshalBinary()
		d := metrics.New(nil)
		if err := d.UnmarshalBinary(b1); err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
		b2, _ := d.MarshalBinary()
		if !bytes.Equal(b1, b2) {
			t.Fatal("re-encoding is not stable")
		}
		_ = c.Table()
		_ = c.Novelty()
	})
}

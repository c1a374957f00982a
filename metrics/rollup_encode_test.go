package metrics_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/stocknews/stocknews/metrics"
)

// A bounded Coverage sent through bytes goes on as if it had never left: the same
// table, the same encoding, and the same after more articles.
func TestBoundedRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	as := randomCorpus(t, r, 900)
	for _, budget := range []int{0, 40} {
		opts := &metrics.Options{Recent: budget, Cutoff: metrics.MarketClose}
		u := rollup(as[:600], opts)
		b, err := u.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		v := newBounded(opts)
		if err := v.UnmarshalBinary(b); err != nil {
			t.Fatalf("budget %d: %v", budget, err)
		}
		if g, w := dump(v.Table()), dump(u.Table()); g != w {
			t.Errorf("budget %d: decoded table differs:\n got %s\nwant %s", budget, g, w)
		}
		b2, _ := v.MarshalBinary()
		if !bytes.Equal(b, b2) {
			t.Errorf("budget %d: re-encoding differs (%d and %d bytes)", budget, len(b), len(b2))
		}
		for _, a := range as[600:] {
			u.Add(a)
			v.Add(a)
		}
		if g, w := dump(v.Table()), dump(u.Table()); g != w {
			t.Errorf("budget %d: after more articles the tables differ:\n got %s\nwant %s", budget, g, w)
		}
		if u.Repeats() != v.Repeats() || u.Len() != v.Len() {
			t.Errorf("budget %d: repeats %d/%d, articles %d/%d", budget, v.Repeats(), u.Repeats(), v.Len(), u.Len())
		}
	}

	// The receiver's options must settle days and links the same way.
	b, _ := rollup(as[:50], nil).MarshalBinary()
	for _, o := range []*metrics.Options{{Cutoff: metrics.MarketClose}, {MinRelevance: 0.3}, {MaxHamming: 2}} {
		err := newBounded(o).UnmarshalBinary(b)
		var de *metrics.DecodeError
		if !errors.Is(err, metrics.ErrOptions) || !errors.As(err, &de) {
			t.Errorf("options %+v: %v, want ErrOptions", o, err)
		}
	}
	// A smaller budget keeps the most recent articles.
	small := newBounded(&metrics.Options{Recent: 8})
	if err := small.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if small.Len() != 50-small.Repeats() {
		t.Errorf("budget 8: Len %d, repeats %d", small.Len(), small.Repeats())
	}
	if err := newBounded(nil).UnmarshalBinary(append(b, 0)); !errors.Is(err, metrics.ErrCorrupt) {
		t.Errorf("trailing byte: %v", err)
	}
	// A version 1 exact encoding is still read, and makes the Coverage exact.
	old := newBounded(nil)
	if err := old.UnmarshalBinary([]byte("SNCV\x01\x00\x00")); err != nil || old.Bounded() {
		t.Errorf("a version 1 encoding: %v, bounded %v", err, old.Bounded())
	}
}

func FuzzBoundedUnmarshal(f *testing.F) {
	r := rand.New(rand.NewPCG(13, 14))
	// Small seeds: a new input is minimised before it is reported, and
	// minimising a large one takes the fuzzer minutes.
	as := randomCorpus(f, r, 12)
	for _, budget := range []int{0, 6} {
		b, _ := rollup(as, &metrics.Options{Recent: budget}).MarshalBinary()
		f.Add(b)
	}
	f.Add([]byte("SNRU\x01"))
	f.Add([]byte("SNRU\x01\x03CST\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		u := newBounded(nil)
		if err := u.UnmarshalBinary(data); err != nil {
			var de *metrics.DecodeError
			if !errors.As(err, &de) || !(errors.Is(err, metrics.ErrCorrupt) || errors.Is(err, metrics.ErrVersion) || errors.Is(err, metrics.ErrOptions)) {
				t.Fatalf("untyped error %v", err)
			}
			if de.Offset < 0 || de.Offset > len(data) {
				t.Fatalf("offset %d out of range", de.Offset)
			}
			return
		}
		b, err := u.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		v := newBounded(nil)
		if err := v.UnmarshalBinary(b); err != nil {
			t.Fatalf("re-encoding does not decode: %v", err)
		}
		if b2, _ := v.MarshalBinary(); !bytes.Equal(b, b2) {
			t.Fatal("re-encoding is not stable")
		}
		tab := u.Table()
		for _, row := range tab.Rows {
			if row.Novel+row.Repeated != row.Articles || row.Novel < 0 || row.Repeated < 0 {
				t.Fatalf("%s: novel %d repeated %d articles %d", row.Symbol, row.Novel, row.Repeated, row.Articles)
			}
		}
		for _, a := range as[:5] {
			u.Add(a) // a decoded bounded Coverage takes more articles
		}
	})
}

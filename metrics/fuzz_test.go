package metrics_test

import (
	"math"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

func FuzzSimHash(f *testing.F) {
	f.Add(textLiquor)
	f.Add("ab")
	f.Add(" a b c ")
	f.Add("\xff\xfe\xfd")
	f.Fuzz(func(t *testing.T, s string) {
		sig, ok := metrics.SimHash(s)
		n := 0
		for _, r := range s {
			if !unicode.IsSpace(r) {
				n++
			}
		}
		if ok != (n >= metrics.ShingleSize) {
			t.Fatalf("ok = %v with %d characters", ok, n)
		}
		// White space does not matter.
		spaced, ok2 := metrics.SimHash(strings.Join(strings.Split(s, ""), " "))
		if ok2 != ok || spaced != sig {
			t.Fatalf("spacing changed the signature: %x %v, %x %v", sig, ok, spaced, ok2)
		}
	})
}

func FuzzTable(f *testing.F) {
	f.Add(textLiquor, int64(1709254800), "证券时报", 2, 0.5, int64(3600))
	f.Add("", int64(0), "", 0, math.NaN(), int64(-1))
	f.Add("x", int64(-1<<62), "m", -5, 7.0, int64(1<<40))
	f.Fuzz(func(t *testing.T, text string, unix int64, media string, mentions int, rel float64, gap int64) {
		a := sym(t, "600519", ticker.SH)
		b := sym(t, "00700", ticker.HK)
		t1 := time.Unix(unix, 0)
		t2 := t1.Add(time.Duration(gap) * time.Second)
		cov := metrics.New(&metrics.Options{Cutoff: metrics.MarketClose, Baseline: 3, MinBaseline: 1})
		cov.Add(analysis("p", t1, media, text, []ticker.Link{link(a, "甲", mentions, rel, true), link(b, "乙", 1, rel, false)}, a, b))
		cov.Add(analysis("q", t2, media, text+"。", []ticker.Link{link(a, "甲", 1, 1, false)}))
		cov.Add(analysis("r", time.Time{}, "", text, nil))
		tab := cov.Table()
		var share float64
		for _, r := range tab.Rows {
			if r.Novel+r.Repeated != r.Articles || r.Novel < 1 {
				t.Fatalf("%s: novel %d repeated %d articles %d", r.Symbol, r.Novel, r.Repeated, r.Articles)
			}
			if r.Relevance < 0 || r.Relevance > float64(r.Articles) {
				t.Fatalf("%s: relevance %v", r.Symbol, r.Relevance)
			}
			var days float64
			for _, v := range r.Series.Counts {
				days += v
			}
			if int(days) > r.Articles {
				t.Fatalf("%s: series holds %v articles of %d", r.Symbol, days, r.Articles)
			}
			share += r.ShareOfVoice
		}
		if len(tab.Rows) > 0 && math.Abs(share-1) > 1e-9 {
			t.Fatalf("shares sum to %v", share)
		}
		for _, n := range cov.Novelty() {
			if n.Score < 0 || n.Score > 100 {
				t.Fatalf("novelty %+v", n)
			}
		}
		b1, _ := cov.MarshalBinary()
		back := metrics.New(nil)
		if err := back.UnmarshalBinary(b1); err != nil {
			t.Fatalf("round trip: %v", err)
		}
	})
}

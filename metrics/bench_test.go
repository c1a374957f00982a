package metrics_test

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/ticker"
)

var sizes = []int{1, 100, 10000}

func benchCorpus(b *testing.B, n int) []*stocknews.Analysis {
	return randomCorpus(b, rand.New(rand.NewPCG(uint64(n), 9)), n)
}

// benchAccumulate runs add over the benchmark corpora of every size,
// reporting the articles' text bytes per second.
func benchAccumulate(b *testing.B, add func([]*stocknews.Analysis)) {
	for _, n := range sizes {
		as := benchCorpus(b, n)
		var bytes int64
		for _, a := range as {
			bytes += int64(len(a.Article.Text))
		}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(bytes)
			b.ReportAllocs()
			for b.Loop() {
				add(as)
			}
		})
	}
}

func BenchmarkAdd(b *testing.B) {
	benchAccumulate(b, func(as []*stocknews.Analysis) {
		c := metrics.New(nil)
		for _, a := range as {
			c.Add(a)
		}
	})
}

// BenchmarkBoundedAdd is BenchmarkAdd for a bounded Coverage, plus its Table: the
// bounded accumulator's whole cost.
func BenchmarkBoundedAdd(b *testing.B) {
	benchAccumulate(b, func(as []*stocknews.Analysis) {
		u := newBounded(nil)
		for _, a := range as {
			u.Add(a)
		}
		u.Table()
	})
}

func BenchmarkMerge(b *testing.B) {
	for _, n := range sizes {
		as := benchCorpus(b, n)
		left := build(as[:n/2], nil)
		right := build(as[n/2:], nil)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c := metrics.New(nil)
				c.Merge(left)
				c.Merge(right)
			}
		})
	}
}

func BenchmarkMarshal(b *testing.B) {
	for _, n := range sizes {
		c := build(benchCorpus(b, n), nil)
		data, _ := c.MarshalBinary()
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d, _ := c.MarshalBinary()
				metrics.New(nil).UnmarshalBinary(d)
			}
		})
	}
}

func BenchmarkStats(b *testing.B) {
	for _, n := range sizes {
		c := build(benchCorpus(b, n), nil)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.Table()
			}
		})
	}
}

func BenchmarkSimHash(b *testing.B) {
	text := randomText(rand.New(rand.NewPCG(1, 1)), 2000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		metrics.SimHash(text)
	}
}

// wideCorpus returns n articles over years×365 days linking 1–4 of nsec
// securities each (with a skew: low codes are linked more often).
func wideCorpus(b *testing.B, n, nsec, years int) []*stocknews.Analysis {
	r := rand.New(rand.NewPCG(uint64(n), uint64(nsec)))
	syms := make([]ticker.Symbol, nsec)
	for i := range syms {
		syms[i] = sym(b, strconv.Itoa(600000+i), ticker.SH)
	}
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*stocknews.Analysis, n)
	for i := range out {
		var links []ticker.Link
		for range 1 + r.IntN(4) {
			k := int(float64(nsec) * r.Float64() * r.Float64())
			links = append(links, link(syms[k], "", 1+r.IntN(3), r.Float64(), false))
		}
		pub := start.Add(time.Duration(r.Int64N(int64(years) * 365 * 24 * int64(time.Hour))))
		out[i] = analysis("w"+strconv.Itoa(i), pub, "", randomText(r, 100), links)
	}
	return out
}

func BenchmarkStatsWide(b *testing.B) {
	// 10,000 articles on 2,000 securities over three years: the series
	// (securities × days) and the co-mention pairs dominate.
	c := build(wideCorpus(b, 10000, 2000, 3), nil)
	b.ReportAllocs()
	for b.Loop() {
		c.Table()
	}
}

// BenchmarkTables is the long tables' whole cost: the builder fed every
// analysis, then the four tables with the daily panel on trading days.
func BenchmarkTables(b *testing.B) {
	benchAccumulate(b, func(as []*stocknews.Analysis) {
		t := metrics.NewTableBuilder(nil)
		for _, a := range as {
			t.Add(a)
		}
		t.Tables()
	})
}

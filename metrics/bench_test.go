package metrics_test

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/metrics"
)

var sizes = []int{1, 100, 10000}

func benchCorpus(b *testing.B, n int) []*stocknews.Analysis {
	return randomCorpus(b, rand.New(rand.NewPCG(uint64(n), 9)), n)
}

func BenchmarkAdd(b *testing.B) {
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
				c := metrics.New(nil)
				for _, a := range as {
					c.Add(a)
				}
			}
		})
	}
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

package metrics_test

import (
	"math"
	"testing"

	"github.com/stocknews/stocknews/metrics"
)

func TestAbnormal(t *testing.T) {
	nan := math.NaN()
	ln := math.Log
	tests := []struct {
		name          string
		counts        []float64
		t, k, min     int
		abn, z        float64
		heat          int
		workingInNote string
	}{
		{"quiet then spike", []float64{0, 0, 0, 4}, 3, 3, 3, ln(5), nan, 4,
			"median 0: ln5 − ln1; sd of a constant baseline is 0: z NaN; all days below: heat 4"},
		{"even median", []float64{1, 3, 2, 2}, 3, 2, 2, ln(3) - ln(1+2.5), (ln(3) - (ln(4)+ln(3))/2) / math.Sqrt(2*math.Pow((ln(4)-ln(3))/2, 2)), 0,
			"baseline [3 2]: median 2.5; logs ln4, ln3: mean (ln4+ln3)/2, sd |ln4−ln3|/√2; 1 of 2 days below 2: p 0.5"},
		{"baseline clipped to the series", []float64{2, 2, 6}, 2, 60, 2, ln(7) - ln(3), nan, 4,
			"only 2 days before t: median 2; constant: z NaN"},
		{"too short", []float64{2, 6}, 1, 60, 2, nan, nan, 0, "1 baseline day < 2"},
		{"first day", []float64{6}, 0, 60, 1, nan, nan, 0, "no baseline"},
		{"out of range", []float64{1, 2}, 5, 3, 1, nan, nan, 0, ""},
		{"zero day", []float64{1, 2, 1, 0}, 3, 3, 3, ln(1) - ln(2), (0 - (2*ln(2)+ln(3))/3) / stdDev(ln(2), ln(3), ln(2)), 0,
			"median 1: 0 − ln2; no articles: heat 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			abn, z := metrics.Abnormal(tt.counts, tt.t, tt.k, tt.min)
			if !near(abn, tt.abn) || !near(z, tt.z) {
				t.Errorf("Abnormal = %v, %v; want %v, %v (%s)", abn, z, tt.abn, tt.z, tt.workingInNote)
			}
			if h := metrics.Heat(tt.counts, tt.t, tt.k, tt.min); h != tt.heat {
				t.Errorf("Heat = %d, want %d", h, tt.heat)
			}
		})
	}
}

// stdDev is the sample standard deviation, written out.
func stdDev(x ...float64) float64 {
	var m float64
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	var ss float64
	for _, v := range x {
		ss += (v - m) * (v - m)
	}
	return math.Sqrt(ss / float64(len(x)-1))
}

func TestHeatBuckets(t *testing.T) {
	// 100 baseline days with counts 0…99 and day t with c articles: c days
	// of the baseline are below it, so p = c/100.
	base := make([]float64, 101)
	for i := range 100 {
		base[i] = float64(i)
	}
	for _, tt := range []struct {
		c    float64
		heat int
	}{{1, 0}, {79, 0}, {80, 1}, {89, 1}, {90, 2}, {93, 2}, {94, 3}, {95, 3}, {96, 4}, {200, 4}} {
		base[100] = tt.c
		if h := metrics.Heat(base, 100, 100, 20); h != tt.heat {
			t.Errorf("p = %v: heat %d, want %d", tt.c/100, h, tt.heat)
		}
	}
}

func TestAbnormalSeries(t *testing.T) {
	counts := []float64{0, 0, 0, 4}
	abn, z, heat := metrics.AbnormalSeries(counts, 3, 3)
	if !math.IsNaN(abn[2]) || !near(abn[3], math.Log(5)) || !math.IsNaN(z[3]) || heat[3] != 4 || heat[0] != 0 {
		t.Errorf("AbnormalSeries = %v %v %v", abn, z, heat)
	}
}

func TestSeriesWindow(t *testing.T) {
	s := metrics.Series{Start: bj(t, "2024-01-01 00:00"), Counts: []float64{1, 2, 3, 4, 5}}
	for _, tt := range []struct {
		end, days int
		want      float64
	}{{4, 1, 5}, {4, 2, 9}, {4, 7, 15}, {2, 2, 5}, {0, 30, 1}, {9, 7, 9}, {-1, 3, 0}} {
		if got := s.Window(tt.end, tt.days); got != tt.want {
			t.Errorf("Window(%d, %d) = %v, want %v", tt.end, tt.days, got, tt.want)
		}
	}
	if i := s.Index(bj(t, "2024-01-04 23:59")); i != 3 {
		t.Errorf("Index = %d, want 3", i)
	}
	if d := s.Day(31).Format("2006-01-02"); d != "2024-02-01" {
		t.Errorf("Day(31) = %s", d)
	}
}

func TestSimHash(t *testing.T) {
	a, ok := metrics.SimHash("示例 公司\n发布\t公告")
	b, _ := metrics.SimHash("示例公司发布公告")
	if !ok || a != b {
		t.Error("white space changes the signature")
	}
	c, _ := metrics.SimHash("ABC公司DEF")
	d, _ := metrics.SimHash("abc公司def")
	if c != d {
		t.Error("ASCII case changes the signature")
	}
	if _, ok := metrics.SimHash("示例"); ok {
		t.Error("two characters have a signature")
	}
	if _, ok := metrics.SimHash(" 示 例 "); ok {
		t.Error("two characters with spaces have a signature")
	}
	if _, ok := metrics.SimHash("示例\xff"); !ok {
		t.Error("invalid UTF-8 counts as a character (U+FFFD) but got no signature")
	}
	if metrics.Hamming(0, ^uint64(0)) != 64 || metrics.Hamming(5, 5) != 0 {
		t.Error("Hamming")
	}
}

func TestSimHashAllocs(t *testing.T) {
	text := textLiquor + textBank + textGame
	if n := testing.AllocsPerRun(100, func() { metrics.SimHash(text) }); n != 0 {
		t.Errorf("SimHash allocates %v times", n)
	}
}

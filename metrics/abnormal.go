package metrics

import (
	"math"
	"slices"
)

// Abnormal returns the abnormal coverage of day t of a daily series of
// article counts, and its z-score, against the baseline of the k days
// before t (fewer when the series starts later):
//
//	x_d  = log(1 + N_d)
//	abn  = x_t − log(1 + median(N_{t−k} … N_{t−1}))
//	z    = (x_t − mean(x_{t−k} … x_{t−1})) / sd(x_{t−k} … x_{t−1})
//
// where the mean and the sample standard deviation (n−1 denominator) come
// are computed as gonum's stat.MeanStdDev computes them (a test checks
// the two agree to 1e-12), and the median of an even number of days is
// the mean of the middle two. This is Da, Engelberg and Gao's abnormal
// search volume applied to news counts (coverage-anchors.md, metric 5).
//
// Both results are NaN when t is out of range, when the baseline inside the
// series is shorter than minBaseline days (or empty), and z is also NaN
// when the baseline does not vary (sd = 0). Days before the series starts
// are not assumed to be zero: a security's series starts with the corpus,
// so zeros inside it are real.
func Abnormal(counts []float64, t, k, minBaseline int) (abn, z float64) {
	base, ok := baseline(counts, t, k, minBaseline)
	if !ok {
		return math.NaN(), math.NaN()
	}
	x := math.Log1p(counts[t])
	abn = x - math.Log1p(median(base))
	logs := make([]float64, len(base))
	for i, v := range base {
		logs[i] = math.Log1p(v)
	}
	mean, sd := meanStdDev(logs)
	if sd > 0 {
		z = (x - mean) / sd
	} else {
		z = math.NaN()
	}
	return abn, z
}

// Heat returns the 0–4 heat bucket of day t of a daily series of article
// counts: the percentile p of N_t within the baseline of the k days before
// t, taken as the share of baseline days with fewer articles than day t,
// bucketed like Bloomberg's news heat (coverage-anchors.md; the cut-offs are
// the ones reported for it, not verified from a primary source):
//
//	p < 0.80 → 0,  p < 0.90 → 1,  p < 0.94 → 2,  p < 0.96 → 3,  else 4
//
// A day without articles is 0. Heat returns 0 when t is out of range or
// the baseline inside the series is shorter than minBaseline days.
func Heat(counts []float64, t, k, minBaseline int) int {
	base, ok := baseline(counts, t, k, minBaseline)
	if !ok || counts[t] <= 0 {
		return 0
	}
	below := 0
	for _, v := range base {
		if v < counts[t] {
			below++
		}
	}
	p := float64(below) / float64(len(base))
	switch {
	case p < 0.80:
		return 0
	case p < 0.90:
		return 1
	case p < 0.94:
		return 2
	case p < 0.96:
		return 3
	}
	return 4
}

// AbnormalSeries applies [Abnormal] and [Heat] to every day of counts.
func AbnormalSeries(counts []float64, k, minBaseline int) (abn, z []float64, heat []int) {
	abn = make([]float64, len(counts))
	z = make([]float64, len(counts))
	heat = make([]int, len(counts))
	for t := range counts {
		abn[t], z[t] = Abnormal(counts, t, k, minBaseline)
		heat[t] = Heat(counts, t, k, minBaseline)
	}
	return abn, z, heat
}

// baseline returns counts[t−k:t] clipped to the series.
func baseline(counts []float64, t, k, minBaseline int) ([]float64, bool) {
	if t < 0 || t >= len(counts) || k <= 0 {
		return nil, false
	}
	lo := max(t-k, 0)
	base := counts[lo:t]
	if len(base) == 0 || len(base) < minBaseline {
		return nil, false
	}
	return base, true
}

// median returns the median of x (not modified), the mean of the middle two
// for an even length.
func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// meanStdDev returns the mean and the sample standard deviation (n−1
// denominator; NaN for fewer than two values) of x, with the corrected
// two-pass formula gonum's stat.MeanStdDev uses.
func meanStdDev(x []float64) (mean, sd float64) {
	n := float64(len(x))
	for _, v := range x {
		mean += v
	}
	mean /= n
	var ss, comp float64
	for _, v := range x {
		d := v - mean
		ss += d * d
		comp += d
	}
	variance := (ss - comp*comp/n) / (n - 1)
	return mean, math.Sqrt(variance)
}

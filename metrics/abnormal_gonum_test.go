package metrics

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// meanStdDev is gonum's stat.MeanStdDev without the dependency, to the
// last few bits (gonum sums with unrolled loops).
func TestMeanStdDevMatchesGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 1; n < 80; n++ {
		x := make([]float64, n)
		for i := range x {
			x[i] = math.Log1p(float64(r.IntN(9)))
		}
		m, s := meanStdDev(x)
		gm, gs := stat.MeanStdDev(x, nil)
		same := func(a, b float64) bool {
			return math.Abs(a-b) <= 1e-12 || (math.IsNaN(a) && math.IsNaN(b))
		}
		if !same(m, gm) || !same(s, gs) {
			t.Fatalf("n=%d: %v %v, gonum %v %v", n, m, s, gm, gs)
		}
	}
}

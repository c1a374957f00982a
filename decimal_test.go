package stocknews

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestDecimalString checks decimalString against Decimal.String on edge
// cases and random values of every exponent it formats itself.
func TestDecimalString(t *testing.T) {
	var ds []decimal.Decimal
	for _, c := range []int64{0, 1, -1, 5, 10, 100, 1200, -4500, 123456789, math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
		for exp := int32(-21); exp <= 21; exp++ {
			ds = append(ds, decimal.New(c, exp))
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		c := r.Int64N(1<<62) >> r.IntN(62)
		if r.IntN(2) == 0 {
			c = -c
		}
		ds = append(ds, decimal.New(c, int32(r.IntN(41)-20)))
	}
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	ds = append(ds, decimal.NewFromBigInt(huge, -7), decimal.RequireFromString("4.5e8"), decimal.RequireFromString("0.0001"))
	for _, d := range ds {
		if got, want := decimalString(d), d.String(); got != want {
			t.Errorf("coefficient %v exp %d: %q, want %q", d.Coefficient(), d.Exponent(), got, want)
		}
	}
}

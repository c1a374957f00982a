package stocknews

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// decimalString returns d.String() — the same text — with a few
// allocations instead of a dozen: a coefficient that fits in an int64 is
// formatted here, anything else by the decimal package.
func decimalString(d decimal.Decimal) string {
	exp := d.Exponent()
	if exp > 18 || exp < -18 {
		return d.String()
	}
	c := d.Coefficient()
	if !c.IsInt64() {
		return d.String()
	}
	v := c.Int64()
	if v == 0 {
		return "0"
	}
	u := uint64(v)
	if v < 0 {
		u = -u
	}
	var buf [64]byte
	b := buf[:0]
	if v < 0 {
		b = append(b, '-')
	}
	var dig [20]byte
	digits := strconv.AppendUint(dig[:0], u, 10)
	if exp >= 0 {
		b = append(b, digits...)
		for range exp {
			b = append(b, '0')
		}
		return string(b)
	}
	k := int(-exp)
	var intPart, frac []byte
	var zeros [20]byte
	if len(digits) > k {
		intPart, frac = digits[:len(digits)-k], digits[len(digits)-k:]
	} else {
		pad := zeros[:k-len(digits)]
		for i := range pad {
			pad[i] = '0'
		}
		b = append(b, '0')
		if f := trimZeros(digits); len(f) > 0 {
			b = append(b, '.')
			b = append(b, pad...)
			b = append(b, f...)
		}
		return string(b)
	}
	b = append(b, intPart...)
	if f := trimZeros(frac); len(f) > 0 {
		b = append(b, '.')
		b = append(b, f...)
	}
	return string(b)
}

// trimZeros drops the trailing zeros of a fractional part.
func trimZeros(f []byte) []byte {
	for len(f) > 0 && f[len(f)-1] == '0' {
		f = f[:len(f)-1]
	}
	return f
}

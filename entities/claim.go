package entities

import (
	"github.com/shopspring/decimal"

	"github.com/stocknews/stocknews/ticker"
)

// Comparator says how a claim's value relates to the true quantity.
// The zero value, Equal, is a plain statement (达, 为, or nothing).
type Comparator uint8

// Comparators, as in spec/claims.md.
const (
	Equal        Comparator = iota // "=": 达, 达到, 为, or no qualifier
	Greater                        // ">": 超, 超过, 逾, 突破, 多, 余, 以上
	GreaterEqual                   // ">=": 不少于, 至少, 不低于; the lower bound of a range
	Less                           // "<": 不到, 不足, 低于, 少于, 未达
	LessEqual                      // "<=": 不超过, 至多, 最多, 以内, 以下
	About                          // "~": 约, 近, 接近, 左右, 大约, 上下
)

var comparatorSymbols = [...]string{"=", ">", ">=", "<", "<=", "~"}

// String returns the comparator's symbol: "=", ">", ">=", "<", "<=" or "~".
func (c Comparator) String() string {
	if int(c) < len(comparatorSymbols) {
		return comparatorSymbols[c]
	}
	return "="
}

// ClaimKind tells a level from a change. The zero value is Level.
type ClaimKind uint8

// Claim kinds.
const (
	Level  ClaimKind = iota // a value: 营收3.2万亿元
	Change                  // a growth or decline: 同比增长32%; a decline is negative
)

// String returns "level" or "change".
func (k ClaimKind) String() string {
	if k == Change {
		return "change"
	}
	return "level"
}

// Claim is a numeric claim as spec/claims.md defines it: a statement that a
// measurable quantity has a value.
//
// Start and End are byte offsets of Text in the string passed to the
// extractor, half-open and on UTF-8 boundaries: text[Start:End] == Text.
type Claim struct {
	Text       string              // the shortest span holding subject, comparator and number
	Subject    string              // what is measured, as written; may be empty
	Value      decimal.Decimal     // exact, in base units (万, 亿 multiplied out); lower bound of a range
	Upper      decimal.NullDecimal // upper bound of a range (3%-5%), else not Valid
	Unit       string              // "count", "percent", ISO 4217 ("CNY"), "times", "pt", or a physical unit ("t", "GWh")
	Comparator Comparator
	Kind       ClaimKind
	Period     string        // "2021", "2021-11", "2022Q1", "2021H1", "FY2024", or ""
	Symbol     ticker.Symbol // the security the claim is about, when the article links one
	Start, End int
}

package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// unitClass says what a word written after a number makes of it.
type unitClass uint8

const (
	classCount    unitClass = iota + 1 // a classifier: 家, 个, 名, 次, 股
	classMoney                         // a currency: 元, 美元, 港币
	classPercent                       // %, 个百分点, pct
	classPermille                      // ‰: a tenth of a percent
	classBasis                         // 基点, bp: a hundredth of a percent
	classTimes                         // 倍, x
	classPhysical                      // 吨, 平方米, GWh
	classTime                          // 年, 月, 日, 小时, 个月: a date, time or duration, never a claim
)

// unitWord is a unit written after a number.
type unitWord struct {
	word  string
	unit  string // "count", "percent", an ISO 4217 code, "times" or a unit symbol
	class unitClass
	guard string // runes that may not follow the word (unit_guards.tsv)
}

// matchUnit returns the unit word that s starts with, and its length in
// bytes. An ASCII unit must not run on into further letters ("5G" and
// "GBP" are not gigabytes).
func (v *Vocabulary) matchUnit(s string) (unitWord, int) {
	if s == "" {
		return unitWord{}, 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	for _, u := range v.unitIndex[r] {
		if !strings.HasPrefix(s, u.word) {
			continue
		}
		n := len(u.word)
		if isASCIILetter(u.word[n-1]) && n < len(s) && (isASCIILetter(s[n]) || isASCIIDigit(s[n])) {
			continue
		}
		// 股东, 头部, 期货: a guard rune after the word makes it part of
		// another word (unit_guards.tsv).
		if u.guard != "" && n < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[n:]); strings.ContainsRune(u.guard, r2) {
				continue
			}
		}
		return u, n
	}
	return unitWord{}, 0
}

// currencyBefore returns the currency written just before byte offset i
// of text, and the offset where it starts.
func (v *Vocabulary) currencyBefore(text string, i int) (string, int) {
	for _, c := range v.currencies {
		if strings.HasSuffix(text[:i], c.word) {
			return c.code, i - len(c.word)
		}
	}
	return "", i
}

var (
	ten     = decimal.NewFromInt(10)
	hundred = decimal.NewFromInt(100)
)

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
func isASCIIDigit(b byte) bool  { return b >= '0' && b <= '9' }

package entities

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// periodOf returns the period a claim starting at i is about, from the
// sentence before it: "2021" (2021年, 全年 or 今年 with year), "2021-11"
// (11月), "2022Q1" (一季度, Q1), "2021H1" (上半年), "2021Q1-Q3" (前三季度),
// or "". The nearest period word wins; a bare 一季度 takes the year
// written before it in the sentence, else year (0: no period).
func (v *Vocabulary) periodOf(text string, i int, year int) string {
	w := text[sentenceWithin(text, i, 150):i]
	if !strings.Contains(w, "年") && !strings.Contains(w, "季") && !strings.Contains(w, "月") && !strings.Contains(w, "Q") {
		return ""
	}
	y := year
	if yy, ok := lastYear(w); ok {
		y = yy
	} else if strings.Contains(w, "去年") && year > 0 {
		y = year - 1
	}
	// The period word ending last wins; of two ending together (三季度,
	// 前三季度), the longer.
	best, bestAt := "", -1
	for e := len(w); e > 0 && bestAt < 0; {
		r, size := utf8.DecodeLastRuneInString(w[:e])
		for _, p := range v.periodsByLast[r] {
			if strings.HasSuffix(w[:e], p.word) {
				best, bestAt = p.p, e-len(p.word)
				break
			}
		}
		e -= size
	}
	if m, at := lastMonth(w); at > bestAt {
		best, bestAt = m, at
	}
	if y == 0 {
		return ""
	}
	ys := strconv.Itoa(y)
	switch {
	case bestAt < 0:
		if _, ok := lastYear(w); ok {
			return ys
		}
		return ""
	case best == "":
		return ys
	case best[0] == '-':
		return ys + best
	default:
		return ys + best
	}
}

type periodWord struct{ word, p string }

// lastYear finds the last "2021年" in w.
func lastYear(w string) (int, bool) {
	for at := strings.LastIndex(w, "年"); at >= 4; at = strings.LastIndex(w[:at], "年") {
		d := w[at-4 : at]
		if y, err := strconv.Atoi(d); err == nil && y >= 1900 && y <= 2100 {
			return y, true
		}
	}
	return 0, false
}

// lastMonth finds the last "11月" (not 11个月) in w and returns "-11".
func lastMonth(w string) (string, int) {
	for at := strings.LastIndex(w, "月"); at > 0; at = strings.LastIndex(w[:at], "月") {
		j := at
		for j > 0 && isASCIIDigit(w[j-1]) && at-j < 2 {
			j--
		}
		if j == at {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(w[:j]); r == '-' || r == '个' {
			continue
		}
		m, _ := strconv.Atoi(w[j:at])
		if m >= 1 && m <= 12 {
			return "-" + strconv.Itoa(100 + m)[1:], j
		}
	}
	return "", -1
}

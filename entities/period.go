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
func periodOf(text string, i int, year int) string {
	s := sentenceStart(text, i)
	w := text[s:i]
	y := year
	if yy, ok := lastYear(w); ok {
		y = yy
	} else if strings.Contains(w, "去年") && year > 0 {
		y = year - 1
	}
	best, bestAt, bestEnd := "", -1, -1
	try := func(word, suffix string) {
		// The word ending last wins; of two ending together (三季度,
		// 前三季度), the longer.
		if at := strings.LastIndex(w, word); at >= 0 && (at+len(word) > bestEnd || at+len(word) == bestEnd && at < bestAt) {
			best, bestAt, bestEnd = suffix, at, at+len(word)
		}
	}
	for _, q := range []struct{ word, p string }{
		{"一季度", "Q1"}, {"第一季度", "Q1"}, {"Q1", "Q1"}, {"二季度", "Q2"}, {"第二季度", "Q2"}, {"Q2", "Q2"},
		{"三季度", "Q3"}, {"第三季度", "Q3"}, {"Q3", "Q3"}, {"四季度", "Q4"}, {"第四季度", "Q4"}, {"Q4", "Q4"},
		{"第三季", "Q3"}, {"前三季度", "Q1-Q3"}, {"上半年", "H1"}, {"下半年", "H2"}, {"全年", ""}, {"年度", ""},
	} {
		try(q.word, q.p)
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

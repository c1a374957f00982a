package stocknews

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	bj := time.FixedZone("CST", 8*3600)
	at := func(y int, mo time.Month, d, h, mi, s int, loc *time.Location) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, loc)
	}
	tests := []struct {
		in   string
		want time.Time // zero: no time
	}{
		{"2024-03-01 09:30:05", at(2024, 3, 1, 9, 30, 5, bj)},
		{"2024-03-01 09:30:05 +0800", at(2024, 3, 1, 9, 30, 5, bj)},
		{"2024-03-01 09:30:05 -0500", at(2024, 3, 1, 22, 30, 5, bj)},
		{"2024-03-01T09:30:05+08:00", at(2024, 3, 1, 9, 30, 5, bj)},
		{"2024-03-01T01:30:05Z", at(2024, 3, 1, 9, 30, 5, bj)},
		{"2024-03-01T09:30:05", at(2024, 3, 1, 9, 30, 5, bj)},
		{"2024-03-01 09:30", at(2024, 3, 1, 9, 30, 0, bj)},
		{"2024/03/01 09:30", at(2024, 3, 1, 9, 30, 0, bj)},
		{"2024-3-1 9:30", at(2024, 3, 1, 9, 30, 0, bj)},
		{"2024-3-1 09:30", at(2024, 3, 1, 9, 30, 0, bj)},
		{"2024年3月1日 09:30", at(2024, 3, 1, 9, 30, 0, bj)},
		{"2024年03月01日09:30", at(2024, 3, 1, 9, 30, 0, bj)},
		{"2024-03-01", at(2024, 3, 1, 0, 0, 0, bj)},
		{"2024年3月1日", at(2024, 3, 1, 0, 0, 0, bj)},
		{"Fri, 01 Mar 2024 01:30:05 GMT", at(2024, 3, 1, 9, 30, 5, bj)},
		{"Fri, 01 Mar 2024 09:30:05 CST", at(2024, 3, 1, 9, 30, 5, bj)},
		{"Fri, 01 Mar 2024 09:30:05 +0800", at(2024, 3, 1, 9, 30, 5, bj)},
		{"Fri Mar  1 01:30:05 UTC 2024", at(2024, 3, 1, 9, 30, 5, bj)},
		{"1709256605", at(2024, 3, 1, 9, 30, 5, bj)},
		{"1709256605000", at(2024, 3, 1, 9, 30, 5, bj)},
		{"  2024-03-01 09:30:05  ", at(2024, 3, 1, 9, 30, 5, bj)},
		{"Invalid Date", time.Time{}},
		{"+0800", time.Time{}},
		{"", time.Time{}},
		{"42", time.Time{}},
		{"昨天 09:30", time.Time{}},
	}
	for _, tt := range tests {
		got := parseTime(tt.in, bj)
		if !got.Equal(tt.want) || got.IsZero() != tt.want.IsZero() {
			t.Errorf("parseTime(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

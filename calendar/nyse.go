package calendar

import "time"

// The NYSE calendar is built from the exchange's rules (NYSE Rule 7.2,
// "Holidays", and the holiday schedule the exchange publishes at
// nyse.com/markets/hours-calendars): Saturdays and Sundays, and these
// holidays, observed on the Friday before when they fall on a Saturday and
// on the Monday after when on a Sunday, except that a New Year's Day on a
// Saturday is not observed at all:
//
//   - New Year's Day, 1 January
//   - Martin Luther King Jr. Day, third Monday of January
//   - Washington's Birthday, third Monday of February
//   - Good Friday, two days before Easter Sunday
//   - Memorial Day, last Monday of May
//   - Juneteenth, 19 June, from 2022
//   - Independence Day, 4 July
//   - Labor Day, first Monday of September
//   - Thanksgiving Day, fourth Thursday of November
//   - Christmas Day, 25 December
var (
	nyseFirst = dayNumber(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	// The last year whose holidays NYSE has published.
	nyseLast = dayNumber(time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC))
)

// nyseSpecial are the unscheduled full-day closures since 2000, each with
// its source.
var nyseSpecial = map[int32]bool{
	// 11–14 September 2001: the attacks on the World Trade Center (NYSE
	// press releases, September 2001).
	date(2001, 9, 11): true,
	date(2001, 9, 12): true,
	date(2001, 9, 13): true,
	date(2001, 9, 14): true,
	// National day of mourning for President Reagan (NYSE, June 2004).
	date(2004, 6, 11): true,
	// National day of mourning for President Ford (NYSE, December 2006).
	date(2007, 1, 2): true,
	// Hurricane Sandy (NYSE Euronext releases, 28–30 October 2012).
	date(2012, 10, 29): true,
	date(2012, 10, 30): true,
	// National day of mourning for President George H. W. Bush (NYSE,
	// December 2018).
	date(2018, 12, 5): true,
	// National day of mourning for President Carter (NYSE, December 2024).
	date(2025, 1, 9): true,
}

var nyse = &Calendar{
	name:   "NYSE",
	table:  &dayTable{first: nyseFirst, last: nyseLast},
	close:  16 * time.Hour,
	offset: easternOffset,
	zone:   easternZone,
	closed: nyseSpecial,
	ruled:  nyseOpen,
}

// NYSE returns the calendar of the New York Stock Exchange, which serves
// every US listing.
func NYSE() *Calendar { return nyse }

func date(y int, m time.Month, d int) int32 {
	return dayNumber(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// nyseOpen reports whether day is a weekday and no holiday by the rules.
func nyseOpen(day int32) bool {
	t := dateTime(day)
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	y := t.Year()
	for _, h := range nyseHolidays(y) {
		if h == day {
			return false
		}
	}
	// A 1 January on a Saturday of next year is not observed on 31
	// December, so nothing more to check.
	return true
}

// nyseHolidays returns the observed holidays of year y.
func nyseHolidays(y int) []int32 {
	easter := easterSunday(y)
	hs := []int32{
		nthWeekday(y, time.January, time.Monday, 3),
		nthWeekday(y, time.February, time.Monday, 3),
		easter - 2,
		lastWeekday(y, time.May, time.Monday),
		observed(date(y, time.July, 4)),
		nthWeekday(y, time.September, time.Monday, 1),
		nthWeekday(y, time.November, time.Thursday, 4),
		observed(date(y, time.December, 25)),
	}
	if ny := date(y, time.January, 1); dateTime(ny).Weekday() != time.Saturday {
		hs = append(hs, observed(ny))
	}
	if y >= 2022 {
		hs = append(hs, observed(date(y, time.June, 19)))
	}
	return hs
}

// observed moves a Saturday holiday to Friday and a Sunday one to Monday.
func observed(d int32) int32 {
	switch dateTime(d).Weekday() {
	case time.Saturday:
		return d - 1
	case time.Sunday:
		return d + 1
	}
	return d
}

// nthWeekday returns the n-th wd of month m of year y.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) int32 {
	first := date(y, m, 1)
	shift := (int(wd) - int(dateTime(first).Weekday()) + 7) % 7
	return first + int32(shift+7*(n-1))
}

// lastWeekday returns the last wd of month m of year y.
func lastWeekday(y int, m time.Month, wd time.Weekday) int32 {
	last := date(y, m+1, 1) - 1
	shift := (int(dateTime(last).Weekday()) - int(wd) + 7) % 7
	return last - int32(shift)
}

// easterSunday returns Easter Sunday of year y in the Gregorian calendar
// (the anonymous Gregorian algorithm of Meeus, "Astronomical Algorithms").
func easterSunday(y int) int32 {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, time.Month(month), day)
}

// easternOffset is the UTC offset of New York at a Unix time, by the US
// daylight-saving rules: from 2007 the second Sunday of March to the first
// Sunday of November, before that the first Sunday of April to the last
// Sunday of October, switching at 02:00 local time.
func easternOffset(unix int64) int {
	if easternDST(unix) {
		return -4 * 3600
	}
	return -5 * 3600
}

func easternZone(unix int64) string {
	if easternDST(unix) {
		return "EDT"
	}
	return "EST"
}

func easternDST(unix int64) bool {
	y := time.Unix(unix-5*3600, 0).UTC().Year()
	var start, end int32
	if y >= 2007 {
		start = nthWeekday(y, time.March, time.Sunday, 2)
		end = nthWeekday(y, time.November, time.Sunday, 1)
	} else {
		start = nthWeekday(y, time.April, time.Sunday, 1)
		end = lastWeekday(y, time.October, time.Sunday)
	}
	// 02:00 EST is 07:00 UTC; 02:00 EDT is 06:00 UTC.
	return unix >= int64(start)*86400+7*3600 && unix < int64(end)*86400+6*3600
}

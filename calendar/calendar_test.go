package calendar_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stocknews/stocknews/calendar"
	"github.com/stocknews/stocknews/calendar/internal/gencal"
	"github.com/stocknews/stocknews/internal/sharedtest"
)

var (
	beijing  = time.FixedZone("CST", 8*3600)
	hongKong = time.FixedZone("HKT", 8*3600)
	edt      = time.FixedZone("EDT", -4*3600)
	est      = time.FixedZone("EST", -5*3600)
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestTradingDay(t *testing.T) {
	tests := []struct {
		name  string
		cal   *calendar.Calendar
		at    time.Time
		close time.Duration
		want  time.Time
	}{
		{"A share Monday before close", calendar.SSE(), time.Date(2022, 3, 7, 14, 59, 0, 0, beijing), 0, day(2022, 3, 7)},
		{"A share Monday at 16:00", calendar.SSE(), time.Date(2022, 3, 7, 16, 0, 0, 0, beijing), 0, day(2022, 3, 8)},
		{"A share at the close", calendar.SSE(), time.Date(2022, 3, 7, 15, 0, 0, 0, beijing), 0, day(2022, 3, 8)},
		{"A share National Day", calendar.SSE(), time.Date(2022, 10, 1, 10, 0, 0, 0, beijing), 0, day(2022, 10, 10)},
		{"A share Friday evening", calendar.SSE(), time.Date(2022, 3, 11, 20, 0, 0, 0, beijing), 0, day(2022, 3, 14)},
		{"A share UTC instant", calendar.SSE(), time.Date(2022, 3, 6, 23, 0, 0, 0, time.UTC), 0, day(2022, 3, 7)},
		{"A share close moved to midnight", calendar.SSE(), time.Date(2022, 3, 7, 20, 0, 0, 0, beijing), 24 * time.Hour, day(2022, 3, 7)},
		{"HK Saturday", calendar.HKEX(), time.Date(2022, 3, 5, 9, 0, 0, 0, hongKong), 0, day(2022, 3, 7)},
		{"HK Ching Ming", calendar.HKEX(), time.Date(2022, 4, 5, 9, 0, 0, 0, hongKong), 0, day(2022, 4, 6)},
		{"HK 15:59", calendar.HKEX(), time.Date(2022, 4, 6, 15, 59, 0, 0, hongKong), 0, day(2022, 4, 6)},
		{"HK half day after noon", calendar.HKEX(), time.Date(2024, 12, 24, 13, 0, 0, 0, hongKong), 0, day(2024, 12, 27)},
		{"HK black rainstorm", calendar.HKEX(), time.Date(2023, 9, 8, 9, 0, 0, 0, hongKong), 0, day(2023, 9, 11)},
		{"US before the close", calendar.NYSE(), time.Date(2024, 3, 11, 15, 59, 0, 0, edt), 0, day(2024, 3, 11)},
		{"US after the close", calendar.NYSE(), time.Date(2024, 3, 11, 16, 0, 0, 0, edt), 0, day(2024, 3, 12)},
		{"US winter close", calendar.NYSE(), time.Date(2024, 1, 8, 15, 30, 0, 0, est), 0, day(2024, 1, 8)},
		{"US Beijing morning is New York evening", calendar.NYSE(), time.Date(2024, 1, 9, 8, 0, 0, 0, beijing), 0, day(2024, 1, 9)},
		{"US Independence Day", calendar.NYSE(), time.Date(2024, 7, 4, 10, 0, 0, 0, edt), 0, day(2024, 7, 5)},
		{"US Good Friday", calendar.NYSE(), time.Date(2024, 3, 29, 10, 0, 0, 0, edt), 0, day(2024, 4, 1)},
		{"US Juneteenth on Sunday", calendar.NYSE(), time.Date(2022, 6, 19, 10, 0, 0, 0, edt), 0, day(2022, 6, 21)},
		{"US Carter mourning", calendar.NYSE(), time.Date(2025, 1, 9, 10, 0, 0, 0, est), 0, day(2025, 1, 10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cal.TradingDay(tt.at, tt.close)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("TradingDay(%v) = %s, want %s", tt.at, got.Format(time.DateOnly), tt.want.Format(time.DateOnly))
			}
		})
	}
}

func TestOutOfRange(t *testing.T) {
	tests := []struct {
		cal *calendar.Calendar
		at  time.Time
	}{
		{calendar.HKEX(), time.Date(2025, 9, 8, 9, 0, 0, 0, hongKong)},
		{calendar.HKEX(), time.Date(2025, 9, 5, 17, 0, 0, 0, hongKong)}, // the next day is past the data
		{calendar.SSE(), time.Date(2027, 1, 4, 9, 0, 0, 0, beijing)},
		{calendar.SSE(), time.Date(1980, 1, 4, 9, 0, 0, 0, beijing)},
		{calendar.NYSE(), time.Date(2028, 1, 4, 9, 0, 0, 0, est)},
	}
	for _, tt := range tests {
		_, err := tt.cal.TradingDay(tt.at, 0)
		var re *calendar.RangeError
		if !errors.Is(err, calendar.ErrOutOfRange) || !errors.As(err, &re) || re.Calendar != tt.cal.Name() {
			t.Errorf("%s TradingDay(%v): error %v, want a RangeError", tt.cal.Name(), tt.at, err)
		}
	}
	if _, err := calendar.HKEX().IsTradingDay(day(2025, 10, 2)); !errors.Is(err, calendar.ErrOutOfRange) {
		t.Errorf("IsTradingDay past the data: %v", err)
	}
}

// TestYearCounts checks the trading days per year against the counts the
// exchanges publish (and the reference README states).
func TestYearCounts(t *testing.T) {
	tests := []struct {
		cal  *calendar.Calendar
		year int
		want int
	}{
		{calendar.SSE(), 2015, 244}, {calendar.SSE(), 2018, 243}, {calendar.SSE(), 2022, 242},
		{calendar.SSE(), 2024, 242}, {calendar.SSE(), 2025, 243}, {calendar.SSE(), 2026, 242},
		{calendar.HKEX(), 2020, 248}, {calendar.HKEX(), 2022, 246},
		{calendar.HKEX(), 2023, 244}, // 245 sessions in the data, less the black rainstorm day
		{calendar.HKEX(), 2024, 246},
		{calendar.NYSE(), 2019, 252}, {calendar.NYSE(), 2021, 252}, {calendar.NYSE(), 2022, 251},
		{calendar.NYSE(), 2023, 250}, {calendar.NYSE(), 2024, 252}, {calendar.NYSE(), 2025, 250},
	}
	for _, tt := range tests {
		days, err := tt.cal.Days(day(tt.year, 1, 1), day(tt.year, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		if len(days) != tt.want {
			t.Errorf("%s %d: %d trading days, want %d", tt.cal.Name(), tt.year, len(days), tt.want)
		}
	}
}

func TestLocalAndClose(t *testing.T) {
	at := time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC)
	if got := calendar.NYSE().Local(at).Format("15:04 MST"); got != "08:00 EDT" {
		t.Errorf("NYSE Local = %s", got)
	}
	if got := calendar.NYSE().Local(at.AddDate(0, 6, 0)).Format("15:04 MST"); got != "07:00 EST" {
		t.Errorf("NYSE Local in winter = %s", got)
	}
	c, err := calendar.HKEX().CloseOn(day(2024, 12, 24))
	if err != nil || !c.Equal(time.Date(2024, 12, 24, 12, 0, 0, 0, hongKong)) {
		t.Errorf("HKEX CloseOn Christmas Eve = %v, %v", c, err)
	}
	for _, m := range []string{"SH", "SZ", "BJ", "BK"} {
		if calendar.ForMarket(m) != calendar.SSE() {
			t.Errorf("ForMarket(%s) is not SSE", m)
		}
	}
	if calendar.ForMarket("HK") != calendar.HKEX() || calendar.ForMarket("US") != calendar.NYSE() || calendar.ForMarket("JP") != nil {
		t.Error("ForMarket")
	}
}

// TestGenerated regenerates the embedded data from ../shared and compares.
func TestGenerated(t *testing.T) {
	ref := sharedtest.Path(t, "reference/calendar")
	src, err := gencal.Generate(ref)
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile(filepath.Join(".", "zdata.go"))
	if err != nil {
		t.Fatal(err)
	}
	if string(src) != string(have) {
		t.Error("zdata.go is stale: run go generate ./calendar")
	}
}

func FuzzTradingDay(f *testing.F) {
	f.Add(int64(1646640000), int64(0))
	f.Add(int64(-1), int64(3600))
	f.Fuzz(func(t *testing.T, unix, close int64) {
		at := time.Unix(unix%(1<<36), 0)
		for _, c := range []*calendar.Calendar{calendar.SSE(), calendar.HKEX(), calendar.NYSE()} {
			d, err := c.TradingDay(at, time.Duration(close%int64(48*time.Hour)))
			if err != nil {
				if !errors.Is(err, calendar.ErrOutOfRange) {
					t.Fatal(err)
				}
				continue
			}
			if ok, err := c.IsTradingDay(d); !ok || err != nil {
				t.Fatalf("%s: %v gave %v, not a trading day", c.Name(), at, d)
			}
		}
	})
}

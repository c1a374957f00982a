package calendar_test

import (
	"fmt"
	"time"

	"github.com/stocknews/stocknews/calendar"
)

// An article published on the National Day holiday belongs to the first
// trading day after it.
func ExampleCalendar_TradingDay() {
	beijing := time.FixedZone("CST", 8*3600)
	published := time.Date(2022, 10, 1, 9, 30, 0, 0, beijing)
	d, err := calendar.ForMarket("SH").TradingDay(published, 0)
	fmt.Println(d.Format(time.DateOnly), err)
	// Output: 2022-10-10 <nil>
}

package ticker

// CodeMatch is a security code written in text, with the name written
// beside it when there is one: in 贵州茅台(600519) the code span is
// "600519" and the name is 贵州茅台. Offsets are bytes into the text,
// half-open, on UTF-8 boundaries. NameStart == NameEnd == -1 when no name
// is beside the code.
type CodeMatch struct {
	Symbol             Symbol
	Venue              Venue  // the US venue when the text names it (NASDAQ: PDD, BABA.N)
	Start, End         int    // the code as written, e.g. "600519.SH", "00700.HK", "NASDAQ: AAPL"
	Name               string // the name written beside the code, or ""
	NameStart, NameEnd int
}

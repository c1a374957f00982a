package ticker

// CodeMatch is a security code written in text, with the name written
// beside it when there is one: in 贵州茅台(600519) the code span is
// "600519" and the name is 贵州茅台. Offsets are bytes into the text,
// half-open. NameStart == NameEnd == -1 when no name is beside the code.
type CodeMatch struct {
	Symbol             Symbol
	Start, End         int    // the code as written, e.g. "600519.SH", "00700.HK", "NASDAQ: AAPL"
	Name               string // the name written beside the code, or ""
	NameStart, NameEnd int
}

// FindCodes returns the security codes written in text, in text order.
func FindCodes(text string) []CodeMatch { return nil }

// AnchorSymbol interprets one markup anchor and returns the security it
// links to, if any.
func AnchorSymbol(a Anchor) (Symbol, bool) { return Symbol{}, false }

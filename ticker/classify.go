package ticker

import "strings"

// Board is the listing segment of a security.
type Board uint8

// Boards. BoardUnknown is also used for markets without boards (US, LSE).
// The line comment of each is the name String returns.
//
//go:generate go run golang.org/x/tools/cmd/stringer@v0.52.0 -type=Board,Instrument -linecomment -output=classify_string.go
const (
	BoardUnknown Board = iota //
	// BoardMain is the SSE/SZSE main board (SZ 002 is the former SME
	// board) and the HKEX main board.
	BoardMain // Main
	// BoardSTAR is the SSE STAR Market 科创板 (688, 689).
	BoardSTAR // STAR
	// BoardChiNext is the SZSE ChiNext 创业板 (300, 301, 302).
	BoardChiNext // ChiNext
	// BoardBSE is the Beijing Stock Exchange 北交所 (43, 83, 87, 920).
	BoardBSE // BSE
	// BoardB are B shares (SH 900, SZ 200).
	BoardB // B
	// BoardGEM is the HKEX GEM (08000–08999).
	BoardGEM // GEM
)

// Instrument is the kind of security a code is allocated to.
type Instrument uint8

// Instruments. The line comment of each is the name String returns.
const (
	InstrumentUnknown Instrument = iota //
	// Stock: ordinary shares, CDRs, HK RMB counters.
	Stock // Stock
	// ETF: exchange-traded funds, and HK leveraged and inverse products.
	ETF // ETF
	// LOF: listed open-ended funds.
	LOF // LOF
	// Fund: other exchange-listed funds.
	Fund // Fund
	// REIT: real-estate investment trusts.
	REIT // REIT
	// Index: indices.
	Index // Index
	// Bond: bonds, convertibles, repo.
	Bond // Bond
	// Sector: Eastmoney boards (BK codes): sectors, concepts, regions.
	Sector // Sector
	// Warrant: HK derivative warrants.
	Warrant // Warrant
	// CBBC: HK callable bull/bear contracts.
	CBBC // CBBC
)

// Class is what a code says about its security, from the exchanges' code
// allocation ranges (reference/markets.md §3.3).
type Class struct {
	Board      Board
	Instrument Instrument
}

// Classify returns the board and instrument type of s from its code range.
// The ranges are the exchanges' allocation rules, not a listing table:
// a code in a stock range is classified Stock whether or not such a stock
// is listed. US, London, Singapore and Tokyo codes carry no range
// information and are classified Stock with BoardUnknown; boards are
// Sector. An invalid Symbol gives the zero Class.
//
// Shanghai 000xxx codes are indices (上证指数 is 000001.SH), Shenzhen 000xxx
// are main-board stocks (平安银行 is 000001.SZ): the market decides.
func Classify(s Symbol) Class {
	c := s.code
	switch s.market {
	case SH:
		return classifySH(c)
	case SZ:
		return classifySZ(c)
	case BJ:
		switch {
		case strings.HasPrefix(c, "899"):
			return Class{BoardBSE, Index}
		case c[0] == '4', c[0] == '8', strings.HasPrefix(c, "92"):
			return Class{BoardBSE, Stock}
		}
		return Class{BoardBSE, InstrumentUnknown}
	case HK:
		return classifyHK(c)
	case US, LSE, SG, JP:
		return Class{BoardUnknown, Stock}
	case BK:
		return Class{BoardUnknown, Sector}
	}
	return Class{}
}

func classifySH(c string) Class {
	p3 := c[:3]
	switch p3 {
	case "600", "601", "603", "605":
		return Class{BoardMain, Stock}
	case "688", "689":
		return Class{BoardSTAR, Stock}
	case "900":
		return Class{BoardB, Stock}
	case "000":
		return Class{BoardUnknown, Index}
	case "508":
		return Class{BoardMain, REIT}
	case "501", "502":
		return Class{BoardMain, LOF}
	}
	switch c[0] {
	case '5':
		switch c[1] {
		case '1', '2', '3', '6', '8':
			return Class{BoardMain, ETF}
		}
		return Class{BoardMain, Fund}
	case '1', '2':
		return Class{BoardMain, Bond}
	case '9':
		if c[1] == '3' || c[1] == '5' {
			return Class{BoardUnknown, Index} // CSI indices (93xxxx, 95xxxx)
		}
	}
	return Class{}
}

func classifySZ(c string) Class {
	switch c[:3] {
	case "000", "001", "002", "003":
		return Class{BoardMain, Stock}
	case "300", "301", "302":
		return Class{BoardChiNext, Stock}
	case "200", "201":
		return Class{BoardB, Stock}
	case "399":
		return Class{BoardUnknown, Index}
	case "159":
		return Class{BoardMain, ETF}
	}
	switch c[:2] {
	case "16":
		return Class{BoardMain, LOF}
	case "18":
		return Class{BoardMain, REIT}
	case "15":
		return Class{BoardMain, Fund}
	case "10", "11", "12", "13":
		return Class{BoardMain, Bond}
	}
	return Class{}
}

func classifyHK(c string) Class {
	n := 0
	for i := 0; i < len(c); i++ {
		n = n*10 + int(c[i]-'0')
	}
	switch {
	case n >= 2800 && n <= 2849, n >= 3000 && n <= 3199, n >= 9800 && n <= 9849,
		n >= 7200 && n <= 7399, n >= 7500 && n <= 7599, n >= 7800 && n <= 7999:
		return Class{BoardMain, ETF}
	case n >= 4000 && n <= 4999, n >= 5000 && n <= 6029:
		return Class{BoardMain, Bond}
	case n >= 8000 && n <= 8999:
		return Class{BoardGEM, Stock}
	case n >= 10000 && n <= 29999, n >= 89000 && n <= 89999:
		return Class{BoardMain, Warrant}
	case n >= 50000 && n <= 69999:
		return Class{BoardMain, CBBC}
	case n >= 87000 && n <= 87099:
		return Class{BoardMain, REIT}
	case n >= 80000 && n <= 83899:
		return Class{BoardMain, Stock}
	case n < 10000:
		return Class{BoardMain, Stock}
	}
	return Class{BoardMain, InstrumentUnknown}
}

// InferMarket returns the market of a bare six-digit A-share code written
// without a market, by the first digits: 6xxxxx, 5xxxxx (funds), 7xxxxx,
// 11xxxx (convertibles), 900xxx and other 9xxxxx are Shanghai; 0xxxxx,
// 1xxxxx (funds and bonds other than 11), 2xxxxx and 3xxxxx are Shenzhen;
// 4xxxxx, 8xxxxx and 92xxxx are Beijing. A bare 000001 is therefore Ping An
// Bank (000001.SZ), never the Shanghai index: see [InferMarketNamed]. It
// returns Unknown for anything but six ASCII digits.
func InferMarket(code string) Market {
	if len(code) != 6 || !allDigits(code) {
		return Unknown
	}
	switch code[0] {
	case '6', '5', '7':
		return SH
	case '9':
		if code[1] == '2' {
			return BJ
		}
		return SH
	case '0', '2', '3':
		return SZ
	case '1':
		if code[1] == '1' {
			return SH
		}
		return SZ
	case '4', '8':
		return BJ
	}
	return Unknown
}

// InferMarketNamed is [InferMarket] with the name written beside the code:
// a 000xxx code named as an index (a name with 指数, 指, 上证, 沪深, 中证,
// 大盘 or 综) is the Shanghai/CSI index, 上证指数(000001) → 000001.SH;
// otherwise the code is placed as by InferMarket.
func InferMarketNamed(code, name string) Market {
	m := InferMarket(code)
	if m == SZ && code[:3] == "000" && indexName(name) {
		return SH
	}
	return m
}

// indexName reports whether name reads as the name of an index.
func indexName(name string) bool {
	for _, w := range [...]string{"指", "上证", "沪深", "中证", "大盘", "综", "50", "180", "380"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// Package ticker parses, formats and finds security codes in Chinese
// financial news, and links articles to the securities they are about.
//
// # Symbols
//
// A [Symbol] is the canonical CODE.MARKET form of spec/tickers.md:
// 600519.SH, 000001.SZ, 430047.BJ (Shanghai, Shenzhen and Beijing A-shares
// and indices, six digits), 00700.HK (Hong Kong, five digits), AAPL.US
// (any US venue, class shares with "-") and BK1037.BK (Eastmoney boards).
// [Parse], [ParseAs] and [ParseAny] read it in every vendor convention
// (Eastmoney secid 116.00700, Yahoo 600519.SS, Wind/tushare, JoinQuant
// .XSHG, Futu HK.00700, Xueqiu SH600519, Baostock sh.600519, Sina
// hk00700, TradingView HKEX:700, Google 600519:SHA) and [Symbol.Format]
// writes it back. [Classify] tells exchange, board and instrument from the
// code ranges.
//
// # Finding securities in an article
//
// [FindCodes] finds codes written in text (贵州茅台(600519), 00700.HK,
// NASDAQ: AAPL) and [AnchorSymbol] reads quote embeds and stock links from
// the markup. A [Master] is a security master: short names, aliases,
// former and full names. [DefaultMaster] is built in (the most covered
// A-shares, the Hong Kong and US listings of the companies Chinese news
// covers most, and the standard indices; facts as of [DataVersion]);
// [LoadCSV] reads the exchange list all_code.csv, tushare's stock_basic
// and a documented generic layout, and [Master.Merge] combines masters.
// A [Linker] puts it all together: embeds, codes and names (found with an
// Aho–Corasick automaton and boundary rules), name↔code pairs learned from
// the article, A+H dual listings, and a relevance in 0..1 per security
// (the formula is on [Linker.Link]).
//
// All offsets are byte offsets into the text given, half-open, on UTF-8
// boundaries. Nothing in the package does I/O except [LoadMasterFile],
// which reads the file it is given.
//
// # Usage
//
//	m, err := ticker.LoadMasterFile("all_code.csv")        // optional
//	l := ticker.NewLinker(ticker.DefaultMaster().Merge(m), nil)
//	links := l.Link(ticker.Document{Text: text, TitleLen: len(title)})
package ticker

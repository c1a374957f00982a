package ticker

import "strings"

// AnchorSymbol interprets one markup anchor and returns the security it
// links to, if any. It reads, in order of reliability:
//
//   - the link target (Href): Eastmoney quote links …/unify/r/116.00700 and
//     …/r/0.002353, quote pages /sh600519.html, /sz000001.html,
//     /bj/430047.html, /kcb/688981.html, /hk/00700.html, /us/AAPL.html,
//     /bk/90.BK0715.html, /concept/sh603777.html, f1.html?newcode=0.000001,
//     wap /quote/stock/1.600519.html, F10 pages (?code=SH688686, ?code=03900,
//     ?code=TSLA), guba ?code=HK_00700 and list,600519.html; Sina
//     realstock/company/sz300059/… and hkstock/usstock quote pages;
//     证券时报 info.stcn.com/dc/stock/?stockcode=SS601258; Xueqiu /S/SH600519;
//   - Eastmoney data-code and data-code2: "00700|116|5", "K 00700|116|5",
//     "1,688668", or a bare "002353" (placed by the link, else by
//     [InferMarket]);
//   - the image source: GetPic.aspx?nid=116.00700, or the older
//     id=6033631 (code then 1 for Shanghai, 2 for Shenzhen);
//   - the id: Sina's stock_sz300059, Eastmoney's stock_1.688668, Reuters'
//     symbol_FB.O_0 (a RIC: .O NASDAQ, .N NYSE, .A AMEX, .HK, .SS, .SZ,
//     .L London, .SI Singapore, .T Tokyo);
//   - the code attribute of 证券时报's trsHotWords links: six digits placed
//     by [InferMarket];
//   - a table row (Tag "tr") under a 代码 header: its Code cell, six digits
//     placed by [InferMarketNamed] with the row's name cell (Text), or any
//     form [ParseAny] reads (00700, 600519.SH, SH600519).
//
// Eastmoney market numbers that are not a [Market] (100 global indices,
// futures, FX) give no symbol, nor do global index pages (/gb/zsUDI.html)
// and futures pages. The Venue of US listings is dropped; see
// [AnchorListing].
func AnchorSymbol(a Anchor) (Symbol, bool) {
	l, ok := AnchorListing(a)
	return l.Symbol, ok
}

// AnchorListing is [AnchorSymbol] keeping the US venue that Eastmoney
// market numbers and Reuters RICs carry.
func AnchorListing(a Anchor) (Listing, bool) {
	if a.Href != "" {
		if l, ok := urlListing(a.Href); ok {
			return l, true
		}
	}
	for _, dc := range [...]string{a.DataCode, a.DataCode2} {
		if dc == "" {
			continue
		}
		if l, ok := dataCodeListing(dc); ok {
			return l, true
		}
	}
	if a.Src != "" {
		if l, ok := urlListing(a.Src); ok {
			return l, true
		}
	}
	if a.ID != "" {
		if l, ok := idListing(a.ID); ok {
			return l, true
		}
	}
	if a.Tag == "tr" && a.Code != "" {
		return tableRowListing(a)
	}
	if c := strings.TrimSpace(a.Code); c != "" {
		if m := InferMarket(c); m != Unknown {
			return Listing{Symbol: Symbol{code: c, market: m}}, true
		}
	}
	// A bare data-code with no link: place the code by its range.
	if c := strings.TrimSpace(a.DataCode); len(c) == 6 {
		if m := InferMarket(c); m != Unknown {
			return Listing{Symbol: Symbol{code: c, market: m}}, true
		}
	}
	return Listing{}, false
}

// tableRowListing reads the code cell of a table row.
func tableRowListing(a Anchor) (Listing, bool) {
	c := strings.TrimSpace(a.Code)
	if m := InferMarketNamed(c, a.Text); m != Unknown {
		return Listing{Symbol: Symbol{code: c, market: m}}, true
	}
	if allDigits(c) && len(c) != 5 {
		return Listing{}, false // only five digits (Hong Kong) stand alone
	}
	if sym, err := ParseAny(c); err == nil && sym.IsValid() {
		return Listing{Symbol: sym}, true
	}
	return Listing{}, false
}

// dataCodeListing reads an Eastmoney data-code: "code|market|type",
// "K code|market|type" (chart images) or "market,code".
func dataCodeListing(dc string) (Listing, bool) {
	dc = strings.TrimSpace(dc)
	if len(dc) > 2 && dc[0] == 'K' && dc[1] == ' ' {
		dc = dc[2:]
	}
	if i := strings.IndexByte(dc, '|'); i > 0 {
		rest := dc[i+1:]
		if j := strings.IndexByte(rest, '|'); j >= 0 {
			rest = rest[:j]
		}
		return secidListing(rest, dc[:i])
	}
	if i := strings.IndexByte(dc, ','); i > 0 {
		return secidListing(dc[:i], dc[i+1:])
	}
	return Listing{}, false
}

// secidListing resolves an Eastmoney market number and code.
func secidListing(market, code string) (Listing, bool) {
	if market == "" || len(market) > 3 || !allDigits(market) || code == "" {
		return Listing{}, false
	}
	n := 0
	for i := 0; i < len(market); i++ {
		n = n*10 + int(market[i]-'0')
	}
	return SecID{Market: n, Code: code}.Listing()
}

// secidAt reads a secid "<m>.<code>" at the start of s, up to the first
// byte that cannot be part of it.
func secidAt(s string) (Listing, bool) {
	end := 0
	for end < len(s) && (isDigit(s[end]) || isLetter(s[end]) || s[end] == '.' || s[end] == '_') {
		end++
	}
	s = s[:end]
	s = strings.TrimSuffix(s, ".html")
	id, err := ParseSecID(s)
	if err != nil {
		return Listing{}, false
	}
	return id.Listing()
}

// codeRun returns the leading run of letters, digits and '_' of s.
func codeRun(s string) string {
	end := 0
	for end < len(s) && (isDigit(s[end]) || isLetter(s[end]) || s[end] == '_') {
		end++
	}
	return s[:end]
}

// queryParam returns the value of key in the query of URL u.
func queryParam(u, key string) (string, bool) {
	q := strings.IndexByte(u, '?')
	if q < 0 {
		return "", false
	}
	rest := u[q+1:]
	if h := strings.IndexByte(rest, '#'); h >= 0 {
		rest = rest[:h]
	}
	for rest != "" {
		var kv string
		kv, rest, _ = strings.Cut(rest, "&")
		if k, v, ok := strings.Cut(kv, "="); ok && strings.EqualFold(k, key) {
			return v, true
		}
	}
	return "", false
}

// prefixedCode reads a market-prefixed code such as sh600519, SZ000001,
// SS601258 (证券时报), bj430047, hk00700, HK_00700, usAAPL, or a bare
// six-digit code placed by InferMarket, a five-digit code as Hong Kong.
func prefixedCode(s string) (Listing, bool) {
	if len(s) > 2 {
		p := s[:2]
		rest := s[2:]
		if rest[0] == '_' || rest[0] == '.' {
			rest = rest[1:]
		}
		m := prefixMarket(p)
		if m == Unknown && (p == "SS" || p == "ss") {
			m = SH
		}
		if m != Unknown {
			if c, _, ok := normCode(rest, m); ok {
				return Listing{Symbol: Symbol{code: c, market: m}}, true
			}
		}
	}
	if allDigits(s) {
		switch len(s) {
		case 6:
			if m := InferMarket(s); m != Unknown {
				return Listing{Symbol: Symbol{code: s, market: m}}, true
			}
		case 5:
			if c, _, ok := normHK(s); ok {
				return Listing{Symbol: Symbol{code: c, market: HK}}, true
			}
		}
	}
	return Listing{}, false
}

// urlListing reads the security a quote-page or chart URL points to.
func urlListing(u string) (Listing, bool) {
	u = strings.TrimSpace(u)
	if v, ok := queryParam(u, "nid"); ok {
		return secidAt(v)
	}
	if v, ok := queryParam(u, "newcode"); ok {
		return secidAt(v)
	}
	if v, ok := queryParam(u, "secid"); ok {
		return secidAt(v)
	}
	if v, ok := queryParam(u, "stockcode"); ok {
		return prefixedCode(codeRun(v))
	}
	if strings.Contains(u, "GetPic.aspx") {
		// Older chart images: id=<code><1 Shanghai|2 Shenzhen>.
		if v, ok := queryParam(u, "id"); ok && len(v) == 7 && allDigits(v) {
			switch v[6] {
			case '1':
				return Listing{Symbol: Symbol{code: v[:6], market: SH}}, true
			case '2':
				m := SZ
				if InferMarket(v[:6]) == BJ {
					m = BJ
				}
				return Listing{Symbol: Symbol{code: v[:6], market: m}}, true
			}
		}
		return Listing{}, false
	}
	host, path := splitURL(u)
	switch {
	case strings.HasSuffix(host, "eastmoney.com"):
		return eastmoneyPath(host, path, u)
	case strings.HasSuffix(host, "sina.com.cn"):
		for _, key := range [...]string{"/realstock/company/", "/hkstock/quotes/", "/usstock/quotes/"} {
			if i := strings.Index(path, key); i >= 0 {
				c := codeRun(path[i+len(key):])
				switch key {
				case "/hkstock/quotes/":
					return newListingOK(c, HK)
				case "/usstock/quotes/":
					return newListingOK(c, US)
				}
				return prefixedCode(c)
			}
		}
	case strings.HasSuffix(host, "xueqiu.com"):
		if rest, ok := strings.CutPrefix(path, "/S/"); ok {
			l, err := parseGlued(codeRun(rest), Xueqiu)
			return l, err == nil
		}
	case strings.HasSuffix(host, "10jqka.com.cn"):
		if rest, ok := strings.CutPrefix(path, "/"); ok {
			c := codeRun(rest)
			if len(c) == 6 {
				return prefixedCode(c)
			}
		}
	}
	return Listing{}, false
}

func newListingOK(code string, m Market) (Listing, bool) {
	c, _, ok := normCode(code, m)
	if !ok {
		return Listing{}, false
	}
	return Listing{Symbol: Symbol{code: c, market: m}}, true
}

// splitURL returns the lower-cased host and the path of u (scheme optional).
func splitURL(u string) (host, path string) {
	if i := strings.Index(u, "//"); i >= 0 {
		u = u[i+2:]
	}
	slash := strings.IndexAny(u, "/?#")
	if slash < 0 {
		return strings.ToLower(u), ""
	}
	host = strings.ToLower(u[:slash])
	path = u[slash:]
	if q := strings.IndexAny(path, "?#"); q >= 0 {
		path = path[:q]
	}
	return host, path
}

func eastmoneyPath(host, path, u string) (Listing, bool) {
	if i := strings.Index(path, "/r/"); i >= 0 { // /unify/r/<secid>, /r/<secid>
		return secidAt(path[i+3:])
	}
	if strings.HasPrefix(host, "emweb") || strings.HasPrefix(host, "guba") {
		if v, ok := queryParam(u, "code"); ok {
			v = codeRun(v)
			if strings.Contains(path, "USF10") {
				return newListingOK(v, US)
			}
			return prefixedCode(v)
		}
		if i := strings.Index(path, "list,"); i >= 0 {
			return prefixedCode(codeRun(path[i+5:]))
		}
		return Listing{}, false
	}
	if i := strings.Index(path, "/quote/stock/"); i >= 0 { // wap pages
		return secidAt(path[i+len("/quote/stock/"):])
	}
	if !strings.HasPrefix(host, "quote.") {
		return Listing{}, false
	}
	p := strings.TrimPrefix(path, "/")
	dir, file, hasDir := strings.Cut(p, "/")
	if !hasDir {
		file, dir = dir, ""
	}
	file = strings.TrimSuffix(file, ".html")
	switch dir {
	case "":
		return prefixedSH(file)
	case "concept", "kcb":
		if l, ok := prefixedSH(file); ok {
			return l, ok
		}
		return newListingOK(file, SH)
	case "bj":
		return newListingOK(file, BJ)
	case "hk":
		return newListingOK(file, HK)
	case "us":
		return newListingOK(file, US)
	case "bk":
		return secidAt(file)
	case "unify":
		return secidAt(strings.TrimPrefix(file, "r/"))
	}
	return Listing{}, false
}

// prefixedSH reads sh600519, sz000001, bj430047 (quote page file names).
func prefixedSH(s string) (Listing, bool) {
	if len(s) != 8 {
		return Listing{}, false
	}
	switch m := prefixMarket(s[:2]); m {
	case SH, SZ, BJ:
		return newListingOK(s[2:], m)
	}
	return Listing{}, false
}

// idListing reads element ids: stock_sz300059, stock_1.688668,
// stock_106.NIO, symbol_FB.O_0.
func idListing(id string) (Listing, bool) {
	if rest, ok := strings.CutPrefix(id, "stock_"); ok {
		if l, ok := prefixedSH(rest); ok {
			return l, true
		}
		if l, ok := secidAt(rest); ok {
			return l, true
		}
		return prefixedCode(rest)
	}
	if rest, ok := strings.CutPrefix(id, "symbol_"); ok {
		// Reuters: symbol_<RIC>_<n>
		if i := strings.LastIndexByte(rest, '_'); i > 0 && allDigits(rest[i+1:]) {
			rest = rest[:i]
		}
		return ricListing(rest)
	}
	return Listing{}, false
}

// ricListing reads a Reuters instrument code: FB.O, BA.N, 0700.HK,
// 600519.SS, 000001.SZ, WTB.L, D05.SI, 7203.T.
func ricListing(ric string) (Listing, bool) {
	dot := strings.LastIndexByte(ric, '.')
	if dot <= 0 {
		return Listing{}, false
	}
	code, suf := ric[:dot], ric[dot+1:]
	var m Market
	var v Venue
	if len(suf) > 2 {
		return Listing{}, false
	}
	var up [2]byte
	for i := 0; i < len(suf); i++ {
		up[i] = upper(suf[i])
	}
	switch string(up[:len(suf)]) {
	case "O", "OQ":
		m, v = US, NASDAQ
	case "N":
		m, v = US, NYSE
	case "A":
		m, v = US, AMEX
	case "HK":
		m = HK
	case "SS":
		m = SH
	case "SZ":
		m = SZ
	case "L":
		m = LSE
	case "SI":
		m = SG
	case "T":
		m = JP
	default:
		return Listing{}, false
	}
	l, ok := newListingOK(code, m)
	l.Venue = v
	return l, ok
}

package mastergen

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/stocknews/stocknews/ticker"
)

// hongKong reads the Hong Kong lists: stocks.index.json (names as of
// 2026-06, the current ones), stock_base_info_hk.json (2025-04: a name
// that differs is kept as a former name) and hk.json (English names).
func hongKong(dir string) ([]ticker.Security, error) {
	var index [][]any
	if err := readJSON(filepath.Join(dir, "stocks.index.json"), &index); err != nil {
		return nil, err
	}
	var base []struct{ Code, Name string }
	if err := readJSON(filepath.Join(dir, "stock_base_info_hk.json"), &base); err != nil {
		return nil, err
	}
	var eng struct {
		Data []struct{ C, N string }
	}
	if err := readJSON(filepath.Join(dir, "hk.json"), &eng); err != nil {
		return nil, err
	}
	english := make(map[string]string, len(eng.Data))
	for _, r := range eng.Data {
		english[strings.Repeat("0", max(0, 5-len(r.C)))+r.C] = r.N
	}
	byCode := make(map[string]int)
	var out []ticker.Security
	for _, row := range index {
		if len(row) < 7 || row[6] != "HK" {
			continue
		}
		code, _ := row[1].(string)
		name, _ := row[2].(string)
		sym, err := ticker.New(code, ticker.HK)
		if err != nil || name == "" {
			continue
		}
		s := ticker.Security{Symbol: sym, Name: name, EnglishName: ticker.EnglishShortName(english[sym.Code()])}
		if al, ok := row[5].([]any); ok {
			for _, a := range al {
				if a, ok := a.(string); ok && a != "" {
					s.Aliases = append(s.Aliases, a)
				}
			}
		}
		byCode[sym.Code()] = len(out)
		out = append(out, s)
	}
	for _, r := range base {
		code := strings.TrimSuffix(r.Code, ".HK")
		sym, err := ticker.New(code, ticker.HK)
		if err != nil || r.Name == "" {
			continue
		}
		if i, ok := byCode[sym.Code()]; ok {
			if ticker.NormalizeName(r.Name) != ticker.NormalizeName(out[i].Name) {
				out[i].FormerNames = append(out[i].FormerNames, r.Name)
			}
			continue
		}
		// Codes only in the older list are left out: funds, debt,
		// counters and listings gone by 2026-06; a code written in an
		// article links without them.
	}
	return out, nil
}

type usRow struct {
	Symbol, Name, Ipoyear string
}

// unitedStates reads the NASDAQ, NYSE and AMEX lists (current), and the
// 2022-06-09 NASDAQ snapshot for the listings gone since. Preferred
// shares, warrants, units and rights are left out. A symbol that facts
// records as an earlier symbol of another security (FB of META) is left
// out too: it is that security.
func unitedStates(dir string, facts *ticker.Master) ([]ticker.Security, error) {
	former := make(map[ticker.Symbol]bool)
	for s := range facts.AllSeq() {
		for _, f := range s.FormerSymbols {
			former[f.Symbol] = true
		}
	}
	seen := make(map[ticker.Symbol]bool)
	var out []ticker.Security
	// The 2022-06-09 snapshot is read only to check the facts' symbol
	// changes (FB, gone by then from the current lists, must be in it).
	for _, f := range []string{"nasdaq_full_tickers.json", "nyse_full_tickers.json", "amex_full_tickers.json"} {
		var rows []usRow
		if err := readJSON(filepath.Join(dir, f), &rows); err != nil {
			return nil, err
		}
		for _, r := range rows {
			if strings.Contains(r.Symbol, "^") || nonCommon.MatchString(r.Name) {
				continue
			}
			sym, err := ticker.New(strings.ReplaceAll(strings.TrimSpace(r.Symbol), "/", "-"), ticker.US)
			if err != nil || seen[sym] || former[sym] {
				continue
			}
			seen[sym] = true
			// The name is left to facts (the Chinese names of the
			// listings Chinese news covers); the English name is kept in
			// the short form news writes.
			out = append(out, ticker.Security{Symbol: sym, EnglishName: ticker.EnglishShortName(companyName(r.Name)), ListDate: r.Ipoyear})
		}
	}
	var snap []usRow
	if err := readJSON(filepath.Join(dir, "snapshot-2022-06-09", "nasdaq_full_tickers.json"), &snap); err != nil {
		return nil, err
	}
	inSnap := make(map[string]bool, len(snap))
	for _, r := range snap {
		inSnap[r.Symbol] = true
	}
	for sym := range former {
		if sym.Market() == ticker.US && !seen[sym] && !inSnap[sym.Code()] {
			return nil, fmt.Errorf("mastergen: former symbol %v is in no US list", sym)
		}
	}
	return out, nil
}

// nonCommon matches the names of securities that are not shares of a
// company: warrants, units, rights, notes, preferreds.
var nonCommon = regexp.MustCompile(`(?i)\b(warrants?|units?|rights?|notes due|preferred|debentures|depositary shares? representing 1/)\b`)

// classText starts the share-class part of a US security name.
var classText = regexp.MustCompile(`(?i)\s+(class [a-z]\b|common stock|common shares|ordinary shares?|american depositary|american depository|depositary shares|sponsored ads|ads\b|\(new\)|series [a-z]\b|each representing).*$`)

// companyName returns the company part of a US security name: Meta
// Platforms Inc. Class A Common Stock gives Meta Platforms Inc.
func companyName(name string) string {
	n := classText.ReplaceAllString(strings.TrimSpace(name), "")
	return strings.TrimRight(strings.TrimSpace(n), " ,-")
}

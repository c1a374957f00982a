package ticker

import (
	"strings"
	"unicode/utf8"
)

// englishTail are the words English company names end with that news
// leaves off: Target Corporation is Target, The Carlyle Group Inc. is
// Carlyle, Apollo Global Management Inc. is Apollo.
var englishTail = map[string]bool{
	"INC": true, "INC.": true, "INCORPORATED": true, "CORP": true, "CORP.": true, "CORPORATION": true,
	"CO": true, "CO.": true, "COMPANY": true, "LIMITED": true, "LTD": true, "LTD.": true, "PLC": true,
	"HOLDINGS": true, "HOLDING": true, "GROUP": true, "N.V.": true, "NV": true, "AG": true, "SA": true,
	"S.A.": true, "SE": true, "AB": true, "LLC": true, "LP": true, "L.P.": true, "&": true, "AND": true,
	"GLOBAL": true, "MANAGEMENT": true, "(NEW)": true, "CO.,": true, "LTD.,": true, "(THE)": true,
}

// englishSpacer puts back the spaces NormalizeName removes around
// punctuation (KKR&Co.Inc. is KKR & Co. Inc.).
var englishSpacer = strings.NewReplacer("&", " & ", ".", ". ", ",", ", ")

// englishGeneric are stems too general to name one company by themselves.
var englishGeneric = map[string]bool{
	"CHINA": true, "HONG KONG": true, "ASIA": true, "AMERICA": true, "AMERICAN": true, "GLOBAL": true,
	"INTERNATIONAL": true, "FIRST": true, "NEW": true, "CAPITAL": true, "UNITED": true, "GREAT": true,
	"GOLD": true, "ENERGY": true, "POWER": true, "DATA": true, "TRUST": true, "BANK": true,
	"HOLDINGS": true, "TECHNOLOGY": true, "PACIFIC": true, "EAST": true, "WEST": true, "NORTH": true,
	"SOUTH": true, "CENTURY": true, "UNIVERSAL": true, "NATIONAL": true, "GENERAL": true, "ROYAL": true,
}

// englishNames calls f with the English name and its stem without the
// company-form words at its end and an article at its start: The Carlyle
// Group Inc. gives itself and Carlyle. A stem must keep four characters
// (three for an acronym written in capitals, KKR) and not be a generic
// word (CHINA).
func englishNames(name string, f func(string)) {
	f(name)
	words := strings.Fields(englishSpacer.Replace(name))
	if len(words) > 0 && strings.EqualFold(words[0], "THE") {
		words = words[1:]
	}
	for len(words) > 1 && englishTail[strings.ToUpper(strings.TrimRight(words[len(words)-1], ","))] {
		words = words[:len(words)-1]
	}
	stem := strings.TrimRight(strings.Join(words, " "), " ,.&")
	stem = strings.ReplaceAll(strings.ReplaceAll(stem, ". ", "."), " & ", "&")
	if stem == name || stem == "" {
		return
	}
	n := utf8.RuneCountInString(stem)
	acronym := n == 3 && isUpperRun(stem) && name != strings.ToUpper(name)
	if (n >= 4 || acronym) && !englishGeneric[strings.ToUpper(stem)] {
		f(stem)
	}
}

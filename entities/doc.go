// Package entities extracts exact numbers, numeric claims and named
// entities (persons, organisations, products) from Chinese financial text.
//
// Everything works on plain UTF-8 strings. Every span the package returns
// is a pair of byte offsets into the exact string passed in, half-open
// ([Start, End)) and on rune boundaries, so that text[Start:End] is the
// span's text. Bad input never panics: it yields fewer results.
//
// # Numbers and claims
//
// [Claims] finds numeric claims as the project's claims specification
// defines them (营收3.2万亿元, 同比增长32%): subject, exact decimal value
// (never a float), unit, comparator, kind and period. [Numbers] finds the
// numeric expressions underneath (4.5亿, 百分之九十七, 3%-5%, 1800多) with
// exact values in base units, and [ParseNumber] reads one. Claims and
// numbers need no segmenter and no dictionary, so they start in
// milliseconds.
//
// # Named entities
//
// An [Extractor] finds persons, organisations and products:
//
//	x, err := entities.New(nil) // or &entities.Options{FinanceOnly: true}
//	for _, e := range x.Entities(text) {
//		fmt.Println(e.Kind, e.Text, e.Start, e.End)
//	}
//
// It segments text with gse (github.com/go-ego/gse), and loads the
// project's own finance dictionary (dict/finance.txt: company short names
// and aliases, regulators and exchanges, products such as 小程序 and 视频号,
// job titles, organisation suffixes) before gse's simplified Chinese
// dictionary, so that 腾讯控股 or 宁德时代 stay whole. [Options.Names] adds the
// security names of a ticker master, [Options.Words] a house list. On top of
// the segmentation it applies rules chosen for precision:
//
//   - listed words are reported with their kind;
//   - a person is a two- to four-character name starting with a Chinese
//     surname right after a title (董事长雷军, 微信支付负责人张颖) or, with
//     gse's dictionary, right before a verb such as 表示 or 认为; a name found
//     this way is a person everywhere else in the same text;
//   - an organisation is a listed name, a security name from
//     [Options.Names], a name plus a suffix (哈勃科技投资有限公司, 广州银行),
//     or an organisation gse's dictionary knows (深圳市人民检察院); a short
//     form it defines in brackets (（以下简称“大基金”）) is the
//     organisation everywhere in the text;
//   - generic heads (该公司, 上市公司, 科技公司) and anything next to an amount
//     (2.3万家公司) are not entities; overlapping spans resolve to the longest.
//
// gse has no named-entity model, so entities that no rule covers (a person
// mentioned only by name, a company unknown to every list and without a
// suffix) are missed: a short correct list is preferred to a long noisy one.
//
// # Concurrency and cost
//
// An Extractor is safe for concurrent use and is never modified after [New]
// returns. Its segmenter is built lazily, once per dictionary configuration
// and process, and is shared by every Extractor with the same dictionaries
// ([Options.Words] and FinanceOnly; [Options.Names] are matched outside the
// segmenter and do not count): the first [Extractor.Entities] call (or
// [Extractor.Warm]) pays for it.
// With gse's dictionary that is about 1 s (several seconds on a busy
// machine) and 133 MiB of live heap; with [Options.FinanceOnly] it is a few
// milliseconds and under 1 MiB. Each Extractor also builds, on that first
// call, the matcher for the words that mark the clauses worth segmenting
// (milliseconds; tens of them with a full A-share list of Names).
// Segmenters are kept until the process exits, so build few
// configurations. Linking gse's embedded dictionaries
// adds about 32 MB to a binary.
//
// gse keeps its HMM tables in package variables. This package loads them
// once, before its first segmenter, and builds every segmenter so that it
// never reloads them; other code in the same process that builds gse
// segmenters of its own while this package is cutting can still race with
// it.
package entities

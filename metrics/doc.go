// Package metrics computes per-security coverage statistics over analysed
// news articles: how much, how widely, how newly and with whom each
// security is covered.
//
// # The accumulator
//
// A [Coverage] collects [stocknews.Analysis] values with [Coverage.Add]. It
// is the one accumulator, and it is built to be the combiner of a
// distributed job: shards merge with [Coverage.Merge] and travel as bytes
// with [Coverage.MarshalBinary] (one versioned, deterministic encoding).
// Inputs are keyed by [stocknews.Analysis.File], so two inputs whose
// article ids collide stay two; a repeat (same URL, or same id and text)
// is counted in [Table.Repeats]. Failed analyses are only counted
// ([Coverage.Errors]).
//
// By default a Coverage is exact: it keeps a compact record of every input,
// merges exactly, and its statistics depend only on the set of inputs,
// never on order or sharding. [Options.Recent] bounds its memory instead:
// it then folds articles into per-security daily totals as they come and
// remembers only the most recent ones for repeats and near-duplicates. Its
// table is the exact one, byte for byte, while those span the corpus; see
// [Coverage] for what differs beyond.
//
// # Long tables and trading days
//
// [BuildTables] (or a [TableBuilder]) flattens analyses into four long
// tables for data frames and SQL: articles, links (article × security),
// claims and daily (security × trading day), with stable column names
// ([ArticleColumns], [LinkColumns], [ClaimColumns], [DailyColumns]). An
// article's trading day, per security, comes from that security's market
// calendar (package calendar): the day itself when the article is
// published on a trading day before the market's close (15:00 Beijing for
// A shares, 16:00 Hong Kong for HK, 16:00 New York for US), else the next
// trading day. Package metrics/report writes them as Parquet or CSV.
//
// # The statistics
//
// [Coverage.Table] returns one [Stats] row per security: articles,
// mentions, relevance-weighted articles, title articles, numeric claims,
// first and last seen, active days, distinct media and their Herfindahl
// concentration, share of voice, novel and repeated articles, a daily
// series on Beijing days (optionally cut at the 15:00 close), 1-, 7- and
// 30-day windows, abnormal coverage with its z-score and a 0–4 heat bucket
// ([Abnormal], [Heat]), and the security's place in the co-mention graph
// (degree, PageRank, top pairs with Jaccard and PMI, see [Pair]).
// [Coverage.Novelty] scores every article in the RavenPack ENS form
// ([NoveltyScore]) over near-duplicate stories found with [SimHash].
// Every formula is in the doc comment of the field or function that
// computes it; the definitions follow the project's coverage-anchors notes
// (Fang and Peress's coverage counts, Da, Engelberg and Gao's abnormal
// attention, RavenPack's novelty, Bloomberg's heat buckets).
//
// # Conventions
//
// Days are calendar days in [Options.Location], Beijing time (UTC+08:00) by
// default; undated articles count in every total but in no series or
// window. Undefined values are NaN in [Stats] and null in exports.
// Nothing here reads files or the network, and nothing starts goroutines.
//
// # Export
//
// A [Table] writes CSV ([Table.WriteCSV]) and JSON Lines
// ([Table.WriteJSONL]) with snake_case columns ([Columns]: symbol, name,
// articles, mentions, then the rest), and renders HTML ([Table.HTML]) for
// notebooks. Every ratio and score they carry is rounded by [Round] (6
// decimals). Parquet files and PNG charts are in package metrics/report,
// which holds the heavy dependencies (parquet-go, gonum/plot), so that this
// package stays light.
//
// Usage:
//
//	cov := metrics.New(nil)
//	for _, an := range analyses {
//		cov.Add(&an)
//	}
//	tab := cov.Table().Top(20)
//	tab.WriteCSV(os.Stdout)
package metrics

// Package metrics computes per-security coverage statistics over analysed
// news articles: how much, how widely, how newly and with whom each
// security is covered.
//
// # The accumulator
//
// A [Coverage] collects [stocknews.Analysis] values with [Coverage.Add]. It
// is built to be the combiner of a distributed job: shards merge exactly
// with [Coverage.Merge], travel as bytes with [Coverage.MarshalBinary]
// (a versioned, deterministic encoding), and the statistics depend only on
// the set of articles collected, never on order or sharding. An article
// met twice (same ID) counts once. Failed analyses are only counted
// ([Coverage.Errors]).
//
// A Coverage keeps a compact record of every article, so its memory grows
// with the corpus. A [Rollup] is the bounded alternative, with the same
// Add, Merge, MarshalBinary and Table: it folds articles into
// per-security daily totals as they come and remembers only the most
// recent ones ([Options.Recent]) for repeats and near-duplicates. Its
// table is the Coverage's while those span the corpus; see [Rollup] for
// what differs beyond.
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
// A [Table] writes CSV ([Table.WriteCSV]), JSON Lines ([Table.WriteJSONL])
// and Parquet ([Table.WriteParquet], for pandas and polars) with snake_case
// columns ([Columns]: symbol, name, articles, mentions, then the rest),
// renders HTML ([Table.HTML]) for notebooks, and draws the daily series as
// PNG ([Table.PlotPNG], or [Table.Plot], a value notebooks render).
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

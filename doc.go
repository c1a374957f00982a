// Package stocknews links Chinese financial news to listed securities and
// turns it into analytics: it parses articles, finds the securities they
// are about, extracts numeric claims with exact decimals and named
// entities, and feeds per-security coverage statistics (package metrics).
//
// This package is the facade. [Parse] turns one input into an [Article];
// an [Analyzer] links the article to securities (package ticker) and
// extracts its claims and named entities (package entities); the result is
// an [Analysis], written as one JSON line through [Analysis.Record].
// Package batch handles many inputs: its Pipeline runs an Analyzer over
// them (batch.Inputs reads folders, globs and JSON Lines feeds) and
// delivers one Analysis per input, in input order, keyed by the input's
// path or FEED:LINE in Analysis.File.
//
//	data, err := os.ReadFile("testdata/em-us-embed.md")
//	a, err := stocknews.Parse("em-us-embed.md", data, nil)
//	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
//	an := z.Analyze(a)
//	for _, t := range an.Tickers {
//		fmt.Println(t.Symbol, t.Name, t.Relevance) // AAPL.US 苹果公司 0.84
//	}
//	for _, c := range an.Claims {
//		fmt.Println(c.Subject, c.Comparator, c.Value, c.Unit) // 苹果 > 1 percent
//	}
//
// NoEntities skips named entities, whose segmenter dictionary costs about
// a second and 130 MiB the first time it is needed; coverage statistics
// need only tickers and claims.
//
// # Formats
//
// Parse reads markdown with Jekyll or Hexo front matter (the Eastmoney
// mirrors, 财联社, 证券时报网, 新浪财经, 每日经济新闻, 36氪), markdown pages
// with inline HTML (路透中文网 mirrors), bare HTML pages, JSON news records
// (one per input; batch.NewScanner reads JSON Lines feeds) and plain text. The
// format is detected from the name's extension and the content, or forced
// with [ParseOptions].Format.
//
// # Text and offsets
//
// [Article].Text is the title, a newline, then the paragraphs joined by
// newlines. Every byte offset in this module (ticker mentions, claims,
// entities) refers to that string: half-open [Start, End) ranges of bytes
// on UTF-8 boundaries. Paragraphs are cleaned: markup, scripts, styles,
// comments and page furniture removed, entities decoded, layout white
// space folded; the article's own words are kept, including the text of
// stock links.
//
// # Times and media
//
// Published keeps the source's zone. Times written without an offset are
// Beijing time (UTC+08:00), as Eastmoney writes them; Hexo dates in GMT stay
// in UTC. Media is the outlet that wrote the article (a 文章来源 line, a
// credit such as （上海证券报） closing a flash item, a tag such as
// 中国证券报新闻, the front matter's author), not the site that mirrors it.
//
// # Errors
//
// Parse errors are [*ParseError] values naming the input and the line or
// byte, wrapping a sentinel: [ErrFrontMatter], [ErrTooLarge],
// [ErrFormat], [ErrEncoding], [ErrEmpty], [ErrNotArticle] (binary data or
// a table, told by the content). Gzip-compressed input is decompressed
// whatever its name, and every way in ([Parse], [ParseFile],
// [ParseReader], [Analyzer.AnalyzeFile], package batch) reads the same
// way. Inputs are limited to [DefaultMaxSize] bytes (after decompression)
// unless [ParseOptions].MaxSize says otherwise.
// Input that is not valid UTF-8 is decoded as GB18030 when it looks like
// it (see [Parse]). Nothing derived from input panics; an Analyzer turns an
// unexpected failure of one article into that article's error, and a
// batch.Pipeline gives every input exactly one Analysis, with an [*InputError]
// (wrapping an fs error, a *ParseError or [ErrPanic]) for those that could
// not be read, parsed or analysed.
//
// # Concurrency
//
// Parse is a pure function. An Analyzer is safe for concurrent use and
// builds its segmenter once, lazily; only a batch.Pipeline starts
// goroutines, and they stop when its Run returns.
package stocknews

// Package batch analyses many inputs: folders, globs, files and JSON
// Lines feeds (also gzip-compressed), in bounded memory, one record per
// input, in input order.
//
//	z, _ := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
//	p := batch.NewPipeline(z.Article, nil)
//	err := p.Run(ctx, batch.Inputs("corpus/", "feed.jsonl.gz"), func(an stocknews.Analysis) error {
//		// an.File is the input's key: its path, or feed.jsonl.gz:LINE
//		return nil
//	})
//
// Every input has a unique key, carried in Analysis.File: the path as
// given, or NAME:LINE for a record of a feed; the article's own ID may
// repeat across inputs. Files are read as [stocknews.ReadFile] reads them
// (size limit, gzip by magic bytes, charset); feeds through one line
// reader ([Feed], [Scanner]). What is not an article (binary data, a
// table) fails with [stocknews.ErrNotArticle], decided by the content, so
// no file name is treated specially.
//
// Notebook kernels that cannot call generic code use the slice forms:
// [InputList], [FeedList], [Pipeline.Collect], [Pipeline.CollectInputs]
// and [Pipeline.Each].
package batch

package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/stocknews/stocknews/metrics"
	"github.com/stocknews/stocknews/metrics/report"
)

// tablesFlags registers -tables: the long tables of metrics (articles,
// links, claims, daily) written into a folder, as Parquet, or as CSV with
// -format csv.
func tablesFlags(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.tables, "tables", "", "also write the long tables articles, links, claims and daily into `DIR` (Parquet; CSV with -format csv)")
}

// tablesFormat is the format of the long tables.
func (c *config) tablesFormat() string {
	if c.format == "csv" {
		return report.CSV
	}
	return report.Parquet
}

// newTableBuilder returns the builder of the long tables, or nil without
// -tables. Trading days end at each market's own close; -close, which
// moves calendar days of the aggregate table, does not change them.
func (c *config) newTableBuilder() *metrics.TableBuilder {
	if c.tables == "" {
		return nil
	}
	return metrics.NewTableBuilder(nil)
}

// writeTables writes the long tables collected, when -tables is set, and
// says on stderr how many links have no trading day because their day is
// past their market calendar's data.
func writeTables(c *config, stderr io.Writer) error {
	if c.builder == nil {
		return nil
	}
	t := c.builder.Tables()
	if err := report.WriteTables(c.tables, t, c.tablesFormat()); err != nil {
		return fmt.Errorf("-tables: %w", err)
	}
	if t.OffCalendar > 0 {
		fmt.Fprintf(stderr, "coverage: -tables: %d links are dated outside their market calendar's data: no trading day, not in daily\n", t.OffCalendar)
	}
	return nil
}

// Package stocknews links Chinese financial news to listed securities and
// turns it into analytics: it parses articles, finds the securities they
// are about, extracts numeric claims with exact decimals, and feeds
// per-security coverage statistics.
package stocknews

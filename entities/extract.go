package entities

import "github.com/stocknews/stocknews/ticker"

// ClaimOptions configures claim extraction. A nil *ClaimOptions gives the
// defaults.
type ClaimOptions struct {
	// Year is the article's year, used to resolve periods such as 一季度;
	// 0 leaves such periods without a year.
	Year int
	// Mentions are the article's security mentions (ticker.Linker.Mentions),
	// used to attach a Symbol to claims about a security.
	Mentions []ticker.Mention
}

// Claims returns the numeric claims in text, in text order.
func Claims(text string, opts *ClaimOptions) []Claim { return nil }

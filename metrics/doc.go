// Package metrics computes per-security coverage statistics over a corpus
// of analysed articles.
package metrics

// Package ticker parses, formats and finds security codes in Chinese
// financial news, and links articles to canonical symbols such as
// 600519.SH and 00700.HK.
package ticker

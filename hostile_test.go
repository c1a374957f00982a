package stocknews_test

// Hostile inputs: the files in testdata/bad and inputs too large to commit
// (built here at run time), each with its expected outcome. The library
// reads news scraped from the web and must turn every input into either a
// correct result or a *ParseError that names the input and a position, in
// bounded time and memory, and never panic or hang.
//
// Every case runs under a hang guard: Parse and the analysis of its result
// run in a goroutine, and the case fails when they have not finished within
// hostileHangLimit (ten times longer under the race detector). This is a guard
// against an endless or quadratic loop, not a timing assertion: the inputs
// here take milliseconds to a few seconds.
//
// Memory is bounded through runtime.MemStats.TotalAlloc: the bytes
// allocated by the case (cumulative, so an upper bound on the growth of the
// live heap). Each case states its bound; the default, hostileDefaultAllocLimit,
// is generous for the small files and catches an expansion (an alias bomb,
// a quadratic copy). Cases do not run in parallel so that the figures are
// their own.
//
// After a successful Parse every case checks the invariants of an Article:
// every string is valid UTF-8, Text is the title and the paragraphs joined
// as Article documents; and the analysis succeeds, with every offset of a
// link or claim on a UTF-8 boundary of Text.

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/ticker"
)

const (
	// hostileHangLimit is how long one case may take before it counts as hung.
	hostileHangLimit = 10 * time.Second
	// hostileDefaultAllocLimit bounds the bytes a case with a small input may
	// allocate: three orders of magnitude above what the files need.
	hostileDefaultAllocLimit = 64 << 20
)

// hostileCase is one hostile input and its expected outcome.
type hostileCase struct {
	name string
	// file is a file under testdata/bad; gen builds the input instead
	// (inputs too large to commit). The input's name as passed to Parse is
	// the file name, or genName.
	file    string
	genName string
	gen     func() []byte
	opts    *stocknews.ParseOptions

	// err is the expected sentinel; nil means Parse must succeed.
	err error
	// line and offset, when not zero, are the expected position of the
	// error (ParseError.Line, ParseError.Offset); use -1 for "unknown".
	line, offset int
	// check inspects a successful result.
	check func(t *testing.T, a *stocknews.Article)
	// allocLimit bounds TotalAlloc growth during the case; 0 means
	// hostileDefaultAllocLimit.
	allocLimit uint64
	// hang replaces hostileHangLimit for inputs that are slow to get
	// through at any speed (tens of megabytes).
	hang time.Duration
	// big marks a case that takes seconds on its own (tens of megabytes, or
	// tens of thousands of elements). It is skipped under the race
	// detector, which slows it tenfold and has nothing to find in it: one
	// input is parsed and analysed on one goroutine.
	big bool
	// skipAnalysis leaves out the linker and claim extraction (for inputs
	// whose analysis is covered by another case).
	skipAnalysis bool
}

// hLongLine is the length of the long-line case: 64 MiB when
// STOCKNEWS_SCALE asks for the scale runs, else 17 MiB, just over the
// default size limit.
func hLongLine() int {
	if os.Getenv("STOCKNEWS_SCALE") != "" {
		return 64 << 20
	}
	return stocknews.DefaultMaxSize + 1<<20
}

// hRepeat returns s repeated until the result is at least n bytes long.
func hRepeat(s string, n int) string {
	return strings.Repeat(s, (n+len(s)-1)/len(s))
}

// hFrontMatter is a Jekyll front matter block with the given title.
func hFrontMatter(title string) string {
	return "---\nlayout: post\ntitle: \"" + title + "\"\ndate: 2022-03-01 09:30:00 +0800\ncategories: example\n---\n"
}

// hNested returns open repeated n times, then inner, then close repeated n
// times.
func hNested(open, inner, close string, n int) []byte {
	var b bytes.Buffer
	b.Grow(n*(len(open)+len(close)) + len(inner))
	for range n {
		b.WriteString(open)
	}
	b.WriteString(inner)
	for range n {
		b.WriteString(close)
	}
	return b.Bytes()
}

func hHtmlPage(title, body string) string {
	return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body + "</body></html>\n"
}

// hManyCodes is an article body that writes n distinct Shanghai codes, each
// in brackets after a made-up name, and embeds the same n securities as
// Eastmoney quote links, with the symbols it should link.
func hManyCodes(n int) (body string, want map[ticker.Symbol]bool) {
	var b strings.Builder
	want = make(map[ticker.Symbol]bool, n)
	b.WriteString("<p>")
	for i := range n {
		code := fmt.Sprintf("%06d", 600000+i)
		fmt.Fprintf(&b, "样本%d（%s.SH）、", i, code)
		want[hMustSymbol(code+".SH")] = true
	}
	b.WriteString("均在名单内。</p>\n<p>")
	for i := range n {
		code := fmt.Sprintf("%06d", 600000+i)
		fmt.Fprintf(&b, "<a href=\"http://quote.eastmoney.com/unify/r/1.%s\" class=\"keytip\" target=\"_blank\">样本%d</a>", code, i)
	}
	b.WriteString("</p>\n")
	return b.String(), want
}

func hMustSymbol(s string) ticker.Symbol {
	sym, err := ticker.Parse(s)
	if err != nil {
		panic(err)
	}
	return sym
}

// hGbkDecode returns the UTF-8 text that a GBK test file was encoded from.
func hGbkDecode(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatalf("decode GBK fixture: %v", err)
	}
	return out
}

// hSameArticle fails unless got and want agree on everything a parser fills.
func hSameArticle(t *testing.T, got, want *stocknews.Article) {
	t.Helper()
	if got.Title != want.Title {
		t.Errorf("Title = %q, want %q", got.Title, want.Title)
	}
	if !got.Published.Equal(want.Published) {
		t.Errorf("Published = %v, want %v", got.Published, want.Published)
	}
	if got.Media != want.Media || got.Category != want.Category || got.URL != want.URL {
		t.Errorf("Media, Category, URL = %q, %q, %q; want %q, %q, %q",
			got.Media, got.Category, got.URL, want.Media, want.Category, want.URL)
	}
	if got.Text != want.Text {
		t.Errorf("Text = %q, want %q", got.Text, want.Text)
	}
	if len(got.Paragraphs) != len(want.Paragraphs) {
		t.Errorf("%d paragraphs, want %d", len(got.Paragraphs), len(want.Paragraphs))
	}
}

func hParseFile(t *testing.T, name string, opts *stocknews.ParseOptions) *stocknews.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "bad", name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := stocknews.Parse(name, data, opts)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return a
}

func hWantTitle(title string) func(*testing.T, *stocknews.Article) {
	return func(t *testing.T, a *stocknews.Article) {
		t.Helper()
		if a.Title != title {
			t.Errorf("Title = %q, want %q", a.Title, title)
		}
	}
}

func hWantText(parts ...string) func(*testing.T, *stocknews.Article) {
	return func(t *testing.T, a *stocknews.Article) {
		t.Helper()
		for _, p := range parts {
			if !strings.Contains(a.Text, p) {
				t.Errorf("Text lacks %q; Text = %.300q", p, a.Text)
			}
		}
	}
}

func hWantNoText(parts ...string) func(*testing.T, *stocknews.Article) {
	return func(t *testing.T, a *stocknews.Article) {
		t.Helper()
		for _, p := range parts {
			if strings.Contains(a.Text, p) {
				t.Errorf("Text holds %q, which is not article text; Text = %.300q", p, a.Text)
			}
		}
	}
}

func hAll(checks ...func(*testing.T, *stocknews.Article)) func(*testing.T, *stocknews.Article) {
	return func(t *testing.T, a *stocknews.Article) {
		t.Helper()
		for _, c := range checks {
			c(t, a)
		}
	}
}

// The numbers of the hostile number sentences, as exact decimals.
var (
	// 9999999亿亿亿: 9999999 × 10^8 × 10^8 × 10^8.
	num9999999YiYiYi = decimal.RequireFromString("9999999e24")
	num1e400         = decimal.RequireFromString("1e400")
	num1eMinus400    = decimal.RequireFromString("1e-400")
	// 999999999999999999999999999999亿: thirty nines × 10^8.
	num30NinesYi = decimal.RequireFromString("999999999999999999999999999999e8")
	numTwenty9s  = decimal.RequireFromString("99999999999999999999")
	// 九千九百九十九万亿亿亿: 9999 × 10^4 × 10^8 × 10^8 × 10^8.
	num9999WanYiYiYi = decimal.RequireFromString("9999e28")
)

var hostileCases = []hostileCase{
	{
		name: "truncated front matter",
		file: "truncated-front-matter.md",
		// The "---" that opens the front matter is on line 1.
		err: stocknews.ErrFrontMatter, line: 1,
	},
	{
		name: "unterminated HTML",
		file: "unterminated-html.html",
		// Unclosed elements end at the end of input; an unterminated
		// comment runs to the end of input and is not text.
		check: hAll(
			hWantTitle("示例银行一季度营收增长"),
			hWantText("示例银行一季度营收同比增长8%", "净利润达到120亿元", "超出市场预期", "招商银行"),
			hWantNoText("不应出现的文字", "<!--", "<p>"),
			func(t *testing.T, a *stocknews.Article) {
				for _, an := range a.Anchors {
					if strings.Contains(an.Href, "sh600036") {
						return
					}
				}
				t.Errorf("the unclosed stock link is not among the anchors %+v", a.Anchors)
			},
		),
	},
	{
		name: "invalid UTF-8 is replaced",
		file: "invalid-utf8.md",
		// A few stray bytes in UTF-8 text: each run of invalid bytes
		// becomes one U+FFFD; the valid text around them is kept.
		check: hAll(
			hWantTitle("示例标题"),
			hWantText("示例公司营收增长\uFFFD百分之十。\uFFFD", "第二段文字\uFFFD结束。"),
		),
	},
	{
		name: "invalid UTF-8 rejected on request",
		file: "invalid-utf8.md",
		opts: &stocknews.ParseOptions{RejectInvalidUTF8: true},
		// The first invalid byte is the 0x80 after 示例公司营收增长 on
		// line 7: 95 bytes of front matter, then 8 characters of 3 bytes.
		err: stocknews.ErrEncoding, line: 7, offset: 95 + 8*3,
	},
	{
		name: "NUL bytes in the body",
		file: "nul-bytes.md",
		// NUL is never text: the input is binary data, not an article, and
		// the error names the line and byte of the first NUL.
		err: stocknews.ErrNotArticle, line: 7, offset: 104,
	},
	{
		name: "NUL byte in the front matter",
		file: "nul-front-matter.md",
		// The NUL in the title's line makes the input binary data.
		err: stocknews.ErrNotArticle, line: 3, offset: 31,
	},
	{
		name: "PNG image named .md",
		file: "picture.md",
		err:  stocknews.ErrNotArticle,
	},
	{
		name: "ZIP archive named .md",
		file: "archive.md",
		err:  stocknews.ErrNotArticle,
	},
	{
		name: "tab-separated table",
		file: "table.tsv",
		err:  stocknews.ErrNotArticle, line: 1,
	},
	{
		name:    "comma-separated table named .txt",
		genName: "prices.txt",
		gen: func() []byte {
			return []byte("date,code,close\n2022-03-01,600519,1800.5\n2022-03-02,600519,1812.0\n2022-03-03,600519,1799.9\n")
		},
		err: stocknews.ErrNotArticle, line: 1,
	},
	{
		name:    "gzip stream holding a PNG",
		genName: "picture.md.gz",
		gen: func() []byte {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
			zw.Close()
			return b.Bytes()
		},
		err: stocknews.ErrNotArticle,
	},
	{
		name:    "control bytes without NUL",
		genName: "noise.dat",
		gen: func() []byte {
			b := make([]byte, 2048)
			for i := range b {
				b[i] = byte(1 + i*7%250)
			}
			return b
		},
		err: stocknews.ErrNotArticle,
	},
	{
		name:    "NUL only",
		genName: "nul-only.txt",
		gen:     func() []byte { return make([]byte, 4096) },
		// Nothing but NUL bytes is binary data.
		err: stocknews.ErrNotArticle,
	},
	{
		name:    "single line over the size limit",
		genName: "long-line.md",
		gen: func() []byte {
			return []byte(hFrontMatter("长行") + hRepeat("字", hLongLine()))
		},
		// The default limit is 16 MiB; the error points at the limit, and
		// Parse refuses before copying anything.
		err: stocknews.ErrTooLarge, offset: stocknews.DefaultMaxSize,
		allocLimit: 1 << 20,
	},
	{
		name:    "single line over the default limit within a raised limit",
		genName: "long-line.md",
		gen: func() []byte {
			return []byte(hFrontMatter("长行") + hRepeat("字", hLongLine()))
		},
		opts: &stocknews.ParseOptions{MaxSize: 128 << 20},
		// One paragraph of the whole line: 17 MiB, just over the default
		// limit, or 64 MiB when STOCKNEWS_SCALE is set (as .ci/run does). A
		// handful of copies of the input is fine; 16 copies of 64 MiB is
		// the bound. Parsing and analysing 64 MiB takes seconds (about 10 s
		// measured on one core, parse, linker and claims together), hence a
		// longer hang limit; a quadratic step would not finish at 17 MiB
		// either.
		check: func(t *testing.T, a *stocknews.Article) {
			if a.Title != "长行" {
				t.Errorf("Title = %q", a.Title)
			}
			if len(a.Paragraphs) != 1 || len(a.Paragraphs[0].Text) < hLongLine() ||
				strings.Trim(a.Paragraphs[0].Text, "字") != "" {
				t.Errorf("want one paragraph of the 64 MiB line, got %d paragraphs", len(a.Paragraphs))
			}
		},
		allocLimit: 16 * 64 << 20,
		hang:       60 * time.Second,
		big:        true,
	},
	{
		name:    "HTML nested 100,000 levels",
		genName: "nested.html",
		gen: func() []byte {
			return []byte(hHtmlPage("深层嵌套", string(hNested("<div>", "<p>最深处的文字。</p>", "</div>", 100_000))))
		},
		check:      hAll(hWantTitle("深层嵌套"), hWantText("最深处的文字。")),
		allocLimit: 256 << 20,
	},
	{
		name:    "HTML nested 100,000 levels with text at every level",
		genName: "nested-text.html",
		gen: func() []byte {
			return []byte(hHtmlPage("深层嵌套", string(hNested("<div>层", "底", "", 100_000))))
		},
		// Every level's text is kept; nothing is closed, the end of input
		// closes everything.
		check: func(t *testing.T, a *stocknews.Article) {
			if n := strings.Count(strings.TrimPrefix(a.Text, a.Title), "层"); n != 100_000 {
				t.Errorf("Text holds %d of the 100000 层", n)
			}
			hWantText("底")(t, a)
		},
		allocLimit: 256 << 20,
	},
	{
		name:    "HTML 100,000 open elements and 100,000 stray end tags",
		genName: "stray-ends.html",
		gen: func() []byte {
			return []byte(hHtmlPage("错配标签", string(hNested("<div>", "中间的文字。", "</span>", 100_000))+"<p>尾段文字。</p>"))
		},
		check:      hAll(hWantTitle("错配标签"), hWantText("中间的文字。", "尾段文字。")),
		allocLimit: 256 << 20,
	},
	{
		name:    "HTML stock links nested 100,000 levels",
		genName: "nested-links.html",
		gen: func() []byte {
			return []byte(hHtmlPage("嵌套链接", string(hNested(
				"<a href=\"http://quote.eastmoney.com/sh600519.html\" class=\"keytip\">茅", "台", "</a>", 100_000))))
		},
		// Links inside links are invalid HTML; what matters is that the
		// anchors' texts are not copied once per open ancestor (100,000²/2
		// bytes). The security is still found.
		check: func(t *testing.T, a *stocknews.Article) {
			hWantText("台")(t, a)
			if len(a.Anchors) == 0 || !strings.Contains(a.Anchors[0].Href, "sh600519") {
				t.Errorf("no anchor for the stock link")
			}
		},
		allocLimit: 512 << 20,
		big:        true,
	},
	{
		name:    "HTML bold nested 100,000 levels",
		genName: "nested-bold.html",
		gen: func() []byte {
			return []byte(hHtmlPage("嵌套加粗", "<p>开头"+string(hNested("<b>", "粗体文字", "</b>", 100_000))+"结尾</p>"))
		},
		check:      hAll(hWantTitle("嵌套加粗"), hWantText("开头粗体文字结尾")),
		allocLimit: 256 << 20,
	},
	{
		name:    "markdown body nested 100,000 levels",
		genName: "nested.md",
		gen: func() []byte {
			return []byte(hFrontMatter("深层嵌套") + string(hNested("<div>", "最深处的文字。", "</div>", 100_000)) + "\n")
		},
		check:      hAll(hWantTitle("深层嵌套"), hWantText("最深处的文字。")),
		allocLimit: 256 << 20,
	},
	{
		name: "YAML alias bomb",
		file: "yaml-alias-bomb.md",
		// The front matter is read as a node tree: aliases that the
		// article does not use are never expanded, so the 9^9 strings are
		// never built and the article parses.
		check:      hAll(hWantTitle("示例标题"), hWantText("正文第一段。")),
		allocLimit: 16 << 20,
	},
	{
		name:    "YAML alias to an undefined anchor",
		genName: "alias-undefined.md",
		gen: func() []byte {
			b, _ := os.ReadFile(filepath.Join("testdata", "bad", "yaml-alias-bomb.md"))
			return bytes.Replace(b, []byte(`title: "示例标题"`), []byte("title: *i"), 1)
		},
		// The title on line 3 refers to an anchor defined only later.
		err: stocknews.ErrFrontMatter, line: 3,
	},
	{
		name:    "YAML alias bomb as the title",
		genName: "alias-title.md",
		gen: func() []byte {
			b, _ := os.ReadFile(filepath.Join("testdata", "bad", "yaml-alias-bomb.md"))
			b = bytes.Replace(b, []byte("title: \"示例标题\"\n"), nil, 1)
			return bytes.Replace(b, []byte("categories:"), []byte("title: *i\ncategories:"), 1)
		},
		// A title that is a list is no title: the article has none, and
		// the list is never expanded.
		check:      hAll(hWantTitle(""), hWantText("正文第一段。")),
		allocLimit: 16 << 20,
	},
	{
		name:    "YAML nested 100,000 levels",
		genName: "deep-yaml.md",
		gen: func() []byte {
			return []byte("---\ntitle: \"深层\"\nx: " + string(hNested("[", "1", "]", 100_000)) + "\n---\n正文。\n")
		},
		// The YAML decoder refuses excessive depth; the error points into
		// the front matter (line 3).
		err: stocknews.ErrFrontMatter, line: 3,
	},
	{
		name: "huge numbers",
		file: "huge-numbers.md",
		// Parsing keeps the numbers as written; TestHostileNumbers checks
		// what the claim extractor makes of them.
		check: hWantText("9999999亿亿亿元", "1e400元", "1e-400%", "九千九百九十九万亿亿亿元"),
	},
	{
		name:    "thousands of codes in one article",
		genName: "many-codes.md",
		gen: func() []byte {
			body, _ := hManyCodes(5000)
			return []byte(hFrontMatter("五千个代码") + body)
		},
		check: func(t *testing.T, a *stocknews.Article) {
			if len(a.Anchors) != 5000 {
				t.Errorf("%d anchors, want 5000", len(a.Anchors))
			}
			// TestHostileManyCodes checks the linker's result.
		},
		allocLimit: 256 << 20,
		big:        true,
	},
	{
		name: "GBK HTML with <meta charset=gbk>",
		file: "gbk-meta-charset.html",
		check: hAll(
			hWantTitle("中文标题：示例公司营收增长"),
			hWantText("示例公司今年营收增长百分之十二。", "第二段正文。"),
		),
	},
	{
		name: "GB2312 HTML with http-equiv",
		file: "gbk-http-equiv.html",
		check: hAll(
			hWantTitle("中文标题：示例公司营收增长"),
			hWantText("示例公司今年营收增长百分之十二。", "第二段正文。"),
		),
	},
	{
		name: "GBK markdown without a declaration",
		file: "gbk-no-declaration.md",
		// Detected from the invalid UTF-8: nearly every non-ASCII byte
		// pair is GBK.
		check: hAll(
			hWantTitle("中文标题：示例公司营收增长"),
			hWantText("示例公司今年营收增长百分之十二。", "第二段正文。"),
		),
	},
	{
		name: "JSON record with wrong types",
		file: "json-wrong-types.json",
		// A number where a string is expected is rendered as written; an
		// array of strings where a text is expected gives one paragraph per
		// string. Nothing the record holds is lost silently.
		check: hAll(hWantTitle("123"), hWantText("\na")),
	},
	{
		name:  "JSON title is a number",
		file:  "json-wrong-types-title.json",
		check: hAll(hWantTitle("123"), hWantText("正文")),
	},
	{
		name:  "JSON content is an array",
		file:  "json-wrong-types-content.json",
		check: hAll(hWantTitle("示例标题"), hWantText("\na")),
	},
	{
		name: "JSON truncated",
		file: "json-truncated.json",
		// Unexpected end of input: the offset is the length of the file.
		err: stocknews.ErrFormat, line: 1, offset: 44,
	},
	{
		name:    "JSON nested 100,000 levels",
		genName: "deep.json",
		gen: func() []byte {
			return []byte(`{"title": "深层", "x": ` + string(hNested("[", "1", "]", 100_000)) + "}")
		},
		// encoding/json refuses nesting beyond 10,000 levels.
		err: stocknews.ErrFormat, line: 1,
	},
	{
		name:    "JSON null fields",
		genName: "null.json",
		gen:     func() []byte { return []byte(`{"title": null, "content": null}`) },
		err:     stocknews.ErrEmpty, offset: -1,
	},
	{
		name: "empty file",
		file: "empty.md",
		// No position to name: the whole input is empty.
		err: stocknews.ErrEmpty, offset: -1,
	},
	{
		name: "only front matter",
		file: "only-front-matter.md",
		check: func(t *testing.T, a *stocknews.Article) {
			want := time.Date(2022, 3, 1, 9, 30, 0, 0, time.FixedZone("", 8*3600))
			if a.Title != "只有前言的文章" || len(a.Paragraphs) != 0 || a.Text != a.Title+"\n" ||
				!a.Published.Equal(want) || a.Category != "example" {
				t.Errorf("got Title %q, %d paragraphs, Text %q, Published %v, Category %q",
					a.Title, len(a.Paragraphs), a.Text, a.Published, a.Category)
			}
		},
	},
	{
		name: "BOM-prefixed file",
		file: "bom.md",
		check: func(t *testing.T, a *stocknews.Article) {
			if a.Title != "带字节顺序标记的文章" || len(a.Paragraphs) != 2 ||
				a.Text != "带字节顺序标记的文章\n第一段文字。\n第二段文字。" {
				t.Errorf("got Title %q, Text %q", a.Title, a.Text)
			}
		},
	},
	{
		name: "CRLF line endings",
		file: "crlf.md",
		// The same article as with LF line endings.
		check: func(t *testing.T, a *stocknews.Article) {
			hSameArticle(t, a, hParseFile(t, "lf.md", nil))
			hWantNoText("\r")(t, a)
		},
	},
	{
		name:    "random bytes",
		genName: "noise.bin",
		gen: func() []byte {
			r := rand.New(rand.NewPCG(1, 1))
			b := make([]byte, 1<<20)
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			return b
		},
		// Noise holds NUL and control bytes: binary data, not an article.
		err: stocknews.ErrNotArticle,
	},
	{
		name:    "random printable bytes",
		genName: "noise.txt",
		gen: func() []byte {
			r := rand.New(rand.NewPCG(1, 1))
			b := make([]byte, 1<<20)
			for i := range b {
				b[i] = byte(0x20 + r.Uint32()%0xe0)
			}
			return b
		},
		// Noise without control bytes is plain text decoded as GB18030
		// (most of its non-ASCII bytes are not UTF-8): an article of
		// garbage, but valid UTF-8 whose first line is the title.
		check: func(t *testing.T, a *stocknews.Article) {
			if a.Title == "" {
				t.Errorf("no title")
			}
		},
	},
}

// hostileChildEnv, when set in the environment, makes TestHostileInputs
// run the one case whose index it holds, in this process.
const hostileChildEnv = "STOCKNEWS_HOSTILE_CASE"

// TestHostileInputs runs each case of hostileCases in a child process (the
// test binary itself, asked to run that case alone): a case that hangs is
// killed instead of burning a core for the rest of the run, and each case's
// memory figures are its own.
func TestHostileInputs(t *testing.T) {
	if v := os.Getenv(hostileChildEnv); v != "" {
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= len(hostileCases) {
			t.Fatalf("%s=%q: no such case", hostileChildEnv, v)
		}
		hRunHostileCase(t, hostileCases[i])
		return
	}
	for i, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each case is a process of its own
			if tc.big && hostileRace {
				t.Skip("big input: skipped under the race detector")
			}
			// The child's own hang guard fails the case first; this limit
			// only stops a child that cannot even report.
			hang := tc.hang
			if hang == 0 {
				hang = hostileHangLimit
			}
			limit := 2*hang*hostileRaceSlowdown + 30*time.Second
			ctx, cancel := context.WithTimeout(context.Background(), limit)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHostileInputs$", "-test.v=true", "-test.count=1")
			cmd.Env = append(os.Environ(), hostileChildEnv+"="+strconv.Itoa(i))
			out, err := cmd.CombinedOutput()
			// Relay the child's messages (they name the line of this
			// file that found the problem).
			for line := range strings.Lines(string(out)) {
				if strings.Contains(line, "_test.go:") || strings.Contains(line, "panic") {
					t.Log(strings.TrimSpace(line))
				}
			}
			switch {
			case ctx.Err() != nil:
				t.Errorf("killed after %v: an endless or quadratic loop", limit)
			case err != nil:
				t.Errorf("case failed (%v); the child's messages are above", err)
			}
		})
	}
}

// hRunHostileCase runs one case in this process.
func hRunHostileCase(t *testing.T, tc hostileCase) {
	// Entities are left out: the segmenter's dictionary costs 100 MB and
	// seconds to load, which would swamp the figures; the entity extractor
	// has its own hostile cases in TestHostileEntities.
	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	// The built-in master and its matcher load on first use: load them
	// here, so that the figures below are those of the input alone.
	z.Analyze(&stocknews.Article{Text: "腾讯"})
	name := tc.file
	var data []byte
	if tc.gen != nil {
		name = tc.genName
		data = tc.gen()
	} else {
		var err error
		data, err = os.ReadFile(filepath.Join("testdata", "bad", tc.file))
		if err != nil {
			t.Fatal(err)
		}
	}

	type result struct {
		a   *stocknews.Article
		err error
		an  stocknews.Analysis
	}
	hang := tc.hang
	if hang == 0 {
		hang = hostileHangLimit
	}
	res, alloc := hBoundedFor(t, hang, func() result {
		a, err := stocknews.Parse(name, data, tc.opts)
		var an stocknews.Analysis
		if err == nil && !tc.skipAnalysis {
			an = z.Analyze(a)
		}
		return result{a, err, an}
	})
	limit := tc.allocLimit
	if limit == 0 {
		limit = hostileDefaultAllocLimit
	}
	t.Logf("%d bytes in, %d bytes allocated", len(data), alloc)
	if alloc > limit {
		t.Errorf("allocated %d bytes, limit %d", alloc, limit)
	}

	if tc.err != nil {
		hCheckParseError(t, res.err, name, tc.err, tc.line, tc.offset)
		return
	}
	if res.err != nil {
		t.Fatalf("Parse: %v", res.err)
	}
	hCheckArticle(t, res.a)
	if tc.check != nil {
		tc.check(t, res.a)
	}
	if !tc.skipAnalysis {
		hCheckAnalysis(t, res.a, res.an)
	}
}

// hCheckParseError checks that err wraps sentinel in a *ParseError that names
// the input, and the position when line or offset is not zero.
func hCheckParseError(t *testing.T, err error, name string, sentinel error, line, offset int) {
	t.Helper()
	if err == nil {
		t.Fatalf("Parse succeeded, want %v", sentinel)
	}
	if !errors.Is(err, sentinel) {
		t.Errorf("error %q does not wrap %q", err, sentinel)
	}
	var pe *stocknews.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %q (%T) is not a *ParseError", err, err)
	}
	if pe.Name != name || !strings.Contains(err.Error(), name) {
		t.Errorf("error %q does not name the input %q", err, name)
	}
	if line != 0 && pe.Line != line {
		t.Errorf("error %q: Line = %d, want %d", err, pe.Line, line)
	}
	if offset != 0 && pe.Offset != offset {
		t.Errorf("error %q: Offset = %d, want %d", err, pe.Offset, offset)
	}
	if line != 0 && line != -1 || offset > 0 {
		if pe.Line <= 0 && pe.Offset < 0 {
			t.Errorf("error %q names no position", err)
		}
	}
	if strings.ContainsAny(err.Error(), "\n\r") {
		t.Errorf("error %q is not one line", err)
	}
}

// hCheckArticle checks the invariants every parsed Article keeps.
func hCheckArticle(t *testing.T, a *stocknews.Article) {
	t.Helper()
	if a == nil {
		t.Fatal("Parse returned a nil Article and no error")
	}
	fields := map[string]string{"Title": a.Title, "Text": a.Text, "Media": a.Media,
		"Category": a.Category, "URL": a.URL, "ID": a.ID}
	for i, p := range a.Paragraphs {
		fields[fmt.Sprintf("Paragraphs[%d]", i)] = p.Text
	}
	for i, tag := range a.Tags {
		fields[fmt.Sprintf("Tags[%d]", i)] = tag
	}
	for k, v := range fields {
		if !utf8.ValidString(v) {
			t.Errorf("%s is not valid UTF-8: %.100q", k, v)
		}
	}
	var b strings.Builder
	b.WriteString(a.Title)
	b.WriteByte('\n')
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Text)
	}
	if b.String() != a.Text {
		t.Errorf("Text is not Title + \"\\n\" + paragraphs joined by \"\\n\"")
	}
}

// hCheckAnalysis checks that the analysis of a succeeded (a panic inside the
// Analyzer shows up as Err) and that its offsets are spans of a.Text.
func hCheckAnalysis(t *testing.T, a *stocknews.Article, an stocknews.Analysis) {
	t.Helper()
	if an.Err != nil {
		t.Errorf("Analyze: %v", an.Err)
	}
	for _, l := range an.Tickers {
		if l.First != -1 && (l.First < 0 || l.First >= len(a.Text) || !utf8.RuneStart(a.Text[l.First])) {
			t.Errorf("link %s: First = %d, not a rune start in the text of %d bytes", l.Symbol, l.First, len(a.Text))
		}
		if l.Relevance < 0 || l.Relevance > 1 {
			t.Errorf("link %s: Relevance = %v, outside [0, 1]", l.Symbol, l.Relevance)
		}
	}
	for _, c := range an.Claims {
		hCheckClaim(t, a.Text, c)
	}
}

// hCheckClaim checks that c is a span of text.
func hCheckClaim(t *testing.T, text string, c entities.Claim) {
	t.Helper()
	if hCheckSpan(t, text, "claim "+c.Text, c.Start, c.End) && text[c.Start:c.End] != c.Text {
		t.Errorf("claim Text %q is not text[%d:%d] = %q", c.Text, c.Start, c.End, text[c.Start:c.End])
	}
}

// hCheckSpan checks that [start, end) is a span of text on UTF-8
// boundaries, and reports whether it is.
func hCheckSpan(t *testing.T, text, what string, start, end int) bool {
	t.Helper()
	if start < 0 || end > len(text) || start > end {
		t.Errorf("%s: span [%d, %d) outside the text of %d bytes", what, start, end, len(text))
		return false
	}
	if start < len(text) && !utf8.RuneStart(text[start]) || end < len(text) && !utf8.RuneStart(text[end]) {
		t.Errorf("%s: span [%d, %d) not on UTF-8 boundaries", what, start, end)
		return false
	}
	return true
}

// hBounded runs f under the hang guard and returns its result and the bytes
// allocated meanwhile. A panic in f fails the test with its stack.
func hBounded[T any](t *testing.T, f func() T) (T, uint64) {
	t.Helper()
	return hBoundedFor(t, hostileHangLimit, f)
}

// hBoundedFor is hBounded with a hang limit of its own (before the race
// detector's slowdown).
func hBoundedFor[T any](t *testing.T, hang time.Duration, f func() T) (T, uint64) {
	t.Helper()
	type outcome struct {
		v     T
		panic any
		stack []byte
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			if r := recover(); r != nil {
				o.panic, o.stack = r, debug.Stack()
			}
			done <- o
		}()
		o.v = f()
	}()
	limit := hang * hostileRaceSlowdown
	select {
	case o := <-done:
		runtime.ReadMemStats(&after)
		if o.panic != nil {
			t.Fatalf("panic: %v\n%s", o.panic, o.stack)
		}
		return o.v, after.TotalAlloc - before.TotalAlloc
	case <-time.After(limit):
		t.Fatalf("did not finish in %v: an endless or quadratic loop", limit)
	}
	panic("unreachable")
}

// hostileNumberTests are sentences with numbers far beyond float64 and
// int64. The claim extractor must finish and either skip such a number or
// give its exact value: a claim whose span covers the number with any other
// value (the exponent 400 of 1e400, a float rounding, a truncation) is
// wrong.
var hostileNumberTests = []struct {
	name string
	text string
	num  string          // the number as written in text
	want decimal.Decimal // the only acceptable value of a claim over num
}{
	{"repeated scale words", "公司称市场规模达9999999亿亿亿元。", "9999999亿亿亿", num9999999YiYiYi},
	{"exponent beyond float64", "另一项指标为1e400元。", "1e400", num1e400},
	{"negative exponent", "增速为1e-400%。", "1e-400", num1eMinus400},
	{"thirty digits times 亿", "用户数达到999999999999999999999999999999亿人。", "999999999999999999999999999999亿", num30NinesYi},
	{"twenty digits percent", "同比增长99999999999999999999%。", "99999999999999999999", numTwenty9s},
	{"Chinese numerals with scale words", "资产为九千九百九十九万亿亿亿元。", "九千九百九十九万亿亿亿", num9999WanYiYiYi},
}

func TestHostileNumbers(t *testing.T) {
	for _, tt := range hostileNumberTests {
		t.Run(tt.name, func(t *testing.T) {
			claims, _ := hBounded(t, func() []entities.Claim { return entities.Claims(tt.text, nil) })
			start := strings.Index(tt.text, tt.num)
			end := start + len(tt.num)
			for _, c := range claims {
				hCheckClaim(t, tt.text, c)
				if c.End <= start || c.Start >= end {
					continue // about another part of the sentence
				}
				if !c.Value.Equal(tt.want) {
					t.Errorf("claim %q has value %s, want %s exactly or no claim", c.Text, c.Value, tt.want)
				}
			}
		})
	}

	// Sizes that would be quadratic or explode in a naive converter.
	long := []struct {
		name string
		text string
	}{
		{"100,000 digits", "营收" + strings.Repeat("9", 100_000) + "元。"},
		{"100,000 scale words", "营收1" + strings.Repeat("亿", 100_000) + "元。"},
		{"100,000 Chinese numerals", "营收" + strings.Repeat("九", 100_000) + "元。"},
		{"100,000 decimal places", "增长0." + strings.Repeat("1", 100_000) + "%。"},
		{"10,000 percent signs", "增长" + strings.Repeat("5%", 10_000) + "。"},
	}
	for _, tt := range long {
		t.Run(tt.name, func(t *testing.T) {
			claims, alloc := hBounded(t, func() []entities.Claim { return entities.Claims(tt.text, nil) })
			for _, c := range claims {
				hCheckClaim(t, tt.text, c)
			}
			if alloc > 256<<20 {
				t.Errorf("allocated %d bytes for %d bytes of text", alloc, len(tt.text))
			}
		})
	}
}

func TestHostileManyCodes(t *testing.T) {
	if hostileRace {
		t.Skip("big input: skipped under the race detector")
	}
	const n = 5000
	body, want := hManyCodes(n)
	data := []byte(hFrontMatter("五千个代码") + body)
	a, err := stocknews.Parse("many-codes.md", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	an, alloc := hBounded(t, func() stocknews.Analysis { return z.Analyze(a) })
	if an.Err != nil {
		t.Fatal(an.Err)
	}
	links := an.Tickers
	t.Logf("%d links from %d bytes of text, %d bytes allocated", len(links), len(a.Text), alloc)
	got := map[ticker.Symbol]ticker.Via{}
	for _, l := range links {
		got[l.Symbol] |= l.Via
	}
	missing := 0
	for s := range want {
		v, ok := got[s]
		if !ok || v&ticker.ViaCode == 0 || v&ticker.ViaEmbed == 0 {
			missing++
			if missing <= 5 {
				t.Errorf("%s: via %v, want code and embed", s, v.Names())
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d securities not linked by both code and embed", missing, n)
	}
	if alloc > 256<<20 {
		t.Errorf("allocated %d bytes", alloc)
	}
}

// TestHostileGBKTwins checks that each GBK file parses exactly as the UTF-8
// text it was encoded from.
func TestHostileGBKTwins(t *testing.T) {
	for _, name := range []string{"gbk-meta-charset.html", "gbk-http-equiv.html", "gbk-no-declaration.md"} {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "bad", name))
			if err != nil {
				t.Fatal(err)
			}
			got, err := stocknews.Parse(name, raw, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, err := stocknews.Parse(name, hGbkDecode(t, raw), nil)
			if err != nil {
				t.Fatal(err)
			}
			hSameArticle(t, got, want)
		})
	}
}

// TestHostileEntities runs the named-entity extractor over the hostile
// texts: it must finish and return spans of its input.
func TestHostileEntities(t *testing.T) {
	if testing.Short() || hostileRace {
		t.Skip("loading the segmenter dictionary takes seconds (a minute under the race detector)")
	}
	// The rules run the same over either dictionary; gse's full dictionary
	// (seconds to load, 130 MiB) only with STOCKNEWS_SCALE, as .ci/run sets.
	opts := &entities.Options{FinanceOnly: os.Getenv("STOCKNEWS_SCALE") == ""}
	x, err := entities.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	x.Entities("预热：张小龙在广州表示") // build the segmenter before the guarded cases
	texts := map[string]string{
		"invalid UTF-8":        "张小龙\xff\xfe在会上\xe4\xb8表示",
		"NUL bytes":            "张小龙\x00在会上\x00\x00表示",
		"huge numbers":         "营收9999999亿亿亿元，指标为1e400元",
		"100,000 same runes":   strings.Repeat("张", 100_000),
		"100,000 short words":  strings.Repeat("腾讯、", 100_000),
		"1 MiB without spaces": hRepeat("示例公司张小龙表示", 1<<20),
		"only punctuation":     strings.Repeat("，。！？", 10_000),
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			ents, _ := hBounded(t, func() []entities.Entity { return x.Entities(text) })
			for _, e := range ents {
				if hCheckSpan(t, text, "entity "+e.Text, e.Start, e.End) && text[e.Start:e.End] != e.Text {
					t.Errorf("entity Text %q is not text[%d:%d] = %q", e.Text, e.Start, e.End, text[e.Start:e.End])
				}
			}
		})
	}
}

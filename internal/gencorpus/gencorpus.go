// Package gencorpus generates large deterministic synthetic corpora of
// Chinese financial news in the formats the stocknews parsers read, for
// benchmarks and scale tests.
//
// Every article is a pure function of the seed and its index: [Generator.Doc]
// can be called in any order and from several goroutines, and the same
// (seed, index) pair always yields the same bytes, on every platform. The
// sentences are built from templates written for this package, over a small
// built-in list of listed companies (public codes and short names), with
// amounts, percentages, Chinese numerals, approximations (近百亿, 1800多家)
// and ranges (3%-5%), so that the ticker linker and the claim extractor see
// the same kinds of input as in real news.
//
// Formats, mixed by default in roughly the proportions of the sources:
//
//   - [FlashItem]: an Eastmoney flash item, Jekyll front matter and a
//     markdown body with codes written inline, such as 华兰生物(002007.SZ).
//   - [LongArticle]: an Eastmoney long article, Jekyll front matter and an
//     HTML body with an EM_StockImg quote embed, keytip stock links and a
//     (文章来源：…) line.
//   - [HexoCodes], [HexoSTCN], [HexoSina]: Hexo posts (single-quoted title,
//     categories list, RFC 1123 date in GMT) with an HTML body: codes inline
//     （600519.SH）, 证券时报 trsHotWords links, or Sina stock spans.
//
// [Doc.AppendJSON] renders an article as one JSON Lines record instead.
package gencorpus

import (
	"encoding/json"
	"math/bits"
	"math/rand/v2"
	"strconv"
	"time"
)

// Format is the source format of a generated article.
type Format uint8

// Formats. The zero value, FlashItem, is the most common in the sources.
const (
	FlashItem   Format = iota // Eastmoney flash item: Jekyll + markdown, codes inline
	LongArticle               // Eastmoney long article: Jekyll + HTML with EM_StockImg embed and keytip links
	HexoCodes                 // Hexo post, HTML body, codes inline in brackets
	HexoSTCN                  // Hexo post, HTML body, 证券时报 trsHotWords stock links
	HexoSina                  // Hexo post, HTML body, Sina stock spans
	numFormats
)

var formatNames = [...]string{"flash", "long", "hexo-codes", "hexo-stcn", "hexo-sina"}

// String returns a short lower-case name of the format ("flash", "long", …).
func (f Format) String() string {
	if f < numFormats {
		return formatNames[f]
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// defaultMix is the default share of each format, in per-mille.
var defaultMix = [numFormats]int{600, 150, 100, 75, 75}

// Options configures a Generator. The zero value gives the default mix.
type Options struct {
	// Formats restricts generation to these formats, chosen uniformly.
	// Nil or empty means the default mix: 60% flash items, 15% long
	// Eastmoney articles and 25% Hexo posts.
	Formats []Format
	// Start is the earliest publication time; zero means 2021-01-01
	// Beijing time. Articles are spread over Days days from Start.
	Start time.Time
	// Days is the span of publication dates; 0 means 1461 (four years).
	Days int
}

// Generator generates articles. It is immutable and safe for concurrent
// use by multiple goroutines.
type Generator struct {
	seed    uint64
	formats []Format
	start   time.Time
	days    int
}

// beijing is UTC+8 without a time zone database, so output never depends
// on the host's zoneinfo.
var beijing = time.FixedZone("CST", 8*3600)

// New returns a Generator for seed. A nil opts gives the defaults.
func New(seed uint64, opts *Options) *Generator {
	g := &Generator{seed: seed, start: time.Date(2021, 1, 1, 0, 0, 0, 0, beijing), days: 1461}
	if opts != nil {
		for _, f := range opts.Formats {
			if f < numFormats {
				g.formats = append(g.formats, f)
			}
		}
		if !opts.Start.IsZero() {
			g.start = opts.Start.In(beijing)
		}
		if opts.Days > 0 {
			g.days = opts.Days
		}
	}
	return g
}

// Generate calls emit with the file name and bytes of articles 0 to n-1 of
// the default generator for seed, in index order. The data slice is owned
// by emit.
func Generate(seed uint64, n int, emit func(name string, data []byte)) {
	g := New(seed, nil)
	for i := range n {
		d := g.Doc(i)
		emit(d.Name, d.Data)
	}
}

// Doc is one generated article.
type Doc struct {
	Index  int
	Name   string // relative file name, e.g. "emnews/2021-12-08-202112080000001234.md"
	Format Format
	Data   []byte // the whole file, as the source would serve it

	ID        string
	Title     string
	Published time.Time // Beijing time
	Media     string
	Category  string
	URL       string
	Body      string // the body as written in Data: HTML for long articles and Hexo posts, markdown for flash items

	// Symbols are the canonical symbols of the companies the generator
	// wrote into the article (by name, code or link), in first-use order.
	// It is what the generator intended, not a linker's gold standard:
	// a name with a board suffix (美团-W) may not be linkable by name.
	Symbols []string
}

// article is the state of one article while it is being written.
type article struct {
	r       *rand.Rand
	f       Format
	pub     time.Time
	primary []*company
	used    []string
	seen    map[string]bool
}

func (a *article) note(c *company) {
	s := c.symbol()
	if !a.seen[s] {
		a.seen[s] = true
		a.used = append(a.used, s)
	}
}

// Doc returns article i. The result depends only on the generator's seed
// and options and on i.
func (g *Generator) Doc(i int) Doc {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)*0x9e3779b97f4a7c15+0x632be59bd9b4e019))
	var f Format
	if len(g.formats) > 0 {
		f = g.formats[r.IntN(len(g.formats))]
	} else {
		x := r.IntN(1000)
		for f = 0; f < numFormats-1; f++ {
			if x < defaultMix[f] {
				break
			}
			x -= defaultMix[f]
		}
	}
	sec := r.Int64N(int64(g.days) * 86400)
	pub := g.start.Add(time.Duration(sec) * time.Second)
	a := &article{r: r, f: f, pub: pub, seen: map[string]bool{}}
	np := 1 + r.IntN(3)
	if f == FlashItem {
		np = r.IntN(2) // about half the flash items are macro news
	}
	for range np {
		a.primary = append(a.primary, &companies[r.IntN(len(companies))])
	}
	d := Doc{Index: i, Format: f, Published: pub}
	switch f {
	case FlashItem:
		g.flash(a, &d)
	case LongArticle:
		g.long(a, &d)
	default:
		g.hexo(a, &d)
	}
	d.Symbols = a.used
	return d
}

// pick returns a random element of s.
func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// uniqueDigits appends n decimal digits that look random but are distinct
// for distinct indexes below 10^n: (i·A + B) mod 10^n is a bijection when A
// is coprime to 10. B depends on the seed.
func (g *Generator) uniqueDigits(b []byte, i, n int) []byte {
	mod := uint64(1)
	for range n {
		mod *= 10
	}
	const a = 7_919_000_003 // odd and not a multiple of 5
	hi, lo := bits.Mul64(uint64(i)%mod, a)
	v := (bits.Rem64(hi, lo, mod) + (g.seed*0x9e3779b97f4a7c15)%mod) % mod
	var tmp [20]byte
	for k := n - 1; k >= 0; k-- {
		tmp[k] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[:n]...)
}

func (g *Generator) flash(a *article, d *Doc) {
	r := a.r
	id := a.pub.AppendFormat(nil, "20060102")
	id = g.uniqueDigits(id, d.Index, 10)
	d.ID = string(id)
	d.Media = pick(r, media)
	d.Category = "emnews"
	d.URL = "http://finance.eastmoney.com/news/" + strconv.Itoa(1340+r.IntN(20)) + "," + d.ID + ".html"
	d.Title = string(a.title(nil))
	d.Name = "emnews/" + a.pub.Format("2006-01-02") + "-" + d.ID + ".md"

	var body []byte
	n := 1 + r.IntN(3)
	for range n {
		body = a.sentence(body)
	}
	if r.IntN(2) == 0 {
		body = append(body, "（"...)
		body = append(body, d.Media...)
		body = append(body, "）"...)
	}
	d.Body = string(body)

	b := make([]byte, 0, 512+len(body))
	b = append(b, "---\nlayout: post\ntitle: "...)
	b = strconv.AppendQuote(b, d.Title)
	b = append(b, "\ndate: "...)
	b = a.pub.AppendFormat(b, "2006-01-02 15:04:05")
	if r.IntN(3) > 0 {
		b = append(b, " +0800"...)
	}
	b = append(b, "\ncategories: emnews\ntags: 东财滚动新闻\n---\n\n"...)
	b = append(b, body...)
	b = append(b, "\n\n<"...)
	b = append(b, d.URL...)
	b = append(b, ">\n"...)
	if r.IntN(4) > 0 {
		b = append(b, "\n[返回东财滚动新闻](//mirror.example.com/emnews/)｜[返回首页](//mirror.example.com/)\n"...)
	}
	d.Data = b
}

// mediaSlugs are the category slugs of the Eastmoney mirror, by outlet.
var mediaSlugs = map[string]string{
	"中国证券报": "zhongguozhengquanbao", "上海证券报": "shanghaizhengquanbao", "证券时报": "zhengquanshibao",
	"每日经济新闻": "meirijingjixinwen", "财联社": "cailianshe", "证券日报": "zhengquanribao",
	"经济参考报": "jingjicankaobao", "第一财经": "diyicaijing",
}

func (g *Generator) long(a *article, d *Doc) {
	r := a.r
	id := append([]byte("NW"), a.pub.AppendFormat(nil, "20060102")...)
	id = g.uniqueDigits(id, d.Index, 10)
	d.ID = string(id)
	d.Media = pick(r, media)
	d.Category = mediaSlugs[d.Media]
	d.URL = "http://finance.eastmoney.com/a/" + d.ID + ".html"
	d.Title = string(a.title(nil))
	d.Name = d.Category + "/" + a.pub.Format("2006-01-02") + "-" + d.ID + ".md"

	body := make([]byte, 0, 8192)
	if len(a.primary) > 0 && r.IntN(5) > 0 {
		body = a.embed(body, a.primary[0])
	}
	np := 8 + r.IntN(18)
	for p := range np {
		if p > 0 {
			body = append(body, "\n "...)
		}
		if p > 1 && r.IntN(6) == 0 {
			body = append(body, "<p><strong>"...)
			body = a.heading(body)
			body = append(body, "</strong></p>"...)
			continue
		}
		body = append(body, "<p>"...)
		ns := 2 + r.IntN(3)
		for range ns {
			body = a.sentence(body)
		}
		body = append(body, "</p>"...)
	}
	body = append(body, `<p class="em_media">（文章来源：`...)
	body = append(body, d.Media...)
	body = append(body, "）</p>"...)
	d.Body = string(body)

	b := make([]byte, 0, 512+len(body))
	b = append(b, "---\nlayout: post\ntitle: "...)
	b = strconv.AppendQuote(b, d.Title)
	b = append(b, "\ndate: "...)
	b = a.pub.AppendFormat(b, "2006-01-02 15:04:05 -0700")
	b = append(b, "\ncategories: "...)
	b = append(b, d.Category...)
	b = append(b, "\ntags: "...)
	b = append(b, d.Media...)
	b = append(b, "新闻\n---\n"...)
	b = append(b, body...)
	b = append(b, "\n\n<"...)
	b = append(b, d.URL...)
	b = append(b, ">\n\n[返回"...)
	b = append(b, d.Media...)
	b = append(b, "新闻](//mirror.example.com/category/"...)
	b = append(b, d.Category...)
	b = append(b, ".html)｜[返回首页](//mirror.example.com/)\n"...)
	d.Data = b
}

// hexoOutlets are the outlet, section and image host of each Hexo format.
var hexoOutlets = [numFormats]struct{ outlet, section, slug string }{
	HexoCodes: {"财联社", "深度", "cls"},
	HexoSTCN:  {"证券时报网", "要闻", "stcn"},
	HexoSina:  {"新浪财经", "新浪财经－国内", "sina"},
}

func (g *Generator) hexo(a *article, d *Doc) {
	r := a.r
	o := hexoOutlets[a.f]
	id := g.uniqueDigits(nil, d.Index, 12)
	d.ID = o.slug + "-" + string(id)
	d.Media = o.outlet
	d.Category = o.section
	d.Title = string(a.title(nil))
	d.Name = o.slug + "/" + d.ID + ".md"

	body := make([]byte, 0, 8192)
	body = append(body, "<div>   \n"...)
	if a.f == HexoCodes {
		body = append(body, `<div class="m-b-10">`...)
	}
	np := 6 + r.IntN(15)
	for p := range np {
		if p > 0 {
			body = append(body, '\n')
		}
		switch a.f {
		case HexoSina:
			body = append(body, `<p cms-style="font-L">　　`...)
		case HexoSTCN:
			body = append(body, `<p style="text-align: left;">`...)
		default:
			body = append(body, "<p>"...)
		}
		if p > 1 && r.IntN(7) == 0 {
			body = append(body, "<strong>"...)
			body = a.heading(body)
			body = append(body, "</strong></p>"...)
			continue
		}
		ns := 2 + r.IntN(3)
		for range ns {
			body = a.sentence(body)
		}
		body = append(body, "</p>"...)
	}
	if a.f == HexoCodes {
		body = append(body, "</div>"...)
	}
	body = append(body, "\n</div>\n"...)
	d.Body = string(body)

	img := "https://img.example.com/" + o.slug + "/" + string(id) + ".png"
	b := make([]byte, 0, 512+len(body))
	b = append(b, "\n---\ntitle: '"...)
	b = append(b, d.Title...)
	b = append(b, "'\ncategories: \n - 金融\n - "...)
	b = append(b, o.outlet...)
	b = append(b, "\n - "...)
	b = append(b, o.section...)
	b = append(b, "\nheadimg: '"...)
	b = append(b, img...)
	b = append(b, "'\nauthor: "...)
	b = append(b, o.outlet...)
	b = append(b, "\ncomments: false\ndate: "...)
	b = a.pub.UTC().AppendFormat(b, "Mon, 02 Jan 2006 15:04:05 GMT")
	b = append(b, "\nthumbnail: '"...)
	b = append(b, img...)
	b = append(b, "'\n---\n\n"...)
	b = append(b, body...)
	d.Data = b
}

// jsonRecord is the JSON Lines form of a Doc.
type jsonRecord struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"publish_time"`
	Media     string `json:"source"`
	Category  string `json:"category,omitempty"`
	URL       string `json:"url,omitempty"`
	Content   string `json:"content"`
}

// AppendJSON appends d as one JSON Lines record, without the trailing
// newline, with the common feed keys that stocknews.Parse reads:
// {"id","title","publish_time" (RFC 3339),"source" (the outlet),"category",
// "url","content"}, where content is the body as written (HTML or markdown).
func (d *Doc) AppendJSON(b []byte) []byte {
	rec := jsonRecord{
		ID: d.ID, Title: d.Title, Published: d.Published.Format(time.RFC3339),
		Media: d.Media, Category: d.Category, URL: d.URL, Content: d.Body,
	}
	out, err := json.Marshal(&rec)
	if err != nil { // cannot happen: every field is a string
		panic("gencorpus: " + err.Error())
	}
	return append(b, out...)
}

package stocknews_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/stocknews/stocknews"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current parser")

// beijingTime builds a time at UTC+8, the zone of Eastmoney times.
func beijingTime(y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, time.FixedZone("", 8*3600))
}

// articleWant lists the fields a test checks; zero fields are checked too,
// except Paras < 0 (unchecked) and Text (checked when non-empty, as
// substrings that must all appear).
type articleWant struct {
	ID, Title, Media, Category, URL string
	// TitleHead and TitleRunes check a long real title by its start and its
	// length in runes instead of quoting it whole (used when Title is "").
	TitleHead  string
	TitleRunes int
	Published  time.Time
	Paras      int
	Tags       []string
	Text       []string // substrings of Article.Text
	NotText    []string // must not appear in Article.Text
	Anchors    int      // -1: unchecked
	Embeds     int      // anchors with Embed set; -1: unchecked
	Kinds      string   // paragraph kinds, one letter each: b(ody), h(eading), q(uote); "" unchecked
}

func checkWant(t *testing.T, a *stocknews.Article, w articleWant) {
	t.Helper()
	if a.ID != w.ID {
		t.Errorf("ID = %q, want %q", a.ID, w.ID)
	}
	if w.TitleHead != "" {
		if !strings.HasPrefix(a.Title, w.TitleHead) || utf8.RuneCountInString(a.Title) != w.TitleRunes {
			t.Errorf("Title = %q, want %d runes starting %q", a.Title, w.TitleRunes, w.TitleHead)
		}
	} else if a.Title != w.Title {
		t.Errorf("Title = %q, want %q", a.Title, w.Title)
	}
	if a.Media != w.Media {
		t.Errorf("Media = %q, want %q", a.Media, w.Media)
	}
	if w.Category != "" && a.Category != w.Category {
		t.Errorf("Category = %q, want %q", a.Category, w.Category)
	}
	if a.URL != w.URL {
		t.Errorf("URL = %q, want %q", a.URL, w.URL)
	}
	if !a.Published.Equal(w.Published) {
		t.Errorf("Published = %v, want %v", a.Published, w.Published)
	}
	if !w.Published.IsZero() {
		_, got := a.Published.Zone()
		_, want := w.Published.Zone()
		if got != want {
			t.Errorf("Published offset = %d, want %d", got, want)
		}
	}
	if w.Paras >= 0 && len(a.Paragraphs) != w.Paras {
		t.Errorf("%d paragraphs, want %d", len(a.Paragraphs), w.Paras)
		for i, p := range a.Paragraphs {
			t.Logf("  %d %d %q", i, p.Kind, p.Text)
		}
	}
	if w.Tags != nil && strings.Join(a.Tags, "|") != strings.Join(w.Tags, "|") {
		t.Errorf("Tags = %q, want %q", a.Tags, w.Tags)
	}
	for _, s := range w.Text {
		if !strings.Contains(a.Text, s) {
			t.Errorf("Text lacks %q", s)
		}
	}
	for _, s := range w.NotText {
		if strings.Contains(a.Text, s) {
			t.Errorf("Text holds %q", s)
		}
	}
	if w.Anchors >= 0 && len(a.Anchors) != w.Anchors {
		t.Errorf("%d anchors, want %d", len(a.Anchors), w.Anchors)
		for _, an := range a.Anchors {
			t.Logf("  %+v", an)
		}
	}
	if w.Embeds >= 0 {
		n := 0
		for _, an := range a.Anchors {
			if an.Embed {
				n++
			}
		}
		if n != w.Embeds {
			t.Errorf("%d embed anchors, want %d", n, w.Embeds)
		}
	}
	if w.Kinds != "" {
		var b strings.Builder
		for _, p := range a.Paragraphs {
			b.WriteByte("bhq"[p.Kind])
		}
		if b.String() != w.Kinds {
			t.Errorf("kinds = %s, want %s", b.String(), w.Kinds)
		}
	}
	checkInvariants(t, a)
}

// checkInvariants tests what holds for every parsed article.
func checkInvariants(t testing.TB, a *stocknews.Article) {
	t.Helper()
	var b strings.Builder
	b.WriteString(a.Title)
	b.WriteByte('\n')
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Text)
		if p.Text == "" || strings.ContainsAny(p.Text, "\n\r") || p.Text != strings.TrimSpace(p.Text) {
			t.Errorf("paragraph %d not clean: %q", i, p.Text)
		}
	}
	if a.Text != b.String() {
		t.Errorf("Text is not Title + \\n + paragraphs joined by \\n")
	}
	if strings.ContainsAny(a.Title, "\n\r") {
		t.Errorf("Title has a line break: %q", a.Title)
	}
	if !utf8.ValidString(a.Text) {
		t.Errorf("Text is not valid UTF-8")
	}
}

var testdataTests = []struct {
	file string
	want articleWant
}{
	{"flash-offset.md", articleWant{
		ID: "202203152300000001", Title: "示例科技：新品订单环比增长两成", Media: "证券时报", Category: "emnews",
		URL: "http://finance.eastmoney.com/news/1354,202203152300000001.html", Published: beijingTime(2022, 3, 15, 9, 30, 5),
		Paras: 1, Tags: []string{"东财滚动新闻"}, NotText: []string{"返回", "http"}, Kinds: "b"}},
	{"flash-no-offset.md", articleWant{
		ID: "202112092207000002", Title: "离岸人民币兑美元小幅走高", Media: "东方财富网",
		URL: "http://finance.eastmoney.com/news/1351,202112092207000002.html", Published: beijingTime(2021, 12, 9, 14, 5, 33),
		Paras: 1, NotText: []string{"返回"}}},
	{"flash-no-nav.md", articleWant{
		ID: "202112092207000003", Title: "某地发布新能源汽车消费补贴细则", Media: "东方财富网",
		URL: "http://finance.eastmoney.com/news/1350,202112092207000003.html", Published: beijingTime(2021, 12, 9, 16, 20, 0),
		Paras: 1}},
	{"flash-blank-before.md", articleWant{
		ID: "202112092207000004", Title: "北向资金午后加速流入", Media: "东方财富网",
		URL: "http://finance.eastmoney.com/news/1353,202112092207000004.html", Published: beijingTime(2021, 12, 9, 13, 45, 10),
		Paras: 1, Text: []string{"沪股通净流入32.1亿元"}}},
	{"flash-empty-title.md", articleWant{
		ID: "flash-empty-title", Title: "", Media: "上海证券报", Paras: 2, Kinds: "qb",
		Text:    []string{"\n某车企宣布", "蔚来等车企"},
		NotText: []string{"文章来源", "<>", "返回"},
		Anchors: 6, Embeds: 2}}, // the embed's link and image, the keytip span and link, and the source line's span and link
	{"em-hk-embed.md", articleWant{
		ID: "NW202201102240000005", Title: "某社交平台公布年度数据 小程序日活再创新高", Media: "中国证券报", Category: "zhongguozhengquanbao",
		URL: "http://finews.example.org/html_News/NewsShare.html?infoCode=NW202201102240000005", Published: beijingTime(2022, 1, 10, 20, 15, 0),
		Paras: 5, Kinds: "bbhbb", Anchors: 2, Embeds: 2,
		Text:    []string{"明年将加大对原创作者的“流量扶持”。", "\n支付业务方面"},
		NotText: []string{"文章来源", "　", "&nbsp;", "返回"}}},
	{"em-a-share.md", articleWant{
		ID: "NW202206152410000006", Title: "龙虎榜：机构净买入两只白酒股", Media: "东方财富研究中心",
		URL: "http://finews.example.org/html_News/NewsShare.html?infoCode=NW202206152410000006", Published: beijingTime(2022, 6, 15, 18, 1, 0),
		Paras: 2, Anchors: 5, Embeds: 1, Text: []string{"机构净买入贵州茅台1.2亿元"}, NotText: []string{"来源"}}},
	{"em-us-embed.md", articleWant{
		ID: "NW202202102270000007", Title: "美股科技股盘前普涨", Media: "每日经济新闻",
		URL: "http://finews.example.org/html_News/NewsShare.html?infoCode=NW202202102270000007", Published: beijingTime(2022, 2, 10, 21, 10, 0),
		Paras: 2, Anchors: 2, Embeds: 2, Text: []string{"（每日经济新闻）"}}},
	{"em-bk-board.md", articleWant{
		ID: "NW202205312390000008", Title: "光伏板块午后拉升", Media: "财联社",
		URL: "http://finews.example.org/html_News/NewsShare.html?infoCode=NW202205312390000008", Published: beijingTime(2022, 5, 31, 14, 2, 0),
		Paras: 2, Anchors: 5, Embeds: 2, Text: []string{"午后光伏设备板块拉升，光伏概念走强。"}}},
	{"hexo-cls.md", articleWant{
		ID: "hexo-cls", Title: `"新能源一哥"获机构调研 三季度出货量同比翻倍`, Media: "财联社", Category: "金融/财联社/深度",
		Published: time.Date(2021, 12, 13, 10, 3, 11, 0, time.UTC), Paras: 4, Kinds: "bbhb",
		Text: []string{"示例能源（600999.SH）", "达到200GWh"}}},
	{"hexo-nbd.md", articleWant{
		ID: "hexo-nbd", Title: "百亿龙头午后跳水", Media: "每日经济新闻",
		Published: beijingTime(2021, 7, 23, 16, 8, 4), Paras: 4, Kinds: "hbbb",
		Text:    []string{"股民热议"}, // the page's own, longer headline is kept
		NotText: []string{"旧标题", "示例股份", "2021-07-23"}}},
	{"hexo-sina.md", articleWant{
		ID: "hexo-sina", Title: "券商半年报：经纪业务收入增长三成", Media: "示例财经周刊",
		Published: time.Date(2022, 7, 17, 1, 7, 57, 0, time.UTC), Paras: 4, Kinds: "bhbb", Anchors: 2,
		Text: []string{"\n示例证券日前发布"}, NotText: []string{"appendQr", "下载客户端", "news_keyword", "文章来源"}}},
	{"hexo-36kr.md", articleWant{
		ID: "hexo-36kr", Title: "中概股一周回顾：电商板块领涨", Media: "36氪",
		Published: time.Date(2021, 3, 22, 2, 35, 27, 0, time.UTC), Paras: 2, Anchors: 1,
		Text: []string{"淘宝商家", "示例电商-SW(09999.HK)", "示例云(TUYA.US)"}}},
	{"reuters.md", articleWant{
		ID: "reuters", Title: "美股小幅收高 科技股领涨", Media: "路透中文网",
		URL:   "https://cn.reuters.com/article/example-idCNKCS0000001?feedType=RSS",
		Paras: 4, Kinds: "bbhb", Anchors: 3,
		Text:    []string{"示例公司(EXMP.O)上涨2.1%。", "路透纽约9月21日 - "},
		NotText: []string{"原文链接", "镜像首页", "我们的标准", "**", "----"}}},
	{"page.html", articleWant{
		ID: "page", Title: "央行开展逆回购操作", Media: "示例日报",
		URL: "https://news.example.org/2022/04/01/rrp.html", Published: beijingTime(2022, 4, 1, 9, 20, 0),
		Paras: 2, Anchors: 1, Tags: []string{"央行", "逆回购", "流动性"},
		Text:    []string{"流动性&资金面"},
		NotText: []string{"tracking", "color", "首页", "注释"}}},
	{"record.json", articleWant{
		ID: "rec-0001", Title: "证监会发布新规征求意见稿", Media: "示例证券报",
		URL: "https://news.example.org/rec-0001", Published: beijingTime(2022, 4, 8, 19, 30, 0),
		Paras: 2, Tags: []string{"监管", "新规"}}},
	{"plain.txt", articleWant{
		ID: "plain", Title: "多地出台稳楼市政策", Media: "示例晚报", Paras: 2}},
}

func TestParseTestdata(t *testing.T) {
	for _, tt := range testdataTests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := stocknews.ParseFile(filepath.Join("testdata", tt.file), nil)
			if err != nil {
				t.Fatal(err)
			}
			checkWant(t, a, tt.want)
		})
	}
}

// goldenArticle is the JSON form of an Article in testdata/*.golden.json.
type goldenArticle struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Published  string   `json:"published"`
	Media      string   `json:"media"`
	Category   string   `json:"category"`
	Tags       []string `json:"tags"`
	URL        string   `json:"url"`
	Paragraphs []string `json:"paragraphs"` // "kind: text"
	Anchors    []string `json:"anchors"`
}

func toGolden(a *stocknews.Article) goldenArticle {
	g := goldenArticle{ID: a.ID, Title: a.Title, Media: a.Media, Category: a.Category, Tags: a.Tags, URL: a.URL}
	if !a.Published.IsZero() {
		g.Published = a.Published.Format(time.RFC3339)
	}
	for _, p := range a.Paragraphs {
		g.Paragraphs = append(g.Paragraphs, [...]string{"body", "heading", "quote"}[p.Kind]+": "+p.Text)
	}
	for _, an := range a.Anchors {
		b, _ := json.Marshal(an)
		g.Anchors = append(g.Anchors, string(b))
	}
	return g
}

// TestGolden compares every article in testdata/ with its golden file;
// run with -update to rewrite them after a deliberate change.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.json") || strings.HasSuffix(f, ".jsonl") {
			continue
		}
		if fi, err := os.Stat(f); err != nil || fi.IsDir() {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			a, err := stocknews.ParseFile(f, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(toGolden(a), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, filepath.Ext(f)) + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the parse:\n%s", golden, got)
			}
		})
	}
}

var errorTests = []struct {
	name   string
	in     string
	opts   *stocknews.ParseOptions
	err    error
	line   int
	offset int // -2: unchecked
}{
	{"open.md", "\n---\ntitle: \"未闭合\"\ndate: 2022-01-01\n\n正文", nil, stocknews.ErrFrontMatter, 2, -2},
	{"bad-yaml.md", "---\ntitle: 一\ndate: a: b\n---\n正文", nil, stocknews.ErrFrontMatter, 3, -2},
	{"tab-yaml.md", "---\ntitle: x\n\tdate: y\n---\n正文", nil, stocknews.ErrFrontMatter, 3, -2},
	{"big.txt", strings.Repeat("长", 50), &stocknews.ParseOptions{MaxSize: 100}, stocknews.ErrTooLarge, 0, 100},
	{"bad.txt", "标题\n正文\xff\xfe", &stocknews.ParseOptions{RejectInvalidUTF8: true}, stocknews.ErrEncoding, 2, 13},
	{"trunc.json", "{\"title\": \"一\",\n \"content\": ", nil, stocknews.ErrFormat, 2, -2},
	{"list.json", `[{"title":"一"},{"title":"二"}]`, nil, stocknews.ErrFormat, 0, -1},
	{"lines.json", "{\"title\":\"一\"}\n{\"title\":\"二\"}\n", nil, stocknews.ErrFormat, 2, -2},
	{"type.json", `{"title": {"text": "一"}}`, nil, stocknews.ErrEmpty, 0, -1},
	{"scalar.json", `"只是字符串"`, nil, stocknews.ErrFormat, 1, -2},
	{"empty.md", "", nil, stocknews.ErrEmpty, 0, -1},
	{"only-fm.md", "---\ntitle: \"\"\n---\n", nil, stocknews.ErrEmpty, 0, -1},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range errorTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := stocknews.Parse(tt.name, []byte(tt.in), tt.opts)
			require.ErrorIs(t, err, tt.err)
			var pe *stocknews.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.name, pe.Name, "ParseError.Name")
			assert.Equal(t, tt.line, pe.Line, "ParseError.Line")
			if tt.offset != -2 {
				assert.Equal(t, tt.offset, pe.Offset, "ParseError.Offset")
			}
			msg := err.Error()
			assert.True(t, strings.HasPrefix(msg, "stocknews: "+tt.name), "message %q: want the prefix and the input's name", msg)
			assert.Equal(t, 1, strings.Count(msg, "stocknews:"), "message %q: one prefix", msg)
		})
	}
}

// TestParseAliasBomb: YAML aliases are not expanded, so a "billion laughs"
// front matter costs no more than its size.
func TestParseAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\nlol0: &l0 [\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\"]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("lol")
		b.WriteByte(byte('0' + i))
		b.WriteString(": &l")
		b.WriteByte(byte('0' + i))
		b.WriteString(" [")
		for j := range 9 {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString("*l")
			b.WriteByte(byte('0' + i - 1))
		}
		b.WriteString("]\n")
	}
	b.WriteString("title: 标题\ntags: *l9\n---\n正文\n")
	start := time.Now()
	a, err := stocknews.Parse("bomb.md", []byte(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	if a.Title != "标题" || len(a.Tags) != 0 {
		t.Errorf("Title %q, %d tags; want 标题 and no tags (aliases of lists are not expanded)", a.Title, len(a.Tags))
	}
}

func TestParseEncoding(t *testing.T) {
	utf := "---\ntitle: \"编码测试\"\n---\n<p>正文使用国标编码，共二十个汉字左右的长度。</p>\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(utf)
	if err != nil {
		t.Fatal(err)
	}
	a, err := stocknews.Parse("gbk.md", []byte(gbk), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "编码测试" || len(a.Paragraphs) != 1 || !strings.Contains(a.Text, "国标编码") {
		t.Errorf("GBK input: title %q, text %q", a.Title, a.Text)
	}
	// One stray byte in UTF-8 text becomes U+FFFD, the rest stays.
	a, err = stocknews.Parse("stray.txt", []byte("标题\n前文\xff后文"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "标题\n前文\uFFFD后文" {
		t.Errorf("Text = %q", a.Text)
	}
	// A UTF-8 byte-order mark is dropped.
	a, err = stocknews.Parse("bom.txt", []byte("\xef\xbb\xbf标题\n正文"), nil)
	if err != nil || a.Title != "标题" {
		t.Errorf("BOM: %v, title %q", err, a.Title)
	}
}

var formatTests = []struct {
	name, in string
	format   stocknews.Format
	title    string
}{
	{"x.md", "---\ntitle: 甲\n---\n正文", stocknews.Auto, "甲"},
	{"x", "---\ntitle: 甲\n---\n正文", stocknews.Auto, "甲"},
	{"x", "### 乙\n正文", stocknews.Auto, "乙"},
	{"x", "<html><head><title>丙</title></head><body><p>正文</p></body></html>", stocknews.Auto, "丙"},
	{"x", `{"title":"丁","content":"正文"}`, stocknews.Auto, "丁"},
	{"x", "戊\n正文", stocknews.Auto, "戊"},
	{"x.txt", "<p>己</p>\n正文", stocknews.HTML, "正文"},
	{"x.html", "<html><head><title>辛 - 示例财经网</title></head><body><p>正文</p></body></html>", stocknews.Auto, "辛"},
	{"x.html", `<html><head><meta property="og:site_name" content="Example"><title>壬_Example</title></head><body><p>正文</p></body></html>`, stocknews.Auto, "壬"},
	{"x.html", "<html><head><title>癸 - 两个字</title></head><body><p>正文</p></body></html>", stocknews.Auto, "癸 - 两个字"},
	{"x.html", "庚\n正文", stocknews.Text, "庚"},
}

func TestParseFormat(t *testing.T) {
	for _, tt := range formatTests {
		a, err := stocknews.Parse(tt.name, []byte(tt.in), &stocknews.ParseOptions{Format: tt.format})
		if err != nil {
			t.Errorf("%s %q: %v", tt.name, tt.in, err)
			continue
		}
		if a.Title != tt.title && !(tt.format == stocknews.HTML && strings.Contains(a.Text, tt.title)) {
			t.Errorf("%s %q: title %q, want %q", tt.name, tt.in, a.Title, tt.title)
		}
	}
}

var timeTests = []struct {
	date string
	want time.Time
}{
	{"2022-01-06 20:44:03 +0800", beijingTime(2022, 1, 6, 20, 44, 3)},
	{"2021-12-08 10:46:18", beijingTime(2021, 12, 8, 10, 46, 18)},
	{"Mon, 13 Dec 2021 10:03:11 GMT", time.Date(2021, 12, 13, 10, 3, 11, 0, time.UTC)},
	{"Mon, 13 Dec 2021 18:03:11 CST", beijingTime(2021, 12, 13, 18, 3, 11)},
	{"2022-04-01T09:20:00+08:00", beijingTime(2022, 4, 1, 9, 20, 0)},
	{"2022-04-01T01:20:00Z", time.Date(2022, 4, 1, 1, 20, 0, 0, time.UTC)},
	{"2022-04-01", beijingTime(2022, 4, 1, 0, 0, 0)},
	{"2022年4月1日 09:20", beijingTime(2022, 4, 1, 9, 20, 0)},
	{"1648776000", time.Unix(1648776000, 0)},
	{"Invalid Date", time.Time{}},
	{" +0800", time.Time{}},
	{"", time.Time{}},
}

func TestParseDates(t *testing.T) {
	for _, tt := range timeTests {
		in := "---\ntitle: 时间\ndate: " + tt.date + "\n---\n正文"
		a, err := stocknews.Parse("date.md", []byte(in), nil)
		if err != nil {
			t.Errorf("%q: %v", tt.date, err)
			continue
		}
		if !a.Published.Equal(tt.want) {
			t.Errorf("%q: Published %v, want %v", tt.date, a.Published, tt.want)
		}
	}
}

func TestParseFileMissing(t *testing.T) {
	_, err := stocknews.ParseFile("testdata/no-such-file.md", nil)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want ErrNotExist", err)
	}
}

func TestParseLocation(t *testing.T) {
	in := []byte("---\ntitle: 时区\ndate: 2022-01-01 08:00:00\n---\n正文")
	a, err := stocknews.Parse("zone.md", in, &stocknews.ParseOptions{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2022, 1, 1, 8, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published %v, want %v", a.Published, want)
	}
}

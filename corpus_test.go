package stocknews_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"

	"github.com/stocknews/stocknews/internal/sharedtest"
)

// corpusTests hold values read by hand from real articles in
// ../shared/corpus (one or more per outlet and format). Paragraph counts
// are the <p> elements (or markdown paragraphs) that hold text, less the
// quote-embed block, the 文章来源 line and image credits and captions.
var corpusTests = []struct {
	file string
	want articleWant
}{
	// Outlets added later: values read by hand from each article.
	{"cs/瑞丰高材：持续加码进军可降解塑料领域.md", articleWant{ // 中证网: two full-width spaces open each paragraph
		ID: "瑞丰高材：持续加码进军可降解塑料领域", Title: "瑞丰高材：持续加码进军可降解塑料领域", Media: "中证网",
		Published: time.Date(2021, 3, 22, 10, 24, 0, 0, time.UTC), Paras: 5, Anchors: 0, Embeds: 0,
		Text: []string{"\n中证网讯（记者"}, NotText: []string{"　"}}},
	{"cls-post/沙特阿美CEO：中国能源需求已接近疫情前水平.md", articleWant{ // older 财联社 layout
		ID: "沙特阿美CEO：中国能源需求已接近疫情前水平", Title: "沙特阿美CEO：中国能源需求已接近疫情前水平", Media: "财联社",
		Published: time.Date(2021, 3, 22, 1, 56, 58, 0, time.UTC), Paras: 8, Anchors: 0, Embeds: 0}},
	{"gelonghui/2022年低价低位题材股有望虎落山林.md", articleWant{ // runs of empty <p>, <h3><font> heads
		ID: "2022年低价低位题材股有望虎落山林", Title: "2022年低价低位题材股有望虎落山林", Media: "格隆汇",
		Published: time.Date(2022, 1, 6, 0, 0, 0, 0, time.UTC), Paras: 41, Anchors: 0, Embeds: 0,
		Kinds: "bhhbbbbbbbbbbbhhbbhbbhbbhbbbhbbbbbbhhbbbb"}},
	{"nbd-fenlei/19万股民心慌！A股一上市公司实控人被抓.md", articleWant{ // byline, 正文 comments, sources line, 封面图片来源 footer
		ID: "19万股民心慌！A股一上市公司实控人被抓", Title: "1.9万股民心慌！A股一上市公司实控人被抓", Media: "每日经济新闻",
		Published: time.Date(2021, 6, 6, 19, 48, 2, 0, time.UTC), Paras: 12, Anchors: 0, Embeds: 0,
		Text: []string{"三圣股份（002742.SZ）"}, NotText: []string{"封面图片来源", "正文", "综合自"}}},
	{"huxiu/10大事件说透保险业2021年.md", articleWant{ // WeChat repost: credit clause, inline notes, 大标题 heads
		ID: "10大事件说透保险业2021年", Title: "10大事件说透保险业2021年", Media: "虎嗅",
		Published: time.Date(2021, 12, 31, 0, 29, 0, 0, time.UTC), Paras: 70, Anchors: -1, Embeds: 0,
		Text: []string{"保险板块（申万二级行业分类）年内跌幅"}, NotText: []string{"题图来自", "视觉中国"}}},
	{"stcn-data/10只科创板股获北向资金加仓.md", articleWant{ // a table with a code column
		ID: "10只科创板股获北向资金加仓", Title: "10只科创板股获北向资金加仓", Media: "证券时报网",
		Published: time.Date(2021, 6, 10, 8, 0, 0, 0, time.UTC), Paras: 23, Anchors: -1, Embeds: 0,
		Text: []string{"代码\t简称\t", "\n688185\t康希诺\t"}}},
	{"seed/2022-01-06-NW202201062238952656.md", articleWant{
		ID: "NW202201062238952656", Media: "中国证券报", Category: "zhongguozhengquanbao",
		TitleHead: "支付分推出", TitleRunes: 48,
		URL:       "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201062238952656",
		Published: beijingTime(2022, 1, 6, 20, 44, 3), Paras: 17, Anchors: 2, Embeds: 2,
		NotText: []string{"文章来源", "返回", "finews"}}},
	{"finews/2021-12-08-202112082206672930.md", articleWant{ // flash item, no offset, nav line
		ID: "202112082206672930", Title: "离岸人民币兑美元升至2018年以来最高水平", Media: "东方财富网",
		URL:       "http://finance.eastmoney.com/news/11060,202112082206672930.html",
		Published: beijingTime(2021, 12, 8, 10, 46, 18), Paras: 1, Anchors: 0, Embeds: 0}},
	{"finews/2021-12-08-202112082206703990.md", articleWant{ // blank line before the front matter, no nav line
		ID: "202112082206703990", Title: "FF：有充足的现金支持到FF 91完成投产", Media: "东方财富网",
		URL:       "http://stock.eastmoney.com/news/1611,202112082206703990.html",
		Published: beijingTime(2021, 12, 8, 10, 18, 31), Paras: 1, Anchors: 0, Embeds: 0}},
	{"finews/2021-12-08-202112082207148720.md", articleWant{ // +0800, credit in brackets at the end
		ID: "202112082207148720", Title: "华兰生物：目前公司流感疫苗覆盖全国2500多家疾控中心", Media: "每日经济新闻",
		URL:       "http://finance.eastmoney.com/news/1354,202112082207148720.html",
		Published: beijingTime(2021, 12, 8, 15, 16, 45), Paras: 1, Anchors: 0, Embeds: 0}},
	{"finews/-202205262391921712.md", articleWant{ // empty title and date, quote line, keytips
		ID: "202205262391921712", Title: "", Media: "上海证券报", Paras: 17, Anchors: -1, Embeds: 2,
		NotText: []string{"<>", "文章来源"}}},
	{"finews/2022-01-24-NW202201242259229980.md", articleWant{
		ID: "NW202201242259229980", Title: "北向资金持续流入 在大金融板块现分歧 增持这只“银行茅”居首（名单）",
		Media: "21世纪经济报道", URL: "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201242259229980",
		Published: beijingTime(2022, 1, 24, 18, 6, 2), Paras: 10, Anchors: -1, Embeds: -1}},
	{`cls/"AI第一股"商汤集团暂缓上市 17家券商买单31亿退款利息.md`, articleWant{
		ID: `"AI第一股"商汤集团暂缓上市 17家券商买单31亿退款利息`, Title: `"AI第一股"商汤集团暂缓上市 17家券商买单31亿退款利息`,
		Media: "财联社", Category: "金融/财联社/深度", Published: time.Date(2021, 12, 13, 10, 3, 11, 0, time.UTC),
		Paras: 21, Anchors: 0, Embeds: 0}},
	{`stcn/"京沪计划"拟减持京沪高铁不超1249亿股！平安资管回应：平安目前无减持计划.md`, articleWant{
		ID:    `"京沪计划"拟减持京沪高铁不超1249亿股！平安资管回应：平安目前无减持计划`,
		Title: `"京沪计划"拟减持京沪高铁不超12.49亿股！平安资管回应：平安目前无减持计划`,
		Media: "证券时报网", Published: time.Date(2021, 10, 17, 8, 11, 0, 0, time.UTC), Paras: 21, Anchors: 28, Embeds: 0}},
	{`sina/"券茅"业绩一枝独秀！东方财富证券净利逆市大增37%，经纪、两融、自营超预期.md`, articleWant{
		ID:    `"券茅"业绩一枝独秀！东方财富证券净利逆市大增37%，经纪、两融、自营超预期`,
		Title: `"券茅"业绩一枝独秀！东方财富证券净利逆市大增37%，经纪、两融、自营超预期`,
		Media: "新浪财经", Published: time.Date(2022, 7, 17, 1, 7, 57, 0, time.UTC), Paras: 24, Anchors: -1, Embeds: 0,
		NotText: []string{"app-kaihu-qr", "text-align", "news_keyword_pub"}}},
	{"nbd/1000亿巨头开盘暴涨逾9%，尾盘跳水翻绿.md", articleWant{ // Invalid Date; the page gives time and source
		ID: "1000亿巨头开盘暴涨逾9%，尾盘跳水翻绿", Title: "1000亿巨头开盘暴涨逾9%，尾盘跳水翻绿",
		Media: "每日经济新闻", Published: beijingTime(2021, 7, 23, 16, 8, 4), Paras: 14, Anchors: 0, Embeds: 0,
		Text: []string{"股吧炸锅"}, NotText: []string{"乐视", "typeTag"}}},
	{"36kr/36氪首发 _「ShowMeBug」获真格数千万元Pre-A轮融资，为技术人才招聘评估提供实时编程环境.md", articleWant{
		ID:    "36氪首发 _「ShowMeBug」获真格数千万元Pre-A轮融资，为技术人才招聘评估提供实时编程环境",
		Title: "36氪首发 _「ShowMeBug」获真格数千万元Pre-A轮融资，为技术人才招聘评估提供实时编程环境",
		Media: "36氪", Published: time.Date(2021, 3, 22, 2, 10, 39, 0, time.UTC), Paras: 15, Anchors: -1, Embeds: 0,
		Text: []string{"获得真格基金数千万元"}}},
	{"reuters-zh/idCNKCS1LG2YL.md", articleWant{ // no date in the file
		ID: "idCNKCS1LG2YL", Title: "美股涨跌互见 美加贸易谈判未能达成协议", Media: "路透中文网",
		URL:   "https://cn.reuters.com/article/us-stock-market-nafta-0901-idCNKCS1LG2YL?feedType=RSS&feedName=vbc_homepagetopnews&virtualBrandChannel=14308",
		Paras: 18, Anchors: -1, Embeds: 0,
		Text:    []string{"亚马逊(AMZN.O)续升0.5%"},
		NotText: []string{"禁闻", "原文链接", "我们的标准", "-----"}}},
}

func TestCorpusValues(t *testing.T) {
	root := sharedtest.Path(t, "corpus")
	for _, tt := range corpusTests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := stocknews.ParseFile(filepath.Join(root, filepath.FromSlash(tt.file)), nil)
			if err != nil {
				t.Fatal(err)
			}
			checkWant(t, a, tt.want)
		})
	}
}

// TestCorpusNotArticle reads every file under the corpus, whatever its
// name, as a user globbing corpus/*/* would: no real article is refused as
// not an article, and every manifest (a TSV table) and the corpus's
// README (a markdown document that is mostly a table) is, with the
// position named. The same files renamed .md are refused too: the content
// decides.
func TestCorpusNotArticle(t *testing.T) {
	root := sharedtest.Path(t, "corpus")
	articles, tables := 0, 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		_, perr := stocknews.Parse(p, data, nil)
		_, renamedErr := stocknews.Parse(p+".md", data, nil)
		refused := errors.Is(perr, stocknews.ErrNotArticle)
		want := strings.HasSuffix(p, ".tsv") || rel == "README.md"
		switch {
		case want && (!refused || !errors.Is(renamedErr, stocknews.ErrNotArticle)):
			t.Errorf("%s: %v (renamed: %v), want ErrNotArticle", rel, perr, renamedErr)
		case want:
			var pe *stocknews.ParseError
			if !errors.As(perr, &pe) || pe.Name != p || pe.Line < 1 {
				t.Errorf("%s: %v: want a ParseError naming the file and line", rel, perr)
			}
			tables++
		case refused:
			t.Errorf("%s: a real article refused: %v", rel, perr)
		default:
			articles++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if articles < 200 || tables < 13 {
		t.Errorf("%d articles, %d tables: want the whole corpus", articles, tables)
	}
	t.Logf("%d articles accepted, %d tables refused", articles, tables)
}

// TestCorpusAll parses every article of the corpus: no error, a clean
// article, an ID, and text.
func TestCorpusAll(t *testing.T) {
	root := sharedtest.Path(t, "corpus")
	files := batch.ExpandInputs([]string{root})
	if len(files) < 180 {
		t.Fatalf("%d articles under %s, want the full corpus", len(files), root)
	}
	perOutlet := map[string]int{}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		outlet, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		if rel == "README.md" {
			continue // the corpus's own notes: TestCorpusNotArticle checks it is refused
		}
		a, err := stocknews.ParseFile(f, nil)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		checkInvariants(t, a)
		if a.ID == "" || len(a.Paragraphs) == 0 {
			t.Errorf("%s: ID %q, %d paragraphs", rel, a.ID, len(a.Paragraphs))
		}
		if a.Media == "" {
			t.Errorf("%s: no media", rel)
		}
		if a.Title == "" && rel != filepath.FromSlash("finews/-202205262391921712.md") {
			t.Errorf("%s: no title", rel)
		}
		if a.Published.IsZero() && outlet != "reuters-zh" && a.Title != "" {
			t.Errorf("%s: no time", rel)
		}
		for _, bad := range []string{"<p", "</", "&nbsp;", "&amp;", "返回首页", "EM_StockImg", "\u3000"} {
			if strings.Contains(a.Text, bad) {
				t.Errorf("%s: text holds %q", rel, bad)
			}
		}
		perOutlet[outlet]++
	}
	t.Logf("parsed per outlet: %v", perOutlet)
}

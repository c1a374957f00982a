package stocknews_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/internal/sharedtest"
	"github.com/stocknews/stocknews/ticker"
)

func symbols(an stocknews.Analysis) []string {
	var s []string
	for _, t := range an.Tickers {
		s = append(s, t.Symbol.String())
	}
	return s
}

// Credits and captions link nothing; table rows under a 代码 header link
// their code; cells never run together into one number.
func TestMarkupAnalysis(t *testing.T) {
	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	an := z.AnalyzeFile("testdata/hexo-stcn-data.md")
	if an.Err != nil {
		t.Fatal(an.Err)
	}
	got := symbols(an)
	for _, want := range []string{"688981.SH", "600309.SH"} {
		if !slices.Contains(got, want) {
			t.Errorf("table row %s not linked: %v", want, got)
		}
	}
	for _, c := range an.Claims {
		if strings.Contains(c.Text, "600309") || strings.Contains(c.Text, "688981") {
			t.Errorf("a code cell became a claim: %+v", c)
		}
	}
	an = z.AnalyzeFile("testdata/hexo-huxiu.md")
	if an.Article.Media != "虎嗅" {
		t.Errorf("media %q from a caption", an.Article.Media)
	}
	if slices.Contains(symbols(an), "000681.SZ") {
		t.Errorf("a picture credit linked its agency: %v", symbols(an))
	}
}

// On the real articles: 虎嗅's 题图来自：视觉中国 credits link nothing, no
// media is a picture credit, and every row of the 证券时报 数据 tables links.
func TestMarkupCorpus(t *testing.T) {
	root := sharedtest.Path(t, "corpus")
	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.md"))
	credits, rows := 0, 0
	for _, f := range files {
		if filepath.Base(f) == "README.md" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		an := z.AnalyzeBytes(f, data)
		if strings.Contains(an.Article.Media, "截图") || strings.Contains(an.Article.Media, "视觉中国") || strings.Contains(an.Article.Media, "prnewswire") {
			t.Errorf("%s: media %q is a picture credit", f, an.Article.Media)
		}
		if strings.Contains(string(data), "题图来自") {
			credits++
			if slices.Contains(symbols(an), "000681.SZ") && !strings.Contains(an.Article.Text, "视觉中国") {
				t.Errorf("%s: linked 000681.SZ from a credit", f)
			}
			if strings.Contains(an.Article.Text, "题图来自") {
				t.Errorf("%s: credit left in the text", f)
			}
		}
		for _, a := range an.Article.Anchors {
			if a.Tag != "tr" {
				continue
			}
			rows++
			if !strings.Contains(an.Article.Text, a.Code+"\t") {
				t.Errorf("%s: row code %s not a cell of its own", f, a.Code)
			}
			if !slices.ContainsFunc(an.Tickers, func(l ticker.Link) bool { return l.Symbol.Code() == a.Code }) {
				t.Errorf("%s: table row %s %s not linked", f, a.Code, a.Text)
			}
		}
	}
	if credits == 0 || rows == 0 {
		t.Errorf("%d articles with credits, %d table rows: the corpus lacks the cases", credits, rows)
	}
	t.Logf("%d articles with a 题图 credit, %d table rows linked", credits, rows)
}

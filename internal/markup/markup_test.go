package markup

import (
	"strings"
	"testing"
)

var foldTests = []struct {
	name, in, want string
}{
	{"empty", "", ""},
	{"clean", "已经干净的文本", "已经干净的文本"},
	{"trim", "  两端空白 \n", "两端空白"},
	{"full-width indent", "\u3000\u3000段首缩进", "段首缩进"},
	{"line break between Chinese", "第一行\n  第二行", "第一行第二行"},
	{"line break between Latin words", "Chuck\n  McBride", "Chuck McBride"},
	{"line break inside brackets", "公司(\n  ABC.O\n  )上涨", "公司(ABC.O)上涨"},
	{"space run kept once", "标题A   标题B", "标题A 标题B"},
	{"tab", "a\tb", "a b"},
	{"no-break space next to Chinese", "达到\u00a0200GWh", "达到200GWh"},
	{"no-break space between Latin", "Sturm\u00a0Ruger", "Sturm Ruger"},
	{"zero-width", "零\u200b宽\ufeff字符", "零宽字符"},
	{"control characters", "控制\x00字符\x7f", "控制字符"},
	{"single space between Chinese kept", "暂缓上市 17家券商", "暂缓上市 17家券商"},
}

func TestFold(t *testing.T) {
	for _, tt := range foldTests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("%s: Fold(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestFoldNoAlloc(t *testing.T) {
	s := strings.Repeat("已经折叠好的中文文本，不应复制。", 20)
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold of folded text allocates %v times", n)
	}
}

var mediaLineTests = []struct {
	in, want string
	ok       bool
}{
	{"（文章来源：中国证券报）", "中国证券报", true},
	{"(文章来源：财联社)", "财联社", true},
	{"(来源：东方财富研究中心)", "东方财富研究中心", true},
	{"（来源: 示例网）", "示例网", true},
	{"文章来源：示例研究社，转载请注明版权。", "示例研究社", true},
	{"数据来源：国家统计局", "", false},
	{"图片来源：示例官网", "", false},
	{"（文章来源：中国证券报", "", false},
	{"来源不明的消息称公司将扩产", "", false},
}

func TestMediaLine(t *testing.T) {
	for _, tt := range mediaLineTests {
		got, ok := MediaLine(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("MediaLine(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

var trailingTests = []struct {
	in, want string
	ok       bool
}{
	{"公司发布公告称将回购股份。（上海证券报）", "上海证券报", true},
	{"某公司在互动平台回复投资者。(每日经济新闻)", "每日经济新闻", true},
	{"金沙中国(1928.HK)评级买入(目标价27港元)", "", false},
	{"公司营收增长（同比）", "", false},
	{"没有括号的句子。", "", false},
}

func TestTrailingMedia(t *testing.T) {
	for _, tt := range trailingTests {
		got, ok := TrailingMedia(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("TrailingMedia(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMarkdown(t *testing.T) {
	body := "### 标题一\n------\n\n第一段[链接文字](http://example.org)。![图](x.png)\n\n> 引用一段\n\n<http://example.org/news/1.html>\n\n[返回示例新闻](../x/)｜[返回首页](../)\n<br/>原文链接：https://example.org/a?b=1\n\n镜像页脚\n"
	out, info := Markdown(body, true)
	if info.Title != "标题一" || info.URL != "http://example.org/news/1.html" && info.URL != "https://example.org/a?b=1" {
		t.Errorf("info = %+v", info)
	}
	if info.URL != "https://example.org/a?b=1" {
		t.Errorf("URL = %q, want the 原文链接 address", info.URL)
	}
	res := Parse(out, Options{Markdown: true})
	var got []string
	for _, b := range res.Blocks {
		got = append(got, string("bhq"[b.Kind])+":"+b.Text)
	}
	want := "b:第一段链接文字。|q:引用一段"
	if strings.Join(got, "|") != want {
		t.Errorf("blocks %q, want %q", strings.Join(got, "|"), want)
	}
}

var parseTests = []struct {
	name, in string
	opts     Options
	want     string // blocks as kind:text joined by |
	anchors  int
	embeds   int
}{
	{"paragraphs", "<p>一</p><p>二</p>", Options{}, "b:一|b:二", 0, 0},
	{"div text", "<div>文字<div>内层</div>尾</div>", Options{}, "b:文字|b:内层|b:尾", 0, 0},
	{"br splits", "<p>上<br>下</p>", Options{}, "b:上|b:下", 0, 0},
	{"bold paragraph is a heading", "<p><strong>小标题</strong></p><p><b>半</b>粗</p>", Options{}, "h:小标题|b:半粗", 0, 0},
	{"headings and quotes", "<h2>二级</h2><blockquote><p>引文</p></blockquote>", Options{}, "h:二级|q:引文", 0, 0},
	{"script style comment", "<script>x=1</script><style>p{}</style><!-- <p>旧</p> --><p>正文</p>", Options{}, "b:正文", 0, 0},
	{"furniture", `<div class="share-box">分享到</div><div class="clearfix appendQr_wrap">扫码</div><p class="shareholders">股东名单</p>`, Options{}, "b:股东名单", 0, 0},
	{"hidden", `<p style="display: none">隐藏</p><p>可见</p>`, Options{}, "b:可见", 0, 0},
	{"entities", "<p>A&amp;B&lt;C&gt;&quot;D&quot;&#x4e2d;</p>", Options{}, `b:A&B<C>"D"中`, 0, 0},
	{"anchor text stays", `<p>淘<a href="https://x/1">宝商</a>家</p>`, Options{}, "b:淘宝商家", 1, 0},
	{"embed", `<!-- EM_StockImg_Start --><p><a href="u" data-code="00700|116|5" class="EmImageRemark"><img src="p?nid=116.00700"></a></p><!-- EM_StockImg_End --><p>正文<span id="stock_1.600519"><a class="keytip" data-code="1,600519" href="q">茅台</a></span></p>`, Options{}, "b:正文茅台", 4, 2},
	{"h1 as chrome", "<h1>页面标题</h1><p>正文</p>", Options{H1IsChrome: true}, "b:正文", 0, 0},
	{"unclosed", "<p>没有闭合<div><span>的标签", Options{}, "b:没有闭合|b:的标签", 0, 0},
	{"stray end tags", "</p></div><p>正文</p></span>", Options{}, "b:正文", 0, 0},
	{"source line dropped, its link kept", "<p>正文</p><p>（文章来源：上海<a href=x>证券</a>报）</p>", Options{}, "b:正文", 1, 0},
	{"markdown blank lines", "一段\n续行\n\n二段", Options{Markdown: true}, "b:一段续行|b:二段", 0, 0},
	{"spaces between paragraphs", "<p>一</p>            <p>二</p>\n         \n<p>三</p>", Options{Markdown: true}, "b:一|b:二|b:三", 0, 0},
	{"markdown bold", "<p>**加粗标题**</p><p>正文</p>", Options{Markdown: true}, "h:加粗标题|b:正文", 0, 0},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			res := Parse(tt.in, tt.opts)
			var got []string
			for _, b := range res.Blocks {
				got = append(got, string("bhq"[b.Kind])+":"+b.Text)
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("blocks %q, want %q", g, tt.want)
			}
			embeds := 0
			for _, a := range res.Anchors {
				if a.Embed {
					embeds++
				}
			}
			if len(res.Anchors) != tt.anchors || embeds != tt.embeds {
				t.Errorf("%d anchors (%d embeds), want %d (%d): %+v", len(res.Anchors), embeds, tt.anchors, tt.embeds, res.Anchors)
			}
		})
	}
}

func TestParseAnchorFields(t *testing.T) {
	res := Parse(`<p><a class="trsHotWords" href="http://info.example.org/?stockcode=SS601816" code="601816"> 京沪高铁 </a>和<span id="symbol_FB.O_0"><a href="/q?symbol=FB.O">FB.O</a></span></p>`, Options{})
	if len(res.Anchors) != 3 {
		t.Fatalf("%d anchors: %+v", len(res.Anchors), res.Anchors)
	}
	a := res.Anchors[0]
	if a.Tag != "a" || a.Class != "trsHotWords" || a.Code != "601816" || a.Text != "京沪高铁" || a.Href == "" {
		t.Errorf("trsHotWords anchor %+v", a)
	}
	if s := res.Anchors[1]; s.Tag != "span" || s.ID != "symbol_FB.O_0" || s.Text != "FB.O" {
		t.Errorf("symbol span %+v", s)
	}
}

func TestParseDeepNesting(t *testing.T) {
	in := strings.Repeat("<div><b><a href=x>字", 50000) + strings.Repeat("</a></b></div>", 50000)
	res := Parse(in, Options{})
	n := 0
	for _, b := range res.Blocks {
		n += strings.Count(b.Text, "字")
	}
	if n != 50000 {
		t.Errorf("%d characters kept, want 50000", n)
	}
	for i, a := range res.Anchors {
		if len(a.Text) > maxAnchorText+3 {
			t.Fatalf("anchor %d holds %d bytes", i, len(a.Text))
		}
	}
}

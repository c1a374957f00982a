package markup

import (
	"strings"
	"testing"
)

// creditTests hold each credit rule's cases: a paragraph and the rule that
// must claim it ("" when the paragraph is article text).
var creditTests = []struct {
	rule, p string
}{
	{"credit prefix", "题图来自：示例图库"},
	{"credit prefix", "图片来源：某公司官网"},
	{"credit prefix", "封面图片来源：示例图库-123456"},
	{"credit prefix", "图/示例通讯社"},
	{"credit prefix", "摄影：张三"},
	{"credit prefix", "图：某公司近一年股价走势"},
	{"bracketed caption", "（图为公司总部，门口挂着广告，拍摄：王五）"},
	{"bracketed caption", "(图片为展会现场)"},
	{"numbered figure", "图1 展会现场。 本报记者 张三摄"},
	{"numbered figure", "图12：产能走势"},
	{"picture source", "来源：APP截图"},
	{"picture source", "（来源：视觉中国）"},
	{"photographer", "本报记者 张三摄"},
	{"photographer", "（李四 摄）"},
	{"screenshot", "某公司公告截图"},
	{"compiled from", "来源：本报综合自示例日报、示例网、上市公司公告等"},
	{"compiled from", "每日经济新闻综合公开信息"},
	// Article text.
	{"", "图书出版业务营收增长12%。"},
	{"", "图为公司在年报中披露的数据，营收增长12%，净利润下降3%，毛利率提升1.2个百分点，研发投入继续增加，公司表示将继续加大投入，并计划在明年推出新品。"},
	{"", "该公司使用无人机拍摄"},
	{"", "（文章来源：上海证券报）"},
	{"", "数据来源：Wind"},
	{"", "图12"},
}

func TestIsCredit(t *testing.T) {
	for _, tt := range creditTests {
		got, _ := IsCredit(tt.p)
		if got != tt.rule {
			t.Errorf("IsCredit(%q) = rule %q, want %q", tt.p, got, tt.rule)
		}
	}
}

var cutCreditTests = []struct{ in, want string }{
	{"本文来自微信公众号：示例观察，作者：张三，题图来自：视觉中国", "本文来自微信公众号：示例观察，作者：张三"},
	{"本文来自微信公众号：示例观察，题图来自视觉中国", "本文来自微信公众号：示例观察"},
	{"题图来自之后还有话，所以这不是结尾。", "题图来自之后还有话，所以这不是结尾。"},
	{"公司营收增长12%。", "公司营收增长12%。"},
}

func TestCutCredit(t *testing.T) {
	for _, tt := range cutCreditTests {
		if got := CutCredit(tt.in); got != tt.want {
			t.Errorf("CutCredit(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMediaLineNotPicture(t *testing.T) {
	for _, p := range []string{"来源：APP截图", "（来源：视觉中国）", "(来源：示例图片社)"} {
		if m, ok := MediaLine(p); ok {
			t.Errorf("MediaLine(%q) = %q, a picture credit is not an outlet", p, m)
		}
	}
	if m, ok := MediaLine("（来源：证券日报）"); !ok || m != "证券日报" {
		t.Errorf("MediaLine lost an outlet: %q %v", m, ok)
	}
}

// tableTests: a table's rows as paragraphs (cells joined by a tab) and the
// row anchors (code/name).
var tableTests = []struct {
	name, in string
	want     string // blocks as kind:text joined by |
	anchors  string // code/name joined by |
}{
	{"code and name columns",
		"<table><tr><th>代码</th><th>简称</th><th>涨幅（%）</th></tr><tr><td>600309</td><td>万华化学</td><td>1.2</td></tr></table>",
		"h:代码\t简称\t涨幅（%）|b:600309\t万华化学\t1.2", "600309/万华化学"},
	{"header in td cells",
		"<table><tr><td>证券代码</td><td>证券简称</td></tr><tr><td> 000001 </td><td>平 安 银 行</td></tr></table>",
		"h:证券代码\t证券简称|b:000001\t平安银行", "000001/平安银行"},
	{"no code header, no anchor",
		"<table><tr><td>600309</td><td>万华化学</td></tr></table>",
		"b:600309\t万华化学", ""},
	{"unclosed cells and rows",
		"<table><tr><th>代码<th>名称<tr><td>00700<td>腾讯控股</table><p>后文</p>",
		"h:代码\t名称|b:00700\t腾讯控股|b:后文", "00700/腾讯控股"},
	{"a total row has no code",
		"<table><tr><th>代码</th><th>简称</th></tr><tr><td>合计</td><td></td></tr></table>",
		"h:代码\t简称|b:合计", ""},
	{"paragraphs in a cell stay in the cell",
		"<table><tr><td><p>上</p><p>下</p></td><td>右</td></tr></table>",
		"b:上下\t右", ""},
	{"caption in a table is dropped",
		`<p>正文</p><table><tr><td><p class="text-img-note">图注</p></td></tr></table>`,
		"b:正文", ""},
}

func TestParseTables(t *testing.T) {
	for _, tt := range tableTests {
		t.Run(tt.name, func(t *testing.T) {
			res := Parse(tt.in, Options{})
			var got []string
			for _, b := range res.Blocks {
				got = append(got, string("bhq"[b.Kind])+":"+b.Text)
			}
			if g := joinBar(got); g != tt.want {
				t.Errorf("blocks %q, want %q", g, tt.want)
			}
			var an []string
			for _, a := range res.Anchors {
				if a.Tag == "tr" && a.Class == TableRowClass {
					an = append(an, a.Code+"/"+a.Text)
				}
			}
			if g := joinBar(an); g != tt.anchors {
				t.Errorf("anchors %q, want %q", g, tt.anchors)
			}
		})
	}
}

func joinBar(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "|"
		}
		out += x
	}
	return out
}

var captionTests = []struct{ name, in, want string }{
	{"text-img-note", `<p>正文</p><p label="图片备注" class="text-img-note">示例通讯社（来源：prnewswire）</p>`, "b:正文"},
	{"img-desc", `<p class="img-desc"><strong>图：走势</strong></p><p>正文</p>`, "b:正文"},
	{"figcaption", `<figure><img src=x><figcaption>示例公司展台</figcaption></figure><p>正文</p>`, "b:正文"},
	{"heading caption", `<h3 id="-1-">图1 示例展台。 本报记者 张三摄</h3><p>正文</p>`, "b:正文"},
	{"inline note stays in its sentence", `<p>板块<span class="text-remarks" label="备注">（申万分类）</span>年内跌幅超过37%</p>`, "b:板块（申万分类）年内跌幅超过37%"},
	{"references", `<p>正文</p><p>参考资料</p><p>示例新闻 | 一篇报道的标题</p><p>示例网 | 另一篇</p><p>本文来自微信公众号：示例</p>`, "b:正文|b:本文来自微信公众号：示例"},
	{"references end at a long paragraph", `<p>参考资料：</p><p>示例新闻 | 标题</p><p>` + strings.Repeat("很长的正文段落，", 12) + `</p>`, "b:" + strings.Repeat("很长的正文段落，", 12)},
	{"credit clause cut", `<p><span class="text-remarks">本文来自微信公众号：示例，题图来自：视觉中国</span></p>`, "b:本文来自微信公众号：示例"},
}

func TestParseCaptions(t *testing.T) {
	for _, tt := range captionTests {
		res := Parse(tt.in, Options{})
		var got []string
		for _, b := range res.Blocks {
			got = append(got, string("bhq"[b.Kind])+":"+b.Text)
		}
		if g := joinBar(got); g != tt.want {
			t.Errorf("%s: blocks %q, want %q", tt.name, g, tt.want)
		}
		if res.Media != "" {
			t.Errorf("%s: media %q from a caption", tt.name, res.Media)
		}
	}
}

package entities

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stocknews/stocknews/ticker"
)

// claimTests are synthetic sentences; 「」 marks the span expected as the
// claim's Text, one marker pair per expected claim.
var claimTests = []struct {
	name    string
	in      string
	want    []wantClaim
	subject string // a substring the first claim's Subject must contain
}{
	// Comparators.
	{"plain", "「公司营收3.2万亿元」", []wantClaim{{"3200000000000", "CNY", "=", "level"}}, "营收"},
	{"da", "「用户数达到500万人」", []wantClaim{{"5000000", "count", "=", "level"}}, "用户数"},
	{"tupo", "「日活突破4.5亿」", []wantClaim{{"450000000", "count", ">", "level"}}, "日活"},
	{"chaoguo", "「超过97%的交易」", []wantClaim{{"97", "percent", ">", "level"}}, ""},
	{"yu", "「员工逾19万人」", []wantClaim{{"190000", "count", ">", "level"}}, "员工"},
	{"duo", "「1800多家银行」", []wantClaim{{"1800", "count", ">", "level"}}, ""},
	{"yishang", "「占比50%以上」", []wantClaim{{"50", "percent", ">", "level"}}, "占比"},
	{"buxiaoyu", "「募资不少于10亿元」", []wantClaim{{"1000000000", "CNY", ">=", "level"}}, "募资"},
	{"zhishao", "「至少3家」", []wantClaim{{"3", "count", ">=", "level"}}, ""},
	{"budao", "「自给率不足10%」", []wantClaim{{"10", "percent", "<", "level"}}, "自给率"},
	{"less sign", "「精度<1%」", []wantClaim{{"1", "percent", "<", "level"}}, "精度"},
	{"buchaoguo", "「减持不超过6.55%」", []wantClaim{{"6.55", "percent", "<=", "level"}}, "减持"},
	{"yinei", "「误差5%以内」", []wantClaim{{"5", "percent", "<=", "level"}}, "误差"},
	{"yue", "「净利润约为42.69亿元」", []wantClaim{{"4269000000", "CNY", "~", "level"}}, "净利润"},
	{"jin", "「资金近60亿元」", []wantClaim{{"6000000000", "CNY", "~", "level"}}, "资金"},
	{"zuoyou", "「占有率55%左右」", []wantClaim{{"55", "percent", "~", "level"}}, "占有率"},
	{"duoda", "「观众多达12.4万人次」", []wantClaim{{"124000", "count", "=", "level"}}, "观众"},
	{"zhiduo", "「收入增长了2.6倍之多」", []wantClaim{{"2.6", "times", "=", "change"}}, "收入"},
	{"range", "「费率为3%-5%」", []wantClaim{{"3", "percent", ">=", "level"}}, "费率"},

	// Kinds and signs.
	{"growth", "「日均使用次数同比增长32%」", []wantClaim{{"32", "percent", "=", "change"}}, "使用次数"},
	{"growth over", "「交易额同比增长超100%」", []wantClaim{{"100", "percent", ">", "change"}}, "交易额"},
	{"decline", "「净利润同比下降12.5%」", []wantClaim{{"-12.5", "percent", "=", "change"}}, "净利润"},
	{"decline over", "「股价续跌超16%」", []wantClaim{{"-16", "percent", ">", "change"}}, ""},
	{"single verb", "「沪指微涨0.04%」", []wantClaim{{"0.04", "percent", "=", "change"}}, "沪指"},
	{"two claims", "「股价上涨2.35%」，「报收于1850元」", []wantClaim{{"2.35", "percent", "=", "change"}, {"1850", "CNY", "=", "level"}}, "股价"},
	{"basis points", "「利率上涨2.1个基点」", []wantClaim{{"0.021", "percent", "=", "change"}}, "利率"},
	{"flow", "「某药业被净卖出3.27亿元」", []wantClaim{{"327000000", "CNY", "=", "level"}}, "净卖出"},
	{"target", "「营收增长至286亿美元」", []wantClaim{{"28600000000", "USD", "=", "level"}}, "营收"},
	{"target percent", "「增速放缓至3.2%」", []wantClaim{{"3.2", "percent", "=", "change"}}, ""},
	{"bare times", "「全场倍数为3.7」", []wantClaim{{"3.7", "times", "=", "level"}}, "倍数"},
	{"bare yi is money", "「成交额8642亿」", []wantClaim{{"864200000000", "CNY", "=", "level"}}, "成交额"},
	{"bare wan is count", "「拥有7570万」MAU", []wantClaim{{"75700000", "count", "=", "level"}}, ""},
	{"price per unit", "「茅台售价1499元/瓶」", []wantClaim{{"1499", "CNY", "=", "level"}}, "售价"},
	{"index", "「指数报3500.25点」", []wantClaim{{"3500.25", "pt", "=", "level"}}, "指数"},
	{"fraction", "「近三分之一」", []wantClaim{{"33.33", "percent", "~", "level"}}, ""},
	{"list", "「产销分别完成24.8」/「25.6万辆」", []wantClaim{{"248000", "count", "=", "level"}, {"256000", "count", "=", "level"}}, "产销"},
	{"restated", "「营收100亿元」（100亿元）", []wantClaim{{"10000000000", "CNY", "=", "level"}}, "营收"},

	// Exclusions: nothing in these is a claim.
	{"date", "2021年1月6日发布", nil, ""},
	{"time", "20:44发布公告", nil, ""},
	{"duration", "过去两年和十年，3个月内", nil, ""},
	{"age", "迎来五周年", nil, ""},
	{"ordinal", "排名第三，位列第1", nil, ""},
	{"rank", "在榜单中排名200名", nil, ""},
	{"code", "贵州茅台(600519)和腾讯控股(00700.HK)", nil, ""},
	{"phone", "电话010-12345678", nil, ""},
	{"url", "见https://example.com/a/5亿", nil, ""},
	{"20cm", "20cm涨停", nil, ""},
	{"chart", "K图 00700_0", nil, ""},
	{"rate denominator", "每1个小时有「115万名员工」", []wantClaim{{"1150000", "count", "=", "level"}}, ""},
	{"article yi", "一家公司和一个项目", nil, ""},
	{"hour", "截至15点，晚上8点", nil, ""},
	{"name with hyphen", "签订GS-00202片合同，HFC-134a和COVID-19", nil, ""},
	{"clause ends list", "「营收超200亿」，「5家」", []wantClaim{{"20000000000", "CNY", ">", "level"}, {"5", "count", "=", "level"}}, "营收"},
	{"one times", "「收入增长了一倍」", []wantClaim{{"1", "times", "=", "change"}}, "收入"},
	{"leading scale", "「产能将增达逾万片」", []wantClaim{{"10000", "count", ">", "level"}}, "产能"},
	{"leading scale yi", "「市值超千亿」", []wantClaim{{"100000000000", "CNY", ">", "level"}}, "市值"},
	{"index small move", "「道指下跌22点」", []wantClaim{{"-22", "pt", "=", "change"}}, "道指"},
	{"names", "十大股东和四大行", nil, ""},
	{"no number", "股价涨停，营收大幅增长", nil, ""},
	{"order of magnitude", "千万级流量和亿级用户", nil, ""},
	{"countless", "服务着千千万万的商家", nil, ""},
	{"rank range", "排在十一到十五名", nil, ""},
	{"several", "数十亿和几千万", nil, ""},
	{"version and date", "2.0.1版于2021.12.08发布", nil, ""},

	// Subjects and kinds from around the number.
	{"subject after", "「10家深企跻身」", []wantClaim{{"10", "count", "=", "level"}}, "深企"},
	{"tian jia", "「12亿天价罚单」", []wantClaim{{"1200000000", "CNY", "=", "level"}}, "罚单"},
	{"loss after", "「距高点200亿」市值蒸发", []wantClaim{{"-20000000000", "CNY", "=", "change"}}, ""},
	{"growth after", "「可保持44%」的增长速度", []wantClaim{{"44", "percent", "=", "change"}}, ""},
	{"comparison base", "「营收52.34亿元」，「较上年同期增长20.55%」", []wantClaim{{"5234000000", "CNY", "=", "level"}, {"20.55", "percent", "=", "change"}}, "营收"},
	{"list of changes", "「环比分别下降7.4%」和「3.5%」", []wantClaim{{"-7.4", "percent", "=", "change"}, {"-3.5", "percent", "=", "change"}}, ""},
	{"counted noun", "「同比下跌的城市有6个」", []wantClaim{{"6", "count", "=", "level"}}, ""},

	// Words that hold a numeral but no number.
	{"weiyi yijia", "这是唯一一家获批的机构", nil, ""},
	{"yi words", "两表一一对应，统一部署，万一失败，位列前列之一", nil, ""},
	{"weiyi then count", "唯一的外资行，「另有两家」机构", []wantClaim{{"2", "count", "=", "level"}}, ""},
	{"yicheng bubian", "政策一成不变", nil, ""},
	{"yicheng", "「占比一成以上」", []wantClaim{{"10", "percent", ">", "level"}}, "占比"},
	{"weekday", "「周五欧元报1.17美元」", []wantClaim{{"1.17", "USD", "=", "level"}}, "欧元"},
	{"weekday xingqi", "「星期三收涨1.2%」", []wantClaim{{"1.2", "percent", "=", "change"}}, ""},
	{"weeks duration", "过去三周", nil, ""},

	// Changes in an increment: 多增, 少增, 比同期多.
	{"shaozeng", "「贷款同比少增1605亿元」", []wantClaim{{"-160500000000", "CNY", "=", "change"}}, "贷款"},
	{"duozeng", "「债券融资同比多增523亿元」", []wantClaim{{"52300000000", "CNY", "=", "change"}}, "债券融资"},
	{"tongqi duo", "「社融增量为2.6万亿元」，「比上年同期多4786亿元」", []wantClaim{{"2600000000000", "CNY", "=", "level"}, {"478600000000", "CNY", "=", "change"}}, "社融"},
	{"tongqi shao", "「存款比上年同期少300亿元」", []wantClaim{{"-30000000000", "CNY", "=", "change"}}, "存款"},

	// A change verb and 达 give a level reached, but a rate stays a change.
	{"rate after da", "「股价涨幅达40倍」", []wantClaim{{"40", "times", "=", "change"}}, "股价"},
	{"range after da", "「售价上涨达30-40倍」", []wantClaim{{"30", "times", ">=", "change"}}, "售价"},
	{"percent after da", "「营收增长达50%」", []wantClaim{{"50", "percent", "=", "change"}}, "营收"},

	// The parts of an argument are not counted.
	{"aspects", "主要体现在三个方面和两个层面，分四个维度", nil, ""},
	{"things still counted", "「用于四个」项目", []wantClaim{{"4", "count", "=", "level"}}, ""},

	// 元 and 大 starting a word.
	{"yuan word", "两者不是二元对立，走向一元化，三元素", nil, ""},
	{"yuan still money", "「售价一元」", []wantClaim{{"1", "CNY", "=", "level"}}, "售价"},

	// A list takes the scale of its last member, passed along.
	{"list scale chain", "「资金分别约7100」、「3150」和「2500亿元」", []wantClaim{{"710000000000", "CNY", "~", "level"}, {"315000000000", "CNY", "~", "level"}, {"250000000000", "CNY", "~", "level"}}, "资金"},

	// A bare 亿 before 的 and a noun: the clause before decides.
	{"money before de", "「营收规模突破100亿」的企业", []wantClaim{{"10000000000", "CNY", ">", "level"}}, "营收"},
	{"count after de", "「超过一亿的用户」", []wantClaim{{"100000000", "count", ">", "level"}}, ""},
	{"za is spending", "「电池巨头再砸86亿」扩产", []wantClaim{{"8600000000", "CNY", "=", "level"}}, ""},

	// A change and the level reached are two claims, not a range.
	{"points then level", "「比重提升1.1个百分点」至「48.2%」", []wantClaim{{"1.1", "percent", "=", "change"}, {"48.2", "percent", "=", "level"}}, "比重"},
	{"bp then level", "「收益率上涨31个基点」至「1.10%」", []wantClaim{{"0.31", "percent", "=", "change"}, {"1.10", "percent", "=", "level"}}, "收益率"},
	{"range same words", "「产量3万吨至5万吨」", []wantClaim{{"30000", "t", ">=", "level"}}, "产量"},

	// Model and version names.
	{"version name", "当Windows 10笔记本休眠时，iPhone 13台式机", nil, ""},
	{"latin then chinese count", "「搭载 32 GB」内存，「发布了 3 款」", []wantClaim{{"32", "GB", "=", "level"}, {"3", "count", "=", "level"}}, ""},
	{"dimension list", "「芯片尺寸是20x」「 17毫米」", []wantClaim{{"20", "mm", "=", "level"}, {"17", "mm", "=", "level"}}, "尺寸"},

	// Two neighbouring digits are a rough range.
	{"liangsan wan", "「车价比去年贵两三万元」", []wantClaim{{"20000", "CNY", ">=", "level"}}, ""},

	// 约 in a verb is not "about".
	{"jieyue", "「每年节约150亿元」", []wantClaim{{"15000000000", "CNY", "=", "level"}}, ""},
	{"qianyue", "「签约金额30亿元」", []wantClaim{{"3000000000", "CNY", "=", "level"}}, "金额"},
	{"yue still about", "「成本约150亿元」", []wantClaim{{"15000000000", "CNY", "~", "level"}}, "成本"},

	// A comparator before the total the number is a share of.
	{"gapped buchaoguo", "「拟减持不超过公司总股本的2%」", []wantClaim{{"2", "percent", "<=", "level"}}, ""},
	{"gapped yuezhan", "「持股约占公司股份总数4.8%」", []wantClaim{{"4.8", "percent", "~", "level"}}, ""},
	{"gapped shares", "「拟减持不超公司股份205.55万股」", []wantClaim{{"2055500", "count", "<=", "level"}}, ""},
	{"po", "「市盈率破25倍」", []wantClaim{{"25", "times", ">", "level"}}, ""},
	{"diepo", "「股价跌破10元」", []wantClaim{{"10", "CNY", "<", "level"}}, ""},
	{"gap without a total", "「增速低于上一季度的12.5%」", []wantClaim{{"12.5", "percent", "=", "change"}}, ""},

	// Exchange rates quoted after a currency pair.
	{"fx yuan", "「离岸人民币兑美元收报6.4123」", []wantClaim{{"6.4123", "CNY", "=", "level"}}, ""},
	{"fx euro", "「欧元兑美元报1.0875」", []wantClaim{{"1.0875", "USD", "=", "level"}}, ""},
	{"no pair, no claim", "收盘价为3456.12", nil, ""},

	// A bare level of an index named before it is in points; a number in
	// an index's name is not a level.
	{"index level", "「示例指数收于3456.12」。", []wantClaim{{"3456.12", "pt", "=", "level"}}, "示例指数"},
	{"pmi level", "「制造业PMI初值为55.6」，", []wantClaim{{"55.6", "pt", "=", "level"}}, "PMI"},
	{"index name", "纳斯达克指数和标普500指数", nil, ""},
	{"index name in a list", "上证指数走强，沪深300、上证50均涨", nil, ""},
	{"index level later in the sentence", "「示例信心指数终值为100.1」，「预估为100.8」。", []wantClaim{{"100.1", "pt", "=", "level"}, {"100.8", "pt", "=", "level"}}, ""},
	{"plus", "「累计了10万+」用户", []wantClaim{{"100000", "count", ">", "level"}}, ""},

	// Votes and flights are counted; 票房 is not a vote; 起降 is no fall.
	{"votes", "「222票赞成」", []wantClaim{{"222", "count", "=", "level"}}, ""},
	{"qijiang", "「飞机起降9142架次」", []wantClaim{{"9142", "count", "=", "level"}}, ""},
	{"peak watts", "「装机9MWp」", []wantClaim{{"9", "MWp", "=", "level"}}, ""},
	{"restated change", "「示例指数下跌120点」，「或0.5%」", []wantClaim{{"-120", "pt", "=", "change"}, {"-0.5", "percent", "=", "change"}}, ""},

	// News-wire 下 before a percentage is a fall; 以下 is not.
	{"xia fall", "「示例芯片下3.1%」", []wantClaim{{"-3.1", "percent", "=", "change"}}, ""},
	{"yixia", "「持股5%以下」", []wantClaim{{"5", "percent", "<=", "level"}}, ""},

	// Head of livestock, batches, milligrams, megapascals.
	{"tou", "「全年出栏生猪2.1亿头」", []wantClaim{{"210000000", "count", "=", "level"}}, ""},
	{"toubu", "十头部券商", nil, ""},
	{"toubu money", "「1000亿头部券商」", []wantClaim{{"100000000000", "CNY", "=", "level"}}, ""},
	{"pici", "「抽检4批次」", []wantClaim{{"4", "count", "=", "level"}}, ""},
	{"milligram", "「每粒含80毫克」", []wantClaim{{"80", "mg", "=", "level"}}, ""},
	{"megapascal", "「储氢压力70MPa」", []wantClaim{{"70", "MPa", "=", "level"}}, ""},

	// 及以上 includes the bound; a list carries its kind only to like items.
	{"ji yishang", "「覆盖28nm及以上」制程", []wantClaim{{"28", "nm", ">=", "level"}}, ""},
	{"gao le", "「比去年高了近64%」", []wantClaim{{"64", "percent", "~", "change"}}, ""},
	{"di le", "「比预期低了逾1美元」", []wantClaim{{"-1", "USD", ">", "change"}}, ""},
	// Brands, strengths and names with numerals; points of volatility.
	{"brand with degrees", "「361度营收增长12%」", []wantClaim{{"12", "percent", "=", "change"}}, "361度营收"},
	{"liquor strength", "「这款53度白酒售价1499元」", []wantClaim{{"1499", "CNY", "=", "level"}}, "售价"},
	{"temperature", "「气温升至35度」", []wantClaim{{"35", "deg", "=", "level"}}, "气温"},
	{"angle", "「视场角达到120度以上」", []wantClaim{{"120", "deg", ">", "level"}}, "视场角"},
	{"volatility points", "「引伸波幅下降1.7个波幅点」", []wantClaim{{"-1.7", "percent", "=", "change"}}, "引伸波幅"},
	{"ministries", "四部委联合发文，「罚款200万元」", []wantClaim{{"2000000", "CNY", "=", "level"}}, "罚款"},
	{"departments", "国家发改委等四部门印发通知", nil, ""},
	{"list sign through a zero", "「集中度较上月分别下降了0.5」、「0.0」、「0.5」、「0.7个百分点」", []wantClaim{{"-0.5", "percent", "=", "change"}, {"0", "percent", "=", "change"}, {"-0.5", "percent", "=", "change"}, {"-0.7", "percent", "=", "change"}}, "集中度"},
	{"base last month", "「主板持股市值占87.1%」，「较上月微幅下降0.1%」", []wantClaim{{"87.1", "percent", "=", "level"}, {"-0.1", "percent", "=", "change"}}, ""},
	{"phase", "已进入三期临床试验，二期项目在建", nil, ""},
	{"change then level", "「茅台狂跌近400元/瓶」至「3550元/瓶」", []wantClaim{{"-400", "CNY", "~", "change"}, {"3550", "CNY", "=", "level"}}, "茅台"},
	{"a range of changes", "「净利润预计增加1亿元至2亿元」", []wantClaim{{"100000000", "CNY", ">=", "change"}}, "净利润"},
	{"table cells stay apart", "600309\t示例化学\t「收盘价5.3元」", []wantClaim{{"5.3", "CNY", "=", "level"}}, "收盘价"},
	{"no list across units", "「示例股份大涨近7%」，「11万」股东", []wantClaim{{"7", "percent", "~", "change"}, {"110000", "count", "=", "level"}}, ""},
}

type wantClaim struct{ value, unit, cmp, kind string }

func TestClaims(t *testing.T) {
	for _, tt := range claimTests {
		t.Run(tt.name, func(t *testing.T) {
			text, spans := marked(t, tt.in)
			got := Claims(text, &ClaimOptions{Year: 2021})
			checkClaimSpans(t, text, got)
			if len(got) != len(tt.want) {
				t.Fatalf("Claims(%q) = %d claims %+v, want %d", text, len(got), got, len(tt.want))
			}
			for i, c := range got {
				w := tt.want[i]
				if !c.Value.Equal(decimal.RequireFromString(w.value)) || c.Unit != w.unit ||
					c.Comparator.String() != w.cmp || c.Kind.String() != w.kind {
					t.Errorf("claim %d %q: got %s %s %s %s, want %s %s %s %s", i, c.Text,
						c.Value, c.Unit, c.Comparator, c.Kind, w.value, w.unit, w.cmp, w.kind)
				}
				if c.Start != spans[i][0] || c.End != spans[i][1] {
					t.Errorf("claim %d: span %q, want %q", i, c.Text, text[spans[i][0]:spans[i][1]])
				}
			}
			if tt.subject != "" && len(got) > 0 && !contains(got[0].Subject, tt.subject) {
				t.Errorf("subject %q does not contain %q", got[0].Subject, tt.subject)
			}
		})
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestClaimsPeriod(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2021年，小程序日活突破4.5亿", "2021"},
		{"一季度营收5亿元", "2022Q1"},
		{"上半年营收5亿元", "2022H1"},
		{"2021年上半年营收5亿元", "2021H1"},
		{"11月销量3万辆", "2022-11"},
		{"前三季度营收5亿元", "2022Q1-Q3"},
		{"营收5亿元", ""},
	} {
		cs := Claims(tt.in, &ClaimOptions{Year: 2022})
		if len(cs) != 1 || cs[0].Period != tt.want {
			t.Errorf("Claims(%q) period = %+v, want %q", tt.in, cs, tt.want)
		}
	}
}

func TestClaimsNilOptions(t *testing.T) {
	if cs := Claims("营收5亿元", nil); len(cs) != 1 {
		t.Fatalf("got %v", cs)
	}
	if cs := Claims("", nil); cs != nil {
		t.Fatalf("got %v", cs)
	}
}

func TestClaimsSymbol(t *testing.T) {
	moutai := ticker.MustParse("600519.SH")
	tencent := ticker.MustParse("00700.HK")
	text := "贵州茅台股价上涨2%，腾讯控股营收增长10%。全市场成交额8000亿元。"
	i := strings.Index(text, "贵州茅台")
	j := strings.Index(text, "腾讯控股")
	ms := []ticker.Mention{
		{Symbol: tencent, Start: j, End: j + len("腾讯控股")},
		{Symbol: moutai, Start: i, End: i + len("贵州茅台")},
		{Symbol: moutai, Start: -1, End: -1}, // an embed with no text position
	}
	cs := Claims(text, &ClaimOptions{Mentions: ms})
	if len(cs) != 3 {
		t.Fatalf("got %d claims: %+v", len(cs), cs)
	}
	want := []ticker.Symbol{moutai, tencent, {}}
	for k, c := range cs {
		if c.Symbol != want[k] {
			t.Errorf("claim %q: symbol %q, want %q", c.Text, c.Symbol, want[k])
		}
	}
}

// A claim about "the company" binds to the single security an article is
// about: the only one mentioned, or the only one in the title holding most
// mentions.
func TestClaimsMainSecurity(t *testing.T) {
	a, b := ticker.MustParse("600519.SH"), ticker.MustParse("00700.HK")
	mention := func(text, name string, sym ticker.Symbol, nth int) ticker.Mention {
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(text[i+1:], name)
		}
		return ticker.Mention{Symbol: sym, Start: i, End: i + len(name)}
	}
	for _, tt := range []struct {
		name, text string
		ms         func(string) []ticker.Mention
		want       ticker.Symbol
	}{
		{"only security", "示例茅台发布年报\n全年来看，公司营收增长12%。", func(s string) []ticker.Mention {
			return []ticker.Mention{mention(s, "示例茅台", a, 0)}
		}, a},
		{"title and most mentions", "示例茅台发布年报\n示例茅台称，示例腾讯是客户。示例茅台表示。另外，公司营收增长12%。", func(s string) []ticker.Mention {
			return []ticker.Mention{mention(s, "示例茅台", a, 0), mention(s, "示例茅台", a, 1), mention(s, "示例腾讯", b, 0), mention(s, "示例茅台", a, 2)}
		}, a},
		{"two equal securities", "年报季\n示例茅台和示例腾讯发布年报。另外，公司营收增长12%。", func(s string) []ticker.Mention {
			return []ticker.Mention{mention(s, "示例茅台", a, 0), mention(s, "示例腾讯", b, 0)}
		}, ticker.Symbol{}},
		{"most mentions, no title mention", "年报季\n示例茅台称，示例茅台表示，示例茅台预计，示例腾讯是客户。另外，公司营收增长12%。", func(s string) []ticker.Mention {
			return []ticker.Mention{mention(s, "示例茅台", a, 0), mention(s, "示例茅台", a, 1), mention(s, "示例茅台", a, 2), mention(s, "示例腾讯", b, 0)}
		}, a},
		{"subject not the company", "示例茅台发布年报\n另外，全市场成交额增长12%。", func(s string) []ticker.Mention {
			return []ticker.Mention{mention(s, "示例茅台", a, 0)}
		}, ticker.Symbol{}},
	} {
		cs := Claims(tt.text, &ClaimOptions{Mentions: tt.ms(tt.text)})
		if len(cs) != 1 || cs[0].Symbol != tt.want {
			t.Errorf("%s: claims %+v, want one with symbol %q", tt.name, cs, tt.want)
		}
	}
}

// Every comparator word of spec/claims.md, before or after a number.
func TestClaimsComparatorWords(t *testing.T) {
	before := map[string]string{
		"达": "=", "达到": "=", "为": "=", "多达": "=", "高达": "=",
		"超": ">", "超过": ">", "逾": ">", "突破": ">", "高于": ">",
		"不少于": ">=", "至少": ">=", "不低于": ">=",
		"不到": "<", "不足": "<", "低于": "<", "少于": "<", "未达": "<", "<": "<",
		"不超过": "<=", "不超": "<=", "不高于": "<=", "至多": "<=", "最多": "<=",
		"约": "~", "近": "~", "接近": "~", "大约": "~",
	}
	for w, want := range before {
		in := "「用户" + w + "500万人」"
		text, spans := marked(t, in)
		cs := Claims(text, nil)
		if len(cs) != 1 || cs[0].Comparator.String() != want || cs[0].Start != spans[0][0] || cs[0].End != spans[0][1] {
			t.Errorf("Claims(%q) = %+v, want one claim spanning all with comparator %s", text, cs, want)
		}
	}
	after := map[string]string{
		"多": ">", "余": ">", "以上": ">", "以内": "<=", "以下": "<=", "左右": "~", "上下": "~", "之多": "=",
	}
	for w, want := range after {
		in := "「用户500万人" + w + "」"
		if w == "多" || w == "余" {
			in = "「用户500" + w + "万人」"
		}
		text, spans := marked(t, in)
		cs := Claims(text, nil)
		if len(cs) != 1 || cs[0].Comparator.String() != want || cs[0].Start != spans[0][0] || cs[0].End != spans[0][1] {
			t.Errorf("Claims(%q) = %+v, want one claim spanning all with comparator %s", text, cs, want)
		}
	}
}

// A subject that is only a conjunction or a time word gives way to its
// neighbour's.
func TestClaimsLoneSubject(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"示例指数下跌120点，或0.5%。", "示例指数"},
		{"示例公司营收增长12%，现报45.2亿元。", "示例公司营收"},
	} {
		cs := Claims(tt.in, nil)
		if len(cs) != 2 {
			t.Fatalf("%s: %d claims", tt.in, len(cs))
		}
		if !strings.Contains(cs[1].Subject, tt.want) {
			t.Errorf("%s: second subject %q, want it to hold %q", tt.in, cs[1].Subject, tt.want)
		}
	}
}

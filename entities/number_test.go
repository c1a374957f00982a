package entities

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

// numberTests mark each number expected in the input with 「」. want holds
// value and unit per marked span; upper is the range's upper bound or "".
var numberTests = []struct {
	name string
	in   string
	want []struct{ value, unit, upper string }
}{
	{"arabic", "共有「12家」门店", v("12", "count")},
	{"separators", "营收「1,234.5亿元」", v("123450000000", "CNY")},
	{"full width", "全年「１２３家」", v("123", "count")},
	{"full width separators", "门店「４，５６５家」", v("4565", "count")},
	{"chinese", "共计「一百二十三家」", v("123", "count")},
	{"chinese with 两", "用户「两千一百八十九万」", v("21890000", "")},
	{"zero", "收入「一千零二十元」", v("1020", "CNY")},
	{"colloquial", "约「三万五人次」", v("35000", "count")},
	{"capitals", "付款「壹佰贰拾叁元」", v("123", "CNY")},
	{"digit string", "编号「二〇二一」", v("2021", "")},
	{"mixed scale", "日活「4.5亿」", v("450000000", "")},
	{"wan yi", "销售额「3.5万亿元」", v("3500000000000", "CNY")},
	{"chinese decimal scale", "市值「四点五亿」", v("450000000", "")},
	{"duo", "「1800多家」机构", v("1800", "count")},
	{"yu before scale", "「560余万户」", v("5600000", "count")},
	{"ji", "「十几万人」", v("100000", "count")},
	{"bai yi", "近「百亿」", v("10000000000", "")},
	{"ge yi", "接近「5个亿」", v("500000000", "")},
	{"space before scale", "收入 「52.34 亿元」", v("5234000000", "CNY")},
	{"percent", "「97%」来自", v("97", "percent")},
	{"full width percent", "「97％」来自", v("97", "percent")},
	{"bai fen zhi", "「百分之九十七」", v("97", "percent")},
	{"permille", "费率「5‰」", v("0.5", "percent")},
	{"qian fen zhi", "「千分之三」", v("0.3", "percent")},
	{"cheng", "「九成」用户", v("90", "percent")},
	{"cheng wu", "「三成五」", v("35", "percent")},
	{"fraction", "「五分之一」", v("20", "percent")},
	{"fraction rounded", "「三分之一」", v("33.33", "percent")},
	{"basis points", "上涨「2.1个基点」", v("0.021", "percent")},
	{"percentage points", "提高「3个百分点」", v("3", "percent")},
	{"range", "增长「3%-5%」", r("3", "percent", "5")},
	{"range zhi", "增长「3%至5%」", r("3", "percent", "5")},
	{"range tilde", "增长「3%~5%」", r("3", "percent", "5")},
	{"range scale distributed", "「两到三万元」", r("20000", "CNY", "30000")},
	{"range times", "估值区间「40-70x」", r("40", "times", "70")},
	{"dimension", "尺寸为「20x」 「17毫米」", v("20", "mm", "17", "mm")},
	{"dimension spaced", "尺寸为「20 x」 「15 毫米」", v("20", "mm", "15", "mm")},
	{"image size", "分辨率1920x1080", nil},
	{"neighbour digits", "贵了「两三万元」", r("20000", "CNY", "30000")},
	{"neighbour digits count", "来了「三四家」机构", r("3", "count", "4")},
	{"neighbour digits tens", "「三四十家」", r("30", "count", "40")},
	{"neighbour digits tenths", "增长「七八成」", r("70", "percent", "80")},
	{"yuan", "「1850元」", v("1850", "CNY")},
	{"renminbi prefix", "「人民币5亿」", v("500000000", "CNY")},
	{"usd", "「1.8亿美元」", v("180000000", "USD")},
	{"hkd", "「57港元」和「3港币」", v("57", "HKD", "3", "HKD")},
	{"eur jpy gbp", "「5欧元」「6日元」「7英镑」「8韩元」「9新台币」", v("5", "EUR", "6", "JPY", "7", "GBP", "8", "KRW", "9", "TWD")},
	{"price per unit", "「1499元/瓶」", v("1499", "CNY")},
	{"times", "「2.6倍」", v("2.6", "times")},
	{"index points", "报「3500.25点」", v("3500.25", "pt")},
	{"tons", "「100万吨」煤炭", v("1000000", "t")},
	{"square meters", "「3516平方米」", v("3516", "m2")},
	{"kwh", "「5千瓦时」和「3GWh」", v("5", "kWh", "3", "GWh")},
	{"nm gb", "「7nm」工艺「8GB」内存", v("7", "nm", "8", "GB")},
	{"negative", "净利润为「-0.10亿元」", v("-10000000", "CNY")},
	{"fu", "增速为「负3%」", v("-3", "percent")},
	{"list scale", "分别完成「24.8」/「25.6万辆」", v("248000", "count", "256000", "count")},
	{"list unit", "营收分别为「6.8亿」和「6,100万美元」", v("680000000", "USD", "61000000", "USD")},
	{"list times", "分别增长「1.3」、「1.4倍」", v("1.3", "times", "1.4", "times")},
}

func v(pairs ...string) []struct{ value, unit, upper string } {
	var out []struct{ value, unit, upper string }
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, struct{ value, unit, upper string }{pairs[i], pairs[i+1], ""})
	}
	return out
}

func r(lo, unit, hi string) []struct{ value, unit, upper string } {
	return []struct{ value, unit, upper string }{{lo, unit, hi}}
}

func TestNumbers(t *testing.T) {
	for _, tt := range numberTests {
		t.Run(tt.name, func(t *testing.T) {
			text, spans := marked(t, tt.in)
			got := Numbers(text)
			if len(got) != len(spans) {
				t.Fatalf("Numbers(%q) found %d numbers %v, want %d", text, len(got), got, len(spans))
			}
			for i, n := range got {
				w := tt.want[i]
				if n.Start != spans[i][0] || n.End != spans[i][1] {
					t.Errorf("number %d: span [%d,%d) %q, want [%d,%d)", i, n.Start, n.End, n.Text, spans[i][0], spans[i][1])
				}
				if n.Text != text[n.Start:n.End] {
					t.Errorf("number %d: Text %q != text[Start:End]", i, n.Text)
				}
				if !n.Value.Equal(decimal.RequireFromString(w.value)) || n.Unit != w.unit {
					t.Errorf("number %d %q: got %s %q, want %s %q", i, n.Text, n.Value, n.Unit, w.value, w.unit)
				}
				if w.upper != "" && (!n.Upper.Valid || !n.Upper.Decimal.Equal(decimal.RequireFromString(w.upper))) {
					t.Errorf("number %d %q: upper %v, want %s", i, n.Text, n.Upper, w.upper)
				}
				if w.upper == "" && n.Upper.Valid {
					t.Errorf("number %d %q: unexpected upper %v", i, n.Text, n.Upper)
				}
			}
		})
	}
}

// Numbers that are not quantities: dates, times, durations, ordinals, codes.
func TestNumbersSkipped(t *testing.T) {
	for _, in := range []string{
		"2021年1月6日", "20:44发布", "过去两年", "十年", "3个月", "五周年", "第三", "晚上8点",
		"1-4月", "2021-2022年", "600519.SH", "5G网络", "K图 00700_0", "7天", "2.0.1版", "2021.12.08",
	} {
		for _, n := range Numbers(in) {
			if n.Unit != "" {
				t.Errorf("Numbers(%q) found %q = %s %s", in, n.Text, n.Value, n.Unit)
			}
		}
	}
}

func TestNumbersApprox(t *testing.T) {
	for in, want := range map[string]Comparator{"1800多家": Greater, "560余万": Greater, "十几万人": Greater, "1800家": Equal, "2倍多": Greater} {
		ns := Numbers(in)
		if len(ns) != 1 || ns[0].Approx != want {
			t.Errorf("Numbers(%q) = %v, want one number with Approx %v", in, ns, want)
		}
	}
}

var parseTests = []struct {
	in   string
	want string
	err  error
}{
	{"1,234.5", "1234.5", nil},
	{"１２３", "123", nil},
	{" 4.5亿 ", "450000000", nil},
	{"4.5亿元", "450000000", nil},
	{"3.5万亿", "3500000000000", nil},
	{"四点五亿", "450000000", nil},
	{"三点五万亿", "3500000000000", nil},
	{"两千一百八十九万", "21890000", nil},
	{"一亿二千万", "120000000", nil},
	{"十万亿", "10000000000000", nil},
	{"一百二", "120", nil},
	{"二百一十二点五", "212.5", nil},
	{"壹佰贰拾叁", "123", nil},
	{"零", "0", nil},
	{"97%", "97", nil},
	{"百分之九十七", "97", nil},
	{"百分之三点五", "3.5", nil},
	{"九成", "90", nil},
	{"三分之一", "33.33", nil},
	{"1800多", "1800", nil},
	{"-3", "-3", nil},
	{"+3", "3", nil},
	{"负五", "-5", nil},
	{"1.5e3", "1500", nil},
	{"1E-2", "0.01", nil},
	{"2.1个基点", "0.021", nil},
	{"20点", "20", nil},
	{"", "", ErrSyntax},
	{"abc", "", ErrSyntax},
	{"3%-5%", "", ErrSyntax},
	{"两三万", "", ErrSyntax},
	{"12abc", "", ErrSyntax},
	{"百分之", "", ErrSyntax},
	{"1e", "", ErrSyntax},
	{"1e400", "", ErrRange},
	{"9999999亿亿亿", "", ErrRange},
	{"1234567890123456789012345678901234567890123", "", ErrRange},
	{"1000000000000000000000000", "", ErrRange},
}

func TestParseNumber(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseNumber(tt.in)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("ParseNumber(%q) error %v, want %v", tt.in, err, tt.err)
				}
				var ne *NumberError
				if !errors.As(err, &ne) || ne.Input != tt.in || ne.Offset < 0 || ne.Offset > len(tt.in) {
					t.Fatalf("ParseNumber(%q) error %#v: want a *NumberError naming the input", tt.in, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseNumber(%q): %v", tt.in, err)
			}
			if !got.Equal(decimal.RequireFromString(tt.want)) {
				t.Fatalf("ParseNumber(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestNumberErrorMessage(t *testing.T) {
	_, err := ParseNumber("12abc")
	want := `entities: parsing number "12abc" at byte 2: invalid number syntax`
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %s", err, want)
	}
}

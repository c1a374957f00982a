package entities

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// unitClass says what a word written after a number makes of it.
type unitClass uint8

const (
	classCount    unitClass = iota + 1 // a classifier: 家, 个, 名, 次, 股
	classMoney                         // a currency: 元, 美元, 港币
	classPercent                       // %, 个百分点, pct
	classPermille                      // ‰: a tenth of a percent
	classBasis                         // 基点, bp: a hundredth of a percent
	classTimes                         // 倍, x
	classPhysical                      // 吨, 平方米, GWh
	classTime                          // 年, 月, 日, 小时, 个月: a date, time or duration, never a claim
)

// unitWord is a unit written after a number.
type unitWord struct {
	word  string
	unit  string // "count", "percent", an ISO 4217 code, "times" or a unit symbol
	class unitClass
}

// Unit words. Longer words win over their prefixes (个月 over 个, 千瓦时
// over 千瓦), so the order here does not matter.
var unitWords = []unitWord{
	// Money, to ISO 4217.
	{"元", "CNY", classMoney}, {"元人民币", "CNY", classMoney}, {"人民币", "CNY", classMoney},
	{"块钱", "CNY", classMoney}, {"美元", "USD", classMoney}, {"美金", "USD", classMoney}, {"美刀", "USD", classMoney},
	{"港元", "HKD", classMoney}, {"港币", "HKD", classMoney}, {"欧元", "EUR", classMoney},
	{"日元", "JPY", classMoney}, {"日圆", "JPY", classMoney}, {"英镑", "GBP", classMoney},
	{"韩元", "KRW", classMoney}, {"新台币", "TWD", classMoney}, {"台币", "TWD", classMoney},
	{"澳元", "AUD", classMoney}, {"加元", "CAD", classMoney}, {"加币", "CAD", classMoney},
	{"瑞郎", "CHF", classMoney}, {"瑞士法郎", "CHF", classMoney}, {"卢布", "RUB", classMoney},
	{"新加坡元", "SGD", classMoney}, {"新元", "SGD", classMoney}, {"泰铢", "THB", classMoney},
	{"卢比", "INR", classMoney}, {"林吉特", "MYR", classMoney}, {"澳门元", "MOP", classMoney},
	{"新西兰元", "NZD", classMoney}, {"越南盾", "VND", classMoney}, {"印尼盾", "IDR", classMoney},
	{"雷亚尔", "BRL", classMoney}, {"兰特", "ZAR", classMoney},

	// Percentages and ratios.
	{"%", "percent", classPercent}, {"％", "percent", classPercent},
	{"个百分点", "percent", classPercent}, {"百分点", "percent", classPercent},
	{"個百分點", "percent", classPercent}, {"百分點", "percent", classPercent},
	{"pct", "percent", classPercent}, {"‰", "percent", classPermille},
	{"个波幅点", "percent", classPercent}, {"波幅点", "percent", classPercent},
	{"个基点", "percent", classBasis}, {"基点", "percent", classBasis},
	{"bp", "percent", classBasis}, {"bps", "percent", classBasis}, {"BP", "percent", classBasis},
	{"倍", "times", classTimes}, {"x", "times", classTimes}, {"X", "times", classTimes},

	// Classifiers of things, people and events.
	{"家", "count", classCount}, {"个", "count", classCount}, {"名", "count", classCount},
	{"位", "count", classCount}, {"人", "count", classCount}, {"次", "count", classCount},
	{"人次", "count", classCount}, {"户", "count", classCount}, {"只", "count", classCount},
	{"支", "count", classCount}, {"台", "count", classCount}, {"辆", "count", classCount},
	{"架", "count", classCount}, {"条", "count", classCount}, {"颗", "count", classCount},
	{"片", "count", classCount}, {"件", "count", classCount}, {"张", "count", classCount},
	{"份", "count", classCount}, {"项", "count", classCount}, {"款", "count", classCount},
	{"种", "count", classCount}, {"类", "count", classCount}, {"座", "count", classCount},
	{"套", "count", classCount}, {"部", "count", classCount}, {"本", "count", classCount},
	{"篇", "count", classCount}, {"起", "count", classCount}, {"单", "count", classCount},
	{"杯", "count", classCount}, {"瓶", "count", classCount}, {"盒", "count", classCount},
	{"箱", "count", classCount}, {"枚", "count", classCount}, {"根", "count", classCount},
	{"批", "count", classCount}, {"期", "count", classCount}, {"所", "count", classCount},
	{"场", "count", classCount}, {"轮", "count", classCount}, {"宗", "count", classCount},
	{"艘", "count", classCount}, {"例", "count", classCount}, {"笔", "count", classCount},
	{"股", "count", classCount}, {"大", "count", classCount}, {"栋", "count", classCount},
	{"间", "count", classCount}, {"块", "count", classCount}, {"塊", "count", classCount}, {"亿人", "count", classCount}, {"辆次", "count", classCount},
	{"万人", "count", classCount}, {"头", "count", classCount}, {"批次", "count", classCount},
	{"票", "count", classCount}, {"架次", "count", classCount},

	// Physical units, with the value in that unit.
	{"吨", "t", classPhysical}, {"公斤", "kg", classPhysical}, {"千克", "kg", classPhysical},
	{"克", "g", classPhysical}, {"斤", "jin", classPhysical}, {"平方米", "m2", classPhysical}, {"平米", "m2", classPhysical},
	{"平方公里", "km2", classPhysical}, {"平方千米", "km2", classPhysical},
	{"公顷", "ha", classPhysical}, {"亩", "mu", classPhysical}, {"立方米", "m3", classPhysical},
	{"千瓦时", "kWh", classPhysical}, {"度电", "kWh", classPhysical}, {"瓦时", "Wh", classPhysical},
	{"兆瓦时", "MWh", classPhysical}, {"吉瓦时", "GWh", classPhysical}, {"千瓦", "kW", classPhysical},
	{"兆瓦", "MW", classPhysical}, {"吉瓦", "GW", classPhysical}, {"瓦", "W", classPhysical},
	{"伏", "V", classPhysical}, {"伏特", "V", classPhysical}, {"毫安时", "mAh", classPhysical},
	{"米", "m", classPhysical}, {"公里", "km", classPhysical}, {"千米", "km", classPhysical},
	{"毫米", "mm", classPhysical}, {"纳米", "nm", classPhysical}, {"微米", "um", classPhysical},
	{"升", "L", classPhysical}, {"毫升", "mL", classPhysical},
	{"桶", "bbl", classPhysical}, {"盎司", "oz", classPhysical}, {"赫兹", "Hz", classPhysical},
	{"度", "deg", classPhysical}, {"摄氏度", "degC", classPhysical}, {"℃", "degC", classPhysical},
	{"GWh", "GWh", classPhysical}, {"MWh", "MWh", classPhysical}, {"kWh", "kWh", classPhysical},
	{"KWh", "kWh", classPhysical}, {"TWh", "TWh", classPhysical}, {"Wh", "Wh", classPhysical},
	{"GW", "GW", classPhysical}, {"MW", "MW", classPhysical}, {"kW", "kW", classPhysical},
	{"KW", "kW", classPhysical}, {"V", "V", classPhysical},
	{"kV", "kV", classPhysical}, {"mAh", "mAh", classPhysical}, {"Ah", "Ah", classPhysical},
	{"TB", "TB", classPhysical}, {"GB", "GB", classPhysical}, {"MB", "MB", classPhysical},
	{"KB", "KB", classPhysical}, {"PB", "PB", classPhysical}, {"GHz", "GHz", classPhysical},
	{"MHz", "MHz", classPhysical}, {"kHz", "kHz", classPhysical}, {"Hz", "Hz", classPhysical},
	{"nm", "nm", classPhysical}, {"mm", "mm", classPhysical}, {"km", "km", classPhysical},
	{"kg", "kg", classPhysical}, {"mS/cm", "mS/cm", classPhysical},
	{"毫克", "mg", classPhysical}, {"mg", "mg", classPhysical}, {"微克", "ug", classPhysical},
	{"MWp", "MWp", classPhysical}, {"GWp", "GWp", classPhysical}, {"kWp", "kWp", classPhysical},
	{"兆帕", "MPa", classPhysical}, {"MPa", "MPa", classPhysical}, {"千帕", "kPa", classPhysical},
	{"kPa", "kPa", classPhysical},

	// Dates, times and durations: never claims.
	{"年", "", classTime}, {"月", "", classTime}, {"日", "", classTime}, {"号", "", classTime},
	{"天", "", classTime}, {"周", "", classTime}, {"周年", "", classTime}, {"岁", "", classTime},
	{"周岁", "", classTime}, {"小时", "", classTime}, {"个小时", "", classTime},
	{"分钟", "", classTime}, {"秒", "", classTime}, {"个月", "", classTime},
	{"个季度", "", classTime}, {"季度", "", classTime}, {"季", "", classTime},
	{"个交易日", "", classTime}, {"交易日", "", classTime}, {"个工作日", "", classTime},
	{"工作日", "", classTime}, {"个自然日", "", classTime}, {"世纪", "", classTime},
	{"年代", "", classTime}, {"时", "", classTime}, {"分", "", classTime},
	{"个星期", "", classTime}, {"星期", "", classTime}, {"个年头", "", classTime},
	{"个半月", "", classTime}, {"强", "", classTime}, {"届", "", classTime}, {"级", "", classTime},

	// The parts of an argument (体现在三个方面, 两个层面): no quantity is
	// measured; skipped like a duration.
	{"个方面", "", classTime}, {"方面", "", classTime}, {"个层面", "", classTime}, {"层面", "", classTime},
	{"个维度", "", classTime}, {"个角度", "", classTime},
}

// unitIndex maps a unit word's first rune to the words starting with it,
// longest first.
var unitIndex = func() map[rune][]unitWord {
	m := make(map[rune][]unitWord)
	for _, u := range unitWords {
		r, _ := utf8.DecodeRuneInString(u.word)
		m[r] = append(m[r], u)
	}
	for _, l := range m {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].word) > len(l[j].word) })
	}
	return m
}()

// matchUnit returns the unit word that s starts with, and its length in
// bytes. An ASCII unit must not run on into further letters ("5G" and
// "GBP" are not gigabytes).
func matchUnit(s string) (unitWord, int) {
	if s == "" {
		return unitWord{}, 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	for _, u := range unitIndex[r] {
		if !strings.HasPrefix(s, u.word) {
			continue
		}
		n := len(u.word)
		if isASCIILetter(u.word[n-1]) && n < len(s) && (isASCIILetter(s[n]) || isASCIIDigit(s[n])) {
			continue
		}
		if u.word == "股" && n < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[n:]); strings.ContainsRune("东票份价市权民指本息利神王性灾评吧改", r2) {
				continue
			}
		}
		if u.word == "头" && n < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[n:]); strings.ContainsRune("部条号等像版", r2) {
				continue // 1000亿头部券商: 头部 (leading), 头条, 头号 are not head of livestock
			}
		}
		if u.word == "票" && n < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[n:]); strings.ContainsRune("房据价面证务", r2) {
				continue // 票房, 票据, 票价: money or paper, not votes
			}
		}
		if u.word == "位" && n < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[n:]); strings.ContainsRune("列居于次数", r2) {
				continue // 位列, 位居: a rank; 位数: digits
			}
		}
		if u.word == "次" && n < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[n:]); r2 == '元' || r2 == '方' {
				continue
			}
		}
		if u.word == "大" && n < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[n:]); strings.ContainsRune("学会盘涨跌幅概型量力规于小家多关部户宗单", r2) {
				continue
			}
		}
		if (u.word == "期" || u.word == "本" || u.word == "部" || u.word == "单" || u.word == "起" || u.word == "间" || u.word == "场" || u.word == "支" || u.word == "台") && n < len(s) {
			// 期货, 本身, 部分, 部委, 部门, 单位, 起点, 间接, 场内, 支付, 台阶 are
			// words, not classifiers.
			if r2, _ := utf8.DecodeRuneInString(s[n:]); strings.ContainsRune("货权间限身分位点接内外付持撑阶湾委门长署", r2) {
				continue
			}
		}
		if u.word == "度" && n < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[n:]); r2 == '的' || r2 == '上' || r2 == '下' || r2 == '跌' || r2 == '涨' {
				continue
			}
		}
		return u, n
	}
	return unitWord{}, 0
}

// currencyPrefixes are currencies written before the amount: 人民币5亿元,
// 美元100万, US$5.
var currencyPrefixes = []struct{ word, code string }{
	{"人民币", "CNY"}, {"RMB", "CNY"}, {"¥", "CNY"}, {"￥", "CNY"},
	{"美元", "USD"}, {"US$", "USD"}, {"USD", "USD"}, {"$", "USD"},
	{"港元", "HKD"}, {"港币", "HKD"}, {"HK$", "HKD"}, {"HKD", "HKD"},
	{"欧元", "EUR"}, {"€", "EUR"}, {"日元", "JPY"}, {"英镑", "GBP"}, {"£", "GBP"},
	{"新台币", "TWD"},
}

// currencyBefore returns the currency written just before byte offset i
// of text, and the offset where it starts.
func currencyBefore(text string, i int) (string, int) {
	for _, c := range currencyPrefixes {
		if strings.HasSuffix(text[:i], c.word) {
			return c.code, i - len(c.word)
		}
	}
	return "", i
}

var (
	ten     = decimal.NewFromInt(10)
	hundred = decimal.NewFromInt(100)
)

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
func isASCIIDigit(b byte) bool  { return b >= '0' && b <= '9' }

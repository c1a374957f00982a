package gencorpus

import (
	"math/rand/v2"
	"strconv"
)

// company returns a company for a sentence: usually one of the article's
// primary companies, sometimes any listed company.
func (a *article) company() *company {
	if len(a.primary) > 0 && a.r.IntN(4) > 0 {
		return a.primary[a.r.IntN(len(a.primary))]
	}
	return &companies[a.r.IntN(len(companies))]
}

// mention appends a reference to c in the article's style: the short
// name, the name with its code, or a stock link in the outlet's markup.
func (a *article) mention(b []byte, c *company) []byte {
	a.note(c)
	r := a.r
	x := r.IntN(10)
	switch a.f {
	case FlashItem:
		if x < 4 {
			return appendCoded(b, c, r)
		}
	case LongArticle:
		if x < 4 {
			return appendKeytip(b, c)
		}
	case HexoCodes:
		if x < 5 {
			return appendCoded(b, c, r)
		}
	case HexoSTCN:
		if x < 5 && (c.market == "SH" || c.market == "SZ") {
			return appendTRS(b, c)
		}
	case HexoSina:
		if x < 5 && c.market != "US" {
			return appendSina(b, c)
		}
	}
	return append(b, c.name...)
}

// appendCoded appends "name(code)" in one of the conventions news uses.
func appendCoded(b []byte, c *company, r *rand.Rand) []byte {
	b = append(b, c.name...)
	full := r.IntN(2) == 0
	if full {
		b = append(b, "（"...)
	} else {
		b = append(b, '(')
	}
	switch c.market {
	case "SH", "SZ":
		b = append(b, c.code...)
		if r.IntN(3) > 0 {
			b = append(b, '.')
			b = append(b, c.market...)
		}
	case "US":
		b = append(b, c.code...)
		b = append(b, ".US"...)
	default:
		b = append(b, c.code...)
		b = append(b, '.')
		b = append(b, c.market...)
	}
	if full {
		return append(b, "）"...)
	}
	return append(b, ')')
}

// appendKeytip appends an Eastmoney keytip stock link.
func appendKeytip(b []byte, c *company) []byte {
	m := c.emMarket()
	b = append(b, `<span id="stock_`...)
	b = append(b, m...)
	b = append(b, '.')
	b = append(b, c.code...)
	b = append(b, `"><a href="http://quote.eastmoney.com/unify/r/`...)
	b = append(b, m...)
	b = append(b, '.')
	b = append(b, c.code...)
	b = append(b, `" class="keytip" data-code="`...)
	b = append(b, m...)
	b = append(b, ',')
	b = append(b, c.code...)
	b = append(b, `">`...)
	b = append(b, c.name...)
	b = append(b, `</a></span><span id="quote_`...)
	b = append(b, m...)
	b = append(b, '.')
	b = append(b, c.code...)
	return append(b, `"></span>`...)
}

// appendTRS appends a 证券时报 trsHotWords stock link (A shares only).
func appendTRS(b []byte, c *company) []byte {
	b = append(b, `<a class="trsHotWords" target="_blank" href="http://info.stcn.com/dc/stock/?stockcode=`...)
	if c.market == "SH" {
		b = append(b, "SS"...)
	} else {
		b = append(b, "SZ"...)
	}
	b = append(b, c.code...)
	b = append(b, `" code="`...)
	b = append(b, c.code...)
	b = append(b, `">`...)
	b = append(b, c.name...)
	return append(b, "</a>"...)
}

// appendSina appends a Sina stock span.
func appendSina(b []byte, c *company) []byte {
	var id string
	switch c.market {
	case "SH":
		id = "sh" + c.code
	case "SZ":
		id = "sz" + c.code
	default:
		id = "hk" + c.code
	}
	b = append(b, `<span id="stock_`...)
	b = append(b, id...)
	b = append(b, `"><a href="https://finance.sina.com.cn/realstock/company/`...)
	b = append(b, id...)
	b = append(b, `/nc.shtml" class="keyword" target="_blank">`...)
	b = append(b, c.name...)
	b = append(b, `</a></span><span id="quote_`...)
	b = append(b, id...)
	return append(b, `"></span>`...)
}

// embed appends an Eastmoney EM_StockImg quote block for c.
func (a *article) embed(b []byte, c *company) []byte {
	a.note(c)
	m := c.emMarket()
	nid := m + "." + c.code
	b = append(b, `<!-- EM_StockImg_Start --><p style="text-align:center;"><a href="http://quote.eastmoney.com/unify/r/`...)
	b = append(b, nid...)
	b = append(b, `" data-code="`...)
	b = append(b, c.code...)
	b = append(b, '|')
	b = append(b, m...)
	b = append(b, `|5" data-code2="`...)
	b = append(b, c.code...)
	b = append(b, '|')
	b = append(b, m...)
	b = append(b, `|3|" class="EmImageRemark" target="_blank"><img src="https://webquoteklinepic.eastmoney.com/GetPic.aspx?nid=`...)
	b = append(b, nid...)
	b = append(b, `&imageType=k&token=`...)
	for range 32 {
		b = append(b, "0123456789abcdef"[a.r.IntN(16)])
	}
	b = append(b, `&at=1" border="0" alt="K图 `...)
	b = append(b, c.code...)
	b = append(b, `_0" data-code="K `...)
	b = append(b, c.code...)
	b = append(b, '|')
	b = append(b, m...)
	b = append(b, `|5" width="578" height="276" /></a></p><!-- EM_StockImg_End -->`...)
	return b
}

// title appends a headline. Titles carry names, never markup.
func (a *article) title(b []byte) []byte {
	r := a.r
	if len(a.primary) == 0 {
		switch r.IntN(3) {
		case 0:
			b = append(b, pick(r, periods)...)
			b = append(b, pick(r, macroSubjects)...)
			b = append(b, "同比增长"...)
			return appendPercent(b, r)
		case 1:
			b = append(b, pick(r, regions)...)
			b = append(b, "加快布局"...)
			b = append(b, pick(r, companies).sector...)
			return append(b, "产业 多地出台支持政策"...)
		default:
			b = append(b, "两市成交额"...)
			b = appendAmount(b, r)
			return append(b, " 北向资金净流入"...)
		}
	}
	c := a.primary[0]
	a.note(c)
	switch r.IntN(5) {
	case 0:
		b = append(b, c.name...)
		b = append(b, "："...)
		b = append(b, pick(r, periods)...)
		b = append(b, "净利同比增长"...)
		return appendPercent(b, r)
	case 1:
		b = append(b, c.sector...)
		b = append(b, "板块走强 "...)
		b = append(b, c.name...)
		b = append(b, "涨超"...)
		b = strconv.AppendInt(b, int64(2+r.IntN(9)), 10)
		return append(b, '%')
	case 2:
		b = append(b, pick(r, institutions)...)
		b = append(b, "维持"...)
		b = append(b, c.name...)
		return append(b, "买入评级 看好全年业绩修复"...)
	case 3:
		b = append(b, c.name...)
		b = append(b, "拟回购不超过"...)
		b = appendAmount(b, r)
		return append(b, " 彰显发展信心"...)
	default:
		b = append(b, c.product...)
		b = append(b, "需求回暖 "...)
		b = append(b, c.name...)
		return append(b, "订单排至明年"...)
	}
}

// heading appends a sub-title.
func (a *article) heading(b []byte) []byte {
	r := a.r
	switch r.IntN(4) {
	case 0:
		return append(b, "业绩稳步增长"...)
	case 1:
		b = append(b, pick(r, companies).sector...)
		return append(b, "景气度回升"...)
	case 2:
		return append(b, "机构看好后市"...)
	default:
		b = append(b, "“"...)
		b = append(b, pick(r, companies).product...)
		return append(b, "”成新增长点"...)
	}
}

// sentence appends one sentence, ending in 。.
func (a *article) sentence(b []byte) []byte {
	r := a.r
	if len(a.primary) == 0 || r.IntN(4) == 0 {
		return a.macro(b)
	}
	c := a.company()
	switch r.IntN(10) {
	case 0:
		b = a.mention(b, c)
		b = appendDay(b, a)
		b = append(b, "晚间公告，"...)
		b = append(b, pick(r, periods)...)
		b = append(b, "实现营业收入"...)
		b = appendAmount(b, r)
		b = append(b, "，同比增长"...)
		b = appendPercent(b, r)
	case 1:
		b = a.mention(b, c)
		b = append(b, pick(r, periods)...)
		b = append(b, "实现归母净利润"...)
		b = appendAmount(b, r)
		if r.IntN(2) == 0 {
			b = append(b, "，同比下降"...)
			b = appendPercent(b, r)
			b = append(b, "，低于市场预期"...)
		} else {
			b = append(b, "，同比增长"...)
			b = appendPercent(b, r)
			b = append(b, "，高于市场预期"...)
		}
	case 2:
		b = a.mention(b, c)
		b = append(b, "拟以不超过"...)
		b = appendAmount(b, r)
		b = append(b, "回购公司股份，回购价格上限为"...)
		b = appendPrice(b, r)
		b = append(b, "元/股"...)
	case 3:
		b = append(b, "截至"...)
		b = appendDay(b, a)
		b = append(b, "收盘，"...)
		b = a.mention(b, c)
		b = append(b, "报"...)
		b = appendPrice(b, r)
		if r.IntN(2) == 0 {
			b = append(b, "元，上涨"...)
		} else {
			b = append(b, "元，下跌"...)
		}
		b = appendPercent(b, r)
		b = append(b, "，总市值约"...)
		b = appendExactAmount(b, r)
	case 4:
		b = append(b, pick(r, institutions)...)
		b = append(b, "给予"...)
		b = a.mention(b, c)
		if r.IntN(2) == 0 {
			b = append(b, "“买入”评级，目标价"...)
		} else {
			b = append(b, "“增持”评级，目标价"...)
		}
		b = appendPrice(b, r)
		b = append(b, "元"...)
	case 5:
		b = a.mention(b, c)
		b = append(b, "表示，公司"...)
		b = append(b, c.product...)
		b = append(b, "年产能已突破"...)
		b = strconv.AppendInt(b, int64(10+r.IntN(990)), 10)
		b = append(b, pick(r, []string{"万吨", "万台", "GWh", "万辆"})...)
	case 6:
		b = a.mention(b, c)
		b = append(b, "在投资者互动平台表示，目前公司"...)
		b = append(b, c.product...)
		b = append(b, "已覆盖全国"...)
		b = strconv.AppendInt(b, int64(100*(1+r.IntN(40))), 10)
		b = append(b, "多家客户"...)
	case 7:
		b = append(b, "北向资金"...)
		b = appendDay(b, a)
		b = append(b, "净买入"...)
		b = a.mention(b, c)
		b = appendAmount(b, r)
		b = append(b, "，持股比例升至"...)
		b = appendPercent(b, r)
	case 8:
		b = append(b, "据"...)
		b = a.mention(b, c)
		b = append(b, "披露，"...)
		b = append(b, c.product...)
		b = append(b, pick(r, periods)...)
		b = append(b, "出货量近"...)
		b = appendChineseAmount(b, r)
	default:
		b = a.mention(b, c)
		b = append(b, "预计"...)
		b = strconv.AppendInt(b, int64(a.pub.Year()), 10)
		b = append(b, "年实现净利润"...)
		lo := 1 + r.IntN(50)
		b = strconv.AppendInt(b, int64(lo), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(lo+1+r.IntN(20)), 10)
		b = append(b, "亿元，同比增长"...)
		p := 5 + r.IntN(60)
		b = strconv.AppendInt(b, int64(p), 10)
		b = append(b, "%-"...)
		b = strconv.AppendInt(b, int64(p+5+r.IntN(30)), 10)
		b = append(b, '%')
	}
	return append(b, "。"...)
}

// macro appends a sentence about the market or the economy.
func (a *article) macro(b []byte) []byte {
	r := a.r
	switch r.IntN(6) {
	case 0:
		b = append(b, "国家统计局数据显示，"...)
		b = append(b, pick(r, periods)...)
		b = append(b, pick(r, macroSubjects)...)
		b = append(b, "为"...)
		b = appendAmount(b, r)
		b = append(b, "，同比增长"...)
		b = appendPercent(b, r)
	case 1:
		b = append(b, pick(r, regions)...)
		b = append(b, pick(r, companies).sector...)
		b = append(b, "产业集群规模超过"...)
		b = appendChineseAmount(b, r)
		b = append(b, "元"...)
	case 2:
		b = appendDay(b, a)
		b = append(b, "，沪深两市成交额"...)
		b = appendAmount(b, r)
		if r.IntN(2) == 0 {
			b = append(b, "，较上一交易日增加"...)
		} else {
			b = append(b, "，较上一交易日减少"...)
		}
		b = appendAmount(b, r)
	case 3:
		b = append(b, "业内人士认为，"...)
		b = append(b, pick(r, companies).sector...)
		b = append(b, "行业景气度有望延续，预计"...)
		b = strconv.AppendInt(b, int64(a.pub.Year()+1), 10)
		b = append(b, "年市场规模将达到"...)
		b = appendAmount(b, r)
	case 4:
		if r.IntN(2) == 0 {
			b = append(b, "上证指数"...)
		} else {
			b = append(b, "沪指"...)
		}
		b = appendDay(b, a)
		b = append(b, "收报"...)
		b = strconv.AppendInt(b, int64(2800+r.IntN(900)), 10)
		b = append(b, '.')
		b = appendFrac(b, r.IntN(100), 2)
		b = append(b, "点，涨"...)
		b = appendSmallPercent(b, r)
		b = append(b, "；创业板指跌"...)
		b = appendSmallPercent(b, r)
	default:
		b = append(b, "目前全国已有"...)
		b = strconv.AppendInt(b, int64(100*(1+r.IntN(30))), 10)
		b = append(b, "多家"...)
		b = append(b, pick(r, companies).sector...)
		b = append(b, "企业参与，行业渗透率在"...)
		lo := 2 + r.IntN(20)
		b = strconv.AppendInt(b, int64(lo), 10)
		b = append(b, "%-"...)
		b = strconv.AppendInt(b, int64(lo+1+r.IntN(10)), 10)
		b = append(b, "%之间"...)
	}
	return append(b, "。"...)
}

// appendDay appends a day of the article's month: "12月8日" or "8日".
func appendDay(b []byte, a *article) []byte {
	if a.r.IntN(2) == 0 {
		b = strconv.AppendInt(b, int64(a.pub.Month()), 10)
		b = append(b, "月"...)
	}
	b = strconv.AppendInt(b, int64(a.pub.Day()), 10)
	return append(b, "日"...)
}

// appendFrac appends v as exactly n digits, zero-padded.
func appendFrac(b []byte, v, n int) []byte {
	var tmp [4]byte
	for i := n - 1; i >= 0; i-- {
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[:n]...)
}

// appendAmount appends a money amount with a scale: 41.77亿元, 3200万元,
// 1.06万亿元, with an occasional approximation word before it.
func appendAmount(b []byte, r *rand.Rand) []byte {
	switch r.IntN(8) {
	case 0:
		b = append(b, "约"...)
	case 1:
		b = append(b, "超"...)
	}
	return appendExactAmount(b, r)
}

// appendExactAmount is appendAmount without the approximation word.
func appendExactAmount(b []byte, r *rand.Rand) []byte {
	var unit string
	x := r.IntN(20)
	switch {
	case x < 12:
		unit = "亿元"
	case x < 18:
		unit = "万元"
	case x < 19:
		unit = "万亿元"
	default:
		unit = "亿美元"
	}
	b = strconv.AppendInt(b, int64(1+r.IntN(999)), 10)
	if d := r.IntN(3); d > 0 {
		b = append(b, '.')
		b = appendFrac(b, r.IntN(pow10[d]), d)
	}
	return append(b, unit...)
}

var pow10 = [...]int{1, 10, 100, 1000}

// appendPercent appends a percentage, 0.1% to 99.99%, sometimes in
// percentage points.
func appendPercent(b []byte, r *rand.Rand) []byte {
	b = strconv.AppendInt(b, int64(r.IntN(100)), 10)
	if d := r.IntN(3); d > 0 {
		b = append(b, '.')
		b = appendFrac(b, 1+r.IntN(pow10[d]-1), d)
	}
	if r.IntN(12) == 0 {
		return append(b, "个百分点"...)
	}
	return append(b, '%')
}

// appendSmallPercent appends a daily index move such as 0.87%.
func appendSmallPercent(b []byte, r *rand.Rand) []byte {
	b = strconv.AppendInt(b, int64(r.IntN(4)), 10)
	b = append(b, '.')
	b = appendFrac(b, 1+r.IntN(99), 2)
	return append(b, '%')
}

// appendPrice appends a share price such as 1688.00 or 23.45.
func appendPrice(b []byte, r *rand.Rand) []byte {
	b = strconv.AppendInt(b, int64(1+r.IntN(300)), 10)
	b = append(b, '.')
	return appendFrac(b, r.IntN(100), 2)
}

// appendChineseAmount appends a count written in characters or with an
// approximation: 四点五亿, 两千三百万, 近百亿, 1800多万.
func appendChineseAmount(b []byte, r *rand.Rand) []byte {
	scale := pick(r, []string{"万", "亿", "万亿"})
	switch r.IntN(4) {
	case 0:
		b = append(b, chineseDigits[1+r.IntN(9)]...)
		b = append(b, "点"...)
		b = append(b, chineseDigits[1+r.IntN(9)]...)
	case 1:
		b = appendChineseInt(b, 1+r.IntN(9999))
	case 2:
		b = append(b, pick(r, []string{"百", "千", "数百", "上千"})...)
	default:
		b = strconv.AppendInt(b, int64(10*(1+r.IntN(300))), 10)
		b = append(b, "多"...)
	}
	return append(b, scale...)
}

// appendChineseInt appends 1 <= n <= 9999 in Chinese numerals, with 两 for
// a leading 2 before 千 and 百 as news writes it.
func appendChineseInt(b []byte, n int) []byte {
	units := [...]string{"千", "百", "十", ""}
	divs := [...]int{1000, 100, 10, 1}
	started, zero := false, false
	for i, d := range divs {
		v := n / d % 10
		if v == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b = append(b, "零"...)
			zero = false
		}
		switch {
		case v == 2 && !started && i < 2:
			b = append(b, "两"...)
		case v == 1 && !started && i == 2:
			// 十二, not 一十二
		default:
			b = append(b, chineseDigits[v]...)
		}
		b = append(b, units[i]...)
		started = true
	}
	return b
}

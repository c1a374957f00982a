package ticker

import (
	"strings"
	"unicode/utf8"
)

// shortRisk says when a two-character name the built-in master vouches for
// is not a mention: the characters that, written just before it, make
// another word with its first character (完美的 is not 美的, 南京东路 is not
// 京东), and those that, just after it, make another word with its last
// character (联想到 is not 联想). strict names also need a word start like
// names the package does not know.
type shortRisk struct {
	left, right string
	strict      bool
}

// shortNames lists the two-character names and aliases of the built-in
// master. They fire after any character except their risky ones; other
// two-character names (from loaded masters) fire only at a word start (see
// wordStarters), because nothing is known about the words they occur in.
var shortNames = map[string]shortRisk{
	"领展": {}, "易鑫": {}, "杜邦": {right: "分"}, "亿航": {}, "途牛": {}, "声网": {left: "发心"}, "酷澎": {}, "易贝": {},
	"万科": {left: "千百亿数"}, "上汽": {left: "以向之马线晚早"}, "东航": {left: "华远山广"},
	"中免": {left: "集空其"}, "中兴": {left: "集空其"}, "中芯": {}, "中通": {left: "集空其"},
	"中金": {left: "集空其黄"}, "丰田": {}, "亚朵": {}, "交行": {left: "外社成提"},
	"京东": {left: "南北东"}, "伊利": {right: "诺"}, "优步": {}, "传音": {left: "流宣广"},
	"农行": {}, "分众": {left: "部十划区"}, "华住": {left: "中"}, "南航": {left: "云湖河济海"},
	"博通": {}, "友邦": {}, "双汇": {}, "吉利": {left: "大"}, "商汤": {},
	"国航": {left: "中美全各两韩德法英泰"}, "大摩": {}, "奈飞": {}, "宁德": {}, "安踏": {},
	"宝洁": {}, "富途": {left: "财"}, "小摩": {}, "小米": {left: "大", right: "粥粒"}, "小鹏": {},
	"工行": {left: "员施加化军电手分"}, "广汽": {}, "建行": {left: "基在重创新"},
	"强生": {left: "增坚加顽"}, "微博": {}, "微盟": {}, "微软": {}, "快手": {}, "思科": {left: "意"},
	"恒大": {}, "恒瑞": {}, "惠普": {left: "普特"}, "戴尔": {}, "招行": {}, "搜狐": {}, "携程": {},
	"斗鱼": {}, "有道": {left: "没", right: "理德路"}, "本田": {left: "日"}, "李宁": {}, "极兔": {},
	"极氪": {}, "格力": {left: "风性规"}, "欢聚": {left: "狂喜"}, "歌尔": {}, "汇丰": {}, "汾酒": {},
	"沪指": {}, "波音": {left: "声电"}, "洋河": {left: "海"}, "海尔": {}, "海康": {left: "上珠北青"},
	"港铁": {}, "满帮": {}, "潍柴": {}, "牧原": {}, "猫眼": {right: "石"}, "瑞幸": {},
	"用友": {left: "使作"}, "百度": {left: "一二三四五六七八九十几数零"}, "知乎": {},
	"礼来": {left: "婚典"}, "福特": {}, "福耀": {}, "禾赛": {}, "科磊": {}, "立讯": {left: "成建设"},
	"索尼": {}, "维萨": {}, "网易": {left: "联上"}, "网飞": {left: "联"}, "美光": {left: "欧"},
	"美团": {left: "欧"}, "美的": {left: "完优甜精柔健秀俊娇赞审唯凄华最很更好真太多醇壮"},
	"美银": {left: "欧中"}, "耐克": {}, "联想": {right: "到起"}, "脸书": {}, "腾讯": {}, "舜宇": {},
	"花旗": {}, "苹果": {left: "红青烂吃削啃个斤摘种鲜", right: "汁醋酱派干籽核"}, "茅台": {}, "蒙牛": {}, "蔚来": {}, "虎牙": {}, "融创": {left: "金"},
	"讯飞": {left: "通"}, "谷歌": {}, "贝壳": {}, "贝宝": {}, "辉瑞": {}, "迈瑞": {}, "金蝶": {},
	"长和": {strict: true}, "阅文": {left: "查审翻参传"}, "阿里": {right: "山"}, "陌陌": {},
	"隆基": {}, "零跑": {}, "顺丰": {}, "飞鹤": {}, "高盛": {}, "高途": {}, "高通": {left: "提"},
	"黑石": {}, "龙湖": {}, "世茂": {}, "渣打": {}, "豪威": {}, "瑞银": {},
	"三一": {left: "第初十统周单", right: "次天个年期"},
	"保利": {left: "环承"}, "金地": {left: "黄", right: "毯"}, "平保": {left: "水"},
}

// shortNameOK applies the two-character rules to the name key at
// text[start:end]; afterMention says it directly follows another mention.
func shortNameOK(key, text string, start, end int, afterMention bool) bool {
	risk, known := shortNames[key]
	if known {
		if start > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:start])
			if strings.ContainsRune(risk.left, r) {
				return false
			}
		}
		if end < len(text) {
			r, _ := utf8.DecodeRuneInString(text[end:])
			if strings.ContainsRune(risk.right, r) {
				return false
			}
		}
		if !risk.strict {
			return true
		}
	}
	return afterMention || leftBoundaryOK(text, start)
}

package entities

import "unicode/utf8"

// surnames holds common Chinese family names (single characters). A person
// candidate found by context must start with one of them, which removes
// most false positives of the HMM and of title adjacency.
var surnames = func() map[rune]bool {
	const list = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封"
	m := make(map[rune]bool, utf8.RuneCountInString(list))
	for _, r := range list {
		m[r] = true
	}
	return m
}()

// doubleSurnames are two-character family names.
var doubleSurnames = map[string]bool{
	"欧阳": true, "司马": true, "上官": true, "诸葛": true, "东方": true, "皇甫": true,
	"尉迟": true, "公孙": true, "慕容": true, "长孙": true, "宇文": true, "司徒": true,
	"令狐": true, "夏侯": true, "端木": true, "独孤": true, "南宫": true, "西门": true,
}

// surnameLen returns the number of runes of the family name s starts with,
// or 0 if it starts with none.
func surnameLen(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if r2, size2 := utf8.DecodeRuneInString(s[size:]); size2 > 0 && r2 != utf8.RuneError {
		if doubleSurnames[s[:size+size2]] {
			return 2
		}
	}
	if surnames[r] {
		return 1
	}
	return 0
}

// isSurnameStart reports whether s starts with a family name.
func isSurnameStart(s string) bool { return surnameLen(s) > 0 }

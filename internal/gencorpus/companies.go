package gencorpus

// company is one listed security the generator writes about. The codes and
// short names are public listing facts; the aliases are common short forms.
type company struct {
	name    string // short name (证券简称)
	code    string // exchange code: six digits, five-digit Hong Kong code, or US ticker
	market  string // canonical suffix: SH, SZ, HK, US
	usVenue string // for US listings: "105" (NASDAQ) or "106" (NYSE), the Eastmoney market number
	product string // a product or business line, for sentences about it
	sector  string // a sector word, for sentences about the industry
}

// symbol returns the canonical CODE.MARKET form.
func (c *company) symbol() string { return c.code + "." + c.market }

// emMarket returns the Eastmoney market number of the listing.
func (c *company) emMarket() string {
	switch c.market {
	case "SH":
		return "1"
	case "SZ":
		return "0"
	case "HK":
		return "116"
	default:
		return c.usVenue
	}
}

// companies is the built-in list. A shares dominate, as in the sources.
var companies = []company{
	{name: "贵州茅台", code: "600519", market: "SH", product: "飞天茅台", sector: "白酒"},
	{name: "宁德时代", code: "300750", market: "SZ", product: "动力电池", sector: "锂电池"},
	{name: "比亚迪", code: "002594", market: "SZ", product: "新能源汽车", sector: "汽车"},
	{name: "招商银行", code: "600036", market: "SH", product: "零售贷款", sector: "银行"},
	{name: "中国平安", code: "601318", market: "SH", product: "寿险业务", sector: "保险"},
	{name: "五粮液", code: "000858", market: "SZ", product: "普五", sector: "白酒"},
	{name: "隆基绿能", code: "601012", market: "SH", product: "单晶硅片", sector: "光伏"},
	{name: "美的集团", code: "000333", market: "SZ", product: "空调", sector: "家电"},
	{name: "格力电器", code: "000651", market: "SZ", product: "空调", sector: "家电"},
	{name: "东方财富", code: "300059", market: "SZ", product: "基金代销", sector: "券商"},
	{name: "中信证券", code: "600030", market: "SH", product: "投行业务", sector: "券商"},
	{name: "海康威视", code: "002415", market: "SZ", product: "智能摄像机", sector: "安防"},
	{name: "恒瑞医药", code: "600276", market: "SH", product: "创新药", sector: "医药"},
	{name: "药明康德", code: "603259", market: "SH", product: "CRO服务", sector: "医药"},
	{name: "迈瑞医疗", code: "300760", market: "SZ", product: "监护仪", sector: "医疗器械"},
	{name: "立讯精密", code: "002475", market: "SZ", product: "连接器", sector: "消费电子"},
	{name: "长城汽车", code: "601633", market: "SH", product: "皮卡", sector: "汽车"},
	{name: "华兰生物", code: "002007", market: "SZ", product: "流感疫苗", sector: "疫苗"},
	{name: "巨化股份", code: "600160", market: "SH", product: "制冷剂", sector: "化工"},
	{name: "紫金矿业", code: "601899", market: "SH", product: "矿产铜", sector: "有色金属"},
	{name: "中国中免", code: "601888", market: "SH", product: "免税商品", sector: "旅游零售"},
	{name: "牧原股份", code: "002714", market: "SZ", product: "生猪", sector: "养殖"},
	{name: "三一重工", code: "600031", market: "SH", product: "挖掘机", sector: "工程机械"},
	{name: "工商银行", code: "601398", market: "SH", product: "对公贷款", sector: "银行"},
	{name: "中芯国际", code: "688981", market: "SH", product: "晶圆代工", sector: "半导体"},
	{name: "金山办公", code: "688111", market: "SH", product: "办公软件", sector: "软件"},
	{name: "阳光电源", code: "300274", market: "SZ", product: "逆变器", sector: "光伏"},
	{name: "伊利股份", code: "600887", market: "SH", product: "液态奶", sector: "乳制品"},
	{name: "海天味业", code: "603288", market: "SH", product: "酱油", sector: "调味品"},
	{name: "长江电力", code: "600900", market: "SH", product: "水电", sector: "电力"},
	{name: "中国神华", code: "601088", market: "SH", product: "动力煤", sector: "煤炭"},
	{name: "京沪高铁", code: "601816", market: "SH", product: "高铁客运", sector: "交通运输"},
	{name: "东吴证券", code: "601555", market: "SH", product: "经纪业务", sector: "券商"},
	{name: "安琪酵母", code: "600298", market: "SH", product: "酵母", sector: "食品"},
	{name: "宁波银行", code: "002142", market: "SZ", product: "消费贷款", sector: "银行"},
	{name: "泸州老窖", code: "000568", market: "SZ", product: "国窖1573", sector: "白酒"},
	{name: "北方华创", code: "002371", market: "SZ", product: "刻蚀设备", sector: "半导体"},
	{name: "兆易创新", code: "603986", market: "SH", product: "存储芯片", sector: "半导体"},
	{name: "亿纬锂能", code: "300014", market: "SZ", product: "储能电池", sector: "锂电池"},
	{name: "通威股份", code: "600438", market: "SH", product: "多晶硅", sector: "光伏"},
	{name: "天齐锂业", code: "002466", market: "SZ", product: "碳酸锂", sector: "锂矿"},
	{name: "赣锋锂业", code: "002460", market: "SZ", product: "氢氧化锂", sector: "锂矿"},
	{name: "汇川技术", code: "300124", market: "SZ", product: "伺服系统", sector: "工业自动化"},
	{name: "爱尔眼科", code: "300015", market: "SZ", product: "眼科手术", sector: "医疗服务"},
	{name: "片仔癀", code: "600436", market: "SH", product: "片仔癀锭剂", sector: "中药"},
	{name: "山西汾酒", code: "600809", market: "SH", product: "青花汾酒", sector: "白酒"},
	{name: "中国建筑", code: "601668", market: "SH", product: "房建工程", sector: "建筑"},
	{name: "保利发展", code: "600048", market: "SH", product: "住宅项目", sector: "房地产"},
	{name: "顺丰控股", code: "002352", market: "SZ", product: "时效快递", sector: "物流"},
	{name: "科大讯飞", code: "002230", market: "SZ", product: "语音识别", sector: "人工智能"},
	{name: "分众传媒", code: "002027", market: "SZ", product: "楼宇广告", sector: "传媒"},
	{name: "中国石油", code: "601857", market: "SH", product: "成品油", sector: "石油"},
	{name: "中国移动", code: "600941", market: "SH", product: "5G套餐", sector: "通信"},
	{name: "海尔智家", code: "600690", market: "SH", product: "冰箱", sector: "家电"},
	{name: "梅花生物", code: "600873", market: "SH", product: "味精", sector: "生物发酵"},
	{name: "腾讯控股", code: "00700", market: "HK", product: "视频号", sector: "互联网"},
	{name: "美团-W", code: "03690", market: "HK", product: "外卖业务", sector: "本地生活"},
	{name: "小米集团-W", code: "01810", market: "HK", product: "智能手机", sector: "消费电子"},
	{name: "香港交易所", code: "00388", market: "HK", product: "交易结算", sector: "交易所"},
	{name: "蔚来", code: "NIO", market: "US", usVenue: "106", product: "换电站", sector: "新能源汽车"},
	{name: "拼多多", code: "PDD", market: "US", usVenue: "105", product: "农产品电商", sector: "电商"},
}

// media are outlets named in bylines and front matter.
var media = []string{"中国证券报", "上海证券报", "证券时报", "每日经济新闻", "财联社", "证券日报", "经济参考报", "第一财经"}

// institutions are research houses that issue ratings.
var institutions = []string{"中金公司", "国泰君安", "华泰证券", "招商证券", "中信建投", "广发证券", "申万宏源", "兴业证券"}

// periods are reporting periods written in claims.
var periods = []string{"今年前三季度", "上半年", "一季度", "去年全年", "今年以来", "三季度", "前11个月", "2023年"}

// regions are places for macro sentences.
var regions = []string{"长三角", "粤港澳大湾区", "京津冀", "成渝地区", "中西部地区", "东北地区"}

// macroSubjects are economy-wide quantities.
var macroSubjects = []string{"社会消费品零售总额", "固定资产投资", "进出口总值", "规模以上工业增加值", "新增人民币贷款", "社会融资规模增量", "全国发电量", "新能源汽车销量"}

// chineseDigits are the numerals used when a number is written out in characters.
var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

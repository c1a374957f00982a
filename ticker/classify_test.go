package ticker

import "testing"

var classifyTests = []struct {
	sym  string
	want Class
}{
	{"600519.SH", Class{BoardMain, Stock}},
	{"601318.SH", Class{BoardMain, Stock}},
	{"603259.SH", Class{BoardMain, Stock}},
	{"605117.SH", Class{BoardMain, Stock}},
	{"688981.SH", Class{BoardSTAR, Stock}},
	{"689009.SH", Class{BoardSTAR, Stock}},
	{"900901.SH", Class{BoardB, Stock}},
	{"000001.SH", Class{BoardUnknown, Index}},
	{"000688.SH", Class{BoardUnknown, Index}},
	{"510300.SH", Class{BoardMain, ETF}},
	{"588000.SH", Class{BoardMain, ETF}},
	{"501018.SH", Class{BoardMain, LOF}},
	{"508097.SH", Class{BoardMain, REIT}},
	{"500001.SH", Class{BoardMain, Fund}},
	{"113050.SH", Class{BoardMain, Bond}},
	{"204001.SH", Class{BoardMain, Bond}},
	{"931071.SH", Class{BoardUnknown, Index}},
	{"700001.SH", Class{}},
	{"000001.SZ", Class{BoardMain, Stock}},
	{"002594.SZ", Class{BoardMain, Stock}},
	{"001979.SZ", Class{BoardMain, Stock}},
	{"300750.SZ", Class{BoardChiNext, Stock}},
	{"301236.SZ", Class{BoardChiNext, Stock}},
	{"302132.SZ", Class{BoardChiNext, Stock}},
	{"200011.SZ", Class{BoardB, Stock}},
	{"399001.SZ", Class{BoardUnknown, Index}},
	{"159707.SZ", Class{BoardMain, ETF}},
	{"161725.SZ", Class{BoardMain, LOF}},
	{"180101.SZ", Class{BoardMain, REIT}},
	{"150001.SZ", Class{BoardMain, Fund}},
	{"123001.SZ", Class{BoardMain, Bond}},
	{"131810.SZ", Class{BoardMain, Bond}},
	{"500000.SZ", Class{}},
	{"430047.BJ", Class{BoardBSE, Stock}},
	{"832000.BJ", Class{BoardBSE, Stock}},
	{"920002.BJ", Class{BoardBSE, Stock}},
	{"899050.BJ", Class{BoardBSE, Index}},
	{"600000.BJ", Class{BoardBSE, InstrumentUnknown}},
	{"00700.HK", Class{BoardMain, Stock}},
	{"09988.HK", Class{BoardMain, Stock}},
	{"08083.HK", Class{BoardGEM, Stock}},
	{"02800.HK", Class{BoardMain, ETF}},
	{"03033.HK", Class{BoardMain, ETF}},
	{"04000.HK", Class{BoardMain, Bond}},
	{"12345.HK", Class{BoardMain, Warrant}},
	{"65432.HK", Class{BoardMain, CBBC}},
	{"80700.HK", Class{BoardMain, Stock}},
	{"87001.HK", Class{BoardMain, REIT}},
	{"89001.HK", Class{BoardMain, Warrant}},
	{"40000.HK", Class{BoardMain, InstrumentUnknown}},
	{"AAPL.US", Class{BoardUnknown, Stock}},
	{"HSBA.LSE", Class{BoardUnknown, Stock}},
	{"BK1037.BK", Class{BoardUnknown, Sector}},
}

func TestClassify(t *testing.T) {
	for _, tt := range classifyTests {
		t.Run(tt.sym, func(t *testing.T) {
			if got := Classify(MustParse(tt.sym)); got != tt.want {
				t.Fatalf("Classify(%s) = %v/%v, want %v/%v", tt.sym, got.Board, got.Instrument, tt.want.Board, tt.want.Instrument)
			}
		})
	}
	if Classify(Symbol{}) != (Class{}) {
		t.Fatal("Classify of the zero Symbol is not the zero Class")
	}
	if BoardSTAR.String() != "STAR" || Index.String() != "Index" || BoardUnknown.String() != "" || InstrumentUnknown.String() != "" {
		t.Fatal("Board/Instrument String")
	}
}

var inferTests = []struct {
	code, name  string
	want, named Market
}{
	{"600519", "", SH, SH},
	{"688981", "", SH, SH},
	{"900901", "", SH, SH},
	{"510300", "", SH, SH},
	{"113050", "", SH, SH},
	{"000001", "平安银行", SZ, SZ},
	{"000001", "上证指数", SZ, SH},
	{"000001", "沪指", SZ, SH},
	{"000300", "沪深300", SZ, SH},
	{"000688", "科创50", SZ, SH},
	{"000016", "深康佳A", SZ, SZ},
	{"002594", "", SZ, SZ},
	{"300750", "", SZ, SZ},
	{"200011", "", SZ, SZ},
	{"159707", "", SZ, SZ},
	{"123001", "", SZ, SZ},
	{"399001", "深证成指", SZ, SZ},
	{"430047", "", BJ, BJ},
	{"832000", "", BJ, BJ},
	{"920002", "", BJ, BJ},
	{"60051", "", Unknown, Unknown},
	{"60051x", "", Unknown, Unknown},
	{"６００５１９", "", Unknown, Unknown},
}

func TestInferMarket(t *testing.T) {
	for _, tt := range inferTests {
		if got := InferMarket(tt.code); got != tt.want {
			t.Errorf("InferMarket(%q) = %v, want %v", tt.code, got, tt.want)
		}
		if got := InferMarketNamed(tt.code, tt.name); got != tt.named {
			t.Errorf("InferMarketNamed(%q, %q) = %v, want %v", tt.code, tt.name, got, tt.named)
		}
	}
}

package entities

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stocknews/stocknews/ticker"
)

// Synthetic securities of the tone tests. The sentences below are written
// for these tests in the style of the corpus; they quote no article.
var (
	secA = toneSec{"甲科技", "600001.SH"}
	secB = toneSec{"乙集团", "000002.SZ"}
	secC = toneSec{"丙银行", "601003.SH"}
	secD = toneSec{"丁证券", "600004.SH"}
)

type toneSec struct{ name, symbol string }

// toneDoc builds a ToneDocument for title and body as the Analyzer would:
// every occurrence of a security's name is a mention, the links keep the
// order of secs, and the claims are extracted with the mentions.
func toneDoc(title, body string, secs ...toneSec) *ToneDocument {
	text := title + "\n" + body
	doc := &ToneDocument{Text: text, TitleLen: len(title)}
	for _, s := range secs {
		sym := ticker.MustParse(s.symbol)
		l := ticker.Link{Symbol: sym, Name: s.name, First: -1}
		for i := 0; ; {
			j := strings.Index(text[i:], s.name)
			if j < 0 {
				break
			}
			start := i + j
			doc.Mentions = append(doc.Mentions, ticker.Mention{Symbol: sym, Start: start, End: start + len(s.name), Via: ticker.ViaName})
			l.Mentions++
			l.InTitle = l.InTitle || start < len(title)
			i = start + len(s.name)
		}
		doc.Links = append(doc.Links, l)
	}
	slices.SortFunc(doc.Mentions, func(x, y ticker.Mention) int { return x.Start - y.Start })
	doc.Claims = Claims(text, &ClaimOptions{Mentions: doc.Mentions})
	return doc
}

func newTestToneAnalyzer(t testing.TB) *ToneAnalyzer {
	t.Helper()
	a, err := NewToneAnalyzer(nil)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// toneTests give, for each case, the tone and the events wanted for each
// security in order; "" in events means none.
var toneTests = []struct {
	name        string
	title, body string
	secs        []toneSec
	want        []Tone
	events      [][]string
	article     Tone
}{
	{"growth claim", "甲科技一季度净利润同比增长32%", "甲科技公告，一季度实现营业收入12亿元。",
		[]toneSec{secA}, []Tone{Positive}, [][]string{{"earnings"}}, Positive},
	{"claim sign negative", "甲科技三季度营收同比下降18%", "甲科技表示，主要受原材料价格影响。",
		[]toneSec{secA}, []Tone{Negative}, [][]string{{"earnings"}}, Negative},
	{"price claim", "甲科技午后涨超6%", "截至收盘，甲科技报12.5元。",
		[]toneSec{secA}, []Tone{Positive}, [][]string{{"price_move"}}, Positive},
	{"negation of a fall", "甲科技订单并未出现下滑", "公司称各项业务运转正常。",
		[]toneSec{secA}, []Tone{Positive}, nil, Positive},
	{"negation of a gain", "甲科技新药未能获批", "公司将补充材料后再次申报。",
		[]toneSec{secA}, []Tone{Negative}, nil, Negative},
	{"a stopper negates the rest of its clause", "甲科技遭北向资金减持", "甲科技今日遭减持1亿元，结束此前连续五个交易日获净买入的态势。",
		[]toneSec{secA}, []Tone{Negative}, nil, Negative},
	{"contrast: the clause after 但 wins", "甲科技营收小幅增长，但净利润大幅下滑", "公司称成本上升挤压了利润空间。",
		[]toneSec{secA}, []Tone{Negative}, nil, Negative},
	{"contrast the other way", "甲科技股价一度下跌，但收盘大涨", "市场人士认为公司订单饱满。",
		[]toneSec{secA}, []Tone{Positive}, [][]string{{"price_move"}}, Positive},
	{"actor: a fund's 增持 is stake_up", "机构大举增持甲科技", "二季度多家基金新进甲科技前十大流通股东。",
		[]toneSec{secA}, []Tone{Positive}, [][]string{{"stake_up"}}, Positive},
	{"actor: an analyst's 增持 is a rating", "丁证券维持甲科技增持评级", "研报认为甲科技新产能释放在即。",
		[]toneSec{secA, secD}, []Tone{Positive, Neutral}, [][]string{{"rating"}, nil}, Positive},
	{"actor: a broker that speaks of the main security", "甲科技发布半年报", "甲科技上半年经营平稳。丁证券认为，受益于新品放量，净利润大幅增长。",
		[]toneSec{secA, secD}, []Tone{Positive, Neutral}, nil, Positive},
	{"actor: the main security speaking of itself", "甲科技召开业绩说明会", "甲科技认为，订单饱满，业绩大幅增长。",
		[]toneSec{secA}, []Tone{Positive}, nil, Neutral},
	{"actor: a holder that sells", "甲科技：股东乙集团拟减持不超过2%股份", "甲科技公告，乙集团计划在未来六个月内减持。",
		[]toneSec{secA, secB}, []Tone{Negative, Neutral}, [][]string{{"stake_down"}, nil}, Negative},
	{"a list without figures is neutral", "三季度基金持仓一览", "前十大重仓股包括甲科技、乙集团、丙银行等。",
		[]toneSec{secA, secB, secC}, []Tone{Neutral, Neutral, Neutral}, nil, Neutral},
	{"each security its own clause", "收盘点评", "甲科技涨停，丙银行跌停。",
		[]toneSec{secA, secC}, []Tone{Positive, Negative}, [][]string{{"price_move"}, {"price_move"}}, Neutral},
	{"the title decides over the body", "甲科技拿下大额订单", "甲科技此前一个季度利润下滑。甲科技负债率有所上升。",
		[]toneSec{secA}, []Tone{Positive}, [][]string{{"contract"}}, Positive},
	{"balanced body without a lead", "公司观察", "近日消息不多。\n甲科技去年利润下滑。甲科技今年订单大增。",
		[]toneSec{secA}, []Tone{Neutral}, nil, Neutral},
	{"denied events are no events", "甲科技股价异动公告", "甲科技称，公司不存在重大资产重组、股份回购等应披露而未披露的事项。",
		[]toneSec{secA}, []Tone{Neutral}, [][]string{nil}, Neutral},
	{"named once, in the lead", "原实控人诈骗案一审宣判", "曾实际控制甲科技的原实控人被判处无期徒刑，涉案金额巨大。",
		[]toneSec{secA}, []Tone{Negative}, nil, Negative},
	{"named once in passing, not in the lead", "行业观察", "近期多家厂商加快布局新能源业务，行业景气度显著回升。\n另有消息称甲科技也在接触相关客户。",
		[]toneSec{secA}, []Tone{Neutral}, nil, Positive},
	{"a data source is no subject", "两期国债中标结果出炉", "本期国债中标利率为2.45%，全场倍数为3.7倍。(甲科技Choice数据)",
		[]toneSec{secA}, []Tone{Neutral}, [][]string{nil}, Positive},
	{"enforcement", "甲科技收到交易所问询函", "甲科技因信息披露违规被立案调查。",
		[]toneSec{secA}, []Tone{Negative}, [][]string{{"enforcement"}}, Negative},
	{"back-reference to the main security; a dividend is good news", "甲科技发布年报", "甲科技2023年实现净利润5亿元。公司拟每10股派发现金红利3元。",
		[]toneSec{secA}, []Tone{Positive}, [][]string{{"earnings", "dividend"}}, Neutral},
}

func TestToneAnalyze(t *testing.T) {
	a := newTestToneAnalyzer(t)
	for _, tt := range toneTests {
		t.Run(tt.name, func(t *testing.T) {
			doc := toneDoc(tt.title, tt.body, tt.secs...)
			got, art := a.Analyze(doc)
			if len(got) != len(tt.secs) {
				t.Fatalf("got %d tones, want %d", len(got), len(tt.secs))
			}
			for i, st := range got {
				if st.Tone != tt.want[i] {
					t.Errorf("%s: tone %v (score %.3f), want %v", tt.secs[i].name, st.Tone, st.Score, tt.want[i])
				}
				if tt.events != nil {
					var names []string
					for _, e := range st.Events {
						names = append(names, e.Name)
					}
					if !sameSet(names, tt.events[i]) {
						t.Errorf("%s: events %v, want %v", tt.secs[i].name, names, tt.events[i])
					}
				}
				checkTone(t, doc.Text, st)
			}
			if art.Tone != tt.article {
				t.Errorf("article tone %v (%.3f), want %v", art.Tone, art.Score, tt.article)
			}
		})
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// checkTone checks the invariants of a SecurityTone: score in [-1, 1] with
// the sign of the label, events known, spans in bounds and on rune
// boundaries.
func checkTone(t testing.TB, text string, st SecurityTone) {
	t.Helper()
	if st.Score < -1 || st.Score > 1 || sign(st.Score) != st.Tone {
		t.Errorf("%s: score %v does not agree with tone %v", st.Symbol, st.Score, st.Tone)
	}
	bounds := runeBounds(text)
	for _, e := range st.Events {
		if !slices.Contains(eventNames, e.Name) {
			t.Errorf("%s: unknown event %q", st.Symbol, e.Name)
		}
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End || !bounds[e.Start] || !bounds[e.End] {
			t.Errorf("%s: event %s span [%d,%d) out of bounds or not on rune boundaries", st.Symbol, e.Name, e.Start, e.End)
		}
	}
}

// eventRuleTests hold one synthetic clause per rule of tonedata/events.txt
// that must make the rule's event for 甲科技, and one that must not.
var eventRuleTests = map[string]struct{ yes, no string }{
	"period-report":   {"甲科技发布2023年年报", "甲科技即将到来的年报"},
	"reported-result": {"甲科技全年实现净利润8亿元", "甲科技预计净利润将有所增长"},
	"forecast-words":  {"甲科技发布业绩预告", "甲科技股价平稳"},
	"expects-profit":  {"甲科技预计上半年净利润3亿元", "甲科技预计新工厂明年完工"},
	"payout":          {"甲科技拟每10股派发现金红利5元", "甲科技召开股东大会"},
	"buyback":         {"甲科技拟以自有资金回购股份", "甲科技开展股票质押回购业务"},
	"holder-buys":     {"社保基金增持甲科技", "券商给予甲科技增持评级"},
	"net-buying":      {"北向资金净买入甲科技2亿元", "甲科技成交活跃"},
	"invests-in":      {"甲科技入股一家芯片企业", "甲科技举办投资者说明会"},
	"holder-sells":    {"甲科技大股东拟减持", "券商维持甲科技减持评级"},
	"net-selling":     {"甲科技遭北向资金净卖出1亿元", "甲科技成交平淡"},
	"unlock":          {"甲科技明日迎来限售股解禁", "甲科技召开发布会"},
	"raise":           {"甲科技拟定增募资20亿元", "甲科技融资余额增加"},
	"listing":         {"甲科技向港交所递表", "甲科技举办开放日"},
	"first-issue":     {"甲科技首发申请获通过", "甲科技首发项目启动"},
	"to-list":         {"甲科技拟申请在科创板上市", "甲科技自上市以来表现稳健"},
	"delisting":       {"甲科技被实施退市风险警示", "甲科技经营平稳"},
	"deal":            {"甲科技拟收购一家同行", "甲科技完成债务重组"},
	"sells-assets":    {"甲科技拟出售旗下物业资产", "甲科技出售产品给客户"},
	"regulator":       {"甲科技收到证监局警示函", "甲科技召开年度会议"},
	"investigation":   {"甲科技遭证监会立案调查", "甲科技调查显示用户满意"},
	"order":           {"甲科技中标一项大型工程", "甲科技讨论行业趋势"},
	"new-order":       {"甲科技接到一笔3亿元订单", "甲科技称订单饱满"},
	"new-product":     {"甲科技新车将于下月交付", "甲科技研究新产品方向"},
	"signs":           {"甲科技与客户签署战略协议", "甲科技达成和解"},
	"launch":          {"甲科技新药获批上市", "甲科技讨论新品规划"},
	"releases":        {"甲科技正式发布新一代芯片", "甲科技发布公告称经营正常"},
	"executives":      {"甲科技董事长辞职", "甲科技董事长出席论坛"},
	"rating":          {"多家券商给予甲科技买入评级", "甲科技获得主体信用评级"},
	"research-report": {"券商研报给予甲科技目标价30元", "甲科技称券商研报内容与公司无关"},
	"limit":           {"甲科技今日涨停", "甲科技今日平开"},
	"strong-move":     {"甲科技尾盘跳水", "甲科技尾盘平稳"},
	"figure":          {"甲科技股价上涨3%", "甲科技目标价较现价有30%的上涨空间"},
}

func TestEventRules(t *testing.T) {
	a := newTestToneAnalyzer(t)
	for _, r := range a.v.rules {
		tc, ok := eventRuleTests[r.Name]
		if !ok {
			t.Errorf("rule %q has no test case", r.Name)
			continue
		}
		t.Run(r.Name, func(t *testing.T) {
			for _, c := range []struct {
				text string
				want bool
			}{{tc.yes, true}, {tc.no, false}} {
				doc := toneDoc("消息", c.text+"。", secA)
				got, _ := a.Analyze(doc)
				has := slices.ContainsFunc(got[0].Events, func(e Event) bool { return e.Name == r.Event })
				if has != c.want {
					t.Errorf("%q: %s found %v, want %v (events %v)", c.text, r.Event, has, c.want, got[0].Events)
				}
				checkTone(t, doc.Text, got[0])
			}
		})
	}
}

// TestEventCancelled checks the words before a trigger that make it no
// event of the security: a streak that ends, a record or a rise of results
// rather than of the price.
func TestEventCancelled(t *testing.T) {
	a := newTestToneAnalyzer(t)
	for _, c := range []struct{ text, event string }{
		{"甲科技结束此前连续三日获净买入的态势", "stake_up"},
		{"甲科技中断了连续五日净卖出的势头", "stake_down"},
		{"甲科技去年营收和净利润双双创新高", "price_move"},
		{"甲科技上半年净利润同比大幅上涨40%", "price_move"},
		{"甲科技销量同比上涨12%", "price_move"},
		{"甲科技交易性金融资产同比增长", "financing"},
		{"甲科技融资净卖出金额居前", "financing"},
		{"本文由甲科技经授权发布", "product"},
		{"甲科技自本公告发布之日起六个月内不减持", "product"},
	} {
		got, _ := a.Analyze(toneDoc("消息", c.text+"。", secA))
		if slices.ContainsFunc(got[0].Events, func(e Event) bool { return e.Name == c.event }) {
			t.Errorf("%q: %s found (events %v), want none", c.text, c.event, got[0].Events)
		}
	}
	// the same triggers still count where the price or the flow is the news
	for _, c := range []struct{ text, event string }{
		{"甲科技连续三日获净买入", "stake_up"},
		{"甲科技股价创历史新高", "price_move"},
		{"甲科技股价上涨4%", "price_move"},
	} {
		got, _ := a.Analyze(toneDoc("消息", c.text+"。", secA))
		if !slices.ContainsFunc(got[0].Events, func(e Event) bool { return e.Name == c.event }) {
			t.Errorf("%q: no %s (events %v)", c.text, c.event, got[0].Events)
		}
	}
}

// TestEventNamePrefix checks that ST before a security's name in a list
// makes a delisting event for that security only.
func TestEventNamePrefix(t *testing.T) {
	doc := toneDoc("消息", "甲科技、ST乙集团午后跳水。", secA, secB)
	got, _ := newTestToneAnalyzer(t).Analyze(doc)
	has := func(i int) bool {
		return slices.ContainsFunc(got[i].Events, func(e Event) bool { return e.Name == "delisting" })
	}
	if has(0) || !has(1) {
		t.Errorf("events %v and %v, want delisting for 乙集团 only", got[0].Events, got[1].Events)
	}
}

// TestEventSpan checks that an event's span is the trigger's.
func TestEventSpan(t *testing.T) {
	doc := toneDoc("甲科技拟回购股份", "公司公告。", secA)
	got, _ := newTestToneAnalyzer(t).Analyze(doc)
	if len(got[0].Events) != 1 {
		t.Fatalf("events %v, want one", got[0].Events)
	}
	e := got[0].Events[0]
	if s := doc.Text[e.Start:e.End]; e.Name != "buyback" || !strings.HasPrefix(s, "回购") {
		t.Errorf("event %s spans %q, want buyback over 回购", e.Name, s)
	}
}

func TestToneOptionsWords(t *testing.T) {
	doc := toneDoc("甲科技产品大卖", "渠道反馈良好。", secA)
	base, _ := newTestToneAnalyzer(t).Analyze(doc)
	a, err := NewToneAnalyzer(&ToneOptions{Words: map[string]float64{"大卖": 1.5}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := a.Analyze(doc)
	if base[0].Tone != Neutral || got[0].Tone != Positive {
		t.Errorf("大卖: tone %v without the word, %v with it; want neutral then positive", base[0].Tone, got[0].Tone)
	}
	// weight 0 removes a word of the built-in lexicon
	doc = toneDoc("甲科技涨停", "", secA)
	a, err = NewToneAnalyzer(&ToneOptions{Words: map[string]float64{"涨停": 0}})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Analyze(doc); got[0].Tone != Neutral {
		t.Errorf("涨停 removed: tone %v, want neutral", got[0].Tone)
	}
	for _, bad := range []map[string]float64{{"": 1}, {"利好": 3}, {"a\tb": 1}} {
		_, err := NewToneAnalyzer(&ToneOptions{Words: bad})
		var ve *VocabError
		if !errors.Is(err, ErrVocab) || !errors.As(err, &ve) {
			t.Errorf("%v: error %v, want a *VocabError wrapping ErrVocab", bad, err)
		}
	}
}

func TestParseVocab(t *testing.T) {
	tests := []struct {
		name, data string
		line       int // 0: no error
	}{
		{"comments and blanks", "# note\n\nw\t1\n", 0},
		{"bad weight", "# note\nw\t1\nx\tmany\n", 3},
		{"too few fields", "w\n", 1},
		{"not UTF-8", "w\t1\n\xff\t1\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := parseVocab("test.txt", []byte(tt.data), func(f []string) error {
				if len(f) != 2 {
					return errors.New("want two fields")
				}
				if f[1] != "1" {
					return errors.New("bad weight")
				}
				return nil
			})
			var ve *VocabError
			switch {
			case tt.line == 0 && err != nil:
				t.Errorf("unexpected error %v", err)
			case tt.line != 0 && (!errors.As(err, &ve) || ve.Line != tt.line || !errors.Is(err, ErrVocab)):
				t.Errorf("error %v, want a *VocabError at line %d", err, tt.line)
			}
		})
	}
	if _, err := parseRule([]string{"earnings", "x", "年报", "-", "-"}); err == nil {
		t.Error("a rule with five fields: no error")
	}
	if _, err := parseRule([]string{"weather", "x", "下雨", "-", "-", "-"}); err == nil {
		t.Error("an unknown event: no error")
	}
}

// TestToneVocabulary checks the embedded files: every event of the
// specification has a rule, and the lexicon keeps the words it is built to
// keep and drops those it drops.
func TestToneVocabulary(t *testing.T) {
	v := newTestToneAnalyzer(t).v
	for _, name := range eventNames {
		if !slices.ContainsFunc(v.rules, func(r eventRule) bool { return r.Event == name }) {
			t.Errorf("event %s has no rule", name)
		}
	}
	weight := func(w string) float64 {
		for _, e := range v.entries {
			if e.word == w {
				return e.weight
			}
		}
		return 0
	}
	for w, want := range map[string]float64{"涨停": 1.5, "跌停": -1.5, "下滑": -1.5, "风险": 0, "发展": 0, "财富": 0} {
		if got := weight(w); got != want {
			t.Errorf("%s: weight %v, want %v", w, got, want)
		}
	}
}

func FuzzToneAnalyze(f *testing.F) {
	for _, tt := range toneTests {
		f.Add(tt.title, tt.body)
	}
	f.Add("", "")
	f.Add("甲科技", "\n\n，。但")
	a := newTestToneAnalyzer(f)
	f.Fuzz(func(t *testing.T, title, body string) {
		doc := toneDoc(title, body, secA, secB)
		got, art := a.Analyze(doc)
		for _, st := range got {
			checkTone(t, doc.Text, st)
		}
		if art.Score < -1 || art.Score > 1 || sign(art.Score) != art.Tone {
			t.Errorf("article score %v, tone %v", art.Score, art.Tone)
		}
	})
}

// TestToneAnalyzeConcurrent shares one ToneAnalyzer (and so its buffer
// pool) between goroutines: the results must be those of a lone caller.
func TestToneAnalyzeConcurrent(t *testing.T) {
	a := newTestToneAnalyzer(t)
	docs := make([]*ToneDocument, len(toneTests))
	want := make([][]SecurityTone, len(toneTests))
	for i, tt := range toneTests {
		docs[i] = toneDoc(tt.title, tt.body, tt.secs...)
		want[i], _ = a.Analyze(docs[i])
	}
	errs := make(chan string, 4*len(docs))
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for k := range 20 {
				for i := range docs {
					j := (i + k + g) % len(docs)
					got, _ := a.Analyze(docs[j])
					if !slices.EqualFunc(got, want[j], func(x, y SecurityTone) bool {
						return x.Symbol == y.Symbol && x.Tone == y.Tone && x.Score == y.Score && slices.Equal(x.Events, y.Events)
					}) {
						errs <- toneTests[j].name
						return
					}
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
	close(errs)
	for name := range errs {
		t.Errorf("%s: a concurrent result differs from the lone one", name)
	}
}

// TestToneReuse checks that the buffers an analyser keeps between calls
// carry nothing from one article to the next: every case analysed after
// all the others, forwards and backwards, gives what a new analyser gives.
func TestToneReuse(t *testing.T) {
	shared := newTestToneAnalyzer(t)
	for _, order := range []int{1, -1} {
		for k := range toneTests {
			tt := toneTests[k]
			if order < 0 {
				tt = toneTests[len(toneTests)-1-k]
			}
			doc := toneDoc(tt.title, tt.body, tt.secs...)
			got, art := shared.Analyze(doc)
			fresh, err := NewToneAnalyzer(&ToneOptions{Words: map[string]float64{"测试专用词": 1}})
			if err != nil {
				t.Fatal(err)
			}
			want, wantArt := fresh.Analyze(doc)
			if !reflect.DeepEqual(got, want) || art != wantArt {
				t.Errorf("%s: reused analyser gives %v %v, a new one %v %v", tt.name, got, art, want, wantArt)
			}
		}
	}
}

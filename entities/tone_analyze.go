package entities

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/stocknews/stocknews/ticker"
)

// ToneOptions configures a [ToneAnalyzer]. A nil *ToneOptions gives the
// defaults.
type ToneOptions struct {
	// Words adds words to the built-in lexicon, each with its weight in
	// [-2, 2]: positive for news that is good for the holders, negative for
	// bad news, 1 for an ordinary word and 2 for news that decides the tone
	// alone. A word already in the lexicon takes the new weight; weight 0
	// removes a word's sentiment.
	Words map[string]float64
}

// ToneAnalyzer finds the tone and the events of each security an article
// links to, and the tone of the article, as the project's tone
// specification defines them. Build it once with [NewToneAnalyzer]: it is
// immutable and safe for concurrent use by multiple goroutines.
type ToneAnalyzer struct {
	v       *vocab
	scratch sync.Pool // of *toneScratch
}

// toneScratch holds the buffers of one Analyze call, reused by later calls
// so that an article costs few allocations. Nothing returned points into
// it.
type toneScratch struct {
	sentences []toneSentence
	tokens    []toneToken
	mentions  []ticker.Mention
	work      toneState // its slices are kept for the next call
}

// NewToneAnalyzer returns a ToneAnalyzer over the built-in vocabulary
// (tonedata/) and the words of opts. An error is a [*VocabError].
func NewToneAnalyzer(opts *ToneOptions) (*ToneAnalyzer, error) {
	if opts == nil || len(opts.Words) == 0 {
		v, err := defaultVocab()
		if err != nil {
			return nil, err
		}
		return &ToneAnalyzer{v: v}, nil
	}
	v, err := buildVocab(opts.Words)
	if err != nil {
		return nil, err
	}
	return &ToneAnalyzer{v: v}, nil
}

// ToneDocument is what a [ToneAnalyzer] reads: an article's text, the
// length of its title at the start of the text, the securities it links
// (ticker.Linker.LinkMentions gives Links and Mentions) and its claims.
type ToneDocument struct {
	Text     string
	TitleLen int
	Links    []ticker.Link
	Mentions []ticker.Mention
	Claims   []Claim
}

// Tone weights and thresholds, chosen from the specification's rules
// rather than fitted: the title counts twice as much as the lead, a clause
// after 但 three times as much as one before it, a sentence that only
// refers back (公司…) half as much as one that names the security.
const (
	titleWeight    = 2.0
	backrefWeight  = 0.5
	beforeContrast = 0.5
	afterContrast  = 1.5
	intensify      = 1.5
	negatedBad     = 0.5 // 未下滑 is less good than 增长 is
	claimWeight    = 1.5 // a reported change in profit, sales or price
	minEvidence    = 1.0 // net evidence for a label other than neutral
	balanced       = 0.6 // body evidence this balanced, with no lead: neutral
	listSize       = 3   // a clause naming this many securities is a list
	listWeight     = 1.0 // a word shared by a list counts half for each
)

// Analyze returns the tone and events of each of doc.Links, in order, and
// the tone of the article. Spans of the events are byte offsets into
// doc.Text.
func (a *ToneAnalyzer) Analyze(doc *ToneDocument) ([]SecurityTone, ArticleTone) {
	return a.analyze(doc, nil)
}

func (a *ToneAnalyzer) analyze(doc *ToneDocument, trace func(int, string, float64)) ([]SecurityTone, ArticleTone) {
	if doc == nil {
		return nil, ArticleTone{}
	}
	text := doc.Text
	sc, _ := a.scratch.Get().(*toneScratch)
	if sc == nil {
		sc = new(toneScratch)
	}
	defer a.scratch.Put(sc)
	st := &sc.work
	st.reset(a, doc)
	mentions := sc.mentions[:0]
	for _, m := range doc.Mentions {
		if st.secIndex(m.Symbol) >= 0 && m.Start >= 0 && m.End <= len(text) && m.Start < m.End {
			mentions = append(mentions, m)
		}
	}
	slices.SortFunc(mentions, func(x, y ticker.Mention) int { return x.Start - y.Start })
	sc.mentions = mentions
	ss := splitSentences(sc.sentences, text, min(max(doc.TitleLen, 0), len(text)))
	sc.sentences = ss
	main := mainLink(doc.Links)
	if len(doc.Links) == 1 && main < 0 && len(mentions) > 0 && inLead(ss, mentions[0].Start) && !isCredit(text, mentions[0].End) {
		main = 0 // named once, but in the lead, and not as the source of data
	}
	sc.tokens = a.v.tokenize(sc.tokens, text, ss, mentions, len(doc.Links) == 1 && main == 0, main >= 0)
	st.main = main
	st.tones = make([]SecurityTone, len(doc.Links))
	for i, l := range doc.Links {
		st.tones[i].Symbol = l.Symbol
	}
	defer func() { st.doc, st.tones, st.trace = nil, nil, nil }() // keep no caller's data
	st.trace = trace
	st.walk(ss)
	for i := range st.tones {
		st.tones[i].Tone, st.tones[i].Score = st.acc[i].decide()
	}
	t, s := st.article.decide()
	tones := st.tones
	return tones, ArticleTone{Tone: t, Score: s}
}

// mainLink is the link of the security the article is mainly about: the
// only one (when it is in the title or named twice; Analyze adds: or in
// the lead),
// the one in the title with the most mentions, or one with at least twice
// the mentions of any other; -1 when there is none.
func mainLink(links []ticker.Link) int {
	if len(links) == 1 {
		if links[0].InTitle || links[0].Mentions >= 2 {
			return 0
		}
		return -1 // named once in passing: no article is about it
	}
	best, second := -1, 0
	for i, l := range links {
		switch {
		case best < 0 || l.Mentions > links[best].Mentions ||
			(l.Mentions == links[best].Mentions && l.InTitle && !links[best].InTitle):
			if best >= 0 {
				second = max(second, links[best].Mentions)
			}
			best = i
		default:
			second = max(second, l.Mentions)
		}
	}
	if best >= 0 && (links[best].InTitle || links[best].Mentions >= 2*max(second, 1)) {
		return best
	}
	return -1
}

// isCredit reports whether a mention ending at end names the source of
// the data or the report (东方财富Choice数据, 某某数据显示), not a subject.
func isCredit(text string, end int) bool {
	rest := text[end:]
	for _, w := range []string{"Choice", "数据", "统计", "报道", "消息"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// inLead reports whether offset at is in a lead sentence.
func inLead(ss []toneSentence, at int) bool {
	for _, s := range ss {
		if s.lead && s.start <= at && at < s.end {
			return true
		}
	}
	return false
}

// evidence sums the good and bad news found for a security (or for the
// article) in its title and lead (head) and in the rest (body).
type evidence struct {
	headPos, headNeg, bodyPos, bodyNeg float64
}

func (e *evidence) add(w float64, head bool) {
	switch {
	case head && w > 0:
		e.headPos += w
	case head:
		e.headNeg -= w
	case w > 0:
		e.bodyPos += w
	default:
		e.bodyNeg -= w
	}
}

// decide applies the specification's rule: the title and the lead decide
// when they carry news one way; otherwise the body does, unless its good
// and bad news weigh about the same. The score is the net evidence squashed
// into (-1, 1), its sign that of the label; neutral scores 0.
func (e evidence) decide() (Tone, float64) {
	head := e.headPos - e.headNeg
	body := e.bodyPos - e.bodyNeg
	label := Neutral
	switch {
	case math.Abs(head) >= minEvidence:
		label = sign(head)
	case math.Abs(body+head) >= minEvidence:
		lo, hi := min(e.bodyPos, e.bodyNeg), max(e.bodyPos, e.bodyNeg)
		if hi == 0 || lo/hi < balanced {
			label = sign(body + head)
		}
	}
	if label == Neutral {
		return Neutral, 0
	}
	net := 2*head + body
	if sign(net) != label {
		return label, float64(label) * 0.1
	}
	return label, math.Round(math.Tanh(net/4)*1000) / 1000
}

func sign(x float64) Tone {
	switch {
	case x > 0:
		return Positive
	case x < 0:
		return Negative
	}
	return Neutral
}

// clauseEnds appends to ends the byte offsets where the clauses of s end.
func clauseEnds(ends []int, text string, s toneSentence) []int {
	for i := s.start; i < s.end; i++ {
		c := text[i]
		if !endLead[c] {
			i += skip3[c]
			continue
		}
		if clauseEnd(text, i) {
			ends = append(ends, i)
		}
	}
	return append(ends, s.end)
}

// relevantClaim reports whether a claim is the kind of numeric evidence the
// specification counts: a change in profit, revenue, sales or price.
func relevantClaim(c *Claim) bool {
	if c.Kind != Change || c.Value.IsZero() {
		return false
	}
	s := c.Subject
	for _, w := range []string{"成本", "费用", "亏损", "负债", "跌幅", "降幅", "库存", "风险"} {
		if strings.Contains(s, w) {
			return false
		}
	}
	for _, w := range []string{"利润", "净利", "营收", "收入", "销量", "销售", "出货", "股价", "市值", "业绩", "盈利", "毛利", "订单", "交付", "涨"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	// A price move names the security itself: 苹果涨超1%.
	return c.Symbol.IsValid() && c.Unit == "percent"
}

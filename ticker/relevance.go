package ticker

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Link returns the securities doc is linked to, most relevant first (ties
// by symbol). Each Link says how the security was found (Via, a union),
// how often the text mentions it (embeds are not counted), where first,
// whether in the title (also when the title names it inside a longer word that did not link: 东方财富 in 东方财富证券), and its name: the master's short name, else the
// name the article writes beside the code.
//
// Relevance, in 0..1, follows RavenPack's rule that a headline mention
// makes an entity fully relevant and LSEG's use of the position of the
// first mention, the share of mentions and the number of companies in the
// story:
//
//	title mention:  relevance = 1
//	otherwise:      relevance = base × damp, rounded to two decimals
//	    base = 0.2 + 0.4·pos + 0.4·share, raised to 0.8 for an embed
//	    pos   = 1 − first/len(Text)       (1 at the top, 0 at the end; 0 with no text mention)
//	    share = mentions / all mentions of all linked securities in the text
//	    damp  = 2 / (1 + √n), n = number of linked securities
//
// So a security alone in an article, named in the first line, scores
// about 1; an embedded quote at least 0.8 when alone (0.53 among four);
// and one of nine securities named once, 90% of the way down, among ten
// mentions: 0.5 × (0.2 + 0.4·0.1 + 0.4·0.1) = 0.14.
func (l *Linker) Link(doc Document) []Link {
	return l.links(doc, l.scan(doc))
}

// LinkMentions returns what Link and Mentions return, from one pass over
// doc: use it when both are needed.
func (l *Linker) LinkMentions(doc Document) ([]Link, []Mention) {
	sc := l.scan(doc)
	return l.links(doc, sc), sc.mentions
}

func (l *Linker) links(doc Document, sc scan) []Link {
	by := make(map[Symbol]int)
	var links []Link
	total := 0
	for _, m := range sc.mentions {
		i, ok := by[m.Symbol]
		if !ok {
			i = len(links)
			by[m.Symbol] = i
			links = append(links, Link{Symbol: m.Symbol, First: -1})
		}
		k := &links[i]
		k.Via |= m.Via
		if m.Start >= 0 {
			k.Mentions++
			total++
			if k.First < 0 || m.Start < k.First {
				k.First = m.Start
			}
			if m.Start < doc.TitleLen {
				k.InTitle = true
			}
		}
	}
	for i := range links {
		k := &links[i]
		if s, ok := l.master.Lookup(k.Symbol); ok && s.Name+s.EnglishName != "" {
			k.Name = cmp.Or(s.NameOn(doc.AsOf), s.EnglishName)
		} else {
			k.Name = sc.beside[k.Symbol]
		}
		if k.Via&(ViaEmbed|ViaCode) != 0 {
			k.Unlisted = !l.master.listsOn(k.Symbol, doc.AsOf)
		}
		if !k.InTitle && doc.TitleLen > 0 && doc.TitleLen <= len(doc.Text) {
			k.InTitle = l.master.namedIn(k.Symbol, doc.Text[:doc.TitleLen])
		}
		k.Relevance = relevance(*k, len(doc.Text), total, len(links))
	}
	slices.SortFunc(links, func(a, b Link) int {
		return cmp.Or(cmp.Compare(b.Relevance, a.Relevance), compareSymbols(a.Symbol, b.Symbol))
	})
	return links
}

// namedIn reports whether title holds one of sym's names of three
// characters or more, even inside a longer word that did not link (东方财富
// in 东方财富证券, a subsidiary): a security the article links elsewhere
// and names in its title is what the article is about.
func (m *Master) namedIn(sym Symbol, title string) bool {
	s, ok := m.Lookup(sym)
	if !ok {
		return false
	}
	names := append([]string{s.Name, undecorate(s.Name, sym.Market())}, s.Aliases...)
	for _, n := range names {
		if utf8.RuneCountInString(n) >= 3 && strings.Contains(strings.ToUpper(title), strings.ToUpper(n)) {
			return true
		}
	}
	return false
}

// listsOn reports whether m lists sym on day under that symbol.
func (m *Master) listsOn(sym Symbol, day string) bool {
	i, ok := m.bySym[sym]
	if !ok {
		return false
	}
	s := &m.secs[i]
	return s.listedOn(day) && (day == "" && s.Symbol == sym || day != "" && s.SymbolOn(day) == sym)
}

// relevance computes the formula of [Linker.Link] for one link, given the
// text length, the total text mentions and the number of linked securities.
func relevance(k Link, textLen, total, n int) float64 {
	if k.InTitle {
		return 1
	}
	pos := 0.0
	if k.First >= 0 && textLen > 0 {
		pos = 1 - float64(k.First)/float64(textLen)
	}
	share := 0.0
	if total > 0 {
		share = float64(k.Mentions) / float64(total)
	}
	base := 0.2 + 0.4*pos + 0.4*share
	if k.Via&ViaEmbed != 0 && base < 0.8 {
		base = 0.8
	}
	damp := 1.0
	if n > 1 {
		damp = 2 / (1 + math.Sqrt(float64(n)))
	}
	return math.Round(base*damp*100) / 100
}

// compareSymbols orders symbols as their canonical strings sort, without
// building them: by code, then by market suffix.
func compareSymbols(a, b Symbol) int {
	return cmp.Or(strings.Compare(a.Code(), b.Code()), strings.Compare(a.Market().String(), b.Market().String()))
}

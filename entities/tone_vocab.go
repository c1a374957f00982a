package entities

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./internal/gentone

// toneData holds the tone vocabulary: the lexicon (generated from the
// reference lists and the project's own phrases), the cues and the event
// rules. Every file has the format that [parseVocab] reads.
//
//go:embed tonedata/lexicon.txt tonedata/cues.txt tonedata/events.txt
var toneData embed.FS

// ErrVocab is the sentinel of a [*VocabError]: a line of a tone vocabulary
// file, or a word of [ToneOptions.Words], that cannot be read.
var ErrVocab = errors.New("bad vocabulary entry")

// VocabError reports a bad line of a tone vocabulary file (File and Line)
// or a bad word of [ToneOptions.Words] (File "ToneOptions.Words", Line 0).
type VocabError struct {
	File string
	Line int
	Msg  string
}

// Error names the file and the line.
func (e *VocabError) Error() string {
	return "entities: " + e.File + ":" + strconv.Itoa(e.Line) + ": " + ErrVocab.Error() + ": " + e.Msg
}

// Unwrap returns [ErrVocab].
func (e *VocabError) Unwrap() error { return ErrVocab }

// parseVocab is the one reader of the tone vocabulary files: UTF-8 text,
// one entry a line, fields separated by runs of tabs, '#' comment lines and
// blank lines skipped. It calls fn with the fields of each entry line; an
// error fn returns is reported with the file and line.
func parseVocab(file string, data []byte, fn func(fields []string) error) error {
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r ")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return &VocabError{file, n, "not UTF-8"}
		}
		fields := strings.FieldsFunc(line, func(r rune) bool { return r == '\t' })
		if err := fn(fields); err != nil {
			return &VocabError{file, n, err.Error()}
		}
	}
	return sc.Err()
}

// cueKind is the role of a cue word (tonedata/cues.txt).
type cueKind uint8

const (
	cueNone cueKind = iota
	cueNegator
	cueIntensifier
	cueContrast
	cueBackref
	cueShield
	cueHolder
	cueRater
	cueStopper
)

var cueKinds = map[string]cueKind{
	"negator": cueNegator, "intensifier": cueIntensifier, "contrast": cueContrast,
	"backref": cueBackref, "shield": cueShield, "holder": cueHolder, "rater": cueRater, "stopper": cueStopper,
}

// eventRule is one line of tonedata/events.txt.
type eventRule struct {
	Event, Name string
	Triggers    []string
	Needs       []string // one must be in the clause; none: no condition
	NotBefore   []string // cancels when it ends at most six characters before
	NotAfter    []string // cancels when it starts at most four characters after
}

// eventNames are the sixteen events of the tone specification.
var eventNames = []string{"earnings", "guidance", "dividend", "buyback", "stake_up",
	"stake_down", "financing", "listing", "delisting", "m_and_a", "enforcement",
	"contract", "product", "management", "rating", "price_move"}

// vocabEntry is a word of the vocabulary with every role it has.
type vocabEntry struct {
	word   string
	weight float64 // sentiment weight; 0: none
	cue    cueKind
	rules  []int16 // indexes of the event rules it triggers
}

// vocab is the whole tone vocabulary and its matcher. It is immutable once
// built. The matcher indexes words by their first two runes: a text
// position whose rune starts no word costs one bit read, and one that
// does, a binary search among the second runes that follow it and a
// comparison with the few words that share the pair, longest first. The
// tables are small (a bit per rune, a bit per hashed pair, the index of
// the runes up to the last that starts a word) so that they stay in the
// cache while the rest of the analysis runs.
type vocab struct {
	entries  []vocabEntry
	firstSet []uint64    // bit r is set when some word starts with rune r (BMP)
	starts   []runeStart // starts[r], for r below len(starts)-1
	groups   []pairGroup // by first rune, then second rune
	cands    []int32     // entries of each group, longest first
	pairSet  []uint64    // bit pairHash(r1, r2) is set when some word starts with r1 r2
	rules    []eventRule
	backrefs []string // the back-reference cues
}

// runeStart is what starts with a rune r: the one-rune word r (single, or
// -1) and the pair groups of first rune r, groups[starts[r].lo:starts[r+1].lo].
type runeStart struct {
	lo, single int32
}

// pairBits is the size of pairSet in bits: 2^17, 16 KiB, a few percent of
// it set, so that most pairs of runes in a text are rejected by one bit.
const pairBits = 1 << 17

func pairHash(r1, r2 rune) uint32 {
	return (uint32(r1)*0x9E3779B1 ^ uint32(r2)*0x85EBCA77) >> (32 - 17) // top 17 bits
}

// pairGroup is the words that share their first two runes: the second is
// r2, the words cands[lo:hi].
type pairGroup struct {
	r2     rune
	lo, hi int32
}

// defaultVocab parses the embedded files once per process.
var defaultVocab = sync.OnceValues(func() (*vocab, error) { return buildVocab(nil) })

// buildVocab reads the embedded files and applies the user's words.
func buildVocab(words map[string]float64) (*vocab, error) {
	byWord := map[string]*vocabEntry{}
	get := func(w string) *vocabEntry {
		e := byWord[w]
		if e == nil {
			e = &vocabEntry{word: w}
			byWord[w] = e
		}
		return e
	}
	v := &vocab{}
	if err := readLexicon(get); err != nil {
		return nil, err
	}
	if err := readCues(get); err != nil {
		return nil, err
	}
	rules, err := readRules(get)
	if err != nil {
		return nil, err
	}
	v.rules = rules
	for _, w := range slices.Sorted(mapKeys(words)) {
		wt := words[w]
		if w == "" || !utf8.ValidString(w) || strings.ContainsAny(w, "\t\n") || wt < -2 || wt > 2 || wt != wt {
			return nil, &VocabError{"ToneOptions.Words", 0, fmt.Sprintf("word %q weight %v: want a word and a weight in [-2, 2]", w, wt)}
		}
		get(w).weight = wt
	}
	inheritWeights(byWord)
	v.index(byWord)
	for _, e := range v.entries {
		if e.cue == cueBackref {
			v.backrefs = append(v.backrefs, e.word)
		}
	}
	// a word that holds another (该公司, 公司) need not be looked for
	v.backrefs = slices.DeleteFunc(slices.Clone(v.backrefs), func(w string) bool {
		return slices.ContainsFunc(v.backrefs, func(x string) bool { return x != w && strings.Contains(w, x) })
	})
	return v, nil
}

func mapKeys(m map[string]float64) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func readLexicon(get func(string) *vocabEntry) error {
	data, err := toneData.ReadFile("tonedata/lexicon.txt")
	if err != nil {
		return err
	}
	return parseVocab("tonedata/lexicon.txt", data, func(f []string) error {
		if len(f) < 2 {
			return errors.New("want WORD<TAB>WEIGHT")
		}
		w, err := strconv.ParseFloat(f[1], 64)
		if err != nil || w < -2 || w > 2 {
			return fmt.Errorf("weight %q not in [-2, 2]", f[1])
		}
		get(f[0]).weight = w
		return nil
	})
}

func readCues(get func(string) *vocabEntry) error {
	data, err := toneData.ReadFile("tonedata/cues.txt")
	if err != nil {
		return err
	}
	return parseVocab("tonedata/cues.txt", data, func(f []string) error {
		if len(f) != 2 {
			return errors.New("want KIND<TAB>WORD")
		}
		k, ok := cueKinds[f[0]]
		if !ok {
			return fmt.Errorf("unknown cue kind %q", f[0])
		}
		get(f[1]).cue = k
		return nil
	})
}

func readRules(get func(string) *vocabEntry) ([]eventRule, error) {
	data, err := toneData.ReadFile("tonedata/events.txt")
	if err != nil {
		return nil, err
	}
	var rules []eventRule
	err = parseVocab("tonedata/events.txt", data, func(f []string) error {
		r, err := parseRule(f)
		if err != nil {
			return err
		}
		for _, q := range rules {
			if q.Name == r.Name {
				return fmt.Errorf("rule %q defined twice", r.Name)
			}
		}
		for _, t := range r.Triggers {
			e := get(t)
			e.rules = append(e.rules, int16(len(rules)))
		}
		rules = append(rules, r)
		return nil
	})
	return rules, err
}

// parseRule reads EVENT RULE TRIGGERS NEEDS NOT-BEFORE NOT-AFTER.
func parseRule(f []string) (eventRule, error) {
	if len(f) != 6 {
		return eventRule{}, fmt.Errorf("want 6 fields, got %d", len(f))
	}
	if !slices.Contains(eventNames, f[0]) {
		return eventRule{}, fmt.Errorf("unknown event %q", f[0])
	}
	list := func(s string) []string {
		if s == "-" {
			return nil
		}
		return strings.Split(s, "|")
	}
	r := eventRule{Event: f[0], Name: f[1], Triggers: list(f[2]), Needs: list(f[3]),
		NotBefore: list(f[4]), NotAfter: list(f[5])}
	if len(r.Triggers) == 0 || slices.Contains(r.Triggers, "") {
		return r, errors.New("empty trigger")
	}
	return r, nil
}

// inheritWeights gives an event trigger that is not itself in the lexicon
// the weight of the longest lexicon word inside it (获净买入 weighs what 净买入
// weighs), and a lexicon word that triggers no event the rules of the
// longest trigger it starts with (立案调查 triggers what 立案 does), since
// matching is leftmost-longest and the longer word would otherwise hide the
// shorter one.
func inheritWeights(byWord map[string]*vocabEntry) {
	longest := func(w string, ok func(*vocabEntry) bool) *vocabEntry {
		var best *vocabEntry
		for i := range w {
			for j := len(w); j > i; j-- {
				if s := byWord[w[i:j]]; s != nil && j-i < len(w) && ok(s) && (best == nil || j-i > len(best.word)) {
					best = s
				}
			}
		}
		return best
	}
	for w, e := range byWord {
		if e.cue != cueNone {
			continue
		}
		if e.weight == 0 && len(e.rules) > 0 {
			if s := longest(w, func(s *vocabEntry) bool { return s.weight != 0 }); s != nil {
				e.weight = s.weight
			}
		}
		if len(e.rules) == 0 && e.weight != 0 {
			// only a trigger the word starts with: 超预期 is no forecast
			if s := longest(w, func(s *vocabEntry) bool { return len(s.rules) > 0 && strings.HasPrefix(w, s.word) }); s != nil {
				e.rules = s.rules
			}
		}
	}
}

// index builds the matcher.
func (v *vocab) index(byWord map[string]*vocabEntry) {
	v.entries = make([]vocabEntry, 0, len(byWord))
	for _, w := range slices.Sorted(func(yield func(string) bool) {
		for w := range byWord {
			if !yield(w) {
				return
			}
		}
	}) {
		e := byWord[w]
		if e.weight == 0 && e.cue == cueNone && len(e.rules) == 0 {
			continue // a word removed by the user
		}
		v.entries = append(v.entries, *e)
	}
	v.pairSet = make([]uint64, pairBits/64)
	v.firstSet = make([]uint64, 0x10000/64)
	type keyed struct {
		r1, r2 rune
		i      int32
	}
	var multi []keyed
	last := rune(0)
	for i, e := range v.entries {
		r1, n := utf8.DecodeRuneInString(e.word)
		if r1 >= 0x10000 {
			continue
		}
		v.firstSet[r1/64] |= 1 << (r1 % 64)
		last = max(last, r1)
		if n == len(e.word) {
			continue
		}
		r2, _ := utf8.DecodeRuneInString(e.word[n:])
		multi = append(multi, keyed{r1, r2, int32(i)})
		h := pairHash(r1, r2)
		v.pairSet[h/64] |= 1 << (h % 64)
	}
	v.starts = make([]runeStart, last+2)
	for i := range v.starts {
		v.starts[i].single = -1
	}
	for i, e := range v.entries {
		if r1, n := utf8.DecodeRuneInString(e.word); r1 < 0x10000 && n == len(e.word) {
			v.starts[r1].single = int32(i)
		}
	}
	slices.SortFunc(multi, func(a, b keyed) int {
		if a.r1 != b.r1 {
			return int(a.r1 - b.r1)
		}
		if a.r2 != b.r2 {
			return int(a.r2 - b.r2)
		}
		return len(v.entries[b.i].word) - len(v.entries[a.i].word)
	})
	r := rune(0)
	for k, m := range multi {
		if k == 0 || m.r1 != multi[k-1].r1 || m.r2 != multi[k-1].r2 {
			for ; r <= m.r1; r++ {
				v.starts[r].lo = int32(len(v.groups))
			}
			v.groups = append(v.groups, pairGroup{r2: m.r2, lo: int32(k)})
		}
		v.groups[len(v.groups)-1].hi = int32(k + 1)
		v.cands = append(v.cands, m.i)
	}
	for ; int(r) < len(v.starts); r++ {
		v.starts[r].lo = int32(len(v.groups))
	}
}

// match returns the index of the longest entry that starts text[i:] with
// rune r, or -1.
func (v *vocab) match(text string, i int, r rune) int {
	if r < 0 || r >= 0x10000 || v.firstSet[r/64]&(1<<(r%64)) == 0 {
		return -1
	}
	st := v.starts[r : r+2]
	gs := v.groups[st[0].lo:st[1].lo]
	if j := i + utf8.RuneLen(r); len(gs) > 0 && j < len(text) {
		r2, _ := utf8.DecodeRuneInString(text[j:])
		if h := pairHash(r, r2); v.pairSet[h/64]&(1<<(h%64)) == 0 {
			return int(st[0].single)
		}
		if g, ok := slices.BinarySearchFunc(gs, r2, func(g pairGroup, r2 rune) int { return int(g.r2 - r2) }); ok {
			for _, k := range v.cands[gs[g].lo:gs[g].hi] {
				if strings.HasPrefix(text[i:], v.entries[k].word) {
					return int(k)
				}
			}
		}
	}
	return int(st[0].single)
}

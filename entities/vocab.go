package entities

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// The claim extractor's words live in data files under vocab/, embedded in
// the package. Every file has the same format: UTF-8 text, one entry per
// line, fields separated by tabs, lines starting with # and blank lines
// ignored. Each file opens with comments naming its columns:
//
//   - units.tsv: word, unit, class — unit words after a number (元, %, 家, 吨, 年)
//   - unit_guards.tsv: word, runes — runes after a unit word that make it
//     part of another word (股东, 头部)
//   - currencies.tsv: word, code — currencies written before an amount
//   - comparators.tsv: position, word, comparator, role — 超过, 约, 以上
//   - kinds.tsv: word, kind, sign — change, flow, target and level words
//   - periods.tsv: word, period — quarter and half-year words (一季度 → Q1)
//   - words.tsv: set, word — the word sets the rules use (subject tails,
//     count and money nouns, degree words, …), each documented in the file
//
// [LoadVocabulary] reads files of the same names and format from a
// file system and adds their entries to the built-in ones; pass the result
// as ClaimOptions.Vocabulary.

//go:embed vocab/*.tsv
var vocabFS embed.FS

// vocabFiles are the files a vocabulary is read from, in order.
var vocabFiles = []string{"units.tsv", "unit_guards.tsv", "currencies.tsv", "comparators.tsv", "kinds.tsv", "periods.tsv", "words.tsv"}

// ErrVocabulary is wrapped by the errors of [LoadVocabulary].
var ErrVocabulary = errors.New("invalid vocabulary entry")

// VocabularyError names the file and line of a bad vocabulary entry.
type VocabularyError struct {
	File string
	Line int
	Err  error // wraps ErrVocabulary
}

// Error returns a message naming the file and the line.
func (e *VocabularyError) Error() string {
	return fmt.Sprintf("entities: vocabulary %s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the wrapped error, so that errors.Is(err, ErrVocabulary) works.
func (e *VocabularyError) Unwrap() error { return e.Err }

type currencyWord struct{ word, code string }

// Vocabulary holds the words the claim extractor reads: unit words,
// comparators, change words and the word sets of its rules. The zero value
// is empty; use [DefaultVocabulary] or [LoadVocabulary]. A Vocabulary is
// read-only once built and safe for concurrent use.
type Vocabulary struct {
	units       []unitWord
	unitIndex   map[rune][]unitWord // by first rune, longest first
	unitGuards  map[string]string   // unit word → runes that may not follow it
	currencies  []currencyWord
	before      []comparatorWord // longest first
	beforeLast  map[rune][]comparatorWord
	after       []comparatorWord
	kinds       []kindWord
	kindsByLast map[rune][]kindWord // longest first
	verbs       map[rune]int        // one-rune change verbs and their sign
	periods     []periodWord
	sets        [numSets][]string

	// Indexes over sets, built once.
	subjectTailsByLast   map[rune][]string
	moneyNounsByLast     map[rune][]string
	longCountNounsByLast map[rune][]string
	lone                 map[string]bool
	periodsByLast        map[rune][]periodWord // longest first
	runeSets             [numSets]string       // the sets named *_runes, joined
}

var defaultVocabulary = sync.OnceValues(func() (*Vocabulary, error) {
	return LoadVocabulary(nil)
})

// DefaultVocabulary returns the built-in vocabulary. It is built once, on
// first use; the embedded files are tested, so it never fails.
func DefaultVocabulary() *Vocabulary {
	v, err := defaultVocabulary()
	if err != nil {
		panic(err) // the embedded files are checked by the package's tests
	}
	return v
}

// LoadVocabulary returns the built-in vocabulary extended by the files of
// the same names found in fsys (any of units.tsv, unit_guards.tsv,
// currencies.tsv, comparators.tsv, kinds.tsv, periods.tsv, words.tsv; absent files add
// nothing). A nil fsys gives the built-in vocabulary. A bad line is a
// [*VocabularyError] naming the file and line.
func LoadVocabulary(fsys fs.FS) (*Vocabulary, error) {
	v := &Vocabulary{unitGuards: map[string]string{}, verbs: map[rune]int{}}
	for _, src := range []fs.FS{vocabFS, fsys} {
		if src == nil {
			continue
		}
		for _, name := range vocabFiles {
			path := name
			if src == fs.FS(vocabFS) {
				path = "vocab/" + name
			}
			data, err := fs.ReadFile(src, path)
			if errors.Is(err, fs.ErrNotExist) && src != fs.FS(vocabFS) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("entities: vocabulary %s: %w", name, err)
			}
			if err := v.read(name, data); err != nil {
				return nil, err
			}
		}
	}
	v.build()
	return v, nil
}

// read adds the entries of one file.
func (v *Vocabulary) read(name string, data []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 1
	for ; sc.Scan(); line++ {
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if err := v.entry(name, f); err != nil {
			return &VocabularyError{File: name, Line: line, Err: fmt.Errorf("%w: %v", ErrVocabulary, err)}
		}
	}
	if err := sc.Err(); err != nil {
		return &VocabularyError{File: name, Line: line, Err: fmt.Errorf("%w: %v", ErrVocabulary, err)}
	}
	return nil
}

// fieldCounts is the number of fields of each file's entries.
var fieldCounts = map[string]int{"units.tsv": 3, "unit_guards.tsv": 2, "currencies.tsv": 2,
	"comparators.tsv": 4, "kinds.tsv": 3, "periods.tsv": 2, "words.tsv": 2}

var unitClasses = map[string]unitClass{"count": classCount, "money": classMoney, "percent": classPercent,
	"permille": classPermille, "basis": classBasis, "times": classTimes, "physical": classPhysical, "time": classTime}

var claimKinds = map[string]claimKind{"change": kindChange, "flow": kindFlow, "target": kindTarget, "level": kindLevel}

var signs = map[string]int{"+1": 1, "1": 1, "-1": -1, "0": 0}

// entry adds one line's fields.
func (v *Vocabulary) entry(name string, f []string) error {
	if len(f) != fieldCounts[name] {
		return fmt.Errorf("%d fields, want %d", len(f), fieldCounts[name])
	}
	for _, x := range f {
		if x == "" {
			return errors.New("empty field")
		}
	}
	switch name {
	case "units.tsv":
		c, ok := unitClasses[f[2]]
		if !ok {
			return fmt.Errorf("unknown class %q", f[2])
		}
		unit := f[1]
		if unit == "-" {
			unit = ""
		}
		v.units = append(v.units, unitWord{word: f[0], unit: unit, class: c})
	case "unit_guards.tsv":
		v.unitGuards[f[0]] += f[1]
	case "currencies.tsv":
		v.currencies = append(v.currencies, currencyWord{f[0], f[1]})
	case "comparators.tsv":
		return v.comparator(f)
	case "kinds.tsv":
		return v.kind(f)
	case "periods.tsv":
		p := f[1]
		if p == "-" {
			p = ""
		}
		v.periods = append(v.periods, periodWord{f[0], p})
	case "words.tsv":
		id, ok := setIDs[f[0]]
		if !ok {
			return fmt.Errorf("unknown word set %q", f[0])
		}
		v.sets[id] = append(v.sets[id], f[1])
	}
	return nil
}

var comparatorNames = map[string]Comparator{"=": Equal, ">": Greater, ">=": GreaterEqual, "<": Less, "<=": LessEqual, "~": About}

func (v *Vocabulary) comparator(f []string) error {
	c, ok := comparatorNames[f[2]]
	if !ok {
		return fmt.Errorf("unknown comparator %q", f[2])
	}
	w := comparatorWord{word: f[1], cmp: c}
	switch f[3] {
	case "compare", "link":
	case "explicit":
		w.explicit = true
	case "stop":
		w.stop = true
	default:
		return fmt.Errorf("unknown role %q", f[3])
	}
	switch f[0] {
	case "before":
		v.before = append(v.before, w)
	case "after":
		v.after = append(v.after, w)
	default:
		return fmt.Errorf("unknown position %q", f[0])
	}
	return nil
}

func (v *Vocabulary) kind(f []string) error {
	sign, ok := signs[f[2]]
	if !ok {
		return fmt.Errorf("unknown sign %q", f[2])
	}
	if f[1] == "verb" {
		r, size := utf8.DecodeRuneInString(f[0])
		if size != len(f[0]) {
			return fmt.Errorf("verb %q is not one rune", f[0])
		}
		v.verbs[r] = sign
		return nil
	}
	k, ok := claimKinds[f[1]]
	if !ok {
		return fmt.Errorf("unknown kind %q", f[1])
	}
	v.kinds = append(v.kinds, kindWord{word: f[0], kind: k, sign: sign})
	return nil
}

// build makes the indexes.
func (v *Vocabulary) build() {
	v.unitIndex = make(map[rune][]unitWord)
	for _, u := range v.units {
		u.guard = v.unitGuards[u.word]
		r, _ := utf8.DecodeRuneInString(u.word)
		v.unitIndex[r] = append(v.unitIndex[r], u)
	}
	for _, l := range v.unitIndex {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].word) > len(l[j].word) })
	}
	sort.SliceStable(v.before, func(i, j int) bool { return len(v.before[i].word) > len(v.before[j].word) })
	v.beforeLast = map[rune][]comparatorWord{}
	for _, w := range v.before {
		r, _ := utf8.DecodeLastRuneInString(w.word)
		v.beforeLast[r] = append(v.beforeLast[r], w)
	}
	sort.SliceStable(v.after, func(i, j int) bool { return len(v.after[i].word) > len(v.after[j].word) })
	v.kindsByLast = map[rune][]kindWord{}
	for _, k := range v.kinds {
		r, _ := utf8.DecodeLastRuneInString(k.word)
		v.kindsByLast[r] = append(v.kindsByLast[r], k)
	}
	for _, l := range v.kindsByLast {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].word) > len(l[j].word) })
	}
	v.periodsByLast = map[rune][]periodWord{}
	for _, p := range v.periods {
		r, _ := utf8.DecodeLastRuneInString(p.word)
		v.periodsByLast[r] = append(v.periodsByLast[r], p)
	}
	for _, l := range v.periodsByLast {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].word) > len(l[j].word) })
	}
	v.subjectTailsByLast = byLastRune(v.sets[setSubjectTail])
	v.moneyNounsByLast = byLastRune(v.sets[setMoneyNoun])
	var long []string
	for _, w := range v.sets[setCountNoun] {
		if len(w) > 3 {
			long = append(long, w)
		}
	}
	v.longCountNounsByLast = byLastRune(long)
	for id, ws := range v.sets {
		if strings.HasSuffix(setNames[id], "_runes") {
			v.runeSets[id] = strings.Join(ws, "")
		}
	}
	v.lone = map[string]bool{}
	for _, w := range v.sets[setLone] {
		v.lone[w] = true
	}
}

// setID names a word set of words.tsv; sets are held in an array so that
// the rules look them up without hashing.
type setID uint8

// The word sets, in the order of setNames.
const (
	setBase setID = iota
	setChangeAfter
	setChangeVerbRunes
	setClockAfter
	setClockBefore
	setCompany
	setCountNoun
	setDegree
	setFlowSuffix
	setIndexLevelRunes
	setIndexMoveRunes
	setInexact
	setLone
	setLossAfter
	setMoneyNoun
	setMoneyNounAfter
	setNotAboutRunes
	setNotFallRunes
	setNumeralWordRunes
	setOneWordRunes
	setPerUnit
	setRangeMark
	setRankBefore
	setSubjectLead
	setSubjectTail
	setTenthsWordRunes
	setTimesLink
	setTimesNamed
	setTimesStockAfter
	setYuanWordAfter
	setYuanWordRunes
	numSets
)

// setNames are the names words.tsv gives the sets.
var setNames = [numSets]string{"base", "change_after", "change_verb_runes", "clock_after", "clock_before", "company", "count_noun", "degree", "flow_suffix", "index_level_runes", "index_move_runes", "inexact", "lone", "loss_after", "money_noun", "money_noun_after", "not_about_runes", "not_fall_runes", "numeral_word_runes", "one_word_runes", "per_unit", "range_mark", "rank_before", "subject_lead", "subject_tail", "tenths_word_runes", "times_link", "times_named", "times_stock_after", "yuan_word_after", "yuan_word_runes"}

// setIDs maps a set's name to its id.
var setIDs = func() map[string]setID {
	m := make(map[string]setID, numSets)
	for i, n := range setNames {
		m[n] = setID(i)
	}
	return m
}()

// set returns a word set of words.tsv.
func (v *Vocabulary) set(id setID) []string { return v.sets[id] }

// runes returns a rune set of words.tsv as one string.
func (v *Vocabulary) runes(id setID) string { return v.runeSets[id] }

// hasPrefixIn returns the first word of set that s starts with.
func (v *Vocabulary) hasPrefixIn(s string, set setID) (string, bool) {
	for _, w := range v.sets[set] {
		if strings.HasPrefix(s, w) {
			return w, true
		}
	}
	return "", false
}

// hasSuffixIn reports whether s ends with a word of set.
func (v *Vocabulary) hasSuffixIn(s string, set setID) bool {
	for _, w := range v.sets[set] {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// containsAny reports whether s holds a word of set.
func (v *Vocabulary) containsAny(s string, set setID) bool {
	for _, w := range v.sets[set] {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

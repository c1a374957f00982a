package ticker

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrVocabulary means a line of a vocabulary file is malformed; it is
// wrapped in a [*VocabularyError] that says where.
var ErrVocabulary = errors.New("bad vocabulary line")

// VocabularyError is a malformed line of a vocabulary file.
type VocabularyError struct {
	File string // the name given to ParseVocabulary
	Line int    // 1-based
	Text string // the line
	Err  error
}

func (e *VocabularyError) Error() string {
	return fmt.Sprintf("ticker: %s:%d: %v %q", e.File, e.Line, e.Err, e.Text)
}

func (e *VocabularyError) Unwrap() error { return e.Err }

// VocabularyEntry is one entry of a vocabulary section: a word and its
// options (left=…, right=…, strict for the short section).
type VocabularyEntry struct {
	Word    string
	Options map[string]string // nil when the entry has none
}

// Vocabulary is the data the linker's rules look for, by section: stop
// names, the context rules of two-character names, the words that make a
// name part of an institution's, a platform's or a fund's name, and so on.
// The built-in one is ticker/data/linker.vocab, whose header documents the
// format and each section; [DefaultVocabulary] returns it and
// [ParseVocabulary] reads a user's file in the same format.
type Vocabulary struct {
	Sections map[string][]VocabularyEntry
}

// Words returns the words of the named sections, in file order.
func (v *Vocabulary) Words(sections ...string) []string {
	var out []string
	if v == nil {
		return nil
	}
	for _, s := range sections {
		for _, e := range v.Sections[s] {
			out = append(out, e.Word)
		}
	}
	return out
}

// Chars returns the characters of a section whose entries are strings of
// characters ([list-after], [country-maker], [word-starter]): the
// characters of all its entries.
func (v *Vocabulary) Chars(section string) string {
	return strings.Join(v.Words(section), "")
}

// vocabSections are the sections ParseVocabulary accepts.
var vocabSections = map[string]bool{
	"stop": true, "stop-product": true, "stop-subsidiary": true, "stop-index": true, "stop-word": true,
	"short": true, "list-after": true, "list-separator": true, "name-lead": true, "generic": true,
	"institution-suffix": true, "fund-suffix": true, "platform": true, "platform-after": true,
	"platform-verb": true, "exchange": true, "company-word": true, "country-maker": true,
	"national-after": true, "credit": true, "theme": true, "word-starter": true,
}

// ParseVocabulary reads a vocabulary file: "[section]" lines start a
// section, "#" lines are comments, every other non-empty line is an entry:
// a word, then optional tab-separated options, key=value or a bare flag.
// An unknown section, an entry before any section or an empty word is an
// error naming name and the line.
func ParseVocabulary(name string, r io.Reader) (*Vocabulary, error) {
	v := &Vocabulary{Sections: make(map[string][]VocabularyEntry)}
	sc := bufio.NewScanner(r)
	section := ""
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), " \r")
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		case strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]"):
			section = text[1 : len(text)-1]
			if !vocabSections[section] {
				return nil, &VocabularyError{File: name, Line: line, Text: text, Err: fmt.Errorf("%w: unknown section", ErrVocabulary)}
			}
			continue
		case section == "":
			return nil, &VocabularyError{File: name, Line: line, Text: text, Err: fmt.Errorf("%w: entry before any section", ErrVocabulary)}
		}
		fields := strings.Split(text, "\t")
		e := VocabularyEntry{Word: strings.TrimSpace(fields[0])}
		if e.Word == "" {
			return nil, &VocabularyError{File: name, Line: line, Text: text, Err: fmt.Errorf("%w: empty word", ErrVocabulary)}
		}
		for _, f := range fields[1:] {
			if e.Options == nil {
				e.Options = make(map[string]string)
			}
			k, val, _ := strings.Cut(f, "=")
			e.Options[k] = val
		}
		v.Sections[section] = append(v.Sections[section], e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ticker: %s: %w", name, err)
	}
	return v, nil
}

//go:embed data/linker.vocab
var vocabData string

// builtinVocab is the parsed built-in vocabulary; the embedded file is
// checked by the tests, so a failure here is a build defect.
var builtinVocab = func() *Vocabulary {
	v, err := ParseVocabulary("data/linker.vocab", strings.NewReader(vocabData))
	if err != nil {
		panic(err)
	}
	return v
}()

// DefaultVocabulary returns a copy of the built-in vocabulary.
func DefaultVocabulary() *Vocabulary {
	out := &Vocabulary{Sections: make(map[string][]VocabularyEntry, len(builtinVocab.Sections))}
	for k, v := range builtinVocab.Sections {
		out.Sections[k] = append([]VocabularyEntry(nil), v...)
	}
	return out
}

// shortRules reads the [short] section as the rules of shortNameOK.
func (v *Vocabulary) shortRules() map[string]shortRisk {
	out := make(map[string]shortRisk, len(v.Sections["short"]))
	for _, e := range v.Sections["short"] {
		_, strict := e.Options["strict"]
		out[nameKey(e.Word)] = shortRisk{left: e.Options["left"], right: e.Options["right"], strict: strict}
	}
	return out
}

func wordSet(words []string) map[string]bool {
	out := make(map[string]bool, len(words))
	for _, w := range words {
		out[w] = true
	}
	return out
}

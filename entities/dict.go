package entities

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// FinanceDictVersion is the date of the embedded finance dictionary
// (dict/finance.txt): the company, product and institution names it lists
// are as of that date.
const FinanceDictVersion = "2026-11-29"

// financeDict is the project's own finance dictionary, in the format that
// [ParseDict] reads.
//
//go:embed dict/finance.txt
var financeDict string

// WordKind says what a dictionary word is. It decides both whether the word
// is reported as an entity and how it helps to find entities next to it.
// The zero value, WordPlain, is a word that only helps segmentation.
type WordKind uint8

// Word kinds, with the tag that names each in a dictionary file.
const (
	WordPlain        WordKind = iota // "w": helps segmentation, never an entity
	WordPerson                       // "nr": a person (张小龙)
	WordOrganization                 // "nt": an organisation (腾讯, 中国证监会)
	WordProduct                      // "nz": a product or brand (小程序, 视频号)
	WordTitle                        // "title": a job title; a name often follows (董事长雷军)
	WordOrgSuffix                    // "suffix": ends an organisation name (X公司, X集团)
	WordPlace                        // "ns": a place; may start an organisation name
	WordCue                          // "cue": a verb that often follows a person (张颖表示)
	WordStop                         // "stop": never an entity nor part of one (该公司, 上市公司)
)

var wordKindTags = [...]string{"w", "nr", "nt", "nz", "title", "suffix", "ns", "cue", "stop"}

// String returns the kind's dictionary tag, such as "nt" or "title".
func (k WordKind) String() string {
	if int(k) < len(wordKindTags) {
		return wordKindTags[k]
	}
	return "w"
}

// ParseWordKind returns the WordKind for a dictionary tag ("nt", "title"…).
// It reports false for an unknown tag.
func ParseWordKind(tag string) (WordKind, bool) {
	for i, t := range wordKindTags {
		if t == tag {
			return WordKind(i), true
		}
	}
	return WordPlain, false
}

// entityKind maps the three entity word kinds to their EntityKind.
func (k WordKind) entityKind() (EntityKind, bool) {
	switch k {
	case WordPerson:
		return Person, true
	case WordOrganization:
		return Organization, true
	case WordProduct:
		return Product, true
	}
	return 0, false
}

// Word is one dictionary entry.
type Word struct {
	// Text is the word as it appears in text. It must not be empty nor hold
	// white space. ASCII letters match in any case.
	Text string
	// Kind classifies the word.
	Kind WordKind
	// Freq biases segmentation towards the word; 0 means the default, 3000.
	// Frequencies are on the scale of gse's dictionary (公司 is about 45,000).
	Freq int
}

// defaultFreq is the frequency of a word whose entry gives none: high enough
// that a listed name beats a split into common words, low enough not to
// swallow them.
const defaultFreq = 3000

// ErrDictSyntax is the reason for a [DictError]: a dictionary line that is
// not "word [freq] tag".
var ErrDictSyntax = errors.New("malformed dictionary line")

// ErrBadWord is the reason for a [DictError] on a [Word] passed in
// [Options]: empty text, white space in the text, invalid UTF-8, or an
// unknown kind.
var ErrBadWord = errors.New("bad dictionary word")

// DictError reports a bad dictionary entry and where it is.
type DictError struct {
	Name string // the dictionary's name: a file name, "Options.Words", …
	Line int    // 1-based line (or for Options.Words, 1-based index)
	Text string // the offending line or word
	Err  error  // ErrDictSyntax or ErrBadWord, possibly wrapped
}

func (e *DictError) Error() string {
	return fmt.Sprintf("entities: %s:%d: %v: %q", e.Name, e.Line, e.Err, e.Text)
}

func (e *DictError) Unwrap() error { return e.Err }

// ParseDict reads a dictionary: one entry per line, "word [freq] tag",
// fields separated by spaces or tabs. The tag is one of the [WordKind] tags
// (nr, nt, nz, title, suffix, ns, cue, w, stop). Blank lines and lines
// starting with # are skipped. name is used in errors. A malformed line
// gives a *DictError naming it; reading stops at the first one.
func ParseDict(name string, r io.Reader) ([]Word, error) {
	var words []Word
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		w, ok, err := parseDictLine(sc.Text())
		if err != nil {
			return nil, &DictError{Name: name, Line: line, Text: sc.Text(), Err: err}
		}
		if ok {
			words = append(words, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("entities: reading dictionary %s: %w", name, err)
	}
	return words, nil
}

// ParseDictFS reads the dictionary file name from fsys with [ParseDict].
func ParseDictFS(fsys fs.FS, name string) ([]Word, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("entities: opening dictionary: %w", err)
	}
	defer f.Close()
	return ParseDict(name, f)
}

// parseDictLine parses one dictionary line. ok is false for blank lines and
// comments.
func parseDictLine(s string) (w Word, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" || s[0] == '#' {
		return Word{}, false, nil
	}
	if !utf8.ValidString(s) {
		return Word{}, false, fmt.Errorf("%w: invalid UTF-8", ErrDictSyntax)
	}
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 3 {
		return Word{}, false, fmt.Errorf("%w: want \"word [freq] tag\"", ErrDictSyntax)
	}
	w.Text = f[0]
	kind, known := ParseWordKind(f[len(f)-1])
	if !known {
		return Word{}, false, fmt.Errorf("%w: unknown tag %q", ErrDictSyntax, f[len(f)-1])
	}
	w.Kind = kind
	if len(f) == 3 {
		n, err := strconv.Atoi(f[1])
		if err != nil || n <= 0 {
			return Word{}, false, fmt.Errorf("%w: bad frequency %q", ErrDictSyntax, f[1])
		}
		w.Freq = n
	}
	return w, true, nil
}

// checkWord validates a Word given through Options.
func checkWord(w Word) error {
	switch {
	case w.Text == "":
		return fmt.Errorf("%w: empty text", ErrBadWord)
	case !utf8.ValidString(w.Text):
		return fmt.Errorf("%w: invalid UTF-8", ErrBadWord)
	case strings.ContainsFunc(w.Text, isDictSpace):
		return fmt.Errorf("%w: white space in text", ErrBadWord)
	case int(w.Kind) >= len(wordKindTags):
		return fmt.Errorf("%w: unknown kind %d", ErrBadWord, w.Kind)
	case w.Freq < 0:
		return fmt.Errorf("%w: negative frequency", ErrBadWord)
	}
	return nil
}

func isDictSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x3000 || r == 0xA0
}

// lowerASCII lower-cases ASCII letters only, as gse does with its input, so
// that dictionary keys match segmenter tokens. Byte length never changes.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + ('a' - 'A')
				}
			}
			return string(b)
		}
	}
	return s
}

// lexicon is a compiled dictionary: the kind of every word (keys lower-cased
// in ASCII) and the text handed to gse.
type lexicon struct {
	kinds map[string]WordKind
	gse   string // "word freq tag" lines for gse's LoadDictStr

	// names are security names (Options.Names), matched over tokens
	// rather than loaded into the segmenter; maxName is the longest in bytes.
	names   map[string]bool
	maxName int
}

// addName adds a security name unless the dictionary already lists it.
func (lx *lexicon) addName(n string) {
	key := lowerASCII(n)
	if _, listed := lx.kinds[key]; listed {
		return
	}
	if lx.names == nil {
		lx.names = map[string]bool{}
	}
	lx.names[key] = true
	lx.maxName = max(lx.maxName, len(key))
}

// buildLexicon merges word lists; the first entry of a word wins, so the
// caller's words should come first.
func buildLexicon(lists ...[]Word) *lexicon {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	lx := &lexicon{kinds: make(map[string]WordKind, n)}
	var b strings.Builder
	b.Grow(n * 20)
	for _, l := range lists {
		for _, w := range l {
			key := lowerASCII(w.Text)
			if _, dup := lx.kinds[key]; dup {
				continue
			}
			lx.kinds[key] = w.Kind
			freq := w.Freq
			if freq == 0 {
				freq = defaultFreq
			}
			b.WriteString(w.Text)
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(freq))
			b.WriteByte(' ')
			b.WriteString(gseTag(w.Kind))
			b.WriteByte('\n')
		}
	}
	lx.gse = b.String()
	return lx
}

// gseTag is the jieba-style part-of-speech tag stored in the segmenter.
func gseTag(k WordKind) string {
	switch k {
	case WordPerson:
		return "nr"
	case WordOrganization:
		return "nt"
	case WordProduct:
		return "nz"
	case WordPlace:
		return "ns"
	case WordCue:
		return "v"
	}
	return "n"
}

// financeWords parses the embedded finance dictionary once per process;
// callers must not modify the slice. It is tested to parse; a failure here
// is a build defect.
var financeWords = sync.OnceValues(func() ([]Word, error) {
	return ParseDict("dict/finance.txt", strings.NewReader(financeDict))
})

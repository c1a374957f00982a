package stocknews

import (
	"cmp"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/ticker"
)

// AnalyzerOptions configures an Analyzer. A nil *AnalyzerOptions gives the
// defaults.
type AnalyzerOptions struct {
	// Master is added to the built-in master (ticker.DefaultMaster):
	// merged over it row by row as ticker.Master.Merge does, so that a
	// user's list adds securities and names and keeps the built-in ones.
	// The command-line programs' -master means the same. Nil means the
	// built-in master alone; with MasterOnly, Master is used alone.
	Master *ticker.Master
	// MasterOnly links against Master alone, without the built-in master.
	MasterOnly bool
	// Linker configures the ticker linker; nil gives its defaults.
	Linker *ticker.LinkerOptions
	// NoEntities skips named-entity extraction. The entity extractor loads
	// a segmenter dictionary (seconds, and over 100 MB) the first time it is
	// needed; with NoEntities it is never built.
	NoEntities bool
	// Entities configures the entity extractor; nil gives its defaults.
	// When its Names field is nil, the names and aliases of Master are
	// used.
	Entities *entities.Options
	// Parse configures AnalyzeBytes and AnalyzeFile.
	Parse *ParseOptions
	// AsOf, when not zero, is the time every article is linked as of.
	// By default an article is linked as of its publication day
	// (Article.Published, in Beijing time), and an article without a date
	// as of ticker.DataVersion: a name links only securities listed then,
	// with the symbol then in force (see ticker.Document.AsOf).
	AsOf time.Time
	// NoTone skips tone and events (Analysis.Tones and Analysis.Tone).
	NoTone bool
	// Tone configures the tone analyser (user words); nil gives its
	// defaults.
	Tone *entities.ToneOptions
}

// Analyzer runs the ticker linker, the claim extractor and the entity
// extractor over articles. Build it once with [NewAnalyzer] and share it:
// an Analyzer is safe for concurrent use by multiple goroutines, and it
// starts none itself.
type Analyzer struct {
	linker     *ticker.Linker
	asOf       string
	noEntities bool
	extractor  func() (*entities.Extractor, error)
	parse      *ParseOptions
	tone       *entities.ToneAnalyzer // nil: no tone
}

// ErrOptions is the reason of a configuration error: [NewAnalyzer]
// returns it, wrapped with the option at fault, at once rather than on
// every article.
var ErrOptions = errors.New("stocknews: invalid option")

// NewAnalyzer returns an Analyzer, or an error wrapping [ErrOptions] (or
// the entity dictionary's *entities.DictError) when an option is invalid.
// The entity options are checked at once; the segmenter itself is built
// lazily, on the first article analysed with entities enabled.
func NewAnalyzer(opts *AnalyzerOptions) (*Analyzer, error) {
	if opts == nil {
		opts = &AnalyzerOptions{}
	}
	if err := checkOptions(opts); err != nil {
		return nil, err
	}
	master := opts.Master
	switch {
	case master == nil:
		master = ticker.DefaultMaster()
	case !opts.MasterOnly:
		master = ticker.DefaultMaster().Merge(master)
	}
	var tone *entities.ToneAnalyzer
	if !opts.NoTone {
		var err error
		if tone, err = entities.NewToneAnalyzer(opts.Tone); err != nil {
			return nil, fmt.Errorf("%w: AnalyzerOptions.Tone: %w", ErrOptions, err)
		}
	}
	z := &Analyzer{
		tone:       tone,
		linker:     ticker.NewLinker(master, opts.Linker),
		asOf:       ticker.Day(opts.AsOf),
		noEntities: opts.NoEntities,
		parse:      opts.Parse,
	}
	if !opts.NoEntities {
		o := entities.Options{}
		if opts.Entities != nil {
			o = *opts.Entities
		}
		if o.Names == nil {
			// Company names from the same master the linker uses, so that
			// the entities agree with the tickers.
			o.Names = entities.MasterNames(master)
		}
		x, err := entities.New(&o)
		if err != nil {
			return nil, fmt.Errorf("stocknews: AnalyzerOptions.Entities: %w", err)
		}
		z.extractor = func() (*entities.Extractor, error) { return x, nil }
	}
	return z, nil
}

// checkOptions validates what NewAnalyzer can check without building
// anything.
func checkOptions(opts *AnalyzerOptions) error {
	if p := opts.Parse; p != nil && p.Format > Text {
		return fmt.Errorf("%w: AnalyzerOptions.Parse.Format %d: want Auto, Markdown, HTML, JSON or Text", ErrOptions, p.Format)
	}
	if l := opts.Linker; l != nil {
		for _, list := range [][]string{l.StopNames, l.MoreStopNames} {
			for i, n := range list {
				if strings.TrimSpace(n) == "" {
					return fmt.Errorf("%w: AnalyzerOptions.Linker stop name %d is empty", ErrOptions, i+1)
				}
			}
		}
		for name, sym := range l.Learned {
			if strings.TrimSpace(name) == "" || !sym.IsValid() {
				return fmt.Errorf("%w: AnalyzerOptions.Linker.Learned %q: %q: want a name and a valid symbol", ErrOptions, name, sym)
			}
		}
	}
	return nil
}

// Analyze links a parsed article to securities, extracts its claims and
// entities, and finds the tone and events of each security and the
// article's tone (Analysis.Tones, Analysis.Tone) unless NoTone is set.
// It never panics: a failure inside the analysis is reported in
// Analysis.Err (wrapping [ErrPanic]), with whatever was found before it.
// File is left empty.
func (z *Analyzer) Analyze(a *Article) (an Analysis) {
	if a == nil {
		an.Err = fmt.Errorf("stocknews: nil article")
		return an
	}
	an.Article = *a
	defer func() {
		if r := recover(); r != nil {
			an.Err = fmt.Errorf("%w: %v [%s]", ErrPanic, r, firstFrame(debug.Stack()))
		}
	}()
	doc := ticker.Document{Text: a.Text, TitleLen: len(a.Title), Anchors: a.Anchors, AsOf: cmp.Or(z.asOf, ticker.Day(a.Published), ticker.DataVersion)}
	var mentions []ticker.Mention
	an.Tickers, mentions = z.linker.LinkMentions(doc)
	year := 0
	if !a.Published.IsZero() {
		year = a.Published.Year()
	}
	an.Claims = entities.Claims(a.Text, &entities.ClaimOptions{Year: year, Mentions: mentions})
	if z.tone != nil {
		an.Tones, an.Tone = z.tone.Analyze(&entities.ToneDocument{Text: a.Text, TitleLen: len(a.Title),
			Links: an.Tickers, Mentions: mentions, Claims: an.Claims})
	}
	if !z.noEntities {
		x, err := z.extractor()
		if err != nil {
			an.Err = fmt.Errorf("stocknews: entity extractor: %w", err)
			return an
		}
		an.Entities = x.Entities(a.Text)
	}
	return an
}

// AnalyzeBytes parses data as [Parse] does and analyses the article. A
// parse error is returned in Analysis.Err with File set to name.
func (z *Analyzer) AnalyzeBytes(name string, data []byte) (an Analysis) {
	defer func() {
		if r := recover(); r != nil {
			an = Analysis{File: name, Err: &InputError{Name: name, Err: fmt.Errorf("%w: %v", ErrPanic, r)}}
		}
	}()
	a, err := Parse(name, data, z.parse)
	if err != nil {
		an := Analysis{File: name, Err: err}
		if a != nil {
			an.Article = *a
		}
		return an
	}
	return z.Article(name, a)
}

// AnalyzeFile reads and analyses the file at path, reading it as
// [ParseFile] does (gzip-compressed files are decompressed, whatever their
// name). An unreadable file gives an Analysis with Err set.
func (z *Analyzer) AnalyzeFile(path string) Analysis {
	data, err := ReadFile(path, z.parse)
	if err != nil {
		return Analysis{File: path, Err: err}
	}
	return z.AnalyzeBytes(path, data)
}

// firstFrame returns the first stack frame outside the runtime and this
// file, for a one-line report of a panic.
func firstFrame(stack []byte) string {
	for l := range strings.Lines(string(stack)) {
		if strings.HasPrefix(l, "\t") && !strings.Contains(l, "/runtime/") && !strings.Contains(l, "analyzer.go") {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

// Article analyses a parsed article read from the input called name, as
// Analyze does, and sets File to name. It has the shape of an
// [AnalyzeFunc], for use with a [Pipeline].
// An error names the input (an [*InputError]).
func (z *Analyzer) Article(name string, a *Article) Analysis {
	an := z.Analyze(a)
	an.File = name
	if an.Err != nil {
		an.Err = &InputError{Name: name, Err: an.Err}
	}
	return an
}

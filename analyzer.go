package stocknews

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/ticker"
)

// AnalyzerOptions configures an Analyzer. A nil *AnalyzerOptions gives the
// defaults.
type AnalyzerOptions struct {
	// Master is the security master used to link names; nil means
	// ticker.DefaultMaster().
	Master *ticker.Master
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
	noEntities bool
	extractor  func() (*entities.Extractor, error)
	parse      *ParseOptions
	tone       *entities.ToneAnalyzer // nil: no tone
}

// NewAnalyzer returns an Analyzer. The entity extractor is built lazily, on
// the first article analysed with entities enabled.
func NewAnalyzer(opts *AnalyzerOptions) (*Analyzer, error) {
	if opts == nil {
		opts = &AnalyzerOptions{}
	}
	master := opts.Master
	if master == nil {
		master = ticker.DefaultMaster()
	}
	eopts := opts.Entities
	build := func() (*entities.Extractor, error) {
		o := entities.Options{}
		if eopts != nil {
			o = *eopts
		}
		if o.Names == nil {
			// Company names from the same master the linker uses, so that
			// the entities agree with the tickers.
			o.Names = entities.MasterNames(master)
		}
		return entities.New(&o)
	}
	var tone *entities.ToneAnalyzer
	if !opts.NoTone {
		var err error
		if tone, err = entities.NewToneAnalyzer(opts.Tone); err != nil {
			return nil, fmt.Errorf("stocknews: tone: %w", err)
		}
	}
	return &Analyzer{
		tone:       tone,
		linker:     ticker.NewLinker(master, opts.Linker),
		noEntities: opts.NoEntities,
		extractor:  sync.OnceValues(build),
		parse:      opts.Parse,
	}, nil
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
	doc := ticker.Document{Text: a.Text, TitleLen: len(a.Title), Anchors: a.Anchors}
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

// AnalyzeFile reads and analyses the file at path. An unreadable file gives
// an Analysis with Err set.
func (z *Analyzer) AnalyzeFile(path string) Analysis {
	data, err := readLimited(path, z.parse.maxSize())
	if err != nil {
		return Analysis{File: path, Err: err}
	}
	return z.AnalyzeBytes(path, data)
}

// readLimited reads a file, refusing files over max bytes (max <= 0: no
// limit) without reading them whole.
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && max > 0 && fi.Size() > max {
		return nil, &ParseError{Name: path, Offset: int(max), Err: reason(ErrTooLarge, "%d bytes, limit %d", fi.Size(), max)}
	}
	var r io.Reader = f
	if max > 0 {
		r = io.LimitReader(f, max+1)
	}
	return io.ReadAll(r)
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

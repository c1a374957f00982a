package entities

// Options configures an Extractor. A nil *Options gives the defaults.
type Options struct{}

// Extractor finds named entities. It is safe for concurrent use.
type Extractor struct{}

// New returns an Extractor.
func New(opts *Options) (*Extractor, error) { return &Extractor{}, nil }

// Entities returns the named entities in text, in text order.
func (e *Extractor) Entities(text string) []Entity { return nil }

package ticker

// LinkerOptions configures a Linker. The zero value gives the defaults.
type LinkerOptions struct{}

// Linker links articles to securities. It is safe for concurrent use.
type Linker struct {
	master *Master
}

// NewLinker returns a Linker over m; a nil m means DefaultMaster().
func NewLinker(m *Master, opts *LinkerOptions) *Linker {
	if m == nil {
		m = DefaultMaster()
	}
	return &Linker{master: m}
}

// Mentions returns every mention of a security in doc, in text order.
func (l *Linker) Mentions(doc Document) []Mention { return nil }

// Link returns the securities doc is linked to, most relevant first.
func (l *Linker) Link(doc Document) []Link { return nil }

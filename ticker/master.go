package ticker

// Security is one row of a security master.
type Security struct {
	Symbol      Symbol
	Name        string   // short name (证券简称), NFKC-normalised, decorations such as *ST kept
	FullName    string   // registered company name, when known
	Aliases     []string // common aliases that link by themselves (茅台, 腾讯)
	FormerNames []string // earlier short names
}

// Master is a security master: the securities a Linker can find by name.
type Master struct {
	secs []Security
}

// DefaultMaster returns the built-in master.
func DefaultMaster() *Master { return &Master{} }

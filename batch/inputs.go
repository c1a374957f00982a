package batch

import (
	"errors"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stocknews/stocknews"
)

// ErrNoArticles is the reason of a folder argument that holds no article
// files: it gets one error record, so that an empty folder never passes
// for a successful run.
var ErrNoArticles = errors.New("stocknews: no article files in folder")

// inputExts are the extensions ExpandInputs takes from folders.
var inputExts = map[string]bool{
	".md": true, ".markdown": true, ".html": true, ".htm": true,
	".json": true, ".jsonl": true, ".ndjson": true, ".txt": true,
}

// ExpandInputs turns command-line arguments into the inputs to analyse, in
// order. A folder gives its article files (.md, .markdown, .html, .htm,
// .json, .jsonl, .ndjson, .txt, each also as .gz), recursively and sorted
// by path, leaving out hidden files and folders and test expectations
// (NAME.golden.json); a folder with none of them stands for itself (it
// gets an [ErrNoArticles] record). A glob gives its sorted matches, every
// one of them whatever its extension: what is not an article is told by
// its content ([stocknews.ErrNotArticle]). "-" (standard input) and any
// other argument are kept as they are, so that a missing file still gets
// its error record. A path named twice is kept once: each input has one
// key.
func ExpandInputs(args []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(ps ...string) {
		for _, p := range ps {
			if k := filepath.Clean(p); p == "-" || !seen[k] {
				seen[k] = true
				out = append(out, p)
			}
		}
	}
	for _, arg := range args {
		if arg == "-" {
			add(arg)
			continue
		}
		if fi, err := os.Stat(arg); err == nil {
			if fi.IsDir() {
				add(walkArticles(arg)...)
			} else {
				add(arg)
			}
			continue
		}
		if strings.ContainsAny(arg, "*?[") {
			if m, err := filepath.Glob(arg); err == nil && len(m) > 0 {
				slices.Sort(m)
				for _, p := range m {
					if fi, err := os.Stat(p); err == nil && fi.IsDir() {
						add(walkArticles(p)...)
					} else {
						add(p)
					}
				}
				continue
			}
		}
		add(arg)
	}
	return out
}

// walkArticles lists the article files under root; a folder without any
// gives root itself.
func walkArticles(root string) []string {
	var out []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// Unreadable: report it, so that it gets an error record. A
			// folder that cannot be listed stands for the files in it.
			out = append(out, p)
			if p != root && d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || strings.Contains(name, ".golden.") {
			return nil
		}
		// Gzip-compressed files count by the name under the .gz.
		if inputExts[strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))] {
			out = append(out, p)
		}
		return nil
	})
	if len(out) == 0 {
		return []string{root}
	}
	slices.Sort(out)
	return out
}

// IsFeed reports whether the input named is a JSON Lines feed holding many
// records: standard input ("-") or a .jsonl or .ndjson file, also
// gzip-compressed (.jsonl.gz).
func IsFeed(name string) bool {
	if name == "-" {
		return true
	}
	switch strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz"))) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// Inputs lists the inputs named by args, in order, as the command-line
// tools read them. The arguments are expanded by [ExpandInputs] (folders,
// globs); then
//
//   - "-" is standard input, read as a JSON Lines feed;
//   - a .jsonl or .ndjson file (also .jsonl.gz, .ndjson.gz) is a feed;
//   - a folder that holds no article files is one input failing with
//     [ErrNoArticles];
//   - any other name is one input, read when it is analysed, so a missing
//     file gets its error record then.
//
// Each non-blank line of a feed is one input keyed NAME:LINE. Feeds are
// read as [Feed] reads them, lazily, as the sequence is consumed, so a feed
// of any size runs in bounded memory. The sequence may be iterated more
// than once unless standard input is among args.
func Inputs(args ...string) iter.Seq[Input] {
	return ReadInputs(os.Stdin, args...)
}

// ReadInputs is [Inputs] reading "-" from stdin instead of os.Stdin.
func ReadInputs(stdin io.Reader, args ...string) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, name := range ExpandInputs(args) {
			if !listInput(name, stdin, yield) {
				return
			}
		}
	}
}

// InputList is [Inputs] as a slice, for callers that cannot use iterators
// (a notebook). Feeds are read in full, so prefer Inputs for large feeds.
func InputList(args ...string) []Input {
	return slices.Collect(Inputs(args...))
}

func listInput(name string, stdin io.Reader, yield func(Input) bool) bool {
	switch {
	case name == "-":
		return feed("-", stdin, yield)
	case !IsFeed(name):
		if fi, err := os.Stat(name); err == nil && fi.IsDir() {
			return yield(Input{Name: name, Err: &stocknews.InputError{Name: name, Err: ErrNoArticles}})
		}
		return yield(Input{Name: name, Path: name})
	}
	f, err := os.Open(name)
	if err != nil {
		return yield(Input{Name: name, Err: &stocknews.InputError{Name: name, Err: err}})
	}
	defer f.Close()
	return feed(name, f, yield)
}

// Feed lists the records of a JSON Lines feed read from r (plain or
// gzip-compressed: the magic bytes decide), keyed NAME:LINE. A line longer
// than the size limit is one failing input and the feed goes on after it; a
// read error (a corrupt gzip stream, a failing disk) yields one last input,
// keyed by the line that could not be read, carrying the error. The
// sequence reads r as it is consumed and can be iterated once.
func Feed(name string, r io.Reader) iter.Seq[Input] {
	return func(yield func(Input) bool) { feed(name, r, yield) }
}

// FeedList is [Feed] as a slice.
func FeedList(name string, r io.Reader) []Input {
	return slices.Collect(Feed(name, r))
}

// feed yields the records of a JSON Lines stream.
func feed(name string, r io.Reader, yield func(Input) bool) bool {
	lr := newLineReader(name, r, stocknews.DefaultMaxSize)
	defer lr.close()
	for {
		data, key, err := lr.next()
		switch {
		case err == io.EOF:
			return true
		case err == nil:
			// the line reader reuses its buffer: the input keeps a copy
			if !yield(Input{Name: key, Data: data, Format: stocknews.JSON}) {
				return false
			}
		case errors.Is(err, stocknews.ErrTooLarge):
			if !yield(Input{Name: key, Err: err}) {
				return false
			}
		default:
			return yield(Input{Name: key, Err: &stocknews.InputError{Name: key, Err: err}})
		}
	}
}

package stocknews

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// inputExts are the extensions ExpandInputs takes from folders.
var inputExts = map[string]bool{
	".md": true, ".markdown": true, ".html": true, ".htm": true,
	".json": true, ".jsonl": true, ".ndjson": true, ".txt": true,
}

// ExpandInputs turns command-line arguments into the inputs to analyse, in
// order. A folder gives its article files (.md, .html, .htm, .json,
// .jsonl, .txt, each also gzip-compressed as .gz), recursively and sorted by path, leaving out each folder's
// MANIFEST.tsv and README.md and test expectations (NAME.golden.json); a glob gives its sorted matches; "-" (standard
// input) and any other argument are kept as they are, so that a missing
// file still gets its error record.
func ExpandInputs(args []string) []string {
	var out []string
	for _, arg := range args {
		if arg == "-" {
			out = append(out, arg)
			continue
		}
		if fi, err := os.Stat(arg); err == nil {
			if fi.IsDir() {
				out = append(out, walkArticles(arg)...)
			} else {
				out = append(out, arg)
			}
			continue
		}
		if strings.ContainsAny(arg, "*?[") {
			if m, err := filepath.Glob(arg); err == nil && len(m) > 0 {
				slices.Sort(m)
				for _, p := range m {
					if fi, err := os.Stat(p); err == nil && fi.IsDir() {
						out = append(out, walkArticles(p)...)
					} else {
						out = append(out, p)
					}
				}
				continue
			}
		}
		out = append(out, arg)
	}
	return out
}

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
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if name == "MANIFEST.tsv" || strings.EqualFold(name, "README.md") || strings.HasPrefix(name, ".") ||
			strings.Contains(name, ".golden.") {
			return nil
		}
		// Gzip-compressed files count by the name under the .gz.
		if inputExts[strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))] {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// IsFeed reports whether the input named is a JSON Lines feed holding many
// records: standard input ("-") or a .jsonl or .ndjson file.
func IsFeed(name string) bool {
	if name == "-" {
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

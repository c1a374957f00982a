package stocknews_test

// The library must never open a network connection or start a process: it
// reads the bytes it is given and nothing else, and a URL found in an article
// is data, never something to fetch. This file enforces that with two import
// checks, so that a regression is caught at review time rather than in
// production:
//
//   - TestNoNetworkImports parses every library source file of the module
//     with go/parser and fails if one imports a package that can open a
//     connection or run a program. It needs no toolchain and always runs.
//   - TestNoNetworkDeps asks `go list -deps` for the import graph of the
//     library packages and fails if one of the module's own packages
//     imports a forbidden package, printing the import chain. It follows
//     the module's packages only: a third-party library may link net/http
//     for features the project never calls (parquet-go, for instance,
//     under metrics/report), so its imports prove nothing either way. It
//     is skipped when the go command is not available.
//
// The guarantee itself is tested as behaviour: .ci/run runs the command-
// line tools over testdata inside a network namespace with no interfaces
// (unshare -n), where any connection fails, and they must succeed.
//
// Library packages are all importable packages of this module: not test
// files, not commands (package main, such as the programs under examples/
// and the benchmark harnesses: they use the library and may run tools),
// not testdata/ folders, folders starting with "." or "_", nested modules,
// nor files excluded from every build by a "//go:build ignore" constraint
// (code generators may download reference data).
//
// Forbidden imports:
//
//   - "net" and every package below "net/" except the pure parsers
//     net/url, net/netip and net/mail, which never touch the network;
//   - crypto/tls, os/exec and plugin;
//   - every package below golang.org/x/net except the HTML tokenizer and
//     parser (html, html/atom, html/charset), idna and publicsuffix.

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// hNetAllowed lists the packages below net/ and golang.org/x/net/ that only
// parse text and may be imported by the library.
var hNetAllowed = map[string]bool{
	"net/url":                       true,
	"net/netip":                     true,
	"net/mail":                      true,
	"golang.org/x/net/html":         true,
	"golang.org/x/net/html/atom":    true,
	"golang.org/x/net/html/charset": true,
	"golang.org/x/net/idna":         true,
	"golang.org/x/net/publicsuffix": true,
}

// hForbiddenImport reports whether the library may not import path, and why.
func hForbiddenImport(p string) (string, bool) {
	switch {
	case hNetAllowed[p]:
		return "", false
	case p == "net" || strings.HasPrefix(p, "net/"):
		return "network access", true
	case p == "golang.org/x/net" || strings.HasPrefix(p, "golang.org/x/net/"):
		return "network access", true
	case p == "crypto/tls":
		return "network access (TLS)", true
	case p == "os/exec":
		return "starts processes", true
	case p == "plugin":
		return "loads code at run time", true
	}
	return "", false
}

var hForbiddenImportTests = []struct {
	path      string
	forbidden bool
}{
	{"net", true},
	{"net/http", true},
	{"net/http/httptest", true},
	{"net/rpc", true},
	{"net/smtp", true},
	{"net/textproto", true},
	{"crypto/tls", true},
	{"os/exec", true},
	{"plugin", true},
	{"golang.org/x/net/http2", true},
	{"golang.org/x/net/proxy", true},
	{"golang.org/x/net/websocket", true},
	{"net/url", false},
	{"net/netip", false},
	{"net/mail", false},
	{"golang.org/x/net/html", false},
	{"golang.org/x/net/html/atom", false},
	{"golang.org/x/net/html/charset", false},
	{"golang.org/x/text/encoding/simplifiedchinese", false},
	{"os", false},
	{"network", false}, // a prefix match must stop at a path boundary
	{"netx/http", false},
}

func TestForbiddenImport(t *testing.T) {
	for _, tt := range hForbiddenImportTests {
		t.Run(tt.path, func(t *testing.T) {
			if _, got := hForbiddenImport(tt.path); got != tt.forbidden {
				t.Errorf("hForbiddenImport(%q) = %v, want %v", tt.path, got, tt.forbidden)
			}
		})
	}
}

// hModuleRoot returns the folder holding this module's go.mod, walking up
// from the test's working directory.
func hModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above the test's working directory")
		}
		dir = parent
	}
}

// hModulePath reads the module path from root/go.mod.
func hModulePath(t testing.TB, root string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatalf("read go.mod: %v", err)
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module"); ok {
			rest = strings.TrimSpace(rest)
			if s, err := strconv.Unquote(rest); err == nil {
				rest = s
			}
			if rest != "" {
				return rest
			}
		}
	}
	t.Fatalf("go.mod: no module line")
	return ""
}

// hLibraryFile is one non-test source file of a library package.
type hLibraryFile struct {
	dir  string // slash-separated, relative to the module root; "." for the root
	name string
}

// hLibraryFiles walks the module and returns its library source files, as
// defined at the top of this file.
func hLibraryFiles(t testing.TB, root string) []hLibraryFile {
	t.Helper()
	var files []hLibraryFile
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "." {
				return nil
			}
			base := d.Name()
			if base == "testdata" || base == "examples" || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") {
				return fs.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return fs.SkipDir // a nested module is not part of this one
			}
			return nil
		}
		name := d.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") ||
			strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			return nil
		}
		// A command (package main) cannot be imported: it uses the
		// library, it is not part of it.
		if f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.PackageClauseOnly); err == nil && f.Name.Name == "main" {
			return nil
		}
		files = append(files, hLibraryFile{dir: path.Dir(rel), name: name})
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", root, err)
	}
	return files
}

// hIgnoredByBuild reports whether a //go:build line excludes the file from
// every build through the "ignore" tag, the convention for generators.
func hIgnoredByBuild(src []byte) bool {
	for line := range strings.SplitSeq(string(src), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "package ") {
			return false
		}
		if !constraint.IsGoBuild(line) {
			continue
		}
		expr, err := constraint.Parse(line)
		if err != nil {
			return false
		}
		ignored := false
		expr.Eval(func(tag string) bool {
			if tag == "ignore" {
				ignored = true
			}
			return true
		})
		return ignored
	}
	return false
}

func TestNoNetworkImports(t *testing.T) {
	root := hModuleRoot(t)
	files := hLibraryFiles(t, root)
	if len(files) == 0 {
		t.Fatalf("no library source files found under %s", root)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.dir), f.name)
		src, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("read %s: %v", p, err)
			continue
		}
		if hIgnoredByBuild(src) {
			continue
		}
		af, err := parser.ParseFile(fset, p, src, parser.ImportsOnly)
		if err != nil {
			// A file that does not parse fails the build anyway; the
			// import check cannot judge it.
			t.Logf("skipping %s: %v", p, err)
			continue
		}
		checked++
		for _, imp := range af.Imports {
			ip, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				continue
			}
			if why, bad := hForbiddenImport(ip); bad {
				t.Errorf("%s: library file imports %q (%s); the library must not open connections or run programs",
					fset.Position(imp.Pos()), ip, why)
			}
		}
	}
	t.Logf("checked the imports of %d library files", checked)
}

// hListedPackage is the part of `go list -json` output this test reads.
type hListedPackage struct {
	ImportPath string
	Standard   bool
	Imports    []string
	Module     *struct{ Path string }
	Error      *struct{ Err string }
}

func TestNoNetworkDeps(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping go list in -short mode")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found; TestNoNetworkImports still checks direct imports")
	}
	root := hModuleRoot(t)
	mod := hModulePath(t, root)

	// The library packages, as import paths.
	seen := map[string]bool{}
	var pkgs []string
	for _, f := range hLibraryFiles(t, root) {
		ip := mod
		if f.dir != "." {
			ip = mod + "/" + f.dir
		}
		if !seen[ip] {
			seen[ip] = true
			pkgs = append(pkgs, ip)
		}
	}
	sort.Strings(pkgs)

	args := append([]string{"list", "-e", "-deps", "-json=ImportPath,Standard,Imports,Module,Error"}, pkgs...)
	cmd := exec.Command(gobin, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("go list failed, cannot check transitive imports: %v\n%s", err, stderr.String())
	}

	graph := map[string][]string{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p hListedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decode go list output: %v", err)
		}
		graph[p.ImportPath] = p.Imports
	}

	// Breadth-first from our packages, remembering how each dependency
	// was reached, so that a failure names the chain to fix.
	from := map[string]string{}
	queue := append([]string(nil), pkgs...)
	for _, p := range pkgs {
		from[p] = ""
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p != mod && !strings.HasPrefix(p, mod+"/") {
			continue // the module's own imports only
		}
		for _, q := range graph[p] {
			if _, ok := from[q]; ok {
				continue
			}
			from[q] = p
			queue = append(queue, q)
		}
	}
	var bad []string
	for q := range from {
		why, no := hForbiddenImport(q)
		if _, parentBad := hForbiddenImport(from[q]); !no || parentBad {
			continue // report only where the library first reaches the network
		}
		chain := []string{q}
		for p := from[q]; p != ""; p = from[p] {
			chain = append(chain, p)
		}
		slices.Reverse(chain)
		bad = append(bad, why+": "+strings.Join(chain, " -> "))
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Errorf("library depends on a forbidden package, %s", b)
	}
	t.Logf("checked %d packages reachable from %d library packages", len(from), len(pkgs))
}

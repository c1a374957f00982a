// Package sharedtest finds the real corpus and reference data that tests
// read from ../shared, the folder beside the module root. It is for tests
// only: a fresh clone has no ../shared, and tests that need it skip.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Find returns the ../shared folder beside the module root (the nearest
// directory above the working directory that holds go.mod), or "" when
// there is none.
func Find() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(shared); err != nil {
				return ""
			}
			return shared
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns ../shared/rel, or skips the test when it is absent, as on
// a fresh clone. Path(t, "") is the shared folder itself.
func Path(t testing.TB, rel string) string {
	t.Helper()
	shared := Find()
	if shared == "" {
		t.Skip("../shared is absent (it lives beside the module, outside the repository)")
	}
	p := filepath.Join(shared, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is absent: %v", p, err)
	}
	return p
}

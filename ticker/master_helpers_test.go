package ticker

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedPath returns the path of name under ../shared next to the module
// root (the directory holding go.mod), skipping the test when it is absent.
func sharedPath(t testing.TB, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s absent: the shared reference data is not checked out next to the module", p)
	}
	return p
}

// allCodeMaster loads ../shared/reference/all_code.csv, or skips.
func allCodeMaster(t testing.TB) *Master {
	t.Helper()
	m, err := LoadMasterFile(sharedPath(t, "reference/all_code.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

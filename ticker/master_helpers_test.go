package ticker

import (
	"testing"

	"github.com/stocknews/stocknews/internal/sharedtest"
)

// allCodeMaster loads ../shared/reference/all_code.csv, or skips.
func allCodeMaster(t testing.TB) *Master {
	t.Helper()
	m, err := LoadMasterFile(sharedtest.Path(t, "reference/all_code.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

package ticker

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stocknews/stocknews/internal/sharedtest"
)

var testStripRe = regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`)

// TestGoldCodeTier checks the code tier of the dev gold set: every
// security linked there by an anchor or a written code must be found by
// AnchorSymbol or FindCodes, and the codes these find that the gold set
// does not list are reported.
func TestGoldCodeTier(t *testing.T) {
	shared := sharedtest.Path(t, "")
	if shared == "" {
		t.Skip("../shared not found next to the module: gold-set test skipped")
	}
	f, err := os.Open(filepath.Join(shared, "eval", "gold-dev-tickers.jsonl"))
	if err != nil {
		t.Skip("no dev gold set:", err)
	}
	defer f.Close()
	type row struct{ Article, Symbol, Tier string }
	gold := map[string]map[string]string{} // article → symbol → tier
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if gold[r.Article] == nil {
			gold[r.Article] = map[string]string{}
		}
		gold[r.Article][r.Symbol] = r.Tier
	}
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "*", "*.md"))
	byName := map[string]string{}
	for _, p := range files {
		byName[filepath.Base(p)] = p
	}
	var want, found, extra int
	for art, syms := range gold {
		p, ok := byName[art]
		if !ok {
			t.Errorf("gold article %q not in the corpus", art)
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(b)
		got := map[string]bool{}
		for _, a := range testAnchors(doc) {
			if s, ok := AnchorSymbol(a); ok {
				got[s.String()] = true
			}
		}
		for _, m := range FindCodes(testStripRe.ReplaceAllString(doc, " ")) {
			got[m.Symbol.String()] = true
		}
		for s, tier := range syms {
			if tier != "code" {
				continue
			}
			want++
			if got[s] {
				found++
			} else {
				t.Errorf("%s: code-tier %s not found", art, s)
			}
		}
		var more []string
		for s := range got {
			if _, ok := syms[s]; !ok {
				more = append(more, s)
			}
		}
		sort.Strings(more)
		if len(more) > 0 {
			extra += len(more)
			t.Logf("%s: found but not in gold: %s", art, strings.Join(more, " "))
		}
	}
	t.Logf("code tier: %d/%d found; %d found codes not in the gold set", found, want, extra)
}

package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stocknews/stocknews"
)

func runAnalyze(t *testing.T, stdin string, args ...string) ([]stocknews.Record, string, int) {
	t.Helper()
	var out, errOut strings.Builder
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	var recs []stocknews.Record
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r stocknews.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad record %q: %v", sc.Text(), err)
		}
		recs = append(recs, r)
	}
	return recs, errOut.String(), code
}

func TestRunOrderAndErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"b.md":         "---\ntitle: 乙\ndate: 2022-01-02 10:00:00\n---\n\n正文乙\n",
		"a.md":         "---\ntitle: 甲\ndate: 2022-01-01 10:00:00 +0800\n---\n\n正文甲\n",
		"MANIFEST.tsv": "file\trepo\n",
		"README.md":    "# 说明\n\n| 文件 | 来源 |\n|---|---|\n| a.md | 甲 |\n| b.md | 乙 |\n",
		"sub/c.txt":    "丙\n正文丙\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "missing.md")
	feed := `{"title":"丁","content":"正文丁","time":"2022-01-04 09:00:00"}` + "\n" + "{oops\n"
	recs, stderr, code := runAnalyze(t, feed, "-entities=false", dir, missing, "-")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (inputs failed): %s", code, stderr)
	}
	// each failure named on stderr, then the summary line
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 4 || !strings.Contains(lines[0], "README.md") || !strings.Contains(lines[0], "not an article") ||
		!strings.Contains(lines[1], "missing.md") || !strings.Contains(lines[2], "-:2") ||
		lines[3] != "analyze: 7 inputs, 3 failed, "+lines[3][len("analyze: 7 inputs, 3 failed, "):] {
		t.Errorf("stderr:\n%s", stderr)
	}
	var got []string
	for _, r := range recs {
		got = append(got, filepath.Base(r.File)+"="+r.Title)
		if strings.Contains(r.File, "missing") || r.File == "-:2" || strings.HasSuffix(r.File, "README.md") {
			if r.Error == "" {
				t.Errorf("%s: no error", r.File)
			}
		} else if r.Error != "" {
			t.Errorf("%s: %s", r.File, r.Error)
		}
		if r.Tags == nil || r.Tickers == nil || r.Claims == nil || r.Entities == nil {
			t.Errorf("%s: null arrays", r.File)
		}
	}
	want := "README.md=,a.md=甲,b.md=乙,c.txt=丙,missing.md=,-:1=丁,-:2="
	if strings.Join(got, ",") != want {
		t.Errorf("records %s, want %s", strings.Join(got, ","), want)
	}
	if recs[1].Published != "2022-01-01T10:00:00+08:00" || recs[2].Published != "2022-01-02T10:00:00+08:00" {
		t.Errorf("published %q %q", recs[1].Published, recs[2].Published)
	}
}

func TestRunUsage(t *testing.T) {
	if _, _, code := runAnalyze(t, ""); code != 2 {
		t.Errorf("no inputs: exit %d, want 2", code)
	}
	if _, _, code := runAnalyze(t, "", "-nosuchflag", "x.md"); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
	recs, stderr, code := runAnalyze(t, "", "-entities=false", t.TempDir())
	if code != 1 || len(recs) != 1 || !strings.Contains(recs[0].Error, "no article files") {
		t.Errorf("empty folder: exit %d, records %+v, stderr %s; want exit 1 and one error record", code, recs, stderr)
	}
	if _, _, code := runAnalyze(t, "", "-master", filepath.Join(t.TempDir(), "none.csv"), "x.md"); code != 1 {
		t.Errorf("missing master: exit %d, want 1", code)
	}
}

// TestRunSeed analyses the real seed article when the corpus is present.
func TestRunSeed(t *testing.T) {
	seed := filepath.Join("..", "..", "..", "shared", "corpus", "seed")
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	recs, stderr, code := runAnalyze(t, "", "-entities=false", seed)
	if code != 0 || len(recs) != 1 {
		t.Fatalf("exit %d, %d records: %s", code, len(recs), stderr)
	}
	r := recs[0]
	if r.ID != "NW202201062238952656" || r.Published != "2022-01-06T20:44:03+08:00" || r.Media != "中国证券报" ||
		r.Category != "zhongguozhengquanbao" || r.URL != "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201062238952656" {
		t.Errorf("seed record %+v", r)
	}
}

package batch_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
)

func TestScannerJSONLines(t *testing.T) {
	f, err := os.Open("../testdata/akshare.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := batch.NewScanner(f)
	sc.Name = "../testdata/akshare.jsonl"
	var got []*stocknews.Article
	for sc.Scan() {
		if sc.Article() == nil {
			t.Fatalf("record %d: %v", sc.Line(), sc.RecordErr())
		}
		got = append(got, sc.Article())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d records, want 2", len(got))
	}
	if got[0].ID != "akshare:1" || got[0].Title != "白酒龙头提价" || got[0].Media != "示例财经" ||
		got[1].ID != "akshare:2" || got[1].Title != "经销商大会召开" || got[1].Media != "示例证券报" {
		t.Errorf("records %+v\n%+v", got[0], got[1])
	}
}

func TestScannerBadRecord(t *testing.T) {
	in := "{\"title\": \"一\", \"content\": \"正文一\"}\n\n{not json}\n{\"title\": \"三\", \"content\": \"正文三\"}"
	sc := batch.NewScanner(strings.NewReader(in))
	var titles []string
	var errs int
	for sc.Scan() {
		if a := sc.Article(); a != nil {
			titles = append(titles, a.Title)
			continue
		}
		errs++
		var pe *stocknews.ParseError
		if !errors.As(sc.RecordErr(), &pe) || !errors.Is(pe, stocknews.ErrFormat) || pe.Name != "-:3" {
			t.Errorf("record error %v, want a ParseError for -:3 wrapping ErrFormat", sc.RecordErr())
		}
	}
	if sc.Err() != nil || errs != 1 || strings.Join(titles, ",") != "一,三" {
		t.Errorf("titles %q, %d errors, err %v", titles, errs, sc.Err())
	}
}

// TestScannerGzipAndLongLines reads a gzip-compressed feed whose name does
// not say so, with an overlong line in the middle: the scan goes on after
// it, the line is a record error, and the keys keep the line numbers.
func TestScannerGzipAndLongLines(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	fmt.Fprintf(zw, "{\"title\": \"一\", \"content\": \"正文一\"}\r\n")
	fmt.Fprintf(zw, "{\"title\": \"%s\"}\n", strings.Repeat("长", 400))
	fmt.Fprintf(zw, "\n{\"title\": \"四\", \"content\": \"正文四\"}")
	zw.Close()
	sc := batch.NewScanner(&buf)
	sc.Name = "feed.json"
	sc.Options = &stocknews.ParseOptions{MaxSize: 1000}
	var got []string
	for sc.Scan() {
		if a := sc.Article(); a != nil {
			got = append(got, sc.RecordName()+"="+a.Title)
		} else {
			if !errors.Is(sc.RecordErr(), stocknews.ErrTooLarge) {
				t.Errorf("%s: %v, want ErrTooLarge", sc.RecordName(), sc.RecordErr())
			}
			got = append(got, sc.RecordName()+"=error")
		}
	}
	if sc.Err() != nil || strings.Join(got, ",") != "feed.json:1=一,feed.json:2=error,feed.json:4=四" {
		t.Errorf("records %q, err %v", got, sc.Err())
	}
}

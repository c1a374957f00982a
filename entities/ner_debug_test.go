package entities

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDebugTokens prints the annotated tokens of STOCKNEWS_DEBUG_TEXT.
func TestDebugTokens(t *testing.T) {
	text := os.Getenv("STOCKNEWS_DEBUG_TEXT")
	if text == "" {
		t.Skip("set STOCKNEWS_DEBUG_TEXT to print tokens")
	}
	x, err := New(&Options{FinanceOnly: os.Getenv("STOCKNEWS_DEBUG_FINANCE") != ""})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := x.prep()
	if err != nil {
		t.Fatal(err)
	}
	ex := extraction{lex: x.lex, seg: eng.seg, eng: eng, sc: new(scratch)}
	var b strings.Builder
	for _, tk := range ex.tokens(text) {
		fmt.Fprintf(&b, "%s/", tk.text)
		if tk.lex {
			fmt.Fprintf(&b, "L:%s", tk.kind)
		} else if tk.big {
			fmt.Fprintf(&b, "%s", tk.pos)
		} else {
			b.WriteString("?")
		}
		b.WriteString(" ")
	}
	fmt.Println(b.String())
	fmt.Println(x.Entities(text))
}

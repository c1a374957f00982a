package ticker

import (
	"errors"
	"strings"
	"testing"
)

func TestParseVocabulary(t *testing.T) {
	v, err := ParseVocabulary("v.txt", strings.NewReader("# comment\n[stop]\n平安\n\n[short]\n三一\tleft=第\tright=次\tstrict\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Words("stop"); len(got) != 1 || got[0] != "平安" {
		t.Errorf("stop = %v", got)
	}
	if r := v.shortRules()["三一"]; r.left != "第" || r.right != "次" || !r.strict {
		t.Errorf("short rule = %+v", r)
	}
	for _, bad := range []struct {
		in   string
		line int
	}{
		{"平安\n", 1},
		{"[stop]\n平安\n[nosuch]\n", 3},
		{"[stop]\n\tleft=x\n", 2},
	} {
		_, err := ParseVocabulary("v.txt", strings.NewReader(bad.in))
		var ve *VocabularyError
		if !errors.As(err, &ve) || ve.Line != bad.line || !errors.Is(err, ErrVocabulary) {
			t.Errorf("ParseVocabulary(%q) = %v, want a VocabularyError at line %d", bad.in, err, bad.line)
		}
	}
}

// Every section of the built-in vocabulary is read and used.
func TestDefaultVocabulary(t *testing.T) {
	v := DefaultVocabulary()
	for s := range vocabSections {
		if len(v.Sections[s]) == 0 {
			t.Errorf("section [%s] is empty", s)
		}
	}
}

// A user's vocabulary stops a word and adds a two-character rule.
func TestLinkerVocabulary(t *testing.T) {
	text := "三一发布公告，招商银行股价上涨。"
	if got := NewLinker(nil, nil).Link(Document{Text: text}); len(got) != 2 {
		t.Fatalf("default: %v", got)
	}
	v, err := ParseVocabulary("user.vocab", strings.NewReader("[stop]\n招商银行\n[short]\n三一\tleft=，\tright=发\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := NewLinker(nil, &LinkerOptions{Vocabulary: v}).Link(Document{Text: text}); len(got) != 0 {
		t.Errorf("with the user's vocabulary: %v, want none", got)
	}
}

func FuzzParseVocabulary(f *testing.F) {
	f.Add("[stop]\n平安\n")
	f.Add("[short]\n三一\tleft=第\tstrict\n")
	f.Fuzz(func(t *testing.T, in string) {
		v, err := ParseVocabulary("f", strings.NewReader(in))
		if err == nil && v == nil {
			t.Fatal("nil vocabulary without error")
		}
	})
}

// TestNameRules checks each rule of nameRules on the two texts beside it:
// the name does not link where the rule fires and links where it passes.
func TestNameRules(t *testing.T) {
	l := NewLinker(nil, nil)
	linked := func(text, name string) bool {
		for _, m := range l.Mentions(Document{Text: text}) {
			if text[m.Start:m.End] == name {
				return true
			}
		}
		return false
	}
	for _, r := range nameRules {
		if linked(r.fires, r.name) {
			t.Errorf("rule %s: %q links %s", r.rule, r.fires, r.name)
		}
		if !linked(r.passes, r.name) {
			t.Errorf("rule %s: %q does not link %s", r.rule, r.passes, r.name)
		}
	}
}

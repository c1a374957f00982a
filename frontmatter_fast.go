package stocknews

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// simpleFrontMatter reads the front matter most sources write — top-level
// "key: value" lines, values plain or quoted on one line, block lists of
// such values, comments — without the YAML decoder, which allocates a
// hundred objects for a ten-line header. It gives the node tree
// decodeFrontMatter would (the same Value, Kind and null tags); anything
// else (flow collections, anchors, tags, escapes, multi-line scalars,
// nested mappings, duplicate keys, characters YAML refuses) returns ok
// false, and the YAML decoder reads the input as before.
func simpleFrontMatter(yml []byte) (fm frontMatter, ok bool) {
	if !yamlPrintable(yml) {
		return fm, false
	}
	fm.fields = make(map[string]*yaml.Node, 8)
	var seq *yaml.Node // the block list being read, if any
	seqIndent := -1
	for len(yml) > 0 {
		var line []byte
		line, yml, _ = bytes.Cut(yml, []byte("\n"))
		line = bytes.TrimRight(line, " \r")
		t := bytes.TrimLeft(line, " ")
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		indent := len(line) - len(t)
		if t[0] == '-' && (len(t) == 1 || t[1] == ' ') {
			if seq == nil || seqIndent >= 0 && indent != seqIndent {
				return fm, false
			}
			seqIndent = indent
			item := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"} // "-" alone
			if v := bytes.TrimLeft(t[1:], " "); len(v) > 0 {
				if item, ok = simpleScalar(v); !ok {
					return fm, false
				}
			}
			seq.Kind = yaml.SequenceNode
			seq.Tag = "!!seq"
			seq.Content = append(seq.Content, item)
			continue
		}
		if indent > 0 {
			return fm, false // a continuation or a nested mapping
		}
		if seq != nil && seq.Kind != yaml.SequenceNode {
			seq.Kind, seq.Tag = yaml.ScalarNode, "!!null" // "key:" with nothing after
		}
		seq, seqIndent = nil, -1
		colon := bytes.IndexByte(t, ':')
		if colon <= 0 || !simpleKey(t[:colon]) {
			return fm, false
		}
		key := string(t[:colon])
		if _, dup := fm.fields[key]; dup {
			return fm, false
		}
		rest := t[colon+1:]
		if len(rest) > 0 && rest[0] != ' ' {
			return fm, false
		}
		rest = bytes.TrimLeft(rest, " ")
		if len(rest) == 0 {
			seq = &yaml.Node{}
			fm.fields[key] = seq
			continue
		}
		v, ok := simpleScalar(rest)
		if !ok {
			return fm, false
		}
		fm.fields[key] = v
	}
	if seq != nil && seq.Kind != yaml.SequenceNode {
		seq.Kind, seq.Tag = yaml.ScalarNode, "!!null"
	}
	return fm, true
}

// simpleKey accepts keys of letters, digits, '_' and '-', starting with a
// letter or '_', and shorter than YAML's limit on an implicit key (1024
// characters), so that a key YAML refuses goes to the decoder and fails
// there.
func simpleKey(k []byte) bool {
	if len(k) >= 1024 {
		return false
	}
	for i, c := range k {
		switch {
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && (c == '-' || '0' <= c && c <= '9'):
		default:
			return false
		}
	}
	return true
}

// simpleScalar reads a one-line value: single-quoted, double-quoted
// without escapes, or plain (no indicator first, no ": " or " #" inside).
func simpleScalar(v []byte) (*yaml.Node, bool) {
	switch v[0] {
	case '\'':
		var b []byte
		for i := 1; i < len(v); i++ {
			if v[i] != '\'' {
				b = append(b, v[i])
				continue
			}
			if i+1 < len(v) && v[i+1] == '\'' {
				b = append(b, '\'')
				i++
				continue
			}
			if i != len(v)-1 {
				return nil, false
			}
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(b), Style: yaml.SingleQuotedStyle}, true
		}
		return nil, false
	case '"':
		if len(v) < 2 || v[len(v)-1] != '"' || bytes.ContainsAny(v[1:len(v)-1], "\"\\") {
			return nil, false
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(v[1 : len(v)-1]), Style: yaml.DoubleQuotedStyle}, true
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		return nil, false
	}
	if bytes.Contains(v, []byte(": ")) || bytes.Contains(v, []byte(" #")) || v[len(v)-1] == ':' {
		return nil, false
	}
	s := string(v)
	tag := "!!str"
	switch s {
	case "~", "null", "Null", "NULL":
		tag = "!!null"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s}, true
}

// yamlPrintable reports whether yml holds only characters YAML accepts
// in a document, with no line breaks but LF and CRLF, and no tab (the
// simple reader leaves all those to YAML).
func yamlPrintable(yml []byte) bool {
	for i := 0; i < len(yml); {
		c := yml[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' || c == 0x7f || c == '\r' && (i+1 == len(yml) || yml[i+1] != '\n') {
				return false // a lone CR is a line break to YAML
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(yml[i:])
		switch {
		case r == utf8.RuneError && n <= 1, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			// also the line breaks NEL, LS and PS
			return false
		}
		i += n
	}
	return true
}

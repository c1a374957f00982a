package entities

import (
	"encoding"
	"fmt"
)

// EntityKind classifies a named entity. The zero value is Person.
type EntityKind uint8

// Entity kinds.
const (
	Person       EntityKind = iota // 张小龙
	Organization                   // 腾讯, 中国证监会
	Product                        // 小程序, 视频号
)

var entityKindNames = [...]string{"person", "organization", "product"}

// String returns "person", "organization" or "product".
func (k EntityKind) String() string {
	if int(k) < len(entityKindNames) {
		return entityKindNames[k]
	}
	return "person"
}

// MarshalText returns the kind's name, as String does; it is how the kind
// appears in the analysis record (spec/output.md).
func (k EntityKind) MarshalText() ([]byte, error) {
	if int(k) >= len(entityKindNames) {
		return nil, fmt.Errorf("entities: invalid entity kind %d", k)
	}
	return []byte(entityKindNames[k]), nil
}

// UnmarshalText parses "person", "organization" or "product".
func (k *EntityKind) UnmarshalText(b []byte) error {
	for i, n := range entityKindNames {
		if string(b) == n {
			*k = EntityKind(i)
			return nil
		}
	}
	return fmt.Errorf("entities: unknown entity kind %q", b)
}

var (
	_ encoding.TextMarshaler   = EntityKind(0)
	_ encoding.TextUnmarshaler = (*EntityKind)(nil)
)

// Entity is a named entity found in text. Start and End are byte offsets
// into the string passed to the extractor, half-open, on UTF-8 boundaries:
// text[Start:End] == Text.
type Entity struct {
	Text       string
	Kind       EntityKind
	Start, End int
}

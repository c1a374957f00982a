package entities

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

// Entity is a named entity found in text. Start and End are byte offsets
// into the string passed to the extractor, half-open, on UTF-8 boundaries.
type Entity struct {
	Text       string
	Kind       EntityKind
	Start, End int
}

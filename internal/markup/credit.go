package markup

import (
	"strings"
	"unicode/utf8"
)

// Image credits and captions are not article text: a credit names the
// photo agency (题图来自：视觉中国 would link 视觉中国's listing in every
// article that uses its photos), a caption describes a picture. The parser
// drops them from the paragraphs, so neither the linker nor the claim
// extractor sees them, and they are never taken as the article's outlet.
//
// Captions marked up as such (class text-img-note or img-desc, label
// 图片备注 or 图片描述, <figcaption>) are dropped with their element; the
// rules below recognise credits and captions written as plain paragraphs.

// creditRule is one way a paragraph shows it is a credit or a caption.
type creditRule struct {
	name  string
	match func(p string) bool
}

// creditPrefixes open a paragraph that is a photo or chart credit.
var creditPrefixes = []string{
	"题图来自", "题图来源", "题图：", "题图:", "头图来自", "头图来源", "头图：",
	"封面图片来源", "封面图来源", "封面来源", "图片来源", "图片来自", "图源：", "图源:",
	"图/", "图 /", "图：", "图:", "摄影：", "摄影:", "摄影/", "摄/",
}

// creditRules recognise a whole paragraph as a credit or a caption. Each
// rule's test cases are in credit_test.go under the rule's name.
var creditRules = []creditRule{
	{"credit prefix", func(p string) bool {
		for _, pre := range creditPrefixes {
			if strings.HasPrefix(p, pre) {
				return true
			}
		}
		return false
	}},
	// （图为公司总部，拍摄：张三）, (图片为…)
	{"bracketed caption", func(p string) bool {
		inner, ok := bracketed(p)
		return ok && (strings.HasPrefix(inner, "图为") || strings.HasPrefix(inner, "图片为") ||
			strings.HasPrefix(inner, "图片来源") || strings.HasPrefix(inner, "摄影"))
	}},
	// 图1 展会现场。 本报记者 张三摄, 图2：产能走势
	{"numbered figure", func(p string) bool {
		rest, ok := strings.CutPrefix(p, "图")
		if !ok {
			return false
		}
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 0 || n == len(rest) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(rest[n:])
		return r == ' ' || r == '：' || r == ':' || r == '、' || r == '.' || r == '　'
	}},
	// 来源：APP截图, （来源：视觉中国）: a source line that credits a picture.
	{"picture source", func(p string) bool {
		v, ok := sourceLine(p)
		return ok && isPictureCredit(v)
	}},
	// 来源：本报综合自A、B: a line naming the sources a story was compiled from.
	{"compiled from", func(p string) bool {
		return (strings.Contains(p, "综合自") || strings.HasSuffix(p, "综合公开信息") || strings.HasSuffix(p, "综合报道")) &&
			utf8.RuneCountInString(p) <= 60
	}},
	// 本报记者 张三摄, （张三 摄）: a short paragraph ending in 摄.
	{"photographer", func(p string) bool {
		s := strings.TrimSuffix(strings.TrimSuffix(p, "）"), ")")
		return strings.HasSuffix(s, "摄") && !strings.HasSuffix(s, "拍摄") && utf8.RuneCountInString(p) <= 80
	}},
	// 某公司公告截图, 来源：APP截图: a short paragraph ending in 截图.
	{"screenshot", func(p string) bool {
		s := strings.TrimSuffix(strings.TrimSuffix(p, "）"), ")")
		return strings.HasSuffix(s, "截图") && utf8.RuneCountInString(p) <= 40
	}},
}

// bracketed returns the inside of a paragraph wholly in brackets.
func bracketed(p string) (string, bool) {
	switch {
	case strings.HasPrefix(p, "（") && strings.HasSuffix(p, "）") && len(p) >= 2*len("（"):
		return p[len("（") : len(p)-len("）")], true
	case strings.HasPrefix(p, "(") && strings.HasSuffix(p, ")") && len(p) >= 2:
		return p[1 : len(p)-1], true
	}
	return "", false
}

// IsCredit reports whether a paragraph is an image credit or caption, and
// names the rule that says so.
func IsCredit(p string) (string, bool) {
	for _, r := range creditRules {
		if r.match(p) {
			return r.name, true
		}
	}
	return "", false
}

// creditClauses open a credit that closes a paragraph after a comma:
// "本文来自微信公众号：某号，作者：某人，题图来自：视觉中国".
var creditClauses = []string{"题图来自", "题图来源", "头图来自", "头图来源", "封面图片来源", "图片来源"}

// CutCredit removes a credit clause that closes a paragraph, with the
// comma before it, and returns the rest.
func CutCredit(p string) string {
	for _, c := range creditClauses {
		k := strings.LastIndex(p, c)
		if k <= 0 {
			continue
		}
		rest := p[k+len(c):]
		if strings.ContainsAny(rest, "。；;，,") || utf8.RuneCountInString(rest) > 24 {
			continue // the clause does not close the paragraph
		}
		head := strings.TrimRight(p[:k], " ")
		for _, sep := range []string{"，", ",", "；", ";", "|", "｜"} {
			if h, ok := strings.CutSuffix(head, sep); ok {
				return strings.TrimRight(h, " ")
			}
		}
		return head
	}
	return p
}

// captionClasses and captionLabels mark an element as a caption.
var (
	captionClasses = []string{"text-img-note", "img-desc", "img-note", "image-caption", "img-caption", "pic-note"}
	captionLabels  = []string{"图片备注", "图片描述", "图片说明", "图注"}
)

// isCaption reports whether an element's class or label marks it as an
// image caption.
func isCaption(class, label string) bool {
	for _, c := range captionClasses {
		if hasClass(class, c) {
			return true
		}
	}
	for _, l := range captionLabels {
		if label == l {
			return true
		}
	}
	return false
}

// creditWords in a source line's value show that it credits a picture,
// not an outlet: 来源：APP截图, 来源：视觉中国.
var creditWords = []string{"截图", "图片", "视觉中国", "摄图网", "图虫", "东方IC", "IC photo", "Getty", "unsplash", "Unsplash", "pixabay", "Pixabay"}

// isPictureCredit reports whether a source line's value names a picture's
// origin rather than the article's outlet.
func isPictureCredit(v string) bool {
	for _, w := range creditWords {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// referenceHeads open a list of references at the end of an article; the
// short paragraphs after one are citations, not article text.
var referenceHeads = []string{"参考资料", "参考文献", "参考来源", "参考链接", "资料来源", "图片、资料来源", "图片及资料来源", "参考"}

// IsReferenceHead reports whether a paragraph opens a list of references.
func IsReferenceHead(p string) bool {
	p = strings.TrimRight(p, "：: ")
	for _, h := range referenceHeads {
		if p == h {
			return true
		}
	}
	return false
}

// maxCitation is the most runes of a citation in a list of references.
const maxCitation = 80

// isCitation reports whether a paragraph after a reference head is still
// a citation: short, and not the repost note that closes the article.
func isCitation(p string) bool {
	return utf8.RuneCountInString(p) <= maxCitation && !strings.HasPrefix(p, "本文来自") && !strings.HasPrefix(p, "（本文")
}

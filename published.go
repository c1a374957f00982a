package stocknews

import (
	"regexp"
	"strconv"
	"time"
)

// datePublished fills Article.PublishedFrom, and Published when the source
// gives no date: "source" when the article's own date field gave it; else
// the date of the article's URL, or of a URL in its markup (/2018/09/21/,
// d=20180929), "url"; a dateline at the head of the body (路透纽约9月21日)
// with the year from such a URL gives the day, "dateline". The time found
// this way is midnight Beijing time (loc) of that day.
func datePublished(a *Article, raw []byte, loc *time.Location) {
	if !a.Published.IsZero() {
		if a.PublishedFrom == "" {
			a.PublishedFrom = "source"
		}
		return
	}
	y, m, d, ok := urlDate(a.URL)
	if !ok {
		y, m, d, ok = urlDate(string(raw))
	}
	if !ok {
		return
	}
	from := "url"
	if dm, dd, found := dateline(a); found {
		m, d, from = dm, dd, "dateline"
	}
	a.Published = time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
	a.PublishedFrom = from
}

// Dated URL forms: a path /2018/09/21/ (or /2018-09-21/, /20180921/), or
// a query parameter d=20180929 / date=2018-09-29.
var (
	urlPathDate  = regexp.MustCompile(`/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])/`)
	urlQueryDate = regexp.MustCompile(`[?&;](?:amp;)?(?:d|date)=((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])\b`)
)

// urlDate returns the first date written in a URL form in s.
func urlDate(s string) (y, m, d int, ok bool) {
	best := -1
	for _, re := range []*regexp.Regexp{urlPathDate, urlQueryDate} {
		if loc := re.FindStringSubmatchIndex(s); loc != nil && (best < 0 || loc[0] < best) {
			best = loc[0]
			y, _ = strconv.Atoi(s[loc[2]:loc[3]])
			m, _ = strconv.Atoi(s[loc[4]:loc[5]])
			d, _ = strconv.Atoi(s[loc[6]:loc[7]])
			ok = true
		}
	}
	return y, m, d, ok
}

// datelineRe matches a wire-service dateline: the agency, an optional
// place, then M月D日 (路透纽约9月21日, 新华社北京3月5日电), or 《路透早报》--9月22日.
var datelineRe = regexp.MustCompile(`^[（(《]?(?:路透|新华社|中新社|彭博|法新社|美联社)[^\d\s]{0,8}?(?:》)?\s*-{0,2}\s*(1[0-2]|[1-9])月([12]\d|3[01]|[1-9])日`)

// dateline returns the month and day of a dateline in the first
// paragraphs of a.
func dateline(a *Article) (m, d int, ok bool) {
	for i, p := range a.Paragraphs {
		if i >= 3 {
			break
		}
		if sm := datelineRe.FindStringSubmatch(p.Text); sm != nil {
			m, _ = strconv.Atoi(sm[1])
			d, _ = strconv.Atoi(sm[2])
			return m, d, true
		}
	}
	return 0, 0, false
}

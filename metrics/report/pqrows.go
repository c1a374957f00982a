package report

import (
	"time"

	"github.com/stocknews/stocknews/metrics"
)

// The Parquet forms of the rows with dates. parquet-go v0.32 writes a
// time.Time under a date tag as nanoseconds, not days, so dates are
// written as int32 days since 1970-01-01, which is what Parquet's DATE
// holds. The columns are those of the metrics row types.

type pqArticle struct {
	Key           string     `parquet:"key"`
	ID            string     `parquet:"id"`
	Published     *time.Time `parquet:"published,optional,timestamp(millisecond)"`
	PublishedFrom string     `parquet:"published_from"`
	TradingDay    *int32     `parquet:"trading_day,optional,date"`
	Media         string     `parquet:"media"`
	Title         string     `parquet:"title"`
	URL           string     `parquet:"url"`
	Securities    int64      `parquet:"securities"`
	Claims        int64      `parquet:"claims"`
	Tone          string     `parquet:"tone"`
	ToneScore     float64    `parquet:"tone_score"`
	RepeatOf      string     `parquet:"repeat_of"`
	Error         string     `parquet:"error"`
}

type pqLink struct {
	Key        string  `parquet:"key"`
	ID         string  `parquet:"id"`
	Symbol     string  `parquet:"symbol"`
	Name       string  `parquet:"name"`
	Market     string  `parquet:"market"`
	TradingDay *int32  `parquet:"trading_day,optional,date"`
	Relevance  float64 `parquet:"relevance"`
	Mentions   int64   `parquet:"mentions"`
	InTitle    bool    `parquet:"in_title"`
	Via        string  `parquet:"via"`
	Claims     int64   `parquet:"claims"`
	Tone       string  `parquet:"tone"`
	ToneScore  float64 `parquet:"tone_score"`
	Events     string  `parquet:"events"`
	Repeat     bool    `parquet:"repeat"`
}

type pqDaily struct {
	Symbol    string   `parquet:"symbol"`
	Name      string   `parquet:"name"`
	Market    string   `parquet:"market"`
	Day       int32    `parquet:"day,date"`
	Articles  int64    `parquet:"articles"`
	Mentions  int64    `parquet:"mentions"`
	Relevance float64  `parquet:"relevance_weighted"`
	Novel     int64    `parquet:"novel"`
	Abnormal  *float64 `parquet:"abnormal,optional"`
	AbnormalZ *float64 `parquet:"abnormal_z,optional"`
	ToneMean  *float64 `parquet:"tone_mean,optional"`
	Positive  int64    `parquet:"positive"`
	Negative  int64    `parquet:"negative"`
	Neutral   int64    `parquet:"neutral"`
}

func days(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func daysPtr(t *time.Time) *int32 {
	if t == nil {
		return nil
	}
	d := days(*t)
	return &d
}

func pqArticles(rows []metrics.ArticleRow) []pqArticle {
	out := make([]pqArticle, len(rows))
	for i, r := range rows {
		out[i] = pqArticle{r.Key, r.ID, r.Published, r.PublishedFrom, daysPtr(r.TradingDay), r.Media, r.Title,
			r.URL, r.Securities, r.Claims, r.Tone, r.ToneScore, r.RepeatOf, r.Error}
	}
	return out
}

func pqLinks(rows []metrics.LinkRow) []pqLink {
	out := make([]pqLink, len(rows))
	for i, r := range rows {
		out[i] = pqLink{r.Key, r.ID, r.Symbol, r.Name, r.Market, daysPtr(r.TradingDay), r.Relevance, r.Mentions,
			r.InTitle, r.Via, r.Claims, r.Tone, r.ToneScore, r.Events, r.Repeat}
	}
	return out
}

func pqDailies(rows []metrics.DailyRow) []pqDaily {
	out := make([]pqDaily, len(rows))
	for i, r := range rows {
		out[i] = pqDaily{r.Symbol, r.Name, r.Market, days(r.Day), r.Articles, r.Mentions, r.Relevance, r.Novel,
			r.Abnormal, r.AbnormalZ, r.ToneMean, r.Positive, r.Negative, r.Neutral}
	}
	return out
}

package entities_test

import (
	"fmt"
	"strings"

	"github.com/stocknews/stocknews/entities"
	"github.com/stocknews/stocknews/ticker"
)

// A ToneAnalyzer reads an article's text with the securities the linker
// found in it (here written by hand) and the claims.
func ExampleToneAnalyzer_Analyze() {
	title := "甲科技一季度净利润同比增长32%"
	text := title + "\n" + "甲科技公告，公司拟以自有资金回购股份。"
	sym := ticker.MustParse("600001.SH")
	var mentions []ticker.Mention
	for i := 0; ; {
		j := strings.Index(text[i:], "甲科技")
		if j < 0 {
			break
		}
		mentions = append(mentions, ticker.Mention{Symbol: sym, Start: i + j, End: i + j + len("甲科技"), Via: ticker.ViaName})
		i += j + len("甲科技")
	}
	links := []ticker.Link{{Symbol: sym, Name: "甲科技", Via: ticker.ViaName, Mentions: len(mentions), InTitle: true}}
	a, err := entities.NewToneAnalyzer(nil)
	if err != nil {
		panic(err)
	}
	tones, article := a.Analyze(&entities.ToneDocument{
		Text: text, TitleLen: len(title), Links: links, Mentions: mentions,
		Claims: entities.Claims(text, &entities.ClaimOptions{Mentions: mentions}),
	})
	for _, t := range tones {
		fmt.Println(t.Symbol, t.Tone, t.Score > 0.5)
		for _, e := range t.Events {
			fmt.Printf("  %s %q\n", e.Name, text[e.Start:e.End])
		}
	}
	fmt.Println("article:", article.Tone)
	// Output:
	// 600001.SH positive true
	//   earnings "净利润"
	//   buyback "回购股份"
	// article: positive
}

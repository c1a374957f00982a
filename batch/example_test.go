package batch_test

import (
	"fmt"
	"strings"

	"github.com/stocknews/stocknews/batch"
)

func ExampleNewScanner() {
	feed := `{"新闻标题": "白酒龙头提价", "新闻内容": "某白酒龙头上调出厂价。", "发布时间": "2022-05-10 08:00:00", "文章来源": "示例财经"}
{"title": "经销商大会召开", "content": "<p>大会在宜宾召开。</p>", "source": "示例证券报"}`
	sc := batch.NewScanner(strings.NewReader(feed))
	for sc.Scan() {
		if a := sc.Article(); a != nil {
			fmt.Printf("%s %q %q\n", sc.RecordName(), a.Title, a.Media)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// -:1 "白酒龙头提价" "示例财经"
	// -:2 "经销商大会召开" "示例证券报"
}

package entities_test

import (
	"fmt"
	"strings"

	"github.com/stocknews/stocknews/entities"
)

// The finance-only extractor builds in about a millisecond and finds the
// listed organisations and products, and persons named after a title.
func ExampleExtractor_Entities() {
	x, err := entities.New(&entities.Options{FinanceOnly: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "腾讯公司副总裁、微信支付负责人张颖介绍，小程序日活突破4.5亿。"
	for _, e := range x.Entities(text) {
		fmt.Printf("%s %q [%d:%d]\n", e.Kind, e.Text, e.Start, e.End)
	}
	// Output:
	// organization "腾讯公司" [0:12]
	// product "微信支付" [24:36]
	// person "张颖" [45:51]
	// product "小程序" [60:69]
}

// Names from a security master and a house word list extend the finance
// dictionary.
func ExampleNew_names() {
	x, err := entities.New(&entities.Options{
		FinanceOnly: true,
		Names:       []string{"宏远股份", "宏远"},
		Words:       []entities.Word{{Text: "星链通", Kind: entities.WordProduct}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for e := range x.EntitiesSeq("宏远股份推出星链通，董事长钱启明出席。") {
		fmt.Println(e.Kind, e.Text)
	}
	// Output:
	// organization 宏远股份
	// product 星链通
	// person 钱启明
}

func ExampleParseDict() {
	// A wrong tag is reported with the dictionary's name and line.
	_, err := entities.ParseDict("house.txt", strings.NewReader("星链通 nz\n钱启明 boss\n"))
	fmt.Println(err)
	// Output:
	// entities: house.txt:2: malformed dictionary line: unknown tag "boss": "钱启明 boss"
}

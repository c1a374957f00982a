package entities_test

import (
	"fmt"
	"testing/fstest"

	"github.com/stocknews/stocknews/entities"
)

func ExampleParseNumber() {
	for _, s := range []string{"1,234.5", "４．５亿元", "四点五亿", "百分之九十七", "三分之一", "两千一百八十九万", "9999999亿亿亿"} {
		v, err := entities.ParseNumber(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%q → %s\n", s, v)
	}
	// Output:
	// "1,234.5" → 1234.5
	// "４．５亿元" → 450000000
	// "四点五亿" → 450000000
	// "百分之九十七" → 97
	// "三分之一" → 33.33
	// "两千一百八十九万" → 21890000
	// entities: parsing number "9999999亿亿亿" at byte 0: number out of range
}

func ExampleNumbers() {
	for _, n := range entities.Numbers("2021年营收增长3%-5%，达1800多家，约两到三万元") {
		fmt.Printf("%q %s %q upper=%v approx=%s\n", n.Text, n.Value, n.Unit, n.Upper.Valid, n.Approx)
	}
	// Output:
	// "3%-5%" 3 "percent" upper=true approx==
	// "1800多家" 1800 "count" upper=false approx=>
	// "两到三万元" 20000 "CNY" upper=true approx==
}

func ExampleClaims() {
	text := "2021年，小程序日活突破4.5亿，日均使用次数同比增长32%；某药业被净卖出3.27亿元，股价续跌超16%。"
	for _, c := range entities.Claims(text, &entities.ClaimOptions{Year: 2022}) {
		fmt.Printf("%q subject=%q %s %s %s %s period=%q\n", c.Text, c.Subject, c.Value, c.Unit, c.Comparator, c.Kind, c.Period)
	}
	// Output:
	// "小程序日活突破4.5亿" subject="小程序日活" 450000000 count > level period="2021"
	// "日均使用次数同比增长32%" subject="日均使用次数" 32 percent = change period="2021"
	// "某药业被净卖出3.27亿元" subject="净卖出某药业" 327000000 CNY = level period=""
	// "股价续跌超16%" subject="股价" -16 percent > change period=""
}

// A house vocabulary adds a classifier the built-in one lacks; the files
// have the format of the embedded ones (entities/vocab/*.tsv).
func ExampleLoadVocabulary() {
	house := fstest.MapFS{
		"units.tsv": {Data: []byte("# word\tunit\tclass\n幢\tcount\tcount\n")},
	}
	v, err := entities.LoadVocabulary(house)
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "园区新建12幢厂房"
	fmt.Println(len(entities.Claims(text, nil)))
	for _, c := range entities.Claims(text, &entities.ClaimOptions{Vocabulary: v}) {
		fmt.Println(c.Text, c.Value, c.Unit)
	}
	// Output:
	// 0
	// 园区新建12幢 12 count
}

package stocknews_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/stocknews/stocknews"
)

func ExampleParse() {
	src := []byte(`---
title: "示例科技：新品订单环比增长两成"
date: 2022-03-15 09:30:05
categories: emnews
tags: 东财滚动新闻
---

示例科技3月15日表示，公司新品订单环比增长20%。（证券时报）

<http://finance.eastmoney.com/news/1354,202203152300000001.html>

[返回东财滚动新闻](../emnews/)
`)
	a, err := stocknews.Parse("2022-03-15-202203152300000001.md", src, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.ID)
	fmt.Println(a.Published) // Eastmoney times without an offset are Beijing time
	fmt.Printf("%q %q\n", a.Title, a.Media)
	fmt.Printf("%q\n", a.Text)
	// Output:
	// 202203152300000001
	// 2022-03-15 09:30:05 +0800 CST
	// "示例科技：新品订单环比增长两成" "证券时报"
	// "示例科技：新品订单环比增长两成\n示例科技3月15日表示，公司新品订单环比增长20%。（证券时报）"
}

func ExampleParse_error() {
	_, err := stocknews.Parse("broken.md", []byte("---\ntitle: 未闭合的前言\n\n正文"), nil)
	fmt.Println(err)
	// Output:
	// stocknews: broken.md:1: invalid front matter: no closing --- for the front matter opened here
}

func ExampleAnalyzer() {
	z, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	an := z.AnalyzeFile("testdata/em-hk-embed.md")
	if an.Err != nil {
		fmt.Println(an.Err)
		return
	}
	r := an.Record()
	fmt.Println(r.ID, r.Published, r.Media)
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(struct {
		File  string `json:"file"`
		Title string `json:"title"`
		URL   string `json:"url"`
	}{r.File, r.Title, r.URL})
	// Output:
	// NW202201102240000005 2022-01-10T20:15:00+08:00 中国证券报
	// {"file":"testdata/em-hk-embed.md","title":"某社交平台公布年度数据 小程序日活再创新高","url":"http://finews.example.org/html_News/NewsShare.html?infoCode=NW202201102240000005"}
}

package gencorpus_test

import (
	"fmt"

	"github.com/stocknews/stocknews/internal/gencorpus"
)

func ExampleGenerate() {
	var n, size int
	gencorpus.Generate(1, 1000, func(name string, data []byte) {
		n++
		size += len(data)
	})
	fmt.Println(n, "articles,", size > 1000*300, "over 300 bytes on average")
	// Output: 1000 articles, true over 300 bytes on average
}

func ExampleGenerator_Doc() {
	g := gencorpus.New(1, &gencorpus.Options{Formats: []gencorpus.Format{gencorpus.FlashItem}})
	d := g.Doc(0)
	fmt.Println(d.Format, d.Name == g.Doc(0).Name)
	// Output: flash true
}

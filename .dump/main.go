package main

import (
	"fmt"
	"os"

	"github.com/stocknews/stocknews"
)

func main() {
	for _, f := range os.Args[1:] {
		a, err := stocknews.ParseFile(f, nil)
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		fmt.Printf("== %s\nTITLE %q\nTIME %v (%s)\nMEDIA %q\n", f, a.Title, a.Published, a.PublishedFrom, a.Media)
		for i, p := range a.Paragraphs {
			fmt.Printf("P%d [%s] %s\n", i, p.Kind, p.Text)
		}
		for _, an := range a.Anchors {
			fmt.Printf("A %+v\n", an)
		}
	}
}

// Command gencal writes the generated data of package calendar (see
// package gencal).
//
// Usage (from the calendar folder, by go generate):
//
//	go run ./internal/gencal/cmd -ref ../../shared/reference/calendar -out zdata.go
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/stocknews/stocknews/calendar/internal/gencal"
)

func main() {
	ref := flag.String("ref", "../../shared/reference/calendar", "folder of the reference calendars")
	out := flag.String("out", "zdata.go", "Go file to write")
	flag.Parse()
	src, err := gencal.Generate(*ref)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencal:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gencal:", err)
		os.Exit(1)
	}
}

// Command coldstart measures the cold start of the library: the wall time
// from starting a process to having the first article analysed, without
// named entities (no segmenter is built).
//
//	coldstart [-runs 20] FILE
//
// It runs itself -runs times as a child that builds an Analyzer, analyses
// FILE and writes one line; the time is taken from just before the child is
// started to the first byte of its output, so it includes loading the
// binary, the Go runtime's start, package initialisation, building the
// Analyzer (the built-in master) and the analysis. It prints the minimum,
// the median and the maximum.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"time"

	"github.com/stocknews/stocknews"
)

func main() {
	runs := flag.Int("runs", 20, "number of cold starts to time")
	child := flag.Bool("child", false, "analyse FILE once and exit (used by the parent)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: coldstart [-runs N] FILE")
		os.Exit(2)
	}
	file := flag.Arg(0)
	if *child {
		an, err := stocknews.NewAnalyzer(&stocknews.AnalyzerOptions{NoEntities: true})
		if err != nil {
			fmt.Fprintln(os.Stderr, "coldstart:", err)
			os.Exit(1)
		}
		a := an.AnalyzeFile(file)
		if a.Err != nil {
			fmt.Fprintln(os.Stderr, "coldstart:", a.Err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d securities, %d claims\n", file, len(a.Tickers), len(a.Claims))
		return
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "coldstart:", err)
		os.Exit(1)
	}
	var times []time.Duration
	var line string
	for range *runs {
		cmd := exec.Command(self, "-child", file)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			fmt.Fprintln(os.Stderr, "coldstart:", err)
			os.Exit(1)
		}
		start := time.Now()
		if err := cmd.Start(); err != nil {
			fmt.Fprintln(os.Stderr, "coldstart:", err)
			os.Exit(1)
		}
		br := bufio.NewReader(out)
		if _, err := br.Peek(1); err != nil {
			fmt.Fprintln(os.Stderr, "coldstart: child wrote nothing:", err)
			os.Exit(1)
		}
		times = append(times, time.Since(start))
		line, _ = br.ReadString('\n')
		if err := cmd.Wait(); err != nil {
			fmt.Fprintln(os.Stderr, "coldstart:", err)
			os.Exit(1)
		}
	}
	slices.Sort(times)
	fmt.Printf("cold start to first analysed article (no entities), %d runs: min %.1f ms, median %.1f ms, max %.1f ms\n",
		len(times), ms(times[0]), ms(times[len(times)/2]), ms(times[len(times)-1]))
	fmt.Print("  ", line)
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

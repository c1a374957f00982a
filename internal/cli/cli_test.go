package cli

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/stocknews/stocknews"
)

// TestReporterTerminal runs a Reporter on the slave side of a
// pseudo-terminal, as a user's shell gives it: the progress line is drawn
// (inputs of the total, MB, MB/s, elapsed), a failure clears it before
// being named, and the summary line ends the output.
func TestReporterTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if !IsTerminal(tty) {
		t.Fatal("the pty slave is not seen as a terminal")
	}
	out := make(chan string)
	go func() {
		b, _ := io.ReadAll(ptmx) // ends with EIO once the slave is closed
		out <- string(b)
	}()

	r := NewReporter("analyze", tty, 3, false)
	r.Read(1_500_000)
	r.Record(&stocknews.Analysis{File: "a.md"})
	time.Sleep(3 * Interval) // let the progress line be drawn
	r.Record(&stocknews.Analysis{File: "b.png", Err: &stocknews.InputError{Name: "b.png", Err: stocknews.ErrNotArticle}})
	r.Record(&stocknews.Analysis{File: "c.md"})
	r.Close()
	tty.Close()
	got := <-out

	if !strings.Contains(got, "1/3 inputs (33%)  1.5 MB") || !strings.Contains(got, "MB/s") || !strings.Contains(got, "elapsed") {
		t.Errorf("no progress line in %q", got)
	}
	if !strings.Contains(got, "\r\x1b[Kanalyze: b.png: not an article") {
		t.Errorf("the failure does not clear the progress line first: %q", got)
	}
	lines := strings.Split(strings.TrimRight(got, "\r\n"), "\n")
	// What a terminal shows on the last line: the text after the last
	// clear (a progress redraw may precede the summary on that line).
	last := lines[len(lines)-1]
	if i := strings.LastIndex(last, "\x1b[K"); i >= 0 {
		last = last[i+len("\x1b[K"):]
	}
	if !strings.HasPrefix(last, "analyze: 3 inputs, 1 failed, 1.5 MB in ") {
		t.Errorf("last line %q, want the summary", last)
	}
	if r.ExitCode() != ExitFailed {
		t.Errorf("exit %d, want %d", r.ExitCode(), ExitFailed)
	}
}

// TestReporterQuiet checks that nothing but failures and the summary is
// written when stderr is not a terminal (a pipe, a file), or with -q on a
// terminal.
func TestReporterQuiet(t *testing.T) {
	var buf bytes.Buffer
	r := NewReporter("coverage", &buf, 0, false)
	r.Read(10)
	r.Record(&stocknews.Analysis{File: "x.md", Err: &stocknews.InputError{Name: "x.md", Err: os.ErrNotExist}})
	time.Sleep(2 * Interval)
	r.Close()
	want := "coverage: x.md: file does not exist\ncoverage: 1 inputs, 1 failed, 0.0 MB in "
	if !strings.HasPrefix(buf.String(), want) || strings.Contains(buf.String(), "\r") {
		t.Errorf("got %q, want %q…", buf.String(), want)
	}

	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	out := make(chan string)
	go func() {
		b, _ := io.ReadAll(ptmx)
		out <- string(b)
	}()
	q := NewReporter("coverage", tty, 5, true)
	q.Record(&stocknews.Analysis{File: "a.md"})
	time.Sleep(2 * Interval)
	q.Close()
	tty.Close()
	if got := <-out; strings.Contains(got, "elapsed") || strings.Contains(got, "\x1b") {
		t.Errorf("-q drew a progress line: %q", got)
	}
	if q.ExitCode() != ExitOK {
		t.Errorf("exit %d, want 0", q.ExitCode())
	}
}

func TestTotalAndClock(t *testing.T) {
	if n := Total([]string{"a.md", "b.html"}); n != 2 {
		t.Errorf("Total of two files %d", n)
	}
	if n := Total([]string{"a.md", "feed.jsonl.gz"}); n != 0 {
		t.Errorf("Total with a feed %d, want 0 (unknown)", n)
	}
	for d, want := range map[time.Duration]string{0: "0:00", 75 * time.Second: "1:15", 3723 * time.Second: "1:02:03"} {
		if got := clock(d); got != want {
			t.Errorf("clock(%v) = %q, want %q", d, got, want)
		}
	}
}

// Package cli is the plumbing the command-line programs share: a
// progress line on a terminal, each failed input named on standard
// error, a summary line, and the exit status.
//
// Exit status: 0 when every input was analysed, 1 when any input failed
// (its record is still written) or the run itself failed, 2 for a usage
// error (ExitUsage).
package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/batch"
)

// Exit statuses.
const (
	ExitOK     = 0 // every input analysed
	ExitFailed = 1 // an input or the run failed
	ExitUsage  = 2 // bad flags or arguments
)

// Total returns the number of inputs args name once expanded, or 0 when
// it is not known in advance (a feed is among them: its lines are the
// inputs).
func Total(expanded []string) int {
	for _, name := range expanded {
		if batch.IsFeed(name) {
			return 0
		}
	}
	return len(expanded)
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Reporter counts a run's inputs and failures, names each failure on
// stderr, draws the progress line when stderr is a terminal, and ends the
// run with a summary line. Record is called from one goroutine (the
// pipeline's callback); Read may be called from any.
type Reporter struct {
	prog  string
	w     io.Writer
	total int
	start time.Time
	now   func() time.Time

	inputs, failed atomic.Int64
	bytes          atomic.Int64

	mu    sync.Mutex // serialises writes to w
	drawn bool       // a progress line is on screen
	stop  chan struct{}
	done  chan struct{}
}

// Interval is how often the progress line is redrawn.
const Interval = 200 * time.Millisecond

// NewReporter returns a Reporter writing to stderr. total is the number
// of inputs when known (0 otherwise). The progress line is drawn only
// when stderr is a terminal and quiet is false.
func NewReporter(prog string, stderr io.Writer, total int, quiet bool) *Reporter {
	r := &Reporter{prog: prog, w: stderr, total: total, start: time.Now(), now: time.Now}
	if !quiet && IsTerminal(stderr) {
		r.stop, r.done = make(chan struct{}), make(chan struct{})
		go r.loop()
	}
	return r
}

func (r *Reporter) loop() {
	defer close(r.done)
	t := time.NewTicker(Interval)
	defer t.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-t.C:
			r.mu.Lock()
			r.draw()
			r.mu.Unlock()
		}
	}
}

// Read counts n bytes read; it has the shape of batch.PipelineOptions.Read.
func (r *Reporter) Read(n int) { r.bytes.Add(int64(n)) }

// Record counts one input's analysis and names it on stderr when it
// failed.
func (r *Reporter) Record(an *stocknews.Analysis) {
	r.inputs.Add(1)
	if an.Err == nil {
		return
	}
	r.failed.Add(1)
	r.Printf("%s", strings.TrimPrefix(an.Err.Error(), "stocknews: "))
}

// Printf writes one line to stderr, prefixed with the program's name,
// clearing the progress line first.
func (r *Reporter) Printf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clear()
	fmt.Fprintf(r.w, r.prog+": "+format+"\n", args...)
}

// clear erases the progress line; r.mu is held.
func (r *Reporter) clear() {
	if r.drawn {
		io.WriteString(r.w, "\r\x1b[K")
		r.drawn = false
	}
}

// draw writes the progress line; r.mu is held.
func (r *Reporter) draw() {
	io.WriteString(r.w, "\r\x1b[K"+r.Progress())
	r.drawn = true
}

// Progress is the text of the progress line: inputs done (of the total
// when known), megabytes read, MB/s and elapsed time.
func (r *Reporter) Progress() string {
	n := r.inputs.Load()
	el := r.now().Sub(r.start)
	mb := float64(r.bytes.Load()) / 1e6
	rate := 0.0
	if s := el.Seconds(); s > 0 {
		rate = mb / s
	}
	count := fmt.Sprintf("%d inputs", n)
	if r.total > 0 {
		count = fmt.Sprintf("%d/%d inputs (%d%%)", n, r.total, n*100/int64(r.total))
	}
	return fmt.Sprintf("%s  %.1f MB  %.1f MB/s  %s elapsed", count, mb, rate, clock(el))
}

// clock formats a duration as m:ss, or h:mm:ss past an hour.
func clock(d time.Duration) string {
	s := int(d.Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// Close stops the progress line and writes the summary line:
// "PROG: N inputs, K failed, X MB in T".
func (r *Reporter) Close() {
	if r.stop != nil {
		close(r.stop)
		<-r.done
		r.stop = nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clear()
	el := r.now().Sub(r.start)
	fmt.Fprintf(r.w, "%s: %d inputs, %d failed, %.1f MB in %.1f s\n", r.prog,
		r.inputs.Load(), r.failed.Load(), float64(r.bytes.Load())/1e6, el.Seconds())
}

// Failed returns the number of failed inputs so far.
func (r *Reporter) Failed() int { return int(r.failed.Load()) }

// Inputs returns the number of inputs recorded so far.
func (r *Reporter) Inputs() int { return int(r.inputs.Load()) }

// ExitCode is ExitFailed when any input failed, else ExitOK.
func (r *Reporter) ExitCode() int {
	if r.Failed() > 0 {
		return ExitFailed
	}
	return ExitOK
}

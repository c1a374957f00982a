//go:build unix

package stocknews_test

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time of this process (user + system, from
// getrusage), or 0 where that is not available.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

//go:build unix

package entities

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system, all threads, GC
// included) the process has used so far, for MB-per-CPU-second figures that
// stay meaningful on a shared, loaded machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

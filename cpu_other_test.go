//go:build !unix

package stocknews_test

import "time"

// processCPU is not measured here: the MB/cpu-s figures are left out.
func processCPU() time.Duration { return 0 }

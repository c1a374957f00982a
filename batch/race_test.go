//go:build race

package batch_test

// hostileRaceSlowdown stretches the hang guard under the race detector, which
// slows the code down about tenfold.
const hostileRaceSlowdown = 10

// hostileRace reports whether the race detector is on.
const hostileRace = true

//go:build race

package stocknews_test

// raceSlowdown stretches the hang guard under the race detector, which
// slows the code down about tenfold.
const raceSlowdown = 10

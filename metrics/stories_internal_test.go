package metrics

import (
	"math/rand/v2"
	"testing"
)

// bruteStories is stories by comparing every pair.
func bruteStories(rs []*record, h int) []int {
	n := len(rs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			x = parent[x]
		}
		return x
	}
	for i := range rs {
		for j := i + 1; j < n; j++ {
			if rs[i].hasSig && rs[j].hasSig && Hamming(rs[i].sig, rs[j].sig) <= h {
				a, b := find(i), find(j)
				if a < b {
					parent[b] = a
				} else if b < a {
					parent[a] = b
				}
			}
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = find(i)
	}
	return out
}

func TestStoriesMatchBruteForce(t *testing.T) {
	// Signatures in families (a base with 0–6 bits flipped) plus loners; the
	// banded search must find exactly the components of the pairwise
	// relation, for every threshold.
	r := rand.New(rand.NewPCG(21, 22))
	for round := range 30 {
		var rs []*record
		for range 1 + r.IntN(25) {
			base := r.Uint64()
			for range 1 + r.IntN(6) {
				sig := base
				for range r.IntN(7) {
					sig ^= 1 << r.IntN(64)
				}
				rs = append(rs, &record{sig: sig, hasSig: r.IntN(10) != 0})
			}
		}
		r.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
		for h := 0; h <= 7; h++ {
			got, want := stories(rs, h), bruteStories(rs, h)
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("round %d, h %d: record %d in story %d, want %d", round, h, i, got[i], want[i])
				}
			}
		}
	}
}

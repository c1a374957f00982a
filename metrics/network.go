package metrics

import (
	"math"
	"slices"
)

// PageRank damping, convergence tolerance and iteration cap for the
// co-mention graph.
const (
	pageRankDamp    = 0.85
	pageRankTol     = 1e-13
	pageRankMaxIter = 1000
)

// pageRank returns the edge-weighted PageRank of n securities in the
// co-mention graph whose undirected edge {a, b} weighs w_ab = pairs[{a, b}],
// the articles linking both. With damping d = 0.85 it iterates, from the
// uniform vector,
//
//	r_i ← (1−d)/n + d · ( Σ_j r_j · w_ji / W_j  +  Σ_{j: W_j = 0} r_j / n ),   W_j = Σ_k w_jk
//
// until the L1 change is below 1e-13 (at most 1000 rounds). That is gonum's
// network.PageRank for weighted graphs (the tests check the two agree), but
// gonum starts from a random vector, so its last digits change from run to
// run; this one gives the same bits every time, which merge-exactness needs.
// Securities without a partner keep the teleport share. The scores sum to 1
// and are rounded to 12 decimals.
func pageRank(n int, pairs map[[2]int]int) []float64 {
	out := make([]float64, n)
	if n == 0 {
		return out
	}
	type arc struct {
		to int
		w  float64
	}
	adj := make([][]arc, n)
	for k, c := range pairs {
		adj[k[0]] = append(adj[k[0]], arc{k[1], float64(c)})
		adj[k[1]] = append(adj[k[1]], arc{k[0], float64(c)})
	}
	total := make([]float64, n)
	for i := range adj {
		slices.SortFunc(adj[i], func(x, y arc) int { return x.to - y.to })
		for _, a := range adj[i] {
			total[i] += a.w
		}
	}
	r := make([]float64, n)
	next := make([]float64, n)
	for i := range r {
		r[i] = 1 / float64(n)
	}
	fn := float64(n)
	for range pageRankMaxIter {
		var dangling float64
		for j := range r {
			if total[j] == 0 {
				dangling += r[j]
			}
		}
		base := (1-pageRankDamp)/fn + pageRankDamp*dangling/fn
		for i := range next {
			next[i] = base
		}
		for j, arcs := range adj {
			if total[j] == 0 {
				continue
			}
			share := pageRankDamp * r[j] / total[j]
			for _, a := range arcs {
				next[a.to] += share * a.w
			}
		}
		var diff float64
		for i := range r {
			diff += math.Abs(next[i] - r[i])
		}
		r, next = next, r
		if diff < pageRankTol {
			break
		}
	}
	for i, v := range r {
		out[i] = roundScore(v)
	}
	return out
}

func roundScore(v float64) float64 { return math.Round(v*1e12) / 1e12 }

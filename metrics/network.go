package metrics

import (
	"math"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// PageRank damping and convergence tolerance for the co-mention graph.
const (
	pageRankDamp = 0.85
	pageRankTol  = 1e-10
)

// pageRank returns the edge-weighted PageRank of n securities in the
// co-mention graph whose undirected edge {a, b} weighs pairs[{a, b}], the
// articles linking both (each edge becomes two arcs). It uses gonum's
// network.PageRankSparse with damping 0.85. Securities without a partner
// keep only the teleport share. The scores sum to 1 and are rounded to 12
// decimal places, so they do not depend on gonum's map iteration order.
func pageRank(n int, pairs map[[2]int]int) []float64 {
	out := make([]float64, n)
	if n == 0 {
		return out
	}
	if len(pairs) == 0 {
		for i := range out {
			out[i] = roundScore(1 / float64(n))
		}
		return out
	}
	g := simple.NewWeightedDirectedGraph(0, 0)
	for i := range n {
		g.AddNode(simple.Node(int64(i)))
	}
	for k, c := range pairs {
		a, b := simple.Node(int64(k[0])), simple.Node(int64(k[1]))
		g.SetWeightedEdge(g.NewWeightedEdge(a, b, float64(c)))
		g.SetWeightedEdge(g.NewWeightedEdge(b, a, float64(c)))
	}
	for id, v := range network.PageRankSparse(g, pageRankDamp, pageRankTol) {
		out[id] = roundScore(v)
	}
	return out
}

func roundScore(v float64) float64 { return math.Round(v*1e12) / 1e12 }

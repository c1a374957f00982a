package metrics

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"time"
)

// ArticleNovelty is the novelty of one article among the articles of a
// [Coverage].
//
// The JSON form (see [Coverage.WriteNoveltyJSONL]) has the keys id,
// published (RFC 3339, null when unknown), story, k and score.
type ArticleNovelty struct {
	ID        string    `json:"id"`                 // the article's identity: its ID, else its file, else a hash of its text
	Published time.Time `json:"published,omitzero"` // zero when unknown
	Story     string    `json:"story"`              // ID of the story's first article (RavenPack's ENS_KEY)
	K         int       `json:"k"`                  // 1 + earlier articles of the story within the novelty window
	Score     float64   `json:"score"`              // novelty score, see [NoveltyScore]
}

// ErrBounded is wrapped by the errors of what a bounded [Coverage] cannot
// do because it has forgotten its articles.
var ErrBounded = errors.New("not available from a bounded Coverage")

// WriteNoveltyJSONL writes [Coverage.Novelty] as JSON Lines, one article
// per line, in story order. A bounded Coverage returns an error wrapping
// [ErrBounded].
func (c *Coverage) WriteNoveltyJSONL(w io.Writer) error {
	if c.roll != nil {
		return fmt.Errorf("metrics: novelty needs every article: %w", ErrBounded)
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	type line struct {
		ID        string     `json:"id"`
		Published *time.Time `json:"published"`
		Story     string     `json:"story"`
		K         int        `json:"k"`
		Score     float64    `json:"score"`
	}
	for _, n := range c.Novelty() {
		l := line{ID: n.ID, Story: n.Story, K: n.K, Score: n.Score}
		if !n.Published.IsZero() {
			l.Published = &n.Published
		}
		if err := enc.Encode(l); err != nil {
			return fmt.Errorf("metrics: writing novelty: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("metrics: writing novelty: %w", err)
	}
	return nil
}

// NoveltyScore is the RavenPack Event Novelty Score form for the k-th
// similar story within the window (k ≥ 1), rounded to an integer:
//
//	ENS_k = round(100 · 0.75^(k−1))   → 100, 75, 56, 42, 32, …
//
// In a [Coverage], k counts the article and the earlier articles of its
// story published within [Options.NoveltyWindow] before it. The first
// article of a story scores 100; a later article whose earlier story mates
// all lie outside the window scores 0 (stale news, as RavenPack scores a
// similar story outside its 24-hour window). NoveltyScore returns 0 for
// k < 1.
func NoveltyScore(k int) float64 {
	if k < 1 {
		return 0
	}
	return math.Round(100 * math.Pow(0.75, float64(k-1)))
}

// orderedRecords returns the records in story order: dated articles by time,
// then undated ones, ties by identity. The order is total, so everything
// derived from it is independent of insertion order.
func (c *Coverage) orderedRecords() []*record {
	rs := make([]*record, 0, len(c.records))
	for _, r := range c.records {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, compareStoryOrder)
	return rs
}

func compareStoryOrder(a, b *record) int {
	if a.dated != b.dated {
		if a.dated {
			return -1
		}
		return 1
	}
	if a.dated {
		if c := cmp.Compare(a.unix, b.unix); c != 0 {
			return c
		}
	}
	return cmp.Compare(a.id, b.id)
}

// stories groups rs (in story order) into near-duplicate stories and
// returns, for each record, the index in rs of its story's first record.
//
// Two articles are near-duplicates when both have a signature and the
// signatures differ in at most h bits; stories are the connected components
// of that relation (single linkage), so they do not depend on order. The
// candidates are found by the pigeonhole principle: split the 64 bits into
// h+1 bands; two signatures within h bits agree exactly on at least one
// band. Cost: h+1 sorts of the distinct signatures plus the comparisons
// among signatures that share a band.
func stories(rs []*record, h int) []int {
	n := len(rs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		// The root is always the smaller index: the earliest article.
		if ra < rb {
			parent[rb] = ra
		} else {
			parent[ra] = rb
		}
	}

	// Identical signatures first: one representative per signature.
	first := make(map[uint64]int)
	var reps []int
	for i, r := range rs {
		if !r.hasSig {
			continue
		}
		if j, ok := first[r.sig]; ok {
			union(j, i)
			continue
		}
		first[r.sig] = i
		reps = append(reps, i)
	}
	if h > 0 && len(reps) > 1 {
		bands := h + 1
		width := (64 + bands - 1) / bands // at most 32: h ≥ 1
		type entry struct {
			val uint64
			idx int
		}
		buf := make([]entry, len(reps))
		for b := range bands {
			lo := b * width
			w := min(width, 64-lo)
			if w <= 0 {
				break
			}
			mask := uint64(1)<<w - 1
			for k, i := range reps {
				buf[k] = entry{rs[i].sig >> lo & mask, i}
			}
			slices.SortFunc(buf, func(x, y entry) int { return cmp.Compare(x.val, y.val) })
			// Compare within runs of equal band values.
			for s := 0; s < len(buf); {
				e := s + 1
				for e < len(buf) && buf[e].val == buf[s].val {
					e++
				}
				for x := s; x < e; x++ {
					for y := x + 1; y < e; y++ {
						if Hamming(rs[buf[x].idx].sig, rs[buf[y].idx].sig) <= h {
							union(buf[x].idx, buf[y].idx)
						}
					}
				}
				s = e
			}
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = find(i)
	}
	return out
}

// novelty computes k and the score of every record (in story order), given
// the story of each.
func novelty(rs []*record, story []int, window time.Duration) (k []int, score []float64) {
	k = make([]int, len(rs))
	score = make([]float64, len(rs))
	members := make(map[int][]int) // story → earlier members, in order
	win := int64(window / time.Second)
	for i, r := range rs {
		s := story[i]
		prev := members[s]
		members[s] = append(prev, i)
		if s == i {
			k[i], score[i] = 1, 100
			continue
		}
		if !r.dated {
			continue // undated repeats: k 0, score 0
		}
		cnt := 1
		for j := len(prev) - 1; j >= 0; j-- {
			p := rs[prev[j]]
			if !p.dated || r.unix-p.unix > win {
				break
			}
			cnt++
		}
		if cnt > 1 {
			k[i], score[i] = cnt, NoveltyScore(cnt)
		}
	}
	return k, score
}

// Novelty returns the novelty of every article collected, repeats left
// out, in story order (by publication time, undated last, ties by
// identity).
func (c *Coverage) Novelty() []ArticleNovelty {
	if c.roll != nil {
		return nil // a bounded Coverage has forgotten its articles
	}
	o := c.opts.withDefaults()
	rs, _ := dropRepeats(c.orderedRecords())
	st := stories(rs, o.MaxHamming)
	k, score := novelty(rs, st, o.NoveltyWindow)
	out := make([]ArticleNovelty, len(rs))
	for i, r := range rs {
		out[i] = ArticleNovelty{
			ID:    displayID(r.id),
			Story: displayID(rs[st[i]].id),
			K:     k[i],
			Score: score[i],
		}
		if r.dated {
			out[i].Published = time.Unix(r.unix, 0).In(o.Location)
		}
	}
	return out
}

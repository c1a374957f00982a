package metrics

import (
	"encoding/binary"
	"math"

	"github.com/stocknews/stocknews"
	"github.com/stocknews/stocknews/entities"
)

// toneAcc sums the tones of a security's articles: the articles with a
// tone (an [entities.SecurityTone] for the security in the analysis) by
// label, and their scores in fixed point (units of relScale), so that the
// sum is exact and independent of order.
type toneAcc struct {
	units                       int64
	positive, negative, neutral int
}

func (t *toneAcc) add(l *linkRecord) {
	if !l.toned {
		return
	}
	t.units += int64(math.Round(l.toneScore * relScale))
	switch {
	case l.tone > 0:
		t.positive++
	case l.tone < 0:
		t.negative++
	default:
		t.neutral++
	}
}

func (t *toneAcc) merge(o toneAcc) {
	t.units += o.units
	t.positive += o.positive
	t.negative += o.negative
	t.neutral += o.neutral
}

func (t *toneAcc) count() int { return t.positive + t.negative + t.neutral }

// fill sets the tone figures of s.
func (t *toneAcc) fill(s *Stats) {
	s.Positive, s.Negative, s.Neutral = t.positive, t.negative, t.neutral
	s.ToneMean = math.NaN()
	if n := t.count(); n > 0 {
		s.ToneMean = float64(t.units) / relScale / float64(n)
	}
}

func (t *toneAcc) appendTo(b []byte) []byte {
	b = binary.AppendVarint(b, t.units)
	for _, v := range []int{t.positive, t.negative, t.neutral} {
		b = binary.AppendUvarint(b, uint64(v))
	}
	return b
}

// decode reads a toneAcc of a security with articles articles.
func (t *toneAcc) decode(d *decoder, articles int) {
	at := d.pos
	t.units = d.varint("security tone")
	t.positive = d.total("security positive")
	t.negative = d.total("security negative")
	t.neutral = d.total("security neutral")
	n := t.count()
	if d.err == nil && (n > articles || n < 0 || math.Abs(float64(t.units)) > float64(n)*relScale) {
		d.pos = at
		d.fail("security tone")
	}
}

// setTones sets the tone of each link of r from the analysis's Tones.
func setTones(r *record, a *stocknews.Analysis) {
	for i := range r.links {
		l := &r.links[i]
		for _, t := range a.Tones {
			if t.Symbol != l.sym {
				continue
			}
			l.toned = true
			l.tone = int8(max(min(t.Tone, entities.Positive), entities.Negative))
			l.toneScore = t.Score
			if math.IsNaN(l.toneScore) {
				l.toneScore = 0
			}
			l.toneScore = max(min(l.toneScore, 1), -1)
			break
		}
	}
}

// Tone codes of the encoding: 0 none, then the tone plus 2.
func toneCode(l *linkRecord) byte {
	if !l.toned {
		return 0
	}
	return byte(l.tone + 2)
}

package entities

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lastWord finds the same offset as the greatest strings.LastIndex over
// the words.
func TestLastWord(t *testing.T) {
	words := []string{"元", "市值", "资金", "营收", "收入", "营业收入", "亏", "净利", "利润"}
	byLast := byLastRune(words)
	alphabet := []rune("元市值资金营收入业亏净利润的了，a1")
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		w := b.String()
		want := -1
		for _, k := range words {
			want = max(want, strings.LastIndex(w, k))
		}
		if got := lastWord(w, byLast); got != want {
			t.Fatalf("lastWord(%q) = %d, want %d", w, got, want)
		}
	}
}

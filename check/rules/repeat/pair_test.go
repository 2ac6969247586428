package repeat

import (
	"math/rand/v2"
	"testing"
)

// TestNextPair checks the pair links against their definition on random
// paragraphs over small alphabets, where pairs recur often, and with
// characters outside the Basic Multilingual Plane.
func TestNextPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("进一步加强，。𠮷𠮷a")
	var x nextPair
	for round := range 2000 {
		rs := make([]rune, rng.IntN(80))
		k := 2 + round%(len(alphabet)-1)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(k)]
		}
		x.build(rs)
		for i := range rs {
			want := int32(-1)
			for j := i + 1; j+1 < len(rs) && i+1 < len(rs); j++ {
				if rs[j] == rs[i] && rs[j+1] == rs[i+1] {
					want = int32(j)
					break
				}
			}
			if x.at[i] != want {
				t.Fatalf("%q: at[%d] = %d, want %d", string(rs), i, x.at[i], want)
			}
		}
	}
}

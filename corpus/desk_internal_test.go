package corpus

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Ensure sortPostings sorts by hash and keeps the order of the postings
// of one hash, for hashes that differ in any of their 16-bit digits.
func TestSortPostings(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var ps []posting
	for doc := range int32(200) {
		for range 50 {
			h := rng.Uint64()
			switch rng.IntN(4) {
			case 0:
				h &= 0xffff // only the lowest digit
			case 1:
				h &^= 0xffff // only the upper digits
			case 2:
				h = uint64(rng.IntN(40)) << 48 // often equal
			}
			ps = append(ps, posting{h, doc})
		}
	}
	want := slices.Clone(ps)
	slices.SortStableFunc(want, func(a, b posting) int {
		switch {
		case a.hash < b.hash:
			return -1
		case a.hash > b.hash:
			return 1
		}
		return 0
	})
	if got := sortPostings(ps); !slices.Equal(got, want) {
		t.Error("sortPostings differs from a stable sort by hash")
	}
	if got := sortPostings(nil); len(got) != 0 {
		t.Errorf("sortPostings(nil) = %v", got)
	}
}

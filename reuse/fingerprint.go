package reuse

// K is the length of the k-grams, in normalised characters: long enough
// that two reports share a k-gram by chance only in stock phrases, short
// enough to survive an edit every dozen characters (the CNKI checker's
// "13 consecutive characters" is the same length).
const K = 13

// W is the winnowing window: of every W consecutive k-grams the one with
// the smallest hash is a fingerprint. Two texts sharing K+W-1 = 42
// normalised characters (about two clauses) are certain to share a
// fingerprint; a report of 7,500 normalised characters has about
// 2/(W+1) × 7,500 ≈ 480.
const W = 30

// Hashes returns the hash of the k-gram starting at each position of the
// normalised text (len(Runes)-K+1 of them; none for a shorter text).
func (t *Text) Hashes() []uint64 {
	if t.hashes != nil || len(t.Runes) < K {
		return t.hashes
	}
	// A polynomial rolling hash, then a mixer: the rolling value is
	// linear in the characters, the mixed one spreads it over all bits so
	// that "smallest" picks positions at random.
	const base = 0x100000001B3
	var pow uint64 = 1
	for range K - 1 {
		pow *= base
	}
	out := make([]uint64, len(t.Runes)-K+1)
	var h uint64
	for i, r := range t.Runes {
		if i >= K {
			h -= uint64(t.Runes[i-K]) * pow
		}
		h = h*base + uint64(r)
		if i >= K-1 {
			out[i-K+1] = mix(h)
		}
	}
	t.hashes = out
	return out
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// Fingerprint is a winnowed k-gram: its hash and its position in the
// normalised text.
type Fingerprint struct {
	Hash uint64
	Pos  int32
}

// Fingerprints returns the winnowed fingerprints of the text, in order:
// the smallest hash of every window of W k-grams (the rightmost of equal
// ones), each position once. A text shorter than K+W-1 characters still
// gets the smallest of the k-grams it has.
func (t *Text) Fingerprints() []Fingerprint {
	hs := t.Hashes()
	if len(hs) == 0 {
		return nil
	}
	var out []Fingerprint
	w := min(W, len(hs))
	// A monotone deque of positions with increasing hashes: its front is
	// the minimum of the current window.
	deque := make([]int, 0, w)
	last := -1
	for i, h := range hs {
		for len(deque) > 0 && hs[deque[len(deque)-1]] >= h {
			deque = deque[:len(deque)-1]
		}
		deque = append(deque, i)
		if deque[0] <= i-w {
			deque = deque[1:]
		}
		if i >= w-1 && deque[0] != last {
			last = deque[0]
			out = append(out, Fingerprint{Hash: hs[last], Pos: int32(last)})
		}
	}
	return out
}

// Distinct returns the distinct hashes of fps.
func Distinct(fps []Fingerprint) []uint64 {
	seen := make(map[uint64]bool, len(fps))
	out := make([]uint64, 0, len(fps))
	for _, f := range fps {
		if !seen[f.Hash] {
			seen[f.Hash] = true
			out = append(out, f.Hash)
		}
	}
	return out
}

package words

// Pairs is a set of character pairs hashed into 2^20 bits, a filter in
// front of an index: a pair not in it starts no word of the index; one in
// it may (or collides with one that does), and the index decides. Most
// positions of a report fail the test, so most cost one multiplication.
type Pairs [1 << 14]uint64

func pairHash(a, b rune) uint64 {
	return (uint64(a)<<21 ^ uint64(b)) * 0x9E3779B97F4A7C15 >> 44
}

// Add puts the pair a, b in the set.
func (p *Pairs) Add(a, b rune) {
	h := pairHash(a, b)
	p[h>>6] |= 1 << (h & 63)
}

// Has reports whether the pair a, b may be in the set.
func (p *Pairs) Has(a, b rune) bool {
	h := pairHash(a, b)
	return p[h>>6]&(1<<(h&63)) != 0
}

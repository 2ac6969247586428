package words

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// A Group finds the words of many sets in one scan of a text, giving for
// each set what its All would: many rules each looking for a few words
// then cost one pass over the text instead of one pass each.
type Group struct {
	merged *Set // every word, for its first-character filters
	n      int
	// singles marks the words of one character, which are their own
	// candidates; the longer words are indexed by their first two
	// characters: most positions fail the filter of those pairs, and
	// those that pass find only the few words starting with the pair.
	singles  bitmap
	single   map[rune]candidate
	pairBits []uint64 // a filter of the pairs, about 64 bits each
	pairMask uint64   // len(pairBits)*64 - 1
	pairs    map[uint64][]candidate
}

// candidate is a word with the indexes of the sets holding it.
type candidate struct {
	word   string
	owners []int
}

// pairKey packs two characters into a key.
func pairKey(a, b rune) uint64 { return uint64(a)<<21 | uint64(b) }

// pairBit is the bit of the pair filter for key.
func (g *Group) pairBit(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15 >> 32) & g.pairMask }

// NewGroup returns a Group of the sets, in order.
func NewGroup(sets ...*Set) *Group {
	g := &Group{n: len(sets), single: map[rune]candidate{}, pairs: map[uint64][]candidate{}}
	owners := map[string][]int{}
	var all []string
	for i, s := range sets {
		for _, list := range s.byFirst.lists {
			for _, w := range list {
				if _, ok := owners[w]; !ok {
					all = append(all, w)
				}
				owners[w] = append(owners[w], i)
			}
		}
	}
	g.merged = NewSet(all...)
	// The merged index lists the words of each first character longest
	// first; its order is kept within each pair.
	for _, list := range g.merged.byFirst.lists {
		for _, w := range list {
			c := candidate{w, owners[w]}
			r1, n := utf8.DecodeRuneInString(w)
			r2, m := utf8.DecodeRuneInString(w[n:])
			if m == 0 {
				g.singles.set(r1)
				g.single[r1] = c
				continue
			}
			k := pairKey(r1, r2)
			g.pairs[k] = append(g.pairs[k], c)
		}
	}
	size := 64 * uint64(max(1, len(g.pairs)))
	size = 1 << bits.Len64(size-1) // a power of two, at least 64 bits a pair
	g.pairBits = make([]uint64, size/64)
	g.pairMask = size - 1
	for k := range g.pairs {
		b := g.pairBit(k)
		g.pairBits[b>>6] |= 1 << (b & 63)
	}
	return g
}

// Scan returns, for each set of the group, the matches its All(text)
// returns: the longest word of the set at each position, scanning past
// each match.
func (g *Group) Scan(text string) [][]Match {
	out := make([][]Match, g.n)
	next := make([]int, g.n)  // per set: where its next match may start
	stamp := make([]int, g.n) // per set: 1 + the position it matched at
	s := g.merged
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
		case c&0xF0 == 0xE0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
			if !s.blocks[int(c&0x0F)<<6|int(text[i+1]&0x3F)] {
				i += 3
				continue
			}
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			size = 3
		default:
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !s.first.has(r) {
			i += size
			continue
		}
		// Candidates longest first: the words starting with the pair at
		// i, then the word of the one character r. The first match of a
		// set at i is its longest word there.
		var list []candidate
		if i+size < len(text) {
			r2, _ := decode(text, i+size)
			k := pairKey(r, r2)
			if b := g.pairBit(k); g.pairBits[b>>6]&(1<<(b&63)) != 0 {
				list = g.pairs[k]
			}
		}
		for _, c := range list {
			if strings.HasPrefix(text[i:], c.word) {
				g.match(out, next, stamp, i, c)
			}
		}
		if g.singles.has(r) {
			if c, ok := g.single[r]; ok {
				g.match(out, next, stamp, i, c)
			}
		}
		i += size
	}
	return out
}

// match records the word of c at i for each set holding it whose last
// match does not cover i and which has no longer word at i.
func (g *Group) match(out [][]Match, next, stamp []int, i int, c candidate) {
	for _, k := range c.owners {
		if i < next[k] || stamp[k] == i+1 {
			continue
		}
		out[k] = append(out[k], Match{Start: i, Word: c.word})
		next[k] = i + len(c.word)
		stamp[k] = i + 1
	}
}

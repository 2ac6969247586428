package words

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"zongjie/document"
)

// A Group finds the words of many sets in one scan of a text, giving for
// each set what its All would (or, for a set added with Every, every
// occurrence of every word): many rules each looking for a few words then
// cost one pass over the text instead of one pass each.
//
// The scan reads each character of the text once (the three bytes of a
// Chinese character are its code, not decoded) and tests the pair it
// makes with the next one against a filter of the pairs that start the
// words (about 64 bits a pair, small enough to stay in cache): most
// positions of a report fail it, and one that passes finds only the words
// starting with its pair. Words of one character are tested the same way
// on their own filter. The words must be valid UTF-8.
type Group struct {
	n     int
	every []bool // by set: every occurrence, not the longest at each position
	// pairs maps the first two characters of the words of two characters
	// or more to those words, longest first; singles the words of one
	// character. Each has a filter in front.
	pairs    map[uint64][]candidate
	pairBits filter
	singles  map[uint32]candidate
	oneBits  filter
}

// candidate is a word with the indexes of the sets holding it.
type candidate struct {
	word   string
	owners []int
}

// filter is a bit set of hashed keys: a key not in it is not in the
// index behind it.
type filter struct {
	bits []uint64
	mask uint64
}

func newFilter(keys int) filter {
	size := uint64(64) << bits.Len(uint(keys)) // at least 64 bits a key, a power of two
	return filter{bits: make([]uint64, size/64), mask: size - 1}
}

func (f *filter) bit(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15 >> 32) & f.mask }

func (f *filter) add(key uint64) {
	b := f.bit(key)
	f.bits[b>>6] |= 1 << (b & 63)
}

func (f *filter) has(key uint64) bool {
	b := f.bit(key)
	return f.bits[b>>6]&(1<<(b&63)) != 0
}

// code returns the code of the character at byte i of text and its size:
// for a character of three bytes in UTF-8, most of a Chinese text, its
// three bytes (0xE08080 or more), without decoding them; for any other,
// the rune, which is less. A sequence of three bytes that looks like a
// character but is none (a surrogate, an overlong form) is stepped over
// whole, as Set.Next does: no word holds it.
func code(text string, i int) (uint32, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return uint32(c), 1
	}
	if c&0xF0 == 0xE0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
		return uint32(c)<<16 | uint32(text[i+1])<<8 | uint32(text[i+2]), 3
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	return uint32(r), size
}

// pairKey packs the codes of two characters into a key.
func pairKey(a, b uint32) uint64 { return uint64(a)<<24 | uint64(b) }

// NewGroup returns a Group of the sets, in order.
func NewGroup(sets ...*Set) *Group {
	return NewGroupOf(sets, nil)
}

// NewGroupOf returns a Group of the sets, in order; every[i] (when every
// is not nil) says that Scan gives every occurrence of every word of set
// i, as EveryMatch would, rather than what All gives.
func NewGroupOf(sets []*Set, every []bool) *Group {
	g := &Group{n: len(sets), every: make([]bool, len(sets)), pairs: map[uint64][]candidate{}, singles: map[uint32]candidate{}}
	copy(g.every, every)
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
	// The merged index lists the words of each first character longest
	// first; its order is kept within each pair.
	merged := NewSet(all...)
	for _, list := range merged.byFirst.lists {
		for _, w := range list {
			c := candidate{w, owners[w]}
			c1, n := code(w, 0)
			if n == len(w) {
				g.singles[c1] = c
				continue
			}
			c2, _ := code(w, n)
			k := pairKey(c1, c2)
			g.pairs[k] = append(g.pairs[k], c)
		}
	}
	g.pairBits, g.oneBits = newFilter(len(g.pairs)), newFilter(len(g.singles))
	for k := range g.pairs {
		g.pairBits.add(k)
	}
	for c := range g.singles {
		g.oneBits.add(uint64(c))
	}
	return g
}

// Scan returns, for each set of the group, the matches its All(text)
// returns: the longest word of the set at each position, scanning past
// each match; for a set made with every, all its words at every position,
// longest first.
func (g *Group) Scan(text string) [][]Match {
	out, _ := g.ScanRuns(text, nil)
	return out
}

// noClass is the empty class of characters: ScanRuns finds no run of it.
var noClass [0x10000 / 64]uint64

// ScanRuns is Scan, and returns besides the runs of the characters of
// class: maximal spans of characters r < 0x10000 with bit r&63 of
// class[r>>6] set, in order, in byte offsets. One decoding of the text
// serves both (the digit runs of a check: check.Pass.Numerals). The
// characters are those a range over the text gives, but that a sequence
// of three bytes led by E0–EF with two continuation bytes is one
// character (as code steps over it), which no class holds unless its
// code point does. A nil class is the empty one.
func (g *Group) ScanRuns(text string, class *[0x10000 / 64]uint64) ([][]Match, []document.Span) {
	if class == nil {
		class = &noClass
	}
	out := make([][]Match, g.n)
	next := make([]int, g.n)  // per set: where its next match may start
	stamp := make([]int, g.n) // per set: 1 + the position it matched at
	var runs []document.Span
	run := -1 // the start of the run of class characters going on, or -1
	pairBits, pairMask := g.pairBits.bits, g.pairBits.mask
	// c1 is the code of the character at i; each step reads the one
	// after it, c2 at j, and looks up the words starting at i.
	i, c1, have := 0, uint32(0), false
	for j := 0; i < len(text); {
		var c2 uint32
		size := 0
		if j < len(text) {
			var r rune
			if c := text[j]; c < utf8.RuneSelf {
				c2, size, r = uint32(c), 1, rune(c)
			} else if c&0xF0 == 0xE0 && j+2 < len(text) && text[j+1]&0xC0 == 0x80 && text[j+2]&0xC0 == 0x80 {
				c2, size = uint32(c)<<16|uint32(text[j+1])<<8|uint32(text[j+2]), 3
				r = rune(c&0x0F)<<12 | rune(text[j+1]&0x3F)<<6 | rune(text[j+2]&0x3F)
			} else {
				c2, size = code(text, j)
				r = rune(c2)
			}
			if r < 0x10000 && class[r>>6]&(1<<(r&63)) != 0 {
				if run < 0 {
					run = j
				}
			} else if run >= 0 {
				runs = append(runs, document.Span{Start: run, End: j})
				run = -1
			}
		}
		if have {
			if k := pairKey(c1, c2); size > 0 {
				if b := (k * 0x9E3779B97F4A7C15 >> 32) & pairMask; pairBits[b>>6]&(1<<(b&63)) != 0 {
					for _, c := range g.pairs[k] {
						if strings.HasPrefix(text[i:], c.word) {
							g.match(out, next, stamp, i, c)
						}
					}
				}
			}
			if g.oneBits.has(uint64(c1)) {
				if c, ok := g.singles[c1]; ok {
					g.match(out, next, stamp, i, c)
				}
			}
			i = j
		}
		c1, have, j = c2, true, j+size
	}
	if run >= 0 {
		runs = append(runs, document.Span{Start: run, End: len(text)})
	}
	return out, runs
}

// match records the word of c at i for each set holding it: for a set
// made with every, always; for the others, when the set's last match does
// not cover i and it has no longer word at i.
func (g *Group) match(out [][]Match, next, stamp []int, i int, c candidate) {
	for _, k := range c.owners {
		if g.every[k] {
			out[k] = append(out[k], Match{Start: i, Word: c.word})
			continue
		}
		if i < next[k] || stamp[k] == i+1 {
			continue
		}
		out[k] = append(out[k], Match{Start: i, Word: c.word})
		next[k] = i + len(c.word)
		stamp[k] = i + 1
	}
}

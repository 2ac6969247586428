package words

import (
	"strings"
	"unicode/utf8"
)

// A Group finds the words of many sets in one scan of a text, giving for
// each set what its All would: many rules each looking for a few words
// then cost one pass over the text instead of one pass each.
type Group struct {
	merged *Set
	lists  []int32          // BMP rune → 1 + its index in merged.byFirst, or 0
	owners map[string][]int // word → the indexes of the sets holding it
	n      int
	// singles marks the words of one character; pairs holds the first two
	// characters of the others, so most positions are passed over
	// without comparing a word.
	singles bitmap
	pairs   Pairs
}

// NewGroup returns a Group of the sets, in order.
func NewGroup(sets ...*Set) *Group {
	g := &Group{owners: map[string][]int{}, n: len(sets)}
	var all []string
	for i, s := range sets {
		for _, list := range s.byFirst.lists {
			for _, w := range list {
				if _, ok := g.owners[w]; !ok {
					all = append(all, w)
				}
				g.owners[w] = append(g.owners[w], i)
			}
		}
	}
	for _, w := range all {
		r1, n := utf8.DecodeRuneInString(w)
		if r2, m := utf8.DecodeRuneInString(w[n:]); m > 0 {
			g.pairs.Add(r1, r2)
		} else {
			g.singles.set(r1)
		}
	}
	g.merged = NewSet(all...)
	g.merged.single = "" // the scan below needs the general index
	// A dense table instead of the index's binary search: the merged set
	// starts with thousands of characters, looked up at most positions.
	g.lists = make([]int32, 0x10000)
	for k, r := range g.merged.byFirst.keys {
		if r < 0x10000 {
			g.lists[r] = int32(k + 1)
		}
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
		var list []string
		if r < 0x10000 {
			if k := g.lists[r]; k > 0 {
				list = s.byFirst.lists[k-1]
			}
		} else {
			list = s.byFirst.get(r)
		}
		if list != nil && !g.singles.has(r) {
			// Only words of two characters or more start with r.
			if i+size >= len(text) {
				break
			}
			r2, _ := decode(text, i+size)
			if !g.pairs.Has(r, r2) {
				list = nil
			}
		}
		// Candidates are longest first: the first match of a set at i is
		// its longest word there.
		{
			for _, w := range list {
				if !strings.HasPrefix(text[i:], w) {
					continue
				}
				for _, k := range g.owners[w] {
					if i < next[k] || stamp[k] == i+1 {
						continue
					}
					out[k] = append(out[k], Match{Start: i, Word: w})
					next[k] = i + len(w)
					stamp[k] = i + 1
				}
			}
		}
		i += size
	}
	return out
}

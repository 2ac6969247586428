package gen

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// freshSource writes fresh sentences from the real ones.
type freshSource struct {
	mode FreshMode
	pool []string // the real sentences
	lens []int    // their lengths in characters: the lengths to aim at

	// FreshSpliced: the sentences without quotes and brackets, one after
	// the other, each ended by a 0. Each position holds its character,
	// the characters left to its sentence's end and where in follow the
	// positions after the same two characters are listed: the places a
	// sentence being written can jump to. A jump costs a cache miss or
	// two, so positions are kept small.
	src    []position
	follow []int32 // lists: their length, then their positions
	starts []int32 // first position of each sentence
}

type position struct {
	char uint16 // only sentences within the Basic Multilingual Plane are used
	rem  uint16 // characters from here to the sentence's end
	list int32  // the list of follow that holds this position, 0 for none
}

// maxSentenceBytes bounds the bytes of a fresh sentence.
const maxSentenceBytes = 4 * maxSentenceChars

// dropped are the characters FreshSpliced leaves out of the sentences it
// cuts up: a fragment could open a quote or bracket that no fragment
// closes.
const dropped = "“”‘’《》（）()【】「」『』"

func newFreshSource(mode FreshMode, pool []string) *freshSource {
	f := &freshSource{mode: mode, pool: pool, lens: make([]int, len(pool))}
	for i, s := range pool {
		f.lens[i] = utf8.RuneCountInString(s)
	}
	if mode != FreshSpliced {
		return f
	}
	var src []rune
	for _, s := range pool {
		start := len(src)
		for _, r := range s {
			if !strings.ContainsRune(dropped, r) {
				src = append(src, r)
			}
		}
		if n := len(src) - start; n < 3 || n > maxSentenceChars || slices.ContainsFunc(src[start:], func(r rune) bool { return r > 0xffff }) {
			src = src[:start]
			continue
		}
		f.starts = append(f.starts, int32(start))
		src = append(src, 0)
	}
	f.src = make([]position, len(src))
	rem := 0
	for p := len(src) - 1; p >= 0; p-- {
		if src[p] == 0 {
			rem = 0
		} else {
			rem++
		}
		f.src[p].char, f.src[p].rem = uint16(src[p]), uint16(rem)
	}
	// The positions that follow each pair of characters, in the order of
	// their first position (not the map's).
	follow := make(map[uint64][]int32)
	var keys []uint64
	for p := 2; p < len(src); p++ {
		if src[p-2] == 0 || src[p-1] == 0 || src[p] == 0 {
			continue
		}
		k := uint64(src[p-2])<<32 | uint64(uint32(src[p-1]))
		if follow[k] == nil {
			keys = append(keys, k)
		}
		follow[k] = append(follow[k], int32(p))
	}
	f.follow = []int32{0} // list 0: none
	for _, k := range keys {
		ps := follow[k]
		if len(ps) < 2 {
			continue
		}
		at := int32(len(f.follow))
		f.follow = append(f.follow, int32(len(ps)))
		f.follow = append(f.follow, ps...)
		for _, p := range ps {
			f.src[p].list = at
		}
	}
	return f
}

// sentence appends a fresh sentence to b, and returns b and the
// sentence's characters and ink characters.
func (f *freshSource) sentence(rng *rand.Rand, b []byte) ([]byte, int, int) {
	if f.mode == FreshSentences {
		s := f.pool[rng.IntN(len(f.pool))]
		return append(b, s...), utf8.RuneCountInString(s), ink(s)
	}
	return f.spliced(rng, b)
}

// spliced appends to b a sentence made of fragments of the real ones,
// and returns b and the sentence's characters and ink characters. It
// copies from a random sentence start and, after every 4 to 10
// characters, jumps to another place in the sentences that follows the
// same two characters (so that the join reads naturally); near the
// length aimed at (that of a random real sentence), it prefers a place
// whose sentence ends soon. It ends at an end mark reached after at least
// one jump and MinSentenceChars characters.
func (f *freshSource) spliced(rng *rand.Rand, b []byte) ([]byte, int, int) {
	const maxChars = 400
	begin := len(b)
	target := f.lens[rng.IntN(len(f.lens))]
	var (
		p                    = int(f.starts[rng.IntN(len(f.starts))])
		n, run, jumps, stuck int
		cut                  = 4 + rng.IntN(7)
		ink                  inkCounter
		last                 rune
		restart              = func() {
			b = b[:begin]
			p = int(f.starts[rng.IntN(len(f.starts))])
			n, run, jumps, stuck, ink = 0, 0, 0, 0, inkCounter{}
		}
	)
	for {
		pos := &f.src[p]
		c := rune(pos.char)
		if stuck > 8 {
			// Every place to jump to ends the sentence too soon.
			restart()
			continue
		}
		if c == 0 || n >= maxChars {
			// A sentence of the source without an end mark, or a run
			// that found no end: end it here.
			if n < MinSentenceChars {
				restart()
				continue
			}
			if unicode.IsPunct(last) {
				b = b[:len(b)-utf8.RuneLen(last)]
				n--
			}
			return append(b, "。"...), n + 1, ink.n
		}
		if isSentenceEnd(c) && (n < MinSentenceChars || jumps == 0) {
			if q, ok := f.jump(rng, pos, max(target-n, MinSentenceChars-n)); ok {
				p, run, cut = q, 0, 4+rng.IntN(7)
				jumps++
				stuck++
				continue
			}
			if n < MinSentenceChars {
				restart()
				continue
			}
		}
		b = utf8.AppendRune(b, c)
		ink.add(c)
		last = c
		n++
		p++
		run++
		stuck = 0
		if isSentenceEnd(c) {
			return b, n, ink.n
		}
		if run >= cut {
			if q, ok := f.jump(rng, &f.src[p], target-n); ok {
				p, run, cut = q, 0, 4+rng.IntN(7)
				jumps++
			}
		}
	}
}

// jump returns another position that follows the same two characters
// as pos (the last two of the sentence being written), preferring, when
// want is small, one whose sentence has about want characters left.
func (f *freshSource) jump(rng *rand.Rand, pos *position, want int) (int, bool) {
	if pos.list == 0 {
		return 0, false
	}
	n := int(f.follow[pos.list])
	cands := f.follow[pos.list+1:][:n]
	if want > 15 {
		return int(cands[rng.IntN(n)]), true
	}
	best, bestScore := 0, 0
	for i := range 3 {
		q := cands[rng.IntN(n)]
		score := int(f.src[q].rem) - want
		if score < 0 {
			score = -2 * score // running out early is worse than going on
		}
		if i == 0 || score < bestScore {
			best, bestScore = int(q), score
		}
	}
	return best, true
}

// inkCounter counts ink characters: those other than punctuation,
// symbols and whitespace, a run of digits and placeholder characters
// (with any punctuation between them) counting as one. This is what a
// detector that folds numbers and drops punctuation sees.
type inkCounter struct {
	n     int
	inNum bool
}

func (c *inkCounter) add(r rune) {
	switch classify(r) {
	case classNumber:
		if !c.inNum {
			c.n++
			c.inNum = true
		}
	case classMark:
		// Punctuation does not end a run of digits: 16.9 is one number.
	default:
		c.n++
		c.inNum = false
	}
}

const (
	classInk    = iota // a letter or ideograph
	classNumber        // a digit or placeholder character
	classMark          // punctuation, a symbol or whitespace
)

// classify says which class r is in, quickly for Chinese text.
func classify(r rune) int {
	switch {
	case r >= 0x4e00 && r <= 0x9fff: // CJK unified ideographs
		return classInk
	case r < 0x80:
		switch {
		case r >= '0' && r <= '9' || r == 'x' || r == 'X' || r == '*':
			return classNumber
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			return classInk
		}
		return classMark
	case isNumberRune(r):
		return classNumber
	case unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r):
		return classMark
	}
	return classInk
}

// isNumberRune reports whether r is a digit or a placeholder character.
func isNumberRune(r rune) bool {
	return unicode.IsDigit(r) || isPlaceholderRune(r)
}

func isPlaceholderRune(r rune) bool {
	return r == 'x' || r == 'X' || r == '*' || r == '＊' || r == '×' || r == 'ｘ'
}

// ink returns the ink characters of s.
func ink(s string) int {
	var c inkCounter
	for _, r := range s {
		c.add(r)
	}
	return c.n
}

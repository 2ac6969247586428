package typo

import (
	_ "embed"
	"encoding/binary"
	"unicode/utf8"
)

// wordContextData holds the words in context of report prose
// (wordContexts): every string of the shared corpus (without its
// held-out files) and the seeds that is a word TY008 may offer as a
// correction (two to four characters, frequency fillFloor or more) with
// the character or clause mark just before or after it (以邓小平理论和,
// 行政执法，), counted. Written by TestWordContextsFile with -wordctx (go
// generate), which checks it against the corpus otherwise. See README.md,
// "TY008".
//
//go:generate go test -run ^TestWordContextsFile$ -wordctx
//go:embed wordctx.bin
var wordContextData []byte

// wordCtxMagic starts wordctx.bin.
const wordCtxMagic = "TY8C"

// wordContexts is the table of wordctx.bin: n 32-bit FNV-1a hashes of
// the strings' UTF-8 bytes, sorted, then their n counts (one byte each,
// at most 255; strings whose hashes collide share one count). Read in
// place: it costs no load. A string absent from the table is found with
// a chance of about n in 2³² (one in 50,000 for its 90,000 strings), and
// then counts as attested.
type wordContexts struct {
	keys, counts []byte
}

// decodeWordContexts returns the table of data (wordctx.bin's form), or
// an empty one when data is not of that form.
func decodeWordContexts(data []byte) wordContexts {
	if len(data) < 8 || string(data[:4]) != wordCtxMagic {
		return wordContexts{}
	}
	n := int(binary.LittleEndian.Uint32(data[4:8]))
	if n < 0 || len(data) != 8+5*n {
		return wordContexts{}
	}
	return wordContexts{keys: data[8 : 8+4*n], counts: data[8+4*n:]}
}

// fnvString continues the 32-bit FNV-1a hash h over the bytes of s.
func fnvString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// fnvOffset is the offset basis of the 32-bit FNV-1a hash.
const fnvOffset = 2166136261

// fnvRune continues h over the UTF-8 bytes of r.
func fnvRune(h uint32, r rune) uint32 {
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	for _, c := range b[:n] {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// count returns the count of the string whose hash is h, 0 when the
// table lacks it.
func (c wordContexts) count(h uint32) int {
	lo, hi := 0, len(c.counts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if binary.LittleEndian.Uint32(c.keys[4*m:]) < h {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(c.counts) && binary.LittleEndian.Uint32(c.keys[4*lo:]) == h {
		return int(c.counts[lo])
	}
	return 0
}

// contextChar reports whether r may stand beside a word in wordctx.bin:
// a Chinese character or a mark that ends a clause (clausePunct).
func contextChar(r rune) bool {
	return isHan(r) || punctID(r) != 0
}

// contextScore is the least score of a suspect whose corrected word
// report prose writes with the neighbours it has here (inContext).
const contextScore = 11.0

// contextNearScore is contextScore for a near homophone (suspect.near),
// whose score has nearCost off since its reading offers more
// corrections: a correction in context needs half of that (逆度 → 力度
// in 保障逆度加大).
const contextNearScore = contextScore - nearCost/2

// leastContext returns the least score of s on the context route.
func leastContext(s suspect) float64 {
	if s.near {
		return contextNearScore
	}
	return contextScore
}

// contextOne is the least count of the corrected word with the neighbour
// beside the replaced character, for that side alone to put the word in
// context (inContext).
const contextOne = 3

// inContext reports whether report prose writes the corrected word of s
// with the characters around it in the text (wordContexts): with each
// neighbour that is a Chinese character or a clause mark, at least once,
// and at least one such neighbour (以邓小平里论和 → 以邓小平理论和:
// 平理论 and 理论和 both occur); or with the one beside the replaced
// character, contextOne times or more. A coinage's "correction" is a
// string that reports never write (精文减会 → 精文件: 文件会 never
// occurs), however common the word alone.
func (d *decision) inContext(s suspect) bool {
	c := d.l.contexts
	if len(c.counts) == 0 {
		return false
	}
	at, _ := s.replaced(d.text)
	before, after := prevRune(d.text, s.start), nextRune(d.text, s.end)
	sides, left, right := 0, -1, -1
	if contextChar(before) {
		left = c.count(fnvString(fnvRune(fnvOffset, before), s.right))
		sides++
	}
	if contextChar(after) {
		right = c.count(fnvRune(fnvString(fnvOffset, s.right), after))
		sides++
	}
	if sides > 0 && left != 0 && right != 0 {
		return true
	}
	// The replaced character at an end of the span, beside the
	// neighbour.
	if at == s.start && left >= contextOne {
		return true
	}
	_, size := utf8.DecodeRuneInString(d.text[at:])
	return at+size == s.end && right >= contextOne
}

package typo

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
)

// lmPairData is the table of the pairs of adjacent characters of general
// written Chinese, derived from open-gram, the word trigram model of the
// Debian package sunpinyin-data (lmgen; CC BY-SA 3.0, see
// lmpairs-NOTICE.txt): a pair is two Chinese characters, or one and a
// mark of clausePunct, with its weight, the probability mass of the word
// tokens that make it (inside a word, or across a bigram the model
// lists) per billion word tokens, stored as q = round(8·ln(weight)).
// Where bigrams.gz tells how report prose pairs characters (284,000
// characters), this tells how general text does, from a far larger
// sample.
//
//go:generate go run ./lmgen
//go:embed lmpairs.bin
var lmPairData []byte

// lmPairMagic is the first line of lmpairs.bin.
const lmPairMagic = "zongjie lmpairs 1\n"

// lmWeight maps the value of lexicon.lmPairs (q+1, 0 for no pair) to
// the weight: round(exp(q/8)).
var lmWeight = func() (w [257]int) {
	for q := range 256 {
		w[q+1] = int(math.Round(math.Exp(float64(q) / 8)))
	}
	return w
}()

// lmTable holds the pairs of lmpairs.bin: the pairs of a first
// character a are second[start[a]:start[a+1]], in order, with their
// value q+1 in val (every character of the file is of the BMP).
type lmTable struct {
	start  []uint32
	second []uint16
	val    []byte
}

// lmPairs returns the table of lmpairs.bin, decoded on first use (about
// 50 million instructions; a table that does not decode, which
// TestLMPairsFile would fail, is empty: no evidence).
var lmPairs = sync.OnceValue(func() *lmTable {
	t, err := decodeLMPairs(lmPairData)
	if err != nil {
		return &lmTable{}
	}
	return t
})

// decodeLMPairs decodes data, the text of lmpairs.bin: the magic line,
// the number of first characters, then for each the difference from the
// one before, the number of its pairs and for each pair the difference
// of its second character from the one before (from 0) and q, a byte.
func decodeLMPairs(data []byte) (*lmTable, error) {
	data, ok := bytes.CutPrefix(data, []byte(lmPairMagic))
	if !ok {
		return nil, errors.New("lmpairs: no header")
	}
	// A pair takes two bytes at least.
	t := &lmTable{start: make([]uint32, 1<<16+1), second: make([]uint16, 0, len(data)/2), val: make([]byte, 0, len(data)/2)}
	i := 0
	uv := func() (uint64, bool) {
		if i < len(data) && data[i] < 0x80 {
			i++
			return uint64(data[i-1]), true
		}
		v, n := binary.Uvarint(data[i:])
		i += max(n, 0)
		return v, n > 0
	}
	groups, ok := uv()
	if !ok {
		return nil, errors.New("lmpairs: truncated")
	}
	a, last := uint64(0), 0
	for g := uint64(0); g < groups; g++ {
		da, ok1 := uv()
		n, ok2 := uv()
		if !ok1 || !ok2 || (da == 0 && g > 0) || n == 0 || a+da > 0xFFFF || n > uint64(len(data)) {
			return nil, fmt.Errorf("lmpairs: group %d out of order or truncated", g)
		}
		a += da
		for c := last + 1; c <= int(a); c++ {
			t.start[c] = uint32(len(t.second))
		}
		last = int(a)
		b := uint64(0)
		for k := uint64(0); k < n; k++ {
			db, ok := uv()
			if !ok || (db == 0 && k > 0) || b+db > 0xFFFF || i >= len(data) || data[i] == 0xFF {
				return nil, fmt.Errorf("lmpairs: pair %d of %q out of order or truncated", k, rune(a))
			}
			b += db
			t.second, t.val = append(t.second, uint16(b)), append(t.val, data[i]+1)
			i++
		}
	}
	if i != len(data) {
		return nil, fmt.Errorf("lmpairs: %d bytes after the last pair", len(data)-i)
	}
	for c := last + 1; c < len(t.start); c++ {
		t.start[c] = uint32(len(t.second))
	}
	return t, nil
}

// len returns the number of pairs of t.
func (t *lmTable) len() int { return len(t.second) }

// get returns the value of the pair a, b: q+1, or 0.
func (t *lmTable) get(a, b rune) byte {
	if t.start == nil || a > 0xFFFF || b > 0xFFFF {
		return 0
	}
	from, to := int(t.start[a]), int(t.start[a+1])
	if k, ok := slices.BinarySearch(t.second[from:to], uint16(b)); ok {
		return t.val[from+k]
	}
	return 0
}

// weight returns the weight of the pair a, b, 0 for one t lacks.
func (t *lmTable) weight(a, b rune) int { return lmWeight[t.get(a, b)] }

// lmPair returns the weight in general text of the pair of ids a, b
// (pairID), per billion word tokens, 0 for a pair lmpairs.bin lacks.
func (l *lexicon) lmPair(a, b uint16) int {
	return lmPairs().weight(l.pairRune(a), l.pairRune(b))
}

// pairRune returns the character of a pair id (pairID), or 0.
func (l *lexicon) pairRune(id uint16) rune {
	if int(id) < len(l.chars) {
		return l.chars[id].r
	}
	if k := int(id) - 0xFFF0; k >= 0 && k < len(clausePuncts) {
		return clausePuncts[k]
	}
	return 0
}

// clausePuncts are the marks of clausePunct in the order of their pair
// ids (punctID).
var clausePuncts = []rune(clausePunct)

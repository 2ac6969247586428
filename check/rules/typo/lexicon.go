package typo

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"strconv"
	"sync"
	"unicode/utf8"
)

// lexiconData is the generated lexicon of TY008 (lexgen; see README.md):
// words of one to four characters with their frequencies, the readings
// of the single characters, and the corpus strings the lexicon lacks.
//
//go:generate go run ./lexgen
//go:embed lexicon.gz
var lexiconData []byte

// lexicon is the loaded lexicon. Characters are numbered densely (id 0 is
// "not in the lexicon"); a string of two to four characters is a key of
// their ids packed 16 bits each, which is never 0.
type lexicon struct {
	id    []uint16   // by BMP code point: the character's id, or 0
	chars []charInfo // by id
	// words holds every word of two to four characters with its
	// frequency, and the corpus strings with corpusMark.
	words table
	// pairs holds the two-character entries of words, as id1<<16|id2: the
	// test most positions of a text need, in a table small enough to
	// stay in cache.
	pairs set32
	// fill maps a frequent word with one character replaced by wildcard
	// to the words that fill the gap (offset<<12 | count into fills): the
	// corrections offered for a span.
	fill  table
	fills []uint64
	// logTotal is the log of the sum of all frequencies, for costs.
	logTotal float64
}

// charInfo is one character of the lexicon.
type charInfo struct {
	r    rune
	syl  uint16  // its main reading without tone, as a reading id (noReading: none)
	cost float64 // the cost of the character as a word of its own
}

const (
	wildcard   = 0xFFFF // stands for the left-out character of a fill key
	noReading  = 0xFFFF
	corpusMark = -1 // the value of a corpus string in lexicon.words
	// fillFloor is the least frequency of a word offered as a correction.
	fillFloor = 50
)

// pack returns the key of the ids.
func pack(ids []uint16) uint64 {
	var k uint64
	for _, id := range ids {
		k = k<<16 | uint64(id)
	}
	return k
}

// charAt returns the id at position j of a key of n characters.
func charAt(key uint64, j, n int) uint16 {
	return uint16(key >> (16 * (n - 1 - j)))
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

// loadLexicon returns the lexicon, parsing it on first use (about a tenth
// of a second; see README.md).
func loadLexicon() (*lexicon, error) {
	lexOnce.Do(func() { lex, lexErr = parseLexicon(lexiconData) })
	return lex, lexErr
}

// parseLexicon reads the gzipped lexicon text (see lexgen for the format).
func parseLexicon(gz []byte) (*lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("lexicon: %v", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %v", err)
	}
	return parseLexiconText(data)
}

// lexWord is a word or corpus string of the lexicon text.
type lexWord struct {
	key  uint64
	n    int32 // characters
	freq int32 // corpusMark for a corpus string
}

// parseLexiconText reads the lexicon text: its single characters, which
// come first, then its words and corpus strings.
func parseLexiconText(data []byte) (*lexicon, error) {
	l := &lexicon{id: make([]uint16, 0x10000), chars: []charInfo{{}}}
	readings := map[string]uint16{}
	var total float64
	var list []lexWord
	inCorpus := false
	var ids [4]uint16
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(line) == 0 || line[0] == '#' {
			if bytes.HasPrefix(line, []byte("## corpus")) {
				inCorpus = true
			}
			continue
		}
		word, rest, ok := bytes.Cut(line, []byte{'\t'})
		if !ok {
			return nil, fmt.Errorf("lexicon:%d: want word and frequency", n)
		}
		num, reading, _ := bytes.Cut(rest, []byte{'\t'})
		f, err := strconv.Atoi(string(num))
		if err != nil || f < 0 {
			return nil, fmt.Errorf("lexicon:%d: frequency %q", n, num)
		}
		r, size := utf8.DecodeRune(word)
		if size == len(word) && !inCorpus {
			if len(list) > 0 || r >= 0x10000 || len(l.chars) >= wildcard || l.id[r] != 0 {
				return nil, fmt.Errorf("lexicon:%d: character %q after the words, out of range or listed twice", n, r)
			}
			total += float64(f)
			c := charInfo{r: r, syl: noReading}
			if freeChars[r] {
				f = max(f, freeFloor)
			}
			c.cost = float64(f) // made a cost below, once the total is known
			if len(reading) > 0 {
				main, _, _ := bytes.Cut(reading, []byte{','})
				id, ok := readings[string(main)]
				if !ok {
					id = uint16(len(readings))
					readings[string(main)] = id
				}
				c.syl = id
			}
			l.id[r] = uint16(len(l.chars))
			l.chars = append(l.chars, c)
			continue
		}
		k, err := l.ids(word, &ids)
		if err != nil {
			return nil, fmt.Errorf("lexicon:%d: %v", n, err)
		}
		if inCorpus {
			// A corpus string that starts or ends with a character that
			// stands alone (和生, 了就) is a stretch across words, not a
			// name: it would cover typos next to function words.
			if freeChars[l.chars[ids[0]].r] || freeChars[l.chars[ids[k-1]].r] {
				continue
			}
			f = corpusMark
		} else {
			total += float64(f)
		}
		list = append(list, lexWord{pack(ids[:k]), int32(k), int32(f)})
	}
	l.logTotal = math.Log(total)
	for i := 1; i < len(l.chars); i++ {
		l.chars[i].cost = l.cost(int32(l.chars[i].cost))
	}
	l.words = newTable(len(list))
	two := 0
	for _, w := range list {
		if w.n == 2 {
			two++
		}
	}
	l.pairs = newSet32(two)
	// The fill index: count the words of each gap, give each gap its
	// place in fills, then put the words there.
	counts := newTable(len(list))
	gaps := 0
	for _, w := range list {
		if old, ok := l.words.get(w.key); ok && int32(old) > 0 {
			continue // a corpus string that is also a word
		}
		l.words.put(w.key, uint32(w.freq))
		if w.n == 2 {
			l.pairs.add(uint32(w.key))
		}
		if w.freq >= fillFloor {
			for j := range int(w.n) {
				fk := gapKey(w.key, j, int(w.n))
				c, ok := counts.get(fk)
				if !ok {
					gaps++
				}
				counts.put(fk, c+1)
			}
		}
	}
	l.fill = newTable(gaps)
	offset := uint32(0)
	for i, key := range counts.keys {
		if key != 0 {
			c := min(counts.vals[i], 0xFFF)
			l.fill.put(key, offset<<12)
			offset += c
		}
	}
	l.fills = make([]uint64, offset)
	for _, w := range list {
		if w.freq < fillFloor {
			continue
		}
		for j := range int(w.n) {
			fk := gapKey(w.key, j, int(w.n))
			v, _ := l.fill.get(fk)
			if c, _ := counts.get(fk); v&0xFFF < min(c, 0xFFF) {
				l.fills[v>>12+v&0xFFF] = w.key
				l.fill.put(fk, v+1)
			}
		}
	}
	return l, nil
}

// gapKey returns key (of n characters) with the character at j replaced
// by wildcard.
func gapKey(key uint64, j, n int) uint64 {
	shift := 16 * (n - 1 - j)
	return key&^(0xFFFF<<shift) | wildcard<<shift
}

// ids writes the ids of the characters of word to ids and returns their
// number.
func (l *lexicon) ids(word []byte, ids *[4]uint16) (int, error) {
	k := 0
	for _, r := range string(word) {
		if k == 4 || r >= 0x10000 || l.id[r] == 0 {
			return 0, fmt.Errorf("lexicon: %q has a character without an entry, or more than four", word)
		}
		ids[k] = l.id[r]
		k++
	}
	if k < 2 {
		return 0, fmt.Errorf("lexicon: %q is shorter than two characters", word)
	}
	return k, nil
}

// fillKey returns the key of ids with the character at j left out.
func fillKey(ids []uint16, j int) uint64 {
	var k uint64
	for i, id := range ids {
		if i == j {
			id = wildcard
		}
		k = k<<16 | uint64(id)
	}
	return k
}

// freq returns the frequency of the word of ids in the lexicon: 0 when it
// is not a word (a corpus string is not one either).
func (l *lexicon) freq(key uint64) int32 {
	v, ok := l.words.get(key)
	if !ok || int32(v) < 0 {
		return 0
	}
	return int32(v)
}

// known reports whether the string of key is a word or a corpus string.
func (l *lexicon) known(key uint64) bool {
	_, ok := l.words.get(key)
	return ok
}

// cost returns the cost (negative log-probability) of a word of
// frequency f; a character the lexicon has never seen alone costs as
// much as one seen half a time.
func (l *lexicon) cost(f int32) float64 {
	if f <= 0 {
		return l.logTotal - math.Log(0.5)
	}
	return l.logTotal - math.Log(float64(f))
}

// confusable reports whether the characters a and b (ids) sound alike
// (the same main reading, tones aside) or look alike (shapeGroups).
func (l *lexicon) confusable(a, b uint16) bool {
	ca, cb := l.chars[a], l.chars[b]
	return ca.syl != noReading && ca.syl == cb.syl || shapeConfusable(ca.r, cb.r)
}

// freeFloor is the least frequency of a character of freeChars as a word
// of its own.
const freeFloor = 20000

// freeChars are characters that stand alone as words all the time:
// prepositions, conjunctions, particles, adverbs, numerals, measure words
// and the like. The lexicon's frequencies of some of them alone are far
// too low (为 100, 向 112, 并 9, 无 2, 万 2, 家 2 …), which would make any
// word they could be misread into look better than the text.
var freeChars = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "的地得着了过之其此该各每本某于从自由到至给让使令比向往朝按据经以为在对把被将和与及或而并且就才又也都还再更最很已曾正不没无非是有所要能会可应须必均皆共同仍即既则乃若如因故但却只较达超近约多少大小高好全总新后前中上下内外年月日个家项万亿千百十人户元次件处座条名位种类批场期层级届倍" {
		m[r] = true
	}
	return m
}()

// table is an open-addressing hash table from non-zero uint64 keys to
// uint32 values, with linear probing: compact and fast to probe, where a
// Go map of this size would take three times the memory.
type table struct {
	keys  []uint64
	vals  []uint32
	mask  uint64
	shift uint
}

// newTable returns a table for n keys, at most two thirds full.
func newTable(n int) table {
	bits := uint(1)
	for 1<<bits*2 < n*3 {
		bits++
	}
	size := 1 << bits
	return table{keys: make([]uint64, size), vals: make([]uint32, size), mask: uint64(size - 1), shift: 64 - bits}
}

// slot returns the first slot of key: the top bits of a multiplicative hash.
func (t *table) slot(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> t.shift }

// put sets the value of key.
func (t *table) put(key uint64, v uint32) {
	for i := t.slot(key); ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 || t.keys[i] == key {
			t.keys[i], t.vals[i] = key, v
			return
		}
	}
}

// get returns the value of key.
func (t *table) get(key uint64) (uint32, bool) {
	for i := t.slot(key); ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case key:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// set32 is an open-addressing hash set of non-zero uint32 keys.
type set32 struct {
	keys  []uint32
	mask  uint32
	shift uint
}

// newSet32 returns a set for n keys, at most half full.
func newSet32(n int) set32 {
	bits := uint(1)
	for 1<<bits < n*2 {
		bits++
	}
	return set32{keys: make([]uint32, 1<<bits), mask: 1<<bits - 1, shift: 32 - bits}
}

func (s *set32) slot(key uint32) uint32 { return key * 0x9E3779B1 >> s.shift }

func (s *set32) add(key uint32) {
	for i := s.slot(key); ; i = (i + 1) & s.mask {
		if s.keys[i] == 0 || s.keys[i] == key {
			s.keys[i] = key
			return
		}
	}
}

func (s *set32) has(key uint32) bool {
	for i := s.slot(key); ; i = (i + 1) & s.mask {
		switch s.keys[i] {
		case key:
			return true
		case 0:
			return false
		}
	}
}

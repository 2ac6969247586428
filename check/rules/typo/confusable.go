package typo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// This file is the package's API for other rules: whether two characters
// are a plausible typo of one another, and whether a string is a word of
// the lexicon. The canonical rules use them to tell a mistyped fixed
// formulation (统愁发展和安全) from another phrase.

// Confusable reports whether a and b, two different characters, are a
// plausible typo of one another: they share a reading, tones aside (筹
// and 愁 chou; 展 zhan and 辗 nian or zhan: every reading counts, since a
// writer's input method offers a character under any of them), or they
// look alike (shapeGroups: 己 and 已, 侯 and 候). The readings are read
// on first use from the head of the embedded lexicon (its single
// characters come first), without loading the lexicon itself.
func Confusable(a, b rune) bool {
	if a == b {
		return false
	}
	gs := shapeGroupsOf()
	for _, x := range gs[a] {
		for _, y := range gs[b] {
			if x == y {
				return true
			}
		}
	}
	rs := charReadings()
	for _, x := range rs[a] {
		for _, y := range rs[b] {
			if x == y {
				return true
			}
		}
	}
	return false
}

// LexiconWord reports whether s, of two to four characters, is a word of
// the lexicon with a frequency of at least minFreq (the corpus strings
// that TY008 takes as correct text are not words). It does not load the
// lexicon (a tenth of a second, which TY008, off by default, needs): on
// first use it inflates the lexicon's text, a third of that (lexiconText,
// which TY008 parses), and looks s up in its words, which the text lists
// sorted (lexiconWords).
func LexiconWord(s string, minFreq int) bool {
	f := lexiconWords().freq(s)
	return f > 0 && f >= minFreq
}

// wordLines is the part of the lexicon text that lists its words of two
// to four characters, a line each (word<TAB>frequency), sorted by their
// bytes: from the first line after the single characters to the corpus
// strings.
type wordLines []byte

var lexiconWords = sync.OnceValue(func() wordLines {
	data, err := lexiconText()
	if err != nil {
		return nil
	}
	// Skip the header and the single characters, whose first column is
	// one character, then keep the lines up to the corpus section.
	start := 0
	for start < len(data) {
		line, _, _ := bytes.Cut(data[start:], []byte{'\n'})
		word, _, _ := bytes.Cut(line, []byte{'\t'})
		if len(line) > 0 && line[0] != '#' && utf8.RuneCount(word) > 1 {
			break
		}
		start += len(line) + 1
	}
	data = data[min(start, len(data)):]
	if i := bytes.Index(data, []byte("\n## corpus")); i >= 0 {
		data = data[:i+1]
	}
	return wordLines(data)
})

// freq returns the frequency of word as the loaded lexicon gives it: the
// first positive frequency of its lines, or 0 when it has none.
func (w wordLines) freq(word string) int {
	// The first line whose word is not less than word.
	lo, hi := 0, len(w) // lo is a line start
	for lo < hi {
		mid := lo + (hi-lo)/2
		ls := max(lo, bytes.LastIndexByte(w[:mid], '\n')+1) // the line holding mid
		le := w.lineEnd(ls)
		if string(lineWord(w[ls:le])) < word {
			lo = le
		} else {
			hi = ls
		}
	}
	for lo < len(w) {
		le := w.lineEnd(lo)
		line := w[lo:le]
		if string(lineWord(line)) != word {
			break
		}
		_, num, _ := bytes.Cut(line, []byte{'\t'})
		num, _, _ = bytes.Cut(num, []byte{'\t'})
		if f, err := strconv.Atoi(string(bytes.TrimRight(num, "\n"))); err == nil && f > 0 {
			return f
		}
		lo = le
	}
	return 0
}

// lineEnd returns the end of the line starting at i, after its line
// break.
func (w wordLines) lineEnd(i int) int {
	if n := bytes.IndexByte(w[i:], '\n'); n >= 0 {
		return i + n + 1
	}
	return len(w)
}

// lineWord returns the word of a line of the lexicon text.
func lineWord(line []byte) []byte {
	word, _, _ := bytes.Cut(line, []byte{'\t'})
	return bytes.TrimRight(word, "\n")
}

var (
	readingsOnce sync.Once
	readings     map[rune][]uint16 // character → its readings, as reading ids

	shapesOnce sync.Once
	shapes     map[rune][]int // character → the indexes of its groups in shapeGroups
)

// shapeGroupsOf returns the look-alike groups of each character of
// shapeGroups.
func shapeGroupsOf() map[rune][]int {
	shapesOnce.Do(func() {
		shapes = map[rune][]int{}
		for i, g := range shapeGroups {
			for _, r := range g {
				shapes[r] = append(shapes[r], i)
			}
		}
	})
	return shapes
}

// charReadings returns the readings of the lexicon's single characters,
// each reading numbered. A lexicon that cannot be read leaves the map
// empty: characters then confuse by shape only.
func charReadings() map[rune][]uint16 {
	readingsOnce.Do(func() {
		readings = map[rune][]uint16{}
		zr, err := gzip.NewReader(bytes.NewReader(lexiconData))
		if err != nil {
			return
		}
		ids := map[string]uint16{}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			// word<TAB>frequency<TAB>readings[<TAB>…]; the words of two
			// characters or more follow the single characters.
			word, rest, _ := strings.Cut(line, "\t")
			r, size := utf8.DecodeRuneInString(word)
			if size != len(word) {
				break
			}
			_, rest, _ = strings.Cut(rest, "\t")
			list, _, _ := strings.Cut(rest, "\t")
			for _, syl := range strings.Split(list, ",") {
				if syl == "" {
					continue
				}
				id, ok := ids[syl]
				if !ok {
					id = uint16(len(ids))
					ids[syl] = id
				}
				readings[r] = append(readings[r], id)
			}
		}
	})
	return readings
}

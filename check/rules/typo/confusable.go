package typo

import (
	"bufio"
	"bytes"
	"compress/gzip"
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
// that TY008 takes as correct text are not words). It loads the whole
// lexicon on first use, a tenth of a second.
func LexiconWord(s string, minFreq int) bool {
	l, err := loadLexicon()
	if err != nil {
		return false
	}
	var ids [4]uint16
	n, err := l.ids([]byte(s), &ids)
	if err != nil {
		return false
	}
	f := l.freq(pack(ids[:n]))
	return f > 0 && int(f) >= minFreq
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

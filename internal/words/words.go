// Package words finds the words of a fixed list in Chinese text in one
// pass. strings.Contains is slow on CJK text for a list of words: every
// word starts with one of a handful of lead bytes, so each search stops at
// almost every character. A Set indexes its words by their first (and last)
// character, with a bitmap in front of the index, so a character that
// starts no word costs a table lookup.
package words

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Set is an immutable set of words, safe for concurrent use.
type Set struct {
	byFirst map[rune][]string // longest first
	byLast  map[rune][]string // longest first
	first   bitmap            // first characters of the words
	maxLen  int               // bytes
}

// bitmap marks BMP characters; characters outside the BMP are always
// looked up in the maps.
type bitmap [0x10000 / 8]byte

func (b *bitmap) set(r rune) {
	if r < 0x10000 {
		b[r>>3] |= 1 << (r & 7)
	}
}

func (b *bitmap) has(r rune) bool { return r >= 0x10000 || b[r>>3]&(1<<(r&7)) != 0 }

// NewSet returns a Set of the given words.
func NewSet(list ...string) *Set {
	s := &Set{byFirst: make(map[rune][]string), byLast: make(map[rune][]string)}
	for _, w := range list {
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		l, _ := utf8.DecodeLastRuneInString(w)
		s.byFirst[r] = append(s.byFirst[r], w)
		s.byLast[l] = append(s.byLast[l], w)
		s.first.set(r)
		s.maxLen = max(s.maxLen, len(w))
	}
	for _, m := range []map[rune][]string{s.byFirst, s.byLast} {
		for r := range m {
			ws := m[r]
			sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
		}
	}
	return s
}

// decode returns the character at byte i of text and its size; the common
// three-byte case is decoded inline.
func decode(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c&0xF0 == 0xE0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
		r := rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// At returns the longest word of the set that starts at byte i of text, or
// "".
func (s *Set) At(text string, i int) string {
	r, _ := decode(text, i)
	if !s.first.has(r) {
		return ""
	}
	for _, w := range s.byFirst[r] {
		if strings.HasPrefix(text[i:], w) {
			return w
		}
	}
	return ""
}

// Candidates returns the words of the set whose first character is the
// character at byte i of text, longest first, without checking the rest:
// callers that need every match at i (not just the longest) test them with
// strings.HasPrefix. The slice must not be modified.
func (s *Set) Candidates(text string, i int) []string {
	r, _ := decode(text, i)
	if !s.first.has(r) {
		return nil
	}
	return s.byFirst[r]
}

// Suffix returns the longest word of the set that text ends with, or "".
func (s *Set) Suffix(text string) string {
	l, _ := utf8.DecodeLastRuneInString(text)
	for _, w := range s.byLast[l] {
		if strings.HasSuffix(text, w) {
			return w
		}
	}
	return ""
}

// MaxLen returns the byte length of the longest word.
func (s *Set) MaxLen() int { return s.maxLen }

// Index returns the byte offset of the first word of the set in text and the
// word, or -1 and "".
func (s *Set) Index(text string) (int, string) {
	for i := 0; i < len(text); {
		r, size := decode(text, i)
		if s.first.has(r) {
			for _, w := range s.byFirst[r] {
				if strings.HasPrefix(text[i:], w) {
					return i, w
				}
			}
		}
		i += size
	}
	return -1, ""
}

// Contains reports whether text holds a word of the set.
func (s *Set) Contains(text string) bool {
	i, _ := s.Index(text)
	return i >= 0
}

// Match is a word found in a text.
type Match struct {
	Start int // byte offset
	Word  string
}

// All returns every occurrence of a word of the set in text, the longest
// word at each position, scanning past each match.
func (s *Set) All(text string) []Match {
	var out []Match
	for i := 0; i < len(text); {
		// Decode inline: this loop runs once per character of a report.
		c := text[i]
		var r rune
		size := 1
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
		case c&0xF0 == 0xE0 && i+2 < len(text):
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			size = 3
		default:
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if s.first.has(r) {
			if w := s.At(text, i); w != "" {
				out = append(out, Match{Start: i, Word: w})
				i += len(w)
				continue
			}
		}
		i += size
	}
	return out
}

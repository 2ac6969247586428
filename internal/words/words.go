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
	byFirst index  // words by first character, longest first
	byLast  index  // words by last character, longest first
	first   bitmap // first characters of the words
	// blocks marks the 64-character blocks (U+0800–U+FFFF, by the first two
	// bytes of their UTF-8 form) that hold a first character, so that a scan
	// can skip most Chinese characters without decoding them.
	blocks [1024]bool
	maxLen int    // bytes
	single string // the word of a one-word set, searched with strings.Index
}

// index maps a character to a list of words. Sets have a few dozen keys,
// so a binary search over sorted keys beats hashing a rune.
type index struct {
	keys  []rune
	lists [][]string
}

func (x *index) get(r rune) []string {
	lo, hi := 0, len(x.keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.keys[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(x.keys) && x.keys[lo] == r {
		return x.lists[lo]
	}
	return nil
}

// build turns a map into an index with each list sorted longest first.
func build(m map[rune][]string) index {
	var x index
	for r := range m {
		x.keys = append(x.keys, r)
	}
	sort.Slice(x.keys, func(i, j int) bool { return x.keys[i] < x.keys[j] })
	for _, r := range x.keys {
		ws := m[r]
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
		x.lists = append(x.lists, ws)
	}
	return x
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
	s := &Set{}
	byFirst, byLast := map[rune][]string{}, map[rune][]string{}
	seen := map[string]bool{}
	for _, w := range list {
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		r, _ := utf8.DecodeRuneInString(w)
		l, _ := utf8.DecodeLastRuneInString(w)
		byFirst[r] = append(byFirst[r], w)
		byLast[l] = append(byLast[l], w)
		s.first.set(r)
		if r >= 0x800 && r < 0x10000 {
			s.blocks[r>>6] = true
		}
		s.maxLen = max(s.maxLen, len(w))
	}
	s.byFirst, s.byLast = build(byFirst), build(byLast)
	if len(seen) == 1 {
		for w := range seen {
			s.single = w
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
// "" (also when i is at or past the end of text).
func (s *Set) At(text string, i int) string {
	if i < 0 || i >= len(text) {
		return ""
	}
	r, _ := decode(text, i)
	if !s.first.has(r) {
		return ""
	}
	for _, w := range s.byFirst.get(r) {
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
	return s.byFirst.get(r)
}

// Suffix returns the longest word of the set that text ends with, or "".
func (s *Set) Suffix(text string) string {
	l, _ := utf8.DecodeLastRuneInString(text)
	for _, w := range s.byLast.get(l) {
		if strings.HasSuffix(text, w) {
			return w
		}
	}
	return ""
}

// MayStart reports whether a word of the set can start with r.
func (s *Set) MayStart(r rune) bool { return s.first.has(r) }

// MaxLen returns the byte length of the longest word.
func (s *Set) MaxLen() int { return s.maxLen }

// Index returns the byte offset of the first word of the set in text and the
// word, or -1 and "".
func (s *Set) Index(text string) (int, string) {
	if s.single != "" {
		if i := strings.Index(text, s.single); i >= 0 {
			return i, s.single
		}
		return -1, ""
	}
	for i := 0; i < len(text); {
		r, size := decode(text, i)
		if s.first.has(r) {
			for _, w := range s.byFirst.get(r) {
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
	if s.single != "" {
		for i := 0; ; {
			j := strings.Index(text[i:], s.single)
			if j < 0 {
				return out
			}
			out = append(out, Match{Start: i + j, Word: s.single})
			i += j + len(s.single)
		}
	}
	for i := s.Next(text, 0); i < len(text); i = s.Next(text, i) {
		if w := s.At(text, i); w != "" {
			out = append(out, Match{Start: i, Word: w})
			i += len(w)
			continue
		}
		_, size := decode(text, i)
		i += size
	}
	return out
}

// Every returns every occurrence of every word of the set in text: at each
// character, each word starting there, longest first, without skipping
// past a match (what a scan that decides between overlapping words needs).
func (s *Set) Every(text string) []Match {
	var out []Match
	for i := s.Next(text, 0); i < len(text); i = s.Next(text, i) {
		for _, w := range s.Candidates(text, i) {
			if strings.HasPrefix(text[i:], w) {
				out = append(out, Match{Start: i, Word: w})
			}
		}
		_, size := decode(text, i)
		i += size
	}
	return out
}

// Next returns the first byte offset at or after i where a word of the set
// may start (its first character is one the set's words start with), or
// len(text). Callers that test candidates themselves skip with it the
// characters that cannot start a word, most of a report.
func (s *Set) Next(text string, i int) int {
	for i < len(text) {
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
		if s.first.has(r) {
			return i
		}
		i += size
	}
	return len(text)
}

// Steps returns a table for a scan of valid UTF-8 text, a character at a
// time, that looks only at characters starting with one of the bytes
// leads: for those bytes 0 (look at the character), for any other byte
// the length of the character it starts (1 for a byte that starts none),
// to step over it whole. A Chinese text is mostly characters of three
// bytes led by E4–E9: such a scan reads one byte in three. leads must hold
// no continuation byte (0x80–0xBF), which starts no character.
func Steps(leads ...byte) [256]uint8 {
	var t [256]uint8
	for c := range 256 {
		switch {
		case c >= 0xF0:
			t[c] = 4
		case c >= 0xE0:
			t[c] = 3
		case c >= 0xC0:
			t[c] = 2
		default:
			t[c] = 1
		}
	}
	for _, c := range leads {
		t[c] = 0
	}
	return t
}

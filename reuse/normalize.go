// Package reuse finds text that two reports share: last year's report with
// the year changed, one bought template handed in by several townships, a
// paragraph copied from another unit. It works on characters, not words
// (Chinese has no spaces, and segmenting costs far more than it gives), in
// three steps:
//
//   - Normalize folds away what copying changes without changing the text:
//     width, punctuation and whitespace, every number and every placeholder
//     (2023 and 2024, 1200 and xx and ** all read as one symbol), keeping a
//     map back to the original characters.
//   - Fingerprints winnows the k-gram hashes of the normalised text into a
//     few hundred per report, which a store indexes to find candidates.
//   - Align finds the passages two texts share: exact k-gram matches
//     extended to maximal matches and chained across small gaps, mapped
//     back to the original text.
//
// See docs/reuse.md for the parameters and why.
package reuse

import (
	"unicode"
	"unicode/utf8"

	"zongjie/internal/chrome"
)

// Text is a normalised text with the map back to its original.
type Text struct {
	Runes []rune  // the normalised characters
	Start []int32 // Start[i]: offset, in characters of the original, of Runes[i]
	End   []int32 // End[i]: offset just after the original characters of Runes[i]
	Chars int     // characters of the original text

	orig   []rune   // the original text
	ink    []int32  // ink[i]: characters before original offset i that are not whitespace
	hashes []uint64 // see Hashes
}

// numberSymbol stands for every number and every placeholder: a run of
// digits (with the decimal points and separators inside it) or of
// placeholder characters becomes one numberSymbol.
const numberSymbol = '0'

// Normalize returns the normalised form of text:
//   - full-width letters and digits fold to half-width, Latin letters to
//     lower case;
//   - punctuation, symbols and whitespace are dropped;
//   - a run of digits, with . , ， ． · between digits, is one numberSymbol;
//   - so is a run of placeholder characters (x or X outside a Latin word,
//     *, ＊, ×, ○, □, 某), and a run mixing both (x.x, 1x万);
//   - text that is not the report's — web page chrome and a notice
//     appended after it (package chrome; the check rules AR002 and AR004
//     report the same blocks) — is dropped, so that two reports copied
//     from one site, or with one licence pasted after them, do not share
//     it as a passage.
func Normalize(text string) *Text {
	t := &Text{
		Runes: make([]rune, 0, len(text)/3),
		Start: make([]int32, 0, len(text)/3),
		End:   make([]int32, 0, len(text)/3),
	}
	// Decode once: the rules below look one character back and ahead.
	rs := []rune(text)
	t.Chars, t.orig = len(rs), rs
	t.ink = make([]int32, len(rs)+1)
	for i, r := range rs {
		t.ink[i+1] = t.ink[i]
		if !unicode.IsSpace(r) {
			t.ink[i+1]++
		}
	}
	skip := skipped(text, chrome.Find(text))
	for i := 0; i < len(rs); {
		if len(skip) > 0 && i >= skip[0][0] {
			if i < skip[0][1] {
				i = skip[0][1]
			}
			skip = skip[1:]
			continue
		}
		r := fold(rs[i])
		switch {
		case isDigit(r) || isPlaceholder(rs, i):
			j := i + 1
			for j < len(rs) {
				c := fold(rs[j])
				if isDigit(c) || isPlaceholder(rs, j) {
					j++
					continue
				}
				// A decimal point or separator between two digits.
				if (c == '.' || c == ',' || c == '，' || c == '·') && j+1 < len(rs) && (isDigit(fold(rs[j+1])) || isPlaceholder(rs, j+1)) {
					j++
					continue
				}
				break
			}
			t.add(numberSymbol, i, j)
			i = j
		case isLetter(r):
			t.add(lower(r), i, i+1)
			i++
		default:
			i++ // punctuation, symbols, whitespace
		}
	}
	return t
}

// skipped returns the blocks' removed spans in character offsets.
func skipped(text string, blocks []chrome.Block) [][2]int {
	if len(blocks) == 0 {
		return nil
	}
	out := make([][2]int, 0, len(blocks))
	chars, at := 0, 0
	count := func(to int) int {
		chars += utf8.RuneCountInString(text[at:to])
		at = to
		return chars
	}
	for _, b := range blocks {
		start := count(b.Remove.Start)
		out = append(out, [2]int{start, count(b.Remove.End)})
	}
	return out
}

func (t *Text) add(r rune, start, end int) {
	t.Runes = append(t.Runes, r)
	t.Start = append(t.Start, int32(start))
	t.End = append(t.End, int32(end))
}

// fold maps full-width ASCII to half-width.
func fold(r rune) rune {
	if r >= '！' && r <= '～' {
		return r - '！' + '!'
	}
	return r
}

func lower(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isPlaceholder reports whether rs[i] stands in for a number or a name.
// x and X count only outside Latin words (xx户, not Excel).
func isPlaceholder(rs []rune, i int) bool {
	switch fold(rs[i]) {
	case '*', '×', '○', '□', '某':
		return true
	case 'x', 'X':
		return !(i > 0 && isLatin(fold(rs[i-1]), true) || i+1 < len(rs) && isLatin(fold(rs[i+1]), true))
	}
	return false
}

// isLatin reports whether r is a Latin letter other than a placeholder x.
func isLatin(r rune, exceptX bool) bool {
	if exceptX && (r == 'x' || r == 'X') {
		return false
	}
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// isLetter reports whether r is kept: letters of any script (Chinese
// characters above all), after folding.
func isLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return isLatin(r, false)
	case r >= 0x3400 && r <= 0x9FFF, r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x3FFFF:
		return true // CJK ideographs
	case r == '〇':
		return true
	}
	return r >= 0x00C0 && r <= 0x024F || r >= 0x0370 && r <= 0x04FF // accented Latin, Greek, Cyrillic
}

// Span converts normalised positions [i, j) to the original characters
// they came from: offset and length in characters.
func (t *Text) Span(i, j int) (offset, length int) {
	if i >= j || i < 0 || j > len(t.Runes) {
		return 0, 0
	}
	return int(t.Start[i]), int(t.End[j-1] - t.Start[i])
}

// Ink returns the characters of the original in [start, end) that are not
// whitespace: what shares are counted in.
func (t *Text) Ink(start, end int) int {
	if start < 0 || end > t.Chars || start >= end {
		return 0
	}
	return int(t.ink[end] - t.ink[start])
}

// Original returns the original characters [start, end).
func (t *Text) Original(start, end int) string { return string(t.orig[start:end]) }

// Excerpts returns a function that gives what Original gives, for many
// calls: the original text encoded once, each call a substring of it (no
// copy). The compare page cuts each text into thousands of runs; encoding
// each run's characters anew was a fifth of the page's CPU.
func (t *Text) Excerpts() func(start, end int) string {
	at := make([]int32, len(t.orig)+1) // byte offset of each character
	for i, r := range t.orig {
		at[i+1] = at[i] + int32(len(string(r))) // as string(t.orig) encodes it
	}
	s := string(t.orig)
	return func(start, end int) string { return s[at[start]:at[end]] }
}

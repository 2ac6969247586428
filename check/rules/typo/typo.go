// Package typo finds wrong characters and words: a curated confusion
// dictionary (TY001), pairs whose error depends on context (TY002),
// non-recommended variant forms (TY003), rare characters that are almost
// always garbled glyphs (TY004), doubled function characters (TY005),
// characters missing from fixed phrases (TY006), a project's banned
// words (TY007) and, off by default, non-words one confusable character
// away from a word of a lexicon (TY008).
//
// Chinese has no word boundaries, so a bare substring match on a wrong form
// fires inside correct text (以经 in 以经济建设, 给与 in 供给与需求). Every
// rule therefore prefers whole fixed expressions to two-character
// fragments, gives each short form a list of contexts in which it is right,
// and was tuned on 1.3 MB of published reports until it reported only real
// errors there. The word lists are data files embedded in the binary; see
// README.md in this directory for their format.
package typo

import (
	"unicode/utf8"

	"zongjie/check"
)

// Rules of the typo category, sorted by ID.
var Rules = []*check.Rule{Pair, Context, Variant, RareChar, Doubled, Missing, Banned, NonWord}

// skip reports whether a match at byte offset off must not be reported:
// it lies in Markdown markup, or in text the reader generated (a .docx
// numbering marker), which cannot be fixed in place.
func skip(p *check.Pass, off int) bool {
	return p.File.InMarkup(off) || p.Generated(off)
}

// isHan reports whether r is a CJK ideograph of the BMP blocks used in
// reports (the unified block and Extension A).
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

// decodeAt returns the character at byte offset i of text and its size,
// decoding the three-byte form of Chinese characters inline (the library
// decoder takes a slow path for every non-ASCII character).
func decodeAt(text string, i int) (rune, int) {
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

// prevRune returns the character before byte offset i of text, or
// utf8.RuneError at the start.
func prevRune(text string, i int) rune {
	if i <= 0 {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

// nextRune returns the character at byte offset i of text, or
// utf8.RuneError at the end.
func nextRune(text string, i int) rune {
	if i >= len(text) {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// sentenceEnd returns the byte offset of the end of the sentence holding
// byte offset i: the next 。！？；, line break, or the end of text, looking
// at most limit bytes ahead so that a text without sentence marks stays
// linear.
func sentenceEnd(text string, i, limit int) int {
	end := min(len(text), i+limit)
	for j := i; j < end; {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch r {
		case '。', '！', '？', '；', '\n', '!', '?', ';':
			return j
		}
		j += size
	}
	return end
}

package quantity

import "unicode/utf8"

// endFilter is a small Bloom filter of the last characters of a list of
// words: a text whose last character is not in it ends with none of the
// words, and the list need not be tried word by word (most figures have
// no change verb, approximation or link word before them).
type endFilter [4]uint64

func endsOf(words ...string) *endFilter {
	var f endFilter
	for _, w := range words {
		r, _ := utf8.DecodeLastRuneInString(w)
		h := endHash(r)
		f[h>>6] |= 1 << (h & 63)
	}
	return &f
}

// startsOf is endsOf for the first characters of the words: mayStart
// tells a text that starts with none of them.
func startsOf(words ...string) *endFilter {
	var f endFilter
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		h := endHash(r)
		f[h>>6] |= 1 << (h & 63)
	}
	return &f
}

func endHash(r rune) uint32 { return uint32(r) * 0x9E3779B1 >> 24 }

// mayStart reports whether s may start with one of the words of a filter
// made by startsOf: false when it certainly does not.
func (f *endFilter) mayStart(s string) bool {
	var r rune
	switch {
	case len(s) == 0:
		return false
	case s[0] < utf8.RuneSelf:
		r = rune(s[0])
	case len(s) >= 3 && s[0]&0xF0 == 0xE0:
		r = rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	default:
		r, _ = utf8.DecodeRuneInString(s)
	}
	h := endHash(r)
	return f[h>>6]&(1<<(h&63)) != 0
}

// mayEnd reports whether s may end with one of the words: false when it
// certainly does not (s is empty, or its last character ends none).
func (f *endFilter) mayEnd(s string) bool {
	n := len(s)
	var r rune
	switch {
	case n == 0:
		return false
	case s[n-1] < utf8.RuneSelf:
		r = rune(s[n-1])
	case n >= 3 && s[n-3]&0xF0 == 0xE0:
		r = rune(s[n-3]&0x0F)<<12 | rune(s[n-2]&0x3F)<<6 | rune(s[n-1]&0x3F)
	default:
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	h := endHash(r)
	return f[h>>6]&(1<<(h&63)) != 0
}

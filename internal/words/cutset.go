package words

import "unicode/utf8"

// A Cutset is a set of characters to trim from a string or to look for
// in it, made once: strings.Trim, TrimLeft, TrimRight, IndexAny,
// LastIndexAny and ContainsRune given a string of Chinese marks search
// that string for each character they test, encoding the character
// first (strings.IndexRune); a Cutset tests a bitmap for ASCII and
// compares the runes of the others. Each method gives what its strings
// function gives with the same characters (FuzzCutset).
type Cutset struct {
	ascii [2]uint64 // the ASCII characters, by bit
	runes []rune    // the others
}

// NewCutset returns the set of the characters of chars, which must be
// valid UTF-8 without U+FFFD (which strings' functions match invalid
// bytes with).
func NewCutset(chars string) *Cutset {
	c := &Cutset{}
	for _, r := range chars {
		if r == utf8.RuneError {
			panic("words.NewCutset: U+FFFD or invalid UTF-8 in " + chars)
		}
		if r < utf8.RuneSelf {
			c.ascii[r>>6] |= 1 << (r & 63)
		} else {
			c.runes = append(c.runes, r)
		}
	}
	return c
}

// Contains reports whether r is in the set.
func (c *Cutset) Contains(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && c.ascii[r>>6]&(1<<(r&63)) != 0
	}
	for _, x := range c.runes {
		if x == r {
			return true
		}
	}
	return false
}

// TrimLeft returns s without the characters of the set it starts with.
func (c *Cutset) TrimLeft(s string) string {
	for len(s) > 0 {
		r, size := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s)
		}
		if !c.Contains(r) {
			break
		}
		s = s[size:]
	}
	return s
}

// TrimRight returns s without the characters of the set it ends with.
func (c *Cutset) TrimRight(s string) string {
	for len(s) > 0 {
		r, size := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRuneInString(s)
		}
		if !c.Contains(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// Trim returns s without the characters of the set at either end.
func (c *Cutset) Trim(s string) string { return c.TrimRight(c.TrimLeft(s)) }

// IndexAny returns the byte index of the first character of s in the
// set, or -1.
func (c *Cutset) IndexAny(s string) int {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if c.Contains(r) {
			return i
		}
		i += size
	}
	return -1
}

// LastIndexAny returns the byte index of the last character of s in the
// set, or -1.
func (c *Cutset) LastIndexAny(s string) int {
	for i := len(s); i > 0; {
		r, size := rune(s[i-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRuneInString(s[:i])
		}
		i -= size
		if c.Contains(r) {
			return i
		}
	}
	return -1
}

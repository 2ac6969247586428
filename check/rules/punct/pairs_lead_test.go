package punct

import (
	"testing"
	"unicode/utf8"
)

// TestPairLead holds matchPairs' byte filter to mayPair: every character
// that may be a paired mark starts with a byte of pairLeads (pairStep
// 0), every other character is stepped over whole, and no byte of
// pairLeads is a continuation byte (it is always a character's start).
func TestPairLead(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		s := string(r)
		if mayPair(r) && pairStep[s[0]] != 0 {
			t.Errorf("%q (%U) may pair but its first byte %#x is not in pairLeads", r, r, s[0])
		}
		if n := int(pairStep[s[0]]); utf8.ValidRune(r) && n != 0 && n != len(s) {
			t.Errorf("%U: pairStep steps %d bytes over a character of %d", r, n, len(s))
		}
	}
	for c := 0x80; c < 0xC0; c++ {
		if pairStep[c] == 0 {
			t.Errorf("continuation byte %#x in pairLeads", c)
		}
	}
}

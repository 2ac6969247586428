package punct

import (
	"testing"
	"unicode/utf8"
)

// TestPairLead holds matchPairs' byte filter to mayPair: every character
// that pairLead passes over is stepped over whole (pairStep), every character
// that may be a paired mark starts with a byte of pairLead, and no byte
// of pairLead is a continuation byte (it is always a character's start).
func TestPairLead(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if mayPair(r) && !pairLead[string(r)[0]] {
			t.Errorf("%q (%U) may pair but its first byte %#x is not in pairLead", r, r, string(r)[0])
		}
		if s := string(r); utf8.ValidRune(r) && !pairLead[s[0]] && int(pairStep[s[0]]) != len(s) {
			t.Errorf("%U: pairStep steps %d bytes over a character of %d", r, pairStep[s[0]], len(s))
		}
	}
	for c := 0x80; c < 0xC0; c++ {
		if pairLead[c] {
			t.Errorf("continuation byte %#x in pairLead", c)
		}
	}
}

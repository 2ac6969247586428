package repeat

import (
	"slices"
	"testing"
)

// TestRunes holds runes and runeOffset to a range over the string, on
// Chinese, ASCII, astral characters and invalid bytes (surrogates,
// overlong forms, cut characters).
func TestRunes(t *testing.T) {
	for _, s := range []string{"", "进一步加强，a1 𠀀", "\xed\xa0\x80中\xe0\x80\x80国\xe4\xb8", "\xe4\xb8\xe4\xb8\xad\xff", "\xef\xbf\xbd", "é€𝄞"} {
		var wantR []rune
		var wantO []int
		for i, r := range s {
			wantR, wantO = append(wantR, r), append(wantO, i)
		}
		wantO = append(wantO, len(s))
		rs := runes(s, nil)
		var offs []int
		for k := range len(rs) + 1 {
			offs = append(offs, runeOffset(s, k))
		}
		if !slices.Equal(rs, wantR) || !slices.Equal(offs, wantO) {
			t.Errorf("%q: runes %q %v, want %q %v", s, rs, offs, wantR, wantO)
		}
	}
}

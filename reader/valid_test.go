package reader

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// Ensure validUTF8 says what utf8.Valid says: on every sequence of up to
// three bytes from a set of interesting ones (leads, continuations,
// overlong and surrogate forms, ASCII), and on random mixtures of Chinese
// text and such bytes.
func TestValidUTF8(t *testing.T) {
	bytes := []byte{0x00, 'a', 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE3, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF}
	var cases [][]byte
	for _, a := range bytes {
		for _, b := range bytes {
			for _, c := range bytes {
				cases = append(cases, []byte{a}, []byte{a, b}, []byte{a, b, c}, []byte{a, b, c, 0x80}, []byte{'x', a, b, c})
			}
		}
	}
	cases = append(cases, []byte("全年完成"), []byte("\xed\xa0\x80"), []byte("\xe0\x80\x80"), []byte("\xef\xbf\xbd"), []byte("中\xe4\xb8"))
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var p []byte
		for range rng.IntN(12) {
			switch rng.IntN(4) {
			case 0:
				p = append(p, "发展"...)
			case 1:
				p = append(p, 'a')
			default:
				p = append(p, bytes[rng.IntN(len(bytes))])
			}
		}
		cases = append(cases, p)
	}
	bad := 0
	for _, p := range cases {
		want := utf8.Valid(p)
		if !want {
			bad++
		}
		if got := validUTF8(p); got != want {
			t.Errorf("validUTF8(% x) = %v, want %v", p, got, want)
		}
	}
	if bad == 0 || bad == len(cases) {
		t.Fatalf("%d invalid of %d: the cases test nothing", bad, len(cases))
	}
}

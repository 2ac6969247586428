package document

import (
	"testing"
	"unicode/utf8"
)

// TestCountChars holds the word-at-a-time count to the rune count on
// texts of every length around the eight-byte steps, with characters of
// one to four bytes straddling the steps.
func TestCountChars(t *testing.T) {
	pieces := []string{"a", "年", "é", "😀", "\n", "１２", "xx年"}
	for _, p := range pieces {
		s := ""
		for n := 0; n < 40; n++ {
			for cut := 0; cut <= len(s); cut++ {
				if !utf8.ValidString(s[cut:]) {
					continue
				}
				if got, want := countChars(s[cut:]), utf8.RuneCountInString(s[cut:]); got != want {
					t.Fatalf("countChars(%q) = %d, want %d", s[cut:], got, want)
				}
			}
			s += p + "文"
		}
	}
}

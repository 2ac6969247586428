package check_test

import (
	"strings"
	"testing"

	"zongjie/check"
)

// Ensure Index finds what strings.Index finds: every word, at the start,
// the end, overlapping a near miss (a character ending in the same byte),
// and absent.
func TestIndex(t *testing.T) {
	texts := []string{"", "a", "（", "发展（一）", "xx（此处填写）", "住（", "年年", "2024年", "【】【", "住住（住", "ab（", "（ab"}
	words := []string{"", "a", "（", "）", "年", "【", "】", "填写", "住（", "b（", "x"}
	for _, s := range texts {
		for _, w := range words {
			if got, want := check.Index(s, w), strings.Index(s, w); got != want {
				t.Errorf("Index(%q, %q) = %d, want %d", s, w, got, want)
			}
		}
	}
}

// Ensure Steps steps over every character whole but those led by its
// bytes.
func TestSteps(t *testing.T) {
	steps := check.Steps('\n', 0xE3)
	for _, r := range []rune{'a', '\n', 'é', '发', '。', '、', '，', '𠀀'} {
		s := string(r)
		want := len(s)
		if s[0] == '\n' || s[0] == 0xE3 {
			want = 0
		}
		if got := int(steps[s[0]]); got != want {
			t.Errorf("Steps: %d for %q, want %d", got, r, want)
		}
	}
}

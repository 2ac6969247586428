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

package punct

import (
	"strings"
	"testing"
)

// Ensure indexMark finds what strings.IndexAny(s, asciiMarks) finds and
// nextSpace the first space, on Chinese text mixed with marks, spaces,
// Latin letters, two- and four-byte characters.
func TestByteScans(t *testing.T) {
	pieces := []string{"发展", "，", "。", ",", ".", "(", ")", "\"", ";", ":", "?", "!", "a", "9", " ", "\u3000", "\u00a0", "é", "𠀀", "、", "x"}
	for n := range 4000 {
		var b strings.Builder
		for k := n; k > 0; k /= len(pieces) {
			b.WriteString(pieces[k%len(pieces)])
		}
		s := b.String()
		if got, want := indexMark(s), strings.IndexAny(s, asciiMarks); got != want {
			t.Errorf("indexMark(%q) = %d, want %d", s, got, want)
		}
		want := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' })
		if want < 0 {
			want = len(s)
		}
		if got := nextSpace(s, 0); got != want {
			t.Errorf("nextSpace(%q, 0) = %d, want %d", s, got, want)
		}
	}
}

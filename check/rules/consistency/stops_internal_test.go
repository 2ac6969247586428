package consistency

import (
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// TestSentenceStops holds the index of sentence stops to the scans it
// replaced: forward with strings.IndexAny to the next stop, backward
// character by character to the last one, from every character of texts
// with every stop, stops at both ends and none at all.
func TestSentenceStops(t *testing.T) {
	const stopChars = "。；！？\n"
	for _, text := range []string{
		"",
		"全年完成投资3.2亿元。其中，工业投资1.1亿元；民间投资增长5%！是否？\n下一段",
		"。开头；\n\n结尾？",
		"没有任何句末标点的一段话，只有逗号、顿号：和引号“”",
		"；！？。\n",
	} {
		c := &candidates{p: &check.Pass{File: &document.File{Text: text}}}
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue
			}
			want := len(text)
			if i := strings.IndexAny(text[off:], stopChars); i >= 0 {
				want = off + i
			}
			if got := c.sentenceStop(off); got != want {
				t.Errorf("%q: sentenceStop(%d) = %d, want %d", text, off, got, want)
			}
			start := off
			for start > 0 {
				r, size := utf8.DecodeLastRuneInString(text[:start])
				if strings.ContainsRune(stopChars, r) {
					break
				}
				start -= size
			}
			if got := c.sentenceStart(off); got != start {
				t.Errorf("%q: sentenceStart(%d) = %d, want %d", text, off, got, start)
			}
		}
	}
}

package numbering

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Ensure sentenceEnd finds what strings.IndexAny finds: the marks, a mark
// cut short at the end, and characters that share a mark's first bytes
// (、 is E3 80 81, ， EF BC 8C, ： EF BC 9A).
func TestSentenceEnd(t *testing.T) {
	for _, s := range []string{
		"", "完成投资9亿元", "完成投资9亿元。下一句", "一是抓项目！二是", "是否完成？", "第一行\n第二行",
		"顿号、逗号，冒号：都不是", "、，：。", "abc\xe3\x80", "末尾半个\xef\xbc", "全角空格　之后。", "「引号」。",
	} {
		want := strings.IndexAny(s, "。！？\n")
		wantSize := 0
		if want >= 0 {
			_, wantSize = utf8.DecodeRuneInString(s[want:])
		}
		if i, size := sentenceEnd(s); i != want || size != wantSize {
			t.Errorf("sentenceEnd(%q) = %d, %d, want %d, %d", s, i, size, want, wantSize)
		}
	}
}

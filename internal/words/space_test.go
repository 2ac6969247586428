package words

import (
	"strings"
	"testing"
)

// trimSpaceCases hold every space of unicode.IsSpace at either end, the
// characters next to them in the encoding, and broken encodings.
var trimSpaceCases = []string{
	"", " ", "中文", " 中文 ", "\t\n\v\f\r中\r\n", "\u3000全角空格\u3000", "\u00a0a\u0085", "\u1680\u2000\u200a\u2028\u2029\u202f\u205f",
	"\u200b零宽\u200b", "\u2027\u200b\u3001", "\xe3\x80", "\xe3\x80\x80\xe3", "\x80\x80", "\xc2", "\xc2\xa0\xa0", "\xe2\x80\x8b",
	"a\u3000b", "\xf0\xe3\x80\x80", "\xe3\x80\x80\x80", "，。", "\x1c\x1f\x7f",
}

func TestTrimSpace(t *testing.T) {
	for _, s := range trimSpaceCases {
		if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("TrimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range trimSpaceCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("TrimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

package words

import (
	"strings"
	"testing"
)

// cutsets are the sets FuzzCutset and TestCutset try: Chinese marks,
// ASCII alone, a mix, one character.
var cutsets = []string{"，、 　", "。！？；”", "一二三四五六七八九十", "xX*", "”", "\t\n 　（(", ""}

// TestCutset compares each method with its strings function on strings
// that hit (the characters at the ends, inside) and near-miss (a
// character that shares bytes with one of the set: ， is EF BC 8C, ； EF
// BC 9B).
func TestCutset(t *testing.T) {
	for _, chars := range cutsets {
		c := NewCutset(chars)
		for _, s := range []string{"", "，", "，、数字 　", "　 数，字、", "；数字。”", "数字：", "一是二要", "x1X2", "a\xffb，\xe3", "\xef\xbc", "（(括号）"} {
			check(t, chars, c, s)
		}
	}
}

func FuzzCutset(f *testing.F) {
	f.Add("，、数字 　", uint8(0))
	f.Add("a\xffb，\xe3", uint8(1))
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		chars := cutsets[int(k)%len(cutsets)]
		check(t, chars, NewCutset(chars), s)
	})
}

func check(t *testing.T, chars string, c *Cutset, s string) {
	t.Helper()
	if got, want := c.TrimLeft(s), strings.TrimLeft(s, chars); got != want {
		t.Errorf("%q.TrimLeft(%q) = %q, want %q", chars, s, got, want)
	}
	if got, want := c.TrimRight(s), strings.TrimRight(s, chars); got != want {
		t.Errorf("%q.TrimRight(%q) = %q, want %q", chars, s, got, want)
	}
	if got, want := c.Trim(s), strings.Trim(s, chars); got != want {
		t.Errorf("%q.Trim(%q) = %q, want %q", chars, s, got, want)
	}
	if got, want := c.IndexAny(s), strings.IndexAny(s, chars); got != want {
		t.Errorf("%q.IndexAny(%q) = %d, want %d", chars, s, got, want)
	}
	if got, want := c.LastIndexAny(s), strings.LastIndexAny(s, chars); got != want {
		t.Errorf("%q.LastIndexAny(%q) = %d, want %d", chars, s, got, want)
	}
	for _, r := range s + "\uFFFD" {
		if got, want := c.Contains(r), strings.ContainsRune(chars, r); got != want {
			t.Errorf("%q.Contains(%q) = %v, want %v", chars, r, got, want)
		}
	}
}

package words_test

import (
	"fmt"
	"strings"
	"testing"

	"zongjie/internal/words"
)

func TestSet(t *testing.T) {
	s := words.NewSet("力争", "确保", "年底", "年底前", "计划")
	text := "下半年力争完成，确保年底前建成"
	if i, w := s.Index(text); w != "力争" || text[i:i+len(w)] != "力争" {
		t.Errorf("Index=%d,%q", i, w)
	}
	if !s.Contains(text) || s.Contains("全面推进") {
		t.Error("Contains")
	}
	if w := s.At("", 0); w != "" {
		t.Errorf("At on empty text = %q", w)
	}
	if w := s.At(text, len(text)); w != "" {
		t.Errorf("At past the end = %q", w)
	}
	all := s.All(text)
	var got []string
	for _, m := range all {
		got = append(got, m.Word)
	}
	if want := "力争 确保 年底前"; join(got) != want {
		t.Errorf("All=%q, want %q", join(got), want)
	}
	if w := s.At(text, len("下半年")); w != "力争" {
		t.Errorf("At=%q", w)
	}
	if w := s.At(text, 0); w != "" {
		t.Errorf("At(0)=%q", w)
	}
}

func join(s []string) string {
	out := ""
	for i, w := range s {
		if i > 0 {
			out += " "
		}
		out += w
	}
	return out
}

func TestSuffixAndAstral(t *testing.T) {
	s := words.NewSet("达到", "为", "𠀾村")
	if got := s.Suffix("产值达到"); got != "达到" {
		t.Errorf("Suffix=%q", got)
	}
	if got := s.Suffix("产值"); got != "" {
		t.Errorf("Suffix=%q", got)
	}
	if i, w := s.Index("一个𠀾村"); w != "𠀾村" || i != len("一个") {
		t.Errorf("Index astral = %d %q", i, w)
	}
}

func FuzzSet(f *testing.F) {
	f.Add("下半年力争完成，确保年底前建成𠀾")
	f.Add("\xe5\xb9")
	set := words.NewSet("力争", "确保", "年底", "年底前", "计划")
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range set.All(text) {
			if text[m.Start:m.Start+len(m.Word)] != m.Word {
				t.Fatalf("match %q at %d is not in %q", m.Word, m.Start, text)
			}
		}
		i, w := set.Index(text)
		if i >= 0 && !strings.HasPrefix(text[i:], w) {
			t.Fatalf("Index(%q)=%d,%q", text, i, w)
		}
		if i < 0 {
			for _, w := range []string{"力争", "确保", "年底", "计划"} {
				if strings.Contains(text, w) {
					t.Fatalf("Index(%q) missed %q", text, w)
				}
			}
		}
	})
}

// TestSingle checks the one-word fast path against the general scan.
func TestSingle(t *testing.T) {
	text := "其中，其中其中A其中"
	one := words.NewSet("其中")
	two := words.NewSet("其中", "不会出现的词")
	a, b := one.All(text), two.All(text)
	if len(a) != 4 || len(a) != len(b) {
		t.Fatalf("single %v, general %v", a, b)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("match %d: %v vs %v", i, a[i], b[i])
		}
	}
	if i, w := one.Index("甲乙其中"); i != len("甲乙") || w != "其中" {
		t.Errorf("Index = %d %q", i, w)
	}
	if one.Contains("甲乙") {
		t.Error("Contains")
	}
}

func TestEvery(t *testing.T) {
	s := words.NewSet("中国", "中国特色", "国特", "色")
	var got []string
	for _, m := range s.Every("在中国特色，中国") {
		got = append(got, fmt.Sprintf("%d:%s", m.Start, m.Word))
	}
	if want := "3:中国特色 3:中国 6:国特 12:色 18:中国"; strings.Join(got, " ") != want {
		t.Errorf("Every = %q, want %q", strings.Join(got, " "), want)
	}
	if got := s.Every(""); got != nil {
		t.Errorf("Every on empty text = %v", got)
	}
}

// Ensure Steps steps over every character whole but those led by its
// bytes.
func TestSteps(t *testing.T) {
	steps := words.Steps('\n', 0xE3)
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

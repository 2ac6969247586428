package typo

import "testing"

func TestConfusable(t *testing.T) {
	cases := []struct {
		a, b rune
		want bool
	}{
		{'筹', '愁', true},  // the same reading, chou
		{'展', '辗', true},  // 辗 reads nian or zhan
		{'康', '慷', true},  // kang
		{'建', '健', true},  // jian
		{'治', '制', true},  // zhi
		{'己', '已', true},  // look alike (shapeGroups)
		{'候', '侯', true},  // look alike, and hou
		{'成', '设', false}, // 全面建成 / 全面建设: neither
		{'内', '外', false},
		{'质', '的', false},
		{'中', '中', false}, // the same character is no typo
	}
	for _, c := range cases {
		if got := Confusable(c.a, c.b); got != c.want {
			t.Errorf("Confusable(%c, %c) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := Confusable(c.b, c.a); got != c.want {
			t.Errorf("Confusable(%c, %c) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
	if n := len(charReadings()); n < 10000 {
		t.Errorf("readings of %d characters read from the lexicon, want the 10,000 or so of its head", n)
	}
}

func TestLexiconWord(t *testing.T) {
	for _, w := range []string{"发展", "社会主义", "现代化"} {
		if !LexiconWord(w, 1) {
			t.Errorf("%s: not a word", w)
		}
	}
	for _, w := range []string{"发辗", "统愁", "展", "社会主义核心价值观"} {
		if LexiconWord(w, 1) {
			t.Errorf("%s: a word", w)
		}
	}
}

package typo

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

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

// TestLexiconWordsAsLoaded holds LexiconWord's lookup in the inflated text
// to the loaded lexicon's frequencies: for every line of the lexicon (its
// characters, words and corpus strings) and for strings it lacks.
func TestLexiconWordsAsLoaded(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(lexiconData))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	extra := []string{"", "发", "发辗", "统愁", "发展发展发展", "a发", "发展\t", "𠀀发", "啊啊啊啊"}
	checked, words := 0, 0
	for _, s := range append(lines, extra...) {
		s, _, _ = strings.Cut(s, "\t")
		if strings.HasPrefix(s, "#") {
			continue
		}
		want := 0
		var ids [4]uint16
		if n, err := l.ids([]byte(s), &ids); err == nil {
			want = int(l.freq(pack(ids[:n])))
		}
		if got := lexiconWords().freq(s); got != want {
			t.Fatalf("%q: frequency %d in the text, %d in the loaded lexicon", s, got, want)
		}
		checked++
		if want > 0 {
			words++
		}
	}
	if words < 200000 {
		t.Errorf("only %d words of %d strings found", words, checked)
	}
}

// TestShapeGroupsDistinct: no look-alike group lies inside another, where
// it would add marks, keys and probes for no confusion the larger one
// lacks.
func TestShapeGroupsDistinct(t *testing.T) {
	for i, a := range shapeGroups {
		for j, b := range shapeGroups {
			if i != j && len(a) <= len(b) && !strings.ContainsFunc(a, func(r rune) bool { return !strings.ContainsRune(b, r) }) {
				t.Errorf("group %s lies inside %s", a, b)
			}
		}
	}
}

package gen

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/internal/shared"
)

func TestTrimEdit(t *testing.T) {
	for _, c := range []struct {
		old, new string
		at, end  int
		text     string
		ok       bool
	}{
		{"2023", "2024", 3, 4, "4", true},
		{"2029", "2030", 2, 4, "30", true},
		{"35.6", "xx", 0, 4, "xx", true},
		{"120", "120", 0, 0, "", false},
		{"9", "12", 0, 1, "12", true},
		{"，", ", ", 0, 1, ", ", true},
	} {
		rs := []rune(c.old)
		e, ok := trimEdit(rs, 0, len(rs), c.new)
		if ok != c.ok || ok && (e.at != c.at || e.end != c.end || e.text != c.text) {
			t.Errorf("trimEdit(%q, %q) = %+v, %v", c.old, c.new, e, ok)
		}
	}
}

func TestYear(t *testing.T) {
	for s, want := range map[string]int{"2023年": 2023, "2021-2025年": 2021, "2000多家": 0, "1985年": 0, "12345年": 0, "2024": 0} {
		rs := []rune(s)
		j := 0
		for j < len(rs) && isASCIIDigit(rs[j]) {
			j++
		}
		if y, _ := year(rs, 0, j); y != want {
			t.Errorf("year(%q) = %d, want %d", s, y, want)
		}
	}
}

func TestFindEdits(t *testing.T) {
	w := &builder{rng: rand.New(rand.NewPCG(1, 1))}
	rs := []rune("2023年完成投资35.6亿元，新建5G基站xx个（含PM2.5监测点）。")
	sp := editSpec{yearShift: 1, number: 1, swap: 1}
	eds := w.findEdits(rs, &sp, true)
	got := []rune(string(rs))
	// Apply the edits and check what changed.
	var out []rune
	cur := 0
	for _, e := range eds {
		out = append(out, got[cur:e.at]...)
		out = append(out, []rune(e.text)...)
		cur = e.end
	}
	out = append(out, got[cur:]...)
	s := string(out)
	if !slices.Contains(eds, edit{3, 4, "4"}) {
		t.Errorf("year not moved on: %q", s)
	}
	for _, keep := range []string{"5G", "PM2.5", "年完成投资", "亿元", "新建"} {
		if !strings.Contains(s, keep) {
			t.Errorf("%q lost %q", s, keep)
		}
	}
	if len(eds) < 3 {
		t.Errorf("%d edits: %q", len(eds), s)
	}
}

// TestProvenance checks the bookkeeping under the truth: the pieces of
// one origin, in whatever report, agree on its characters.
func TestProvenance(t *testing.T) {
	dir := shared.Dir(t, "")
	s, err := LoadSentences(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Generate(s, Config{N: 300, Seed: 11, MeanChars: 4000})
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ ns, org uint32 }
	origins := make(map[key][]rune)
	checked := 0
	for _, r := range c.Reports {
		for _, p := range r.doc.pieces {
			text := r.texts.of(p)
			if utf8.RuneCount(text) != int(p.n) || len(text) != int(p.nb) {
				t.Fatalf("%s: piece %+v holds %q", r.ID, p, text)
			}
			k := key{p.ns, p.org}
			o := origins[k]
			for i, ch := range []rune(string(text)) {
				at := int(p.off) + i
				for len(o) <= at {
					o = append(o, 0)
				}
				if o[at] != 0 && o[at] != ch {
					t.Fatalf("%s: origin %v character %d is %q here, %q elsewhere", r.ID, k, at, ch, o[at])
				}
				o[at] = ch
				checked++
			}
			origins[k] = o
		}
	}
	if checked == 0 {
		t.Fatal("nothing checked")
	}
}

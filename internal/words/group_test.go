package words_test

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"zongjie/document"
	"zongjie/internal/words"
)

// groupSets overlap on purpose: shared words, prefixes of each other, one
// single-word set, ASCII and astral words.
var groupSets = []*words.Set{
	words.NewSet("其中", "其中一", "中国"),
	words.NewSet("中国", "中国特色", "特色"),
	words.NewSet("其中"),
	words.NewSet("x", "xx", "%", "𠀀字"),
	words.NewSet("年", "年底", "年底前", "底前"),
	words.NewSet("中国", "中国特色", "国特", "色年", "年"), // every occurrence
}

// groupEvery says which of groupSets the group scans for every occurrence.
var groupEvery = []bool{false, false, false, false, false, true}

// groupClass is the class of characters checkGroup has ScanRuns find
// runs of: 中, 年, x and 𠀀 (outside the BMP: never in a class).
var groupClass = func() *[0x10000 / 64]uint64 {
	var c [0x10000 / 64]uint64
	for _, r := range "中年x𠀀" {
		if r < 0x10000 {
			c[r>>6] |= 1 << (r & 63)
		}
	}
	return &c
}()

// runsByRange finds the runs of groupClass as a range over text gives its
// characters (an invalid byte is a character of its own, in no class).
func runsByRange(text string) []document.Span {
	var out []document.Span
	start := -1
	for i, r := range text {
		in := strings.ContainsRune("中年x", r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, document.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, document.Span{Start: start, End: len(text)})
	}
	return out
}

// checkGroup compares Group.Scan with each set's All, and the runs
// ScanRuns finds besides with runsByRange.
func checkGroup(t *testing.T, g *words.Group, text string) {
	t.Helper()
	got, runs := g.ScanRuns(text, groupClass)
	if want := runsByRange(text); !reflect.DeepEqual(runs, want) {
		t.Fatalf("runs on %q: %v, want %v", text, runs, want)
	}
	if scan := g.Scan(text); !reflect.DeepEqual(scan, got) {
		t.Fatalf("on %q: Scan %v, ScanRuns %v", text, scan, got)
	}
	for i, s := range groupSets {
		want := s.All(text)
		if groupEvery[i] {
			want = s.Every(text)
		}
		if len(got[i]) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Fatalf("set %d on %q:\ngroup %v\nall   %v", i, text, got[i], want)
		}
	}
}

func TestGroup(t *testing.T) {
	g := words.NewGroupOf(groupSets, groupEvery)
	for _, text := range []string{"", "其中一个中国特色年底前xx%", "中国中国特色特色", "年年底前底前", "xxx%%𠀀字"} {
		checkGroup(t, g, text)
	}
	pieces := []string{"其", "中", "一", "国", "特", "色", "年", "底", "前", "x", "%", "𠀀", "字", "，", "a", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xff"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkGroup(t, g, b.String())
	}
}

func FuzzGroup(f *testing.F) {
	g := words.NewGroupOf(groupSets, groupEvery)
	f.Add("其中一个中国特色年底前xx%")
	f.Add("中国\xed\xa0\x80特色\xe4\xb8年底\xe0\x80\x80前")
	f.Fuzz(func(t *testing.T, text string) { checkGroup(t, g, text) })
}

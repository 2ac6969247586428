package reuse_test

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
	"zongjie/reuse"
)

// reports returns the reports of the seeds by file id (000, 001, …),
// one text per report found in the file.
func seedReports(t *testing.T) map[string][]string {
	out := map[string][]string{}
	for _, path := range shared.Files(t, "seeds", ".txt") {
		doc, err := reader.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		id := filepath.Base(path)[:3]
		for _, r := range extract.File(doc) {
			out[id] = append(out[id], doc.Text[r.Span.Start:r.Span.End])
		}
	}
	return out
}

// TestSeedReuse holds the accuracy figures on the seeds: 001 is
// 000 with edits, at least 95% both ways; the three reports inside 002
// and the reports 003 and 004 share less than 5% once stock phrases are
// discounted.
func TestSeedReuse(t *testing.T) {
	seeds := seedReports(t)
	bp := reuse.StockPhrases()
	r := reuse.Compare(reuse.Normalize(seeds["000"][0]), reuse.Normalize(seeds["001"][0]), bp)
	if r.A.Reuse < 0.95 || r.B.Reuse < 0.95 {
		t.Errorf("000/001: reuse %.3f and %.3f, want ≥ 0.95", r.A.Reuse, r.B.Reuse)
	}
	t.Logf("000/001: %.3f / %.3f, %d passages", r.A.Reuse, r.B.Reuse, len(r.Passages))
	others := append(append([]string{}, seeds["002"]...), seeds["003"][0], seeds["004"][0])
	if len(seeds["002"]) != 3 {
		t.Fatalf("002 holds %d reports, want 3", len(seeds["002"]))
	}
	for i := range others {
		for j := i + 1; j < len(others); j++ {
			r := reuse.Compare(reuse.Normalize(others[i]), reuse.Normalize(others[j]), bp)
			if r.A.ReuseOwn >= 0.05 || r.B.ReuseOwn >= 0.05 {
				t.Errorf("reports %d and %d: %.3f / %.3f without stock phrases, want < 0.05", i, j, r.A.ReuseOwn, r.B.ReuseOwn)
			}
		}
	}
}

// TestSplice copies paragraphs of one published report into another until
// they make 30% of it, and checks that the share measured is 25–35% and
// that every copied paragraph is found to within a few characters of its
// true ends.
func TestSplice(t *testing.T) {
	src := readText(t, "corpus/national", "2013")
	dst := readText(t, "corpus/province2026", "")
	srcParas := paragraphs(src, 80)
	dstParas := paragraphs(dst, 0)
	// Replace every third long paragraph of dst by the next long
	// paragraph of src until the copied text is 30% of the result.
	type truth struct{ aOff, bOff, n int }
	var out []string
	var want []truth
	total := 0
	for _, p := range dstParas {
		total += utf8.RuneCountInString(p) + 1
	}
	copied, next, off := 0, 0, 0
	for i, p := range dstParas {
		if i%3 == 2 && utf8.RuneCountInString(p) > 80 && next < len(srcParas) && copied < total*30/100 {
			q := srcParas[next]
			next++
			want = append(want, truth{strings.Index(src, q), off, utf8.RuneCountInString(q)})
			copied += utf8.RuneCountInString(q)
			p = q
		}
		out = append(out, p)
		off += utf8.RuneCountInString(p) + 1
	}
	b := strings.Join(out, "\n")
	for k := range want { // byte offset in src → characters
		want[k].aOff = utf8.RuneCountInString(src[:want[k].aOff])
	}
	r := reuse.Compare(reuse.Normalize(src), reuse.Normalize(b), reuse.StockPhrases())
	t.Logf("%d paragraphs copied, %d of %d characters; measured %.3f (%d passages)", len(want), copied, utf8.RuneCountInString(b), r.B.Reuse, len(r.Passages))
	if r.B.Reuse < 0.25 || r.B.Reuse > 0.35 {
		t.Errorf("share of the receiving text %.3f, want 0.25–0.35", r.B.Reuse)
	}
	ink := utf8.RuneCountInString(strings.Join(strings.Fields(b), ""))
	if truth := float64(copied) / float64(ink); r.B.Reuse < truth-0.02 || r.B.Reuse > truth+0.02 {
		t.Errorf("share measured %.3f, copied %.3f", r.B.Reuse, truth)
	}
	const slack = 3 // characters: an end mark left out, a heading marker
	for _, w := range want {
		found := false
		for _, p := range r.Passages {
			if abs(p.BOffset-w.bOff) <= slack && abs(p.BOffset+p.BLength-(w.bOff+w.n)) <= slack &&
				abs(p.AOffset-w.aOff) <= slack && abs(p.AOffset+p.ALength-(w.aOff+w.n)) <= slack {
				found = true
			}
		}
		if !found {
			t.Errorf("copied paragraph at %d (%d characters) not found within %d characters; passages %+v", w.bOff, w.n, slack, r.Passages)
		}
	}
	if len(r.Passages) > len(want)+2 {
		t.Errorf("%d passages for %d copied paragraphs", len(r.Passages), len(want))
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// readText returns the decoded text of the first file in sub whose name
// contains name.
func readText(t *testing.T, sub, name string) string {
	for _, path := range shared.Files(t, sub, ".txt") {
		if strings.Contains(filepath.Base(path), name) {
			doc, err := reader.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			return doc.Text
		}
	}
	t.Fatalf("no %s file in %s", name, sub)
	return ""
}

// paragraphs returns the lines of text with at least minChars characters.
func paragraphs(text string, minChars int) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if utf8.RuneCountInString(line) >= minChars {
			out = append(out, line)
		}
	}
	return out
}

package repeat_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/check/checktest"
	"zongjie/check/rules/repeat"
)

// TestInjectedRecall measures the repeat rules on repeats injected into
// the project's own example reports: a sentence written again right after
// itself, a run of two or three clauses written again right after itself,
// a paragraph pasted twice, and a sentence pasted into a later paragraph.
// The goal is a recall of 0.90 for each kind.
func TestInjectedRecall(t *testing.T) {
	files, _ := filepath.Glob("../../../examples/*.txt")
	if len(files) == 0 {
		t.Fatal("no example reports")
	}
	rng := rand.New(rand.NewPCG(7, 11))
	type tally struct{ found, total int }
	kinds := map[string]*tally{}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		paras := strings.Split(text, "\n")
		for round := 0; round < 40; round++ {
			k := rng.IntN(len(paras))
			para := paras[k]
			sents := splitAfter(para, "。；！？")
			if utf8.RuneCountInString(para) < 40 || len(sents) < 2 {
				continue
			}
			j := rng.IntN(len(sents))
			sent := sents[j]
			if utf8.RuneCountInString(sent) < 8 {
				continue
			}
			at := strings.Index(para, sent) + len(sent)
			inject := func(kind string, copyText string, into func() (string, int)) {
				in, start := into()
				ds := checktest.Run(t, "x.txt", in, nil, repeat.Rules...)
				tl := kinds[kind]
				if tl == nil {
					tl = &tally{}
					kinds[kind] = tl
				}
				tl.total++
				if hits(ds, start, start+len(copyText)) {
					tl.found++
				} else if testing.Verbose() {
					t.Logf("missed %s: %q", kind, copyText)
				}
			}
			// A sentence right after itself.
			inject("sentence", sent, func() (string, int) {
				return join(paras[:k], para[:at]+sent+para[at:], paras[k+1:]), offset(paras[:k]) + at
			})
			// A run of clauses right after itself: the sentence's last two
			// or three clauses.
			clauses := splitAfter(sent, "，；。！？")
			if n := len(clauses); n >= 3 {
				run := strings.Join(clauses[n-2:], "")
				inject("clause run", run, func() (string, int) {
					return join(paras[:k], para[:at]+run+para[at:], paras[k+1:]), offset(paras[:k]) + at
				})
			}
			// A paragraph pasted twice.
			inject("paragraph", para, func() (string, int) {
				return join(paras[:k+1], para, paras[k+1:]), offset(paras[:k+1])
			})
			// A sentence pasted at the end of a later paragraph of text
			// (not a heading, and not a run-in heading itself: headings
			// recur legitimately and RP001 leaves them alone).
			if k+2 < len(paras) && utf8.RuneCountInString(sent) >= 20 && strings.HasSuffix(sent, "。") &&
				strings.HasSuffix(paras[k+2], "。") && utf8.RuneCountInString(paras[k+2]) >= 40 && !strings.HasPrefix(sent, "（") {
				later := paras[k+2]
				inject("sentence elsewhere", sent, func() (string, int) {
					return join(paras[:k+2], later+sent, paras[k+3:]), offset(paras[:k+2]) + len(later)
				})
			}
		}
	}
	for kind, tl := range kinds {
		r := float64(tl.found) / float64(tl.total)
		t.Logf("%-18s %3d / %3d = %.3f", kind, tl.found, tl.total, r)
		if r < 0.90 {
			t.Errorf("%s: recall %.3f, want at least 0.90", kind, r)
		}
	}
}

// hits reports whether a finding of ds overlaps [start, end).
func hits(ds []check.Diagnostic, start, end int) bool {
	for _, d := range ds {
		if d.Span.Start < end && start < d.Span.End {
			return true
		}
	}
	return false
}

// splitAfter splits s after each of the marks.
func splitAfter(s, marks string) []string {
	var out []string
	from := 0
	for i, r := range s {
		if strings.ContainsRune(marks, r) {
			out = append(out, s[from:i+utf8.RuneLen(r)])
			from = i + utf8.RuneLen(r)
		}
	}
	if from < len(s) {
		out = append(out, s[from:])
	}
	return out
}

// join joins paragraphs before, one paragraph and paragraphs after.
func join(before []string, p string, after []string) string {
	all := append(append(append([]string(nil), before...), p), after...)
	return strings.Join(all, "\n")
}

// offset returns the offset of the paragraph after paras.
func offset(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p) + 1
	}
	return n
}

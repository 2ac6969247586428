package typo

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestNonWordFeatures writes to the file NONWORD_FEAT, one line a
// suspect with its features (the decision's and the counts in the texts
// left out of its data of its corrected word, wrong form and corrected
// word in context), every suspect that passes the tests of its place:
// those overlapping a typo of the hand list (NONWORD_HAND, NONWORD_HALF)
// put into every text that holds its right word (as
// TestNonWordHandStages; ok 1 when it is the right fix), and those of
// the clean texts (leave one out; NONWORD_GROUP and NONWORD_NOCORPUS
// apply) and of the grassroots reports' tuning half. A decision's
// evidence is weighed on it (README.md, "TY008": how the context route
// was chosen). It only measures.
func TestNonWordFeatures(t *testing.T) {
	out := os.Getenv("NONWORD_FEAT")
	if out == "" {
		t.Skip("NONWORD_FEAT=file")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	texts := evalTexts(t)
	base := baseLexicon(t)
	hand := handTypos(t)
	fmt.Fprintln(w, "set\tid\tkind\ttext\twrong\tright\tok\tplaced\taccepted\tscore\tgain\tbigram\tn\tfit\tatt\twatt\tbreaks\tcommon\tshape\tnear\talt\tfunction\trfreq\tlr\tlw\trr\trw\tlin\trin\tcR\tcW\tctxL\tctxR\tctxL2\tctxR2\tlen\tpos\tctx")
	dump := func(set, id, kind, name string, l *lexicon, others, text, orig string, over func(s suspect) bool) {
		counts := map[string]int{}
		cnt := func(s string) int {
			if s == "" {
				return -1
			}
			n, ok := counts[s]
			if !ok {
				n = strings.Count(others, s)
				counts[s] = n
			}
			return n
		}
		l.detect(text, func(d *decision, s suspect) bool {
			ok := d.accept(s)
			if !d.placed(s) || over != nil && !over(s) {
				return ok
			}
			at, rr := s.replaced(text)
			wr, _ := utf8.DecodeRuneInString(text[at:])
			prev, _ := utf8.DecodeLastRuneInString(text[:at])
			next, _ := utf8.DecodeRuneInString(text[at+utf8.RuneLen(wr):])
			pair := func(a, b rune) int {
				ia, ib := l.pairID(a), l.pairID(b)
				if ia == 0 || ib == 0 {
					return -1
				}
				return l.bigram(ia, ib)
			}
			lin, rin := at > s.start, at+3 < s.end
			p1, _ := utf8.DecodeLastRuneInString(text[:s.start])
			p2, _ := utf8.DecodeLastRuneInString(text[:max(0, s.start-utf8.RuneLen(p1))])
			n1, _ := utf8.DecodeRuneInString(text[s.end:])
			n2, _ := utf8.DecodeRuneInString(text[min(len(text), s.end+utf8.RuneLen(n1)):])
			cntP := func(c rune, s string) int {
				if l.pairID(c) == 0 {
					return -1
				}
				return cnt(s)
			}
			good := 0
			if orig != "" && orig[s.start:s.end] == s.right {
				good = 1
			}
			pos := utf8.RuneCountInString(text[s.start:at])
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%v\t%v\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d\t%v\t%v\t%v\t%v\t%v\t%v\t%d\t%d\t%d\t%d\t%d\t%v\t%v\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n",
				set, id, kind, name, text[s.start:s.end], s.right, good, true, ok, d.score(s), s.gain, s.bigram, d.count(s.right), s.fit, s.attested, s.wrongAttested,
				s.breaks, s.common, s.shape, s.near, s.alt, s.function, s.rightFreq,
				pair(prev, rr), pair(prev, wr), pair(rr, next), pair(wr, next), lin, rin,
				cnt(s.right), cnt(text[s.start:s.end]), cntP(p1, string(p1)+s.right), cntP(n1, s.right+string(n1)), cnt(string(p2)+string(p1)+s.right), cnt(s.right+string(n1)+string(n2)),
				utf8.RuneCountInString(s.right), pos, strings.ReplaceAll(around(text, s.start, s.end, 10), "\t", " "))
			return ok
		}, func(suspect) {})
	}
	for _, e := range texts {
		l := lexiconWithout(t, base, texts, e.name)
		restore := useLexicon(l)
		var ob strings.Builder
		for _, o := range texts {
			if o.name != e.name && o.twin != e.name && !leaveGroup(texts, o, e.name) {
				ob.WriteString(o.text)
				ob.WriteString("\n")
			}
		}
		others := ob.String()
		dump("neg", "-", "-", e.name, l, others, e.text, "", nil)
		for hi, h := range hand {
			at := strings.Index(e.text, h[0])
			if at < 0 {
				continue
			}
			text := e.text[:at] + h[1] + e.text[at+len(h[0]):]
			end := at + len(h[1])
			dump("pos", fmt.Sprintf("%d:%s", hi, e.name), h[2], e.name, l, others, text, e.text, func(s suspect) bool { return s.start < end && s.end > at })
		}
		restore()
	}
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var ob strings.Builder
	for _, o := range texts {
		ob.WriteString(o.text)
		ob.WriteString("\n")
	}
	others := ob.String()
	paths, _ := filepath.Glob("../testdata/clean/*.txt")
	for _, p := range paths {
		var num int
		fmt.Sscanf(filepath.Base(p), "%d", &num)
		if num%2 == 0 {
			continue // held back
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		dump("neg", "-", "-", filepath.Base(p), l, others, string(data), "", nil)
	}
}

package eval

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie/check"
)

type checkDiag = check.Diagnostic

// Truth lists the findings on clean text that were read and judged right
// (testdata/clean_true.tsv): every other finding outside punctuation and
// page chrome on a clean original is a false finding.
type Truth struct {
	keys map[string]string // file|rule|line|text → note
}

// LoadTruth reads the judged findings.
func LoadTruth(path string) (*Truth, error) {
	rows, err := readTSV(path)
	if err != nil {
		return nil, err
	}
	t := &Truth{keys: map[string]string{}}
	for _, r := range rows {
		t.keys[strings.Join([]string{r.get(0), r.get(1), r.get(2), r.get(3)}, "|")] = r.get(4)
	}
	return t, nil
}

// right reports whether finding x of file name was judged right.
func (t *Truth) right(name string, x checkDiag) bool {
	if t == nil {
		return false
	}
	_, ok := t.keys[strings.Join([]string{name, x.Rule, strconv.Itoa(x.Line), x.Text}, "|")]
	return ok
}

// counted reports whether a finding counts in the finding rate: outside
// punctuation and page chrome, as the corpus finding-rate test counts.
func counted(x checkDiag) bool {
	return x.Category != check.Artifact && x.Category != check.Punctuation
}

// falseFindings accumulates the false findings of clean texts.
type falseFindings struct {
	n, right, chars int
	list            []string
}

func (ff *falseFindings) add(d *Doc, ds []checkDiag, truth *Truth) {
	ff.chars += utf8.RuneCountInString(d.File.Text)
	for _, x := range ds {
		if !counted(x) {
			continue
		}
		if truth.right(d.Name, x) {
			ff.right++
			continue
		}
		ff.n++
		ff.list = append(ff.list, fmt.Sprintf("false finding: %s\t%s\t%d\t%s\t%s", d.Name, x.Rule, x.Line, x.Text, x.Message))
	}
}

func (ff *falseFindings) figure(name string) Figure {
	v := 0.0
	if ff.chars > 0 {
		v = float64(ff.n) / float64(ff.chars) * 10000
	}
	return Figure{Name: name, Value: v, Num: ff.n, Lower: true,
		Note: fmt.Sprintf("%d false, %d right, in %d characters", ff.n, ff.right, ff.chars)}
}

// Clean checks the held-out originals and counts the false findings per
// 10,000 characters outside punctuation and page chrome.
func Clean(c *Corpus, truth *Truth) *Result {
	res := &Result{}
	var ff falseFindings
	for _, name := range HeldOut {
		d := c.Docs[name]
		ff.add(d, d.Check(), truth)
	}
	res.add(ff.figure("check: false findings per 10k characters, held-out originals"))
	res.Misses = ff.list
	return res
}

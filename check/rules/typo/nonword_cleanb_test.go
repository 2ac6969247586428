package typo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// cleanBDir holds the second set of clean hard negatives for TY008,
// written by other hands than the detector's (testdata/nonword-clean-b/
// README.md): odd-numbered files are the dev half, even-numbered the
// test half.
const cleanBDir = "testdata/nonword-clean-b"

// cleanBFiles is the number of texts the set holds, 01–40.
const cleanBFiles = 40

// cleanBCeiling is the most findings of TY008 each half of
// nonword-clean-b may report: dev, test. Both are the counts of the first
// run, made before anyone tuned on the set (dev 0, test 0 in 26,448 and
// 25,713 characters); a change that adds a finding on either half fails
// TestNonWordCleanB. Lower a ceiling when a change removes findings;
// never raise one to let a change through.
var cleanBCeiling = [2]int{0, 0}

// cleanBHalfNames names the halves in the order of cleanBCeiling.
var cleanBHalfNames = [2]string{"dev", "test"}

// cleanBHalf returns the half of the file named name, NN-<pinyin>.txt:
// 0 (dev) for an odd number, 1 (test) for an even one.
func cleanBHalf(name string) (int, error) {
	var num int
	if _, err := fmt.Sscanf(name, "%d-", &num); err != nil || num < 1 || num > cleanBFiles {
		return 0, fmt.Errorf("%s: not a file NN-<pinyin>.txt numbered 01–%d", name, cleanBFiles)
	}
	return 1 - num%2, nil
}

// cleanBSelect reads NONWORD_CLEAN_HALF's value: the halves to measure
// ("" for both, "dev", "test").
func cleanBSelect(value string) ([2]bool, error) {
	switch value {
	case "":
		return [2]bool{true, true}, nil
	case "dev":
		return [2]bool{true, false}, nil
	case "test":
		return [2]bool{false, true}, nil
	}
	return [2]bool{}, fmt.Errorf("NONWORD_CLEAN_HALF=%q: want dev, test or nothing", value)
}

func TestCleanBHalfAndSelect(t *testing.T) {
	halves := []struct {
		name string
		half int
		ok   bool
	}{
		{"01-neimenggu.txt", 0, true},
		{"02-tianjin.txt", 1, true},
		{"39-anhui.txt", 0, true},
		{"40-jilin.txt", 1, true},
		{"41-extra.txt", 0, false},
		{"00-none.txt", 0, false},
		{"README.md", 0, false},
	}
	for _, c := range halves {
		half, err := cleanBHalf(c.name)
		if (err == nil) != c.ok || half != c.half {
			t.Errorf("cleanBHalf(%q) = %d, %v; want %d, ok %v", c.name, half, err, c.half, c.ok)
		}
	}
	selects := []struct {
		value string
		want  [2]bool
		ok    bool
	}{
		{"", [2]bool{true, true}, true},
		{"dev", [2]bool{true, false}, true},
		{"test", [2]bool{false, true}, true},
		{"Dev", [2]bool{}, false},
		{"both", [2]bool{}, false},
	}
	for _, c := range selects {
		got, err := cleanBSelect(c.value)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("cleanBSelect(%q) = %v, %v; want %v, ok %v", c.value, got, err, c.want, c.ok)
		}
	}
}

// TestNonWordCleanB runs TY008 with the embedded lexicon, as
// TestNonWordMargin runs it on the grassroots reports, on every text of
// testdata/nonword-clean-b and logs for each half its characters, its
// findings and its findings per 10,000 characters. Every text is correct
// prose, so every finding is false. NONWORD_CLEAN_HALF=dev|test measures
// one half (default both). NONWORD_CLEAN_LIST=1 lists each finding of the
// dev half (file, rune offset, wrong form, proposed word, score, context);
// it never lists the test half, and refuses NONWORD_CLEAN_HALF=test.
// It fails when a half reports more findings than its ceiling
// (cleanBCeiling: dev 0, test 0, the counts of the first run), or when
// the probe, 29-shuili.txt with 统筹 written 统畴, does not give exactly
// that finding (so that a count of 0 means the detector ran).
func TestNonWordCleanB(t *testing.T) {
	if testing.Short() {
		t.Skip("measurement: not in -short")
	}
	selected, err := cleanBSelect(os.Getenv("NONWORD_CLEAN_HALF"))
	if err != nil {
		t.Fatal(err)
	}
	listing := os.Getenv("NONWORD_CLEAN_LIST") != ""
	if listing && !selected[0] {
		t.Fatal("NONWORD_CLEAN_LIST lists the dev half only: the test half's findings are not to be read")
	}
	paths, err := filepath.Glob(filepath.Join(cleanBDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != cleanBFiles {
		t.Fatalf("%s holds %d texts, want %d", cleanBDir, len(paths), cleanBFiles)
	}
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	// The count can fail: a dev text with one typo of the rules table
	// (统筹 written 统畴) gives that finding.
	probe, err := os.ReadFile(filepath.Join(cleanBDir, "29-shuili.txt"))
	if err != nil {
		t.Fatal(err)
	}
	typoed := strings.Replace(string(probe), "统筹", "统畴", 1)
	if typoed == string(probe) {
		t.Fatal("29-shuili.txt no longer holds 统筹: choose another probe")
	}
	if fs, _ := cleanBFindings(l, typoed); len(fs) != 1 || fs[0].right != "统筹" {
		t.Fatalf("29-shuili.txt with 统畴 for 统筹: %d findings, want the one 统畴→统筹", len(fs))
	}

	var files, chars, found [2]int
	for _, p := range paths {
		name := filepath.Base(p)
		half, err := cleanBHalf(name)
		if err != nil {
			t.Fatal(err)
		}
		files[half]++
		if !selected[half] {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		chars[half] += utf8.RuneCountInString(text)
		findings, scores := cleanBFindings(l, text)
		found[half] += len(findings)
		if listing && half == 0 {
			for _, s := range findings {
				t.Logf("%s @%d %s→%s score %.1f  %s", name, utf8.RuneCountInString(text[:s.start]),
					text[s.start:s.end], s.right, scores[s], cleanBContext(text, s.start, s.end, 12))
			}
		}
	}
	if files[0] != cleanBFiles/2 || files[1] != cleanBFiles/2 {
		t.Fatalf("halves of %d and %d texts, want %d each", files[0], files[1], cleanBFiles/2)
	}
	for half := range 2 {
		if !selected[half] {
			continue
		}
		per := 0.0
		if chars[half] > 0 {
			per = float64(found[half]) * 10000 / float64(chars[half])
		}
		t.Logf("nonword-clean-b %s half: %d texts, %d characters, %d findings, %.2f per 10,000 characters",
			cleanBHalfNames[half], files[half], chars[half], found[half], per)
		if found[half] > cleanBCeiling[half] {
			t.Errorf("nonword-clean-b %s half: %d findings, more than its ceiling %d", cleanBHalfNames[half], found[half], cleanBCeiling[half])
		}
	}
}

// cleanBFindings returns the findings of TY008 on text with lexicon l
// and the score of each.
func cleanBFindings(l *lexicon, text string) ([]suspect, map[suspect]float64) {
	scores := map[suspect]float64{}
	var findings []suspect
	l.detect(text, func(d *decision, s suspect) bool {
		ok := d.accept(s)
		if ok {
			scores[s] = d.score(s)
		}
		return ok
	}, func(s suspect) { findings = append(findings, s) })
	return findings, scores
}

// cleanBContext returns text[start:end] in brackets with up to n runes
// either side, newlines shown as spaces.
func cleanBContext(text string, start, end, n int) string {
	lo := start
	for i := 0; i < n && lo > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(text[:lo])
		lo -= size
	}
	hi := end
	for i := 0; i < n && hi < len(text); i++ {
		_, size := utf8.DecodeRuneInString(text[hi:])
		hi += size
	}
	return strings.ReplaceAll(text[lo:start]+"["+text[start:end]+"]"+text[end:hi], "\n", " ")
}

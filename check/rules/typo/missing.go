package typo

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
)

// phrasesData lists the fixed phrases of TY006.
//
//go:embed phrases.tsv
var phrasesData string

// missingIndex holds the fixed phrases and their one-character deletions.
type missingIndex struct {
	phrases map[string]bool
	// variants maps a deletion variant to the phrase it was made from.
	variants map[string]string
	// set finds phrases and variants together, so that a full phrase is
	// matched (and ignored) where the text holds it.
	set *words.Set
	// phraseSet finds the phrases alone, to check the surroundings of a
	// variant.
	phraseSet *words.Set
}

// missing is the index built from phrases.tsv.
var missing = mustMissingIndex(phrasesData)

// missingWords finds the deletion variants and full phrases of missing.
var missingWords = check.NewWordsOf(missing.set)

// keepChars are characters whose deletion is not reported: a function word
// or a mark left out of a long phrase changes its wording rather than
// misspelling it (以人民为中心发展思想), and that is for a person or the
// canonical-wording rules to judge.
const keepChars = "的和与及之"

// buildMissingIndex parses phrases.tsv and generates the deletion variants:
// one character deleted at rune positions 2 to n-3 (0-based), so that a
// variant keeps the phrase's first two and last two characters. Deleting
// near an end makes strings that run into the neighbouring words (全从严治党
// inside 健全从严治党, 高质量展 inside 高质量展示); keeping two characters at
// each end anchors the variant to the phrase. A variant equal to a listed
// phrase or to an excluded variant of its line is dropped, and so is one
// produced by two different phrases.
func buildMissingIndex(data string) (*missingIndex, error) {
	x := &missingIndex{phrases: map[string]bool{}, variants: map[string]string{}}
	type line struct {
		phrase   string
		excluded map[string]bool
		n        int
	}
	var lines []line
	for n, l := range strings.Split(data, "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) > 2 || utf8.RuneCountInString(cols[0]) < 5 {
			return nil, fmt.Errorf("phrases.tsv:%d: want a phrase of 5 characters or more and optional exclusions", n+1)
		}
		if x.phrases[cols[0]] {
			return nil, fmt.Errorf("phrases.tsv:%d: phrase %q listed twice", n+1, cols[0])
		}
		ln := line{phrase: cols[0], excluded: map[string]bool{}, n: n + 1}
		if len(cols) == 2 {
			for _, v := range strings.Split(cols[1], "|") {
				ln.excluded[v] = true
			}
		}
		x.phrases[cols[0]] = true
		lines = append(lines, ln)
	}
	ambiguous := map[string]bool{}
	for _, ln := range lines {
		used := map[string]bool{}
		for _, v := range deletions(ln.phrase) {
			if x.phrases[v] {
				continue
			}
			if ln.excluded[v] {
				used[v] = true
				continue
			}
			if p, dup := x.variants[v]; dup && p != ln.phrase {
				ambiguous[v] = true
			}
			x.variants[v] = ln.phrase
		}
		for v := range ln.excluded {
			if !used[v] {
				return nil, fmt.Errorf("phrases.tsv:%d: %q is not a deletion variant of %q", ln.n, v, ln.phrase)
			}
		}
	}
	for v := range ambiguous {
		delete(x.variants, v)
	}
	var all, phrases []string
	for p := range x.phrases {
		all, phrases = append(all, p), append(phrases, p)
	}
	for v := range x.variants {
		all = append(all, v)
	}
	x.set, x.phraseSet = words.NewSet(all...), words.NewSet(phrases...)
	return x, nil
}

// deletions returns the variants of phrase with one character deleted at
// rune positions 2 to n-3, skipping keepChars and characters that are not
// Chinese.
func deletions(phrase string) []string {
	rs := []rune(phrase)
	var out []string
	seen := map[string]bool{}
	for i := 2; i <= len(rs)-3; i++ {
		if !isHan(rs[i]) || strings.ContainsRune(keepChars, rs[i]) {
			continue
		}
		// Deleting either of two equal neighbours gives the same variant.
		if v := string(rs[:i]) + string(rs[i+1:]); !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// mustMissingIndex builds the index of the embedded data, panicking on an
// error: the data is part of the program and its tests.
func mustMissingIndex(data string) *missingIndex {
	x, err := buildMissingIndex(data)
	if err != nil {
		panic(err)
	}
	return x
}

// Missing reports a fixed phrase written with one character left out
// (基层党组战斗堡垒 for 基层党组织战斗堡垒).
var Missing = &check.Rule{
	ID: "TY006", Name: "missing-char", Category: check.Typo, Severity: check.Error,
	Doc: check.Doc{
		Title: "固定说法缺字",
		Text: "公文常用固定说法（如“基层党组织战斗堡垒”“稳中求进工作总基调”“规模以上工业增加值”）中间漏了一个字。" +
			"只检查漏掉中间字的情形，且漏字后本身不是另一个正确说法（如“基层组织战斗堡垒”“中国现代化”不报）。",
		Wrong:  "全面推进基层党组战斗堡垒作用发挥。",
		Right:  "全面推进基层党组织战斗堡垒作用发挥。",
		Source: "公文常用固定说法（中央文件、政府工作报告的规范表述）",
	},
	Run: runMissing,
}

// runMissing reports every deletion variant the text holds where no full
// phrase overlaps it.
func runMissing(p *check.Pass) {
	text := p.File.Text
	for _, m := range p.Find(missingWords) {
		phrase, ok := missing.variants[m.Word]
		end := m.Span.Start + len(m.Word)
		if !ok || missing.phraseOverlaps(text, m.Span.Start, end) || skip(p, m.Span.Start) {
			continue
		}
		span := document.Span{Start: m.Span.Start, End: end}
		p.Report(span, "“"+m.Word+"”缺字，应为“"+phrase+"”",
			check.Fix{Message: "改为“" + phrase + "”", Replacement: phrase, Certain: true})
	}
}

// phraseOverlaps reports whether a full phrase of the index overlaps the
// bytes [start, end) of text: then the text holds the phrase and the
// variant is a coincidence of overlapping words.
func (x *missingIndex) phraseOverlaps(text string, start, end int) bool {
	from := max(0, start-x.phraseSet.MaxLen()+1)
	for i := from; i < end; i++ {
		if !utf8.RuneStart(text[i]) {
			continue
		}
		if w := x.phraseSet.At(text, i); w != "" && i+len(w) > start {
			return true
		}
	}
	return false
}

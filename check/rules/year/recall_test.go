package year_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/check/checktest"
	"zongjie/check/rules/year"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// heldOut are the corpus files an evaluator measures on: the measurement
// here leaves them out.
var heldOut = map[string]bool{
	"national/2016.txt": true, "national/2017.txt": true,
	"province2026/内蒙古自治区.txt": true, "province2026/天津市.txt": true, "province2026/山西省.txt": true,
	"province2026/江苏省.txt": true, "province2026/浙江省.txt": true, "province2026/甘肃省.txt": true,
	"province2026/辽宁省.txt": true, "province2026/黑龙江省.txt": true,
}

// sample is one clean text of the measurement, decoded.
type sample struct {
	name, text string
	clean      bool // published text, not an example written with deliberate errors
}

// samples reads the corpus files that are not held out, the seeds and the
// project's examples.
func samples(t *testing.T) []sample {
	t.Helper()
	dir := shared.Dir(t, "corpus")
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	seeds, _ := filepath.Glob(filepath.Join(shared.Dir(t, "seeds"), "*.txt"))
	var out []sample
	read := func(name string, data []byte, clean bool) {
		f, err := reader.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, sample{name: name, text: f.Text, clean: clean})
	}
	for _, p := range append(paths, seeds...) {
		rel, _ := filepath.Rel(dir, p)
		if heldOut[filepath.ToSlash(rel)] {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		read(filepath.Base(p), data, true)
	}
	for _, e := range examples.All() {
		read(filepath.Base(e.Name), e.Data, false)
	}
	return out
}

// checked are the rules measured here, which must find nothing in the
// texts as written (the seeds' and examples' own year errors are other
// rules' findings).
var checked = map[string]bool{"YR005": true, "YR009": true, "YR010": true}

// An injection is a text with a year made wrong.
type injection struct {
	kind, text, what string
	at               []int // the injected years
}

// TestInjectedRecall measures the year rules on the year errors a drafter
// makes when reusing last year's text, injected into the corpus files
// that are not held out, the seeds and the examples:
//
//   - review future: a sentence of the review part dated the plan year or
//     later, told as done ("2026年，全市生产总值增长5.2%" in the review of
//     2025): an existing year of the review changed, a relative one
//     (过去一年, 一年来) replaced, or a year put before a result sentence;
//   - review stale: the same with the year before the one reviewed (a
//     figure's year left from last year's text), outside parts about
//     several years ("“十四五”时期回顾", where any of them may be told);
//   - title earlier / later: the title's year one year off while the
//     body (subtitle, session, headings, milestones, the years told as
//     done) says the report's own. The national reports have no title:
//     one of their year is put on them first.
//
// A hit is a finding of a year rule on the injected year; the goal is a
// recall of 0.90 for each kind. The rules measured must find nothing on
// the texts as written.
func TestInjectedRecall(t *testing.T) {
	rng := rand.New(rand.NewPCG(2025, 12))
	type tally struct{ found, total int }
	kinds := map[string]*tally{}
	var order []string
	clean, chars := 0, 0
	for _, s := range samples(t) {
		text := s.text
		reports := extractText(t, s.name, text)
		if len(reports) == 0 {
			continue
		}
		base := checktest.Run(t, s.name, text, nil, year.Rules...)
		if s.clean {
			chars += utf8.RuneCountInString(text)
			clean += len(base)
		}
		for _, d := range base {
			t.Logf("clean %s:%d:%d %s %s: %s", s.name, d.Line, d.Column, d.Rule, d.Text, d.Message)
			if checked[d.Rule] {
				t.Errorf("%s: a finding on the text as written: %s %d:%d %s", s.name, d.Rule, d.Line, d.Column, d.Message)
			}
		}
		var injs []injection
		for _, r := range reports {
			injs = append(injs, reviewInjections(rng, text, r)...)
			injs = append(injs, titleInjections(text, r)...)
		}
		if strings.HasPrefix(s.name, "20") && len(reports) == 1 && reports[0].Meta.Plan != nil {
			// A national report with a title of its year put on it.
			titled := strconv.Itoa(reports[0].Meta.Plan.Year) + "年政府工作报告\n" + text
			if ds := checktest.Run(t, s.name, titled, nil, year.Rules...); len(ds) > len(base) {
				t.Errorf("%s: the right title adds findings: %v", s.name, checktest.Messages(ds))
			}
			for _, r := range extractText(t, s.name, titled) {
				injs = append(injs, titleInjections(titled, r)...)
			}
		}
		for _, in := range injs {
			tl := kinds[in.kind]
			if tl == nil {
				tl = &tally{}
				kinds[in.kind] = tl
				order = append(order, in.kind)
			}
			tl.total++
			ds := checktest.Run(t, s.name, in.text, nil, year.Rules...)
			hit := false
			for _, at := range in.at {
				hit = hit || hits(ds, at, at+4)
			}
			if hit {
				tl.found++
			} else if testing.Verbose() {
				t.Logf("missed %s in %s: %s", in.kind, s.name, in.what)
			}
		}
	}
	slices.Sort(order)
	for _, kind := range order {
		tl := kinds[kind]
		r := float64(tl.found) / float64(tl.total)
		t.Logf("%-24s %3d / %3d = %.2f", kind, tl.found, tl.total, r)
		if r < 0.90 {
			t.Errorf("%s: recall %.2f, want at least 0.90", kind, r)
		}
	}
	t.Logf("clean texts: %d findings in %d characters (%.2f per 10,000)", clean, chars, float64(clean)*1e4/float64(chars))
}

func extractText(t *testing.T, name, text string) []*zongjie.Report {
	t.Helper()
	f, err := reader.Read(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return extract.File(f)
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

// relWords are the relative times a review sentence opens with, which an
// injection replaces with a year.
var relWords = []string{"过去一年", "一年来", "今年以来", "今年", "去年", "上半年"}

// reviewInjections returns injections into review sentences of report r:
// at most eight per kind, chosen at random.
func reviewInjections(rng *rand.Rand, text string, r *zongjie.Report) []injection {
	if r.Meta.Review == nil || r.Meta.Review.Year == 0 {
		return nil
	}
	y := r.Meta.Review.Year
	genre := ", summary"
	if r.Meta.IsGovernmentReport() {
		genre = ", 政府工作报告"
	}
	var future, stale []injection
	for _, top := range r.Outline {
		if top.Kind != zongjie.KindReview {
			continue
		}
		several := multiYearTitle(top.Title)
		for _, sent := range sentences(text, top, r) {
			st := sent.Start
			body := text[sent.Start:sent.End]
			if utf8.RuneCountInString(body) < 12 {
				continue
			}
			make := func(target int) (injection, bool) {
				ty := strconv.Itoa(target)
				// An existing year of the review, opening the sentence.
				if strings.HasPrefix(body, strconv.Itoa(y)+"年") {
					return injection{text: text[:st] + ty + text[st+4:], at: []int{st}, what: ty + body[4:]}, true
				}
				for _, w := range relWords {
					if strings.HasPrefix(body, w+"，") {
						return injection{text: text[:st] + ty + "年" + text[st+len(w):], at: []int{st}, what: ty + "年" + body[len(w):]}, true
					}
				}
				// A year put before a sentence with a figure and no time
				// of its own.
				if strings.ContainsAny(body, "0123456789") && !strings.HasPrefix(body, "（") && !strings.HasPrefix(body, "——") && yearIn(body) < 0 && !hasTimeWord(body) {
					return injection{text: text[:st] + ty + "年，" + text[st:], at: []int{st}, what: ty + "年，" + body}, true
				}
				return injection{}, false
			}
			if in, ok := make(y + 1 + rng.IntN(2)); ok {
				in.kind = "review future" + genre
				future = append(future, in)
			}
			if several {
				continue
			}
			if in, ok := make(y - 1); ok {
				in.kind = "review stale" + genre
				stale = append(stale, in)
			}
		}
	}
	pick := func(list []injection) []injection {
		rng.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
		return list[:min(8, len(list))]
	}
	return append(pick(future), pick(stale)...)
}

func hasTimeWord(s string) bool {
	for _, w := range []string{"今年", "去年", "明年", "上年", "本年", "以来", "上半年", "下半年"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func multiYearTitle(s string) bool {
	for _, w := range []string{"时期", "五年", "十三五", "十四五", "十五五", "十一五", "十二五", "以来", "历程", "期间"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// sentences returns the sentences of the body of section s (headings
// left out), in the report r.
func sentences(text string, s *zongjie.Section, r *zongjie.Report) []struct{ Start, End int } {
	var heads []struct{ Start, End int }
	zongjie.Walk(r.Outline, func(c *zongjie.Section) { heads = append(heads, struct{ Start, End int }{c.Span.Start, c.Span.End}) })
	var out []struct{ Start, End int }
	start := s.Body.Start
	for i, c := range text[s.Body.Start:s.Body.End] {
		at := s.Body.Start + i
		if !strings.ContainsRune("。；！？\n", c) {
			continue
		}
		end := at
		from := start
		start = at + utf8.RuneLen(c)
		for from < end && (text[from] == ' ' || strings.HasPrefix(text[from:], "　")) {
			_, size := utf8.DecodeRuneInString(text[from:])
			from += size
		}
		inHead := false
		for _, h := range heads {
			if from < h.End && h.Start < end {
				inHead = true
			}
		}
		if !inHead && end > from {
			out = append(out, struct{ Start, End int }{from, end})
		}
	}
	return out
}

// titleInjections returns the title of r with its years one year earlier
// and one year later (last year's or next year's title), when something
// else in the report dates it (a subtitle, a session, a heading, a
// milestone, the years told as done): a title alone cannot be checked.
func titleInjections(text string, r *zongjie.Report) []injection {
	if r.Title == "" || r.TitleInferred {
		return nil
	}
	head := r.Span
	if len(r.Outline) > 0 {
		head.End = r.Outline[0].Span.Start
	}
	i := strings.Index(text[head.Start:head.End], r.Title)
	if i < 0 || yearIn(r.Title) < 0 {
		return nil
	}
	kind, own := "summary", 0
	switch m := r.Meta; {
	case m.IsGovernmentReport() && m.Plan != nil:
		kind, own = "政府工作报告", m.Plan.Year
	case m.Review != nil:
		own = m.Review.Year
	}
	dated := false
	for _, d := range r.Meta.Dating {
		dated = dated || d.Source != zongjie.SourceTitle && d.Year == own && own > 0
	}
	if !dated {
		return nil
	}
	start := head.Start + i
	var out []injection
	for _, d := range []struct {
		kind  string
		delta int
	}{{"title earlier, " + kind, -1}, {"title later, " + kind, 1}} {
		t := r.Title
		var spans []int
		for j := yearIn(t); j >= 0; {
			y, _ := strconv.Atoi(t[j : j+4])
			t = t[:j] + strconv.Itoa(y+d.delta) + t[j+4:]
			spans = append(spans, start+j)
			k := yearIn(t[j+4:])
			if k < 0 {
				break
			}
			j += 4 + k
		}
		out = append(out, injection{kind: d.kind, text: text[:start] + t + text[start+len(r.Title):], at: spans, what: r.Title + " → " + t})
	}
	return out
}

// yearIn returns the offset of the first "YYYY年" in s, -1 if none.
func yearIn(s string) int {
	for i := 0; i+4 < len(s); i++ {
		if _, err := strconv.Atoi(s[i : i+4]); err == nil && (i == 0 || s[i-1] < '0' || s[i-1] > '9') && strings.HasPrefix(s[i+4:], "年") {
			return i
		}
	}
	return -1
}

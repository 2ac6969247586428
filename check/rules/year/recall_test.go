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

// An injection is a text with a year made wrong, or a near miss: the
// same change with the right year, which no rule may find.
type injection struct {
	kind, text, what string
	at               []int // the injected years
	near             bool  // a near miss: a finding on it is false
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
//     one of their year is put on them first;
//   - review heading plan year: the year of the review part's heading
//     made the plan year ("一、2025年工作回顾" → "一、2026年工作回顾" in a
//     2026 政府工作报告, "一、2024年工作总结" → "一、2025年工作总结" in a
//     summary that plans 2025), the text as it is (a national report has
//     no title: its other headings and its body must tell), where
//     something else writes a year; plan heading review year, the
//     converse (last year's plan heading left);
//   - review event future: the date of an event, an award or a
//     completion inside a review sentence made a later year
//     ("成功举办2025年…" → "成功举办2026年…" in the review of 2025), or a
//     later year put between the verb and its object ("举办第十届…" →
//     "举办2026年第十届…"); its near miss puts the reviewed year there.
//
// A hit is a finding of a year rule on the injected year; the goal is a
// recall of 0.90 for each kind, and no finding on a near miss. The rules
// measured must find nothing on the texts as written.
func TestInjectedRecall(t *testing.T) {
	rng := rand.New(rand.NewPCG(2025, 12))
	type tally struct{ found, total int }
	kinds := map[string]*tally{}
	var order []string
	near, nearFalse := 0, 0
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
			injs = append(injs, headingInjections(text, r)...)
			injs = append(injs, eventInjections(rng, text, r)...)
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
			if in.near {
				near++
				ds := checktest.Run(t, s.name, in.text, nil, year.Rules...)
				for _, at := range in.at {
					for _, d := range ds {
						if d.Span.Start < at+4 && at < d.Span.End {
							nearFalse++
							t.Errorf("%s: a finding on a near miss (%s): %s %d:%d %s", s.name, in.what, d.Rule, d.Line, d.Column, d.Message)
						}
					}
				}
				continue
			}
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
	t.Logf("near misses: %d findings on %d", nearFalse, near)
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

// headingInjections returns the text with the year of the first top-level
// review heading of r that writes the reviewed year made the plan year
// (the year after a full year), and the same for the first plan heading
// that writes the plan year, made the reviewed year (last year's plan
// heading left), unless the year ends a range. Only where something else
// writes a year (the title, the subtitle, the opening, another heading):
// a heading alone cannot be checked.
func headingInjections(text string, r *zongjie.Report) []injection {
	m := r.Meta
	if m.Review == nil || m.Review.Year == 0 || m.Review.Period != zongjie.PeriodFullYear || m.Plan == nil || m.Plan.Year != m.Review.Year+1 {
		return nil
	}
	genre := ", summary"
	if m.IsGovernmentReport() {
		genre = ", 政府工作报告"
	}
	var out []injection
	for _, k := range []struct {
		kind     zongjie.SectionKind
		name     string
		from, to int
	}{{zongjie.KindReview, "review heading plan year", m.Review.Year, m.Plan.Year}, {zongjie.KindPlan, "plan heading review year", m.Plan.Year, m.Review.Year}} {
		y := strconv.Itoa(k.from)
		for _, s := range r.Outline {
			if s.Kind != k.kind {
				continue
			}
			head := text[s.Span.Start:s.Span.End]
			i := strings.Index(head, y+"年")
			if i < 0 {
				continue
			}
			if before := head[:i]; strings.HasSuffix(before, "—") || strings.HasSuffix(before, "-") || strings.HasSuffix(before, "至") || strings.HasSuffix(before, "－") {
				break
			}
			if !datedElsewhere(text, r, s) {
				break
			}
			at := s.Span.Start + i
			to := strconv.Itoa(k.to)
			out = append(out, injection{kind: k.name + genre, text: text[:at] + to + text[at+4:], at: []int{at}, what: head + " → " + to})
			break
		}
	}
	return out
}

// datedElsewhere reports whether report r writes a year before its first
// heading (a title, a subtitle, an opening) or in a top-level heading
// other than s.
func datedElsewhere(text string, r *zongjie.Report, s *zongjie.Section) bool {
	head := r.Span
	if len(r.Outline) > 0 {
		head.End = r.Outline[0].Span.Start
	}
	if yearIn(text[head.Start:head.End]) >= 0 {
		return true
	}
	for _, o := range r.Outline {
		if o != s && yearIn(text[o.Span.Start:o.Span.End]) >= 0 {
			return true
		}
	}
	return false
}

// eventVerbs tell an event held, an award won or a work completed; a
// year right after one dates it.
var eventVerbs = []string{"成功举办", "圆满举办", "举办", "举行", "召开", "承办", "主办", "荣获", "获评", "入选", "被评为", "建成", "开通"}

// eventObjects may follow an event verb as the start of the event's or
// award's name, where a year fits before them: 第十届…, “…”, 首届…,
// 全国…, 中国…
var eventObjects = []string{"第", "“", "首届", "全国", "全省", "全市", "全区", "全县", "中国", "世界", "国际", "亚", "省", "市", "区"}

// eventInjections returns, for at most eight event verbs of the review
// part of r chosen at random, the text with a later year as the date of
// the event and the same with the reviewed year (a near miss).
func eventInjections(rng *rand.Rand, text string, r *zongjie.Report) []injection {
	m := r.Meta
	if m.Review == nil || m.Review.Year == 0 {
		return nil
	}
	y := m.Review.Year
	genre := ", summary"
	if m.IsGovernmentReport() {
		genre = ", 政府工作报告"
	}
	var out []injection
	for _, top := range r.Outline {
		if top.Kind != zongjie.KindReview {
			continue
		}
		for _, sent := range sentences(text, top, r) {
			body := text[sent.Start:sent.End]
			for _, v := range eventVerbs {
				i := strings.Index(body, v)
				if i < 0 {
					continue
				}
				at := sent.Start + i + len(v)
				if strings.HasPrefix(text[at:], "了") {
					at += len("了")
				}
				rest := text[at:sent.End]
				later := strconv.Itoa(y + 1 + rng.IntN(2))
				switch {
				case strings.HasPrefix(rest, strconv.Itoa(y)+"年"):
					out = append(out,
						injection{kind: "review event future" + genre, text: text[:at] + later + text[at+4:], at: []int{at}, what: body[:i] + v + later + rest[4:]},
						injection{kind: "review event future" + genre, text: text, at: []int{at}, what: body, near: true})
				case yearIn(rest) < 0 && startsWithAny(rest, eventObjects):
					ins := func(year string) string { return text[:at] + year + "年" + text[at:] }
					out = append(out,
						injection{kind: "review event future" + genre, text: ins(later), at: []int{at}, what: body[:i] + v + later + "年" + rest},
						injection{kind: "review event future" + genre, text: ins(strconv.Itoa(y)), at: []int{at}, what: body[:i] + v + strconv.Itoa(y) + "年" + rest, near: true})
				default:
					continue
				}
				break
			}
		}
	}
	// At most eight pairs.
	pairs := len(out) / 2
	idx := rng.Perm(pairs)[:min(8, pairs)]
	var picked []injection
	for _, k := range idx {
		picked = append(picked, out[2*k], out[2*k+1])
	}
	return picked
}

func startsWithAny(s string, list []string) bool {
	for _, w := range list {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

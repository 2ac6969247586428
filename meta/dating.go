package meta

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/internal/words"
)

// A 政府工作报告 of year N is delivered early in N: it reviews N-1 and
// plans N. Many never write N where a program would look for it (a web copy
// without its title, a report that opens with "各位代表："), so its year is
// read the way a reader reads it, from every statement of it, strongest
// first:
//
//	title      "2024年政府工作报告"
//	subtitle   "——2024年1月10日在…会议上" (a congress in November or
//	           December delivers the next year's report)
//	session    "第十三届全国人民代表大会第一次会议" (2018; only the national
//	           congress's terms give the year by themselves)
//	heading    "一、2023年工作回顾" (N-1), "二、2024年工作安排" (N)
//	milestone  "今年是全面贯彻党的十九大精神的开局之年" (2018)
//	body       the latest year the review tells as done (N-1)
//	filename   the year in the file's name, when nothing else says
//
// Each statement is a Dating of the year N; the file name is read only
// when nothing else dates the report. The year with the most weight wins,
// a tie going to the strongest source. The title is one statement, though
// the strongest: when nothing else says its year and the rest of the
// evidence agrees on another, it loses to them (see titleOverruled), and
// the checker reports it.

// weights of the sources in the vote.
var weights = map[zongjie.Source]int{
	zongjie.SourceTitle: 6, zongjie.SourceSubtitle: 6, zongjie.SourceSession: 6,
	zongjie.SourceIntro: 4, zongjie.SourceHeading: 4, zongjie.SourceMilestone: 2, zongjie.SourceBody: 2,
	zongjie.SourceFileName: 1,
}

// rank orders the sources from the strongest, for ties.
var rank = []zongjie.Source{
	zongjie.SourceTitle, zongjie.SourceSubtitle, zongjie.SourceSession, zongjie.SourceIntro,
	zongjie.SourceHeading, zongjie.SourceMilestone, zongjie.SourceBody, zongjie.SourceFileName,
}

func rankOf(s zongjie.Source) int {
	for i, r := range rank {
		if r == s {
			return i
		}
	}
	return len(rank)
}

// vote returns the year the datings give most weight to, and the strongest
// source that gives it, unless the title is overruled by the rest.
func vote(ds []zongjie.Dating) (int, zongjie.Source) {
	if y, src, ok := titleOverruled(ds); ok {
		return y, src
	}
	return tally(ds)
}

// titleOverruled returns the year the evidence other than the title gives
// when it overrules the title: nothing else says the title's year, all of
// it agrees on one other year, and it is strong — either at least the
// title's weight in two statements or more (a subtitle and a heading, two
// headings, a heading and the years told as done …), or the review telling
// the title's own year, or a later one, as done (a report cannot review
// its own year: a title a year early, the commonest slip of a report saved
// under last year's title). A single heading or milestone against the
// title does not overrule it: that is how a stale heading shows.
func titleOverruled(ds []zongjie.Dating) (int, zongjie.Source, bool) {
	title := -1
	for i, d := range ds {
		if d.Source == zongjie.SourceTitle && d.Year > 0 {
			title = i
			break
		}
	}
	if title < 0 {
		return 0, "", false
	}
	var rest []zongjie.Dating
	body := false
	for i, d := range ds {
		if i == title || d.Year == 0 {
			continue
		}
		if d.Year == ds[title].Year || d.Source == zongjie.SourceTitle {
			return 0, "", false
		}
		rest = append(rest, d)
		body = body || d.Source == zongjie.SourceBody
	}
	y, src := tally(rest)
	if y == 0 {
		return 0, "", false
	}
	for _, d := range rest {
		if d.Year != y {
			return 0, "", false
		}
	}
	weight, statements := score(rest)
	if weight >= weights[zongjie.SourceTitle] && statements >= 2 || body && y > ds[title].Year {
		return y, src, true
	}
	return 0, "", false
}

// Settled reports whether datings settle a report's year beyond doubt,
// leaving out those within except (the heading being checked): the ones
// that give year weigh at least a title and a heading together, one of
// them is the title, the subtitle, the session or the opening's lead, and
// none as strong as a heading gives another year. A heading found wrong
// against settled evidence can be corrected without asking.
func Settled(ds []zongjie.Dating, year int, except document.Span) bool {
	var agree []zongjie.Dating
	named := false
	for _, d := range ds {
		if d.Year == 0 || d.Span.Len() > 0 && except.Contains(d.Span.Start) {
			continue
		}
		if d.Year != year {
			if weights[d.Source] >= weights[zongjie.SourceHeading] {
				return false
			}
			continue
		}
		agree = append(agree, d)
		switch d.Source {
		case zongjie.SourceTitle, zongjie.SourceSubtitle, zongjie.SourceSession, zongjie.SourceIntro:
			named = true
		}
	}
	weight, _ := score(agree)
	return named && weight >= weights[zongjie.SourceTitle]+weights[zongjie.SourceHeading]
}

// score returns the weight of datings that all give one year, and the
// number of statements counted (milestones and the body once each).
func score(ds []zongjie.Dating) (weight, statements int) {
	seen := map[zongjie.Source]bool{}
	for _, d := range ds {
		if d.Source == zongjie.SourceMilestone || d.Source == zongjie.SourceBody {
			if seen[d.Source] {
				continue
			}
			seen[d.Source] = true
		}
		weight += weights[d.Source]
		statements++
	}
	return weight, statements
}

// tally returns the year the datings give most weight to, and the strongest
// source that gives it. Milestones and body years count once per year,
// however often they are written.
func tally(ds []zongjie.Dating) (int, zongjie.Source) {
	score := map[int]int{}
	best := map[int]zongjie.Source{}
	counted := map[zongjie.Source]map[int]bool{}
	for _, d := range ds {
		if d.Year == 0 {
			continue
		}
		if counted[d.Source] == nil {
			counted[d.Source] = map[int]bool{}
		}
		if (d.Source == zongjie.SourceMilestone || d.Source == zongjie.SourceBody) && counted[d.Source][d.Year] {
			continue
		}
		counted[d.Source][d.Year] = true
		score[d.Year] += weights[d.Source]
		if b, ok := best[d.Year]; !ok || rankOf(d.Source) < rankOf(b) {
			best[d.Year] = d.Source
		}
	}
	year := 0
	for y, s := range score {
		if year == 0 || s > score[year] || s == score[year] && (rankOf(best[y]) < rankOf(best[year]) || rankOf(best[y]) == rankOf(best[year]) && y > year) {
			year = y
		}
	}
	return year, best[year]
}

// govPeriods fills the periods of a 政府工作报告 from its datings.
func (d *detector) govPeriods(m *zongjie.Meta) {
	ds := d.govDatings()
	y, src := vote(ds)
	if y == 0 {
		if fy, off, ok := fileYear(d.in.File.Path); ok {
			ds = append(ds, zongjie.Dating{Source: zongjie.SourceFileName, Year: fy, Text: filepath.Base(d.in.File.Path)[off : off+4]})
			y, src = fy, zongjie.SourceFileName
		}
	}
	m.Dating = ds
	if y == 0 {
		return
	}
	text := ""
	if src == zongjie.SourceTitle {
		text = d.in.Title
	}
	m.Review = &zongjie.Term{Year: y - 1, Period: zongjie.PeriodFullYear}
	m.Plan = &zongjie.Term{Year: y, Period: zongjie.PeriodFullYear, Text: text}
	m.PeriodSource = src
}

// govDatings collects the statements of a 政府工作报告's year.
func (d *detector) govDatings() []zongjie.Dating {
	var ds []zongjie.Dating
	f := d.in.File
	if ys, offs := years(d.in.Title); len(ys) > 0 {
		dt := zongjie.Dating{Source: zongjie.SourceTitle, Year: ys[0], Text: d.in.Title}
		if y, off, ok := subtitleDate(d.in.Title); ok && off == offs[0] {
			dt.Year = y // a title that carries its date
		}
		if t := d.in.TitleSpan; t.Len() > 0 {
			if i := strings.Index(f.Text[t.Start:t.End], strconv.Itoa(ys[0])+"年"); i >= 0 {
				dt.Span = document.Span{Start: t.Start + i, End: t.Start + i + 4}
			}
		}
		ds = append(ds, dt)
	}
	for _, h := range d.header() {
		if y, off, ok := subtitleDate(h.text); ok {
			ds = append(ds, zongjie.Dating{Source: zongjie.SourceSubtitle, Year: y, Text: h.text, Span: document.Span{Start: h.start + off, End: h.start + off + 4}})
		}
		if s, ok := sessionAt(h.text); ok && s.year > 0 {
			ds = append(ds, zongjie.Dating{Source: zongjie.SourceSession, Year: s.year, Text: h.text, Span: document.Span{Start: h.start, End: h.start + len(h.text)}})
		}
	}
	// The review heading gives N-1, a plan heading N; a review of a
	// five-year plan ("“十三五”时期工作回顾") the year after its last, the
	// goals of one ("“十四五”时期的主要目标和任务") its first.
	var gotReview, gotPlan bool
	for _, s := range d.in.Sections {
		r, p := parseHeading(s.Title)
		switch {
		case r != nil && r.year > 0 && !gotReview:
			gotReview = true
			ds = append(ds, zongjie.Dating{Source: zongjie.SourceHeading, Year: r.year + 1, Text: s.Title, Span: yearSpan(f, s.Span, r.year)})
		case p != nil && p.year > 0 && !gotPlan && !multiYearHeading(s.Title):
			gotPlan = true
			ds = append(ds, zongjie.Dating{Source: zongjie.SourceHeading, Year: p.year, Text: s.Title, Span: yearSpan(f, s.Span, p.year)})
		default:
			if y, review, ok := fiveYearHeading(s.Title); ok && (review && !gotReview || !review && !gotPlan) {
				gotReview, gotPlan = gotReview || review, gotPlan || !review
				ds = append(ds, zongjie.Dating{Source: zongjie.SourceHeading, Year: y, Text: s.Title})
			}
		}
	}
	// The milestones and the years told as done: they date a report that
	// writes its year nowhere else, and they join the rest of the evidence
	// against a title that nothing else dates, or between headings that
	// disagree with nothing stated above them ("一、2012年工作回顾" over
	// "二、2012年工作总体部署": one of them is wrong). The later headings
	// then count too ("三、2012年主要任务").
	contested := !stated(ds) && disagree(ds)
	if contested {
		ds = append(ds, d.laterHeadingDatings()...)
	}
	if len(ds) == 0 || titled(ds) && !titleBacked(ds) || contested {
		ds = append(ds, d.milestoneDatings(true)...)
		if y := d.reviewSectionYear(true); y > 0 {
			ds = append(ds, zongjie.Dating{Source: zongjie.SourceBody, Year: y + 1})
		}
	}
	return ds
}

// laterHeadingDatings returns the datings of the dated review and plan
// headings of a 政府工作报告 after the first of each kind.
func (d *detector) laterHeadingDatings() []zongjie.Dating {
	var ds []zongjie.Dating
	var seenReview, seenPlan bool
	for _, s := range d.in.Sections {
		r, p := parseHeading(s.Title)
		switch {
		case r != nil && r.year > 0:
			if seenReview {
				ds = append(ds, zongjie.Dating{Source: zongjie.SourceHeading, Year: r.year + 1, Text: s.Title, Span: yearSpan(d.in.File, s.Span, r.year)})
			}
			seenReview = true
		case p != nil && p.year > 0 && !multiYearHeading(s.Title):
			if seenPlan {
				ds = append(ds, zongjie.Dating{Source: zongjie.SourceHeading, Year: p.year, Text: s.Title, Span: yearSpan(d.in.File, s.Span, p.year)})
			}
			seenPlan = true
		}
	}
	return ds
}

// stated reports whether the report states its year where it is
// delivered: its title, its subtitle or its session.
func stated(ds []zongjie.Dating) bool {
	for _, d := range ds {
		switch d.Source {
		case zongjie.SourceTitle, zongjie.SourceSubtitle, zongjie.SourceSession:
			return true
		}
	}
	return false
}

// disagree reports whether the datings give more than one year.
func disagree(ds []zongjie.Dating) bool {
	for _, d := range ds {
		if d.Year != ds[0].Year {
			return true
		}
	}
	return false
}

func titled(ds []zongjie.Dating) bool {
	for _, d := range ds {
		if d.Source == zongjie.SourceTitle {
			return true
		}
	}
	return false
}

// titleBacked reports whether a dating other than the title's gives the
// title's year: the title then cannot be overruled, and the weaker
// evidence, costly to read, is not needed.
func titleBacked(ds []zongjie.Dating) bool {
	for _, t := range ds {
		if t.Source != zongjie.SourceTitle {
			continue
		}
		for _, d := range ds {
			if d.Source != zongjie.SourceTitle && d.Year == t.Year {
				return true
			}
		}
	}
	return false
}

// fiveYearHeading reads the year of a 政府工作报告 from a top-level heading
// about a five-year plan and no single year: the review of one
// ("“十三五”时期经济社会发展回顾") is delivered the year after it ends, its
// goals ("“十四五”时期的主要目标任务", "关于“十五五”规划纲要的说明") in its
// first year. review says which.
func fiveYearHeading(title string) (year int, review, ok bool) {
	if ys, _ := years(title); len(ys) > 0 {
		return 0, false, false
	}
	for _, p := range fiveYearPlans {
		i := strings.Index(title, p.name)
		if i < 0 {
			continue
		}
		switch {
		case strings.Contains(title, "回顾") || strings.Contains(title, "总结"):
			return p.last + 1, true, true
		case strings.Contains(title, "目标") || strings.Contains(title, "任务") || strings.Contains(title, "规划") || strings.Contains(title, "建议"):
			return p.first, false, true
		}
	}
	return 0, false, false
}

// yearSpan returns the span of the first "YYYY年" of year y in span s.
func yearSpan(f *document.File, s document.Span, y int) document.Span {
	if i := strings.Index(f.Text[s.Start:s.End], strconv.Itoa(y)+"年"); i >= 0 {
		return document.Span{Start: s.Start + i, End: s.Start + i + 4}
	}
	return document.Span{}
}

// multiYearHeading reports whether a heading is about several years or a
// distant one: "今后五年的主要任务", "2035年远景目标".
func multiYearHeading(s string) bool {
	return multiYearWords.Contains(s) || strings.Contains(s, "远景")
}

var multiYearWords = words.NewSet("时期", "五年", "十三五", "十四五", "十五五", "以来", "历程", "期间", "届")

var milestoneSet = words.NewSet(MilestoneWords...)

// The relative years a sentence can say a milestone of, in the order they
// are looked for (longest first): the report's own year (今年), the one
// before or after, its reviewed or its planned year.
type relation int

const (
	relNone relation = iota
	relCurrent
	relLast
	relNext
	relReview
	relPlan
)

var relWords = []struct {
	word string
	rel  relation
}{
	{"刚刚过去的一年", relReview}, {"刚过去的一年", relReview}, {"过去的一年", relReview}, {"过去一年", relReview},
	{"新的一年", relPlan}, {"今年", relCurrent}, {"本年", relCurrent}, {"去年", relLast}, {"明年", relNext},
}

// milestoneDatings reads the report's year from milestone phrases: the
// year of the phrase, shifted by the relative year the sentence says it of
// ("今年是…开局之年", "刚刚过去的一年，是“十四五”收官之年"), or by the part
// it stands in when the sentence says none. Anniversaries count only with
// a relative year: a plan may look forward to one. gov says whether the
// report is a 政府工作报告 (its 今年 is the planned year).
func (d *detector) milestoneDatings(gov bool) []zongjie.Dating {
	var ds []zongjie.Dating
	base := d.in.Span.Start
	for _, m := range milestoneSet.All(d.text) {
		start, end := base+m.Start, base+m.Start+len(m.Word)
		y, phraseEnd, ok := MilestoneYear(d.in.File.Text, start, end)
		if !ok {
			continue
		}
		sentence := d.text[sentenceStartIn(d.text, m.Start):m.Start]
		// The relative year nearest before the phrase.
		rel, nearest := relNone, -1
		for _, w := range relWords {
			if i := strings.LastIndex(sentence, w.word); i >= 0 && i+len(w.word) > nearest {
				nearest, rel = i+len(w.word), w.rel
			}
		}
		if rel == relNone && !hasAnniversary(m.Word) {
			rel = d.partRelation(start)
		}
		if rel == relNone || hasYearBefore(sentence) {
			continue
		}
		cur := y
		switch {
		case rel == relLast:
			cur = y + 1
		case rel == relNext:
			cur = y - 1
		case rel == relReview && gov:
			cur = y + 1
		case rel == relPlan && !gov:
			cur = y - 1
		}
		ds = append(ds, zongjie.Dating{Source: zongjie.SourceMilestone, Year: cur, Text: d.in.File.Text[start:phraseEnd], Span: document.Span{Start: start, End: phraseEnd}})
	}
	return ds
}

func hasAnniversary(word string) bool {
	_, ok := anniversaryBase[word]
	return ok
}

// hasYearBefore reports whether a sentence states a year ("2018年是…"): the
// phrase is said of that year, not of the report's.
func hasYearBefore(sentence string) bool {
	ys, _ := years(sentence)
	return len(ys) > 0
}

// partRelation returns the relation of the top-level part holding byte off
// (of the file): its review or its plan, by the heading's words; none for a
// part about several years ("过去五年工作回顾") or of no clear kind.
func (d *detector) partRelation(off int) relation {
	for _, s := range d.in.Sections {
		if !s.Body.Contains(off) {
			continue
		}
		if multiYearHeading(s.Title) {
			return relNone
		}
		r, p := parseHeading(s.Title)
		switch {
		case p != nil || strings.Contains(s.Title, "今年"):
			return relPlan
		case r != nil || strings.Contains(s.Title, "回顾"):
			return relReview
		}
		return relNone
	}
	return relNone
}

// sentenceStartIn returns the start of the sentence holding byte i of s,
// at most 300 bytes before it.
func sentenceStartIn(s string, i int) int {
	for from := i; i > 0 && from-i < 300; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r == '。' || r == '！' || r == '？' || r == '；' || r == '\n' {
			break
		}
		i -= size
	}
	return i
}

// fileYear returns a year in a file's name ("2024年政府工作报告.docx",
// "report-2024.txt"), its byte offset in the base name, and whether one was
// found: four digits from 1949 to 2099 not touching other letters or
// digits, or followed by 年.
func fileYear(path string) (int, int, bool) {
	if path == "" || path == "-" {
		return 0, 0, false
	}
	name := filepath.Base(path)
	name = strings.TrimSuffix(name, filepath.Ext(name))
	isAlnum := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	for i := 0; i+4 <= len(name); i++ {
		if !isDigits4(name[i:i+4]) || i > 0 && isAlnum(name[i-1]) {
			continue
		}
		if i+4 < len(name) && isAlnum(name[i+4]) {
			continue
		}
		y, _ := strconv.Atoi(name[i : i+4])
		if y >= 1949 && y <= 2099 {
			return y, i, true
		}
	}
	return 0, 0, false
}

func isDigits4(s string) bool {
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

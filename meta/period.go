package meta

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/internal/words"
)

// claim is one statement of a reviewed or planned period.
type claim struct {
	year   int // 0 when not written
	period zongjie.Period
	text   string
	src    zongjie.Source // where the year was read
}

// periods fills m.Review, m.Plan, m.StatedPlan and m.PeriodSource.
func (d *detector) periods(m *zongjie.Meta) {
	if m.IsGovernmentReport() {
		d.govPeriods(m)
		return
	}
	var review, plan *claim
	stated := (*claim)(nil)

	// The title, then the introduction's "现将…如下" sentence, then the
	// top-level headings.
	sources := []struct {
		text string
		src  zongjie.Source
	}{{d.in.Title, zongjie.SourceTitle}, {lead(d.intro), zongjie.SourceIntro}}
	var titleReview, titlePlan, leadReview *claim
	for _, source := range sources {
		if source.text == "" {
			continue
		}
		r, p := parseTitle(source.text, source.src)
		if source.src == zongjie.SourceTitle {
			titleReview, titlePlan = r, p
		} else {
			leadReview = r
		}
		if review == nil && r != nil {
			review = r
		}
		if p != nil {
			if plan == nil {
				plan = p
			} else if p.year != 0 && plan.year != 0 && p.year != plan.year && stated == nil {
				stated = p // the introduction contradicts the title
			}
		}
	}
	heads := make([]heading, len(d.in.Sections))
	for i, s := range d.in.Sections {
		r, p := parseHeading(s.Title)
		heads[i] = heading{s, r, p}
		if review == nil && r != nil {
			review = r
		}
		if plan == nil && p != nil {
			plan = p
		}
	}
	// A title whose year the rest of the report contradicts (last year's
	// title on this year's report) loses to it, as in a 政府工作报告: the
	// review moves to the year the rest gives, a plan from the title is
	// then a stated plan of the wrong year.
	overruled := false
	if ty := titleReviewYear(d.in.Title, titleReview, titlePlan); ty > 0 && review != nil && review.year > 0 {
		ds := d.summaryDatings(ty, leadReview, heads)
		if y, src, ok := titleOverruled(ds); ok && review.src == zongjie.SourceTitle {
			review.year, review.src, overruled = y, src, true
		}
		m.Dating = ds
	}
	// A mid-year speech (年中工作会议) reviews the first half.
	if review != nil && review.period == "" && strings.Contains(d.in.Title, "年中") {
		review.period = zongjie.PeriodH1
	}
	// A plan for a later year follows a full-year review, whatever the body
	// says (2024年工作总结及2025年工作计划 that opens with 半年来).
	if review != nil && review.period == "" && plan != nil && review.year > 0 && plan.year > review.year {
		review.period = zongjie.PeriodFullYear
	}
	// Body clues for the period of the review.
	if review != nil && review.period == "" {
		review.period = d.bodyPeriod()
	}
	// A speech at a meeting of a year ("在全镇2026年经济工作会议上的讲话")
	// is given early in that year: it reviews the year before and plans
	// its own (titleReviewYear: the meeting's year says nothing else). A
	// meeting of a part of the year (年中, 上半年, 一季度, 前三季度) reviews
	// that part.
	if review == nil && m.DocType == "讲话" {
		if y, part := meetingYear(d.in.Title); y > 0 && (plan == nil || plan.year == 0 || plan.year == y) && !d.heldLate(y) {
			switch part {
			case "":
				review = &claim{year: y - 1, period: zongjie.PeriodFullYear, src: zongjie.SourceMeeting}
			case zongjie.PeriodH1, zongjie.PeriodQ1, zongjie.PeriodQ2, zongjie.PeriodQ3, zongjie.PeriodQ1Q3:
				// A meeting of a part of the year reviews that part
				// and plans the next.
				review = &claim{year: y, period: part, src: zongjie.SourceTitle}
			}
			if review != nil && plan == nil {
				plan = &claim{} // the period after the review, below
			}
		}
	}
	// A speech whose title names no year: the date of a line under its
	// title, or the date it is signed with at its end, given the year has
	// begun (April on), reviews that year so far — also where a heading
	// names the part of the year it reviews and no year (一、上半年…取得的
	// 成效). Dates that disagree, or a year written in its opening that is
	// another, leave it undated: no year is better than a wrong one.
	undated := false
	datedMonth := 0 // the month of such a dated speech
	if ys, _ := years(d.in.Title); (review == nil || review.year == 0) && len(ys) == 0 && (plan == nil || plan.year == 0) && m.DocType == "讲话" {
		y, month, src, ok := d.speechDate()
		switch {
		case src == "":
		case !ok || month < 4:
			undated = true
		case review != nil:
			review.year, review.src = y, src
			if review.period == "" {
				review.period = d.speechPeriod()
			}
			datedMonth = month
			if plan == nil && d.plansPeriod(nextTerm(review).period) {
				plan = &claim{}
			}
		default:
			review = &claim{year: y, period: d.speechPeriod(), src: src}
			datedMonth = month
			if plan == nil && d.plansSecondHalf() {
				plan = &claim{}
			}
		}
	}
	// A speech with no year in its title, header or signature: the year
	// its body tells as the year so far ("2026年以来", "2026年上半年"),
	// when it speaks of 今年 and the year is the same throughout.
	if review == nil && !undated && (plan == nil || plan.year == 0) && m.DocType == "讲话" {
		if fy, _ := d.firstYear(); fy == 0 {
			if y, period, ok := d.yearSoFar(); ok {
				review = &claim{year: y, period: d.speechPeriod(), src: zongjie.SourceBody}
				if period == zongjie.PeriodH1 {
					review.period = zongjie.PeriodH1
				}
				if plan == nil && d.plansSecondHalf() {
					plan = &claim{}
				}
			}
		}
	}
	// A 述职报告 reviews the year it names, as a summary does.
	if review == nil && !undated && (m.DocType == "工作总结" || m.DocType == "讲话" || m.DocType == "述职报告" || strings.Contains(d.intro, "总结如下")) {
		if y, src := d.firstYear(); y > 0 {
			review = &claim{year: y, period: d.bodyPeriod(), src: src}
			if m.DocType == "讲话" && d.plansSecondHalf() {
				review.period, plan = zongjie.PeriodH1, &claim{}
			}
		}
	}
	if review != nil && review.year == 0 {
		review.year, review.src = d.firstYear()
	}
	if review != nil && review.period == "" {
		review.period = zongjie.PeriodFullYear
	}

	// The plan follows the review; a plan year that does not is a stated
	// error, kept apart (2023年工作总结及2023年工作计划).
	if review != nil && plan == nil && (d.hasPlanSection() || d.hasPlanParagraph(review)) {
		plan = &claim{}
	}
	// Such a speech, dated by September, that reviews the year so far
	// sets out its next steps (下一步怎么干) for the rest of that year, the
	// second half (年底前 is this year's end), not for the next year; one
	// later in the year, or a plan that names its time (明年工作打算),
	// keeps the period after the review.
	if datedMonth > 0 && datedMonth <= 9 && review.period == zongjie.PeriodFullYear &&
		plan != nil && plan.year == 0 && plan.period == "" && (strings.Contains(plan.text, "下一步") || strings.Contains(plan.text, "下步")) {
		plan.year, plan.period, plan.src = review.year, zongjie.PeriodH2, review.src
	}
	if review != nil && plan != nil {
		next := nextTerm(review)
		if plan.period == "" {
			plan.period = next.period
		}
		if plan.year == 0 {
			plan.year, plan.src = next.year, review.src
		} else if plan.year != next.year && plan.period == next.period {
			if stated == nil {
				stated = &claim{year: plan.year, period: plan.period, text: plan.text}
			}
			plan.year, plan.src = next.year, review.src
		}
	}
	if plan != nil && plan.period == "" {
		plan.period = zongjie.PeriodFullYear
	}
	if plan != nil && plan.year == 0 && review == nil {
		plan.year, plan.src = d.firstYear()
	}

	// No year written anywhere: a milestone phrase ("今年是…开局之年"),
	// else the file's name.
	if (review == nil || review.year == 0) && (plan == nil || plan.year == 0) && (review != nil || plan != nil) {
		y, src := 0, zongjie.Source("")
		if ds := d.milestoneDatings(false); len(ds) > 0 {
			y, src = vote(ds)
		}
		if y == 0 {
			y, _, _ = fileYear(d.in.File.Path)
			src = zongjie.SourceFileName
		}
		if y > 0 {
			if review != nil {
				review.year, review.src = y, src
				if plan != nil {
					next := nextTerm(review)
					plan.year, plan.src = next.year, src
				}
			} else {
				plan.year, plan.src = y, src
			}
		}
	}
	m.Review = term(review)
	m.Plan = term(plan)
	// The source is the strongest that states the year: a title that
	// writes it outranks the heading it was taken from.
	switch {
	case overruled, review != nil && review.src == zongjie.SourceMeeting:
		m.PeriodSource = review.src
	case review != nil && review.year > 0:
		m.PeriodSource = strongest(review.year, review.src, d.in.Title, lead(d.intro))
	case plan != nil && plan.year > 0:
		m.PeriodSource = strongest(plan.year, plan.src, d.in.Title, lead(d.intro))
	}
	if stated != nil && m.Plan != nil && (stated.year != m.Plan.Year) {
		st := term(stated)
		if st.Period == "" {
			st.Period = m.Plan.Period
		}
		m.StatedPlan = st
	}
}

// titleReviewYear returns the year a title says a report reviews: the
// year of its summary part ("2024年工作总结及2025年工作计划"), or of a
// part of the year it names ("2023年年中工作会议讲话"); 0 for none. The
// year of a meeting alone says nothing of it: a 2024年经济工作会议 early
// in 2024 reviews 2023.
func titleReviewYear(title string, r, p *claim) int {
	switch {
	case r != nil:
		return r.year
	case p != nil:
		return 0
	}
	switch periodWords(title) {
	case zongjie.PeriodH1, zongjie.PeriodQ1, zongjie.PeriodQ2, zongjie.PeriodQ3, zongjie.PeriodQ1Q3:
		if ys, _ := years(title); len(ys) > 0 {
			return ys[0]
		}
	}
	return 0
}

// heldLate reports whether a dated line of the header puts the meeting in
// the second half of year y ("（2026年9月10日）"): a meeting of the year held
// then reviews the year so far, not the year before.
func (d *detector) heldLate(y int) bool {
	for _, h := range d.header() {
		if hy, month, _, ok := headerDate(h.text); ok && hy == y && month >= 7 {
			return true
		}
	}
	return false
}

// meetingYear returns the year of the meeting a speech's title names
// ("在全镇2026年经济工作会议上的讲话", "2026年安全生产工作部署会讲话"): its
// first year, followed in the title by a meeting (会), and the part of the
// year the title names ("2026年上半年经济形势分析会", "年中工作会议"; "" for
// none); 0 when the title names no meeting after a year.
func meetingYear(title string) (int, zongjie.Period) {
	ys, offs := years(title)
	if len(ys) == 0 || !strings.Contains(title[offs[0]:], "会") {
		return 0, ""
	}
	return ys[0], periodWords(title)
}

// heading is a top-level section with the review and plan its heading
// states.
type heading struct {
	s            *zongjie.Section
	review, plan *claim
}

// summaryDatings collects the statements of the year a summary reviews:
// the title's (which says year), the lead sentence's (lead, as parsed),
// the first review heading's and the first plan heading's (the year
// before a full-year plan's, the same as a half-year plan's), the latest
// year told as done in the first part, and the milestones (these two only
// when nothing else backs the title).
func (d *detector) summaryDatings(year int, lead *claim, heads []heading) []zongjie.Dating {
	ds := []zongjie.Dating{{Source: zongjie.SourceTitle, Year: year, Text: d.in.Title}}
	f := d.in.File
	if t := d.in.TitleSpan; t.Len() > 0 {
		if i := strings.Index(f.Text[t.Start:t.End], strconv.Itoa(year)+"年"); i >= 0 {
			ds[0].Span = document.Span{Start: t.Start + i, End: t.Start + i + 4}
		}
	}
	if lead != nil && lead.year > 0 {
		ds = append(ds, zongjie.Dating{Source: zongjie.SourceIntro, Year: lead.year, Text: lead.text})
	}
	var gotReview, gotPlan bool
	for _, h := range heads {
		r, p, s := h.review, h.plan, h.s
		switch {
		case r != nil && r.year > 0 && !gotReview:
			gotReview = true
			ds = append(ds, zongjie.Dating{Source: zongjie.SourceHeading, Year: r.year, Text: s.Title, Span: yearSpan(f, s.Span, r.year)})
		case p != nil && p.year > 0 && !gotPlan && !multiYearHeading(s.Title):
			gotPlan = true
			y := p.year - 1
			switch p.period {
			case zongjie.PeriodH2, zongjie.PeriodQ2, zongjie.PeriodQ3, zongjie.PeriodQ4:
				y = p.year
			}
			ds = append(ds, zongjie.Dating{Source: zongjie.SourceHeading, Year: y, Text: s.Title, Span: yearSpan(f, s.Span, p.year)})
		}
	}
	if titleBacked(ds) {
		return ds
	}
	if y := d.reviewSectionYear(false); y > 0 {
		ds = append(ds, zongjie.Dating{Source: zongjie.SourceBody, Year: y})
	}
	return append(ds, d.milestoneDatings(false)...)
}

// strongest returns the strongest source that writes year y: the title,
// the lead sentence, else src.
func strongest(y int, src zongjie.Source, title, lead string) zongjie.Source {
	for _, st := range []struct {
		text string
		src  zongjie.Source
	}{{title, zongjie.SourceTitle}, {lead, zongjie.SourceIntro}} {
		if ys, _ := years(st.text); containsInt(ys, y) && rankOf(st.src) < rankOf(src) {
			return st.src
		}
	}
	return src
}

func term(c *claim) *zongjie.Term {
	if c == nil {
		return nil
	}
	return &zongjie.Term{Year: c.year, Period: c.period, Text: c.text}
}

// nextTerm returns the period that follows a reviewed one.
func nextTerm(r *claim) claim {
	switch r.period {
	case zongjie.PeriodH1:
		return claim{year: r.year, period: zongjie.PeriodH2}
	case zongjie.PeriodQ1:
		return claim{year: r.year, period: zongjie.PeriodQ2}
	case zongjie.PeriodQ2:
		return claim{year: r.year, period: zongjie.PeriodQ3}
	case zongjie.PeriodQ3, zongjie.PeriodQ1Q3:
		return claim{year: r.year, period: zongjie.PeriodQ4}
	}
	if r.year == 0 {
		return claim{period: zongjie.PeriodFullYear}
	}
	return claim{year: r.year + 1, period: zongjie.PeriodFullYear}
}

// lead returns the sentence of the introduction that says what the report
// is: "现将…总结如下", "现将我镇…报告如下".
func lead(intro string) string {
	i := strings.Index(intro, "现将")
	if i < 0 {
		return ""
	}
	s := intro[i:]
	if j := strings.IndexAny(s, "：:。\n"); j >= 0 {
		s = s[:j]
	}
	return s
}

// The words that mark a reviewed part and a planned part.
var (
	reviewMarks = []string{"工作总结", "总结", "工作回顾", "回顾", "开展情况", "完成情况", "工作情况"}
	planMarks   = []string{"工作计划", "计划", "工作思路", "思路", "工作打算", "打算", "工作安排", "工作任务", "任务", "工作要点", "要点", "工作部署", "部署", "重点工作"}
)

// parseTitle reads the reviewed and planned periods of a title or lead
// sentence. The title is split at 及, 暨, 和, 与, 兼; each part that names a
// summary or a plan gives a claim with the year and period written in it
// (or in the part before: "2023年上半年工作总结暨下半年工作计划").
func parseTitle(s string, src zongjie.Source) (review, plan *claim) {
	parts := splitTitle(s)
	lastYear := 0
	for _, p := range parts {
		y, per := yearAndPeriod(p)
		if y == 0 {
			y = lastYear
		}
		lastYear = y
		c := &claim{year: y, period: per, text: p}
		if y > 0 {
			c.src = src
		}
		switch {
		case containsAnyWord(p, planMarks) && !containsAnyWord(p, reviewMarks):
			if plan == nil {
				plan = c
			}
		case containsAnyWord(p, reviewMarks):
			if review == nil {
				review = c
			}
		}
	}
	return review, plan
}

// parseHeading reads a top-level heading: "2022年工作总结" reviews 2022,
// "下一步工作计划" plans the next period, "2023年下半年工作任务" plans 2023H2.
func parseHeading(s string) (review, plan *claim) {
	y, per := yearAndPeriod(s)
	c := &claim{year: y, period: per, text: s}
	if y > 0 {
		c.src = zongjie.SourceHeading
	}
	switch {
	case strings.Contains(s, "下一步") || strings.Contains(s, "下步") || containsAnyWord(s, planMarks) && !containsAnyWord(s, reviewMarks):
		return nil, c
	case containsAnyWord(s, reviewMarks) || strings.Contains(s, "成效") || strings.Contains(s, "成绩"):
		if y == 0 && per == "" {
			return nil, nil // "主要工作" without a year says nothing of the period
		}
		return c, nil
	}
	return nil, nil
}

func splitTitle(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); {
		matched := ""
		for _, w := range []string{"及", "暨", "和", "与", "兼", "、"} {
			if strings.HasPrefix(s[i:], w) {
				matched = w
				break
			}
		}
		if matched != "" {
			parts = append(parts, s[start:i])
			i += len(matched)
			start = i
			continue
		}
		i++
	}
	return append(parts, s[start:])
}

// yearAndPeriod reads the year and period words of a title part.
func yearAndPeriod(s string) (int, zongjie.Period) {
	y := 0
	if ys, _ := years(s); len(ys) > 0 {
		y = ys[0]
	}
	return y, periodWords(s)
}

// periodWords finds the period named in s, "" if none.
func periodWords(s string) zongjie.Period {
	switch {
	case strings.Contains(s, "上半年") || strings.Contains(s, "1-6月") || strings.Contains(s, "1－6月") || strings.Contains(s, "年中"):
		return zongjie.PeriodH1
	case strings.Contains(s, "下半年"):
		return zongjie.PeriodH2
	case strings.Contains(s, "前三季度") || strings.Contains(s, "1-9月") || strings.Contains(s, "1－9月"):
		return zongjie.PeriodQ1Q3
	case strings.Contains(s, "第一季度") || strings.Contains(s, "一季度"):
		return zongjie.PeriodQ1
	case strings.Contains(s, "第二季度") || strings.Contains(s, "二季度"):
		return zongjie.PeriodQ2
	case strings.Contains(s, "第三季度") || strings.Contains(s, "三季度"):
		return zongjie.PeriodQ3
	case strings.Contains(s, "第四季度") || strings.Contains(s, "四季度"):
		return zongjie.PeriodQ4
	case strings.Contains(s, "全年") || strings.Contains(s, "年度") || strings.Contains(s, "一年来"):
		return zongjie.PeriodFullYear
	}
	return ""
}

// yearSoFar returns the year a speech's body names as the year so far,
// and the part of it named: a year followed by 以来, 上半年, 1-6月, 前三季度
// … or after 截至 ("截至2026年6月底"), outside a clause that looks ahead;
// ok when the text speaks of 今年 (今年以来, 今年上半年) and every such year
// is the same. The part is the first half when one of them says so.
func (d *detector) yearSoFar() (year int, period zongjie.Period, ok bool) {
	if !strings.Contains(d.text, "今年") {
		return 0, "", false
	}
	ys, offs := years(d.text)
	for k, y := range ys {
		after := d.text[offs[k]+len("2024年"):]
		before := d.text[:offs[k]]
		p := zongjie.Period("")
		switch {
		case strings.HasPrefix(after, "以来"):
			p = zongjie.PeriodFullYear
		case strings.HasSuffix(before, "截至") || strings.HasSuffix(before, "截止"):
			p = zongjie.PeriodFullYear
		default:
			// A part from the year's start; 全年 or 下半年 is a year
			// past ("2025年全年为280处").
			switch p = periodWords(after[:min(len(after), len("前三季度"))]); p {
			case zongjie.PeriodH1, zongjie.PeriodQ1, zongjie.PeriodQ1Q3:
			default:
				p = ""
			}
			if p == "" && (strings.HasPrefix(after, "1-") || strings.HasPrefix(after, "1－") || strings.HasPrefix(after, "1—")) {
				p = zongjie.PeriodFullYear
			}
		}
		if p == "" || futureClause.Contains(clauseAt(d.text, offs[k])) {
			continue
		}
		if year != 0 && y != year {
			return 0, "", false
		}
		if period == "" || p == zongjie.PeriodH1 {
			period = p
		}
		year = y
	}
	return year, period, year != 0
}

// speechPeriod is the period a speech reviews, given the year it is
// in: the first half when it says so (bodyPeriod) or when it sets out the
// work of the second (一、…二、抓好下半年工作), else the year so far.
func (d *detector) speechPeriod() zongjie.Period {
	if p := d.bodyPeriod(); p != "" {
		return p
	}
	if d.plansSecondHalf() {
		return zongjie.PeriodH1
	}
	return zongjie.PeriodFullYear
}

// plansSecondHalf reports whether a top-level heading names the second
// half of the year (二、扎实抓好下半年工作).
func (d *detector) plansSecondHalf() bool {
	return d.plansPeriod(zongjie.PeriodH2)
}

// plansPeriod reports whether a top-level heading names a part p of the
// year (二、扎实抓好第四季度工作 for the fourth quarter).
func (d *detector) plansPeriod(p zongjie.Period) bool {
	for _, s := range d.in.Sections {
		if s.Level == 1 && periodWords(s.Title) == p {
			return true
		}
	}
	return false
}

// speechDate returns the date a speech is given, and where it was read:
// a dated line under its title ("（2026年9月8日）", subtitle), else the
// date it is signed with (signature). ok is false, with a source, when
// the evidence conflicts: the two dates name different years, or the
// opening writes another year first.
func (d *detector) speechDate() (year, month int, src zongjie.Source, ok bool) {
	line := ""
	for _, h := range d.header() {
		if y, mo, _, dated := headerDate(h.text); dated {
			year, month, src, line = y, mo, zongjie.SourceSubtitle, h.text
			break
		}
	}
	if sy, smo, signed := d.signatureDate(); signed {
		switch {
		case src == "":
			year, month, src = sy, smo, zongjie.SourceSignature
		case sy != year:
			return 0, 0, src, false
		}
	}
	if src == "" {
		return 0, 0, "", false
	}
	intro := d.intro
	if line != "" {
		intro = strings.Replace(intro, line, "", 1)
	}
	if ys, _ := years(intro); len(ys) > 0 && ys[0] != year {
		return 0, 0, src, false
	}
	return year, month, src, true
}

// signatureDate returns the date a text is signed with at its end: a line
// that is a date alone ("2026年7月15日", "（2026年7月15日）"), among its last
// three lines (after the signing unit, "桂园街道党工委").
func (d *detector) signatureDate() (year, month int, ok bool) {
	lines := strings.Split(d.text, "\n")
	for k, n := len(lines)-1, 0; k >= 0 && n < 3; k-- {
		line := words.TrimSpace(lines[k])
		if line == "" {
			continue
		}
		n++
		if y, m, ok := dateLine(line); ok {
			return y, m, true
		}
	}
	return 0, 0, false
}

// dateLine reads a line that is a date alone, in brackets or not:
// "2026年7月15日".
func dateLine(line string) (year, month int, ok bool) {
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasPrefix(line, b[0]) && strings.HasSuffix(line, b[1]) {
			line = words.TrimSpace(line[len(b[0]) : len(line)-len(b[1])])
		}
	}
	y, n := leadingInt(line)
	if n != 4 || y < 1949 || y > 2100 || !strings.HasPrefix(line[n:], "年") {
		return 0, 0, false
	}
	rest := line[n+len("年"):]
	if m, size, ok := monthDay(rest); ok && size == len(rest) {
		return y, m, true
	}
	return 0, 0, false
}

// bodyPeriod reads the period of a report from its opening words:
// 今年上半年, 半年来, 1－6月 mean the first half.
func (d *detector) bodyPeriod() zongjie.Period {
	head := d.intro
	for _, w := range []string{"今年上半年", "半年来", "上半年来", "1－6月", "1-6月", "上半年工作"} {
		if strings.Contains(head, w) {
			return zongjie.PeriodH1
		}
	}
	for _, s := range d.in.Sections {
		if s.Level == 1 && strings.Contains(s.Title, "上半年") {
			return zongjie.PeriodH1
		}
	}
	return ""
}

// reviewSectionYear returns the latest year the first top-level section
// tells as done, written at least twice, or 0; with opening, else the year
// its text opens with as its subject ("2026年是…很不平凡的一年", "2026年，面对…")
// where it reviews no span of years (过去五年): a 政府工作报告 dated nowhere
// else. A year in a clause that looks ahead (将, 力争, 目标 …) is not told
// as done.
func (d *detector) reviewSectionYear(opening bool) int {
	if len(d.in.Sections) == 0 {
		return 0
	}
	b := d.in.Sections[0].Body
	text := d.in.File.Text[b.Start:b.End]
	ys, offs := years(text)
	counts := map[int]int{}
	best, first := 0, 0
	for k, y := range ys {
		if futureClause.Contains(clauseAt(text, offs[k])) || aheadOf(text, offs[k]) {
			continue
		}
		counts[y]++
		if counts[y] >= 2 && y > best {
			best = y
		}
		if k == 0 && opening && !strings.Contains(d.in.Sections[0].Title, "五年") && opensText(text, offs[k], d.in.Sections[0].Span.End-b.Start) {
			first = y
		}
	}
	if best == 0 {
		return first
	}
	return best
}

// opensText reports whether the year at byte i of a section's text opens
// its first paragraph after its heading (which ends at byte head) as the
// subject of a sentence that tells it as done: "2026年，面对…", "2026年是…
// 很不平凡的一年". A sentence that looks ahead (2026年，全县将…) or names a
// milestone (2021年是“十四五”开局之年, the first of five years reviewed)
// does not.
func opensText(text string, i, head int) bool {
	if head < 0 || head > i || strings.TrimLeft(text[head:i], " 　\t\n") != "" {
		return false
	}
	after := text[i+len("2026年"):]
	sentence := after
	if j := strings.IndexAny(after, "。\n"); j >= 0 {
		sentence = after[:j]
	}
	if futureClause.Contains(sentence) {
		return false
	}
	switch {
	case strings.HasPrefix(after, "，"), strings.HasPrefix(after, ","):
		return true
	case strings.HasPrefix(after, "是"):
		return strings.HasSuffix(sentence, "一年")
	}
	return false
}

// futureClause are the words of a clause that looks ahead.
var futureClause = words.NewSet("将", "力争", "预计", "计划", "目标", "争取", "确保", "远景")

// aheadOf reports whether the year at byte i of s is a time ahead by the
// words around it: a purpose or an end (为2024年…, 到2025年, 迎接2024年), a
// deadline or a start (2024年前, 2024年起), a range (2024—2025年).
func aheadOf(s string, i int) bool {
	return aheadBefore.Suffix(s[:i]) != "" || aheadAfter.At(s, i+len("2024年")) != ""
}

// The words right before and right after a year that make it a time
// ahead (aheadOf).
var (
	aheadBefore = words.NewSet("为", "到", "至", "迎接", "面向", "迈向", "—", "－", "-", "～")
	aheadAfter  = words.NewSet("前", "以前", "之前", "起", "以后", "至", "到", "—", "－", "-", "～")
)

// clauseAt returns the clause of s around byte i, at most 150 bytes
// either side (a paragraph without punctuation costs no more).
func clauseAt(s string, i int) string {
	start, end := i, i
	for start > 0 && i-start < 150 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if strings.ContainsRune("，。；！？：\n,;!?:", r) {
			break
		}
		start -= size
	}
	for end < len(s) && end-i < 150 {
		r, size := utf8.DecodeRuneInString(s[end:])
		if strings.ContainsRune("，。；！？：\n,;!?:", r) {
			break
		}
		end += size
	}
	return s[start:end]
}

// firstYear returns the first year written in the title or introduction,
// else in a heading, and where it was read.
func (d *detector) firstYear() (int, zongjie.Source) {
	if ys, _ := years(d.in.Title); len(ys) > 0 {
		return ys[0], zongjie.SourceTitle
	}
	if ys, _ := years(d.intro); len(ys) > 0 {
		return ys[0], zongjie.SourceIntro
	}
	for _, s := range d.in.Sections {
		if ys, _ := years(s.Title); len(ys) > 0 {
			return ys[0], zongjie.SourceHeading
		}
	}
	return 0, ""
}

func (d *detector) hasPlanSection() bool {
	for _, s := range d.in.Sections {
		if s.Level == 1 {
			if _, p := parseHeading(s.Title); p != nil {
				return true
			}
		}
	}
	return false
}

// hasPlanParagraph reports whether a paragraph with no heading opens the
// plan of the period after the review: the next year, or 下半年 after a
// first half, then what the unit will do ("2027年，我镇将重点抓好以下
// 工作：一是…"). A paragraph that only names the year ("2027年是…") plans
// nothing.
func (d *detector) hasPlanParagraph(review *claim) bool {
	var opens []string
	if review.year > 0 {
		opens = append(opens, strconv.Itoa(review.year+1)+"年，", strconv.Itoa(review.year+1)+"年,")
	}
	if review.period == zongjie.PeriodH1 {
		opens = append(opens, "下半年，", "下半年,")
	}
	for _, para := range strings.Split(d.text, "\n") {
		para = strings.TrimLeft(para, " 　\t")
		for _, o := range opens {
			if rest, ok := strings.CutPrefix(para, o); ok {
				if i := strings.Index(rest, "将"); i >= 0 && i < 12*3 {
					return true
				}
			}
		}
	}
	return false
}

func containsAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

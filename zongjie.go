// Package zongjie holds the domain types of the program: a Report found in
// an input file, with its metadata, outline, quantities and targets.
//
// The pipeline is visible in the package layout:
//
//	reader    bytes → *document.File (txt, md, docx; encodings; positions)
//	outline   headings, report boundaries and the section tree
//	meta      unit, level, years, period, genre
//	quantity  every figure with its unit, base value, name and growth
//	target    the figures a plan commits to
//	extract   runs the analyzers over a file and returns []*Report
//	output    text, JSON and CSV renderings
//
// The types here are the stable JSON contract read by later tools; fields
// may be added, never renamed or dropped. Byte spans used inside the
// program are kept in fields tagged json:"-"; everything a user sees is in
// characters (see document.Location).
package zongjie

import "zongjie/document"

// Report is one report found in a file. A file usually holds one; a file
// that pastes several together (one title line each) holds several.
type Report struct {
	Path          string     `json:"path"`
	Index         int        `json:"index"` // 0-based position in the file
	Title         string     `json:"title"`
	TitleInferred bool       `json:"title_inferred,omitempty"` // no title line: Title is made from the metadata
	Meta          Meta       `json:"meta"`
	Line          int        `json:"line"`     // first line of the report in the file
	EndLine       int        `json:"end_line"` // last line
	Offset        int        `json:"offset"`   // characters from the start of the file
	Length        int        `json:"length"`   // characters
	Outline       []*Section `json:"outline"`
	Quantities    []Quantity `json:"quantities"`
	Targets       []Target   `json:"targets"`
	// Asides are the parts of the report that are not its body: a
	// glossary, notes, attachments, text appended to it (see Aside).
	Asides []Aside `json:"asides,omitempty"`

	Span      document.Span `json:"-"` // the report's bytes in the file
	TitleSpan document.Span `json:"-"` // the title line, if any
	// Refs are the reference marks inside the body: endnote marks after a
	// term ("“四个不摘”［12］", 〔3〕, [4]) and page references ("（见第24页）").
	// They are neither headings nor figures.
	Refs []document.Span `json:"-"`
	// Namer, when set, names the quantities of the paragraph of the file
	// spanning para (a paragraph within Span): the extraction left every
	// quantity's Name and Also empty (extract.Options.NoNames) and names
	// them only when asked (check.Pass.NameOf). It returns the
	// quantities of para as the full extraction gives them.
	Namer func(para document.Span) []Quantity `json:"-"`
}

// InBody reports whether byte offset off lies in the report's body: inside
// the report and outside its asides.
func (r *Report) InBody(off int) bool {
	if !r.Span.Contains(off) {
		return false
	}
	for _, a := range r.Asides {
		if a.Span.Contains(off) {
			return false
		}
	}
	return true
}

// AsideKind says what a part outside a report's body is.
type AsideKind string

// Aside kinds.
const (
	AsideGlossary    AsideKind = "glossary"    // 名词解释, 注释: entries explaining terms marked in the text
	AsideNotes       AsideKind = "notes"       // 注：, 说明：
	AsideAttachment  AsideKind = "attachment"  // 附件, 附表, 附录
	AsideBoilerplate AsideKind = "boilerplate" // text appended that is not the report's: a licence, a disclaimer
)

// Aside is a part of a report that is not its body: a glossary of terms
// (名词解释 with entries "［12］“四个不摘”：…"), notes, an attachment, or
// text appended to the report that is not the report's own (the licence a
// web library adds). An aside is not in the outline, so the numbering
// rules leave it alone. The numbers of a glossary, notes or boilerplate are
// not the report's figures nor its targets (an attachment's are: it is a
// document of the unit's own), and the repeat rule does not count a
// glossary entry or a note restating the text.
type Aside struct {
	Kind    AsideKind `json:"kind"`
	Title   string    `json:"title,omitempty"` // the line that opens it ("《政府工作报告》名词解释"), if any
	Line    int       `json:"line"`
	EndLine int       `json:"end_line"`
	Offset  int       `json:"offset"` // characters from the start of the file
	Length  int       `json:"length"`

	Span document.Span `json:"-"`
}

// Level is the administrative level of the reporting unit.
type Level string

// Levels, from the grassroots up.
const (
	LevelCommunity Level = "community" // 社区 (a 居委会 under a 街道 or 镇)
	LevelStreet    Level = "street"    // 街道
	LevelTown      Level = "town"      // 镇
	LevelTownship  Level = "township"  // 乡
	LevelDistrict  Level = "district"  // 区
	LevelCounty    Level = "county"    // 县
	LevelCity      Level = "city"      // 市
	LevelProvince  Level = "province"  // 省, 自治区, 直辖市
	LevelNational  Level = "national"  // 国务院
	// LevelDepartment is a department of a government (区民政局, 县住建局):
	// its unit is the department, its parent the government's area.
	LevelDepartment Level = "department" // 局, 委员会, 办公室
)

// Period is the span of time a report covers.
type Period string

// Periods.
const (
	PeriodFullYear Period = "FY"
	PeriodH1       Period = "H1"
	PeriodH2       Period = "H2"
	PeriodQ1       Period = "Q1"
	PeriodQ2       Period = "Q2"
	PeriodQ3       Period = "Q3"
	PeriodQ4       Period = "Q4"
	PeriodQ1Q3     Period = "Q1-Q3" // 前三季度
	PeriodMulti    Period = "multi-year"
)

// Words names a part of a year as a report's title does after the year
// (上半年, 第一季度, 前三季度); "" for a full year and for several years.
func (p Period) Words() string {
	switch p {
	case PeriodH1:
		return "上半年"
	case PeriodH2:
		return "下半年"
	case PeriodQ1:
		return "第一季度"
	case PeriodQ2:
		return "第二季度"
	case PeriodQ3:
		return "第三季度"
	case PeriodQ4:
		return "第四季度"
	case PeriodQ1Q3:
		return "前三季度"
	}
	return ""
}

// Genre is what kind of text a report is.
type Genre string

// Genres.
const (
	GenreSummary     Genre = "summary"      // 工作总结
	GenrePlan        Genre = "plan"         // 工作计划, 工作要点
	GenreSummaryPlan Genre = "summary+plan" // 总结及计划, 政府工作报告
	GenreSpeech      Genre = "speech"       // 讲话
)

// Term is a period of a given year, as reviewed or planned by a report.
type Term struct {
	Year   int    `json:"year"`
	Period Period `json:"period"`
	Text   string `json:"text,omitempty"` // the words that gave it, e.g. "2023年上半年"
}

// TermOf returns the term of a year and a period code as the store keeps
// them ("H1"; "" for a full year); nil for year 0.
func TermOf(year int, period string) *Term {
	if year == 0 {
		return nil
	}
	p := Period(period)
	if p == "" {
		p = PeriodFullYear
	}
	return &Term{Year: year, Period: p}
}

// Meta is what a report says about itself.
type Meta struct {
	Unit string `json:"unit"` // 青禾街道, or the placeholder text ("**街道")
	// UnitPlaceholder is set when the unit's name is anonymised ("xx镇").
	UnitPlaceholder bool `json:"unit_placeholder,omitempty"`
	// Parent is the unit the reporting unit belongs to, when the report
	// names both ("保定市满城区": unit 满城区, parent 保定市).
	Parent string `json:"parent,omitempty"`
	// UnitSource says where the unit (or, without a name, the level) was
	// read: title, session, speaker, intro, body (an anonymised name, or
	// the level from self references such as 我镇), user; "" when unknown.
	UnitSource Source `json:"unit_source,omitempty"`
	Level      Level  `json:"level"`
	Years      []int  `json:"years"`  // the years reviewed and planned, ascending
	Period     Period `json:"period"` // of the reviewed part (of the plan for a plan)
	Genre      Genre  `json:"genre"`
	// DocType is the document type as the report names itself:
	// 工作总结, 工作计划, 政府工作报告, 讲话 …
	DocType string `json:"doc_type"`
	Review  *Term  `json:"review,omitempty"` // the period reviewed
	Plan    *Term  `json:"plan,omitempty"`   // the period planned
	// StatedPlan is the plan period as the title or introduction states it,
	// when it differs from the logical one (a 2023 summary "及2023年工作计划").
	StatedPlan *Term `json:"stated_plan,omitempty"`
	// PeriodSource says where the report's year was read, the strongest
	// evidence that agrees with it: title, subtitle, session, intro,
	// heading, milestone, body, filename, user; "" when no year is known.
	PeriodSource Source `json:"period_source,omitempty"`
	// Dating is every statement of the report's own year found, the
	// evidence PeriodSource was chosen from (for the checker).
	Dating []Dating `json:"-"`
}

// Source names where a piece of metadata was read.
type Source string

// Sources of metadata, from the strongest.
const (
	SourceUser      Source = "user"      // given by the user (--unit, --period)
	SourceTitle     Source = "title"     // the title line
	SourceSubtitle  Source = "subtitle"  // a dated line under the title ("——2024年1月10日在…会议上")
	SourceSession   Source = "session"   // the congress session ("在XX县第十七届人民代表大会第三次会议上")
	SourceSpeaker   Source = "speaker"   // the speaker ("XX区人民政府区长 张三", "我代表XX市人民政府")
	SourceIntro     Source = "intro"     // the introduction ("现将XX镇2023年工作总结如下")
	SourceHeading   Source = "heading"   // a top-level heading ("一、2023年工作回顾")
	SourceMilestone Source = "milestone" // a phrase of one year ("今年是…十九大精神开局之年")
	SourceMeeting   Source = "meeting"   // the year of the meeting a speech is given at ("在全镇2026年经济工作会议上的讲话": reviews 2025, plans 2026)
	SourceSignature Source = "signature" // the date a speech is signed with at its end ("2026年7月15日")
	SourceBody      Source = "body"      // years told as done in the review; anonymised names and self references
	SourceFileName  Source = "filename"  // the file's name, the last resort
)

// Chinese names the source for users: 标题, 副标题日期, 会议届次 …; "" for
// no source.
func (s Source) Chinese() string {
	switch s {
	case SourceUser:
		return "用户指定"
	case SourceTitle:
		return "标题"
	case SourceSubtitle:
		return "副标题日期"
	case SourceSession:
		return "会议届次"
	case SourceSpeaker:
		return "报告人"
	case SourceIntro:
		return "开头"
	case SourceHeading:
		return "部分标题"
	case SourceMilestone:
		return "节点年份表述"
	case SourceMeeting:
		return "会议年份"
	case SourceSignature:
		return "落款日期"
	case SourceBody:
		return "正文"
	case SourceFileName:
		return "文件名"
	}
	return string(s)
}

// Dating is one statement of the year a report belongs to: the year its
// "今年" means (the plan year of a 政府工作报告, the reviewed year of a
// summary).
type Dating struct {
	Source Source
	Year   int
	Span   document.Span // the year as written; empty when it is not written (a session, a milestone)
	Text   string        // the words that gave it
}

// GovernmentReport is the DocType of a 政府工作报告: a plan for the year
// it is given in, opening with a review of the year before.
const GovernmentReport = "政府工作报告"

// IsGovernmentReport reports whether the report names itself a
// 政府工作报告.
func (m *Meta) IsGovernmentReport() bool { return m.DocType == GovernmentReport }

// PlanAlone reports whether the report is a plan that reviews nothing (a
// 工作计划): it reports on no earlier target.
func (m *Meta) PlanAlone() bool { return m.Review == nil && m.Plan != nil }

// CurrentYear returns the year the report's 今年 means: the planned year of
// a plan given at its start (a 政府工作报告, a speech at a meeting of the
// year, SourceMeeting), else the reviewed year, else the planned one; 0
// when the report names no year.
func (m *Meta) CurrentYear() int {
	switch {
	case (m.IsGovernmentReport() || m.PeriodSource == SourceMeeting) && m.Plan != nil:
		return m.Plan.Year
	case m.Review != nil && m.Review.Year > 0:
		return m.Review.Year
	case m.Plan != nil:
		return m.Plan.Year
	}
	return 0
}

// SectionKind classifies a section by its role in the report.
type SectionKind string

// Section kinds.
const (
	KindReview     SectionKind = "review"     // 回顾, 总结, 开展情况, 主要成效, 完成情况
	KindHighlights SectionKind = "highlights" // 亮点, 特色
	KindProblems   SectionKind = "problems"   // 存在问题, 不足, 短板
	KindPlan       SectionKind = "plan"       // 计划, 打算, 思路, 安排, 任务, 举措
	KindOther      SectionKind = "other"
)

// Section is a heading and what follows it until the next heading of the
// same or a higher level.
type Section struct {
	Level   int         `json:"level"`  // depth in the tree, 1 for top-level sections
	Marker  string      `json:"marker"` // as written: "一、", "（二）", "3.", "一是"
	Title   string      `json:"title"`  // the heading's phrase, to the first 。 or the line end
	Kind    SectionKind `json:"kind"`
	Line    int         `json:"line"`
	Column  int         `json:"column"`
	Offset  int         `json:"offset"`
	Length  int         `json:"length"` // of marker and title
	Form    string      `json:"form"`   // the numbering form: 一、 （一） 1. （1） ① 一是 第一 首先 …
	Ordinal int         `json:"ordinal"`
	// Inline is set for a heading that opens a paragraph continued by body
	// text ("（一）坚持党建引领，…。一是…"), and for enumerations inside a
	// paragraph.
	Inline bool `json:"inline"`
	// Lead is the clause that introduces an enumeration list, for its first
	// item: "街道经济社会发展还面临不少问题" before "：一是…".
	Lead string `json:"lead,omitempty"`
	// BodyOffset and BodyLength give the whole section in characters,
	// heading included, up to the next heading of the same or a higher level.
	BodyOffset int        `json:"body_offset"`
	BodyLength int        `json:"body_length"`
	Children   []*Section `json:"children"`

	Span       document.Span `json:"-"` // marker and title
	MarkerSpan document.Span `json:"-"`
	Body       document.Span `json:"-"` // the whole section
	Para       int           `json:"-"` // index of the paragraph the heading is in
	Rank       int           `json:"-"` // the form's rank: 1 for 一、 … larger is deeper
}

// Walk calls fn for every section of the tree in document order.
func Walk(sections []*Section, fn func(*Section)) {
	for _, s := range sections {
		fn(s)
		Walk(s.Children, fn)
	}
}

// Quantity is a figure written in the text.
type Quantity struct {
	Text        string   `json:"text"`               // as written, approximation words included
	Value       *float64 `json:"value"`              // as written (9.01 in 9.01亿元); null for a placeholder
	ValueTo     *float64 `json:"value_to,omitempty"` // the high end of a range
	Unit        string   `json:"unit"`               // as written (亿元); empty for a bare number
	BaseValue   *float64 `json:"base_value"`         // in the base unit (901000000)
	BaseValueTo *float64 `json:"base_value_to,omitempty"`
	BaseUnit    string   `json:"base_unit"` // 元, 人, %, 个百分点 …
	Name        string   `json:"name"`      // the indicator: 财政收入, 规上工业增加值
	// Also are the other indicators one figure is given for: "化学需氧量、
	// 氨氮排放量分别下降2%" is named 化学需氧量, also 氨氮排放量.
	Also []string `json:"also,omitempty"`
	// Members are the kinds a list closed by 等 gives of what the figure
	// counts: "协调解决用工、融资、审批等问题87个" is named 问题, its members
	// 用工, 融资, 审批.
	Members     []string `json:"members,omitempty"`
	Approx      string   `json:"approx"` // approximation words as written: 约, 余, 以上, 约…左右
	Placeholder bool     `json:"placeholder"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	Offset      int      `json:"offset"`
	Length      int      `json:"length"`
	Growth      *Growth  `json:"growth,omitempty"`
	// Change is set when the figure is itself a change of Name ("规上工业
	//增加值增长9.4%"): up, down or flat.
	Change string `json:"change,omitempty"`
	// Numerals says how the number is written: arabic, chinese or mixed.
	Numerals string `json:"numerals,omitempty"`
	// InTable is set for a figure in a table cell; its name is the row's
	// label.
	InTable bool   `json:"in_table,omitempty"`
	Section string `json:"section,omitempty"` // kind of the enclosing section

	Span       document.Span `json:"-"` // Text
	NumberSpan document.Span `json:"-"` // the number alone
	UnitSpan   document.Span `json:"-"`
}

// Growth is the change reported for a quantity: "同比增长33.0%".
type Growth struct {
	Text        string   `json:"text"`
	Value       *float64 `json:"value"` // null for a placeholder
	Unit        string   `json:"unit"`  // %, 个百分点, 倍, or a quantity unit
	Placeholder bool     `json:"placeholder,omitempty"`
	Direction   string   `json:"direction"`
	Basis       string   `json:"basis,omitempty"` // 同比, 比上年, 环比 …
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	Offset      int      `json:"offset"`
	Length      int      `json:"length"`

	Span document.Span `json:"-"`
}

// Change directions.
const (
	Up   = "up"
	Down = "down"
	Flat = "flat"
)

// Target is a figure the text commits to for a future period.
type Target struct {
	Text        string   `json:"text"` // the sentence
	Name        string   `json:"name"`
	Comparator  string   `json:"comparator"` // >=, <=, >, <, ≈, =
	Value       *float64 `json:"value"`
	ValueTo     *float64 `json:"value_to,omitempty"`
	Unit        string   `json:"unit"`
	BaseValue   *float64 `json:"base_value"`
	BaseUnit    string   `json:"base_unit"`
	Change      string   `json:"change,omitempty"` // the target is a change of Name (增长5%左右)
	Deadline    string   `json:"deadline"`         // as written: 全年, 年底, 下半年, 2025年
	Year        int      `json:"year,omitempty"`   // the deadline's year, when known
	Period      Period   `json:"period,omitempty"` // the deadline's period, when known
	Placeholder bool     `json:"placeholder,omitempty"`
	Figure      string   `json:"figure"` // the quantity as written
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	Offset      int      `json:"offset"`
	Length      int      `json:"length"`

	Span       document.Span `json:"-"` // the sentence
	FigureSpan document.Span `json:"-"`
}

// Comparators.
const (
	AtLeast = ">="
	AtMost  = "<="
	Over    = ">"
	Under   = "<"
	About   = "≈"
	Exactly = "="
)

package eval

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"zongjie/document"
)

// Injection is one error put into a clean text.
type Injection struct {
	Category string // formulation, typo, repeat, placeholder, year, numbering, punctuation, number, consistency, artifact
	Kind     string // the variant: drop, insert, substitute; sentence, clauses, paragraph …
	Text     string // the text with the error
	// Spans are where the error is in Text (bytes): a finding overlapping
	// any of them is on it. For a repeat, both copies; for a numbering
	// break, the marker changed (and the one it repeats).
	Spans []document.Span
	Desc  string // what was done, for listings
}

// Accepts lists the checker categories that count as finding an injected
// error of each category.
var Accepts = map[string][]string{
	"formulation": {"canonical", "typo"},
	"typo":        {"typo"},
	"repeat":      {"repeat"},
	"placeholder": {"placeholder"},
	"year":        {"year"},
	"numbering":   {"numbering"},
	"punctuation": {"punctuation"},
	"number":      {"number"},
	"consistency": {"consistency"},
	"artifact":    {"artifact", "placeholder"},
}

// Categories lists the injected categories in the order of the table.
var Categories = []string{"formulation", "typo", "repeat", "placeholder", "year", "numbering", "punctuation", "number", "consistency", "artifact"}

// Layout is what the injector needs to know of a held-out text besides
// its words, from the expectations: the lines of its review part, the
// title line, and the reviewed and planned years.
type Layout struct {
	ReviewLines map[int]bool
	// HeadingLines are the lines of the headings read (sections.tsv); nil
	// when unknown, and any short line opening with the year is taken.
	HeadingLines map[int]bool
	TitleLine    int // 0: no title line with a year
	ReviewYear   int
	PlanYear     int
}

// Formulations are the fixed political formulations whose altered forms
// are injected, longest first.
var Formulations = []string{
	"巩固拓展脱贫攻坚成果同乡村振兴有效衔接",
	"习近平新时代中国特色社会主义思想",
	"以习近平同志为核心的党中央",
	"以习近平同志为总书记的党中央",
	"铸牢中华民族共同体意识",
	"以人民为中心的发展思想",
	"实现中华民族伟大复兴",
	"社会主义核心价值观",
	"习近平生态文明思想",
	"稳中求进工作总基调",
	"中国特色社会主义",
	"全面建成小康社会",
	"习近平法治思想",
	"统筹发展和安全",
}

// lookAlike gives, for characters of the formulations, one that is read or
// written alike; a character without one is altered another way.
var lookAlike = map[rune]rune{
	'的': '地', '核': '该', '心': '新', '党': '堂', '中': '忠', '央': '殃', '习': '刁', '近': '进',
	'平': '坪', '国': '囯', '特': '持', '色': '涩', '社': '杜', '会': '汇', '主': '住', '义': '意',
	'思': '恩', '想': '相', '新': '心', '时': '是', '代': '伐', '同': '铜', '志': '质', '为': '位',
	'民': '氏', '族': '旅', '共': '供', '体': '休', '意': '义', '识': '织', '价': '介',
	'值': '植', '观': '欢', '态': '太', '文': '纹', '明': '名', '法': '去', '治': '冶', '稳': '隐',
	'求': '球', '进': '近', '工': '功', '作': '做', '总': '综', '基': '墓', '调': '凋', '全': '金',
	'面': '而', '建': '健', '成': '城', '小': '少', '康': '慷', '筹': '愁', '发': '法', '展': '辗',
	'和': '合', '安': '按', '巩': '恐', '固': '故', '拓': '托', '脱': '说', '贫': '贪', '攻': '功',
	'坚': '艰', '果': '杲', '乡': '多', '村': '材', '振': '震', '兴': '光', '有': '又', '效': '郊',
	'衔': '街', '接': '按', '铸': '筹', '牢': '劳', '华': '化', '人': '入', '实': '宝', '现': '观',
	'伟': '纬', '大': '太', '复': '夏', '书': '节', '记': '计', '以': '已',
}

// insertable are characters inserted into a formulation.
var insertable = []rune{'的', '之', '和', '新', '大'}

// occurrences returns the byte offsets of s in text, not overlapping.
func occurrences(text, s string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(text[i:], s)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + len(s)
	}
}

func replace(text string, at, n int, with string) string {
	return text[:at] + with + text[at+n:]
}

func span(start, length int) document.Span { return document.Span{Start: start, End: start + length} }

// pick returns a random element.
func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// InjectFormulation alters one occurrence of a fixed formulation by one
// character: dropped, inserted or substituted (kind), never its first or
// last character.
func InjectFormulation(text, kind string, rng *rand.Rand) (Injection, bool) {
	var forms []string
	for _, f := range Formulations {
		if strings.Contains(text, f) {
			forms = append(forms, f)
		}
	}
	if len(forms) == 0 {
		return Injection{}, false
	}
	f := pick(rng, forms)
	at := pick(rng, occurrences(text, f))
	rs := []rune(f)
	i := 1 + rng.IntN(len(rs)-2)
	var alt []rune
	switch kind {
	case "drop":
		alt = append(append(alt, rs[:i]...), rs[i+1:]...)
	case "insert":
		alt = append(append(append(alt, rs[:i]...), pick(rng, insertable)), rs[i:]...)
	case "substitute":
		for tries := 0; ; tries++ {
			if r, ok := lookAlike[rs[i]]; ok {
				alt = append(append(append(alt, rs[:i]...), r), rs[i+1:]...)
				break
			}
			if tries > 50 {
				return Injection{}, false
			}
			i = 1 + rng.IntN(len(rs)-2)
		}
	default:
		panic("unknown kind " + kind)
	}
	s := string(alt)
	return Injection{Category: "formulation", Kind: kind, Text: replace(text, at, len(f), s),
		Spans: []document.Span{span(at, len(s))}, Desc: f + " → " + s}, true
}

// InjectTypo replaces one occurrence of word by typo.
func InjectTypo(text, word, typo string, rng *rand.Rand) (Injection, bool) {
	occ := occurrences(text, word)
	if len(occ) == 0 {
		return Injection{}, false
	}
	at := pick(rng, occ)
	return Injection{Category: "typo", Kind: "substitute", Text: replace(text, at, len(word), typo),
		Spans: []document.Span{span(at, len(typo))}, Desc: word + " → " + typo}, true
}

// para is a paragraph of a text: one line, with its line number.
type para struct {
	start, end int // bytes, without the newline
	line       int
}

func paragraphs(text string) []para {
	var out []para
	start := 0
	for n := 1; start <= len(text); n++ {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text) - start
		}
		if strings.TrimSpace(text[start:start+end]) != "" {
			out = append(out, para{start, start + end, n})
		}
		start += end + 1
	}
	return out
}

// bodyParas returns the paragraphs of running text: long lines ending a
// sentence, where injected text reads as part of the report.
func bodyParas(text string, minChars int) []para {
	var out []para
	for _, p := range paragraphs(text) {
		s := text[p.start:p.end]
		if utf8.RuneCountInString(s) >= minChars && strings.HasSuffix(strings.TrimSpace(s), "。") {
			out = append(out, p)
		}
	}
	return out
}

// sentences returns the spans of the sentences of a paragraph, each with
// its final mark.
func sentences(text string, p para) []document.Span {
	var out []document.Span
	s := p.start
	for i, r := range text[p.start:p.end] {
		if r == '。' || r == '！' || r == '？' {
			e := p.start + i + len(string(r))
			out = append(out, document.Span{Start: s, End: e})
			s = e
		}
	}
	return out
}

// InjectRepeat repeats text: a sentence right after itself (sentence), a
// sentence again at the end of a later paragraph (sentence-far), the last
// two clauses of a sentence after it (clauses), or a whole paragraph
// (paragraph).
func InjectRepeat(text, kind string, rng *rand.Rand) (Injection, bool) {
	ps := bodyParas(text, 60)
	if len(ps) < 2 {
		return Injection{}, false
	}
	switch kind {
	case "paragraph":
		p := pick(rng, ps[:len(ps)-1])
		sep := "\n"
		if strings.HasPrefix(text[p.end:], "\n\n") {
			sep = "\n\n"
		}
		dup := text[p.start:p.end]
		out := text[:p.end] + sep + dup + text[p.end:]
		return Injection{Category: "repeat", Kind: kind, Text: out,
			Spans: []document.Span{{Start: p.start, End: p.end + len(sep) + len(dup)}}, Desc: fmt.Sprintf("line %d pasted twice", p.line)}, true
	case "sentence", "sentence-far", "clauses":
		for tries := 0; tries < 200; tries++ {
			pi := rng.IntN(len(ps) - 1)
			p := ps[pi]
			ss := sentences(text, p)
			if len(ss) == 0 {
				continue
			}
			s := pick(rng, ss)
			body := text[s.Start:s.End]
			n := utf8.RuneCountInString(body)
			if n < 15 || n > 120 || strings.ContainsAny(body, "“”（）《》") {
				continue
			}
			switch kind {
			case "sentence":
				out := text[:s.End] + body + text[s.End:]
				return Injection{Category: "repeat", Kind: kind, Text: out,
					Spans: []document.Span{{Start: s.Start, End: s.End + len(body)}}, Desc: fmt.Sprintf("line %d: a sentence pasted twice", p.line)}, true
			case "sentence-far":
				q := ps[pi+1+rng.IntN(len(ps)-pi-1)]
				out := text[:q.end] + body + text[q.end:]
				return Injection{Category: "repeat", Kind: kind, Text: out,
					Spans: []document.Span{s, span(q.end, len(body))}, Desc: fmt.Sprintf("a sentence of line %d pasted again at the end of line %d", p.line, q.line)}, true
			case "clauses":
				clauses := strings.Split(strings.TrimSuffix(body, "。"), "，")
				if len(clauses) < 3 {
					continue
				}
				run := strings.Join(clauses[len(clauses)-2:], "，") + "。"
				if utf8.RuneCountInString(run) < 8 {
					continue
				}
				out := text[:s.End] + run + text[s.End:]
				return Injection{Category: "repeat", Kind: kind, Text: out,
					Spans: []document.Span{{Start: s.End - len(run), End: s.End + len(run)}}, Desc: fmt.Sprintf("line %d: the last clauses of a sentence pasted after it", p.line)}, true
			}
		}
	}
	return Injection{}, false
}

// figureRE finds a figure with a common unit: the number is group 1.
var figureRE = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)(?:万|亿)?(?:元|人|个|家|户|项|公里|亩|吨|套|所|%)`)

// figures returns the spans of the numbers of figures in body paragraphs
// (not in the part before the first heading, where dates and titles are).
func figureNumbers(text string, decimal bool) []document.Span {
	var out []document.Span
	for _, p := range bodyParas(text, 40) {
		for _, m := range figureRE.FindAllStringSubmatchIndex(text[p.start:p.end], -1) {
			num := text[p.start+m[2] : p.start+m[3]]
			if decimal != strings.Contains(num, ".") {
				continue
			}
			// Not the tail of a longer number or code (A2, 5G).
			if m[2] > 0 {
				r, _ := utf8.DecodeLastRuneInString(text[:p.start+m[2]])
				if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-') {
					continue
				}
			}
			out = append(out, document.Span{Start: p.start + m[2], End: p.start + m[3]})
		}
	}
	return out
}

var yearRE = regexp.MustCompile(`(?:^|[^0-9])(20[0-9]{2})年`)

// InjectPlaceholder leaves a figure unfilled: its number replaced by xx or
// ** (kind number), a decimal by x.x (decimal), a year by xxxx (year).
func InjectPlaceholder(text, kind string, rng *rand.Rand) (Injection, bool) {
	var cands []document.Span
	var with string
	switch kind {
	case "number":
		cands, with = figureNumbers(text, false), pick(rng, []string{"xx", "XX", "**", "××"})
	case "decimal":
		cands, with = figureNumbers(text, true), "x.x"
	case "year":
		for _, p := range bodyParas(text, 40) {
			for _, m := range yearRE.FindAllStringSubmatchIndex(text[p.start:p.end], -1) {
				cands = append(cands, document.Span{Start: p.start + m[2], End: p.start + m[3]})
			}
		}
		with = "xxxx"
	}
	if len(cands) == 0 {
		return Injection{}, false
	}
	s := pick(rng, cands)
	return Injection{Category: "placeholder", Kind: kind, Text: replace(text, s.Start, s.Len(), with),
		Spans: []document.Span{span(s.Start, len(with))}, Desc: text[s.Start:s.End] + " → " + with}, true
}

// InjectYear puts a wrong year: a year of the review part given the
// planned year (review), the title given last year (title), a heading of
// the plan given the reviewed year (heading).
func InjectYear(text, kind string, lay Layout, rng *rand.Rand) (Injection, bool) {
	var cands []document.Span
	from, to := lay.ReviewYear, lay.PlanYear
	ps := paragraphs(text)
	switch kind {
	case "review":
		for _, p := range ps {
			if !lay.ReviewLines[p.line] {
				continue
			}
			for _, m := range yearRE.FindAllStringSubmatchIndex(text[p.start:p.end], -1) {
				if text[p.start+m[2]:p.start+m[3]] == fmt.Sprint(from) {
					cands = append(cands, document.Span{Start: p.start + m[2], End: p.start + m[3]})
				}
			}
		}
	case "title":
		from, to = lay.PlanYear, lay.ReviewYear
		for _, p := range ps {
			if p.line == lay.TitleLine {
				if i := strings.Index(text[p.start:p.end], fmt.Sprint(from)+"年"); i >= 0 {
					cands = append(cands, span(p.start+i, 4))
				}
			}
		}
	case "heading":
		from, to = lay.PlanYear, lay.ReviewYear
		headRE := regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?` + fmt.Sprint(from) + `年`)
		for _, p := range ps {
			if lay.ReviewLines[p.line] || p.line <= lay.TitleLine || utf8.RuneCountInString(text[p.start:p.end]) > 30 {
				continue
			}
			if lay.HeadingLines != nil && !lay.HeadingLines[p.line] {
				continue // a date or session line, not a heading
			}
			if m := headRE.FindStringIndex(text[p.start:p.end]); m != nil {
				cands = append(cands, span(p.start+m[1]-len("年")-4, 4))
			}
		}
	}
	if len(cands) == 0 {
		return Injection{}, false
	}
	s := pick(rng, cands)
	return Injection{Category: "year", Kind: kind, Text: replace(text, s.Start, 4, fmt.Sprint(to)),
		Spans: []document.Span{s}, Desc: fmt.Sprintf("%d → %d", from, to)}, true
}

var cnDigits = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"}

func cnOrdinal(s string) int {
	for i, d := range cnDigits {
		if i > 0 && d == s {
			return i
		}
	}
	return 0
}

var (
	topMarkerRE = regexp.MustCompile(`^([一二三四五六七八九十]+)、`)
	subMarkerRE = regexp.MustCompile(`^（([一二三四五六七八九十]+)）`)
)

// marker is a heading marker at a paragraph start.
type marker struct {
	span document.Span // the numeral, inside the marker
	n    int
}

// markerRuns returns the runs of sibling markers 一、二、三… (or
// （一）（二）…), each counting 1, 2, 3… from its start.
func markerRuns(text string, re *regexp.Regexp) [][]marker {
	var runs [][]marker
	var cur []marker
	for _, p := range paragraphs(text) {
		line := text[p.start:p.end]
		if re == subMarkerRE && topMarkerRE.MatchString(line) && len(cur) > 0 {
			runs, cur = append(runs, cur), nil // a new part: its sub-headings start again
		}
		m := re.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		n := cnOrdinal(line[m[2]:m[3]])
		if n == 1 && len(cur) > 0 {
			runs, cur = append(runs, cur), nil
		}
		if n != len(cur)+1 {
			cur = nil // not a clean run: leave it
			continue
		}
		cur = append(cur, marker{document.Span{Start: p.start + m[2], End: p.start + m[3]}, n})
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// InjectNumbering breaks a run of heading markers: from the k-th on, every
// marker counts one more (skip: 一、二、四、五) or one less (repeat:
// 一、二、二、三).
func InjectNumbering(text, kind string, rng *rand.Rand) (Injection, bool) {
	var runs [][]marker
	for _, re := range []*regexp.Regexp{topMarkerRE, subMarkerRE} {
		for _, r := range markerRuns(text, re) {
			if len(r) >= 3 && len(r) < len(cnDigits)-2 {
				runs = append(runs, r)
			}
		}
	}
	if len(runs) == 0 {
		return Injection{}, false
	}
	run := pick(rng, runs)
	k := 1 + rng.IntN(len(run)-1)
	delta := 1
	if kind == "repeat" {
		delta = -1
	}
	out := text
	shift := 0
	var spans []document.Span
	for i := k; i < len(run); i++ {
		m := run[i]
		with := cnDigits[m.n+delta]
		at := m.span.Start + shift
		out = replace(out, at, m.span.Len(), with)
		if i == k {
			spans = append(spans, span(at, len(with)))
		}
		shift += len(with) - m.span.Len()
	}
	if kind == "repeat" {
		spans = append(spans, run[k-1].span) // before the edits: unchanged offsets
	}
	return Injection{Category: "numbering", Kind: kind, Text: out, Spans: spans,
		Desc: fmt.Sprintf("marker %s → %s and after", cnDigits[run[k].n], cnDigits[run[k].n+delta])}, true
}

// hanAround reports whether the runes before at and after at+n are Han.
func hanAround(text string, at, n int) bool {
	r1, _ := utf8.DecodeLastRuneInString(text[:at])
	r2, _ := utf8.DecodeRuneInString(text[at+n:])
	return unicode.Is(unicode.Han, r1) && unicode.Is(unicode.Han, r2)
}

// InjectPunctuation puts a punctuation error: a half-width comma between
// Chinese characters (halfwidth), a closing quote dropped (unpaired), a
// comma doubled (doubled).
func InjectPunctuation(text, kind string, rng *rand.Rand) (Injection, bool) {
	ps := bodyParas(text, 40)
	var cands []document.Span
	for _, p := range ps {
		s := text[p.start:p.end]
		switch kind {
		case "halfwidth", "doubled":
			for _, i := range occurrences(s, "，") {
				if hanAround(text, p.start+i, len("，")) {
					cands = append(cands, span(p.start+i, len("，")))
				}
			}
		case "unpaired":
			for _, i := range occurrences(s, "“") {
				j := strings.Index(s[i:], "”")
				if j > 0 && utf8.RuneCountInString(s[i:i+j]) <= 12 && !strings.ContainsAny(s[i+3:i+j], "“”") {
					cands = append(cands, document.Span{Start: p.start + i, End: p.start + i + j + len("”")})
				}
			}
		}
	}
	if len(cands) == 0 {
		return Injection{}, false
	}
	s := pick(rng, cands)
	switch kind {
	case "halfwidth":
		return Injection{Category: "punctuation", Kind: kind, Text: replace(text, s.Start, s.Len(), ","),
			Spans: []document.Span{span(s.Start, 1)}, Desc: "， → ,"}, true
	case "doubled":
		return Injection{Category: "punctuation", Kind: kind, Text: replace(text, s.Start, s.Len(), "，，"),
			Spans: []document.Span{span(s.Start, len("，，"))}, Desc: "， → ，，"}, true
	default:
		out := replace(text, s.End-len("”"), len("”"), "")
		return Injection{Category: "punctuation", Kind: kind, Text: out,
			Spans: []document.Span{{Start: s.Start, End: s.End - len("”")}}, Desc: "closing ” dropped"}, true
	}
}

var fullWidth = strings.NewReplacer("0", "０", "1", "１", "2", "２", "3", "３", "4", "４", "5", "５", "6", "６", "7", "７", "8", "８", "9", "９")

// InjectNumber breaks GB/T 15835: a figure in full-width digits
// (fullwidth), a decimal point written ． (decimal), a round thousand
// written 5千 (thousand), the first % of a range dropped (range).
func InjectNumber(text, kind string, rng *rand.Rand) (Injection, bool) {
	var cands []document.Span
	switch kind {
	case "fullwidth":
		cands = figureNumbers(text, false)
	case "decimal":
		cands = figureNumbers(text, true)
	case "thousand":
		for _, s := range figureNumbers(text, false) {
			n := text[s.Start:s.End]
			if len(n) == 4 && n[0] != '0' && strings.HasSuffix(n, "000") {
				cands = append(cands, s)
			}
		}
	case "range":
		re := regexp.MustCompile(`[0-9.]+%[－—～~-][0-9.]+%`)
		for _, m := range re.FindAllStringIndex(text, -1) {
			cands = append(cands, document.Span{Start: m[0], End: m[1]})
		}
	}
	if len(cands) == 0 {
		return Injection{}, false
	}
	s := pick(rng, cands)
	n := text[s.Start:s.End]
	var with string
	switch kind {
	case "fullwidth":
		with = fullWidth.Replace(n)
	case "decimal":
		with = strings.Replace(n, ".", "．", 1)
	case "thousand":
		with = n[:1] + "千"
	case "range":
		with = strings.Replace(n, "%", "", 1)
	}
	return Injection{Category: "number", Kind: kind, Text: replace(text, s.Start, s.Len(), with),
		Spans: []document.Span{span(s.Start, len(with))}, Desc: n + " → " + with}, true
}

// InjectConsistency contradicts a change by its sign: 增长5% → 增长-5%.
func InjectConsistency(text string, rng *rand.Rand) (Injection, bool) {
	re := regexp.MustCompile(`(增长|下降)([0-9]+(?:\.[0-9]+)?%)`)
	var cands [][]int
	for _, p := range bodyParas(text, 40) {
		for _, m := range re.FindAllStringSubmatchIndex(text[p.start:p.end], -1) {
			cands = append(cands, []int{p.start + m[0], p.start + m[4], p.start + m[5]})
		}
	}
	if len(cands) == 0 {
		return Injection{}, false
	}
	c := pick(rng, cands)
	out := replace(text, c[1], 0, "-")
	return Injection{Category: "consistency", Kind: "growth-sign", Text: out,
		Spans: []document.Span{{Start: c[0], End: c[2] + 1}}, Desc: text[c[0]:c[2]] + " with a minus sign"}, true
}

// templateMarkers are lines template sites leave in a downloaded report.
var templateMarkers = []string{
	"【精品文档，欢迎下载，可编辑修改】",
	"（此文档下载后可自由编辑，仅供参考）",
	"本文由网友上传整理，如有侵权请联系删除。",
}

// InjectArtifact pastes a template site's line between two paragraphs.
func InjectArtifact(text string, rng *rand.Rand) (Injection, bool) {
	ps := bodyParas(text, 60)
	if len(ps) == 0 {
		return Injection{}, false
	}
	p := pick(rng, ps)
	m := pick(rng, templateMarkers)
	ins := "\n" + m
	return Injection{Category: "artifact", Kind: "marker", Text: text[:p.end] + ins + text[p.end:],
		Spans: []document.Span{span(p.end+1, len(m))}, Desc: m}, true
}

// Kinds lists the variants injected for each category.
var Kinds = map[string][]string{
	"formulation": {"drop", "insert", "substitute"},
	"repeat":      {"sentence", "sentence-far", "clauses", "paragraph"},
	"placeholder": {"number", "decimal", "year"},
	"year":        {"review", "title", "heading"},
	"numbering":   {"skip", "repeat"},
	"punctuation": {"halfwidth", "unpaired", "doubled"},
	"number":      {"fullwidth", "decimal", "thousand", "range"},
	"consistency": {"growth-sign"},
	"artifact":    {"marker"},
}

// Inject puts one error of a category and kind into text.
func Inject(text, category, kind string, lay Layout, rng *rand.Rand) (Injection, bool) {
	switch category {
	case "formulation":
		return InjectFormulation(text, kind, rng)
	case "repeat":
		return InjectRepeat(text, kind, rng)
	case "placeholder":
		return InjectPlaceholder(text, kind, rng)
	case "year":
		return InjectYear(text, kind, lay, rng)
	case "numbering":
		return InjectNumbering(text, kind, rng)
	case "punctuation":
		return InjectPunctuation(text, kind, rng)
	case "number":
		return InjectNumber(text, kind, rng)
	case "consistency":
		return InjectConsistency(text, rng)
	case "artifact":
		return InjectArtifact(text, rng)
	}
	return Injection{}, false
}

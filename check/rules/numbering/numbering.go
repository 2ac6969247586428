// Package numbering checks heading numbers and enumerations against GB/T
// 9704 (the four levels 一、（一）1.（1）), GB/T 15834 (the mark after each
// kind of ordinal) and 公文 practice: sequences without skips or repeats,
// levels in order, one ordinal set per list, and items whose marker was
// lost in editing.
package numbering

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/document"
	"zongjie/outline"
)

// Rules of the numbering category.
var Rules = []*check.Rule{Sequence, LevelOrder, MarkerPunct, HeadingEnd, EnumPunct, SetMixing, LostMarker}

// enumForms are the forms of in-paragraph enumerations.
var enumForms = map[string]bool{
	outline.FormShi: true, outline.FormYao: true, outline.FormDi: true, outline.FormShouxian: true, outline.FormQiyi: true,
}

// isHeading reports whether s is a numbered heading (not an enumeration,
// not a heading marked by style alone).
func isHeading(s *zongjie.Section) bool {
	return !enumForms[s.Form] && s.Form != outline.FormStyle && s.Ordinal > 0
}

// eachList calls fn with every parent's children, the report's top-level
// sections first; parent is nil for those.
func eachList(reports []*zongjie.Report, fn func(r *zongjie.Report, parent *zongjie.Section, children []*zongjie.Section)) {
	for _, r := range reports {
		fn(r, nil, r.Outline)
		zongjie.Walk(r.Outline, func(s *zongjie.Section) {
			if len(s.Children) > 0 {
				fn(r, s, s.Children)
			}
		})
	}
}

// generated reports whether the section's marker was made by the reader
// (automatic numbering in a .docx): it cannot be wrong in the text.
func generated(p *check.Pass, s *zongjie.Section) bool {
	return s.MarkerSpan.Len() == 0 || p.Generated(s.MarkerSpan.Start)
}

// Marker returns the canonical marker of a form for an ordinal: 三、 （三）
// 3. （3） ③ 三是 三要 第三 其三; for the 首先 set 首先 其次 再次 最后.
func Marker(form string, n int) string {
	cn := chinese(n)
	switch form {
	case outline.FormPart:
		return "第" + cn + "部分"
	case outline.FormCN:
		return cn + "、"
	case outline.FormParenCN:
		return "（" + cn + "）"
	case outline.FormArabic:
		return strconv.Itoa(n) + "."
	case outline.FormParenNum:
		return "（" + strconv.Itoa(n) + "）"
	case outline.FormCircled:
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
		return "（" + strconv.Itoa(n) + "）"
	case outline.FormShi:
		return cn + "是"
	case outline.FormYao:
		return cn + "要"
	case outline.FormDi:
		return "第" + cn
	case outline.FormQiyi:
		return "其" + cn
	case outline.FormShouxian:
		switch n {
		case 1:
			return "首先"
		case 2:
			return "其次"
		case 3:
			return "再次"
		case -1:
			return "最后"
		}
		return "第" + cn
	}
	return cn
}

// chinese writes 1 … 99 in Chinese numerals: 一 … 十 十一 … 二十 二十一.
func chinese(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// name returns the marker as the message shows it, without the mark after
// it: 三 for 三、, （三） stays.
func name(form string, n int) string {
	return strings.TrimRight(Marker(form, n), "、.")
}

// Sequence reports numbering that skips, repeats, goes back or starts at
// the wrong number, among the headings under one parent and in each
// enumeration list.
var Sequence = &check.Rule{
	ID: "NB001", Name: "numbering-sequence", Category: check.Numbering, Severity: check.Error,
	Doc: check.Doc{
		Title: "序号不连续或重复",
		Text: "同一层级的标题序号、同一组“一是、二是”应从一开始依次排列，不能跳号、重号或倒退。" +
			"同一层级中序号重新从一开始，多是两份材料拼接而成。只有“一是”没有“二是”的列举也不完整。" +
			"工作要点等材料把任务跨部分连续编号（“一、”下1.至3.，“二、”下接4.），不算跳号。",
		Wrong:  "一、主要工作\n（一）抓党建。一是强学习。三是重实效。\n（三）促发展。",
		Right:  "一、主要工作\n（一）抓党建。一是强学习。二是重实效。\n（二）促发展。",
		Source: "GB/T 9704—2012 7.3.3；公文写作常规",
	},
	Run: runSequence,
}

func runSequence(p *check.Pass) {
	// Each section's list and place in it, to find the lists under the
	// sections before a parent.
	type place struct {
		list []*zongjie.Section
		i    int
	}
	var places map[*zongjie.Section]place // made on first use: rarely needed
	// carried returns the last ordinal of form under the nearest section
	// before parent, at its level, that has children of that form: the
	// number a list numbered through the parts (工作要点: 一、 1. 2. 3.
	// 二、 4. 5.) carries on from, or 0.
	carried := func(parent *zongjie.Section, form string) int {
		if parent == nil {
			return 0
		}
		if places == nil {
			places = map[*zongjie.Section]place{}
			eachList(p.Reports, func(_ *zongjie.Report, _ *zongjie.Section, list []*zongjie.Section) {
				for i, s := range list {
					places[s] = place{list, i}
				}
			})
		}
		pl := places[parent]
		for j := pl.i - 1; j >= 0; j-- {
			n := 0
			for _, c := range pl.list[j].Children {
				if c.Form == form && c.Ordinal > 0 {
					n = c.Ordinal
				}
			}
			if n > 0 {
				return n
			}
		}
		return 0
	}
	eachList(p.Reports, func(r *zongjie.Report, parent *zongjie.Section, children []*zongjie.Section) {
		last := map[string]*zongjie.Section{} // by form
		eff := map[string]int{}               // the ordinal the last item stands for
		count := map[string]int{}             // items in the current list, by form
		first := map[string]*zongjie.Section{}
		endList := func(form string) {
			if s := first[form]; s != nil && count[form] == 1 && (form == outline.FormShi || form == outline.FormYao || form == outline.FormQiyi) {
				p.Report(s.MarkerSpan, "只有“"+name(form, 1)+"”，没有“"+name(form, 2)+"”：列举不完整，或不需要序号")
			}
		}
		for _, s := range children {
			if s.Form == outline.FormStyle || s.Ordinal == 0 {
				continue
			}
			form := s.Form
			prev := last[form]
			last[form] = s
			if generated(p, s) {
				count[form]++
				continue
			}
			want := 1
			if prev != nil {
				want = eff[form] + 1
			} else if !enumForms[form] && s.Ordinal > 1 {
				// Headings numbered through the parts carry on from the
				// part before.
				if n := carried(parent, form); n > 0 && s.Ordinal == n+1 {
					want = s.Ordinal
				}
			}
			eff[form] = s.Ordinal
			switch {
			case s.Ordinal == -1 || s.Ordinal == want:
				count[form]++
				if s.Ordinal == 1 {
					first[form], count[form] = s, 1
				}
				continue
			case s.Ordinal == 1:
				// A restart: a new enumeration list is normal; a heading
				// sequence starting over under the same parent is not.
				endList(form)
				first[form], count[form] = s, 1
				if enumForms[form] {
					continue
				}
				p.Report(s.MarkerSpan, "序号重新从“"+name(form, 1)+"”开始，前面已到“"+name(form, prev.Ordinal)+"”：可能是两份材料拼在了一起，或层级用错")
				continue
			}
			count[form]++
			fix := check.Fix{Message: "改为" + Marker(form, want), Replacement: Marker(form, want) + markTail(s), Certain: false}
			switch {
			case prev == nil:
				p.Report(s.MarkerSpan, "序号应从“"+name(form, 1)+"”开始，这里是“"+name(form, s.Ordinal)+"”", fix)
			case s.Ordinal == prev.Ordinal:
				eff[form] = want // read on as if it were right
				p.Report(s.MarkerSpan, "序号“"+name(form, s.Ordinal)+"”重复，应为“"+name(form, want)+"”", fix)
			case s.Ordinal > want:
				missing := name(form, want)
				if s.Ordinal > want+1 {
					missing += "”至“" + name(form, s.Ordinal-1)
				}
				p.Report(s.MarkerSpan, "序号不连续：“"+name(form, want-1)+"”之后是“"+name(form, s.Ordinal)+"”，缺少“"+missing+"”", fix)
			default:
				eff[form] = want
				p.Report(s.MarkerSpan, "序号倒退：“"+name(form, want-1)+"”之后是“"+name(form, s.Ordinal)+"”", fix)
			}
		}
		for form := range first {
			endList(form)
		}
	})
}

// markTail returns what the written marker has after its canonical form
// (a mark the fix keeps): "，" of "一是，".
func markTail(s *zongjie.Section) string {
	m := s.Marker
	for _, tail := range []string{"，", "：", ",", ":"} {
		if enumForms[s.Form] && strings.HasSuffix(m, tail) {
			return tail
		}
	}
	return ""
}

// LevelOrder reports a heading that skips the level the report uses
// elsewhere (“1.” straight under “一、” where other parts have “（一）”),
// and a lower-level heading among the top-level ones.
var LevelOrder = &check.Rule{
	ID: "NB002", Name: "numbering-level", Category: check.Numbering, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "标题层级错乱",
		Text:   "标题层次依次为“一、”“（一）”“1.”“（1）”。同一报告中别处用了“（一）”，这里却在“一、”下直接用“1.”；或者“1.”与“一、”并列，多是层级用错。",
		Wrong:  "一、主要工作\n（一）抓党建\n（二）促发展\n二、下步打算\n1.抓党建\n2.促发展",
		Right:  "一、主要工作\n（一）抓党建\n（二）促发展\n二、下步打算\n（一）抓党建\n（二）促发展",
		Source: "GB/T 9704—2012 7.3.3",
	},
	Run: runLevelOrder,
}

func runLevelOrder(p *check.Pass) {
	for _, r := range p.Reports {
		// The forms used right under each parent form.
		under := map[string]map[string]bool{}
		var note func(parent string, list []*zongjie.Section)
		note = func(parent string, list []*zongjie.Section) {
			for _, s := range list {
				if !isHeading(s) {
					if s.Form == outline.FormStyle {
						note(parent, s.Children) // a title or a part marked by style alone
					}
					continue
				}
				if under[parent] == nil {
					under[parent] = map[string]bool{}
				}
				under[parent][s.Form] = true
				note(s.Form, s.Children)
			}
		}
		note("", r.Outline)
		var walk func(parent *zongjie.Section, list []*zongjie.Section)
		walk = func(parent *zongjie.Section, list []*zongjie.Section) {
			pform := ""
			if parent != nil {
				pform = parent.Form
			}
			for i, s := range list {
				if !isHeading(s) {
					if s.Form == outline.FormStyle {
						walk(parent, s.Children)
					}
					continue
				}
				// A marker further on in its paragraph numbers items
				// inside a sentence, which is no heading level.
				if want, ok := skipped(pform, s.Form, under[pform]); ok && !generated(p, s) && outline.OpensParagraph(p.File, s) && !sentenceItem(p.File, parent, list, i) {
					where := "这一层"
					if parent != nil {
						where = "“" + strings.TrimRight(parent.Marker, "、.．") + "”下"
					}
					p.Report(s.MarkerSpan, where+"应使用“"+Marker(want, 1)+"”一级（本文其他部分如此），这里用了“"+strings.TrimRight(Marker(s.Form, 1), "、.")+"”")
				}
				walk(s, s.Children)
			}
		}
		walk(nil, r.Outline)
	}
}

// sentenceItem reports whether list[i] is an item of a list that is one
// sentence set out a paragraph an item: the paragraph before its first item
// ends with a colon or is its parent's bare heading, and every item but the
// last ends with a semicolon ("其中：" / "（1）…公路改造工程…；" / "（2）…；" /
// "（3）…。"; "二、工作目标" / "1.…满意率达到97%以上；" / … / "5.…复评。").
// Such items enumerate within the sentence; they are no heading level, so
// the level they stand at is no skip.
func sentenceItem(f *document.File, parent *zongjie.Section, list []*zongjie.Section, i int) bool {
	form := list[i].Form
	first, last := i, i
	for first > 0 && list[first-1].Form == form && list[first-1].Ordinal == list[first].Ordinal-1 {
		first--
	}
	for last+1 < len(list) && list[last+1].Form == form && list[last+1].Ordinal == list[last].Ordinal+1 {
		last++
	}
	if first == last || list[first].Para <= 0 || list[last].Para >= len(f.Paragraphs) {
		return false
	}
	lead := list[first].Para - 1
	headed := parent != nil && parent.Para == lead && !parent.Inline
	if !headed && !strings.HasSuffix(paraText(f, lead), "：") {
		return false
	}
	for j := first; j < last; j++ {
		if list[j+1].Para != list[j].Para+1 || !strings.HasSuffix(paraText(f, list[j].Para), "；") {
			return false
		}
	}
	return true
}

// paraText returns the text of paragraph i, without trailing blanks.
func paraText(f *document.File, i int) string {
	sp := f.Paragraphs[i].Span
	return strings.TrimRight(f.Text[sp.Start:sp.End], " 　\t")
}

// levels are the heading forms in GB/T 9704 order.
var levels = []string{outline.FormPart, outline.FormCN, outline.FormParenCN, outline.FormArabic, outline.FormParenNum, outline.FormCircled}

func levelOf(form string) int {
	for i, f := range levels {
		if f == form {
			return i
		}
	}
	return -1
}

// skipped returns the form that should stand between a parent form and a
// child form, when the same parent form elsewhere has it as a child.
func skipped(parent, child string, siblings map[string]bool) (string, bool) {
	c := levelOf(child)
	if parent == "" {
		// Top level: the highest form used there is the level; a lower one
		// beside it is out of place.
		for _, f := range levels {
			if siblings[f] {
				return f, f != child && levelOf(f) < c
			}
		}
		return "", false
	}
	pl := levelOf(parent)
	for l := pl + 1; l < c; l++ {
		if siblings[levels[l]] {
			return levels[l], true
		}
	}
	return "", false
}

// MarkerPunct reports a heading marker with the wrong mark or brackets:
// “一.” “1、” “（一）、” “(1)” “㈠”.
var MarkerPunct = &check.Rule{
	ID: "NB003", Name: "marker-punct", Category: check.Numbering, Severity: check.Error,
	Doc: check.Doc{
		Title:  "序号标点错误",
		Text:   "汉字序号后用顿号（一、），阿拉伯数字序号后用下脚点（1.），带括号和带圈的序号后不加标点（（一）（1）①）；括号用全角。",
		Wrong:  "一.主要工作\n（一）、抓党建\n1、强学习\n(1)开展培训",
		Right:  "一、主要工作\n（一）抓党建\n1.强学习\n（1）开展培训",
		Source: "GB/T 15834—2011 4.4、4.5.3.3 及附录 B；GB/T 9704—2012 7.3.3",
	},
	Run: runMarkerPunct,
}

func runMarkerPunct(p *check.Pass) {
	text := p.File.Text
	for _, s := range p.Sections() {
		if !isHeading(s) || generated(p, s) || s.Form == outline.FormPart {
			continue
		}
		written := text[s.MarkerSpan.Start:s.MarkerSpan.End]
		want := Marker(s.Form, s.Ordinal)
		core := strings.TrimRight(written, " 　")
		span := document.Span{Start: s.MarkerSpan.Start, End: s.MarkerSpan.Start + len(core)}
		if s.Form == outline.FormCircled && s.Ordinal > 20 {
			continue
		}
		// A mark after a bracketed or circled marker: （一）、 ①、
		after := text[s.MarkerSpan.End:]
		extra := 0
		if s.Form == outline.FormParenCN || s.Form == outline.FormParenNum || s.Form == outline.FormCircled {
			for _, m := range []string{"、", "．", ".", "，", ","} {
				if strings.HasPrefix(after, m) {
					extra = len(m)
				}
			}
		}
		if core == want && extra == 0 {
			continue
		}
		span.End += extra
		if core != want && !sameDigits(core, want) {
			continue // not a variant of the form (a 第一章-style marker)
		}
		p.Report(span, "序号“"+text[span.Start:span.End]+"”应写作“"+want+"”",
			check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
	}
}

// sameDigits reports whether a written marker has the ordinal of want:
// only its brackets and marks differ.
func sameDigits(written, want string) bool {
	strip := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch {
			case r >= '０' && r <= '９':
				b.WriteRune(r - '０' + '0')
			case r >= '㈠' && r <= '㈩':
				b.WriteString(chinese(int(r-'㈠') + 1))
			case r >= '⑴' && r <= '⒇':
				b.WriteString(strconv.Itoa(int(r-'⑴') + 1))
			case r >= '⒈' && r <= '⒛':
				b.WriteString(strconv.Itoa(int(r-'⒈') + 1))
			case r >= '0' && r <= '9' || r >= 0x4E00 && r <= 0x9FFF || r >= '①' && r <= '⑳':
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	return strip(written) == strip(want)
}

// HeadingEnd reports a standalone heading line ending with 。；，： when
// its sibling headings do not: a sentence-style list is left alone.
var HeadingEnd = &check.Rule{
	ID: "NB004", Name: "heading-end-punct", Category: check.Numbering, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "标题末尾多了标点",
		Text:   "单独成行的标题末尾不加句号等点号（问号、叹号除外）；与正文同段的“（一）……。”不在此列。同级标题都以句号结尾的（整句式列举）不报告。",
		Wrong:  "一、2023年工作总结\n二、工作亮点及争先进位情况。\n三、存在问题",
		Right:  "一、2023年工作总结\n二、工作亮点及争先进位情况\n三、存在问题",
		Source: "GB/T 15834—2011 附录 B（标题末尾一般不用点号）",
	},
	Run: runHeadingEnd,
}

func runHeadingEnd(p *check.Pass) {
	eachList(p.Reports, func(_ *zongjie.Report, _ *zongjie.Section, children []*zongjie.Section) {
		type line struct {
			s    *zongjie.Section
			end  document.Span // the mark at the end, if any
			mark bool
		}
		var lines []line
		for _, s := range children {
			if !isHeading(s) || s.Inline {
				continue
			}
			para := p.Paragraph(s.Span.Start)
			if para == nil {
				continue
			}
			text := p.File.Slice(para.Span)
			r, size := utf8.DecodeLastRuneInString(text)
			l := line{s: s}
			if strings.ContainsRune("。；，：.;,:", r) {
				l.mark = true
				l.end = document.Span{Start: para.Span.End - size, End: para.Span.End}
			}
			lines = append(lines, l)
		}
		marked := 0
		for _, l := range lines {
			if l.mark {
				marked++
			}
		}
		// Only when most siblings end without a mark.
		if marked == 0 || marked*2 >= len(lines) {
			return
		}
		for _, l := range lines {
			if l.mark {
				p.Report(l.end, "单独成行的标题末尾不加“"+p.File.Slice(l.end)+"”（同级其他标题都没有）",
					check.Fix{Message: "删除", Replacement: "", Certain: true})
			}
		}
	})
}

// EnumPunct reports the wrong mark after an enumeration marker: 一是、 一是：
// (nothing or ，), 第一、 首先、 其一、 (，).
var EnumPunct = &check.Rule{
	ID: "NB005", Name: "enum-punct", Category: check.Numbering, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "列举序号后标点错误",
		Text:   "“一是”后不加标点或加逗号，不用顿号、冒号；“第一”“其一”“首先”等后用逗号，不用顿号。",
		Wrong:  "一、主要工作\n一是、强化学习。二是：狠抓落实。第一、要提高认识。",
		Right:  "一、主要工作\n一是强化学习。二是狠抓落实。第一，要提高认识。",
		Source: "GB/T 15834—2011 4.5.3.3 及附录 B",
	},
	Run: runEnumPunct,
}

func runEnumPunct(p *check.Pass) {
	text := p.File.Text
	for _, s := range p.Sections() {
		if !enumForms[s.Form] || generated(p, s) {
			continue
		}
		end := s.MarkerSpan.End
		switch s.Form {
		case outline.FormShi, outline.FormYao:
			marker := text[s.MarkerSpan.Start:end]
			for _, m := range []string{"、", "：", ":"} {
				var at int
				switch {
				case strings.HasSuffix(marker, m):
					at = end - len(m)
				case strings.HasPrefix(text[end:], m):
					at = end
				default:
					continue
				}
				p.Report(document.Span{Start: at, End: at + len(m)}, "“"+name(s.Form, s.Ordinal)+"”后不用“"+m+"”",
					check.Fix{Message: "删除", Replacement: "", Certain: true})
			}
		case outline.FormDi, outline.FormQiyi, outline.FormShouxian:
			m := text[s.MarkerSpan.Start:end]
			if !strings.HasSuffix(m, "、") {
				continue
			}
			rest := text[end:]
			if ordinalNoun(rest) || utf8.RuneCountInString(clause(rest)) <= 6 {
				continue // 第一、第三产业; 质量第一、效益优先
			}
			at := end - len("、")
			p.Report(document.Span{Start: at, End: end}, "“"+strings.TrimSuffix(m, "、")+"”后用逗号，不用顿号",
				check.Fix{Message: "改为逗号", Replacement: "，", Certain: true})
		}
	}
}

// ordinalNoun reports whether text continues an abbreviated pair of
// ordinals (第一、二产业, 第一、第三批).
func ordinalNoun(text string) bool {
	c := clause(text)
	if len(c) > 18 {
		c = c[:18]
	}
	for _, w := range []string{"产业", "轮", "批", "季度", "届", "期", "名", "等奖", "次"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// clause returns text up to the first clause mark.
func clause(text string) string {
	if i := strings.IndexAny(text, "，。；：！？\n"); i >= 0 {
		return text[:i]
	}
	return text
}

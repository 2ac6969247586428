package numbering

import (
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
	"zongjie/outline"
)

// SetMixing reports an enumeration that changes ordinal set midway:
// 首先……其次……第三, 第一……其二, 一是……第二.
var SetMixing = &check.Rule{
	ID: "NB006", Name: "ordinal-set-mixing", Category: check.Numbering, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "列举序号混用",
		Text:   "“第一、第二……”“其一、其二……”“首先、其次……”“一是、二是……”各成一套，同一组列举不能混用。",
		Wrong:  "一、主要工作\n首先，要提高认识。其次，要压实责任。第三，要强化督查。",
		Right:  "一、主要工作\n第一，要提高认识。第二，要压实责任。第三，要强化督查。",
		Source: "公文写作常规（序数词分套使用）",
	},
	Run: func(p *check.Pass) {
		eachList(p.Reports, func(_ *zongjie.Report, _ *zongjie.Section, children []*zongjie.Section) {
			var prev *zongjie.Section
			last := map[string]int{}  // index in children of the last item of each form
			first := map[string]int{} // index of the 1 that opened each form's current list
			for i, s := range children {
				if !enumForms[s.Form] {
					prev = nil
					continue
				}
				if s.Ordinal == 1 {
					first[s.Form] = i
				}
				own, seen := last[s.Form]
				last[s.Form] = i
				if prev != nil && s.Form != prev.Form && s.Ordinal > 1 && continues(prev, s) && !generated(p, s) &&
					!resumes(children, own, seen, first[prev.Form], s) {
					want := Marker(prev.Form, s.Ordinal)
					p.Report(s.MarkerSpan, "前面用“"+name(prev.Form, prev.Ordinal)+"”，这里用“"+strings.TrimRight(s.Marker, "，,、：: ")+"”，同一组列举应统一为“"+want+"”",
						check.Fix{Message: "改为" + want, Replacement: want + markTail(s), Certain: false})
				}
				prev = s
			}
		})
	},
}

// resumes reports whether s carries on a list of its own form that a
// nested list of another form interrupted: its ordinal's predecessor came
// before (children[own], when seen) and the other list began at 1 after it
// (children[nested]): "三要严抓安全。重点抓好：一是…；二是…；三是…。" then
// "四要严格值守。" is no 四 of the 是 list.
func resumes(children []*zongjie.Section, own int, seen bool, nested int, s *zongjie.Section) bool {
	return seen && children[own].Ordinal == s.Ordinal-1 && nested > own
}

// continues reports whether s carries on prev's list: the next ordinal, or
// 最后 after 其次 or later.
func continues(prev, s *zongjie.Section) bool {
	if s.Ordinal == -1 {
		return false // 最后 ends any list
	}
	if prev.Ordinal == -1 {
		return false
	}
	return s.Ordinal == prev.Ordinal+1
}

// LostMarker reports, in a paragraph listing short item titles (一是加强思
// 想建设。…二是夯实基层党建。…), a later sentence just as short standing
// alone (提升能力作风。…): an item whose 三是 was lost in editing.
var LostMarker = &check.Rule{
	ID: "NB007", Name: "lost-enum-marker", Category: check.Numbering, Severity: check.Warning,
	Doc: check.Doc{
		Title: "疑似漏写列举序号",
		Text: "同一段中“一是××××。”“二是××××。”以短句作小标题，其后又出现同样的短句小标题却没有序号，" +
			"多是修改时删掉了“三是”“四是”。",
		Wrong: "一、主要工作\n（一）党建引领。一是加强思想建设。全年开展中心组学习35次，讲党课10次。二是夯实基层党建。新组建党支部19个，整顿软弱涣散党组织3个。" +
			"提升能力作风。扎实开展作风提升年行动，认领重点工作99项。",
		Right: "一、主要工作\n（一）党建引领。一是加强思想建设。全年开展中心组学习35次，讲党课10次。二是夯实基层党建。新组建党支部19个，整顿软弱涣散党组织3个。" +
			"三是提升能力作风。扎实开展作风提升年行动，认领重点工作99项。",
		Source: "公文审校常规",
	},
	Run: runLostMarker,
}

// titleBreaks are the characters a short title sentence (一是加强思想建设。)
// holds none of: marks inside a sentence, digits.
var titleBreaks = words.NewCutset("，、；：,;:0123456789")

func runLostMarker(p *check.Pass) {
	text := p.File.Text
	eachList(p.Reports, func(_ *zongjie.Report, parent *zongjie.Section, children []*zongjie.Section) {
		// Group the 一是 items of this parent by paragraph.
		byPara := map[int][]*zongjie.Section{}
		var paras []int
		for _, s := range children {
			if s.Form != outline.FormShi && s.Form != outline.FormYao {
				continue
			}
			if _, ok := byPara[s.Para]; !ok {
				paras = append(paras, s.Para)
			}
			byPara[s.Para] = append(byPara[s.Para], s)
		}
		for _, pi := range paras {
			items := byPara[pi]
			if len(items) < 2 || pi >= len(p.File.Paragraphs) {
				continue
			}
			// Every item must be a short title sentence: 一是加强思想建设。
			lo, hi := 100, 0
			ok := true
			for _, s := range items {
				t, _ := titleSentence(text, s.MarkerSpan.End)
				n := utf8.RuneCountInString(t)
				if n < 3 || n > 12 || titleBreaks.IndexAny(t) >= 0 {
					ok = false
					break
				}
				lo, hi = min(lo, n), max(hi, n)
			}
			if !ok {
				continue
			}
			last := items[len(items)-1]
			para := p.File.Paragraphs[pi].Span
			if parent != nil && parent.Body.End < para.End && parent.Body.End > last.Span.End {
				// A list nested in an item ("第一，…。一是…二是…") ends
				// with that item: the next item's text is not its.
				para.End = parent.Body.End
			}
			_, end := titleSentence(text, last.MarkerSpan.End)
			ordinal := last.Ordinal
			// A lost title stands between narrative sentences: the one
			// before it closes the previous item, the one after it opens
			// its own. Runs of short sentences are a list of results.
			long := func(s string) bool {
				return utf8.RuneCountInString(s) >= hi+6 || strings.ContainsAny(s, "，；")
			}
			before := ""
			for pos := end; pos < para.End; {
				s, next := sentenceAt(text, pos, para.End)
				n := utf8.RuneCountInString(s)
				after, _ := sentenceAt(text, next, para.End)
				prevLong := long(before)
				before = s
				if next < para.End && prevLong && long(after) && n >= max(lo-1, 4) && n <= hi+2 && isTitleLike(s) {
					ordinal++
					want := Marker(last.Form, ordinal)
					p.Report(document.Span{Start: pos, End: pos + len(s)}, "这句像是列举的小标题，却没有序号；前面已到“"+name(last.Form, ordinal-1)+"”，疑似漏写“"+want+"”",
						check.Fix{Message: "前面加上" + want, Replacement: want + s, Certain: false})
				}
				pos = next
			}
		}
	})
}

// titleSentence returns the sentence starting at off (up to 。！？), and the
// offset after its end mark.
func titleSentence(text string, off int) (string, int) {
	return sentenceAt(text, off, len(text))
}

// sentenceAt returns the sentence at off, without its end mark, and the
// offset after the mark; it stops at limit.
func sentenceAt(text string, off, limit int) (string, int) {
	rest := text[off:limit]
	i, size := sentenceEnd(rest)
	if i < 0 {
		return rest, limit
	}
	return rest[:i], off + i + size
}

// sentenceEnd returns where the first 。！？ or line end of s is and its
// size, or -1: strings.IndexAny(s, "。！？\n") byte by byte (IndexAny
// decodes every character of s and looks it up among the marks). The
// marks' lead bytes, E3 and EF, start a character wherever they are.
func sentenceEnd(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return i, 1
		case 0xE3: // 。 E3 80 82
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x82 {
				return i, 3
			}
		case 0xEF: // ！ EF BC 81, ？ EF BC 9F
			if i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0x81 || s[i+2] == 0x9F) {
				return i, 3
			}
		}
	}
	return -1, 0
}

// isTitleLike reports whether a short sentence reads as an item title:
// no clause marks, digits, quotes of a whole sentence or words that end a
// narrative sentence (成效明显, 取得实效).
func isTitleLike(s string) bool {
	if strings.ContainsAny(s, "，、；：,;:“”\"（）()0123456789０１２３４５６７８９%％") {
		return false
	}
	if narrativeEnds.Suffix(s) != "" || narrativeWords.Contains(s) {
		return false
	}
	return true
}

// Words that make a short sentence a statement rather than a title.
var (
	narrativeEnds  = words.NewSet("明显", "显著", "实效", "成效", "好评", "肯定", "完成", "落实", "到位", "提高", "提升", "增强", "改善", "了", "的", "中", "等")
	narrativeWords = words.NewSet("已", "均", "被", "共", "累计", "获", "得到", "受到", "我们", "是", "为", "有", "在", "和")
)

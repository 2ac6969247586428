package canonical

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
)

// BareCongress reports a party congress or plenum named without 党的 (or
// 中共, 中国共产党): 学习贯彻二十大精神 → 学习贯彻党的二十大精神.
var BareCongress = &check.Rule{
	ID: "CA003", Name: "bare-congress-name", Category: check.Canonical, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "党代会名称缺少“党的”",
		Text:   "党的全国代表大会和中央全会应写作“党的二十大”“党的二十届三中全会”；并列时一个“党的”可管到底（党的二十大和二十届二中、三中全会）。",
		Wrong:  "圆满完成“二十大”等特防期安保任务，学习贯彻二十届三中全会精神。",
		Right:  "圆满完成党的二十大等特防期安保任务，学习贯彻党的二十届三中全会精神。",
		Source: "中央文件和政府工作报告的通行写法",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(congressWords) {
			end := m.Span.End
			if strings.HasSuffix(m.Word, "届") {
				// 二十届三中全会: the plenum must follow.
				rest := text[end:]
				k := strings.Index(rest, "全会")
				if k < 0 || k > len("三中") {
					continue
				}
				end += k + len("全会")
			} else if congressNot.At(text, end) != "" {
				continue // 二十大类, 十九大项
			}
			// 党的 (or 中共, 中国共产党) earlier in the same coordinated
			// phrase covers it: 党的二十大和二十届三中全会.
			start := m.Span.Start
			before := text[:start]
			for _, q := range []string{"“", "第"} {
				before = strings.TrimSuffix(before, q)
			}
			if covered(before) {
				continue
			}
			span := document.Span{Start: start, End: end}
			if strings.HasSuffix(text[:start], "“") && strings.HasPrefix(text[end:], "”") {
				span = document.Span{Start: start - len("“"), End: end + len("”")}
				p.Report(span, "应写作“党的"+text[start:end]+"”", check.Fix{Message: "改为党的" + text[start:end], Replacement: "党的" + text[start:end], Certain: false})
				continue
			}
			p.Report(span, "应写作“党的"+text[start:end]+"”", check.Fix{Message: "前面加上党的", Replacement: "党的" + text[start:end], Certain: true})
		}
	},
}

var (
	congressWords = check.NewWords("十八大", "十九大", "二十大", "二十一大", "十八届", "十九届", "二十届")
	congressNot   = words.NewSet("类", "项", "行业", "工程", "产业", "专项", "重点", "任务", "举措", "攻坚")
)

// partyWords name the Party before its congress.
var partyWords = words.NewSet("党的", "中共", "中国共产党", "共产党第")

// covered reports whether the text before a congress name ends with a
// 党的 that covers it: directly, or across 和, 、 and other congress names
// in one phrase.
func covered(before string) bool {
	for n := 0; n < 40 && before != ""; n++ {
		if partyWords.Suffix(before) != "" {
			return true
		}
		r, size := utf8.DecodeLastRuneInString(before)
		if strings.ContainsRune("。；，！？\n", r) {
			return false
		}
		before = before[:len(before)-size]
	}
	return false
}

// A slogan is a numbered formulation with the verbs it takes.
type slogan struct {
	name    string
	wrong   map[string]string // verb before it → the right verb
	members []string          // in the canonical order, when it has a list
	suffix  string            // shared by the members in a shortened list
}

var slogans = []slogan{
	{name: "两个确立", wrong: map[string]string{"维护": "坚定拥护", "做到": "坚定拥护", "增强": "深刻领悟", "坚定": "坚定拥护"}},
	{name: "两个维护", wrong: map[string]string{"拥护": "做到", "增强": "做到", "坚定": "坚决做到", "树立": "做到"}},
	{name: "四个意识", wrong: map[string]string{"坚定": "增强", "做到": "增强"},
		members: []string{"政治意识", "大局意识", "核心意识", "看齐意识"}, suffix: "意识"},
	{name: "四个自信", wrong: map[string]string{"增强": "坚定", "树立": "坚定", "做到": "坚定"},
		members: []string{"道路自信", "理论自信", "制度自信", "文化自信"}, suffix: "自信"},
	{name: "五位一体", members: []string{"经济建设", "政治建设", "文化建设", "社会建设", "生态文明建设"}, suffix: "建设"},
	{name: "四个全面", members: []string{"全面建设社会主义现代化国家", "全面深化改革", "全面依法治国", "全面从严治党"}},
}

var sloganWords = check.NewWords("两个确立", "两个维护", "四个意识", "四个自信")

// Collocation reports a numbered slogan with the wrong verb: 维护“两个确立”
// (拥护), 坚定“四个意识” (增强), 增强“四个自信” (坚定).
var Collocation = &check.Rule{
	ID: "CA004", Name: "slogan-collocation", Category: check.Canonical, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "提法与动词搭配不当",
		Text:   "规范搭配为：深刻领悟（坚定拥护）“两个确立”，坚决做到“两个维护”，增强“四个意识”，坚定“四个自信”。",
		Wrong:  "引导党员在学思践悟中维护“两个确立”，坚定“四个意识”，增强“四个自信”。",
		Right:  "引导党员在学思践悟中坚定拥护“两个确立”，增强“四个意识”，坚定“四个自信”。",
		Source: "党的十九届六中全会决议；党的二十大报告",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(sloganWords) {
			before := strings.TrimSuffix(text[:m.Span.Start], "“")
			for _, s := range slogans {
				if s.name != m.Word {
					continue
				}
				for verb, right := range s.wrong {
					if !strings.HasSuffix(before, verb) || verb == "维护" && strings.HasSuffix(before, "拥护") {
						continue
					}
					at := len(before) - len(verb)
					// 拥护 is not 维护: check the character before the verb
					// does not make it another word (坚定拥护 ends with 拥护).
					p.Report(document.Span{Start: at, End: len(before)}, "“"+s.name+"”应搭配“"+right+"”，不说“"+verb+"”",
						check.Fix{Message: "改为" + right, Replacement: right, Certain: false})
				}
			}
		}
	},
}

// Members reports a numbered slogan's members listed in the wrong order or
// with a wrong member: 理论自信、道路自信 → 道路自信、理论自信.
var Members = &check.Rule{
	ID: "CA005", Name: "slogan-members", Category: check.Canonical, Severity: check.Error,
	Doc: check.Doc{
		Title:  "提法内容或顺序有误",
		Text:   "“四个意识”依次为政治意识、大局意识、核心意识、看齐意识；“四个自信”依次为道路自信、理论自信、制度自信、文化自信；“五位一体”“四个全面”也有固定顺序。",
		Wrong:  "坚定理论自信、道路自信、制度自信、文化自信，增强政治意识、核心意识、大局意识、看齐意识。",
		Right:  "坚定道路自信、理论自信、制度自信、文化自信，增强政治意识、大局意识、核心意识、看齐意识。",
		Source: "党的十八届六中全会公报；党的十九大报告",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for si, s := range slogans {
			if len(s.members) == 0 {
				continue
			}
			set := memberWords[si].Set()
			done := -1
			for _, m := range p.Find(memberWords[si]) {
				if m.Span.Start < done {
					continue
				}
				// Collect the members listed from here in one clause.
				var got []string
				end := m.Span.Start
				pos := m.Span.Start
				for {
					w := set.At(text, pos)
					if w == "" {
						break
					}
					got = append(got, w)
					end = pos + len(w)
					pos = end
					if strings.HasPrefix(text[pos:], "、") {
						pos += len("、")
						continue
					}
					if strings.HasPrefix(text[pos:], "和") {
						pos += len("和")
						continue
					}
					break
				}
				done = end
				// A slogan's list ends with a full member: 道路、理论、制度、
				// 文化自信. 政治、经济、文化 alone is any list.
				if len(got) < 3 || s.suffix != "" && !strings.HasSuffix(got[len(got)-1], s.suffix) {
					continue
				}
				want := order(s, got)
				if want == "" {
					continue
				}
				p.Report(document.Span{Start: m.Span.Start, End: end}, "“"+s.name+"”的顺序应为“"+want+"”",
					check.Fix{Message: "改为规范顺序", Replacement: want, Certain: false})
			}
		}
	},
}

// memberWords are the members of each slogan, full and shortened.
var memberWords = func() []*check.Words {
	out := make([]*check.Words, len(slogans))
	for i, s := range slogans {
		out[i] = check.NewWords(append(shortMembers(s), s.members...)...)
	}
	return out
}()

// shortMembers returns the members without their shared suffix, for
// shortened lists (道路、理论、制度、文化自信).
func shortMembers(s slogan) []string {
	if s.suffix == "" {
		return nil
	}
	var out []string
	for _, m := range s.members {
		out = append(out, strings.TrimSuffix(m, s.suffix))
	}
	return out
}

// order returns the listed members in the canonical order, written the
// way they were (full or shortened, same separators), or "" when the list
// is already in order.
func order(s slogan, got []string) string {
	idx := func(w string) int {
		for i, m := range s.members {
			if m == w || s.suffix != "" && m == w+s.suffix {
				return i
			}
		}
		return -1
	}
	sorted := true
	for i := 1; i < len(got); i++ {
		if idx(got[i]) <= idx(got[i-1]) {
			sorted = false
		}
	}
	if sorted {
		return ""
	}
	// The canonical order of the members present, in the written forms.
	byIdx := map[int]string{}
	for _, g := range got {
		byIdx[idx(g)] = g
	}
	var out []string
	for i := range s.members {
		if g, ok := byIdx[i]; ok {
			out = append(out, g)
		}
	}
	if len(out) != len(got) {
		return "" // a member repeated: leave it to a person
	}
	// The last written member keeps the suffix of a shortened list.
	last := got[len(got)-1]
	for i, o := range out {
		if s.suffix != "" && !strings.HasSuffix(o, s.suffix) && strings.HasSuffix(last, s.suffix) && i == len(out)-1 {
			out[i] = o + s.suffix
		}
		if s.suffix != "" && strings.HasSuffix(o, s.suffix) && !strings.HasSuffix(got[i], s.suffix) && i < len(out)-1 {
			out[i] = strings.TrimSuffix(o, s.suffix)
		}
	}
	return strings.Join(out, "、")
}

// SloganQuotes reports a numbered slogan without quotation marks in a
// document that quotes it elsewhere.
var SloganQuotes = &check.Rule{
	ID: "CA006", Name: "slogan-quotes", Category: check.Canonical, Severity: check.Info,
	Doc: check.Doc{
		Title:  "提法引号不统一",
		Text:   "“两个确立”“两个维护”“四个意识”“四个自信”“三会一课”等提法通常加引号；同一文件中有的加、有的不加时报告未加的。",
		Wrong:  "深刻领悟“两个确立”的决定性意义，坚决做到两个维护。",
		Right:  "深刻领悟“两个确立”的决定性意义，坚决做到“两个维护”。",
		Source: "中央文件的通行写法",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		ms := p.Find(quotedSlogans)
		quoted := 0
		for _, m := range ms {
			if isQuoted(text, m.Span) {
				quoted++
			}
		}
		if quoted == 0 || quoted == len(ms) {
			return
		}
		for _, m := range ms {
			if !isQuoted(text, m.Span) {
				p.Report(m.Span, "文中其他提法加了引号，“"+m.Word+"”也应加引号",
					check.Fix{Message: "加引号", Replacement: "“" + m.Word + "”", Certain: true})
			}
		}
	},
}

var quotedSlogans = check.NewWords("两个确立", "两个维护", "四个意识", "四个自信", "三会一课", "两学一做", "放管服", "四下基层")

func isQuoted(text string, s document.Span) bool {
	return strings.HasSuffix(text[:s.Start], "“") && strings.HasPrefix(text[s.End:], "”")
}

// Xinhua reports words the 新华社 list of banned and cautioned words
// corrects: “一带一路”战略 (倡议), 省省委 (省委), 村长 (村委会主任) ….
var Xinhua = &check.Rule{
	ID: "CA007", Name: "xinhua-list", Category: check.Canonical, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "不规范的称谓或提法",
		Text:   "按新华社《新闻信息报道中的禁用词和慎用词》：“一带一路”是倡议而非战略；“中共××省委”不写“省省委”；村的负责人称“村委会主任”；不用“八荣八耻”“前苏联”“习总书记”等说法。",
		Wrong:  "积极融入“一带一路”战略，中共江西省省委召开会议，村长带头签约，学习习总书记讲话。",
		Right:  "积极融入“一带一路”倡议，中共江西省委召开会议，村委会主任带头签约，学习习近平总书记讲话。",
		Source: "新华社《新闻信息报道中的禁用词和慎用词》（2016年修订）",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(xinhuaSet) {
			e := xinhua[m.Word]
			if e.guard != nil && e.guard(text, m.Span) {
				continue
			}
			span := m.Span
			if e.at != "" {
				i := strings.Index(m.Word, e.at)
				span = document.Span{Start: m.Span.Start + i, End: m.Span.Start + i + len(e.at)}
			}
			p.Report(span, e.why, check.Fix{Message: "改为" + e.right, Replacement: e.right, Certain: e.certain})
		}
	},
}

type xinhuaEntry struct {
	at      string // the part of the match to replace; "" for all of it
	right   string
	why     string
	certain bool
	guard   func(text string, s document.Span) bool
}

var xinhua = map[string]xinhuaEntry{
	"“一带一路”战略": {at: "战略", right: "倡议", why: "“一带一路”是倡议，不称“战略”", certain: true},
	"一带一路战略":   {at: "战略", right: "倡议", why: "“一带一路”是倡议，不称“战略”", certain: true},
	"省省委":      {right: "省委", why: "“中共××省委”不写作“省省委”", certain: true},
	"市市委":      {right: "市委", why: "“中共××市委”不写作“市市委”", certain: true, guard: cityName},
	"县县委":      {right: "县委", why: "“中共××县委”不写作“县县委”", certain: true},
	"区区委":      {right: "区委", why: "“中共××区委”不写作“区区委”", certain: true},
	"村长":       {right: "村委会主任", why: "村的负责人称“村委会主任”，不称“村长”", guard: notVillageHead},
	"八荣八耻":     {right: "社会主义荣辱观", why: "“八荣八耻”应表述为“社会主义荣辱观”"},
	"前苏联":      {right: "苏联", why: "应称“苏联”，不称“前苏联”", certain: true},
	"习总书记":     {right: "习近平总书记", why: "应写全称“习近平总书记”", certain: true},
	"习主席":      {right: "习近平主席", why: "应写全称“习近平主席”", certain: true},
}

var xinhuaSet = check.NewWords(keys(xinhua)...)

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// cityName reports whether 市市委 is part of a name that doubles 市
// legitimately (none known), kept for symmetry; it never guards.
func cityName(string, document.Span) bool { return false }

// notVillageHead reports whether 村长 is part of another word: 村长期,
// 河长制-style 村长制, 新村长廊.
func notVillageHead(text string, s document.Span) bool {
	after := text[s.End:]
	for _, w := range []string{"期", "制", "廊", "效", "远", "久", "足"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

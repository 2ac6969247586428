package canonical

import (
	"sort"
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// formulations are fixed formulations matched fuzzily: a variant one or
// two characters away (dropped, added, changed or two swapped) is
// reported, whatever the change, without listing variants in advance.
// Only formulations of eight characters or more are here: shorter ones
// are a word away from other words (中国式现代化 / 中国现代化). Each is
// written without 、 and quotes, which the matching ignores.
var formulations = []string{
	"习近平新时代中国特色社会主义思想",
	"以习近平同志为核心的党中央",
	"巩固拓展脱贫攻坚成果同乡村振兴有效衔接",
	"中国共产党领导的多党合作和政治协商制度",
	"国内国际双循环相互促进的新发展格局",
	"国家治理体系和治理能力现代化",
	"推进国家安全体系和能力现代化",
	"黄河流域生态保护和高质量发展",
	"完整准确全面贯彻新发展理念",
	"全面建设社会主义现代化国家",
	"全面建成社会主义现代化强国",
	"人民群众获得感幸福感安全感",
	"新时代中国特色社会主义",
	"铸牢中华民族共同体意识",
	"以人民为中心的发展思想",
	"绿水青山就是金山银山",
	"社会主义市场经济体制",
	"稳中求进工作总基调",
	"构建人类命运共同体",
	"社会主义核心价值观",
	"以国内大循环为主体",
	"不忘初心牢记使命",
	"供给侧结构性改革",
	"中央八项规定精神",
	"中华民族伟大复兴",
	"中国特色社会主义",
}

// allowed are the legitimate phrases within two edits of a formulation
// (其 siblings and older official names): text holding one of them is not
// a variant.
var allowed = []string{
	"习近平新时代中国特色社会主义经济思想", "习近平新时代中国特色社会主义外交思想", "习近平新时代中国特色社会主义法治思想",
	"习近平新时代中国特色社会主义强军思想", "社会主义核心价值体系", "全面建成社会主义现代化国家", "全面建设社会主义现代化强国",
	"全面建成小康社会", "社会主义市场经济体系", "中国特色社会主义道路", "中国特色社会主义制度", "中国特色社会主义理论体系",
	"中国特色社会主义文化", "中国特色社会主义事业", "中国特色社会主义新时代", "有中国特色的社会主义", "中国特色社会主义者",
	"构建人类卫生健康共同体", "构建人类命运共同体意识", "国家安全体系和能力现代化", "社会主义现代化国家",
	"新时代中国特色社会主义思想", "人民群众获得感幸福感安全感认同感",
}

// isIgnored reports the marks the matching skips on both sides: 不忘初心、
// 牢记使命 is 不忘初心牢记使命.
func isIgnored(r rune) bool {
	switch r {
	case '、', '“', '”', '‘', '’', '"', '\'', ' ', '　', '\t':
		return true
	}
	return false
}

// isBarrier reports the marks that end a window: a formulation never
// spans a clause.
func isBarrier(r rune) bool {
	switch r {
	case '。', '，', '；', '：', '！', '？', '\n', '(', ')', '（', '）', '《', '》', ',', ';', ':', '!', '?':
		return true
	}
	return false
}

// fuzzyEntry is one formulation ready to match.
type fuzzyEntry struct {
	canonical []rune
	edits     int          // at most this many
	pieces    *check.Words // one of them is intact in a variant
	offsets   map[string]int
}

var fuzzyEntries = func() []fuzzyEntry {
	list := append([]string(nil), formulations...)
	// Longest first: a variant of a long formulation is not also reported
	// as a variant of a short one it holds.
	sort.SliceStable(list, func(i, j int) bool { return utf8.RuneCountInString(list[i]) > utf8.RuneCountInString(list[j]) })
	out := make([]fuzzyEntry, 0, len(list))
	for _, f := range list {
		c := []rune(f)
		k := 1
		if len(c) >= 12 {
			k = 2
		}
		e := fuzzyEntry{canonical: c, edits: k, offsets: map[string]int{}}
		var ps []string
		// Pieces such that any k edits leave one intact: for two edits
		// four pieces (a swap across two of them and one more edit); for
		// one edit the two halves and the halves' joint with its two
		// characters swapped (中国特社色会主义), so that no piece is as
		// short and common as 中国.
		add := func(p string, at int) {
			if _, dup := e.offsets[p]; !dup {
				e.offsets[p] = at
				ps = append(ps, p)
			}
		}
		if k == 1 {
			h := len(c) / 2
			add(string(c[:h]), 0)
			add(string(c[h:]), h)
			add(string([]rune{c[h-2], c[h], c[h-1], c[h+1]}), h-2)
		} else {
			for j := 0; j < 4; j++ {
				from, to := j*len(c)/4, (j+1)*len(c)/4
				add(string(c[from:to]), from)
			}
		}
		e.pieces = check.NewWords(ps...)
		out = append(out, e)
	}
	return out
}()

// stripped is a stretch of the text without the ignored marks, as runes
// with their byte spans in the text.
type stripped struct {
	rs         []rune
	start, end []int
}

// strip fills s with the runes of text[from:to] that are not ignored.
func (s *stripped) strip(text string, from, to int) {
	s.rs, s.start, s.end = s.rs[:0], s.start[:0], s.end[:0]
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isIgnored(r) {
			s.rs = append(s.rs, r)
			s.start = append(s.start, i)
			s.end = append(s.end, i+size)
		}
		i += size
	}
}

// index returns the position in s of the character at byte offset off.
func (s *stripped) index(off int) int {
	return sort.SearchInts(s.start, off)
}

// around returns the byte offsets n characters before and after off (or
// the ends of text).
func around(text string, off, n int) (int, int) {
	from, to := off, off
	for k := 0; k < n && from > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	for k := 0; k < n && to < len(text); k++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	return from, to
}

// fuzzyFindings returns the variants of the formulations in text, as spans
// with the canonical wording, skipping spans in done (already reported).
// Only the stretch of text around an anchor (a piece of a formulation
// found intact) is looked at.
func fuzzyFindings(p *check.Pass, done []document.Span) []fuzzyFinding {
	text := p.File.Text
	var out []fuzzyFinding
	var st stripped
	var dp osaBuffers
	taken := append([]document.Span(nil), done...)
	for _, e := range fuzzyEntries {
		c := string(e.canonical)
		for _, m := range p.Find(e.pieces) {
			if off := m.Span.Start - len(string(e.canonical[:e.offsets[m.Word]])); off >= 0 && strings.HasPrefix(text[off:], c) {
				continue // the formulation itself
			}
			from, to := around(text, m.Span.Start, 2*len(e.canonical))
			st.strip(text, from, to)
			at := st.index(m.Span.Start)
			s, end, d := e.best(st.rs, at-e.offsets[m.Word], &dp)
			if d < 1 || d > e.edits {
				continue
			}
			span := document.Span{Start: st.start[s], End: st.end[end-1]}
			if overlaps(taken, span) || e.excused(st.rs, s, end) {
				continue
			}
			taken = append(taken, span)
			out = append(out, fuzzyFinding{span: span, canonical: c})
		}
	}
	return out
}

type fuzzyFinding struct {
	span      document.Span
	canonical string
}

func overlaps(spans []document.Span, s document.Span) bool {
	for _, t := range spans {
		if s.Start < t.End && t.Start < s.End {
			return true
		}
	}
	return false
}

// best returns the window of rs nearest to e's formulation around
// position at (where the formulation would start if the anchor piece is
// where it belongs): its start, end and edit distance (optimal string
// alignment: a swap of neighbours is one edit). d is -1 where no window
// fits.
func (e *fuzzyEntry) best(rs []rune, at int, dp *osaBuffers) (start, end, d int) {
	c, k := e.canonical, e.edits
	n := len(c)
	d = -1
	if !e.plausible(rs, at) {
		return 0, 0, d
	}
	for s := at - k; s <= at+k; s++ {
		if s < 0 || s >= len(rs) {
			continue
		}
		limit := min(len(rs), s+n+k)
		for i := s; i < limit; i++ {
			if isBarrier(rs[i]) {
				limit = i
				break
			}
		}
		dist := dp.osa(c, rs[s:limit])
		for l := max(1, n-k); l <= limit-s; l++ {
			dd := dist[l]
			if dd > k {
				continue
			}
			w := rs[s : s+l]
			// Anchored at both ends: the window starts and ends with the
			// formulation's characters, or differs from it at one end by
			// one changed character only (中国特色社会主意).
			if w[0] != c[0] || w[l-1] != c[n-1] {
				if dd != 1 || l != n || w[0] != c[0] && w[l-1] != c[n-1] {
					continue
				}
			}
			if d < 0 || dd < d || dd == d && abs(l-n) < abs(end-start-n) {
				start, end, d = s, s+l, dd
			}
		}
	}
	return start, end, d
}

// plausible is a quick necessary test before the distances: within k
// edits, at least n−k characters of the formulation stand within 2k of
// where they belong if it starts at at (a changed or dropped character
// loses one; an added one or a swap only shifts the others).
func (e *fuzzyEntry) plausible(rs []rune, at int) bool {
	c, k := e.canonical, e.edits
	miss := 0
	for i, r := range c {
		found := false
		for j := max(0, at+i-2*k); j <= at+i+2*k && j < len(rs); j++ {
			if rs[j] == r {
				found = true
				break
			}
		}
		if !found {
			if miss++; miss > k {
				return false
			}
		}
	}
	return true
}

// excused reports whether a window is no variant at all: the formulation
// itself is written right there, an allowed phrase covers the window, or
// it is the formulation with a 的 added (中华民族的伟大复兴, 人民群众的获得感):
// a particle that reads naturally in a sentence. A 的 dropped from a
// formulation that has it (以习近平同志为核心党中央) is a variant.
func (e *fuzzyEntry) excused(rs []rune, s, end int) bool {
	w := string(rs[s:end])
	if strings.Count(w, "的") > strings.Count(string(e.canonical), "的") &&
		strings.ReplaceAll(w, "的", "") == strings.ReplaceAll(string(e.canonical), "的", "") {
		return true
	}
	// The formulation itself, another one or an allowed phrase written
	// across the window: 全面建设社会主义现代化国家 is not a variant of
	// 全面建成社会主义现代化强国. (A part of the formulation, 中国特色社会主义
	// in 习近平新时代中国特色社会主义理论思想, excuses nothing.)
	c := string(e.canonical)
	for _, list := range [][]string{formulations, allowed} {
		for _, a := range list {
			if (a == c || !strings.Contains(c, a)) && across(rs, s, end, []rune(a)) {
				return true
			}
		}
	}
	return false
}

// across reports whether phrase occurs in rs overlapping [s, end).
func across(rs []rune, s, end int, phrase []rune) bool {
	lo, hi := max(0, s-len(phrase)+1), min(len(rs), end+len(phrase)-1)
	for i := lo; i+len(phrase) <= hi; i++ {
		if rs[i] == phrase[0] && string(rs[i:i+len(phrase)]) == string(phrase) {
			return true
		}
	}
	return false
}

// osaBuffers are the rows of the distance table, reused.
type osaBuffers struct{ a, b, c []int }

// osa returns, for every prefix length l of t, the optimal string
// alignment distance between c and t[:l]. The slice is valid until the
// next call.
func (dp *osaBuffers) osa(c, t []rune) []int {
	n, m := len(c), len(t)
	if cap(dp.a) < m+1 {
		dp.a, dp.b, dp.c = make([]int, m+1), make([]int, m+1), make([]int, m+1)
	}
	prev2, prev, cur := dp.a[:m+1], dp.b[:m+1], dp.c[:m+1]
	for j := 0; j <= m; j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		for j := 1; j <= m; j++ {
			cost := 1
			if c[i-1] == t[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && c[i-1] == t[j-2] && c[i-2] == t[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

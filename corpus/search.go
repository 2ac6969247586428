package corpus

import (
	"unicode"
)

// Highlight returns the spans of text, in characters, where query occurs
// as search matches it: letters and digits in order, with width, case,
// spaces and punctuation ignored (ＧＤＰ增长 finds "GDP 增长").
func Highlight(text, query string) [][2]int {
	q := foldRunes(query, nil)
	if len(q) == 0 {
		return nil
	}
	var pos []int
	t := foldRunes(text, &pos)
	var out [][2]int
	for i := 0; i+len(q) <= len(t); {
		if !equalRunes(t[i:i+len(q)], q) {
			i++
			continue
		}
		out = append(out, [2]int{pos[i], pos[i+len(q)-1] + 1})
		i += len(q)
	}
	return out
}

// foldRunes keeps letters and digits, folded to half-width lower case;
// pos, if not nil, receives each kept character's offset in s.
func foldRunes(s string, pos *[]int) []rune {
	var out []rune
	i := 0
	for _, r := range s {
		if r >= '！' && r <= '～' {
			r = r - '！' + '!'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, unicode.ToLower(r))
			if pos != nil {
				*pos = append(*pos, i)
			}
		}
		i++
	}
	return out
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Snippet returns about width characters of text around its first
// highlight, and the highlights within it (offsets in the snippet).
// Ellipses mark cut ends.
func Snippet(text string, spans [][2]int, width int) (string, [][2]int) {
	rs := []rune(text)
	if len(rs) <= width || len(spans) == 0 {
		return text, spans
	}
	start := max(0, spans[0][0]-width/3)
	end := min(len(rs), start+width)
	start = max(0, end-width)
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
	}
	if end < len(rs) {
		suffix = "…"
	}
	shift := len([]rune(prefix)) - start
	var in [][2]int
	for _, s := range spans {
		if s[0] >= start && s[1] <= end {
			in = append(in, [2]int{s[0] + shift, s[1] + shift})
		}
	}
	return prefix + string(rs[start:end]) + suffix, in
}

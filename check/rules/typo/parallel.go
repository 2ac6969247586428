package typo

import (
	"unicode/utf8"
)

// itemMark reports whether r separates the items of a coordination or
// the clauses of a parallel sentence (抗洪精神、抗疫精神; 民之所盼，政之所向).
func itemMark(r rune) bool { return r == '、' || r == '，' || r == '；' }

// parallelItem reports whether the span [start, end) of text, whose
// character at byte offset at is replaced by right, is part of an item
// set in parallel with the item just before or after it (the runs of
// Chinese characters beside it across a mark of itemMark), counting the
// places from the items' starts or from their ends:
//
//   - the sibling has the wrong character at the same place, and a
//     neighbour of it too (民之所盼，政之所向: 之所; 以案为鉴、以案明纪:
//     以案): the writer repeats it;
//   - or the sibling reads as the item does on both sides of the replaced
//     place, three characters in all, but has another character than the
//     correction there (抗洪精神、抗疫精神: 抗?精神, with 洪 and not 议):
//     the items are the coinages of one frame.
//
// A typo is not set in such a frame: its item's sibling holds the right
// character where it holds the wrong one, or neither.
func parallelItem(text string, start, end, at int, right rune) bool {
	a, b := hanRun(text, start)
	if end > b {
		return false
	}
	wrong, _ := utf8.DecodeRuneInString(text[at:])
	item := []rune(text[a:b])
	p := utf8.RuneCountInString(text[a:at])
	var siblings [][]rune
	if r, size := utf8.DecodeLastRuneInString(text[:a]); a > 0 && itemMark(r) {
		if c, d := hanRun(text, a-size-1); d == a-size && c < d {
			siblings = append(siblings, []rune(text[c:d]))
		}
	}
	if r, size := utf8.DecodeRuneInString(text[b:]); b < len(text) && itemMark(r) {
		if c, d := hanRun(text, b+size); c == b+size && c < d {
			siblings = append(siblings, []rune(text[c:d]))
		}
	}
	for _, sib := range siblings {
		// From the start (shift 0), then from the end.
		for _, shift := range [...]int{0, len(sib) - len(item)} {
			k := p + shift
			if k < 0 || k >= len(sib) || sib[k] == right {
				continue
			}
			// The places before and after the replaced one where the
			// items agree, without a gap.
			before, after := 0, 0
			for j := p - 1; j >= 0 && j+shift >= 0 && sib[j+shift] == item[j]; j-- {
				before++
			}
			for j := p + 1; j < len(item) && j+shift < len(sib) && sib[j+shift] == item[j]; j++ {
				after++
			}
			if sib[k] == wrong && before+after >= 1 || before >= 1 && after >= 1 && before+after >= 3 {
				return true
			}
		}
	}
	return false
}

// hanRun returns the run of Chinese characters of text around byte
// offset i (an empty one at i when the character there is not Chinese).
func hanRun(text string, i int) (int, int) {
	if i < 0 || i >= len(text) {
		return i, i
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	if r, _ := utf8.DecodeRuneInString(text[i:]); !isHan(r) {
		return i, i
	}
	a, b := i, i
	for a > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:a])
		if !isHan(r) {
			break
		}
		a -= size
	}
	for b < len(text) {
		r, size := utf8.DecodeRuneInString(text[b:])
		if !isHan(r) {
			break
		}
		b += size
	}
	return a, b
}

package typo

import (
	"strings"
	"unicode/utf8"
)

// Coined names (README.md, "TY008", "Abbreviations and names").

// inNameList reports whether the span [start, end) of text is a whole
// item of a list (its run of Chinese characters, or the run up to the 等
// that ends a list, set off by 、 on at least one side) with a name
// among the three items before or after it (nameLike: 奇瑞 beside 蔚来 in
// a list of carmakers, 浍河 beside 涝河 in one of rivers). Such a list
// names firms, brands, products or places, which the lexicon lacks and
// reads as typos of words (蔚来 → 未来); a list of words (教育、卫声、文化)
// holds no name.
func (l *lexicon) inNameList(text string, start, end int) bool {
	a, b := hanRun(text, start)
	if a != start || b != end && !strings.HasPrefix(text[end:], "等") {
		return false
	}
	b = end
	for _, dir := range [...]int{-1, 1} {
		lo, hi := a, b
		for range 3 {
			var c, d int
			if dir < 0 {
				r, size := utf8.DecodeLastRuneInString(text[:lo])
				if r != '、' {
					break
				}
				c, d = hanRun(text, lo-size-1)
				if d != lo-size {
					break
				}
			} else {
				r, size := utf8.DecodeRuneInString(text[hi:])
				if r != '、' {
					break
				}
				c, d = hanRun(text, hi+size)
				if c != hi+size {
					break
				}
			}
			if c == d {
				break
			}
			// The last item of a list ends at 等 (比亚迪、奇瑞等企业).
			if i := strings.Index(text[c:d], "等"); dir > 0 && i > 0 {
				d = c + i
			}
			if l.nameLike(text[c:d]) {
				return true
			}
			lo, hi = c, d
		}
	}
	return false
}

// namePair is the count in report prose (bigrams.gz) under which a pair
// of neighbours may be that of a name (nameLike): the words of report
// prose make pairs written hundreds of times (教育 338, 文化 313).
const namePair = attestedPair

// nameFreq is the least frequency in the lexicon of an item that general
// text writes as a word (水文 660, 档案 1,172, though report prose seldom
// writes them), where a name is rare or missing (奇瑞 51, 浍河, 蔚来).
const nameFreq = 100

// nameLike reports whether item, a run of Chinese characters, reads as a
// name: two or three characters, a word of the lexicon rarer than
// nameFreq or none, with a pair of neighbours that report prose writes
// less than namePair times (奇瑞, 浍河, 昕水河). An item of four
// characters is none: two words make pairs across them that reports
// seldom write (宁德时代: 德时; 海洋污染: 洋污).
func (l *lexicon) nameLike(item string) bool {
	var ids [3]uint16
	n := 0
	for _, r := range item {
		if n == len(ids) || r >= 0x10000 {
			return false
		}
		ids[n] = l.id[r]
		n++
	}
	if n < 2 || l.freq(pack(ids[:n])) >= nameFreq {
		return false
	}
	for j := 0; j+1 < n; j++ {
		if l.bigram(ids[j], ids[j+1]) < namePair {
			return true
		}
	}
	return false
}

package document

import (
	"strings"
	"unicode/utf8"
)

// Text copied from web pages and PDFs breaks lines inside a sentence,
// often around a short fragment that a page's layout set apart: "广义货币M\n
// 2\n预期增长13%左右", "“\n十三五\n”实现了良好开局", "（PM\n2.5\n）". The
// decisions below are shared by the readers, which join such lines into one
// paragraph so that extraction reads one sentence, and by the checks that
// carry paired marks across paragraphs.

// sentenceEnds end a sentence (or, for ；, an item of a list).
const sentenceEnds = "。！？；…"

// EndsSentence reports whether a paragraph's text ends a sentence: its last
// character is 。！？；…. A closing quotation mark after it ("…。”") is
// not an end: a quotation may go on in the next paragraph.
func EndsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\u3000")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != utf8.RuneError && strings.ContainsRune(sentenceEnds, r)
}

// maxFragment is the most characters a fragment set apart by web copy has;
// the line after it, which goes on with the sentence, has more than
// minGoesOn (a table copied cell by cell has short lines in a row).
const (
	maxFragment = 3
	minGoesOn   = 6
)

// BrokenInside reports whether the line frag, between the lines prev and
// next with no blank line around it, is a fragment of the sentence that
// prev began and next goes on with: frag has one to three characters and
// ends no sentence, prev is running text (it holds a clause mark) that ends
// no sentence nor with a colon, and next is longer than a fragment and no
// heading. A short line after a title or heading ("前言", "2"), a page
// number ("- 2 -"), a line after a finished sentence and short lines in a
// row (a table copied cell by cell) are never joined.
func BrokenInside(prev, frag, next string) bool {
	if len(frag) == 0 || len(frag) > utf8.UTFMax*maxFragment {
		return false // most lines: too long to count their characters
	}
	if n := utf8.RuneCountInString(frag); n > maxFragment || EndsSentence(frag) || EndsSentence(prev) || next == "" {
		return false
	}
	if strings.ContainsAny(frag, "-—－ ") || !strings.ContainsAny(prev, "，、；：。“（") || strings.HasSuffix(prev, "：") {
		return false // a page number "- 2 -", a title before it, or a list or table after a colon
	}
	if len(next) <= utf8.UTFMax*minGoesOn && utf8.RuneCountInString(next) <= minGoesOn {
		return false // short lines in a row: a table's cells, not a sentence
	}
	return !headingStart(next) && !headingStart(frag)
}

// headingStart reports whether a line opens with the marker of a heading or
// an item: 一、 （一） 1. 1、 （1） 第一 一是.
func headingStart(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == '（' || r == '(':
		return true
	case r == '第':
		return true
	case r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十", r):
		rest := strings.TrimLeft(s[size:], "0123456789一二三四五六七八九十")
		if dot, ok := strings.CutPrefix(rest, "."); ok {
			return dot == "" || dot[0] < '0' || dot[0] > '9' // 1. but not 2.5
		}
		return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "．") || strings.HasPrefix(rest, "是")
	}
	return false
}

package store

import (
	"unicode"
	"unicode/utf8"
)

// Terms returns the search tokens of text, the unit both stores index and
// match, so that they find the same paragraphs:
//
//   - full-width ASCII letters and digits (Ａ-Ｚ ａ-ｚ ０-９) are folded to
//     half-width first;
//   - a run of ASCII letters and digits is one token, lower-cased;
//   - every other letter (a Chinese character, a kana, a Latin letter with
//     a diacritic …), decimal digit or letter-like numeral (〇, Ⅳ) is a token
//     of its own, lower-cased;
//   - punctuation, symbols, other numerals (①, ²) and white space separate
//     tokens and are dropped, as are bytes that are not valid UTF-8.
//
// A stored paragraph is indexed as the tokens of its text joined by single
// spaces, and a query matches a paragraph that holds its tokens
// consecutively, so that any run of Chinese characters, of any length, is
// found wherever it occurs.
func Terms(text string) []string {
	var terms []string
	eachTerm(text, func(term []byte) { terms = append(terms, string(term)) })
	return terms
}

// Spaced returns the tokens of text (see Terms) joined by single spaces:
// what a store indexes for a paragraph and matches as a phrase for a query.
func Spaced(text string) string {
	b := make([]byte, 0, len(text)+len(text)/3)
	eachTerm(text, func(term []byte) {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, term...)
	})
	return string(b)
}

// CountPhrase returns the number of tokens of text (see Terms) and at
// how many of them the tokens of phrase (Terms of a query, one or more)
// begin in turn, occurrences that overlap each counted: what " " +
// Spaced(text) + " " shows, without making it. A search ranks every
// paragraph that holds its phrase by these two numbers.
func CountPhrase(text string, phrase []string) (tokens, occurrences int) {
	if len(phrase) == 0 {
		return len(Terms(text)), 0
	}
	// The partial occurrences under way: how many of the phrase's tokens
	// each has matched. At most len(phrase) of them, each started at a
	// different token.
	var (
		arr     [8]int
		partial = arr[:0]
	)
	eachTerm(text, func(term []byte) {
		tokens++
		kept := partial[:0]
		for _, k := range partial {
			if string(term) == phrase[k] {
				if k+1 == len(phrase) {
					occurrences++
				} else {
					kept = append(kept, k+1)
				}
			}
		}
		partial = kept
		if string(term) == phrase[0] {
			if len(phrase) == 1 {
				occurrences++
			} else {
				partial = append(partial, 1)
			}
		}
	})
	return tokens, occurrences
}

// eachTerm calls fn with each token of text in turn, in a buffer that fn
// must not keep.
func eachTerm(text string, fn func(term []byte)) {
	var (
		run [64]byte // a token being collected
		buf = run[:0]
	)
	flush := func() {
		if len(buf) > 0 {
			fn(buf)
			buf = buf[:0]
		}
	}
	for _, r := range text {
		r = foldWidth(r)
		switch {
		case r < utf8.RuneSelf:
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				buf = append(buf, byte(r))
			case 'A' <= r && r <= 'Z':
				buf = append(buf, byte(r+'a'-'A'))
			default:
				flush()
			}
		case '\u4e00' <= r && r <= '\u9fff': // CJK Unified Ideographs: all letters, no case
			flush()
			fn(utf8.AppendRune(buf, r))
		case unicode.IsLetter(r) || unicode.In(r, unicode.Nd, unicode.Nl):
			flush()
			fn(utf8.AppendRune(buf, unicode.ToLower(r)))
		default:
			flush()
		}
	}
	flush()
}

// foldWidth maps the full-width forms of ASCII letters and digits to ASCII.
func foldWidth(r rune) rune {
	switch {
	case '０' <= r && r <= '９', 'Ａ' <= r && r <= 'Ｚ', 'ａ' <= r && r <= 'ｚ':
		return r - '０' + '0'
	}
	return r
}

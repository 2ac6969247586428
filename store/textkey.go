package store

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// TextKey returns the key of a report's text for telling the same report
// stored twice from two files: the hex SHA-256 of the text with what
// differs between copies of one report in different files left out —
//   - the encoding (the text is decoded already);
//   - the width: full-width ASCII forms (ＡＢ１２，) are their half-width
//     characters, the ideographic space a space;
//   - whitespace, and the zero-width characters U+200B–U+200D, U+2060 and
//     U+FEFF, wherever they are;
//   - the markup of a Markdown file that a .txt or .docx copy has not: a
//     heading's #, a quotation's >, a list item's - + or *, a table's |
//     and its rule row (| --- | :---: |), emphasis * and _.
//
// Text that keeps nothing (empty, or whitespace alone) has the key "",
// which is no report's.
func TextKey(text string) string {
	var b strings.Builder
	for line := range strings.Lines(text) {
		line = strings.Map(foldASCIIWidth, line)
		t := strings.TrimLeftFunc(line, unicode.IsSpace)
		t = strings.TrimLeft(t, "#>")
		if len(t) > 1 && strings.ContainsRune("-+*", rune(t[0])) && unicode.IsSpace(rune(t[1])) {
			t = t[1:] // a list item's marker
		}
		if tableRule(t) {
			continue
		}
		for _, r := range t {
			if unicode.IsSpace(r) || zeroWidth(r) || r == '|' || r == '*' || r == '_' {
				continue
			}
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// foldASCIIWidth maps a full-width ASCII form, punctuation too (，is ,),
// to its character, and the ideographic space to a space.
func foldASCIIWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r == 0x3000:
		return ' '
	}
	return r
}

// zeroWidth reports whether r is an invisible character that copies of a
// text may or may not hold.
func zeroWidth(r rune) bool {
	return r >= 0x200B && r <= 0x200D || r == 0x2060 || r == 0xFEFF
}

// tableRule reports whether line is the rule row of a Markdown table:
// only |, -, : and spaces, with a - in it and a |.
func tableRule(line string) bool {
	line = strings.TrimSpace(line)
	if !strings.Contains(line, "-") || !strings.Contains(line, "|") {
		return false
	}
	return strings.Trim(line, "|-: \t") == ""
}

package words

// TrimSpace is strings.TrimSpace, faster on Chinese text: it tells a
// character at either end that is not a space by its bytes, where
// strings.TrimSpace, past an ASCII end, decodes the characters and asks
// unicode.IsSpace (a Chinese character, a full-width mark: most names and
// clauses end with one). The result is always strings.TrimSpace's
// (FuzzTrimSpace).
func TrimSpace(s string) string {
	for len(s) > 0 {
		n := spaceBefore(s)
		if n == 0 {
			break
		}
		s = s[:len(s)-n]
	}
	for len(s) > 0 {
		n := spaceAfter(s)
		if n == 0 {
			break
		}
		s = s[n:]
	}
	return s
}

// The spaces of unicode.IsSpace: ASCII \t \n \v \f \r and the space, and
// U+0085, U+00A0 (C2 85, C2 A0), U+1680 (E1 9A 80), U+2000–U+200A (E2 80
// 80–8A), U+2028, U+2029, U+202F (E2 80 A8, A9, AF), U+205F (E2 81 9F)
// and U+3000 (E3 80 80).

// spaceAfter returns the length of the space s starts with, or 0.
func spaceAfter(s string) int {
	c := s[0]
	if c < 0x80 {
		if asciiSpace(c) {
			return 1
		}
		return 0
	}
	if c == 0xC2 && len(s) >= 2 && (s[1] == 0x85 || s[1] == 0xA0) {
		return 2
	}
	if len(s) >= 3 && isSpace3(c, s[1], s[2]) {
		return 3
	}
	return 0
}

// spaceBefore returns the length of the space s ends with, or 0.
func spaceBefore(s string) int {
	n := len(s)
	c := s[n-1]
	if c < 0x80 {
		if asciiSpace(c) {
			return 1
		}
		return 0
	}
	if n >= 2 && s[n-2] == 0xC2 && (c == 0x85 || c == 0xA0) {
		return 2
	}
	if n >= 3 && isSpace3(s[n-3], s[n-2], c) {
		return 3
	}
	return 0
}

func asciiSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// isSpace3 reports whether a, b, c encode a space of three bytes.
func isSpace3(a, b, c byte) bool {
	switch a {
	case 0xE1:
		return b == 0x9A && c == 0x80
	case 0xE2:
		return b == 0x80 && (c >= 0x80 && c <= 0x8A || c == 0xA8 || c == 0xA9 || c == 0xAF) || b == 0x81 && c == 0x9F
	case 0xE3:
		return b == 0x80 && c == 0x80
	}
	return false
}

package words

// HalfWidthMarks are the half-width forms of the clause and sentence marks
// that messy reports type for ；，：！？。 (HalfWidthMark tells which of them
// end a clause where they stand).
const HalfWidthMarks = ";,:!?."

// HalfWidthMark reports whether the half-width mark at byte i of text ends
// a clause as its full-width form would: ;!? always; , and : unless between
// ASCII digits (1,234 and 8:30, BetweenDigits); . only after a character
// that is not ASCII (抓作风.二是…, not 1.5, 1.工业 or v2.). Any other byte
// is no mark.
func HalfWidthMark(text string, i int) bool {
	switch text[i] {
	case ';', '!', '?':
		return true
	case ',', ':':
		return !BetweenDigits(text, i)
	case '.':
		return i > 0 && text[i-1] >= 0x80
	}
	return false
}

// BetweenDigits reports whether the byte at i of text has an ASCII digit on
// either side: the separator of 1,234 or 8:30, no mark of a clause.
func BetweenDigits(text string, i int) bool {
	return i > 0 && i+1 < len(text) && isASCIIDigit(text[i-1]) && isASCIIDigit(text[i+1])
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

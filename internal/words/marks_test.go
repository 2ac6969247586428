package words

import (
	"strings"
	"testing"
)

// Ensure a half-width mark ends a clause where its full-width form would,
// and a separator inside a number or a code does not.
func TestHalfWidthMark(t *testing.T) {
	for _, tt := range []struct {
		text string // the mark is the first byte of HalfWidthMarks in it
		want bool
	}{
		{"设施老化;二是", true},
		{"经费不足,设施老化", true},
		{"三件事:一是", true},
		{"强服务!", true},
		{"优环境.三是", true},
		{"完成投资1,234万元", false},
		{"于8:30召开", false},
		{"增长1.5%", false},
		{"1.工业生产", false},
		{"版本v2.三是", false},
		{"共3,二是", true}, // a digit on one side only
	} {
		i := strings.IndexAny(tt.text, HalfWidthMarks)
		if got := HalfWidthMark(tt.text, i); got != tt.want {
			t.Errorf("HalfWidthMark(%q at %d) = %v, want %v", tt.text, i, got, tt.want)
		}
	}
	if HalfWidthMark("甲乙", 0) {
		t.Error("a Chinese character's first byte is no mark")
	}
}

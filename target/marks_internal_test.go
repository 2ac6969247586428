package target

import (
	"reflect"
	"strings"
	"testing"

	"zongjie/document"
)

// TestIndexSets holds the one-pass index of the markSets to what the
// index of each set alone finds, on text with every mark, marks at the
// report's ends and text outside the report.
func TestIndexSets(t *testing.T) {
	for i, a := range markSets {
		for j, b := range markSets {
			for _, m := range *a {
				for _, n := range *b {
					if m != n && strings.HasPrefix(n, m) {
						t.Fatalf("mark %q of set %d is a prefix of %q of set %d: indexSets needs one mark a position", m, i, n, j)
					}
				}
			}
		}
	}
	texts := []string{
		"",
		"一、目标。力争完成3.5亿元；控制在2%以内，确保“两个100%”！是否？是：否,是;否\n下一段、完",
		"。！？；，、：,;\n0123456789控制在控制在控制",
		"没有任何标记的一段话",
	}
	for _, text := range texts {
		for _, span := range []document.Span{{Start: 0, End: len(text)}, {Start: min(3, len(text)), End: len(text) - min(3, len(text))}} {
			in := Input{File: &document.File{Text: text}, Span: span}
			all := (&extractor{in: in, marks: map[*[]string]markIndex{}}).indexSets()
			for k, set := range markSets {
				// A set index does not know, as a copy does: the loop of
				// index for the sets outside markSets.
				own := append([]string(nil), *set...)
				x := &extractor{in: in, marks: map[*[]string]markIndex{}}
				if got, want := all[k], x.index(&own); !reflect.DeepEqual(got, want) {
					t.Errorf("%q %v set %v: one pass %v, alone %v", text, span, *set, got, want)
				}
			}
		}
	}
}

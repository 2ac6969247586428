package typo

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/document"
)

// TestScanPass holds the dictionaries' scans from the checker's shared
// scan (scanPass) to their own scan: the same matches, in order, on text
// made of their wrong and right forms and guards run together, so that
// forms overlap, nest and sit next to their guards.
func TestScanPass(t *testing.T) {
	for _, d := range []*dict{pairDict, variantDict} {
		if d.shared == nil {
			t.Fatal("a built-in dictionary is not in the shared scan")
		}
		var pieces []string
		for _, e := range d.byWrong {
			pieces = append(pieces, e.wrong, e.right)
			pieces = append(pieces, e.notBefore...)
			pieces = append(pieces, e.notAfter...)
		}
		pieces = append(pieces, "，", "a", "1", "\xe4\xb8", "\xff", "𠀀")
		r := rand.New(rand.NewPCG(3, 4))
		for n := range 3000 {
			var b strings.Builder
			for range 1 + r.IntN(12) {
				p := pieces[r.IntN(len(pieces))]
				if r.IntN(4) == 0 { // a piece cut short, to start forms inside others
					p = string([]rune(p)[r.IntN(len([]rune(p))):])
				}
				b.WriteString(p)
			}
			text := b.String()
			var own, shared []string
			d.scan(text, func(i int, e *entry) { own = append(own, fmt.Sprint(i, e.wrong)) })
			p := &check.Pass{File: &document.File{Text: text}}
			d.scanPass(p, func(i int, e *entry) { shared = append(shared, fmt.Sprint(i, e.wrong)) })
			if !reflect.DeepEqual(own, shared) {
				t.Fatalf("text %d %q: shared scan %v, own scan %v", n, text, shared, own)
			}
		}
	}
}

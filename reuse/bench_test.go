package reuse_test

import (
	"testing"

	"zongjie/examples"
	"zongjie/reader"
	"zongjie/reuse"
)

// BenchmarkCompare aligns a report with its rewrite of the next year
// (examples/shiqiao-2024 and -2025), the comparer prepared once, as
// similar and families use it.
func BenchmarkCompare(b *testing.B) {
	var a, c *reuse.Text
	for _, f := range examples.All() {
		if f.Name != "examples/shiqiao-2024.txt" && f.Name != "examples/shiqiao-2025.txt" {
			continue
		}
		doc, err := reader.Read(f.Name, f.Data) // one of them is GBK
		if err != nil {
			b.Fatal(err)
		}
		if t := reuse.Normalize(doc.Text); a == nil {
			a = t
		} else {
			c = t
		}
	}
	if a == nil || c == nil {
		b.Fatal("examples missing")
	}
	cmp := reuse.NewComparer(a, reuse.StockPhrases())
	c.Hashes()
	b.SetBytes(int64(len(c.Runes)))
	b.ResetTimer()
	for range b.N {
		if res := cmp.Compare(c); len(res.Passages) == 0 {
			b.Fatal("no passage")
		}
	}
}

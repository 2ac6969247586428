package reuse_test

import (
	"fmt"
	"strings"
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

// BenchmarkDifferences diffs every passage two reports of one template
// share whose figures all differ (the compare page's edits): long
// passages with a changed number every few characters.
func BenchmarkDifferences(b *testing.B) {
	text := func(seed int) string {
		var s strings.Builder
		s.WriteString("青禾街道2024年工作总结\n一、主要工作\n")
		for k := range 12 {
			n := seed*7 + k*13
			fmt.Fprintf(&s, "（%d）推进垃圾分类。全年完成投资%d.%d亿元，同比增长%d.%d%%；新增就业%d人，服务群众%d人次，整改问题%d个。推进垃圾分类工作取得实效，群众满意度达到%d%%。\n",
				k+1, n%20, n%10, n%15, n%9, 50+n%900, 1000+n*31%90000, 3+n%60, 85+n%15)
		}
		return s.String()
	}
	a, c := reuse.Normalize(text(1)), reuse.Normalize(text(2))
	res := reuse.Compare(a, c, nil)
	if len(res.Passages) == 0 {
		b.Fatal("no passage")
	}
	b.ResetTimer()
	for range b.N {
		for _, p := range res.Passages {
			reuse.Differences(a, c, p)
		}
	}
}

// Package longtext builds long single-paragraph texts for the benchmarks
// and tests that hold every stage to linear time in paragraph length:
// realistic report sentences joined without line breaks, and pathological
// paragraphs (no punctuation at all, long digit runs, endless 一是二是…).
package longtext

import (
	"strconv"
	"strings"
	"unicode"

	"zongjie/examples"
	"zongjie/reader"
)

// Kinds are the shapes of paragraph Make builds.
var Kinds = []string{"report", "nopunct", "digits", "enum"}

// sentences returns the example reports' sentences, each ending in its
// mark, with line breaks and markup removed.
func sentences() []string {
	var out []string
	for _, ex := range examples.All() {
		f, err := reader.Read(ex.Name, ex.Data)
		if err != nil {
			continue
		}
		text := strings.NewReplacer("#", "", "*", "", "|", "").Replace(f.Text)
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			for line != "" {
				i := strings.IndexAny(line, "。；！？")
				if i < 0 {
					out = append(out, line+"。")
					break
				}
				_, size := firstRune(line[i:])
				out = append(out, line[:i+size])
				line = line[i+size:]
			}
		}
	}
	return out
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// Make returns one paragraph of at least n characters (and at most a
// sentence more) of the given kind:
//
//   - report: the example reports' sentences joined without line breaks;
//   - nopunct: the same text with every punctuation mark and space removed,
//     one sentence that never ends;
//   - digits: long runs of digits, with and without separators and units;
//   - enum: 一是…，二是…，三是… and 第一，第二… counting up without end.
func Make(kind string, n int) string {
	var b strings.Builder
	count := 0
	add := func(s string) {
		b.WriteString(s)
		count += len([]rune(s))
	}
	switch kind {
	case "report":
		ss := sentences()
		for i := 0; count < n; i++ {
			add(ss[i%len(ss)])
		}
	case "nopunct":
		ss := sentences()
		for i := 0; count < n; i++ {
			add(strings.Map(func(r rune) rune {
				if unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) {
					return -1
				}
				return r
			}, ss[i%len(ss)]))
		}
	case "digits":
		for i := 0; count < n; i++ {
			switch i % 4 {
			case 0:
				add(strings.Repeat("1234567890", 50))
			case 1:
				add(strings.Repeat("１２３，４５６，", 20))
			case 2:
				add(strings.Repeat("12.5%、", 30))
			default:
				add("共计" + strconv.Itoa(i) + "万元，增长3.5%，")
			}
		}
	case "enum":
		ords := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
		for i := 0; count < n; i++ {
			add(ords[i%10] + "是加强组织领导，")
			if i%3 == 0 {
				add("第" + ords[i%10] + "，完成投资" + strconv.Itoa(i%97+1) + "亿元；")
			}
		}
	default:
		panic("longtext: unknown kind " + kind)
	}
	return b.String()
}

package output_test

import (
	"strings"
	"testing"

	"zongjie/extract"
	"zongjie/output"
	"zongjie/reader"
)

// Ensure the text rendering names a report's asides under its outline,
// with their lines, and says nothing of asides a report has not.
func TestExtractTextAsides(t *testing.T) {
	for _, tt := range []struct {
		in, want string
	}{
		{"一、2024年工作回顾\n坚持“四个不摘”［1］。\n二、2025年工作安排\n力争增长6%。\n《政府工作报告》名词解释\n［1］“四个不摘”：指摘帽不摘责任。\n",
			"  （正文以外）名词解释：《政府工作报告》名词解释　第5–6行\n"},
		{"一、2024年工作回顾\n坚持“四个不摘”。\n二、2025年工作安排\n力争增长6%。\n", ""},
	} {
		f, err := reader.Read("t.txt", []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := output.WriteExtractText(&b, extract.File(f), output.TextOptions{}); err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		for _, line := range strings.SplitAfter(b.String(), "\n") {
			if strings.Contains(line, "正文以外") {
				got.WriteString(line)
			}
		}
		if got.String() != tt.want {
			t.Errorf("aside lines %q, want %q", got.String(), tt.want)
		}
	}
}

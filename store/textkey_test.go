package store_test

import (
	"testing"

	"zongjie/store"
)

// Ensure TextKey is the same for copies of one text that differ in width,
// whitespace, invisible characters and Markdown markup, and differs for a
// text with another character or figure.
func TestTextKey(t *testing.T) {
	base := "青禾街道2024年工作总结\n一、主要工作\n全年新增就业1200人，增长5%。\n指标\t完成值\n就业\t1200人\n"
	for _, tt := range []struct {
		name string
		text string
		same bool
	}{
		{"itself", base, true},
		{"full-width digits and letters", "青禾街道２０２４年工作总结\n一、主要工作\n全年新增就业１２００人,增长５％。\n指标\t完成值\n就业\t1200人\n", true},
		{"CRLF, blank lines, indents, the ideographic space", "\ufeff青禾街道2024年工作总结\r\n\r\n一、主要工作\r\n\u3000\u3000全年新增就业1200人，增长5%。\r\n指标 完成值\r\n就业 1200人\r\n", true},
		{"zero-width spaces", "青禾街道2024年\u200b工作总结\n一、主要工作\n全年新增就业1200人，增长5%。\n指标\t完成值\n就业\t1200人\n", true},
		{"Markdown", "# 青禾街道2024年工作总结\n\n## 一、主要工作\n\n> 全年新增就业**1200人**，增长5%。\n\n| 指标 | 完成值 |\n| :--- | ---: |\n| 就业 | 1200人 |\n", true},
		{"a Markdown list item", "- 青禾街道2024年工作总结\n* 一、主要工作\n全年新增就业1200人，增长5%。\n指标\t完成值\n就业\t1200人\n", true},
		{"another figure", "青禾街道2024年工作总结\n一、主要工作\n全年新增就业1250人，增长5%。\n指标\t完成值\n就业\t1200人\n", false},
		{"another character", "青禾街道2024年工作总结\n一、主要工作\n全年新增就业1200人，增长5%。\n指标\t完成值\n就业\t1200户\n", false},
		{"another mark", "青禾街道2024年工作总结\n一、主要工作\n全年新增就业1200人；增长5%。\n指标\t完成值\n就业\t1200人\n", false},
		{"a minus kept", "青禾街道2024年工作总结\n一、主要工作\n全年新增就业1200人，增长-5%。\n指标\t完成值\n就业\t1200人\n", false},
	} {
		if got := store.TextKey(tt.text) == store.TextKey(base); got != tt.same {
			t.Errorf("%s: same key %v, want %v", tt.name, got, tt.same)
		}
	}
	for _, empty := range []string{"", " \n\t\u3000\n", "| --- |\n"} {
		if k := store.TextKey(empty); k != "" {
			t.Errorf("TextKey(%q) = %q, want \"\"", empty, k)
		}
	}
}

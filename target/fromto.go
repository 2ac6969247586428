package target

import (
	"strings"

	"zongjie"
	"zongjie/document"
)

// toLinks join the two figures of a from–to phrase ("从不到70万亿元增加到
// 超过100万亿元", "由46.9%提高到48.2%", "标准由每人每年240元提高到280元").
var toLinks = map[string]bool{
	"增加到": true, "增加至": true, "提高到": true, "提高至": true, "提升到": true, "提升至": true,
	"上升到": true, "上升至": true, "增长到": true, "增长至": true, "增至": true, "扩大到": true, "扩大至": true,
	"下降到": true, "下降至": true, "降到": true, "降至": true, "降低到": true, "降低至": true, "减少到": true,
	"减少至": true, "减至": true, "缩小到": true, "缩小至": true, "回落到": true, "回落至": true, "缩短到": true,
	"缩短至": true, "压缩到": true, "压缩至": true, "跃升到": true, "跃升至": true, "调整为": true, "调整到": true,
	"变为": true,
	// bare links need 从 or 由 before the first figure
	"到": false, "至": false, "达到": false,
}

// IsFrom reports whether quantity k of qs (a report's quantities, in order)
// is the starting value of a from–to phrase: the figure the text moves away
// from, not the one it reaches. Its period's value, or the value to reach,
// is the next figure.
func IsFrom(f *document.File, qs []zongjie.Quantity, k int) bool {
	if k+1 >= len(qs) {
		return false
	}
	q, next := qs[k], qs[k+1]
	if next.Span.Start < q.Span.End || next.Span.Start-q.Span.End > 30 {
		return false
	}
	between := strings.Trim(f.Text[q.Span.End:next.Span.Start], "，, ")
	explicit, ok := toLinks[between]
	if !ok {
		return false
	}
	if explicit {
		return true
	}
	clause := clauseOf(f.Text, f, q.Span)
	before := f.Text[clause.Start:q.Span.Start]
	return strings.Contains(before, "从") || strings.Contains(before, "由")
}

package placeholder

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// Leader reports a letter or mark standing where a leader's name belongs:
// templates write "以A新时代中国特色社会主义思想为指导", "A总书记". The tool
// never guesses the name.
var Leader = &check.Rule{
	ID: "PH003", Name: "placeholder-leader", Category: check.Placeholder, Severity: check.Error,
	Doc: check.Doc{
		Title:  "领导人姓名未填写",
		Text:   "模板用字母或符号代替领导人姓名（以A新时代中国特色社会主义思想为指导、A总书记），须写全规范表述。",
		Wrong:  "坚持以A新时代中国特色社会主义思想为指导。",
		Right:  "坚持以习近平新时代中国特色社会主义思想为指导。",
		Source: "规范表述；公文审校常规：占位符未填充",
	},
	Run: runLeader,
}

// leaderFollowers are the words that follow a leader's name in set phrases.
var leaderFollowers = check.NewWords("新时代中国特色社会主义思想", "总书记", "同志为核心", "同志党中央", "书记", "同志")

func runLeader(p *check.Pass) {
	text := p.File.Text
	for _, m := range p.Find(leaderFollowers) {
		// The placeholder right before the phrase: one to three Latin
		// capitals, ×, *, 某 or ○.
		start := m.Span.Start
		for n := 0; n < 3 && start > 0; n++ {
			r, size := utf8.DecodeLastRuneInString(text[:start])
			if !isLeaderMark(r) {
				break
			}
			start -= size
		}
		if start == m.Span.Start {
			continue
		}
		// Not part of a Latin word (CEO书记?) and, for the short followers,
		// only in the full phrases.
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); isLatinOrDigit(r) {
			continue
		}
		if (m.Word == "书记" || m.Word == "同志") && !strings.ContainsAny(text[start:m.Span.Start], "×*某○") {
			continue // "A书记" alone is too weak; "××书记" is a placeholder
		}
		span := document.Span{Start: start, End: m.Span.Start}
		p.Reportf(span, "“%s”代替了领导人姓名，请写全规范表述", text[start:m.Span.Start])
	}
}

func isLeaderMark(r rune) bool {
	return r >= 'A' && r <= 'Z' || r == '×' || r == '*' || r == '＊' || r == '某' || r == '○' || r == 'Ｘ'
}

package check

import (
	"strings"

	"zongjie/document"
	"zongjie/internal/words"
)

// A suppression directive is a paragraph of its own:
//
//	zongjie:ignore TY001,CA002 原文引用，不改
//	zongjie:ignore-file NM007 本单位统一用全角百分号
//
// optionally inside a comment (<!-- … -->, //, #). "ignore" silences the
// named rules (or "all") in the next paragraph, "ignore-file" in the whole
// file. The reason after the rules is required: a directive without one
// suppresses nothing and is itself reported (rule ZJ000).
const (
	directive     = "zongjie:ignore"
	directiveFile = "zongjie:ignore-file"
)

// DirectiveRule is the pseudo-rule under which malformed directives are
// reported.
var DirectiveRule = &Rule{
	ID: "ZJ000", Name: "directive", Category: Artifact, Severity: Warning,
	Doc: Doc{
		Title:  "忽略指令缺少原因",
		Text:   "zongjie:ignore 指令必须写明忽略的原因，否则不生效。",
		Wrong:  "zongjie:ignore TY001",
		Right:  "zongjie:ignore TY001 引用原文，保留原样",
		Source: "本工具约定",
	},
	Run: func(*Pass) {},
}

// parseDirective reads a directive paragraph: the rules it names, the
// reason, whether it covers the file, and whether it is one at all.
func parseDirective(text string) (rules []string, reason string, file, ok bool) {
	t := words.TrimSpace(text)
	t = strings.TrimPrefix(t, "<!--")
	t = strings.TrimSuffix(t, "-->")
	t = words.TrimSpace(t)
	t = strings.TrimPrefix(t, "//")
	t = strings.TrimPrefix(t, "#")
	t = words.TrimSpace(t)
	switch {
	case strings.HasPrefix(t, directiveFile):
		file = true
		t = t[len(directiveFile):]
	case strings.HasPrefix(t, directive):
		t = t[len(directive):]
	default:
		return nil, "", false, false
	}
	fields := strings.Fields(t)
	if len(fields) == 0 {
		return nil, "", file, true
	}
	rules = append(rules, strings.FieldsFunc(fields[0], func(r rune) bool { return r == ',' || r == '，' })...)
	reason = words.TrimSpace(strings.Join(fields[1:], " "))
	return rules, reason, file, true
}

// suppression silences rules over a span of the file.
type suppression struct {
	span  document.Span
	rules []string // IDs, names or "all"
}

// suppress drops the diagnostics silenced by directives, drops findings
// inside the directive paragraphs themselves, and adds one for each
// directive without a reason.
// known are all known rules: directives may name them by ID or name, and
// naming an unknown rule is caught; report says whether ZJ000 is on.
func suppress(f *document.File, ds []Diagnostic, known []*Rule, report bool) []Diagnostic {
	var sups []suppression
	var directives []document.Span
	var malformed []Diagnostic
	var names map[string]string // rule ID → name, made at the first directive
	for i, p := range f.Paragraphs {
		rules, reason, file, ok := parseDirective(f.Slice(p.Span))
		if !ok {
			continue
		}
		if names == nil {
			names = make(map[string]string, len(known))
			for _, r := range known {
				names[r.ID] = r.Name
			}
		}
		directives = append(directives, p.Span)
		if reason == "" || len(rules) == 0 {
			malformed = append(malformed, Diagnostic{
				Rule: DirectiveRule.ID, Category: DirectiveRule.Category, Severity: DirectiveRule.Severity,
				Message: "忽略指令缺少规则或原因，未生效；请写成“zongjie:ignore 规则编号 原因”", Span: p.Span,
			})
			continue
		}
		var unknown []string
		for _, r := range rules {
			if _, ok := names[r]; !ok && r != "all" && !isName(names, r) {
				unknown = append(unknown, r)
			}
		}
		if len(unknown) > 0 {
			malformed = append(malformed, Diagnostic{
				Rule: DirectiveRule.ID, Category: DirectiveRule.Category, Severity: DirectiveRule.Severity,
				Message: "忽略指令中有未知的规则：" + strings.Join(unknown, "、") + "（运行 zongjie rules 查看全部规则）", Span: p.Span,
			})
		}
		switch {
		case file:
			sups = append(sups, suppression{span: document.Span{Start: 0, End: len(f.Text)}, rules: rules})
		case i+1 < len(f.Paragraphs):
			sups = append(sups, suppression{span: f.Paragraphs[i+1].Span, rules: rules})
		}
	}
	if len(directives) == 0 {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		if inAny(directives, d.Span.Start) || silenced(sups, d, names) {
			continue
		}
		out = append(out, d)
	}
	if !report {
		return out
	}
	return append(out, malformed...)
}

func isName(names map[string]string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

func inAny(spans []document.Span, off int) bool {
	for _, s := range spans {
		if s.Contains(off) {
			return true
		}
	}
	return false
}

// silenced reports whether a suppression covers d, naming its rule by ID,
// by name or as "all".
func silenced(sups []suppression, d Diagnostic, names map[string]string) bool {
	for _, s := range sups {
		if !s.span.Contains(d.Span.Start) {
			continue
		}
		for _, r := range s.rules {
			if r == "all" || r == d.Rule || r == names[d.Rule] {
				return true
			}
		}
	}
	return false
}

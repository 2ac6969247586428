package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/output"
)

func runRules(_ context.Context, e *env, args []string) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "text", "输出格式：text、json 或 markdown（即 docs/rules.md）")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "用法：zongjie rules [选项] [规则编号或名称…]")
		fmt.Fprintln(e.stderr, "不带参数时列出全部规则；给出规则时显示其说明和示例。")
		fmt.Fprintln(e.stderr, "")
		fs.PrintDefaults()
	}
	ids, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	list := rules.All()
	if len(ids) > 0 {
		list = nil
		for _, id := range ids {
			r := rules.ByID(id)
			if r == nil {
				fmt.Fprintf(e.stderr, "zongjie rules: 没有规则 %q（运行 zongjie rules 查看全部规则）\n", id)
				return exitUsage
			}
			list = append(list, r)
		}
	}
	switch *format {
	case "json", "markdown", "text":
	default:
		fmt.Fprintf(e.stderr, "zongjie rules: 不支持的输出格式 %q，可选 text、json、markdown\n", *format)
		return exitUsage
	}
	return writeResult(e, "rules", func(w io.Writer) error {
		switch {
		case *format == "json":
			return output.WriteJSON(w, output.RulesJSON(list))
		case *format == "markdown":
			return output.WriteRulesMarkdown(w, list)
		case len(ids) == 0:
			return writeRuleList(w, list)
		}
		return writeRuleDocs(w, list)
	})
}

// writeRuleList writes one line per rule, grouped by category.
func writeRuleList(w io.Writer, list []*check.Rule) error {
	var b strings.Builder
	for _, c := range check.Categories {
		first := true
		for _, r := range list {
			if r.Category != c {
				continue
			}
			if first {
				fmt.Fprintf(&b, "%s\n", c.Chinese())
				first = false
			}
			off := ""
			if r.OffByDefault {
				off = "（默认关闭）"
			}
			fmt.Fprintf(&b, "  %s  %-22s %s  %s%s\n", r.ID, r.Name, r.Severity.Chinese(), r.Doc.Title, off)
		}
	}
	b.WriteString("\n运行 zongjie rules <编号> 查看规则说明；在 zongjie.toml 中停用或调整级别。\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRuleDocs writes the whole documentation of each rule.
func writeRuleDocs(w io.Writer, list []*check.Rule) error {
	var b strings.Builder
	for i, r := range list {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s %s：%s\n", r.ID, r.Name, r.Doc.Title)
		fmt.Fprintf(&b, "类别：%s　级别：%s", r.Category.Chinese(), r.Severity.Chinese())
		if r.OffByDefault {
			b.WriteString("　默认关闭")
		}
		b.WriteString("\n\n")
		b.WriteString(r.Doc.Text + "\n")
		if r.Doc.Wrong != "" {
			b.WriteString("\n错误示例：\n" + indent(r.Doc.Wrong))
		}
		if r.Doc.Right != "" {
			b.WriteString("\n正确写法：\n" + indent(r.Doc.Right))
		}
		if r.Doc.Config != "" {
			b.WriteString("\n示例所用配置（zongjie.toml）：\n" + indent(r.Doc.Config))
		}
		if r.Doc.Source != "" {
			b.WriteString("\n依据：" + r.Doc.Source + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ") + "\n"
}

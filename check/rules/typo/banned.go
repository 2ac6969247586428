package typo

import (
	"zongjie/check"
	"zongjie/internal/words"
)

// Banned reports the words a project's configuration bans ([banned] in
// zongjie.toml), with the advice given there. Without banned words it does
// nothing, so it is on by default: a configuration that lists words needs
// nothing else. The built-in list of words the 新华社 rules ban belongs to
// the canonical category.
var Banned = &check.Rule{
	ID: "TY007", Name: "banned-word", Category: check.Typo, Severity: check.Warning,
	Doc: check.Doc{
		Title: "禁用词",
		Text: "文中出现项目配置 [banned] 列出的禁用词，提示配置中写明的替代说法或原因。" +
			"没有配置禁用词时本规则不检查。",
		Wrong:  "区长和企业老板座谈。",
		Right:  "区长和企业负责人座谈。",
		Source: "项目配置 zongjie.toml [banned]；新华社《新闻信息报道中的禁用词和慎用词》的用法",
		Config: "[banned]\n\"老板\" = \"称负责人\"\n",
	},
	Run: runBanned,
}

// runBanned reports every configured banned word; the longest word wins
// where two overlap.
func runBanned(p *check.Pass) {
	banned := p.Config.Banned
	if len(banned) == 0 {
		return
	}
	list := make([]string, 0, len(banned))
	for w := range banned {
		list = append(list, w)
	}
	for _, m := range p.FindSet(words.NewSet(list...)) {
		if skip(p, m.Span.Start) {
			continue
		}
		msg := "“" + m.Word + "”不宜使用"
		if advice := banned[m.Word]; advice != "" {
			msg += "：" + advice
		}
		p.Report(m.Span, msg)
	}
}

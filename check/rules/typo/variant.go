package typo

import (
	_ "embed"

	"zongjie/check"
	"zongjie/document"
)

// variantsData lists the non-recommended variant forms of TY003.
//
//go:embed variants.tsv
var variantsData string

// variantEntries are the parsed variant pairs.
var variantEntries = mustParse("variants.tsv", variantsData)

// variantDict matches the variant forms.
var variantDict = sharedDict(variantEntries)

// Variant reports variant forms that GF 1001-2001 does not recommend (帐户,
// 成份, 图象 …) and 其它, which official reports replace with 其他. The
// variant is not a misspelling, so the rule is only a hint.
var Variant = &check.Rule{
	ID: "TY003", Name: "typo-variant", Category: check.Typo, Severity: check.Info,
	Doc: check.Doc{
		Title: "异形词",
		Text: "使用了《第一批异形词整理表》不推荐的词形（如“帐户”“成份”“图象”），或公文中应统一写作“其他”的“其它”。" +
			"异形词不算错字，公文宜用推荐词形。易与正确文字相连的词条附有排除上下文（如“股分”不查“入股分红”，“就坐”不查“就坐下”）。",
		Wrong:  "其它村社区已开设帐户，成份复杂的问题已厘清。",
		Right:  "其他村社区已开设账户，成分复杂的问题已厘清。",
		Source: "GF 1001-2001《第一批异形词整理表》；公文用“其他”不用“其它”的惯例",
	},
	Run: func(p *check.Pass) {
		variantDict.scanPass(p, func(start int, e *entry) {
			if skip(p, start) {
				return
			}
			span := document.Span{Start: start, End: start + len(e.wrong)}
			p.Report(span, "“"+e.wrong+"”是不推荐的异形词，宜用“"+e.right+"”",
				check.Fix{Message: "改为“" + e.right + "”", Replacement: e.right, Certain: true})
		})
	},
}

package typo

import (
	_ "embed"
	"sort"
	"strings"
	"sync"

	"zongjie/check"
	"zongjie/document"
)

// pairsData is the confusion dictionary of TY001.
//
//go:embed pairs.tsv
var pairsData string

// pairEntries are the parsed built-in pairs of TY001.
var pairEntries = mustParse("pairs.tsv", pairsData)

// pairDict matches the built-in pairs; a project's own pairs are merged in
// per pass (see pairDictFor).
var pairDict = sharedDict(pairEntries)

// Pair reports wrong forms of a curated confusion dictionary: misspelt
// idioms, fixed phrases and 公文 vocabulary that are never right.
var Pair = &check.Rule{
	ID: "TY001", Name: "typo-pair", Category: check.Typo, Severity: check.Error,
	Doc: check.Doc{
		Title: "错别字",
		Text: "常见错别字词典：成语、固定搭配和公文常用词的错误写法（如“再接再励”“如火如茶”“谋化”“截止目前”），" +
			"这些写法在公文中没有正确的用法，可以直接改正。短的词条附有排除上下文（如“给与”不查“供给与需求”，“ED屏”不查“LED屏”）。" +
			"项目配置 [typos] 中的词对按同样方式检查。",
		Wrong:  "全体干部再接再励，始终保持昂杨的斗志。",
		Right:  "全体干部再接再厉，始终保持昂扬的斗志。",
		Source: "《咬文嚼字》2005年公布的“当代汉语出版物中最常见的100个别字”；常见成语和公文用语错别字；政府网站普查“严重错别字”",
	},
	Run: runPair,
}

// runPair reports every match of the dictionary, with the configured pairs.
func runPair(p *check.Pass) {
	d := pairDictFor(p.Config)
	d.scanPass(p, func(start int, e *entry) {
		if skip(p, start) {
			return
		}
		span := document.Span{Start: start, End: start + len(e.wrong)}
		p.Report(span, "“"+e.wrong+"”应为“"+e.right+"”",
			check.Fix{Message: "改为“" + e.right + "”", Replacement: e.right, Certain: true})
	})
}

// configDict caches the dictionary built for the last configuration seen,
// keyed by its pairs: a run checks many files with one configuration, and
// building the dictionary costs more than scanning a report.
var configDict struct {
	sync.Mutex
	key string
	d   *dict
}

// pairDictFor returns the built-in dictionary, or, when the configuration
// lists typos of its own, a dictionary with those added (a configured pair
// replaces a built-in one with the same wrong form).
func pairDictFor(cfg *check.Config) *dict {
	if cfg == nil || len(cfg.Typos) == 0 {
		return pairDict
	}
	wrongs := make([]string, 0, len(cfg.Typos))
	for wrong := range cfg.Typos {
		wrongs = append(wrongs, wrong)
	}
	sort.Strings(wrongs)
	var key strings.Builder
	for _, w := range wrongs {
		key.WriteString(w + "\t" + cfg.Typos[w] + "\n")
	}
	configDict.Lock()
	defer configDict.Unlock()
	if configDict.d != nil && configDict.key == key.String() {
		return configDict.d
	}
	entries := append([]*entry(nil), pairEntries...)
	for _, wrong := range wrongs {
		if right := cfg.Typos[wrong]; wrong != "" && right != "" && wrong != right {
			entries = append(entries, &entry{wrong: wrong, right: right, source: "config"})
		}
	}
	configDict.key, configDict.d = key.String(), newDict(entries)
	return configDict.d
}

package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The fixed vocabulary of the generator: the parts of unit names, the
// headings and the clauses inserted into copied sentences. They are
// written for this package; the body text of the reports comes from the
// real sentences given to Generate.

// syllables are combined into unit names.
var syllables = []rune("东西南北中新安平和兴龙凤山河湖江桥阳丰宁泉石林溪塘坪岭沙港湾家庄店集营城关口堡寨坝源清华福康永长青金银花柳松梅桃云霞明光嘉德仁义文武胜利乐泰盛隆顺昌富春秋白黄马牛")

// unitSuffixes and their weights (out of 20).
var unitSuffixes = []struct {
	s string
	w int
}{{"街道", 9}, {"镇", 8}, {"乡", 3}}

// unitName draws a unit name that is not in used, and adds it.
func unitName(rng *rand.Rand, used map[string]bool) string {
	for tries := 0; ; tries++ {
		n := 2
		if tries > 20 || rng.IntN(4) == 0 {
			n = 3 + tries/200
		}
		var b strings.Builder
		for range n {
			b.WriteRune(syllables[rng.IntN(len(syllables))])
		}
		w := rng.IntN(20)
		for _, s := range unitSuffixes {
			if w < s.w {
				b.WriteString(s.s)
				break
			}
			w -= s.w
		}
		name := b.String()
		if !used[name] {
			used[name] = true
			return name
		}
	}
}

// titleFormats are the title lines after the unit name: the year
// reviewed and the year planned.
var titleFormats = []string{
	"%d年工作总结及%d年工作计划",
	"%d年工作总结及%d年工作计划",
	"%d年工作总结及%d年工作计划",
	"%d年工作总结和%d年工作思路",
	"%d年工作总结暨%d年工作安排",
}

// sectionTitles are the top-level headings, by section; %d is the year
// reviewed (section 0) or planned (section 2).
var sectionTitles = [3][]string{
	{"%d年工作开展情况", "%d年主要工作及成效", "%d年工作总结", "%d年工作完成情况"},
	{"存在的问题和不足", "存在问题", "当前工作中存在的困难和问题", "存在的短板和不足"},
	{"%d年工作计划", "%d年工作思路和重点", "%d年工作打算", "%d年重点工作安排"},
}

// sectionShare is the share of a fresh report's body in each section.
var sectionShare = [3]float64{0.55, 0.10, 0.35}

var headingVerbs = []string{"坚持", "聚焦", "强化", "深化", "推进", "狠抓", "突出", "着力", "统筹", "持续", "全力", "扎实"}

var headingObjects = []string{
	"党建引领", "经济发展", "项目建设", "乡村振兴", "民生保障", "社会治理", "安全生产",
	"生态环境", "城市管理", "作风建设", "招商引资", "营商环境", "基层治理", "文明创建",
	"产业升级", "平安建设", "民生实事", "环境整治", "队伍建设", "改革创新",
}

var headingOutcomes = []string{
	"夯实基层基础", "推动高质量发展", "提升群众满意度", "筑牢安全防线", "激发发展活力",
	"增进民生福祉", "建设美丽家园", "提升治理效能", "厚植发展优势", "凝聚奋进力量",
}

// heading2 draws the text of a second-level heading (without its number).
func heading2(rng *rand.Rand) string {
	h := headingVerbs[rng.IntN(len(headingVerbs))] + headingObjects[rng.IntN(len(headingObjects))]
	if rng.IntN(2) == 0 {
		h += "，" + headingOutcomes[rng.IntN(len(headingOutcomes))]
	}
	return h
}

// insertClauses are the clauses an editor adds to a copied sentence, each
// with a leading comma. None contains another, none contains digits or
// placeholder characters, and each is at most 16 characters.
var insertClauses = []string{
	"切实增强群众获得感", "取得了明显成效", "进一步压实工作责任", "确保各项任务落到实处",
	"形成了一批可复制可推广的经验", "群众满意度持续提升", "做到底数清情况明", "推动工作提质增效",
	"为全年工作奠定了坚实基础", "得到了上级部门的充分肯定", "营造了浓厚氛围", "实现了良好开局",
	"工作成效不断显现", "有力保障了辖区稳定", "持续巩固提升", "各项指标稳中有进",
	"着力补齐短板弱项", "全面完成年度目标任务", "切实解决群众急难愁盼问题", "不断擦亮工作品牌",
}

// InsertedClauses returns the clauses that year-on-year copies may gain
// (without their leading comma), so that a check of the ground truth can
// discount them. The returned slice is a copy.
func InsertedClauses() []string {
	return append([]string(nil), insertClauses...)
}

// placeholders replace figures in copies.
var placeholders = []string{"xx", "**", "XX", "x", "××"}

var cnDigits = []rune("零一二三四五六七八九")

// cnNumber writes 1 ≤ n ≤ 99 in Chinese numerals (一, 十二, 二十三).
func cnNumber(n int) string {
	switch {
	case n < 10:
		return string(cnDigits[n])
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + string(cnDigits[n-10])
	case n < 100:
		s := string(cnDigits[n/10]) + "十"
		if n%10 != 0 {
			s += string(cnDigits[n%10])
		}
		return s
	}
	return fmt.Sprint(n)
}

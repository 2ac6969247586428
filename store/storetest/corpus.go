package storetest

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"zongjie/store"
)

// para is a paragraph of the test corpus: its section kind and text.
type para struct {
	kind, text string
}

// corpusReport is a report of the test corpus before it becomes a
// store.Report.
type corpusReport struct {
	hash   string
	unit   string
	level  string
	years  []int
	period string
	genre  string
	title  string
	paras  []para
}

// The test corpus: reports in the style of Chinese work reports, written
// for these tests. Each paragraph of a report is one line of its text.
// Search tests compare what a store finds with what the corpus says it
// should (see wants), so paragraphs can be added freely.
var corpus = []corpusReport{
	{
		hash: "a1", unit: "青禾街道", level: "street", years: []int{2023}, period: "H1", genre: "summary",
		title: "青禾街道2023年上半年工作总结",
		paras: []para{
			{"review", "今年以来，青禾街道坚持稳中求进工作总基调，上半年完成地区生产总值12.6亿元，同比增长6.1%，固定资产投资增长8.3%。"},
			{"review", "聚焦稳就业保民生，新增城镇就业岗位860个，组织专场招聘会5场，帮助困难群体实现就业132人。"},
			{"highlights", "招商引资取得新突破，新签约项目14个，协议投资额23.5亿元，其中亿元以上项目6个。"},
			{"review", "持续改善人居环境，完成老旧小区改造3个，新增停车泊位420个，延长了社区食堂服务时间。"},
			{"problems", "经济增长动力仍显不足，部分企业经营困难，就业结构性矛盾依然存在。"},
			{"plan", "下半年将围绕全年目标任务，力争地区生产总值增长6%以上，确保城镇新增就业1500人。"},
		},
	},
	{
		hash: "b2", unit: "柳岸镇", level: "town", years: []int{2023, 2024}, period: "FY", genre: "summary+plan",
		title: "柳岸镇2023年工作总结及2024年工作计划",
		paras: []para{
			{"review", "全镇实现农业总产值9.8亿元，同比增长4.5%，粮食播种面积稳定在3.2万亩。"},
			{"highlights", "乡村振兴扎实推进，新建高标准农田5000亩，村级集体经济收入平均增长12%。"},
			{"review", "扎实做好就业帮扶，开展技能培训18期，培训农村劳动力960人次，转移就业2100人。"},
			{"problems", "产业结构单一，农产品加工业发展滞后，增收渠道不宽，群众持续增收难度加大。"},
			{"plan", "2024年，全镇将大力发展特色种养业，推动农村居民人均可支配收入增长7%。"},
			{"plan", "坚持就业优先，围绕产业链开发就业岗位，力争就近就业人数增长10%。"},
			{"other", "全镇上下要以更加饱满的热情、更加务实的作风，奋力谱写乡村振兴新篇章。"},
		},
	},
	{
		hash: "c3", unit: "东湖区", level: "district", years: []int{2023, 2024}, period: "FY", genre: "plan",
		title: "2024年东湖区政府工作报告",
		paras: []para{
			{"review", "过去一年，全区地区生产总值（GDP）突破800亿元，增长5.8%，一般公共预算收入增长7.2%。"},
			{"review", "5G基站累计建成2600个，数字经济核心产业增加值增长15%，高新技术企业达到410家。"},
			{"highlights", "新增城镇就业3.1万人，城镇调查失业率控制在5.5%以内，就业形势总体稳定。"},
			{"problems", "我们也清醒看到，GDP增长的质量和效益仍需提升，科技创新能力还不够强。"},
			{"plan", "今年经济社会发展的主要预期目标是：GDP增长5.5%左右，城镇新增就业2.8万人以上。"},
			{"plan", "深入实施创新驱动发展战略，全社会研发经费投入增长10%以上，力争新增专精特新企业30家。"},
			{"other", "各位代表，新征程催人奋进，新使命重任在肩，让我们团结一心，为建设现代化东湖而努力奋斗！"},
		},
	},
	{
		hash: "d4", unit: "南山县", level: "county", years: []int{2022}, period: "FY", genre: "summary",
		title: "南山县2022年工作总结",
		paras: []para{
			{"review", "全县完成地区生产总值156亿元，增长4.9%，规模以上工业增加值增长8.7%。"},
			{"review", "民生投入持续加大，全年民生支出占一般公共预算支出的78%，城乡居民收入稳步增长。"},
			// The phrase 招商引资 three times; the same length as the
			// paragraph of 北坡乡 that holds it once.
			{"highlights", "招商引资成效明显，招商引资项目落地，招商引资环境优化。"},
			{"review", "教育事业均衡发展，新建改扩建学校7所，新增学位3200个，教师队伍不断壮大，学生成长环境明显改善。"},
			{"problems", "县域经济总量偏小，财政收支矛盾突出，稳增长压力较大。"},
			{"plan", "2023年，全县将坚持项目为王，确保地区生产总值增长6.5%，城镇新增就业4000人。"},
		},
	},
	{
		hash: "e5", unit: "北坡乡", level: "township", years: []int{2023}, period: "H1", genre: "summary",
		title: "北坡乡2023年上半年工作总结",
		paras: []para{
			{"review", "上半年全乡经济运行平稳，农民人均可支配收入增长6.8%。"},
			{"highlights", "招商引资成效明显，科技创新项目落地，营商服务环境优化。"},
			{"review", "开展就业援助月活动，为就业困难人员提供岗位信息300余条。"},
			{"problems", "基层干部业务能力有待提升，就医、就学等民生短板仍然存在。"},
			{"plan", "下半年要紧盯全年目标，抓好秋粮生产，促进农民持续增收。"},
		},
	},
	{
		hash: "f6", unit: "云川市", level: "city", years: []int{2024}, period: "H1", genre: "speech",
		title: "在全市2024年年中工作会议上的讲话",
		paras: []para{
			{"review", "今年上半年，全市经济增长好于预期，主要指标增速高于全省平均水平。"},
			{"review", "全市新增就业6.2万人，高校毕业生就业率保持在90%以上。"},
			{"plan", "下半年，要全力以赴稳增长、促就业、防风险，确保完成全年目标任务。"},
			{"other", "同志们，任务艰巨，使命光荣。让我们以时不我待的紧迫感，奋力夺取全年工作的新胜利！"},
			{"review", "全市ＧＤＰ同比增长５．６％，规上工业增加值增长７％，新开通５Ｇ基站1200个。"},
		},
	},
}

// build returns c as a store.Report: its text is its title and paragraphs,
// one a line, and its fingerprints are derived from its hash, with one
// fingerprint shared by every report of the corpus and one with the top bit
// set.
func (c corpusReport) build() *store.Report {
	r := &store.Report{
		FileHash: c.hash,
		Path:     "corpus/" + c.hash + ".txt",
		Title:    c.title,
		Unit:     c.unit,
		Level:    c.level,
		Years:    c.years,
		Period:   c.period,
		Genre:    c.genre,
		Added:    time.Date(2024, 7, 1, 9, 30, 0, 123456000, time.UTC),
	}
	var text strings.Builder
	text.WriteString(c.title + "\n")
	for _, p := range c.paras {
		r.Paragraphs = append(r.Paragraphs, store.Paragraph{
			Offset: utf8.RuneCountInString(text.String()),
			Text:   p.text,
			Kind:   p.kind,
		})
		text.WriteString(p.text + "\n")
	}
	r.Text = text.String()
	r.Chars = utf8.RuneCountInString(r.Text)
	r.Data = json.RawMessage(fmt.Sprintf(`{"title": %q, "unit": %q}`, c.title, c.unit))
	r.Fingerprints = []uint64{sharedHash, ownHash(c.hash, 0), ownHash(c.hash, 1) | 1<<63}
	return r
}

// sharedHash is a fingerprint every corpus report holds.
const sharedHash uint64 = 0xfeedface_00000001

// ownHash returns the i-th fingerprint that only the report with the given
// file hash holds.
func ownHash(hash string, i int) uint64 {
	var h uint64 = 14695981039346656037 // FNV-1a
	for _, b := range []byte(hash) {
		h = (h ^ uint64(b)) * 1099511628211
	}
	return h + uint64(i)*0x9e3779b97f4a7c15
}

// corpusReports returns the corpus as store reports.
func corpusReports() []*store.Report {
	rs := make([]*store.Report, len(corpus))
	for i, c := range corpus {
		rs[i] = c.build()
	}
	return rs
}

// hitKey names a paragraph: its report's file hash and its offset.
type hitKey struct {
	fileHash string
	offset   int
}

func (k hitKey) String() string { return fmt.Sprintf("%s@%d", k.fileHash, k.offset) }

// wants returns the paragraphs of rs that q should find (with no limit):
// those whose tokens hold the tokens of q.Text consecutively, in a report
// and section q selects.
func wants(rs []*store.Report, q store.Query) map[hitKey]bool {
	want := make(map[hitKey]bool)
	phrase := " " + store.Spaced(q.Text) + " "
	if phrase == "  " {
		return want
	}
	for _, r := range rs {
		if !selects(q.Filter, r) {
			continue
		}
		for _, p := range r.Paragraphs {
			if q.Kind != "" && p.Kind != q.Kind {
				continue
			}
			if strings.Contains(" "+store.Spaced(p.Text)+" ", phrase) {
				want[hitKey{r.FileHash, p.Offset}] = true
			}
		}
	}
	return want
}

// selects reports whether f selects r.
func selects(f store.Filter, r *store.Report) bool {
	if f.Path != "" && r.Path != f.Path || f.Unit != "" && r.Unit != f.Unit || f.Level != "" && r.Level != f.Level || f.Genre != "" && r.Genre != f.Genre {
		return false
	}
	if !f.Scope.Holds(r.UnitID) {
		return false
	}
	if f.Year == 0 {
		return true
	}
	for _, y := range r.Years {
		if y == f.Year {
			return true
		}
	}
	return false
}

package quantity_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestOutcomeVerbNames: the verbs a result or a plan is told with (平均为,
// 首次跃上…新台阶, 首次超过, 首次突破, 降到, 拟按, 按) are not part of the
// indicator's name; near misses keep names that hold such characters.
func TestOutcomeVerbNames(t *testing.T) {
	tests := []struct{ in, name string }{
		{"城镇调查失业率平均为5.3%。", "城镇调查失业率"},
		{"粮食产量首次跃上35亿斤新台阶。", "粮食产量"},
		{"社会消费品零售总额首次超过215亿元。", "社会消费品零售总额"},
		{"外贸进出口总额首次突破120亿元。", "外贸进出口总额"},
		{"城镇登记失业率降到3.2%。", "城镇登记失业率"},
		{"赤字率拟按3%左右安排。", "赤字率"},
		{"赤字率按3%左右安排。", "赤字率"},
		{"年平均降水量达到1200毫米。", "年平均降水量"},
		// a verb inside a noun compound: 服务站, 检测中心
		{"新建村级养老服务站3个。", "村级养老服务站"},
		{"建成食品检测中心2个。", "食品检测中心"},
		{"服务企业300家。", "企业"},
		{"全社会研发经费投入强度达到2.6%。", "全社会研发经费投入强度"},
		{"研发经费投入强度预计达到2.55%。", "研发经费投入强度"},
		{"人均住房面积均为32平方米。", "人均住房面积"},
		{"经济增长预期目标定为7.5%左右。", "经济增长预期目标"},
		{"广义货币预期增长目标拟定为13%左右。", "广义货币预期增长目标"},
		{"一般公共预算收入为3.2亿元。", "一般公共预算收入"},
		{"又投入3万多元安装喊话器。", "投入"},
		// a verb before 能力 is part of the name, as before 率 and 量
		{"新增城镇污水日处理能力1100万吨。", "新增城镇污水日处理能力"},
		{"港口通过能力达到5亿吨。", "港口通过能力"},
		{"处理垃圾300万吨。", "垃圾"},
	}
	wantOneNamed(t, tests)
}

// TestQualifiedNames: a figure that qualifies the noun counted after it
// ("收入10万元以上的村达到18个") is part of that count's name, not cut off
// as 的村; a figure in a clause of its own is not.
func TestQualifiedNames(t *testing.T) {
	for _, tt := range []struct{ in, name string }{
		{"年底前村集体经营性收入10万元以上的村达到18个。", "村集体经营性收入10万元以上的村"},
		{"其中超过10万元的村达到18个。", "超过10万元的村"},
		{"营业收入超过1亿元的企业达到23家。", "营业收入超过1亿元的企业"},
		{"年收入50万元以上的企业有12家。", "年收入50万元以上的企业"},
		// near misses: the clause before ends; no 的 after the figure
		{"村集体经营性收入10万元以上，达标的村18个。", "达标的村"},
		{"营业收入超过1亿元，企业达到23家。", "企业"},
	} {
		qs := extract(t, tt.in)
		if len(qs) == 0 || qs[len(qs)-1].Name != tt.name {
			var got []string
			for _, q := range qs {
				got = append(got, brief(q))
			}
			t.Errorf("%s: %v, want the last named %s", tt.in, got, tt.name)
		}
	}
}

// TestFormalDigitNames: a formal numeral alone before a measure word is a
// character of a name (陆家嘴, 伍家岗), not a count; amounts written in
// formal numerals (壹拾贰元, 陆仟元) are figures.
func TestFormalDigitNames(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"推进陆家嘴金融城建设。", 0},
		{"伍家岗区新建学校3所。", 1},
		{"收到捐款壹拾贰元。", 1},
		{"发放补助陆仟元。", 1},
	} {
		if got := len(extract(t, tt.in)); got != tt.want {
			t.Errorf("%s: %d quantities, want %d", tt.in, got, tt.want)
		}
	}
}

// TestEachSubject: the figures after 分别 are named by the subjects listed
// before it, the i-th subject the i-th figure, each completed with the head
// the last one ends with; a collective (城乡, 进出口) names its two parts;
// one figure after several subjects is given for each (Also). Near misses:
// a subject that is already a whole indicator keeps its name, a list of
// figures without 分别 is not distributed, and a count of subjects that
// does not fit the figures changes nothing.
func TestEachSubject(t *testing.T) {
	tests := []struct {
		in    string
		names []string // name (+also, joined by +) of each quantity
	}{
		{"城乡居民人均可支配收入分别增长5%、6.5%。", []string{"城镇居民人均可支配收入", "农村居民人均可支配收入"}},
		{"城乡常住居民人均收入分别达到4.1万元和2.3万元。", []string{"城镇常住居民人均收入", "农村常住居民人均收入"}},
		{"全县进出口分别增长12%、7%。", []string{"进口", "出口"}},
		{"化学需氧量、氨氮排放量分别下降2%。", []string{"化学需氧量+氨氮排放量"}},
		{"二氧化硫、氮氧化物、挥发性有机物排放总量分别削减3%。", []string{"二氧化硫排放总量+氮氧化物排放总量+挥发性有机物排放总量"}},
		{"二氧化硫、氮氧化物排放量分别下降5.6%和4%。", []string{"二氧化硫排放量", "氮氧化物排放量"}},
		{"城市、农村自来水普及率分别达到99%和92%。", []string{"城市自来水普及率", "农村自来水普及率"}},
		{"城镇居民、农村居民人均可支配收入分别增长6%和7.5%。", []string{"城镇居民人均可支配收入", "农村居民人均可支配收入"}},
		{"城镇和农村居民人均可支配收入分别达到5.2万元、2.6万元。", []string{"城镇居民人均可支配收入", "农村居民人均可支配收入"}},
		{"地区生产总值、财政收入分别增长6%、8%。", []string{"地区生产总值", "财政收入"}},
		{"规上工业增加值、固定资产投资、社会消费品零售总额分别增长8%、10%和6%。", []string{"规上工业增加值", "固定资产投资", "社会消费品零售总额"}},
		// near misses
		{"城乡居民人均可支配收入增长6%。", []string{"城乡居民人均可支配收入"}},
		{"研究与试验发展经费分别增长8%、9%、10%。", []string{"研究与试验发展经费", "研究与试验发展经费", "研究与试验发展经费"}},
		{"城镇和农村居民人均可支配收入分别比上年增长和持平。", nil},
	}
	for _, tt := range tests {
		qs := extract(t, tt.in)
		var got []string
		for _, q := range qs {
			got = append(got, strings.Join(append([]string{q.Name}, q.Also...), "+"))
		}
		if strings.Join(got, " ") != strings.Join(tt.names, " ") {
			t.Errorf("%s: %q, want %q", tt.in, got, tt.names)
		}
	}
}

// TestNounPhraseNames: a figure is named by the noun phrase of its clause,
// head and modifiers, never by the word just before it: a verb that
// modifies a head (帮扶资金, 补助标准, 发展经费, an aside between them) is
// part of the name; a per-head qualifier between the verb and the figure
// (每人每月) is not; a place counted after a coverage is named with what
// reaches it; a light verb between whom it is for and what is done goes
// (为困难家庭实施危房改造). Near misses: a verb that governs its object still opens the
// name (发放补助资金 → 补助资金), 标准化 and 标准厂房 are no 标准, and a
// place counted without a subject stays the place.
func TestNounPhraseNames(t *testing.T) {
	tests := []struct{ in, name string }{
		{"累计投入帮扶资金3.2亿元。", "帮扶资金"},
		{"城乡居民医保人均财政补助标准增长5%。", "城乡居民医保人均财政补助标准"},
		{"研究与试验发展经费投入强度达到2.4%。", "研究与试验发展经费投入强度"},
		{"研究与试验发展（R&D）经费投入强度达到2.4%。", "研究与试验发展（R&D）经费投入强度"},
		{"今年发放临时救助资金860万元。", "临时救助资金"},
		{"城乡低保标准提高到每人每月820元。", "城乡低保标准"},
		{"特困人员基本生活标准提高到每人每年9600元。", "特困人员基本生活标准"},
		{"5G网络覆盖全部11个地市。", "5G网络覆盖地市"},
		{"光纤宽带通达所有42个行政村。", "光纤宽带通达行政村"},
		{"全年共争取资金2.1亿元。", "争取资金"},
		{"为困难家庭实施危房改造120户。", "困难家庭危房改造"},
		{"对困难残疾人家庭实施无障碍改造80户。", "困难残疾人家庭无障碍改造"},
		{"理论学习中心组开展集中学习12次。", "理论学习中心组集中学习"},
		{"实施危房改造120户。", "危房改造"},
		// near misses
		{"发放补助资金500万元。", "补助资金"},
		{"新建标准厂房3万平方米。", "标准厂房"},
		{"打造农业标准化生产基地5个。", "农业标准化生产基地"},
		{"今年覆盖12个社区。", "社区"},
		{"新建村级养老服务站3个。", "村级养老服务站"},
	}
	wantOneNamed(t, tests)
}

// TestWebCopyBreaks: a paragraph that web copy broke inside a sentence
// (the reader joins it) is read across its line breaks: "M\n2" is M2, no
// figure, and the figure after it is named by the whole phrase. Near miss:
// a line of its own is still a paragraph of its own.
func TestWebCopyBreaks(t *testing.T) {
	tests := []struct {
		in    string
		names []string
	}{
		{"主要目标是：广义货币M\n2\n预期增长13%左右；居民消费价格涨幅3%左右。", []string{"广义货币M2", "居民消费价格"}},
		{"今年全县主要目标是：单位地区生产总值能耗下降3%，细颗粒物（PM\n2.5\n）浓度下降5%。", []string{"单位地区生产总值能耗", "细颗粒物（PM2.5）浓度"}},
		// near miss: not joined (a finished sentence before it)
		{"全年经济运行平稳。\n2\n居民消费价格涨幅3%左右。", []string{"居民消费价格"}},
	}
	wantNames(t, tests)
}

// TestOneCharacterNames: a name of one character is a truncation. A verb
// that begins a noun (检查井, 登记证) is kept with the head it begins; a
// figure that modifies a noun names the count after it with that noun
// (超200亿元县2个); a word of reaching, a preposition or a particle left
// before the figure (增加至, 在, 计, 为) names nothing, and a mark inside
// brackets (县（区、市）) ends no clause. Near misses: a count of places of
// their own (5村5居) and nouns a verb never begins keep their names.
func TestOneCharacterNames(t *testing.T) {
	tests := []struct {
		in    string
		names []string
	}{
		{"全年新建检查井30座。", []string{"检查井"}},
		{"办理就业失业登记证300人。", []string{"就业失业登记证"}},
		{"新建污水处理站5座。", []string{"污水处理站"}},
		{"开放县（区、市）增加至45个。", []string{"开放县（区、市）"}},
		{"5G基站总数发展到2.1万个。", []string{"5G基站总数"}},
		{"全年人均增加1680元。", []string{"人均"}},
		{"新增经济总量超200亿元县2个。", []string{"新增经济总量", "新增经济总量超200亿元县"}},
		{"在320个县开展试点。", []string{""}},
		{"PM2.5年均浓度为26.3微克/立方米。", []string{"PM2.5年均浓度"}},
		{"查处违法行为300起。", []string{"查处违法行为"}},
		{"安装防护栏，计3.5公里。", []string{"防护栏"}},
		// near misses
		{"建成5村5居。", []string{"建成", "居"}},
		{"新建检查站3个。", []string{"检查站"}},
		{"建成充电桩200个。", []string{"充电桩"}},
		{"引进企业12家。", []string{"企业"}},
	}
	wantNames(t, tests)
}

// TestWordEndingYue: 约 that ends a word (村规民约, 乡规民约) is the
// name's, not "about"; near misses: 居民约3万人 and 约20部 are about.
func TestWordEndingYue(t *testing.T) {
	for _, tt := range []struct{ in, text, name, approx string }{
		{"制定村规民约20部。", "20部", "村规民约", ""},
		{"修订乡规民约15部。", "15部", "修订乡规民约", ""},
		{"常住居民约3万人。", "约3万人", "常住居民", "约"},
		{"制定制度约20部。", "约20部", "制度", "约"},
	} {
		qs := extract(t, tt.in)
		if len(qs) != 1 || qs[0].Text != tt.text || qs[0].Name != tt.name || qs[0].Approx != tt.approx {
			var got []string
			for _, q := range qs {
				got = append(got, brief(q))
			}
			t.Errorf("%s: %v, want %s named %s (approx %q)", tt.in, got, tt.text, tt.name, tt.approx)
		}
	}
}

// TestCountNounSubject: a one-character count noun followed by its
// predicate (年均, 达到, a verb) is the name alone; near misses: a noun of
// two characters made with it (村民, 村级) is not cut.
func TestCountNounSubject(t *testing.T) {
	for _, tt := range []struct{ in, text, name string }{
		{"6个村年均增收15万元以上。", "6个", "村"},
		{"超过10万元的村达到14个。", "超过10万元", "村"},
		{"其中超过10万元的村达到14个。", "超过10万元", "村"},
		{"帮助20个村发展特色产业。", "20个", "村"},
		{"走访20个村民小组。", "20个", "村民小组"},
	} {
		qs := extract(t, tt.in)
		if len(qs) == 0 || qs[0].Text != tt.text || qs[0].Name != tt.name {
			var got []string
			for _, q := range qs {
				got = append(got, brief(q))
			}
			t.Errorf("%s: %v, want %s named %s first", tt.in, got, tt.text, tt.name)
		}
	}
}

// TestInnerTimeWords: words of time, estimate and accumulation between a
// clause's subject and its indicator qualify the figure and leave the name;
// near misses: 全年 before a noun is part of it (全年目标), and one that
// opens the clause was never in it.
func TestInnerTimeWords(t *testing.T) {
	tests := []struct{ in, name string }{
		{"早稻预计亩产达到420公斤左右。", "早稻亩产"},
		{"镇级河长累计巡河186次。", "镇级河长巡河"},
		{"新开工项目一季度开工率达到30%。", "新开工项目开工率"},
		{"镇纪委全年立案9件。", "镇纪委立案"},
		{"新建管网预计投资120万元。", "管网投资"},
		// near misses
		{"税收占全年计划的75%。", "税收占全年计划"},
		{"全年立案9件。", "立案"},
		{"累计发放补贴120万元。", "发放补贴"},
	}
	wantOneNamed(t, tests)
}

// TestFollowingNounWords: the noun counted after a figure is not cut at a
// stop word that begins a word of it (和美, 在职, 在建), nor at a closing
// quotation mark inside it, and ends before a per-household phrase (每户,
// 年均); near misses: 和 and 在 that join or place still end it.
func TestFollowingNounWords(t *testing.T) {
	tests := []struct{ in, name string }{
		{"组织102名在职党员到社区报到。", "在职党员"},
		{"完成上湾、枫树坪2个和美乡村示范点建设。", "和美乡村示范点"},
		{"新增2个在建项目。", "在建项目"},
		{"完成城区12条道路“白改黑”工程。", "道路“白改黑”工程"},
		{"带动42户农户每户年均增收。", "农户"},
		{"工作队由局机关选派的4名干部组成。", "干部"},
		// near misses
		{"完成3个组成部分的验收。", "组成部分"},
		{"表彰3名干部和群众代表。", "干部"},
		{"走访5个社区在辖区开展服务。", "社区"},
	}
	wantOneNamed(t, tests)
}

// TestListAndQualifierNames: a list closed by 等 right before a figure
// that no noun follows is the name, not its last item; a figure with 的
// before a count names it (其中35岁以下的16名); 折合 ends a name. Near
// misses: a noun after the figure still names it, 的 with a noun
// (以上的村) is the qualified name as before, and a figure that is no
// threshold names no count after 的.
func TestListAndQualifierNames(t *testing.T) {
	tests := []struct {
		in    string
		names []string
	}{
		{"检查企业、“三小场所”等236家次。", []string{"检查企业、“三小场所”"}},
		{"全年调解邻里纠纷、家庭矛盾等86件。", []string{"邻里纠纷、家庭矛盾"}},
		{"发展党员21名，其中35岁以下的16名。", []string{"党员", "", "35岁以下党员"}},
		{"发放慰问金、慰问品折合4.8万元。", []string{"慰问品"}},
		{"新引进企业中规模以上企业只有9家。", []string{"企业中规模以上企业"}},
		{"规上工业企业仅有11家。", []string{"规上工业企业"}},
		{"全年外贸进出口总额力争突破90亿元，税收确保达到5亿元。", []string{"外贸进出口总额", "税收"}},
		{"其中老年人2860人，占22.7%。", []string{"老年人", "老年人占比"}},
		// near misses
		{"民生支出6860万元，占一般公共预算支出的81.2%。", []string{"民生支出", "占一般公共预算支出"}},
		{"完成凤鸣、文昌、柳巷等9个老旧小区改造。", []string{"老旧小区"}},
		{"年收入10万元以上的村达到18个。", []string{"年收入", "年收入10万元以上的村"}},
		{"推进总投资50万元的3个项目。", []string{"推进总投资", "项目"}},
	}
	wantNames(t, tests)
}

// TestLinkAndSceneNames: a verb linking a figure to another of its
// indicator names neither (由20个工作日压缩到5个工作日), and a verb with
// 时 after it begins a noun (办理时限); 达到 and words after a count are a
// predicate naming it; a scene (在…中) and a causative verb before a count
// do not name it, what follows does; a time word ends the noun after a
// figure. Near misses: a scene without 中, a causative with its object.
func TestLinkAndSceneNames(t *testing.T) {
	tests := []struct {
		in    string
		names []string
	}{
		{"办理时限由20个工作日压缩到5个工作日。", []string{"办理时限", "办理时限"}},
		{"平均处置时间由过去的2天缩短到6小时以内。", []string{"平均处置时间", "平均处置时间"}},
		{"其中5个达到推荐标准。", []string{"达到推荐标准"}},
		{"在全市月度考评中4次排名第一。", []string{"排名第一"}},
		{"帮助4人实现再就业。", []string{"实现再就业"}},
		{"推动8个在建项目年内全部投产。", []string{"在建项目"}},
		// near misses
		{"人均收入由2万元提高到2.5万元。", []string{"人均收入", "人均收入"}},
		{"在社区开展活动5次。", []string{"在社区活动"}},
		{"帮助企业解决问题5个。", []string{"问题"}},
		{"完成3个达到标准的项目。", []string{"达到标准的项目"}},
	}
	wantNames(t, tests)
}

// wantOneNamed checks that each text holds one quantity, of the name given.
func wantOneNamed(t *testing.T, tests []struct{ in, name string }) {
	t.Helper()
	for _, tt := range tests {
		qs := extract(t, tt.in)
		if len(qs) != 1 || qs[0].Name != tt.name {
			var got []string
			for _, q := range qs {
				got = append(got, brief(q))
			}
			t.Errorf("%s: %v, want one quantity named %q", tt.in, got, tt.name)
		}
	}
}

// wantNames checks the names of the quantities of each text, in order.
func wantNames(t *testing.T, tests []struct {
	in    string
	names []string
}) {
	t.Helper()
	for _, tt := range tests {
		var got []string
		for _, q := range extract(t, tt.in) {
			got = append(got, q.Name)
		}
		if !slices.Equal(got, tt.names) {
			t.Errorf("%q: names %q, want %q", tt.in, got, tt.names)
		}
	}
}

// TestListHeadNames: a list closed by 等 and a noun before a figure
// (协调解决用工、融资、审批等问题87个) gives kinds of what the figure
// counts: the figure is named by the noun, the kinds are its members, less
// the verb before the list (and a preposition: 对205国道、…); the aspects or
// means listed (等方面, 等形式) and places (等地) are no kinds, the noun
// after them is counted; 等 before words of reaching (老党员等共120户) closes a
// list before the figure, which names it. Near misses: 等 right before the
// figure (the list names it), a noun after the figure (it names it), and
// words made with 等 (高等教育, 等级证书) close no list.
func TestListHeadNames(t *testing.T) {
	tests := []struct {
		in, name string
		members  []string
	}{
		{"协调解决用工、融资、审批等问题87个。", "问题", []string{"用工", "融资", "审批"}},
		{"新发展黄桃、脐橙等特色水果1200亩。", "特色水果", []string{"黄桃", "脐橙"}},
		{"全年通过视频发现并处置河道垃圾、违规垂钓等问题43个。", "问题", []string{"河道垃圾", "违规垂钓"}},
		{"组团参加“赣商大会”、中国（深圳）国际高新技术成果交易会等活动6场次。", "活动", []string{"“赣商大会”", "中国（深圳）国际高新技术成果交易会"}},
		{"力争全年申报争取超长期特别国债、地方政府专项债券等项目资金2亿元以上。", "项目资金", []string{"超长期特别国债", "地方政府专项债券"}},
		{"新发展脐橙等特色水果800亩。", "特色水果", []string{"脐橙"}},
		{"帮助解决用地、用电等方面诉求12件。", "诉求", []string{"用地", "用电"}},
		{"依托“三会一课”、主题党日等形式学习12次。", "学习", []string{"“三会一课”", "主题党日"}},
		{"赴长三角、珠三角等地招商6次。", "招商", []string{"长三角", "珠三角"}},
		{"走访慰问困难群众、老党员等共120户。", "困难群众、老党员", nil},
		{"申报国债、专项债券等地方政府债券2亿元。", "地方政府债券", []string{"国债", "专项债券"}},
		// near misses
		{"检查企业、“三小场所”等236家次。", "检查企业、“三小场所”", nil},
		{"完成凤鸣、文昌、柳巷等9个老旧小区改造。", "老旧小区", nil},
		{"完成中职、高等教育招生1200人。", "高等教育招生", nil},
		{"新增取得职业技能等级证书人员5200人。", "新增取得职业技能等级证书人员", nil},
	}
	for _, tt := range tests {
		qs := extract(t, tt.in)
		if len(qs) != 1 || qs[0].Name != tt.name || !slices.Equal(qs[0].Members, tt.members) {
			var got []string
			for _, q := range qs {
				got = append(got, fmt.Sprintf("%s %q", brief(q), q.Members))
			}
			t.Errorf("%s: %v, want one named %q, members %q", tt.in, got, tt.name, tt.members)
		}
	}
}

// TestDividedCountNames: a count after 其中 and a threshold (其中35岁以下2人,
// 其中35岁以下的16名) divides the count before 其中 and is named by it,
// qualified (35岁以下村“两委”干部). Near misses: no 其中 (a count of its own,
// no name of the one before), a count in another unit than the one before
// 其中 (named by the threshold alone, as before), a figure before 其中 that is
// a change, and a count of another clause.
func TestDividedCountNames(t *testing.T) {
	tests := []struct {
		in    string
		names []string
	}{
		{"村“两委”干部6人，其中35岁以下2人。", []string{"村“两委”干部", "", "35岁以下村“两委”干部"}},
		{"党员36名，其中35岁以下2名。", []string{"党员", "", "35岁以下党员"}},
		{"全年发展党员16名，其中35岁以下的12名；选派8名年轻干部。", []string{"党员", "", "35岁以下党员", "年轻干部"}},
		{"共培训农民800人，其中50岁以上的300人。", []string{"农民", "", "50岁以上农民"}},
		// near misses
		{"村“两委”干部6人，35岁以下2人。", []string{"村“两委”干部", "", ""}},
		{"新建住房120套，其中90平方米以下的80户。", []string{"住房", "", "90平方米以下"}},
		{"党员人数增长6%，其中35岁以下的12名。", []string{"党员人数", "", "35岁以下"}},
		{"党员36名。其中35岁以下2名。", []string{"党员", "", ""}},
	}
	wantNames(t, tests)
}

// TestPerEachNames: a figure given for each place names that place with
// what it counts: the clause's own noun (每个网格配备专职网格员1名 → 每个网格
// 专职网格员; 配备 is a verb), or, when the clause has none (每个村（社区）至少有
// 5名), the noun of the count before it in its sentence in the same unit,
// less its scope word (农村). A count of people names people, not the place
// or thing their title begins with (2名网格员, 12名企业家). Near misses: no
// count before, a count in another sentence or unit, per-head words that
// are part of a name (每户年均), a period (每季度), and a count of things
// after a count noun (23个社区基层党组织).
func TestPerEachNames(t *testing.T) {
	tests := []struct {
		in    string
		names []string
	}{
		{"培育农村“法律明白人”1260名，实现每个村（社区）至少有5名。", []string{"农村“法律明白人”", "每个村（社区）“法律明白人”"}},
		{"选派第一书记11名，每村1名。", []string{"第一书记", "每村第一书记"}},
		{"新建充电桩30个，每个小区至少2个。", []string{"充电桩", "每个小区充电桩"}},
		{"每个网格配备专职网格员1名。", []string{"每个网格专职网格员"}},
		{"每个村（社区）至少建立1支志愿服务队伍。", []string{"每个村（社区）志愿服务队伍"}},
		{"各村配备2名网格员。", []string{"网格员"}},
		{"聘请12名企业家担任“招商顾问”。", []string{"企业家"}},
		{"组织20名村（社区）党组织书记赴县委党校培训。", []string{"村（社区）党组织书记"}},
		{"两名社区党组织书记获评区级优秀党务工作者。", []string{"社区党组织书记"}},
		// near misses
		{"每村1名。", []string{"每村"}},
		{"培育农村“法律明白人”1260名。每个村至少有5名。", []string{"农村“法律明白人”", "每个村至少"}},
		{"新建农家书屋12个，每村配备图书1200册。", []string{"农家书屋", "每村图书"}},
		{"每户年均增收3000元。", []string{"每户年均增收"}},
		{"每季度开展检查1次。", []string{"每季度检查"}},
		{"新增23个社区基层党组织。", []string{"社区"}},
	}
	wantNames(t, tests)
}

// TestStageAndTotalNames: a later stage of an indicator told with its time
// and a verb of reaching after 、 (一季度开工率达到30%、上半年达到60%) is that
// indicator; a total told with the whole area after what was added
// (再建成“枫桥式”司法所2个，全区达到6个) is of what was added. Near misses: a
// stage with no verb of reaching, a total of something else named, another
// unit.
func TestStageAndTotalNames(t *testing.T) {
	tests := []struct {
		in    string
		names []string
	}{
		{"确保新开工项目一季度开工率达到30%、上半年达到60%。", []string{"新开工项目开工率", "新开工项目开工率"}},
		{"年底前再建成“枫桥式”司法所2个，全区达到6个。", []string{"“枫桥式”司法所", "“枫桥式”司法所"}},
		{"新增规上企业5家，全镇共有28家。", []string{"新增规上企业", "规上企业"}},
		// near misses
		{"一季度完成投资5亿元、上半年12亿元。", []string{"投资", ""}},
		{"新建学校2所，全区新增学位3000个。", []string{"学校", "新增学位"}},
		{"新增规上企业5家，全镇达到28个。", []string{"新增规上企业", ""}},
	}
	wantNames(t, tests)
}

// TestRestAndExtremeNames: a count of the rest of a whole told before it in
// its sentence (其余2个纳入…) is named by that whole; a second change of a
// level right after its first (增加9.2万元，增长33.3%) is of that level; a
// superlative alone (最小的只有280平方米) is the extreme of what the clause
// before tells of; 予以, 依法, 依规, 及时, 逐一, 纳入 end the noun after a figure.
// Near misses: the rest with a noun of its own, a change with a name of its
// own, a superlative with a noun (最多的一天), 依法 before the figure.
func TestRestAndExtremeNames(t *testing.T) {
	tests := []struct {
		in    string
		names []string
	}{
		{"排查排污口14个，整治到位12个，其余2个纳入明年计划。", []string{"排污口", "到位", "排污口"}},
		{"全年村集体经营性收入达到36.8万元，比上年增加9.2万元，增长33.3%。", []string{"村集体经营性收入", "村集体经营性收入"}},
		{"四是部分社区党群服务中心面积偏小，最小的只有280平方米。", []string{"部分社区党群服务中心面积"}},
		{"对9名干部予以通报表扬。", []string{"干部"}},
		{"对14家社会组织依法作出撤销登记处理。", []string{"社会组织"}},
		// near misses
		{"其余2个项目年底前开工。", []string{"项目"}},
		{"营业收入达到5亿元，增长10%，利润增长5%。", []string{"营业收入", "利润"}},
		{"最多的一天接待游客3万人次。", []string{"最多的一天接待游客"}},
		{"创建依法治村示范村3个。", []string{"依法治村示范村"}},
	}
	wantNames(t, tests)
}

// TestEachPlaceNames: a list of places or people before 分别, or before 各
// and a verb, gives each the figure it is told with, named with what the
// figures count: the noun between 分别 and the figure (城关镇投资, 张三捐款)
// or the noun after the last figure (东岭村示范点); one figure after 各 is
// given for each (Also), also of two subjects joined by 和. Near misses:
// indicators before 分别 keep their names, 各 before a noun (各村) is no
// list, and nothing counted (分别达到) leaves the subjects alone.
func TestEachPlaceNames(t *testing.T) {
	tests := []struct {
		in    string
		names []string // name (+also, joined by +) of each quantity
	}{
		{"城关镇和石桥镇分别完成投资5亿元、3亿元。", []string{"城关镇投资", "石桥镇投资"}},
		{"张三和李四分别捐款500元、300元。", []string{"张三捐款", "李四捐款"}},
		{"东岭村、桥头村分别新建2个、3个示范点。", []string{"东岭村示范点", "桥头村示范点"}},
		{"东岭村、桥头村各配备2名网格员。", []string{"东岭村网格员+桥头村网格员"}},
		{"东岭村和桥头村各新建1个示范点。", []string{"东岭村示范点+桥头村示范点"}},
		// near misses
		{"地区生产总值、财政收入分别达到120亿元、8亿元。", []string{"地区生产总值", "财政收入"}},
		{"各村配备2名网格员。", []string{"网格员"}},
		{"东岭村、桥头村分别达到20万元、18万元。", []string{"东岭村", "桥头村"}},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range extract(t, tt.in) {
			got = append(got, strings.Join(append([]string{q.Name}, q.Also...), "+"))
		}
		if !slices.Equal(got, tt.names) {
			t.Errorf("%s: %q, want %q", tt.in, got, tt.names)
		}
	}
}

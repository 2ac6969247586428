package canonical_test

import (
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/check/checktest"
	"zongjie/check/rules/canonical"
)

func TestRules(t *testing.T) {
	checktest.Validate(t, canonical.Rules)
	for _, r := range canonical.Rules {
		checktest.ExpectExample(t, r)
	}
}

func TestFormulation(t *testing.T) {
	checktest.Expect(t, canonical.Formulation, []checktest.Case{
		{In: "坚持以习近平新时代特色社会主义思想为指导，以习近平中国特色社会主义思想武装头脑。", Want: []string{"习近平新时代特色社会主义思想→习近平新时代中国特色社会主义思想", "习近平中国特色社会主义思想→习近平新时代中国特色社会主义思想"}},
		{In: "团结在以习近平总书记为核心的党中央周围，坚持稳中求进总基调，统筹发展与安全，筑牢中华民族共同体意识。", Want: []string{"以习近平总书记为核心的党中央→以习近平同志为核心的党中央", "稳中求进总基调→稳中求进工作总基调", "统筹发展与安全→统筹发展和安全", "筑牢中华民族共同体意识→铸牢中华民族共同体意识"}},
		{In: "持续巩固脱贫攻坚同乡村振兴有效衔接。", Want: []string{"巩固脱贫攻坚同乡村振兴有效衔接→巩固拓展脱贫攻坚成果同乡村振兴有效衔接"}},
		{Name: "fuzzy: a character dropped, a word added, one changed, two swapped",
			In: "坚持以习近平同志为核心党中央，学习习近平新时代中国特色社会主义理论思想，坚持中国特色社会主意，践行社会主义核心价观，推动绿水青山就是金山山银，铸牢中华民族同共体意识。",
			Want: []string{"以习近平同志为核心党中央→以习近平同志为核心的党中央", "习近平新时代中国特色社会主义理论思想→习近平新时代中国特色社会主义思想",
				"中国特色社会主意→中国特色社会主义", "社会主义核心价观→社会主义核心价值观", "绿水青山就是金山山银→绿水青山就是金山银山", "铸牢中华民族同共体意识→铸牢中华民族共同体意识"}},
		{Name: "fuzzy: marks inside are ignored", In: "不忘初心、牢记便命，增强人民群众获得感、辛福感、安全感。",
			Want: []string{"不忘初心、牢记便命→不忘初心牢记使命", "人民群众获得感、辛福感、安全感→人民群众获得感幸福感安全感"}},
		{Name: "short formulations: a homophone or look-alike changed, inside or at an end",
			In: "统筹发展和安全，要求统愁发展和安全，统筹发辗和安全，桶筹发展和安全，统筹发展和安泉；推动高质量发辗，坚持新发展里念，构建新发展各局，推进中国式现带化，坚持全面从严治档，深入学习习近平法制思想。",
			Want: []string{"统愁发展和安全→统筹发展和安全", "统筹发辗和安全→统筹发展和安全", "桶筹发展和安全→统筹发展和安全", "统筹发展和安泉→统筹发展和安全",
				"高质量发辗→高质量发展", "新发展里念→新发展理念", "新发展各局→新发展格局", "中国式现带化→中国式现代化", "全面从严治档→全面从严治党", "习近平法制思想→习近平法治思想"}},
		{Name: "short formulations: a character dropped or added inside a word, two swapped",
			In: "深入学习习近平法思想，实施乡的村振兴战略，推进城乡融发展，增强人类命运共体意识，坚持全面从治党，落实总体家安全观，推动高量发展，坚持新展发理念。",
			Want: []string{"习近平法思想→习近平法治思想", "乡的村振兴战略→乡村振兴战略", "城乡融发展→城乡融合发展", "人类命运共体→人类命运共同体",
				"全面从治党→全面从严治党", "总体家安全观→总体国家安全观", "高量发展→高质量发展", "新展发理念→新发展理念"}},
		{Name: "long formulations: a homophone changed, a 的 added inside a word, a character dropped",
			In: "全面建成小慷社会，全面健成小康社会，坚持中国特色社会的主义，巩固拓展脱贫攻坚成果同乡的村振兴有效衔接，实施创新驱动展战略。",
			Want: []string{"全面建成小慷社会→全面建成小康社会", "全面健成小康社会→全面建成小康社会", "中国特色社会的主义→中国特色社会主义",
				"巩固拓展脱贫攻坚成果同乡的村振兴有效衔接→巩固拓展脱贫攻坚成果同乡村振兴有效衔接", "创新驱动展战略→创新驱动发展战略"}},
		{Name: "near miss: phrases one character away from a short formulation",
			In: "推动中国现代化进程，坚持全面依法治省、全面依法治市，推进全面从严治校、全面从严治警，开展党纪学习教育，坚持以人为中心的设计理念，" +
				"发展现代产业体系，建设全国统一市场，推动产城融合发展，走新兴工业化道路，推进新型城市化，支持京津协同发展，避免低质量发展，" +
				"树立新的发展理念，实现高质量的发展，推动乡村振兴，实施城乡统筹发展，推进高水平对内开放，做好安全发展和安全生产。"},
		{Name: "a character dropped from a word of two at an end: reported where the text beyond makes no word with what is left",
			In:   "坚持统发展和安全，推动高质量展，建设生态文明设。",
			Want: []string{"统发展和安全→统筹发展和安全", "高质量展→高质量发展", "生态文明设→生态文明建设"}},
		{Name: "near miss: what is left of the word makes a word with the text beyond (展示, 设施, 全面)",
			In: "成果得到高质量展示，建成一批生态文明设施，统筹发展和全面深化改革，系统发展和安全并重。"},
		{Name: "near miss: phrases one character away from a long formulation",
			In: "全面建设小康社会，实现中华民族的伟大复兴，传承中国优秀传统文化，满足人民群众日益增长的美好生活需要，建设社会主义现代化国际大都市，" +
				"践行社会主义核心价值体系，建设生态文明建设示范区，推动人与自然的和谐共生，全面建成小康的社会。"},
		{Name: "near miss: siblings, older names, an added 的, marks, a clause break",
			In: "坚持和发展中国特色社会主义道路，培育社会主义核心价值体系，学习习近平新时代中国特色社会主义经济思想，到本世纪中叶全面建成社会主义现代化强国，" +
				"全面建设社会主义现代化国家，实现中华民族的伟大复兴，不断增强人民群众的获得感、幸福感、安全感，不忘初心、牢记使命，推进供给侧结构性改革，" +
				"构建人类卫生健康共同体，建设有中国特色的社会主义，中国特色，社会主义。"},
		{Name: "near miss: the canonical forms and other phrases", In: "坚持以习近平新时代中国特色社会主义思想为指导，团结在以习近平同志为核心的党中央周围，学习习近平总书记重要讲话，巩固拓展脱贫攻坚成果同乡村振兴有效衔接，坚持稳中求进工作总基调，统筹发展和安全，铸牢中华民族共同体意识，巩固成果，全面推进乡村振兴有效衔接。"},
	})
}

func TestNames(t *testing.T) {
	cfg := &check.Config{Path: "zongjie.toml"}
	cfg.Names.Units = []string{"青禾街道党工委", "柳塘社区居委会"}
	cfg.Names.Leaders = []string{"王建国"}
	cfg.Rules.Enable = []string{"CA002", "CA008"}
	cases := []struct {
		in   string
		want []string
	}{
		{"青禾街道党委召开会议，柳塘社区居会委组织活动，青禾街道党工委员会成立。", []string{"青禾街道党委→青禾街道党工委", "柳塘社区居会委→柳塘社区居委会"}},
		{"青禾街道党工委召开会议，柳塘社区居委会组织活动，青禾街道办事处。", nil},
	}
	for _, c := range cases {
		got := checktest.Brief(checktest.Run(t, "t.txt", c.in, cfg, canonical.Names))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %v, want %v", c.in, got, c.want)
		}
	}
	got := checktest.Brief(checktest.Run(t, "t.txt", "王建图同志讲话，王国建同志主持，王建国同志出席，王小明同志参加。", cfg, canonical.LeaderNames))
	if strings.Join(got, "|") != "王建图→王建国|王国建→王建国" {
		t.Errorf("leaders: %v", got)
	}
}

func TestBareCongress(t *testing.T) {
	checktest.Expect(t, canonical.BareCongress, []checktest.Case{
		{In: "圆满完成“二十大”等特防期安保任务，学习贯彻二十大精神和二十届三中全会精神。", Want: []string{"“二十大”→党的二十大", "二十大→党的二十大", "二十届三中全会→党的二十届三中全会"}},
		{Name: "near miss: one 党的 covers the list", In: "学习贯彻党的二十大和二十届二中、三中全会精神，中共十九大以来，中国共产党第二十次全国代表大会，实施二十大类工程。"},
	})
}

func TestCollocation(t *testing.T) {
	checktest.Expect(t, canonical.Collocation, []checktest.Case{
		{In: "引导党员在学思践悟中维护“两个确立”，坚定“四个意识”，增强“四个自信”，坚定“两个维护”。", Want: []string{"维护→坚定拥护", "坚定→增强", "增强→坚定", "坚定→坚决做到"}},
		{Name: "near miss: the standard verbs", In: "深刻领悟“两个确立”的决定性意义，坚定拥护“两个确立”，坚决做到“两个维护”，增强“四个意识”、坚定“四个自信”。"},
	})
}

func TestMembers(t *testing.T) {
	checktest.Expect(t, canonical.Members, []checktest.Case{
		{In: "坚定理论自信、道路自信、制度自信、文化自信。", Want: []string{"理论自信、道路自信、制度自信、文化自信→道路自信、理论自信、制度自信、文化自信"}},
		{In: "坚定理论、道路、制度、文化自信。", Want: []string{"理论、道路、制度、文化自信→道路、理论、制度、文化自信"}},
		{In: "统筹推进政治建设、经济建设、文化建设、社会建设、生态文明建设。", Want: []string{"政治建设、经济建设、文化建设、社会建设、生态文明建设→经济建设、政治建设、文化建设、社会建设、生态文明建设"}},
		{Name: "near miss: the right order, and two members", In: "增强政治意识、大局意识、核心意识、看齐意识，坚定道路、理论、制度、文化自信，提高政治意识和大局意识。"},
		{Name: "near miss: an ordinary list", In: "巩固两岸关系的政治、经济、文化、社会基础，统筹做好政治、经济、社会、文化等各领域安全工作。"},
	})
}

func TestSloganQuotes(t *testing.T) {
	checktest.Expect(t, canonical.SloganQuotes, []checktest.Case{
		{In: "深刻领悟“两个确立”的决定性意义，坚决做到两个维护。", Want: []string{"两个维护→“两个维护”"}},
		{Name: "near miss: none quoted", In: "深刻领悟两个确立的决定性意义，坚决做到两个维护。"},
	})
}

func TestXinhua(t *testing.T) {
	checktest.Expect(t, canonical.Xinhua, []checktest.Case{
		{In: "融入“一带一路”战略，中共江西省省委召开会议，村长带头，学习习总书记讲话，前苏联解体。", Want: []string{"战略→倡议", "省省委→省委", "村长→村委会主任", "习总书记→习近平总书记", "前苏联→苏联"}},
		{Name: "near miss", In: "共建“一带一路”倡议，江西省委召开会议，村委会主任带头，推动村长期发展，学习习近平总书记讲话。"},
	})
}

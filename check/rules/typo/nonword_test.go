package typo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// TestNonWord runs TY008's detector over sentences written for it: each
// hit holds a non-word one substitution away from a word that the text
// also holds elsewhere or that reads far better; each near-miss is the
// same shape left alone for a stated reason.
func TestNonWord(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, want string // want: "wrong→right", or "" for none
	}{
		// Homophones (same main reading, tones aside).
		{"全面贯澈落实党的二十大精神，坚持贯彻新发展理念。", "贯澈→贯彻"},
		{"做好全区招尚引资工作，招商项目落地率提高。", "招尚→招商"},
		{"加强统畴协调，统筹推进城乡建设。", "统畴→统筹"},
		{"严格工程验受，竣工验收合格率达到百分之百。", "验受→验收"},
		{"各级正府和全社会都要增强忧患意识。", "正府→政府"},
		{"促进经济社会发展，推动高质量发盏。", "发盏→发展"},
		// A smaller gain, carried by the word written again and again.
		{"本街道辖曲内共有社区十个，辖区人口五万，辖区面积十二平方公里，辖区企业三百家。", "辖曲→辖区"},
		{"坚决防犯各类风险，防范化解重大风险，健全防范机制。", "防犯→防范"},
		// 里 stands alone often (HMM frequency), but 管理 is the text's word.
		{"加强资金管里，完善管理制度，提高管理水平，规范管理程序。", "管里→管理"},
		// An unattested entry of gse's dictionary is no word.
		{"做好政策衔结，推进政策衔接，确保平稳衔接。", "衔结→衔接"},
		// Look-alikes (shapeGroups), a rare character among them.
		{"完成道路改燥工程，推进城市更新改造。", "改燥→改造"},
		{"全年财政预箅收入增长，预算执行良好。", "预箅→预算"},
		// 城 that starts 城市 is no name suffix.
		{"创建文鸣城市，巩固文明成果，弘扬文明新风。", "文鸣→文明"},
		// A look-alike needs less evidence (shapeScore) when report
		// prose uses its corrected word: 曰益 scores 13.8 with a fit of 1,
		// 侍遇 12.9.
		{"两岸经济联系曰益紧密。", "曰益→日益"},
		{"优抚对象侍遇稳步提高。", "侍遇→待遇"},
		// Look-alike families: 贫贪, 枢抠, 失夫, 效郊.
		{"贪困人口全部脱贫。", "贪困→贫困"},
		{"建设综合交通抠纽。", "抠纽→枢纽"},
		{"城镇登记夫业率控制在4%以内。", "夫业→失业"},
		{"坚持质量第一、郊益优先。", "郊益→效益"},
		// Near-misses: a look-alike short of shapeScore (时问 10.3, 曰常
		// 9.8), and the families' characters in their own words.
		{"较短时问内扭转局面。", ""},
		{"深化交流，曰常管理规范。", ""},
		{"严肃查处贪腐问题，坚决惩治贪污。加快建设综合交通枢纽。", ""},
		// Near-misses: the corrected character makes a pair with its
		// neighbour that report prose does not attest (收程, 接工: the
		// bigrams of bigrams.gz), and the score is short of strongScore.
		{"严格工程验受程序，竣工验收合格率达到百分之百。", ""},
		{"做好衔结工作，推进政策衔接，确保平稳衔接。", ""},
		// A word the lexicon lacks, whose correction fits nothing around
		// it (抗议精神).
		{"弘扬抗洪精神、抗疫精神。", ""},
		// Near-misses: correct text.
		{"全面贯彻落实党的二十大精神。", ""},
		{"天然气管道改造全面完成。", ""},
		// The wrong form written twice is meant (a name, a coinage).
		{"推进贯澈工程，贯澈工程已开工。坚持贯彻新发展理念。", ""},
		// In short quotes: a coined slogan.
		{"打造“统畴”品牌，统筹推进工作。", ""},
		// Before a name suffix: part of a name.
		{"修建辖曲路，辖区道路畅通，辖区交通便利，辖区企业增加。", ""},
		// Glued to Latin letters or digits: a code or a brand.
		{"建成智汇100平台，打造智慧社区。", ""},
		// Before a digit, where the text writes the corrected word before
		// a figure elsewhere: a verb that takes a figure.
		{"地区生产总值同比赠长12%，财政收入同比增长8%，居民收入稳步增长。", "赠长→增长"},
		// A corpus string or rare entry that holds a particle (极的财政,
		// 强和改) is a phrase, not a word: it does not make the wrong text
		// cheap (加强和改擅 read as 加强和改 擅 gained 1.9).
		{"加强和改擅宏观调控，改善民生。", "改擅→改善"},
		// Before a quantity, a number and a unit: a word counted, though
		// the text writes it before no figure (培讯14万人次).
		{"开展职业技能培讯14万人次，培训质量稳步提高。", "培讯→培训"},
		{"筹集保障性组房6.6万套，住房保障持续加强。", "组房→住房"},
		// Near-misses: a number and no unit (a code: 智汇100平台, above),
		// and a character that leads a figure (增加至45个).
		{"建成培讯100平台，培训质量稳步提高。", ""},
		{"贸易伙伴增加至45个，增加值稳步提高。", ""},
		// The text never writes 增长 before a figure, but 12% is a
		// quantity; near-miss: 12 before no unit.
		{"地区生产总值同比赠长12%，居民收入稳步增长，消费持续增长。", "赠长→增长"},
		{"地区生产总值同比赠长12号，居民收入稳步增长，消费持续增长。", ""},
		// A word read backwards two places away is no parallel coinage
		// (在财正: 正在).
		{"坚持稳健的货币政策。在财正政策运用上更加积极，财政收入稳定增长，财政支出结构优化。", "财正→财政"},
		// A gse entry rarer than coverFloor (雾中 2) does not cover.
		{"建成社区养老服雾中心，提升养老服务水平，完善服务体系。", "服雾→服务"},
		// Near-miss: a gse word of coverFloor or more covers (设区 14, in
		// 设区的市).
		{"设区的市人民政府负责本行政区域内的社区工作，社区服务体系更加完善。", ""},
		// A pair of TY001, which reports it as certain.
		{"始终保持昂杨的斗志，精神昂扬。", ""},
		// A corpus string (兴边富民) covers its characters.
		{"继续推进兴边富民行动，进行专项检查。", ""},
		// A repeat that the correction makes a phrase of report prose (农业
		// 农村: 业农 and 农村 attested) is no coinage; 以企引企 → 以其引企
		// makes 其引, which reports never write (below).
		{"坚持农业农存优先发展，深化农村改革。", "农存→农村"},
		{"坚决查处违发违规行为，严格依法办事。", "违发→违法"},
		// A coinage of parallel parts (以企引企 is not 以其 or 引起).
		{"坚持以企引企，推进招商引资，以其为主。", ""},
		// A numeral inside the span, kept by a frequent word; a digit
		// before is a quantity.
		{"经济总量突破3000亿辕，财政收入达到500亿元。", "亿辕→亿元"},
		{"制度体系进一簿完善，改革进一步深化，开放进一步扩大。", "一簿→一步"},
		// Near-miss: a province's one-character name (浙里办 is an app).
		{"浙里好办事，这里办事方便，这里服务周到，这里环境优美。", ""},
		// Weak evidence: the word is nowhere else in the text and the gain
		// is small.
		{"打造沿江智造走廊。", ""},
		{"加强城镇然气安全管理，燃气管网改造完成，燃气用户增加。", ""},
	}
	for _, tt := range tests {
		wantFinding(t, l, tt.text, tt.want)
	}
}

// TestNonWordReasons checks that the near-misses of TestNonWord are left
// alone for their stated reason: the detector offers the suspect, and
// the decision rejects it by that test.
func TestNonWordReasons(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, suspect string
		reason        func(d *decision, s suspect) bool // the test that rejects it
	}{
		{"坚持以企引企，推进招商引资，以其为主。", "以企→以其", func(_ *decision, s suspect) bool { return s.parallel }},
		{"修建辖曲路，辖区道路畅通，辖区交通便利，辖区企业增加。", "辖曲→辖区", func(d *decision, s suspect) bool {
			return l.beforeName(d.text[s.end:])
		}},
		{"推进贯澈工程，贯澈工程已开工。坚持贯彻新发展理念。", "贯澈→贯彻", func(d *decision, s suspect) bool {
			return d.count(d.text[s.start:s.end]) == 2 && d.evident(s)
		}},
		{"打造“统畴”品牌，统筹推进工作。", "统畴→统筹", func(d *decision, s suspect) bool {
			return quotedShort(d.text, s.start, s.end) && d.evident(s)
		}},
	}
	for _, tt := range tests {
		offered := false
		l.detect(tt.text, func(d *decision, s suspect) bool {
			if tt.text[s.start:s.end]+"→"+s.right == tt.suspect {
				offered = true
				if d.accept(s) || !tt.reason(d, s) {
					t.Errorf("%s: %s accepted, or not for the stated reason", tt.text, tt.suspect)
				}
			}
			return d.accept(s)
		}, func(suspect) {})
		if !offered {
			t.Errorf("%s: %s not offered", tt.text, tt.suspect)
		}
	}
}

// TestReplaceable checks which characters a finding may replace: no
// numeral, none that stands alone all the time (a rare one only as a
// homophone, with more evidence: suspect.local, decision.evident).
func TestReplaceable(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for r, want := range map[rune]bool{'尚': true, '畴': true, '箅': true, '楫': true, '千': false, '二': false, '的': false, '了': false} {
		if got := l.chars[l.id[r]].replace; got != want {
			t.Errorf("%c: replace %v, want %v", r, got, want)
		}
	}
}

// TestNonWordRule runs TY008 through the checker: off by default, on when
// the configuration enables it, with a fix that is not certain, on the
// exact span.
func TestNonWordRule(t *testing.T) {
	text := "第一段。\n全面贯澈落实党的二十大精神，坚持贯彻新发展理念。\n"
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if ds := check.Run(f, nil, []*check.Rule{NonWord}, nil); len(ds) != 0 {
		t.Errorf("off by default, got %v", ds)
	}
	cfg := &check.Config{}
	cfg.Rules.Enable = []string{"TY008"}
	ds := check.Run(f, nil, []*check.Rule{NonWord}, cfg)
	if len(ds) != 1 {
		t.Fatalf("got %d findings, want 1: %v", len(ds), ds)
	}
	d := ds[0]
	if d.Text != "贯澈" || d.Line != 2 || d.Column != 3 || d.Message != "“贯澈”疑为“贯彻”" {
		t.Errorf("got %q at %d:%d %q", d.Text, d.Line, d.Column, d.Message)
	}
	if len(d.Fixes) != 1 || d.Fixes[0].Replacement != "贯彻" || d.Fixes[0].Certain {
		t.Errorf("fixes %+v, want one uncertain fix to 贯彻", d.Fixes)
	}
}

// TestLexiconSum checks the embedded lexicon against lexicon.sum, which
// lexgen writes: a lexicon edited by hand, or regenerated without the sum,
// fails.
func TestLexiconSum(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(lexiconData))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile("lexicon.sum")
	if err != nil {
		t.Fatal(err)
	}
	want := ""
	sc := bufio.NewScanner(bytes.NewReader(sums))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "sha256 "); ok {
			want = v
		}
	}
	if got := fmt.Sprintf("%x", sha256.Sum256(data)); got != want {
		t.Errorf("lexicon.gz has SHA-256 %s, lexicon.sum says %s: run go generate ./check/rules/typo", got, want)
	}
	// The header names the modules that lexicon.sum names.
	for line := range strings.SplitSeq(string(sums), "\n") {
		if strings.HasPrefix(line, "github.com/") && !bytes.Contains(data[:1024], []byte(line)) {
			t.Errorf("lexicon header lacks %q", line)
		}
	}
}

// TestShapeGroups checks the look-alike table: no character twice in one
// group, and only Chinese characters.
func TestShapeGroups(t *testing.T) {
	for _, g := range shapeGroups {
		seen := map[rune]bool{}
		for _, r := range g {
			if seen[r] || !isHan(r) {
				t.Errorf("group %q: %q repeated or not a Chinese character", g, r)
			}
			seen[r] = true
		}
	}
}

// TestParallelWord checks the parallel coinages of a word two places
// apart: 撤县设市 (县市), and not 完善设施 (善施 is no word) nor a word
// read backwards (现在财正政: 正在).
func TestParallelWord(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{"撤县设市": true, "完善设施": false, "推进设市": false, "现在财正政": false} {
		var ids []uint16
		for _, r := range text {
			ids = append(ids, l.id[r])
		}
		if got := l.parallelWord(ids, 3); got != want {
			t.Errorf("%s: %v, want %v", text, got, want)
		}
	}
}

// TestNearReadings checks the confusions of initials and finals, both
// ways, and that a reading without them has none.
func TestNearReadings(t *testing.T) {
	for syl, want := range map[string]string{
		"zhi": "[zi]", "si": "[shi]", "nan": "[lan nang]", "lin": "[nin rin ling]", "fang": "[hang fan]", "a": "[]",
	} {
		if got := fmt.Sprint(nearReadings(syl)); got != want {
			t.Errorf("%s: %s, want %s", syl, got, want)
		}
	}
	// The lexicon knows them: 实 (shi) is near 思 (si).
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(l.near[l.chars[l.id['思']].syl], l.chars[l.id['实']].syl) {
		t.Errorf("shi is not near si")
	}
}

// TestBigramsFile checks the embedded bigrams.gz against the corpus it
// is made from: the pairs counted again from the shared corpus (without
// its held-out files) and the seeds are the file's text, so that a
// changed corpus or a file edited by hand fails until bigramgen is run.
func TestBigramsFile(t *testing.T) {
	var texts []string
	for _, p := range append(shared.TuningCorpus(t), shared.Files(t, "seeds", ".txt")...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	want := renderBigrams(countBigrams(texts))
	got, err := loadBigrams()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("bigrams.gz (%d bytes) is not the pairs of the corpus (%d bytes): run go generate ./check/rules/typo", len(got), len(want))
	}
	// The pairs are loaded: a pair of report prose, one with a clause
	// mark, and one that never occurs.
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	id := func(r rune) uint16 { return l.pairID(r) }
	if l.bigram(id('政'), id('府')) < 10 || l.bigram(id('接'), id('，')) < 2 || l.bigram(id('正'), id('府')) != 0 {
		t.Errorf("政府 %d, 接， %d, 正府 %d", l.bigram(id('政'), id('府')), l.bigram(id('接'), id('，')), l.bigram(id('正'), id('府')))
	}
}

// TestPhraseEntries checks which entries of three or four characters
// the segmentation reads (lexicon.segEntry, phraseFloor): a corpus string
// or a rare entry that holds a particle is a phrase and is not read; a
// word of phraseFloor or more, or one without a particle, is. All of them
// still cover their characters.
func TestPhraseEntries(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		entry  string
		phrase bool
	}{
		{"极的财政", true},  // a corpus string
		{"强和改", true},   // gse, 15
		{"加强和改", true},  // gse, 15
		{"目的地", false},  // a word of 100 or more
		{"宏观调控", false}, // no particle
	} {
		var ids [4]uint16
		n, err := l.ids([]byte(tt.entry), &ids)
		if err != nil {
			t.Fatal(err)
		}
		key := pack(ids[:n])
		v, ok := l.words.get(key)
		if !ok || !covers(v) {
			t.Errorf("%s: not an entry that covers", tt.entry)
			continue
		}
		if _, ok := l.segEntry(key, n); ok == tt.phrase {
			t.Errorf("%s: read in the segmentation %v, want a phrase %v", tt.entry, ok, tt.phrase)
		}
	}
}

// wantFinding checks that TY008 (lexicon l) finds in text exactly want,
// written wrong→right, or nothing when want is "".
func wantFinding(t *testing.T, l *lexicon, text, want string) {
	t.Helper()
	var got, wants []string
	l.findings(text, func(s suspect) { got = append(got, text[s.start:s.end]+"→"+s.right) })
	if want != "" {
		wants = []string{want}
	}
	if !slices.Equal(got, wants) {
		t.Errorf("%s: got %v, want %v", text, got, wants)
	}
}

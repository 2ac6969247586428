package typo

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
)

// NonWord reports a string that is no word where one character, read for
// a character that sounds or looks like it, makes a frequent word that
// fits the text (贯澈 → 贯彻, 衔结 → 衔接): typos that no list of pairs
// holds. See README.md, "TY008".
var NonWord = &check.Rule{
	ID: "TY008", Name: "typo-nonword", Category: check.Typo, Severity: check.Warning, OffByDefault: true,
	Doc: check.Doc{
		Title: "疑似错别字（非词）",
		Text: "不在词表中的字串，其中一个字换成同音（不计声调）、近音（平翘舌、前后鼻音、n/l、f/h、r/l）或形近的字后，成为常用词且与上下文相合（如“贯澈”→“贯彻”、" +
			"“统畴”→“统筹”、“衔结”→“衔接”）。词表取自 gse 分词词典（约35万词及词频，并以 jieba 逆文档频率表核实低频词）" +
			"和本项目语料，读音取自 go-pinyin，多音字按其前两个读音（“银航”→“银行”、“条整”→“调整”）；被替换的若是生僻字，只按主读音的同音字替换且须有更强的依据（“保樟”→“保障”）；" +
			"不在数词、量词和排比式的新造词（以商招商、“抗洪精神、抗疫精神”）中。" +
			"只报全文中只出现一次、不在引号内、不是地名机构名、职务之后的人名或含省区简称（浙、皖、沪等）的字串，也不报地名简称的连用（“苏锡常”、“蒙东”、“津企”，城市简称须文中写有该市名）和与企业名、品牌名、地名并列的名称（“奇瑞、蔚来”）；" +
			"改后的字与前后字须是公文语料中常见的字对（如“各级正府和”改为“各级政府和”），且改后远比原文通顺、改后的词在文中别处也用，" +
			"或改后的词为公文常用且远比原文通顺；形近字（“曰益”→“日益”）可选的字少，改后的词为公文常用时所需依据较低；" +
			"改后的词连同其前后的字在公文语料中写过（“邓小平里论和”→“邓小平理论和”）时，所需依据也较低。建议修改，需人工确认。",
		Wrong:  "全面贯澈落实党的二十大精神，坚持贯彻新发展理念。",
		Right:  "全面贯彻落实党的二十大精神，坚持贯彻新发展理念。",
		Source: "同音、形近字误用（《咬文嚼字》别字类型）；词表：gse v0.80.3 词典（Apache-2.0，部分来自 jieba，MIT）",
	},
	Run: runNonWord,
}

// suspect is one span that TY008 takes for a typo.
type suspect struct {
	start, end int     // byte offsets of the wrong form in the text
	right      string  // the word it stands for
	rightFreq  int32   // the frequency of that word
	gain       float64 // how much more probable the text reads with it (natural log)
	// token is set when the corrected character is part of a word of
	// the best segmentation of its context: it fits the text around it.
	token bool
	// common is set when the replaced character is one of the lexicon's
	// common characters, the ones a typist picks by mistake.
	common bool
	// parallel is set when a character of the span recurs two or three
	// characters away in its run (以商招商, 实事办实, 立行立改), or the
	// wrong one makes a frequent word with the character two places
	// away (撤县设市): a coinage of parallel parts, written on purpose.
	parallel bool
	// numeral is set when the span follows a numeral (突破千列), or holds
	// one and corrects to a word rarer than numeralWordFreq (一产, 千湖):
	// numbers and measure words make strings that no lexicon lists.
	numeral bool
	// shape is set when the characters look alike rather than sound
	// alike.
	shape bool
	// near is set when their readings differ by the initial or the final
	// (nearReadings): a likelier text than a homophone's is asked for.
	near bool
	// alt is set when the reading of the replaced character is the
	// corrected character's second reading (lexicon.alt), not its main
	// one (银航 → 银行).
	alt bool
	// fit is the smaller count, in report prose (bigrams.gz), of the two
	// pairs the corrected character makes with its neighbours (0 at an
	// end of the run): the correction fits the text around it when both
	// are attested (各级政府和 for 各级正府和).
	fit int
	// bigram is how much more often report prose pairs the corrected
	// character with its neighbours than the wrong one: the sum over the
	// pairs of ln((right+1)/(wrong+1)).
	bigram float64
	// attested is the smaller count, in report prose, of the pairs the
	// corrected character makes inside the corrected word: report
	// prose uses the word (抗议 it never does).
	attested int
	// function is set when every other character of the span is a
	// function character (functionChars).
	function bool
	// wrongAttested is the larger count, in report prose, of the pairs
	// the wrong character makes inside the span: a pair attested twice
	// is a string reports write, not a typo.
	wrongAttested int
	// score caches decision.score while detect sorts a run's suspects.
	score float64
	// breaks is set when the wrong character makes a pair with a
	// neighbour that report prose writes too, and the corrected one's is
	// not at least twice as common (企业数居全国: 居全 as in 位居全国
	// against 据全): the text may read as it is.
	breaks bool
}

// Parameters of the detector and of its decision (see README.md,
// "TY008"), chosen by TestNonWordMeasure.
const (
	maxWord = 4 // the longest word considered
	context = 3 // characters either side of a span that the comparison reads
	// floorGain is the least gain of any finding.
	floorGain = 5.0
	// minAlone is the least cost alone of a replaced character: one that
	// stands alone more often (的, 了, 在, 和) makes no finding
	// (TestNonWordMeasure loses none by it), and most characters a run
	// leaves uncovered are such.
	minAlone = 5.0
	// A suspect is reported when its score (decision.score) is at least
	// fitScore and the pairs of its corrected character are attested at
	// least minFit times each, or when its score is at least
	// strongScore.
	fitScore = 13.0
	minFit   = 3
	// attestedPair is the least count of a pair for report prose to
	// use it (suspect.attested, suspect.wrongAttested).
	attestedPair = 2
	strongScore  = 15.0
	// functionScore is the least score of a span whose other characters
	// are function characters (为王, 与警): two words of one character
	// each are no word by nature.
	functionScore = 12.0
	// loneScore is the least score of a suspect that fits its
	// neighbours but whose corrected word the text uses nowhere else: a
	// real word the lexicon lacks has a "correction" the writer has no
	// use for.
	loneScore = 13.0
	// rareScore is the least score of a suspect whose replaced character
	// is rare (not common, no look-alike): a typist seldom picks one, a
	// writer does on purpose (中流击楫 is no typo of 集中).
	rareScore = 18.0
	// shapeScore is the least score of a look-alike whose corrected word
	// report prose uses (decision.evident).
	shapeScore = 11.0
	// nearCost is how much less likely a near homophone (zh/z, an/ang …)
	// is than a homophone, in the score's units.
	nearCost = 6.0
)

// runNonWord reports the suspects of the text that pass the document's
// tests.
func runNonWord(p *check.Pass) {
	l, err := loadLexicon()
	if err != nil {
		p.Report(document.Span{}, "词表无法读取："+err.Error())
		return
	}
	text := p.File.Text
	l.findings(text, func(s suspect) {
		if skip(p, s.start) {
			return
		}
		wrong := text[s.start:s.end]
		p.Report(document.Span{Start: s.start, End: s.end}, "“"+wrong+"”疑为“"+s.right+"”",
			check.Fix{Message: "改为“" + s.right + "”", Replacement: s.right})
	})
}

// findings calls fn, in order of the text, for every suspect of text
// that the decision accepts: of overlapping suspects, the one of the
// largest score that passes.
func (l *lexicon) findings(text string, fn func(suspect)) {
	l.detectLocal(text, true, (*decision).accept, fn)
}

// decision holds what the tests of a text need: the text, and the
// number of occurrences of the wrong and right forms of its suspects.
type decision struct {
	l      *lexicon
	text   string
	counts map[string]int
	// regions holds the one-character names of the provinces the text
	// names (ownRegions), found once a suspect asks.
	regions      string
	regionsFound bool
	// all holds the ids of the text's characters (scanner.all).
	all []uint16
	// names holds the one-character place names of the text
	// (abbreviation), found once a suspect asks.
	names placeNames
	// digit caches beforeDigit by corrected word.
	digit map[string]bool
}

// ownRegion reports whether s holds the one-character name of a
// province the text names.
func (d *decision) ownRegion(s string) bool {
	// Most spans hold no province's one-character name at all: the
	// names in the text are counted only once one does.
	if !strings.ContainsAny(s, regionAbbrs) {
		return false
	}
	if !d.regionsFound {
		d.regions, d.regionsFound = d.l.regionsOf(d.all), true
	}
	return d.regions != "" && strings.ContainsAny(s, d.regions)
}

// count returns the number of occurrences of s, the wrong or right form
// of a suspect, in the text.
func (d *decision) count(s string) int {
	n, ok := d.counts[s]
	if !ok {
		n = strings.Count(d.text, s)
		d.counts[s] = n
	}
	return n
}

// prepare counts the wrong and right forms of sus in the text, whose
// character ids are all (0 for a character the lexicon lacks), in one
// pass: a position is compared only when its character is the first of
// a form.
func (d *decision) prepare(all []uint16, sus []suspect) {
	d.counts = make(map[string]int, 2*len(sus))
	type form struct {
		ids [maxWord]uint16
		n   int
		s   string
	}
	var forms []form
	var first [1 << 16 / 64]uint64
	for _, su := range sus {
		for _, str := range [...]string{d.text[su.start:su.end], su.right} {
			if _, ok := d.counts[str]; ok {
				continue
			}
			d.counts[str] = 0
			f := form{s: str}
			for _, r := range str {
				f.ids[f.n] = d.l.id[r]
				f.n++
			}
			forms = append(forms, f)
			first[f.ids[0]>>6] |= 1 << (f.ids[0] & 63)
		}
	}
	for j := 0; ; j++ {
		j = nextMarked(all, j, &first)
		if j >= len(all) {
			break
		}
		for _, f := range forms {
			if j+f.n <= len(all) && slices.Equal(all[j:j+f.n], f.ids[:f.n]) {
				d.counts[f.s]++
			}
		}
	}
}

// nextMarked returns the first index k ≥ j of ids whose id has its bit
// set in marks, or len(ids). It calls nothing, so that its loop keeps its
// values in registers.
func nextMarked(ids []uint16, j int, marks *[1 << 16 / 64]uint64) int {
	for ; j < len(ids); j++ {
		if id := ids[j]; marks[id>>6]&(1<<(id&63)) != 0 {
			return j
		}
	}
	return len(ids)
}

// accept applies the tests of a suspect, cheapest first: those of its
// place (placed), then the evidence (evident).
func (d *decision) accept(s suspect) bool {
	return d.placed(s) && d.evident(s)
}

// placed applies the tests of a suspect that ask no evidence: those of
// placedHere, and the wrong form written once only (a string written
// twice is meant).
func (d *decision) placed(s suspect) bool {
	return d.placedHere(s) && d.count(d.text[s.start:s.end]) <= 1
}

// placedHere applies the tests of a suspect's place: the local ones
// (suspect.local), the place in the text (not glued to Latin letters nor
// followed by a digit: a code or a brand, 智汇100, unless the text writes
// the corrected word before a digit elsewhere, 同比赠长12% where it writes
// 同比增长8%; a digit before is a quantity, 100亿辕; not in short quotes,
// not the first part of a name, not a pair of TY001, which reports it as
// certain; not part of a compound of one-character place names,
// placeNames.abbreviation: 苏锡常, 蒙东, 津企; not an item of a list of
// names, lexicon.inNameList: 奇瑞、蔚来).
func (d *decision) placedHere(s suspect) bool {
	return d.placeTests(s, nil)
}

// placeTests applies the tests of placedHere to s, in order, and reports
// whether s passes them all. Without fail it stops at the first that s
// fails; with fail it applies them all and calls fail with the name of
// each that s fails (for the measurements' diagnostics).
func (d *decision) placeTests(s suspect, fail func(test string)) bool {
	ok := true
	// failed notes a test failed and reports whether to stop.
	failed := func(test string) bool {
		ok = false
		if fail == nil {
			return true
		}
		fail(test)
		return false
	}
	if !s.local() && failed("local") {
		return false
	}
	text := d.text
	if r := prevRune(text, s.start); r < utf8.RuneSelf && isLetter(byte(r)) && failed("letter before") {
		return false
	}
	if s.end < len(text) && isAlnum(text[s.end]) && !(isDigit(text[s.end]) && (d.beforeDigit(s.right) || beforeQuantity(text[s.end:]) && !leadsFigure(text[:s.end]))) && failed("alnum after") {
		return false
	}
	if quotedShort(text, s.start, s.end) && failed("quoted") ||
		d.l.beforeName(text[s.end:]) && failed("beforeName") ||
		d.l.beforeSharedName(text[s.end:], utf8.RuneCountInString(s.right)) && failed("sharedName") ||
		inPair(text, s.start, s.end) && failed("pair") ||
		hasRegionChar(text[s.start:s.end]) && failed("region") ||
		d.ownRegion(text[s.start:s.end]) && failed("ownRegion") ||
		inName(text, s.start, s.end) && failed("name") ||
		d.l.inNameList(text, s.start, s.end) && failed("nameList") {
		return false
	}
	at, right := s.replaced(text)
	if d.names.abbreviation(text, at) && failed("placeAbbreviation") ||
		parallelItem(text, s.start, s.end, at, right) && failed("parallelItem") {
		return false
	}
	return ok
}

// replaced returns the byte offset in text of the character that s
// replaces, and the character it puts there.
func (s suspect) replaced(text string) (int, rune) {
	at := s.start
	for _, r := range s.right {
		w, size := utf8.DecodeRuneInString(text[at:])
		if w != r {
			return at, r
		}
		at += size
	}
	return s.start, 0
}

// evident reports whether the evidence for s is enough: a score of at
// least fitScore with a correction that fits its neighbours (at least
// loneScore when the corrected word is written nowhere else in the
// text), or of at least strongScore with a corrected word that report
// prose uses; at least functionScore in any case for a span whose other
// characters stand alone as words (项目为王 is no typo of 为主); and
// never a span whose own pair report prose uses (suspect.wrongAttested)
// or whose wrong character fits a neighbour nearly as well
// (suspect.breaks); at least rareScore for a rare replaced character.
func (d *decision) evident(s suspect) bool {
	sc := d.score(s)
	if s.function && sc < functionScore || s.wrongAttested >= attestedPair || s.breaks || !s.common && !s.shape && sc < rareScore {
		return false
	}
	if sc >= fitScore && s.fit >= minFit && (d.count(s.right) > 0 || sc >= loneScore) {
		return true
	}
	// A look-alike is offered far less often than a homophone (a shape
	// group has a few characters, a reading dozens), so less evidence
	// makes it likely (曰益 → 日益, 廷伸 → 延伸).
	if s.shape && sc >= shapeScore && s.attested >= attestedPair {
		return true
	}
	if sc >= strongScore && s.attested >= attestedPair {
		return true
	}
	// Report prose writes the corrected word with the neighbours it has
	// here (以邓小平里论和 → 理论: 平理论, 理论和), which a coinage's
	// "correction" never is (精文减会 → 文件: 文件会).
	return sc >= leastContext(s) && s.attested >= attestedPair && d.inContext(s)
}

// score returns the evidence for s: the gain of the corrected text under
// the lexicon's unigram model, the bigram evidence of report prose
// (suspect.bigram), and ln(1+n) for the corrected word written n times
// elsewhere in the text (衔接 three times, 政府 forty times: the writer
// uses the word).
func (d *decision) score(s suspect) float64 {
	sc := s.gain + s.bigram + math.Log1p(float64(d.count(s.right)))
	if s.near {
		sc -= nearCost
	}
	return sc
}

// beforeDigit reports whether the text writes word just before an ASCII
// digit somewhere (增长12%): a verb or a unit that takes a figure, not
// the first part of a code.
func (d *decision) beforeDigit(word string) bool {
	if v, ok := d.digit[word]; ok {
		return v
	}
	found := false
	for off := 0; !found; {
		i := strings.Index(d.text[off:], word)
		if i < 0 {
			break
		}
		off += i + len(word)
		found = off < len(d.text) && isDigit(d.text[off])
	}
	if d.digit == nil {
		d.digit = map[string]bool{}
	}
	d.digit[word] = found
	return found
}

// beforeQuantity reports whether after starts with a quantity: a number
// in ASCII digits, with its decimals, 余 or 多, and 万, 亿 or 千, then a
// unit or a measure word (培讯14万人次, 组房3.8万套, 就夜42.3万人): the
// span before it is a word counted, not the first part of a code or a
// brand (智汇100平台, G20峰会).
func beforeQuantity(after string) bool {
	i := 0
	for i < len(after) && isDigit(after[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	if i+1 < len(after) && after[i] == '.' && isDigit(after[i+1]) {
		for i++; i < len(after) && isDigit(after[i]); i++ {
		}
	}
	rest := after[i:]
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "余"), "多")
	for _, scale := range [...]string{"万", "亿", "千"} {
		rest = strings.TrimPrefix(rest, scale)
	}
	return strings.HasPrefix(rest, "%") || quantityUnits.At(rest, 0) != ""
}

// leadsFigure reports whether text ends with a character that reports
// write before a figure (增加至45个, 达到, 约, 超, 近, 逾): the span ends
// with it as written, not with a typo of a counted word.
func leadsFigure(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(figureLeads, r)
}

// figureLeads are the characters that lead a figure: prepositions and
// verbs that take one.
const figureLeads = "至到达为超近约逾过破计共占增降减升"

// quantityUnits are the units and measure words that follow a number in
// reports (a unit of two characters where its first one alone starts
// other words: 公里, not 公).
var quantityUnits = words.NewSet(
	"个", "项", "家", "户", "人", "名", "次", "套", "所", "座", "条", "辆", "台", "件", "批", "场", "篇", "处",
	"间", "栋", "宗", "起", "株", "亩", "吨", "元", "倍", "％", "‰", "天", "岁", "册", "部", "期", "轮", "届",
	"公里", "公顷", "平方米", "平方公里", "立方米", "美元", "小时", "课时", "千瓦", "千米", "千克", "米",
)

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// nameSuffixes end names of places, roads, lines and bodies: a span just
// before one is part of a name the lexicon does not hold (张江科学城,
// 店头电厂, 南枫线).
var nameSuffixes = []string{
	"路", "街", "巷", "道", "村", "镇", "乡", "县", "社区", "片区", "园区", "新区", "线", "段", "港", "站", "桥", "岛", "湾",
	"寺", "厂", "矿", "城", "高速", "高铁", "铁路", "城际", "机场", "大道", "电厂", "电站", "公司", "集团", "学院", "大学", "中学",
	"小学", "医院", "号",
	// Coinages of abbreviated names (太忻一体化, 兰白经济圈, 杭甬通道).
	"一体化", "都市圈", "经济圈", "城市群", "经济带", "经济区", "走廊", "同城", "通道",
}

// beforeName reports whether after starts with a name suffix. A suffix
// of one character that starts a frequent word there is not one (文明城市
// is not a city named 文明城).
func (l *lexicon) beforeName(after string) bool {
	for _, s := range nameSuffixes {
		if !strings.HasPrefix(after, s) {
			continue
		}
		if len(s) > 3 || len(after) < 6 {
			return true
		}
		r1, _ := utf8.DecodeRuneInString(after)
		r2, _ := utf8.DecodeRuneInString(after[3:])
		if r2 >= 0x10000 || l.id[r2] == 0 || l.freq(pack([]uint16{l.id[r1], l.id[r2]})) < nameWordFreq {
			return true
		}
	}
	return false
}

// beforeSharedName reports whether after, the text after a span of n
// characters, goes on with items of n characters each after 、, no word
// of the lexicon, the last of which is followed by a name suffix
// (beforeName): a suffix written once for a list of names (雄忻、石雄铁路;
// 京雄、津兴城际), not the suffix of a word (产业集群、产业园区).
func (l *lexicon) beforeSharedName(after string, n int) bool {
	for range 3 {
		rest, ok := strings.CutPrefix(after, "、")
		if !ok {
			return false
		}
		var ids [maxWord]uint16
		for j := range min(n, maxWord) {
			r, size := utf8.DecodeRuneInString(rest)
			if !isHan(r) || r >= 0x10000 {
				return false
			}
			ids[j] = l.id[r]
			rest = rest[size:]
		}
		// The item is a name of its own (石雄), not a word (产业集群、产业园区).
		if l.known(pack(ids[:min(n, maxWord)])) {
			return false
		}
		if l.beforeName(rest) {
			return true
		}
		after = rest
	}
	return false
}

// nameWordFreq is the least frequency of a word that makes a name suffix
// of one character the start of a word (城市, 道路).
const nameWordFreq = 1000

// quotedShort reports whether [start, end) lies within a short quotation
// (“两山”, “邻礼通”): a coined slogan or name, written on purpose.
func quotedShort(text string, start, end int) bool {
	before := text[max(0, start-12):start]
	open := strings.LastIndex(before, "“")
	if open < 0 || strings.Contains(before[open:], "”") {
		return false
	}
	after := text[end:min(len(text), end+12)]
	close := strings.Index(after, "”")
	return close >= 0 && !strings.Contains(after[:close], "“")
}

// inPair reports whether a pair of TY001 overlaps [start, end).
func inPair(text string, start, end int) bool {
	lo, hi := max(0, start-12), min(len(text), end+12)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	found := false
	pairDict.scan(text[lo:hi], func(i int, e *entry) {
		if lo+i < end && lo+i+len(e.wrong) > start {
			found = true
		}
	})
	return found
}

// scanner holds the buffers of one detection.
type scanner struct {
	l    *lexicon
	text string
	all  []uint16 // the id of every character of the text, 0 for none
	// stretches holds the stretches of three-byte forms of two
	// characters or more (decode), in which the runs are.
	stretches []span
	// open has a bit for each character of all that no pair of pairBits
	// covers and that may be replaced (openRun).
	open  []uint64
	ids   []uint16 // the run being examined, a part of all
	from  int      // where the run being gathered starts in all
	start int      // its byte offset; its characters are three bytes each
	found []candidate
	sus   []suspect // the suspects of gain ≥ floorGain that fit, run by run
	runs  []int     // where the suspects of each run start in sus
	// local is set when the suspects that fail suspect.local are
	// dropped (detectLocal).
	local bool
}

// candidate is a correction of a run: the span [s, s+k) in characters,
// the character at i replaced to make the word key.
type candidate struct {
	s, k, i int
	key     uint64 // the corrected word
	gain    float64
	token   bool
	shape   bool
	near    bool
	alt     bool
}

// detect finds the suspects of text and offers them to accept, run by
// run, each run's in order of score, skipping
// those that overlap one accepted before; it calls fn with the accepted
// ones in order of the text. A suspect is a span of two to four
// characters holding a character that no word or corpus string of the
// text covers at its place, where replacing that character by one that
// sounds or looks like it makes a word of at least fillFloor.
func (l *lexicon) detect(text string, accept func(*decision, suspect) bool, fn func(suspect)) {
	l.detectLocal(text, false, accept, fn)
}

// detectLocal is detect; with local set, the suspects that fail the
// tests of their run (suspect.local), which decision.accept asks first,
// are dropped before the decision counts their forms: findings gives the
// same results for less work.
func (l *lexicon) detectLocal(text string, local bool, accept func(*decision, suspect) bool, fn func(suspect)) {
	sc := &scanner{l: l, local: local}
	sc.scan(text)
	if len(sc.sus) == 0 {
		return
	}
	d := &decision{l: l, text: text, all: sc.all}
	if local {
		// The suspects that fail the tests of their place, which ask no
		// count, are never accepted either: drop them before the forms
		// are counted.
		sc.keep(d.placedHere)
		if len(sc.sus) == 0 {
			return
		}
	}
	d.prepare(sc.all, sc.sus)
	var taken []suspect
	for r, start := range sc.runs {
		end := len(sc.sus)
		if r+1 < len(sc.runs) {
			end = sc.runs[r+1]
		}
		group := sc.sus[start:end]
		// By score, then the shorter span (贯澈 rather than 贯澈落实).
		for i := range group {
			group[i].score = d.score(group[i])
		}
		slices.SortStableFunc(group, func(a, b suspect) int {
			if c := cmp.Compare(b.score, a.score); c != 0 {
				return c
			}
			return cmp.Compare(a.end-a.start, b.end-b.start)
		})
		taken = taken[:0]
		for _, su := range group {
			if slices.ContainsFunc(taken, func(t suspect) bool { return su.start < t.end && t.start < su.end }) {
				continue
			}
			if accept(d, su) {
				taken = append(taken, su)
			}
		}
		slices.SortFunc(taken, func(a, b suspect) int { return cmp.Compare(a.start, b.start) })
		for _, su := range taken {
			fn(su)
		}
	}
}

// scan reads the ids of text's characters, then examines it run by run
// and gathers its suspects.
func (sc *scanner) scan(text string) {
	sc.text = text
	sc.decode(text)
	// The characters of open, run by run: most runs have none. A run is
	// a stretch of characters of the lexicon inside a stretch of
	// three-byte forms (sc.stretches).
	all, strs := sc.all, sc.stretches
	st, started := 0, false
	from, to := 0, 0 // the run of the last character tried
	for w, word := range sc.open {
		for word != 0 {
			k := w<<6 + bits.TrailingZeros64(word)
			word &= word - 1
			// In local mode, a character whose pairs with its neighbours
			// in the run report prose writes is never reported.
			if sc.local && sc.l.wrongFits(all, k) {
				continue
			}
			if k < to {
				sc.opened(k - from)
				continue
			}
			if started {
				sc.finish()
				started = false
			}
			for st < len(strs) && strs[st].to <= k {
				st++
			}
			if st == len(strs) || k < strs[st].from {
				continue
			}
			from, to = k, k+1
			for from > strs[st].from && all[from-1] != 0 {
				from--
			}
			for to < strs[st].to && all[to] != 0 {
				to++
			}
			if to-from < 2 {
				continue
			}
			sc.from, sc.start, sc.ids = from, strs[st].start+3*(from-strs[st].from), all[from:to]
			started = true
			sc.opened(k - from)
		}
	}
	if started {
		sc.finish()
	}
}

// span is a stretch of three-byte forms: the characters [from, to) of
// scanner.all, from byte offset start of the text on.
type span struct {
	from, to, start int
}

// decode sets sc.all to the ids of the characters of text (ASCII and the
// forms other than three bytes are no character of the lexicon: id 0),
// sc.stretches to its stretches of three-byte forms, and sc.open to
// their characters that no pair of pairBits covers (openRun).
func (sc *scanner) decode(text string) {
	l := sc.l
	byRune := (*[1 << 16]uint16)(l.id) // indexed by a uint16: no bounds test
	// A text has at most one character a byte; make zeroes them.
	all := make([]uint16, len(text))
	open := make([]uint64, len(text)/64+1)
	strs := sc.stretches[:0]
	i, j := 0, 0
	for {
		from, start := j, i
		i, j = decodeHan(text, i, all, j, byRune)
		if j-from >= 2 {
			openRun(all, from, j, open, l.pairInfo, l.pairBits)
			strs = append(strs, span{from, j, start})
		}
		if i >= len(text) {
			break
		}
		// ASCII, or another form as decodeAt reads it (id 0).
		for i < len(text) && text[i] < utf8.RuneSelf {
			i, j = i+1, j+1
		}
		if i < len(text) && (text[i]&0xF0 != 0xE0 || i+2 >= len(text) || (text[i+1]^0x80)|(text[i+2]^0x80) >= 0x40) {
			_, size := decodeAt(text, i)
			i, j = i+size, j+1
		}
		if i >= len(text) {
			break
		}
	}
	sc.all, sc.stretches, sc.open = all[:j], strs, open
}

// decodeHan writes to all, from j on, the ids of the characters of text
// from byte offset i on that are of three bytes (a lead byte and two
// continuation bytes, b^0x80 < 0x40 for each: the id of a character of
// the lexicon, 0 for another) and returns where it stopped, at the end
// of text or at another form. It calls nothing, so that its loop keeps
// its values in registers.
func decodeHan(text string, i int, all []uint16, j int, byRune *[1 << 16]uint16) (int, int) {
	// Two characters from one load of eight bytes (the compiler merges
	// the loads) while there are eight, then one from four, then one
	// from three.
	for i >= 0 && i+8 <= len(text) && j+1 < len(all) {
		c := text[i : i+8]
		v := uint64(c[0]) | uint64(c[1])<<8 | uint64(c[2])<<16 | uint64(c[3])<<24 |
			uint64(c[4])<<32 | uint64(c[5])<<40 | uint64(c[6])<<48 | uint64(c[7])<<56
		if v&0xC0C0F0C0C0F0 != 0x8080E08080E0 {
			break
		}
		all[j] = byRune[uint16(v&0x0F)<<12|uint16(v>>2)&0xFC0|uint16(v>>16)&0x3F]
		all[j+1] = byRune[uint16(v>>24&0x0F)<<12|uint16(v>>26)&0xFC0|uint16(v>>40)&0x3F]
		i, j = i+6, j+2
	}
	for i >= 0 && i+4 <= len(text) && j < len(all) {
		c := text[i : i+4]
		v := uint32(c[0]) | uint32(c[1])<<8 | uint32(c[2])<<16 | uint32(c[3])<<24
		if v&0xC0C0F0 != 0x8080E0 {
			break
		}
		all[j] = byRune[uint16(v&0x0F)<<12|uint16(v>>2)&0xFC0|uint16(v>>16)&0x3F]
		i, j = i+3, j+1
	}
	for i >= 0 && i+3 <= len(text) && j < len(all) {
		c := text[i : i+3]
		b, c1, c2 := c[0], c[1]^0x80, c[2]^0x80
		if b&0xF0 != 0xE0 || c1|c2 >= 0x40 {
			break
		}
		all[j] = byRune[uint16(b&0x0F)<<12|uint16(c1)<<6|uint16(c2)]
		i, j = i+3, j+1
	}
	return i, j
}

// openRun sets the bit of open (by index of all) of each character of
// the run all[from:to] that may be replaced (replaceBit) and that no
// pair of pairBits covers with a neighbour in the run: every character
// that no two-character word covers, and those that a pair of a rarer
// character does (pairs). It calls nothing, so that its loop keeps its
// values in registers.
func openRun(all []uint16, from, to int, open []uint64, info *[1 << 16]uint16, pairBits *[pairRanks * pairRanks / 64]uint64) {
	if to-from < 2 || to > len(all) || from < 0 || (to-1)>>6 >= len(open) {
		return
	}
	// The previous character's pairInfo, and whether its pair with the
	// one before is covered.
	prev, left := info[all[from]], false
	for k := from + 1; k < to; k++ {
		cur := info[all[k]]
		ra, rb := uint(prev&rankMask), uint(cur&rankMask)
		right := ra|rb < pairRanks && pairBits[(ra<<6|rb>>6)%uint(len(pairBits))]&(1<<(rb&63)) != 0
		if prev&replaceBit != 0 && !left && !right {
			open[uint(k-1)>>6] |= 1 << (uint(k-1) & 63)
		}
		prev, left = cur, right
	}
	if prev&replaceBit != 0 && !left {
		open[uint(to-1)>>6] |= 1 << (uint(to-1) & 63)
	}
}

// wrongFits reports whether the character at k of all makes with each of
// its neighbours in its run (a character of the lexicon: the ids around
// a run are 0) a pair that report prose writes at least attestedPair
// times, as l.attestedBits tells for pairs of ranked characters: every
// span of two characters or more that holds it holds one of those pairs,
// and the decision rejects it (suspect.wrongAttested). A pair of an
// unranked character is taken for unattested: the decision tells.
func (l *lexicon) wrongFits(all []uint16, k int) bool {
	fits := func(a, b uint16) bool {
		ra, rb := uint(l.pairInfo[a]&rankMask), uint(l.pairInfo[b]&rankMask)
		return ra|rb < pairRanks && l.attestedBits[(ra<<6|rb>>6)%uint(len(l.attestedBits))]&(1<<(rb&63)) != 0
	}
	if k > 0 && all[k-1] != 0 && !fits(all[k-1], all[k]) {
		return false
	}
	return !(k+1 < len(all) && all[k+1] != 0 && !fits(all[k], all[k+1]))
}

// keep drops the suspects for which ok is false, and the runs left
// without one.
func (sc *scanner) keep(ok func(suspect) bool) {
	sus, runs := sc.sus[:0], sc.runs[:0]
	for r, start := range sc.runs {
		end := len(sc.sus)
		if r+1 < len(sc.runs) {
			end = sc.runs[r+1]
		}
		first := len(sus)
		for _, su := range sc.sus[start:end] {
			if ok(su) {
				sus = append(sus, su)
			}
		}
		if len(sus) > first {
			runs = append(runs, first)
		}
	}
	sc.sus, sc.runs = sus, runs
}

// finish makes the suspects of the run examined, whose candidates are
// sc.found: those whose gain is at least floorGain and whose correction
// fits.
func (sc *scanner) finish() {
	// One replacement read in several windows makes one text: each
	// takes the largest gain of them.
	for a := range sc.found {
		for _, b := range sc.found {
			ca := &sc.found[a]
			if b.i == ca.i && charAt(b.key, b.i-b.s, b.k) == charAt(ca.key, ca.i-ca.s, ca.k) {
				ca.gain = max(ca.gain, b.gain)
			}
		}
	}
	first := true
	for _, c := range sc.found {
		if c.gain < floorGain || !c.token {
			continue
		}
		su := sc.suspect(c)
		if sc.local && !su.local() {
			continue
		}
		if first {
			sc.runs = append(sc.runs, len(sc.sus))
			first = false
		}
		sc.sus = append(sc.sus, su)
	}
	sc.found = sc.found[:0]
}

// opened tries the character at i of the run, which openRun found
// uncovered by the pairs of pairBits.
func (sc *scanner) opened(i int) {
	l, ids := sc.l, sc.ids
	if sc.coveredRare(i) {
		return
	}
	var ms markSet
	if !sc.local {
		if !sc.coveredLong(i) {
			ms.of(l, ids[i])
			sc.candidates(i, &ms, nil)
		}
		return
	}
	// In local mode, a character whose every span the decision would
	// reject is not tried: one that makes with each neighbour in the run
	// a pair report prose writes (suspect.wrongAttested), one of whose
	// marks no character fits the neighbours as the decision asks
	// (markPossible), or one that makes a frequent word with the
	// character two places away (suspect.parallel).
	nb := sc.neighbours(i)
	if (!nb.inRun[0] || nb.wrong[0] >= attestedPair) && (!nb.inRun[1] || nb.wrong[1] >= attestedPair) {
		return
	}
	sc.edges(&nb, i)
	ms.of(l, ids[i])
	possible := false
	for m, mark := range ms.marks[:ms.n] {
		ms.possible[m] = l.markPossible(&nb, mark)
		possible = possible || ms.possible[m]
	}
	if !possible || sc.coveredLong(i) || l.parallelWord(ids, i) {
		return
	}
	sc.candidates(i, &ms, &nb)
}

// markSet holds the marks of the typo keys a replaced character is tried
// with: its main reading, the near ones right after it (nearFrom to
// nearTo), and its look-alike groups; in local mode, whether a character
// of each may make a correction the decision takes (markPossible).
type markSet struct {
	marks            [16]uint16
	n                int
	nearFrom, nearTo int
	possible         [16]bool
}

// of sets ms to the marks of the character c.
func (ms *markSet) of(l *lexicon, c uint16) {
	if syl := l.chars[c].syl; syl != noReading {
		ms.marks[ms.n] = sylMark | syl
		ms.n++
		ms.nearFrom = ms.n
		for _, n := range l.near[syl] {
			if ms.n < len(ms.marks)/2 {
				ms.marks[ms.n] = sylMark | n
				ms.n++
			}
		}
		ms.nearTo = ms.n
	}
	for _, g := range l.shapes[c] {
		if ms.n < len(ms.marks) {
			ms.marks[ms.n] = shapeMark | g
			ms.n++
		}
	}
}

// coveredRare reports whether a two-character word of a character that
// pairBits does not rank covers the character at i of the run: the
// filter pairs holds those.
func (sc *scanner) coveredRare(i int) bool {
	l, ids := sc.l, sc.ids
	rare := func(a, b uint16) bool {
		return (l.pairInfo[a]|l.pairInfo[b])&rankMask >= pairRanks && l.pairs.has(uint64(a)<<16|uint64(b))
	}
	return i > 0 && rare(ids[i-1], ids[i]) || i+1 < len(ids) && rare(ids[i], ids[i+1])
}

// neighbours holds, for the replaced character of a run's candidates, its
// neighbours (in the run, or beyond it the mark that ends a clause: a
// pair id, 0 for none) and the counts of the pairs the wrong character
// makes with them.
type neighbours struct {
	id    [2]uint16
	wrong [2]int
	inRun [2]bool
}

// neighbours returns the neighbours of the character at i of the run
// that are in the run; edges adds the others.
func (sc *scanner) neighbours(i int) neighbours {
	l, ids := sc.l, sc.ids
	var nb neighbours
	if i > 0 {
		nb.id[0], nb.inRun[0] = ids[i-1], true
		nb.wrong[0] = l.bigram(ids[i-1], ids[i])
	}
	if i+1 < len(ids) {
		nb.id[1], nb.inRun[1] = ids[i+1], true
		nb.wrong[1] = l.bigram(ids[i], ids[i+1])
	}
	return nb
}

// edges adds to nb, the neighbours of the character at i of the run, the
// mark that ends a clause just before or after the run, if it is one.
func (sc *scanner) edges(nb *neighbours, i int) {
	l, ids := sc.l, sc.ids
	if i == 0 {
		if nb.id[0] = punctID(prevRune(sc.text, sc.start)); nb.id[0] != 0 {
			nb.wrong[0] = l.bigram(nb.id[0], ids[i])
		}
	}
	if i+1 == len(ids) {
		if nb.id[1] = punctID(nextRune(sc.text, sc.start+3*len(ids))); nb.id[1] != 0 {
			nb.wrong[1] = l.bigram(ids[i], nb.id[1])
		}
	}
}

// rejected reports whether the decision rejects every suspect that puts
// right for the character of nb in any span, from what does not depend
// on the span (see suspect and decision.evident): the tests of the
// replacement's kind (suspect.local), a wrong character that fits a
// neighbour nearly as well (suspect.breaks), and a correction that fits
// neither the fit route nor, with no neighbour in the run paired with it
// attestedPair times, the attested one. The gain of a replacement is
// the largest of its spans' (scanner.finish), so dropping every span of one
// changes no other.
func (l *lexicon) rejected(nb *neighbours, common, shape, near, alt bool, right uint16) bool {
	if !(common || shape || !near && !alt) || alt && near {
		return true
	}
	fit, attested := math.MaxInt, false
	for side := range 2 {
		id := nb.id[side]
		if id == 0 {
			fit = 0
			continue
		}
		var r int
		if side == 0 {
			r = l.bigram(id, right)
		} else {
			r = l.bigram(right, id)
		}
		if w := nb.wrong[side]; w > 0 && r < 2*(w+1) {
			return true
		}
		fit = min(fit, r)
		if nb.inRun[side] && r >= attestedPair {
			attested = true
		}
	}
	return fit < minFit && !attested
}

// markPossible reports whether a character of mark may be a correction
// of the character of nb that the decision takes, from the largest
// counts of the pairs the neighbours make with the characters of mark
// (lexicon.markFit): one of them paired with a neighbour in the run at
// least attestedPair times (suspect.attested, or suspect.fit at minFit),
// and, with each neighbour the wrong character makes a pair with, at
// least twice as often plus two (suspect.breaks). See rejected.
func (l *lexicon) markPossible(nb *neighbours, mark uint16) bool {
	attested := false
	for side := range 2 {
		if nb.id[side] == 0 {
			continue
		}
		c := l.markFits(side, nb.id[side], mark)
		if w := nb.wrong[side]; w > 0 && c < 2*(w+1) {
			return false
		}
		if nb.inRun[side] && c >= attestedPair {
			attested = true
		}
	}
	return attested
}

// local reports whether s passes the tests that need only its run: a
// gain of at least floorGain, a correction that fits, no parallel
// coinage or numeral; a rare replaced character only as a homophone of
// the corrected one's main reading (保樟 → 保障, 居抿 → 居民: a typist
// picks a character by the reading he means; a look-alike, misread or
// mistyped by its shape, may be rare: 预箅), and a second reading never
// with a near one (two guesses at once).
func (s suspect) local() bool {
	return s.gain >= floorGain && s.token && (s.common || s.shape || !s.near && !s.alt) &&
		!(s.alt && s.near) && !s.parallel && !s.numeral
}

// parallelWord reports whether the character at i of ids makes a word
// of frequency parallelWordFreq or more with the character two places
// before or after it, read in the order of the text (撤县设市: 县市). The
// reverse order is no parallel: 在财正政策 is not a coinage of 正在.
func (l *lexicon) parallelWord(ids []uint16, i int) bool {
	if o := i - 2; o >= 0 && l.freq(pack([]uint16{ids[o], ids[i]})) >= parallelWordFreq {
		return true
	}
	if o := i + 2; o < len(ids) && l.freq(pack([]uint16{ids[i], ids[o]})) >= parallelWordFreq {
		return true
	}
	return false
}

// restoresParallel reports whether the correction c (right at c.i) makes
// the characters from the span to o, the place two or three away that
// repeats one of its characters, a phrase of report prose: every pair of
// them attested minFit times or more (先型先试 → 先行先试, 农业农存 →
// 农业农村, 违发违规 → 违法违规). The repeat is then that of the phrase,
// not of a coinage (以商招商 → 以上招商 makes 上招, which reports never
// write).
func (l *lexicon) restoresParallel(ids []uint16, c candidate, right uint16, o int) bool {
	lo, hi := min(c.s, o), max(c.s+c.k, o+1)
	at := func(j int) uint16 {
		if j == c.i {
			return right
		}
		return ids[j]
	}
	for j := lo; j+1 < hi; j++ {
		if l.bigram(at(j), at(j+1)) < minFit {
			return false
		}
	}
	return true
}

// parallelWordFreq is the least frequency of the word that a wrong
// character makes with the character two places away for the span to be
// taken for a parallel coinage (撤县设市, 县市 2,458).
const parallelWordFreq = 1000

// numeralWordFreq is the least frequency of a corrected word that holds
// a numeral of the span (进一簿 → 进一步, 亿辕 → 亿元, 百分电 → 百分点):
// a rarer one is a number and a measure word that no lexicon lists
// (一产, 千湖之省, 央企二、三级).
const numeralWordFreq = 500

// numerals are the characters of Chinese numbers.
const numerals = "一二三四五六七八九十百千万亿两零〇"

// suspect returns the suspect of candidate c.
func (sc *scanner) suspect(c candidate) suspect {
	l, ids := sc.l, sc.ids
	s := suspect{
		start: sc.start + 3*c.s, end: sc.start + 3*(c.s+c.k),
		right: l.word(c.key, c.k), rightFreq: l.freq(c.key), gain: c.gain,
		token: c.token, shape: c.shape, near: c.near, alt: c.alt, common: l.chars[ids[c.i]].common,
	}
	// A wrong character that makes a frequent word with the character two
	// places away is the second half of a parallel coinage (撤县设市:
	// 县市).
	if l.parallelWord(ids, c.i) {
		s.parallel = true
	}
	// The pairs the corrected character makes with its neighbours in the
	// run, against those of the wrong one.
	right, wrong := charAt(c.key, c.i-c.s, c.k), ids[c.i]
	s.fit, s.attested = math.MaxInt, math.MaxInt
	s.function = true
	for j := c.s; j < c.s+c.k; j++ {
		if j != c.i && !functionChars[l.chars[ids[j]].r] {
			s.function = false
		}
	}
	for _, nb := range [...]int{c.i - 1, c.i + 1} {
		// Beyond the run, the mark that ends a clause, if it is one.
		var id uint16
		switch {
		case nb < 0:
			id = punctID(prevRune(sc.text, sc.start))
		case nb >= len(ids):
			id = punctID(nextRune(sc.text, sc.start+3*len(ids)))
		default:
			id = ids[nb]
		}
		if id == 0 {
			s.fit = 0
			continue
		}
		var r, w int
		if nb < c.i {
			r, w = l.bigram(id, right), l.bigram(id, wrong)
		} else {
			r, w = l.bigram(right, id), l.bigram(wrong, id)
		}
		s.fit = min(s.fit, r)
		if nb >= c.s && nb < c.s+c.k {
			s.attested = min(s.attested, r)
			s.wrongAttested = max(s.wrongAttested, w)
		}
		if w > 0 && r < 2*(w+1) {
			s.breaks = true
		}
		s.bigram += math.Log(float64(r+1) / float64(w+1))
	}
	if c.s > 0 && l.chars[ids[c.s-1]].numeral {
		s.numeral = true
	}
	for j := c.s; j < c.s+c.k; j++ {
		r := l.chars[ids[j]].r
		if l.chars[ids[j]].numeral && s.rightFreq < numeralWordFreq {
			s.numeral = true
		}
		if functionChars[r] {
			continue
		}
		for _, d := range [...]int{-3, -2, 2, 3} {
			if o := j + d; !s.parallel && o >= 0 && o < len(ids) && (o < c.s || o >= c.s+c.k) && ids[o] == ids[j] && !l.restoresParallel(ids, c, right, o) {
				s.parallel = true
			}
		}
	}
	return s
}

// coveredLong reports whether a word or corpus string of three or four
// characters covers character j of the run.
func (sc *scanner) coveredLong(j int) bool {
	ids := sc.ids
	for k := 3; k <= maxWord; k++ {
		for s := max(0, j-k+1); s <= j && s+k <= len(ids); s++ {
			if v, ok := sc.l.words.get(pack(ids[s : s+k])); ok && covers(v) {
				return true
			}
		}
	}
	return false
}

// region is the most characters around a replaced one that a
// comparison reads: the longest window holding it, and the context
// either side.
const region = 2*(maxWord-1+context) + 1

// lattice holds the costs of the entries (words and corpus strings) of
// a region of a run: cost[e][m] of the entry of m characters ending
// before character e of the region, or +Inf.
type lattice struct {
	lo, hi int // the region, in characters of the run
	cost   [region + 1][maxWord + 1]float32
}

// candidates adds to sc.found the corrections whose replaced character
// is i: every window of two to four characters holding it whose typo key
// (i replaced by the mark of its reading or of a look-alike group) is
// that of a frequent word.
func (sc *scanner) candidates(i int, ms *markSet, nb *neighbours) {
	l, ids, n := sc.l, sc.ids, len(sc.ids)
	c := ids[i]
	marks, nearFrom, nearTo := ms.marks[:ms.n], ms.nearFrom, ms.nearTo
	var lat lattice
	ready := false
	common := l.chars[c].common
	for k := 2; k <= maxWord; k++ {
		for s := max(i-k+1, 0); s <= i && s+k <= n; s++ {
			key := pack(ids[s : s+k])
			if !l.partial.has(setAt(key, i-s, k, wildMark)) {
				continue
			}
			before := float32(-1)
			for m, mark := range marks {
				if sc.local && !ms.possible[m] {
					continue
				}
				shape := mark >= shapeMark
				near := m >= nearFrom && m < nearTo
				v, ok := l.typos.get(setAt(key, i-s, k, mark))
				if !ok {
					continue
				}
				for _, w := range l.cands[v>>12 : v>>12+v&0xFFF] {
					right := charAt(w, i-s, k)
					if right == c {
						continue
					}
					// A word found by its second reading: the mark is not
					// that of its main one.
					alt := !shape && mark != sylMark|l.chars[right].syl
					if sc.local && l.rejected(nb, common, shape, near, alt, right) {
						continue
					}
					if !ready {
						sc.fill(&lat, i)
						ready = true
					}
					if before < 0 {
						before, _ = sc.segCost(&lat, s, k, i, 0)
					}
					after, token := sc.segCost(&lat, s, k, i, right)
					sc.found = append(sc.found, candidate{s: s, k: k, i: i, key: w, gain: float64(before - after), token: token, shape: shape, near: near, alt: alt})
				}
			}
		}
	}
}

// fill computes the lattice of the region around character i.
func (sc *scanner) fill(lat *lattice, i int) {
	lat.lo, lat.hi = max(0, i-(maxWord-1)-context), min(len(sc.ids), i+maxWord+context)
	for e := 1; e <= lat.hi-lat.lo; e++ {
		for m := 2; m <= maxWord; m++ {
			lat.cost[e][m] = float32(math.Inf(1))
			if m <= e {
				if c, ok := sc.l.segEntry(pack(sc.ids[lat.lo+e-m:lat.lo+e]), m); ok {
					lat.cost[e][m] = c
				}
			}
		}
	}
}

// word returns the text of a key of n characters.
func (l *lexicon) word(key uint64, n int) string {
	var b strings.Builder
	for j := range n {
		b.WriteRune(l.chars[charAt(key, j, n)].r)
	}
	return b.String()
}

// segCost returns the cost (negative log-probability under a unigram
// model of the lexicon's frequencies) of the best segmentation of the
// span [s, s+k) of the run and context characters either side, with the
// character at i replaced by right (none when right is 0), and whether
// the character at i is part of a word of two characters or more in
// that segmentation: the correction fits the text around it, and does
// not merely take a character from a word there (推进兴边 is not read as
// 推 进行 边). The entries that do not hold i are read from lat.
func (sc *scanner) segCost(lat *lattice, s, k, i int, right uint16) (float32, bool) {
	l := sc.l
	lo, hi := max(0, s-context), min(len(sc.ids), s+k+context)
	var win [maxWord + 2*context]uint16
	w := win[:hi-lo]
	copy(w, sc.ids[lo:hi])
	if right != 0 {
		w[i-lo] = right
	}
	var best [maxWord + 2*context + 1]float32
	var from [maxWord + 2*context + 1]int8
	for j := 1; j <= len(w); j++ {
		best[j], from[j] = best[j-1]+float32(l.chars[w[j-1]].cost), 1
		for m := 2; m <= maxWord && m <= j; m++ {
			var c float32
			if right != 0 && j-m <= i-lo && i-lo < j {
				var ok bool
				if c, ok = l.segEntry(pack(w[j-m:j]), m); !ok {
					continue
				}
			} else if c = lat.cost[lo+j-lat.lo][m]; math.IsInf(float64(c), 1) {
				continue
			}
			if b := best[j-m] + c; b < best[j] {
				best[j], from[j] = b, int8(m)
			}
		}
	}
	token := false
	for j := len(w); j > 0; j -= int(from[j]) {
		if j-int(from[j]) <= i-lo && i-lo < j {
			token = from[j] > 1
		}
	}
	return best[len(w)], token
}

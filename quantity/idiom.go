package quantity

// numeralIdioms are set phrases (成语 and fixed four-character phrases)
// whose numerals count nothing: a numeral in one of them, followed by what
// would otherwise be a unit (三番五次, 三天两头, 五花八门), is not a
// quantity. Only phrases with a numeral before a unit word need to be
// here; 一心一意 or 千方百计 never yield a figure.
var numeralIdioms = map[string]bool{}

func init() {
	for _, w := range []string{
		"三番五次", "三天两头", "三天打鱼", "两天晒网", "三天三夜", "三头六臂", "五花八门", "三人成虎",
		"三座大山", "两条腿", "两张皮", "三把火", "七七八八", "十有八九", "十拿九稳", "三三两两", "三言两语",
		"成百上千", "成千上万", "千千万万", "万无一失", "千家万户", "万户千家", "千村万户", "说一千道一万",
	} {
		numeralIdioms[w] = true
	}
}

// inIdiom reports whether the numeral at i lies in a numeral idiom: one of
// the phrases of up to six characters that holds it.
func (sc *scanner) inIdiom(i int) bool {
	for n := 2; n <= 6; n++ {
		for back := 0; back < n; back++ {
			s := i - back*3
			e := s + n*3
			if s < sc.start || e > sc.end {
				continue
			}
			if numeralIdioms[sc.text[s:e]] {
				return true
			}
		}
	}
	return false
}

package quantity_test

import "testing"

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
	}
	for _, tt := range tests {
		qs := extract(t, tt.in)
		if len(qs) != 1 || qs[0].Name != tt.name {
			var got []string
			for _, q := range qs {
				got = append(got, brief(q))
			}
			t.Errorf("%s: %v, want one named %s", tt.in, got, tt.name)
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

package quantity_test

import (
	"bufio"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	"zongjie/numeral"
)

// TestNumberSuite runs the number-recognition suite in
// testdata/numbers.tsv: every sentence must give exactly the quantities
// listed. The share of sentences right is the figure the README quotes.
func TestNumberSuite(t *testing.T) {
	f, err := os.Open("testdata/numbers.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, right := 0, 0
	byCat := map[string][2]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("bad line %q", line)
		}
		cat, in, want := cols[0], cols[1], cols[2]
		var got []string
		for _, q := range extract(t, in) {
			v, b := "-", "-"
			if q.Value != nil {
				v = strconv.FormatFloat(*q.Value, 'f', -1, 64)
				if q.ValueTo != nil {
					v += "~" + strconv.FormatFloat(*q.ValueTo, 'f', -1, 64)
				}
			}
			if q.BaseValue != nil {
				b = strconv.FormatFloat(*q.BaseValue, 'f', -1, 64)
				if q.BaseValueTo != nil {
					b += "~" + strconv.FormatFloat(*q.BaseValueTo, 'f', -1, 64)
				}
				b += q.BaseUnit
			}
			got = append(got, strings.Join([]string{q.Text, v, b, q.Approx}, "|"))
		}
		g := strings.Join(got, " ; ")
		if g == "" {
			g = "-"
		}
		c := byCat[cat]
		c[1]++
		total++
		if g == want {
			right++
			c[0]++
		} else {
			t.Errorf("%s: %q\n got  %s\n want %s", cat, in, g, want)
		}
		byCat[cat] = c
	}
	for cat, c := range byCat {
		t.Logf("%-8s %d/%d", cat, c[0], c[1])
	}
	t.Logf("numbers in words: %d/%d right (%.3f)", right, total, float64(right)/float64(total))
}

// TestWordsRoundTrip writes values in every style of numeral.Words inside
// a sentence and extracts them: the one quantity found must have the value
// in its base unit. Digit-by-digit integers are years and codes to the
// scanner, and a bare 一 an article, so those are left out.
func TestWordsRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	n := 0
	for range 400 {
		v := strconv.Itoa(2 + rng.Intn(99999999))
		if rng.Intn(3) == 0 {
			v += "." + strconv.Itoa(1+rng.Intn(99))
		}
		want, _ := strconv.ParseFloat(v, 64)
		for st := numeral.Style(0); st < numeral.Styles; st++ {
			w := numeral.Words(v, st)
			if w == "" || st == numeral.Digitwise && !strings.Contains(w, "点") {
				continue
			}
			for _, unit := range []struct {
				word string
				mul  float64
				base string
			}{{"元", 1, "元"}, {"万元", 1e4, "元"}, {"亿元", 1e8, "元"}, {"户", 1, "户"}, {"公里", 1, "公里"}} {
				if unit.mul > 1 && (strings.HasSuffix(w, "万") || strings.HasSuffix(w, "亿")) {
					continue // 四千万万元 is not written
				}
				n++
				qs := extract(t, "全年完成"+w+unit.word+"。")
				if len(qs) != 1 || qs[0].BaseValue == nil || qs[0].BaseUnit != unit.base {
					t.Errorf("%s %q: got %d quantities %v", st, w+unit.word, len(qs), qs)
					continue
				}
				exp, _ := strconv.ParseFloat(numeral.ScaleDecimal(v, unit.mul), 64)
				if got := *qs[0].BaseValue; got != exp {
					t.Errorf("%s %q: base %v, want %v (%v)", st, w+unit.word, got, exp, want)
				}
			}
		}
	}
	t.Logf("%d sentences", n)
}

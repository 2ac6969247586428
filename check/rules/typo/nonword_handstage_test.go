package typo

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestNonWordHandStages puts each typo of the hand list (NONWORD_HAND,
// NONWORD_HALF as TestNonWordMeasure reads them) into every text of the
// measurement that holds its right word, one typo a text at its first
// place (leave one out, as TestNonWordMeasure; NONWORD_GROUP and
// NONWORD_NOCORPUS apply), and counts the typos by the stage of TY008
// that loses them (stage). NONWORD_MISSES=1 logs the typos lost. It only
// measures.
func TestNonWordHandStages(t *testing.T) {
	if testing.Short() || os.Getenv("NONWORD_STAGES") == "" {
		t.Skip("measurement: NONWORD_STAGES=1")
	}
	texts := evalTexts(t)
	base := baseLexicon(t)
	hand := handTypos(t)
	var ii *imeInjector
	stages := map[string]map[string]int{}
	pairs := map[string]map[string]bool{} // stage → pairs
	for _, e := range texts {
		l := lexiconWithout(t, base, texts, e.name)
		restore := useLexicon(l)
		if ii == nil {
			ii = newIMEInjector(newClassInjector(l, base), base)
		}
		ii.l = l
		for _, h := range hand {
			at := strings.Index(e.text, h[0])
			if at < 0 {
				continue
			}
			text := e.text[:at] + h[1] + e.text[at+len(h[0]):]
			in := injection{start: at, end: at + len(h[1]), right: h[0], kind: h[2]}
			var offered, placed, found []suspect
			var dec *decision
			scores := map[suspect]float64{}
			l.detect(text, func(d *decision, s suspect) bool {
				dec = d
				offered = append(offered, s)
				scores[s] = d.score(s)
				if d.placed(s) {
					placed = append(placed, s)
				}
				return d.accept(s)
			}, func(s suspect) { found = append(found, s) })
			st := stage(l, ii, text, in, offered, placed, found)
			if stages[h[2]] == nil {
				stages[h[2]] = map[string]int{}
			}
			stages[h[2]][st]++
			if pairs[st] == nil {
				pairs[st] = map[string]bool{}
			}
			pairs[st][h[1]+"→"+h[0]] = true
			if os.Getenv("NONWORD_MISSES") != "" && st != "found" {
				detail := ""
				if st == "unplaced" {
					for _, s := range offered {
						if s.start < in.end && s.end > in.start {
							detail += " {" + whyUnplaced(dec, s) + "}"
						}
					}
				}
				for _, s := range offered {
					if s.start < in.end && s.end > in.start {
						detail += fmt.Sprintf(" [%s→%s score %.1f bigram %.1f gain %.1f fit %d att %d wAtt %d breaks %v common %v shape %v near %v alt %v par %v num %v]",
							text[s.start:s.end], s.right, scores[s], s.bigram, s.gain, s.fit, s.attested, s.wrongAttested, s.breaks, s.common, s.shape, s.near, s.alt, s.parallel, s.numeral)
					}
				}
				t.Logf("%s %s %s→%s %s  %s%s", st, h[2], h[1], h[0], e.name, around(text, in.start, in.end, 12), detail)
			}
		}
		restore()
	}
	logStages(t, stages, "")
	np := map[string]bool{}
	for _, m := range pairs {
		for p := range m {
			np[p] = true
		}
	}
	t.Logf("pairs found in at least one text: %d of %d", len(pairs["found"]), len(np))
}

// whyUnplaced names the tests of its place that s, a suspect of d, fails
// (decision.placeTests), and says how often its wrong form is written
// when more than once (decision.placed).
func whyUnplaced(d *decision, s suspect) string {
	var why []string
	d.placeTests(s, func(test string) {
		if test == "local" {
			test = fmt.Sprintf("local(gain %.1f token %v common %v shape %v near %v alt %v parallel %v numeral %v)", s.gain, s.token, s.common, s.shape, s.near, s.alt, s.parallel, s.numeral)
		}
		why = append(why, test)
	})
	if n := d.count(d.text[s.start:s.end]); n > 1 {
		why = append(why, fmt.Sprintf("written %d times", n))
	}
	return strings.Join(why, ",")
}

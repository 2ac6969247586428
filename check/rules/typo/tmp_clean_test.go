package typo

import (
	"fmt"
	"os"
	"testing"
)

func TestTmpClean(t *testing.T) {
	texts := evalTexts(t)
	base := baseLexicon(t)
	f, _ := os.Create(os.Getenv("OUT"))
	defer f.Close()
	for _, e := range texts {
		l := lexiconWithout(t, base, texts, e.name)
		l.detect(e.text, func(d *decision, s suspect) bool {
			if d.placed(s) {
				fmt.Fprintf(f, "%s\t%s→%s\t%.1f\tnear=%v\tshape=%v\talt=%v\tfit=%d\tatt=%d\twAtt=%d\tbreaks=%v\tfunc=%v\tcommon=%v\tgain=%.1f\tbigram=%.1f\tnR=%d\n", e.name, e.text[s.start:s.end], s.right, d.score(s), s.near, s.shape, s.alt, s.fit, s.attested, s.wrongAttested, s.breaks, s.function, s.common, s.gain, s.bigram, d.count(s.right))
			}
			return d.accept(s)
		}, func(suspect) {})
	}
}

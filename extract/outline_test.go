package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie"
)

// outlineText renders the outline as one line per section: two spaces per
// level of depth, the marker, then where the title starts (line:column) and
// its length in characters. Positions, not words, so that the expected
// files do not copy the seeds' text; look them up in the seed to check.
func outlineText(reports []*zongjie.Report) string {
	var b strings.Builder
	for i, r := range reports {
		if i > 0 {
			b.WriteString("--\n")
		}
		zongjie.Walk(r.Outline, func(s *zongjie.Section) {
			markerLen := utf8.RuneCountInString(s.Marker)
			fmt.Fprintf(&b, "%s%s %d:%d+%d\n", strings.Repeat("  ", s.Level-1), s.Marker, s.Line, s.Column+markerLen, utf8.RuneCountInString(s.Title))
		})
	}
	return b.String()
}

// Ensure every heading and enumeration of the seeds is found at its right
// level, with its title's exact extent. The expected outlines in
// testdata/outline were checked by hand against the seed texts: each
// heading of the text appears once, nested as the numbering says
// (一、 > （一） > 一是), its title running to the first 。 or the line end.
// Rewrite them only deliberately: -update with ZONGJIE_UPDATE_OUTLINES=1.
func TestSeedOutlines(t *testing.T) {
	for _, n := range []string{"000", "002", "003", "004"} {
		t.Run(n, func(t *testing.T) {
			got := outlineText(readSeed(t, n))
			path := filepath.Join("testdata", "outline", n+".txt")
			if *update && os.Getenv("ZONGJIE_UPDATE_OUTLINES") != "" {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("outline of seed %s differs from %s:\n%s", n, path, firstDiff(got, string(want)))
			}
		})
	}
}

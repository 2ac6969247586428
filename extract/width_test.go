package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"zongjie"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// Real reports are typed half-width as often as full-width: "一是经费不足,
// 设施老化;二是…", "村(社区)", "目标:…". Their data must not depend on it.
// TestWidthInvariance reads each text twice, as written and with its
// full-width clause marks, brackets and quotation marks typed half-width
// (，；：！？（）“” as ,;:!?()"", one character for one, so every position
// in characters stays), and counts
// what the extraction gives differently: the metadata, each heading
// (marker, title, kind), figure (value, unit, name, change) and target
// (name, comparator, value, deadline) at its character offset, names and
// titles compared with their marks made half-width. The texts are the clean
// grassroots reports of check/rules/testdata/clean (odd numbers; the
// held-back even ones are counted with CLEAN_HELDBACK=1, counts only), the
// seeds and the tuning corpus. Each count must stay at or under its ceiling.
func TestWidthInvariance(t *testing.T) {
	clean, err := filepath.Glob(filepath.Join("..", "check", "rules", "testdata", "clean", "*.txt"))
	if err != nil || len(clean) == 0 {
		t.Fatalf("clean reports: %v", err)
	}
	sets := map[string][]string{}
	for _, p := range clean {
		n, _ := strconv.Atoi(filepath.Base(p)[:2])
		if n%2 == 0 {
			sets["held-back clean"] = append(sets["held-back clean"], p)
		} else {
			sets["clean"] = append(sets["clean"], p)
		}
	}
	sets["seeds"] = shared.Files(t, "seeds", ".txt")
	sets["corpus"] = shared.TuningCorpus(t)
	// Ceilings: the differences left, per set and kind (README, "Messy
	// input").
	ceiling := map[string]map[string]int{
		"clean":           {"meta": 0, "headings": 0, "figures": 0, "targets": 0},
		"held-back clean": {"meta": 0, "headings": 0, "figures": 0, "targets": 1},
		"seeds":           {"meta": 0, "headings": 0, "figures": 0, "targets": 0},
		"corpus":          {"meta": 0, "headings": 0, "figures": 0, "targets": 0},
	}
	for _, set := range []string{"clean", "held-back clean", "seeds", "corpus"} {
		heldBack := strings.HasPrefix(set, "held-back")
		total := map[string]int{}
		items := map[string]int{}
		for _, p := range sets[set] {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			f, err := reader.Read(filepath.Base(p), data)
			if err != nil {
				t.Fatal(err)
			}
			half := strings.Map(toHalf, f.Text)
			a := widthSummary(t, filepath.Base(p), f.Text)
			b := widthSummary(t, filepath.Base(p), half)
			for kind, x := range a {
				items[kind] += len(x)
				only, also := diffSets(x, b[kind])
				total[kind] += len(only) + len(also)
				if !heldBack && os.Getenv("WIDTH_LIST") != "" {
					for _, s := range only {
						t.Logf("%s %s: full-width only %s", filepath.Base(p), kind, s)
					}
					for _, s := range also {
						t.Logf("%s %s: half-width only %s", filepath.Base(p), kind, s)
					}
				}
			}
		}
		if !heldBack || os.Getenv("CLEAN_HELDBACK") != "" {
			t.Logf("%s (%d files): differences meta %d of %d, headings %d of %d, figures %d of %d, targets %d of %d",
				set, len(sets[set]), total["meta"], items["meta"], total["headings"], items["headings"],
				total["figures"], items["figures"], total["targets"], items["targets"])
		}
		for kind, n := range total {
			if n > ceiling[set][kind] {
				t.Errorf("%s: %d %s differ between full-width and half-width marks, ceiling %d", set, n, kind, ceiling[set][kind])
			}
		}
	}
}

// halfOf maps the full-width marks a writer may type half-width.
var halfOf = map[rune]rune{'，': ',', '；': ';', '：': ':', '！': '!', '？': '?', '（': '(', '）': ')', '“': '"', '”': '"'}

func toHalf(r rune) rune {
	if h, ok := halfOf[r]; ok {
		return h
	}
	return r
}

// fold maps names and titles to their half-width marks, to compare them.
func fold(s string) string { return strings.Map(toHalf, s) }

// widthSummary extracts text and describes what it gives, one string an
// item, by kind.
func widthSummary(t *testing.T, name, text string) map[string][]string {
	t.Helper()
	f, err := reader.Read(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	num := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return strconv.FormatFloat(*v, 'g', -1, 64)
	}
	for i, r := range extract.File(f) {
		m := r.Meta
		term := func(t *zongjie.Term) string {
			if t == nil {
				return "-"
			}
			return fmt.Sprint(t.Year, t.Period)
		}
		out["meta"] = append(out["meta"], fmt.Sprintf("%d unit=%s parent=%s level=%s years=%v period=%s genre=%s type=%s review=%s plan=%s",
			i, fold(m.Unit), fold(m.Parent), m.Level, m.Years, m.Period, m.Genre, m.DocType, term(m.Review), term(m.Plan)))
		zongjie.Walk(r.Outline, func(s *zongjie.Section) {
			out["headings"] = append(out["headings"], fmt.Sprintf("@%d %s|%s|%s", s.Offset, fold(s.Marker), fold(s.Title), s.Kind))
		})
		for _, q := range r.Quantities {
			g := ""
			if q.Growth != nil {
				g = q.Growth.Direction + num(q.Growth.Value) + q.Growth.Unit
			}
			out["figures"] = append(out["figures"], fmt.Sprintf("@%d %s%s %s change=%s growth=%s", q.Offset, num(q.Value), q.Unit, fold(q.Name), q.Change, g))
		}
		for _, tg := range r.Targets {
			out["targets"] = append(out["targets"], fmt.Sprintf("@%d %s %s%s%s deadline=%s %d%s", tg.Offset, fold(tg.Name), tg.Comparator, num(tg.Value), tg.Unit, fold(tg.Deadline), tg.Year, tg.Period))
		}
	}
	return out
}

// diffSets returns the strings of a not in b and of b not in a, sorted.
func diffSets(a, b []string) (onlyA, onlyB []string) {
	count := map[string]int{}
	for _, s := range a {
		count[s]++
	}
	for _, s := range b {
		count[s]--
	}
	for s, n := range count {
		for ; n > 0; n-- {
			onlyA = append(onlyA, s)
		}
		for ; n < 0; n++ {
			onlyB = append(onlyB, s)
		}
	}
	sort.Strings(onlyA)
	sort.Strings(onlyB)
	return onlyA, onlyB
}

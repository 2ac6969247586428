package eval

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

// Layouts derives each held-out file's Layout from the expectations: its
// review part runs from its first review heading to the first plan heading
// after it (sections.tsv), its years are those of meta.tsv, and its title
// line is a line of the head naming the planned year and 政府工作报告.
func Layouts(c *Corpus, sectionsPath, metaPath string) (map[string]Layout, error) {
	secs, err := readTSV(sectionsPath)
	if err != nil {
		return nil, err
	}
	metas, err := readTSV(metaPath)
	if err != nil {
		return nil, err
	}
	out := map[string]Layout{}
	for _, m := range metas {
		name := m.get(0)
		lay := Layout{ReviewLines: map[int]bool{}, HeadingLines: map[int]bool{}}
		lay.ReviewYear, _ = strconv.Atoi(strings.TrimSuffix(m.get(5), "FY"))
		lay.PlanYear, _ = strconv.Atoi(strings.TrimSuffix(m.get(6), "FY"))
		from, to := 0, 0
		for _, s := range secs {
			if s.get(0) != name {
				continue
			}
			line, _ := strconv.Atoi(s.get(1))
			lay.HeadingLines[line] = true
			switch {
			case s.get(4) == "review" && from == 0:
				from = line
			case s.get(4) == "plan" && from > 0 && to == 0:
				to = line
			}
		}
		for l := from; l < to; l++ {
			lay.ReviewLines[l] = true
		}
		if d := c.Docs[name]; d != nil {
			for i, p := range paragraphs(d.File.Text) {
				s := d.File.Text[p.start:p.end]
				if i < 15 && strings.Contains(s, strconv.Itoa(lay.PlanYear)+"年") && strings.Contains(s, "政府工作报告") {
					lay.TitleLine = p.line
					break
				}
			}
		}
		out[name] = lay
	}
	return out, nil
}

// seedFor makes a reproducible generator for one injection.
func seedFor(seed uint64, parts ...string) *rand.Rand {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// runInjection checks the text with the error and reports whether a new
// finding of an accepted category overlaps the error, and what the
// checker said there otherwise.
func runInjection(name string, inj Injection, clean map[string]int) (bool, string, error) {
	d, err := Parse(name, []byte(inj.Text))
	if err != nil {
		return false, "", err
	}
	ds := d.Check()
	count := map[string]int{}
	for _, x := range ds {
		count[x.Rule+"|"+x.Text]++
	}
	var other []string
	for _, x := range ds {
		on := false
		for _, s := range inj.Spans {
			if x.Span.Start < s.End && s.Start < x.Span.End || x.Span.Len() == 0 && s.Contains(x.Span.Start) {
				on = true
			}
		}
		if !on || count[x.Rule+"|"+x.Text] <= clean[x.Rule+"|"+x.Text] {
			continue
		}
		for _, c := range Accepts[inj.Category] {
			if string(x.Category) == c {
				return true, "", nil
			}
		}
		other = append(other, x.Rule)
	}
	if len(other) > 0 {
		return false, "flagged only as " + strings.Join(other, ","), nil
	}
	return false, "", nil
}

// Recall injects perKind errors of every kind of every category into each
// held-out file, and each typo of the list once (into a file holding its
// word), and measures the share the checker finds: a new finding of a
// matching category overlapping the error.
func Recall(c *Corpus, layouts map[string]Layout, typos []row, perKind int, seed uint64) (*Result, error) {
	type tally struct{ found, all int }
	byCat := map[string]*tally{}
	byKind := map[string]*tally{}
	res := &Result{}
	clean := map[string]map[string]int{}
	for _, name := range HeldOut {
		m := map[string]int{}
		for _, x := range c.Docs[name].Check() {
			m[x.Rule+"|"+x.Text]++
		}
		clean[name] = m
	}
	count := func(name string, inj Injection) error {
		ok, why, err := runInjection(name, inj, clean[name])
		if err != nil {
			return err
		}
		k := inj.Category + "/" + inj.Kind
		if byCat[inj.Category] == nil {
			byCat[inj.Category] = &tally{}
		}
		if byKind[k] == nil {
			byKind[k] = &tally{}
		}
		byCat[inj.Category].all++
		byKind[k].all++
		if ok {
			byCat[inj.Category].found++
			byKind[k].found++
			return nil
		}
		line := 1 + strings.Count(inj.Text[:inj.Spans[0].Start], "\n")
		if why != "" {
			why = " (" + why + ")"
		}
		res.missf("missed %s %s:%d: %s%s", k, name, line, inj.Desc, why)
		return nil
	}
	seen := map[string]bool{}
	for _, cat := range Categories {
		if cat == "typo" {
			continue
		}
		for _, kind := range Kinds[cat] {
			for _, name := range HeldOut {
				for i := range perKind {
					rng := seedFor(seed, cat, kind, name, strconv.Itoa(i))
					inj, ok := Inject(c.Docs[name].File.Text, cat, kind, layouts[name], rng)
					key := fmt.Sprintf("%s|%s|%s|%v", name, cat, kind, inj.Spans)
					if !ok || seen[key] {
						continue // none possible, or the same error again
					}
					seen[key] = true
					if err := count(name, inj); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	for _, t := range typos {
		word, typo := t.get(0), t.get(1)
		var holders []string
		for _, name := range HeldOut {
			if strings.Contains(c.Docs[name].File.Text, word) {
				holders = append(holders, name)
			}
		}
		if len(holders) == 0 {
			continue
		}
		rng := seedFor(seed, "typo", word)
		name := pick(rng, holders)
		if strings.Contains(c.Docs[name].File.Text, typo) {
			res.missf("typo %s → %s not injected: %s already holds %s", word, typo, name, typo)
			continue
		}
		inj, _ := InjectTypo(c.Docs[name].File.Text, word, typo, rng)
		if err := count(name, inj); err != nil {
			return nil, err
		}
	}
	worst, worstV := "", 2.0
	for _, cat := range Categories {
		t := byCat[cat]
		if t == nil {
			continue
		}
		var kinds []string
		for k, kt := range byKind {
			if strings.HasPrefix(k, cat+"/") && len(Kinds[cat]) > 1 {
				kinds = append(kinds, fmt.Sprintf("%s %d/%d", strings.TrimPrefix(k, cat+"/"), kt.found, kt.all))
			}
		}
		sort.Strings(kinds)
		f := ratio("check: recall on injected "+cat, t.found, t.all, strings.Join(kinds, ", "))
		res.add(f)
		if f.Value < worstV {
			worst, worstV = cat, f.Value
		}
	}
	res.Figures = append([]Figure{{Name: "check: recall on injected errors, worst category", Value: worstV, Note: worst}}, res.Figures...)
	return res, nil
}

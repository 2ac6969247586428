package gen

import (
	"errors"
	"fmt"
)

// FreshMode is how Generate writes text that is not copied.
type FreshMode int

const (
	// FreshSpliced writes each fresh sentence as a chain of fragments of
	// the real sentences, 4 to 10 characters each, joined where two
	// sentences share the same two characters (so every join reads
	// naturally, if not always sensibly). Almost every 20-character
	// stretch of the result is new, so unrelated reports share text only
	// in stock phrases, even among 100,000 reports. This is the default.
	FreshSpliced FreshMode = iota
	// FreshSentences draws whole real sentences. The pool of the shared
	// material holds about 10,000 sentences, so two 9,000-character
	// reports share about four whole sentences by chance: clean negatives
	// are clean only at the passage level a detector is told to ignore.
	FreshSentences
)

// String returns "spliced" or "sentences".
func (m FreshMode) String() string {
	switch m {
	case FreshSpliced:
		return "spliced"
	case FreshSentences:
		return "sentences"
	}
	return fmt.Sprintf("FreshMode(%d)", int(m))
}

// Config sets the size of a corpus and its mix of reuse. The zero value
// of every field selects its default; for the rates and shares, a
// negative value selects zero (none).
//
// Units come first: each unit (a 街道, 镇 or 乡) writes one report a
// year for MinYears to MaxYears consecutive years between FirstYear and
// LastYear. A share CopyShare of the units take part in reuse; the others
// are clean negatives: their reports are all fresh, and no other report
// copies from them. Of the reusing units, a share FamilyShare is grouped
// into template families.
type Config struct {
	N         int   // number of reports (required, > 0)
	Seed      int64 // the same seed, sentences and Config give the same corpus
	MeanChars int   // mean length of a fresh report, in characters (default 9000)

	// CopyShare is the share of units that take part in reuse (default
	// 0.6); the rest are clean negatives.
	CopyShare float64

	FirstYear, LastYear int // years reported on (default 2019, 2025)
	MinYears, MaxYears  int // reports per unit (default 1, 5; at most the years available)

	// YearOnYear is the probability that a reusing unit's report, other
	// than its first, is made from its previous year's report (default
	// 0.85); otherwise it is fresh.
	YearOnYear float64
	// YearOnYearMin and YearOnYearMax bound the share of the previous
	// report's paragraph text that is kept (default 0.40, 0.95).
	YearOnYearMin, YearOnYearMax float64

	// FamilyShare is the share of reusing units that belong to a template
	// family (default 0.2).
	FamilyShare float64
	// FamilyMin and FamilyMax bound the units in a family (default 5, 30).
	FamilyMin, FamilyMax int
	// TemplateMin and TemplateMax bound the share of a family member's
	// report taken from the family's template (default 0.50, 0.70).
	TemplateMin, TemplateMax float64

	// SpliceRate is the probability that a reusing unit's report receives
	// paragraphs from another unit's report (default 0.2).
	SpliceRate float64
	// SpliceMin and SpliceMax bound the spliced share of the receiving
	// report (default 0.05, 0.30).
	SpliceMin, SpliceMax float64

	// EditRate scales the probabilities of the edits made to copied text
	// (default 1; see the package documentation for the rates at 1). A
	// negative value turns edits off, but years are still moved on.
	EditRate float64

	// MinPassage is the shortest passage recorded in the ground truth, in
	// ink characters on each side (default 20; see Passage).
	MinPassage int

	// Fresh is how text that is not copied is written (default
	// FreshSpliced).
	Fresh FreshMode
}

// Defaults of Config.
const (
	DefaultMeanChars  = 9000
	DefaultMinPassage = 20
)

// withDefaults returns c with its zero fields set to their defaults and
// its negative rates set to zero.
func (c Config) withDefaults() Config {
	intDef := func(p *int, d int) {
		if *p == 0 {
			*p = d
		}
	}
	rate := func(p *float64, d float64) {
		switch {
		case *p == 0:
			*p = d
		case *p < 0:
			*p = 0
		}
	}
	intDef(&c.MeanChars, DefaultMeanChars)
	intDef(&c.FirstYear, 2019)
	intDef(&c.LastYear, 2025)
	intDef(&c.MinYears, 1)
	intDef(&c.MaxYears, 5)
	intDef(&c.FamilyMin, 5)
	intDef(&c.FamilyMax, 30)
	intDef(&c.MinPassage, DefaultMinPassage)
	if c.MinPassage < 0 {
		c.MinPassage = 0
	}
	rate(&c.CopyShare, 0.6)
	rate(&c.YearOnYear, 0.85)
	rate(&c.YearOnYearMin, 0.40)
	rate(&c.YearOnYearMax, 0.95)
	rate(&c.FamilyShare, 0.2)
	rate(&c.TemplateMin, 0.50)
	rate(&c.TemplateMax, 0.70)
	rate(&c.SpliceRate, 0.2)
	rate(&c.SpliceMin, 0.05)
	rate(&c.SpliceMax, 0.30)
	rate(&c.EditRate, 1)
	if span := c.LastYear - c.FirstYear + 1; span > 0 {
		c.MaxYears = min(c.MaxYears, span)
		c.MinYears = min(c.MinYears, c.MaxYears)
	}
	return c
}

// validate reports the first inconsistency of a Config with its defaults
// filled in.
func (c Config) validate() error {
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	share := func(name string, v float64) {
		check(v <= 1, "%s = %g, want at most 1", name, v)
	}
	check(c.N > 0, "N = %d, want > 0", c.N)
	check(c.MeanChars >= 500, "MeanChars = %d, want at least 500", c.MeanChars)
	check(c.FirstYear >= 1990 && c.LastYear <= 2090 && c.FirstYear <= c.LastYear,
		"years %d–%d, want 1990 ≤ FirstYear ≤ LastYear ≤ 2090", c.FirstYear, c.LastYear)
	check(c.MinYears >= 1 && c.MinYears <= c.MaxYears, "MinYears %d, MaxYears %d", c.MinYears, c.MaxYears)
	check(c.FamilyMin >= 2 && c.FamilyMin <= c.FamilyMax, "FamilyMin %d, FamilyMax %d, want 2 ≤ min ≤ max", c.FamilyMin, c.FamilyMax)
	share("CopyShare", c.CopyShare)
	share("YearOnYear", c.YearOnYear)
	share("FamilyShare", c.FamilyShare)
	share("SpliceRate", c.SpliceRate)
	for _, r := range []struct {
		name     string
		min, max float64
	}{
		{"YearOnYear", c.YearOnYearMin, c.YearOnYearMax},
		{"Template", c.TemplateMin, c.TemplateMax},
		{"Splice", c.SpliceMin, c.SpliceMax},
	} {
		check(r.min <= r.max && r.max <= 1, "%sMin %g, %sMax %g, want min ≤ max ≤ 1", r.name, r.min, r.name, r.max)
	}
	check(c.Fresh == FreshSpliced || c.Fresh == FreshSentences, "unknown Fresh mode %d", int(c.Fresh))
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("gen: invalid Config: %w", err)
	}
	return nil
}

package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"zongjie"
	"zongjie/account"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/reuse"
	"zongjie/store"
)

// The reviewer's desk shows every stored report with a few figures: what
// the checker found, placeholders left in, how much of the text is found
// in the unit's previous report and in the reports of other units, and
// how the targets of the previous report's plan fared. Computing them
// aligns texts and tracks targets, too slow to do for every report on
// every view, so they are computed once and kept in the store
// (store.Figures), each part with a stamp of what it depends on:
//
//   - the report's own figures (findings, placeholders) depend on its
//     version only;
//   - the figures against the previous report (reuse, targets) on the
//     report's version and which report, in which version, is its unit's
//     previous one — adding a later report of the unit changes neither —
//     and, as the targets are tracked in all the unit's reports of the
//     period together (period.go), on the versions of those reports;
//   - the share found in other units' reports on every report stored:
//     the stamp is a digest of every report's ID and version, so any add,
//     new version or removal makes it stale. It is estimated from the
//     stored fingerprints in one pass over them all, which costs less
//     than aligning one pair of reports per report.
//
// A new version changes the metadata or the text, so a changed unit or
// period makes the figures that depend on it stale too.

// DeskFigures are the figures of one report on the reviewer's desk.
type DeskFigures struct {
	// Checked says whether the counts of findings are known: the
	// report was checked when added, or here.
	Checked  bool `json:"checked"`
	Errors   int  `json:"errors"`
	Warnings int  `json:"warnings"`
	Infos    int  `json:"infos"`
	// Placeholders are the findings of the placeholder category: xx,
	// **, 某某 left in the text.
	Placeholders int `json:"placeholders"`

	// Previous is the unit's report of the period before (see
	// DeskReport.Order), 0 when there is none.
	Previous int64 `json:"previous,omitempty"`
	// PreviousShare is the share of the report's text (characters other
	// than white space) found in Previous, stock phrases left out:
	// Side.ReuseOwn of the report compared with it, as compare gives it.
	PreviousShare float64 `json:"previous_share"`
	// Targets are the targets of Previous's plan due by the period this
	// report reviews, tracked in all the unit's reports of that period
	// together (its period group, of Group reports: period.go): how
	// many, and of them met, partly met, missed, and reported by none of
	// them. They are the group's, the same in each of its reports.
	Targets    int `json:"targets"`
	Met        int `json:"met"`
	Partial    int `json:"partial"`
	Missed     int `json:"missed"`
	Unreported int `json:"unreported"`
	// Group is the number of reports the targets were tracked in, this
	// one among them: 1 when it is the unit's only report of its period,
	// 0 when no targets were tracked (no previous report).
	Group int `json:"group,omitempty"`
	// Earlier is the number of Targets set not by Previous but by a
	// report before it whose plan they fall due with: the year's
	// targets of the report before the year, tracked at the year's end
	// past a half-year's report (period.go, plansOf).
	Earlier int `json:"earlier,omitempty"`
	// OwnMet, OwnPartial and OwnMissed are the targets of Met, Partial
	// and Missed rated by a figure of this report: what it alone says.
	OwnMet     int `json:"own_met,omitempty"`
	OwnPartial int `json:"own_partial,omitempty"`
	OwnMissed  int `json:"own_missed,omitempty"`

	// OthersShare is the estimated share of the report's text found in
	// the reports of other units (stock phrases left out), from the
	// fingerprints: the share of its fingerprints some report of another
	// unit holds.
	OthersShare float64 `json:"others_share"`
	// Other is the report of another unit sharing most fingerprints
	// with it, 0 for none; OtherShare the share of the report's
	// fingerprints it holds.
	Other      int64   `json:"other,omitempty"`
	OtherShare float64 `json:"other_share"`
}

// DeskReport is a stored report with its figures.
type DeskReport struct {
	Report  store.Summary
	Figures DeskFigures
	// Pending says the figures were never computed (DeskStored: they
	// are zero); Stale that they were computed before the last change
	// of what they depend on (DeskStored: they are shown as they were).
	Pending, Stale bool
	// Order places the report in time among its unit's: the term it
	// reviews (zongjie.Term.Order), a plan alone before the reports that
	// review its year; 0 when its period is not known.
	Order int
}

// figuresFormat names the way the figures are computed: changing what a
// figure means changes it, and every stored figure is stale.
const figuresFormat = "desk2"

// ReportOrder places a report in time among its unit's (DeskReport.Order):
// the term it reviews, a plan alone at the start of its year.
func ReportOrder(years []int, period, genre string) int {
	if len(years) == 0 {
		return 0
	}
	if genre == string(zongjie.GenrePlan) {
		return years[0] * 10
	}
	return zongjie.TermOf(years[0], period).Order()
}

// Desk returns every stored report with its figures, by ID. Figures whose
// stamp shows them stale, and those never computed, are computed (several
// reports at once) and stored first.
func Desk(ctx context.Context, st store.Store) ([]DeskReport, error) {
	return desk(ctx, st, true, nil)
}

// DeskStored returns every stored report with the figures stored for it,
// by ID, and computes nothing: a report whose figures were never computed
// is Pending, one whose figures a change made stale is Stale. For a
// server that computes the figures in the background (Desk, after each
// change), so that a look never waits for them. The report another unit's
// report is compared with (Other) is left out when st does not list it
// (a user's view of the store).
func DeskStored(ctx context.Context, st store.Store) ([]DeskReport, error) {
	return desk(ctx, st, false, nil)
}

// DeskCache keeps the figures stored for every report, read and parsed,
// for DeskStored: a look reads from the store only the figures stored or
// changed since the last look (store.FiguresReader: by any process,
// reports moved to or from the trash or deleted), not every report's,
// which cost a look more and more as the store grew. The zero DeskCache
// is empty; one for one store.
type DeskCache struct {
	load sync.Mutex   // held by the look reading what changed
	mu   sync.RWMutex // of what follows
	mark string
	kept map[int64]keptFigures
	// begun counts the reads of what changed begun, done is the number
	// of the last one applied.
	begun, done int64
}

// keptFigures are a report's stored figures, parsed; the zero stamp when
// they cannot be read. own and unit are the stamp's parts read, which a
// look compares with the reports' versions without writing a stamp.
type keptFigures struct {
	stamp     deskStamp
	own, unit versionRef
	group     uint64 // the digest of the period group's versions, 0 for none
	figures   DeskFigures
}

// versionRef is a version of a report a stamp names; the zero versionRef
// names none ("-" for the previous report), bad is a part that is not of
// this format or cannot be read.
type versionRef struct {
	id      int64
	version int
	bad     bool
}

// parseRef reads a part of a stamp written by versionKey, or "-".
func parseRef(s string) versionRef {
	if s == "-" {
		return versionRef{}
	}
	i, v, ok := strings.Cut(s, ".")
	id, err1 := strconv.ParseInt(i, 10, 64)
	version, err2 := strconv.Atoi(v)
	if !ok || err1 != nil || err2 != nil {
		return versionRef{bad: true}
	}
	return versionRef{id: id, version: version}
}

// Stored is DeskStored(ctx, st) with the figures kept from the last look
// and what all, the whole store st is a view of, says changed since
// (store.FiguresReader); without that, it is DeskStored.
func (c *DeskCache) Stored(ctx context.Context, st, all store.Store) ([]DeskReport, error) {
	fr, ok := all.(store.FiguresReader)
	if !ok {
		return DeskStored(ctx, st)
	}
	if err := c.update(ctx, fr); err != nil {
		return nil, err
	}
	return desk(ctx, st, false, c)
}

// update reads the figures stored or changed since the last look and
// applies them. One look at a time reads, and the looks that came while
// it read wait for it and read after it, once for them all: a look must
// see what was written before it came, which a read begun before it may
// have missed, so a look takes the read of another only when that read
// began after it came. A look thus waits for two reads at most, however
// many come at once. (Reads without a lock, each applied only to the
// figures it was read from and made again when another look had moved
// them on, read again and again under a stream of looks on PostgreSQL,
// where each read sees another snapshot; docs/performance.md, "The
// desk's figures read by what changed".)
func (c *DeskCache) update(ctx context.Context, fr store.FiguresReader) error {
	c.mu.RLock()
	came := c.begun
	c.mu.RUnlock()
	c.load.Lock()
	defer c.load.Unlock()
	c.mu.Lock()
	if c.done > came {
		c.mu.Unlock()
		return nil // read since this look came
	}
	c.begun++
	n, mark := c.begun, c.mark
	c.mu.Unlock()
	d, err := fr.FiguresSince(ctx, mark)
	if err != nil {
		return err
	}
	parsed := parseFigures(d.Figures)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.apply(d, parsed)
	c.done = n
	return nil
}

// apply applies d, read since c.mark, with its figures parsed.
func (c *DeskCache) apply(d store.FiguresDelta, parsed map[int64]keptFigures) {
	if d.All || c.kept == nil {
		c.kept = parsed
	} else {
		for id, f := range parsed {
			c.kept[id] = f
		}
	}
	for _, id := range d.Gone {
		delete(c.kept, id)
	}
	c.mark = d.Mark
}

// lookup sets the figures kept of each report of out, the zero
// keptFigures for one without figures stored.
func (c *DeskCache) lookup(out []DeskReport, kept []keptFigures) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for k, d := range out {
		kept[k] = c.kept[d.Report.ID]
	}
}

// parseFigures parses stored figures, by report.
func parseFigures(fs []store.Figures) map[int64]keptFigures {
	out := make(map[int64]keptFigures, len(fs))
	for _, f := range fs {
		k := keptFigures{stamp: parseStamp(f.Stamp), own: versionRef{bad: true}}
		if own, ok := strings.CutPrefix(k.stamp.own, figuresFormat+":"); ok && own != "-" {
			k.own = parseRef(own)
		}
		k.unit, k.group = parseUnitStamp(k.stamp.unit)
		if err := json.Unmarshal(f.Data, &k.figures); err != nil {
			k = keptFigures{} // unreadable: computed again
		}
		out[f.Report] = k
	}
	return out
}

// desk is Desk, computing what is stale when compute is set, and
// DeskStored otherwise; cache, when set, keeps the figures stored for
// every report in st, read from st otherwise.
func desk(ctx context.Context, st store.Store, compute bool, cache *DeskCache) ([]DeskReport, error) {
	list, err := st.List(ctx, store.Filter{})
	if err != nil {
		return nil, err
	}
	out := make([]DeskReport, len(list))
	for i, s := range list {
		out[i] = DeskReport{Report: s, Order: ReportOrder(s.Years, s.Period, s.Genre)}
	}
	kept := make([]keptFigures, len(out)) // the zero keptFigures when none are stored
	if cache != nil {
		cache.lookup(out, kept)
	} else {
		cached, err := st.Figures(ctx)
		if err != nil {
			return nil, err
		}
		m := parseFigures(cached)
		for k, d := range out {
			kept[k] = m[d.Report.ID]
		}
	}
	prev, groups, earlier := previousReports(out)
	corpusStamp := ""
	if compute {
		corpusStamp = corpusDigest(list)
	}

	type job struct {
		k         int // in out
		own, unit bool
	}
	var (
		jobs        []job
		stamps      []deskStamp // of what the figures are computed from, when compute is set
		othersStale bool
	)
	if compute {
		stamps = make([]deskStamp, len(out))
	}
	for k, d := range out {
		f := kept[k]
		out[k].Figures = f.figures
		own, unit, group := versionRef{id: d.Report.ID, version: d.Report.Version}, versionRef{}, uint64(0)
		p := prev[k]
		if p >= 0 {
			unit = versionRef{id: out[p].Report.ID, version: out[p].Report.Version}
			group = trackDigest(out, groups[k], earlier[k])
		}
		// No figures stored, or none readable: the zero stamp.
		pending := f.stamp.own == ""
		ownStale := pending || f.own != own
		j := job{k: k, own: ownStale, unit: ownStale || f.unit != unit || f.group != group}
		if !compute {
			out[k].Pending = pending
			// The share found in other units is not counted as stale:
			// a view of the store lists fewer reports than the
			// background computation compared (its digest differs),
			// and every upload changes it a little.
			out[k].Stale = !out[k].Pending && (j.own || j.unit)
			continue
		}
		want := deskStamp{own: figuresFormat + ":" + versionKey(d.Report.ID, d.Report.Version), unit: "-", corpus: corpusStamp}
		if p >= 0 {
			want.unit = unitStamp(out[p].Report.ID, out[p].Report.Version, group)
		}
		stamps[k] = want
		if j.own || j.unit {
			jobs = append(jobs, j)
		}
		if ownStale || f.stamp.corpus != corpusStamp {
			othersStale = true
		}
	}
	if !compute {
		// List gives the reports by ID.
		ids := make([]int64, len(list))
		for i, s := range list {
			ids[i] = s.ID
		}
		for k := range out {
			if f := &out[k].Figures; f.Other != 0 && !has(ids, f.Other) {
				f.Other, f.OtherShare = 0, 0
			}
		}
		return out, nil
	}
	if len(jobs) == 0 && !othersStale {
		return out, nil
	}

	// The other units' shares, and the stock phrases of this store for
	// the comparisons with the previous reports.
	others, common, err := othersShares(ctx, st, len(list))
	if err != nil {
		return nil, err
	}
	var bp reuse.Boilerplate
	if common != nil {
		bp = reuse.Union{reuse.StockPhrases(), common}
	}
	changed := make([]bool, len(out))
	for k := range out {
		o := others[out[k].Report.ID]
		f := &out[k].Figures
		if f.OthersShare != o.share || f.Other != o.other || f.OtherShare != o.otherShare {
			changed[k] = true
		}
		f.OthersShare, f.Other, f.OtherShare = o.share, o.other, o.otherShare
	}

	// The figures that need no report read are stored first; then the
	// others, a unit at a time (its reports in order, each read once for
	// itself and for the one after it), stored as they come, a few dozen
	// at a time, so that a look cut short (by the request's deadline)
	// keeps what it computed and the next look goes on from there.
	isJob := make([]bool, len(out))
	byUnit := map[string][]job{}
	var unitNames []string
	for _, j := range jobs {
		isJob[j.k] = true
		u := out[j.k].Report.Unit
		if _, ok := byUnit[u]; !ok {
			unitNames = append(unitNames, u)
		}
		byUnit[u] = append(byUnit[u], j)
	}
	var first []int
	for k := range out {
		if !isJob[k] && (changed[k] || othersStale) {
			first = append(first, k)
		}
	}
	if err := putDesk(ctx, st, out, stamps, first); err != nil {
		return nil, err
	}
	var (
		mu      sync.Mutex
		pending []int
		failed  error
	)
	missing := make([]bool, len(out)) // deleted meanwhile
	done := func(k int, err error) bool {
		mu.Lock()
		defer mu.Unlock()
		if err == nil && k >= 0 {
			pending = append(pending, k)
			if len(pending) >= putEvery {
				err = putDesk(ctx, st, out, stamps, pending)
				pending = pending[:0]
			}
		}
		if err != nil && failed == nil {
			failed = err
		}
		return failed == nil
	}
	parallel(len(unitNames), func(u int) {
		js := byUnit[unitNames[u]]
		slices.SortFunc(js, func(a, b job) int { return out[a.k].Order - out[b.k].Order })
		var last *loadedReport
		// The unit's reports read, for the period groups: each is read
		// once, and each group's targets tracked once for its reports.
		loaded := map[int64]*loadedReport{}
		tracked := map[int]*groupTracked{} // by the group's first report
		for _, j := range js {
			if err := ctx.Err(); err != nil {
				done(-1, err)
				return
			}
			d := &out[j.k]
			r, err := loaded[d.Report.ID], error(nil)
			if r == nil {
				r, err = loadReport(ctx, st, d.Report.ID, last)
			}
			if err == nil && len(groups[j.k]) > 0 {
				loaded[d.Report.ID] = r
			}
			if errors.Is(err, store.ErrNotFound) {
				missing[j.k] = true
				continue
			}
			if err != nil {
				done(-1, err)
				return
			}
			f := &d.Figures
			if j.own {
				ownFigures(r, f)
			}
			if j.unit {
				*f = withoutPrevious(*f)
				if p := prev[j.k]; p >= 0 {
					pl, err := loadReport(ctx, st, out[p].Report.ID, last)
					switch {
					case errors.Is(err, store.ErrNotFound):
						// Deleted meanwhile: stale on the next look.
					case err != nil:
						done(-1, err)
						return
					default:
						g, err := trackGroup(ctx, st, out, groups[j.k], j.k, r, p, pl, earlier[j.k], loaded, tracked)
						if err != nil {
							done(-1, err)
							return
						}
						if err := previousFigures(ctx, st, bp, r, pl, g, f); err != nil {
							done(-1, err)
							return
						}
					}
				}
			}
			last = r
			if !done(j.k, nil) {
				return
			}
		}
	})
	if failed != nil {
		return nil, failed
	}
	if err := putDesk(ctx, st, out, stamps, pending); err != nil {
		return nil, err
	}
	left := out[:0]
	for k, d := range out {
		if !missing[k] {
			left = append(left, d)
		}
	}
	return left, nil
}

// has reports whether ids, ascending, holds id.
func has(ids []int64, id int64) bool {
	_, ok := slices.BinarySearch(ids, id)
	return ok
}

// putEvery is how many reports' figures Desk computes before it stores
// them.
const putEvery = 64

// putDesk stores the figures of the reports ks of ds with their stamps.
// A database that cannot be written (read-only, full: store.Fault) keeps
// nothing and fails nothing: the desk is shown, computed again next time.
func putDesk(ctx context.Context, st store.Store, ds []DeskReport, stamps []deskStamp, ks []int) error {
	if len(ks) == 0 {
		return nil
	}
	put := make([]store.Figures, 0, len(ks))
	for _, k := range ks {
		data, err := json.Marshal(ds[k].Figures)
		if err != nil {
			return err
		}
		put = append(put, store.Figures{Report: ds[k].Report.ID, Stamp: stamps[k].String(), Data: data})
	}
	if err := st.PutFigures(ctx, put); err != nil && store.Fault(err) == nil {
		return err
	}
	return nil
}

// loadedReport is a stored report read for the desk, with what is made
// of it when needed: its extraction and its normalised text.
type loadedReport struct {
	rec  *store.Report
	file *document.File
	rep  *zongjie.Report
	err  error // of reading it again
	read bool
	text *reuse.Text
}

// loadReport reads a stored report, or returns last when it is that one.
func loadReport(ctx context.Context, st store.Store, id int64, last *loadedReport) (*loadedReport, error) {
	if last != nil && last.rec.ID == id {
		return last, nil
	}
	r, err := st.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	return &loadedReport{rec: r}, nil
}

// extraction returns the report read again with its stored extraction.
func (l *loadedReport) extraction() (*document.File, *zongjie.Report, error) {
	if !l.read {
		l.read = true
		l.file, l.rep, l.err = LoadStored(l.rec, extract.Options{})
	}
	return l.file, l.rep, l.err
}

// normalized returns the report's normalised text.
func (l *loadedReport) normalized() *reuse.Text {
	if l.text == nil {
		l.text = reuse.Normalize(l.rec.Text)
	}
	return l.text
}

// withoutPrevious returns f without the figures against a previous
// report.
func withoutPrevious(f DeskFigures) DeskFigures {
	f.Previous, f.PreviousShare = 0, 0
	f.Targets, f.Met, f.Partial, f.Missed, f.Unreported = 0, 0, 0, 0, 0
	f.Group, f.OwnMet, f.OwnPartial, f.OwnMissed, f.Earlier = 0, 0, 0, 0, 0
	return f
}

// deskStamp is what stored figures were computed from, part by part.
type deskStamp struct {
	own    string // the format and the report's ID and version
	unit   string // the previous report's ID and version, or "-" (unitStamp)
	corpus string // the digest of every report's ID and version
}

func (s deskStamp) String() string { return s.own + "|" + s.unit + "|" + s.corpus }

// parseStamp reads a stamp written by deskStamp.String; anything else is
// the zero stamp, stale in every part.
func parseStamp(s string) deskStamp {
	parts := strings.Split(s, "|")
	if len(parts) != 3 {
		return deskStamp{}
	}
	return deskStamp{parts[0], parts[1], parts[2]}
}

func versionKey(id int64, version int) string {
	return strconv.FormatInt(id, 10) + "." + strconv.Itoa(version)
}

// corpusDigest is a digest of the ID and version of every report: it
// changes with every report added, given a new version or removed.
func corpusDigest(list []store.Summary) string {
	h := fnv.New64a()
	for _, s := range list {
		fmt.Fprintf(h, "%d.%d,", s.ID, s.Version)
	}
	return strconv.Itoa(len(list)) + "-" + strconv.FormatUint(h.Sum64(), 16)
}

// previousReports returns, for each report, the index of its unit's
// previous report, -1 for none: of the unit's reports whose Order is
// less than its own, the latest (on a tie, the one with the largest
// ID). A report without a unit or a period has none. It also returns,
// for each report that has others in its period group (period.go), the
// reports of the group by index, ascending by ID; and for each report
// with a previous one, the unit's reports before it that may have set
// targets due in its term besides the previous one (earlierPlans).
func previousReports(ds []DeskReport) (prev []int, groups map[int][]int, earlier map[int][]int) {
	prev = make([]int, len(ds))
	byUnit := map[string][]int{}
	for k, d := range ds {
		prev[k] = -1
		if d.Report.Unit != "" && d.Order > 0 {
			byUnit[d.Report.Unit] = append(byUnit[d.Report.Unit], k)
		}
	}
	for unit, ks := range byUnit {
		slices.SortFunc(ks, func(a, b int) int {
			if ds[a].Order != ds[b].Order {
				return ds[a].Order - ds[b].Order
			}
			return int(ds[a].Report.ID - ds[b].Report.ID)
		})
		last := -1 // the last report of an earlier Order
		for i, k := range ks {
			if i > 0 && ds[ks[i-1]].Order < ds[k].Order {
				last = ks[i-1]
			}
			prev[k] = last
		}
		if !account.Anonymised(unit) {
			groups = periodGroups(ds, ks, groups)
			for _, k := range ks {
				if e := earlierPlans(ds, ks, k, prev[k]); len(e) > 0 {
					if earlier == nil {
						earlier = map[int][]int{}
					}
					earlier[k] = e
				}
			}
		}
	}
	return prev, groups, earlier
}

// ownFigures counts the findings of r stored with it, or of the checker
// run now when none were stored.
func ownFigures(r *loadedReport, f *DeskFigures) {
	f.Checked, f.Errors, f.Warnings, f.Infos, f.Placeholders = false, 0, 0, 0, 0
	// Of a finding, what is counted.
	type counted struct {
		Severity check.Severity `json:"severity"`
		Category check.Category `json:"category"`
	}
	var ds []counted
	if r.rec.Findings != nil {
		if err := json.Unmarshal(r.rec.Findings, &ds); err != nil {
			return
		}
	} else {
		file, rep, err := r.extraction()
		if err != nil {
			return
		}
		for _, d := range check.Run(file, []*zongjie.Report{rep}, rules.All(), nil) {
			ds = append(ds, counted{d.Severity, d.Category})
		}
	}
	f.Checked = true
	for _, d := range ds {
		switch d.Severity {
		case check.Error:
			f.Errors++
		case check.Warning:
			f.Warnings++
		default:
			f.Infos++
		}
		if d.Category == check.Placeholder {
			f.Placeholders++
		}
	}
}

// previousFigures compares r with its unit's previous report p and
// tracks p's targets in r. bp, if set, marks the stock phrases;
// otherwise they are looked up in the store.
func previousFigures(ctx context.Context, st store.Store, bp reuse.Boilerplate, r, p *loadedReport, g *groupTracked, f *DeskFigures) error {
	f.Previous = p.rec.ID
	if bp == nil {
		var err error
		if bp, err = Boilerplate(ctx, st, p.normalized(), r.normalized()); err != nil {
			return err
		}
	}
	// As compare gives it with the previous report first.
	f.PreviousShare = round3(reuse.Compare(p.normalized(), r.normalized(), bp).B.ReuseOwn)
	if g != nil {
		g.figures(r.rec.ID, f)
	}
	return nil
}

// round3 rounds a share to three decimals.
func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// exactPostings is the number of stored reports up to which the other
// units' shares count every fingerprint; above it, one in sampleRate,
// chosen by hash (as Families does), so that memory stays small.
const exactPostings = 10000

// othersShare is a report's share of fingerprints held by other units.
type othersShare struct {
	share      float64
	other      int64
	otherShare float64
}

// maxPairGroup is the number of reports holding one fingerprint above
// which the fingerprint counts for the shares but not for finding the
// report of another unit that shares most: the pairs of a template held
// by hundreds of reports would cost more than they tell.
const maxPairGroup = 64

// othersShares estimates, for every stored report, the share of its
// fingerprints held by a report of another unit, and which report of
// another unit holds most of them; stock phrases (the built-in ones and
// the fingerprints held by the reports of many units) are left out of the
// shares. It also returns the fingerprints held by the reports of many
// units, when every fingerprint was read (nil when sampled).
func othersShares(ctx context.Context, st store.Store, n int) (map[int64]othersShare, reuse.HashSet, error) {
	rate := uint64(1)
	if n > exactPostings {
		rate = sampleRate
	}
	var (
		ids   []int64
		units []int32 // the unit a report counts as: its unit, or itself when it has none
		sizes []int
		ps    []posting
	)
	unitIDs := map[string]int32{}
	err := st.EachFingerprints(ctx, func(id int64, unit string, fps []uint64) error {
		doc := int32(len(ids))
		u, ok := unitIDs[unit]
		if !ok || unit == "" {
			u = doc // the first report of its unit
			if unit != "" {
				unitIDs[unit] = u
			}
		}
		ids, units = append(ids, id), append(units, u)
		kept := 0
		for _, h := range fps {
			if h%rate == 0 {
				ps = append(ps, posting{h, doc})
				kept++
			}
		}
		sizes = append(sizes, kept)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	ps = sortPostings(ps)
	limit := boilerplateUnits(n)
	stock := reuse.StockPhrases()
	common := reuse.HashSet{}
	held := make([]int, len(ids))
	docGroups := make([][]int32, len(ids))
	var groups [][2]int
	var seen []int32 // the units of a group
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].hash == ps[i].hash {
			j++
		}
		group := ps[i:j]
		if len(group) >= 2 {
			seen = seen[:0]
			for _, p := range group {
				if !slices.Contains(seen, units[p.doc]) {
					seen = append(seen, units[p.doc])
					if len(seen) >= limit {
						break
					}
				}
			}
			switch {
			case len(seen) >= limit:
				common[group[0].hash] = struct{}{}
			case len(seen) >= 2 && !stock.Has(group[0].hash):
				pairs := len(group) <= maxPairGroup
				for _, p := range group {
					held[p.doc]++
					if pairs {
						docGroups[p.doc] = append(docGroups[p.doc], int32(len(groups)))
					}
				}
				if pairs {
					groups = append(groups, [2]int{i, j})
				}
			}
		}
		i = j
	}
	out := make(map[int64]othersShare, len(ids))
	count := make([]int32, len(ids))
	var touched []int32
	for a := range ids {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if sizes[a] == 0 {
			continue
		}
		ua := units[a]
		for _, g := range docGroups[a] {
			for _, p := range ps[groups[g][0]:groups[g][1]] {
				if units[p.doc] == ua {
					continue // itself, or its unit's
				}
				if count[p.doc] == 0 {
					touched = append(touched, p.doc)
				}
				count[p.doc]++
			}
		}
		o := othersShare{share: round3(float64(held[a]) / float64(sizes[a]))}
		best := int32(-1)
		for _, b := range touched {
			if best < 0 || count[b] > count[best] || count[b] == count[best] && ids[b] < ids[best] {
				best = b
			}
		}
		if best >= 0 {
			o.other, o.otherShare = ids[best], round3(float64(count[best])/float64(sizes[a]))
		}
		for _, b := range touched {
			count[b] = 0
		}
		touched = touched[:0]
		out[ids[a]] = o
	}
	if rate != 1 {
		common = nil
	}
	return out, common, nil
}

// posting says that a report (by its place in the pass) holds a
// fingerprint.
type posting struct {
	hash uint64
	doc  int32
}

// sortPostings sorts postings by hash, keeping the order of the postings
// of one hash (a radix sort, 16 bits at a time: a comparison sort of a
// million postings costs several times more). It may return another
// slice.
func sortPostings(ps []posting) []posting {
	tmp := make([]posting, len(ps))
	var count [1 << 16]int
	for shift := uint(0); shift < 64; shift += 16 {
		clear(count[:])
		for _, p := range ps {
			count[(p.hash>>shift)&0xffff]++
		}
		sum := 0
		for k, c := range count {
			count[k] = sum
			sum += c
		}
		for _, p := range ps {
			k := (p.hash >> shift) & 0xffff
			tmp[count[k]] = p
			count[k]++
		}
		ps, tmp = tmp, ps
	}
	return ps
}

// parallel runs fn(0) … fn(n-1), a few at a time.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

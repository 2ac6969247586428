package corpus

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"zongjie"
	"zongjie/store"
)

// Re-adding a file: which stored report a report of it is.
//
// A text (the bytes of a file, and the report's position in it) belongs
// to one stored report. When a report is added:
//
//  1. Its text is stored already (as the current version of report X, or
//     an earlier one): it is X, and nothing is stored — unless it is X's
//     current text and the user states a unit or period (--unit, --period)
//     other than X's: then the metadata is corrected as a new version of X,
//     the text unchanged.
//  2. Otherwise, a stored report whose current version came from the same
//     file (the same absolute path) at the same position, and reviews the
//     same period (or either period is unknown), is the same report edited:
//     the new text is stored as its new version. Of several, the one
//     added last.
//  3. Otherwise it is a new report.
//
// So a file edited in place becomes a new version of its report, while a
// file overwritten with the next period's report at the same path becomes
// a new report; a copy of a stored file at another path is the same report
// (case 1). An earlier version's text added again is left as it is: use
// Restore to make it current.

// Decision is what Add does with one report of a file.
type Decision struct {
	// Report is the stored report the text is a version of (0: a new
	// report).
	Report int64
	// Version is set when the text is stored already, as that version of
	// Report (nothing is stored, unless Correct).
	Version int
	// Correct is set when the text is Report's current one and the user
	// states other metadata: a new version corrects it.
	Correct bool
	// Note is the note of the new version, if one is stored.
	Note string
	// Notice, when set, tells the user something about the decision, in
	// Chinese: why an override was not applied, or what changed.
	Notice string
}

// Decide finds which stored report r (prepared from a file, its Path
// absolute) is, as the comment above describes, and sets r.ID and r.Note
// for a new version. asGiven is the path as the user gave it, which a
// database of an earlier version may hold instead of the absolute one.
func Decide(ctx context.Context, st store.Store, r *store.Report, asGiven string, o Options) (Decision, error) {
	id, err := st.Find(ctx, r.FileHash, r.Index)
	switch {
	case err == nil:
		vs, err := st.Versions(ctx, id)
		if err != nil {
			return Decision{}, err
		}
		cur := vs[len(vs)-1]
		d := Decision{Report: id}
		for _, v := range vs {
			if v.FileHash == r.FileHash && v.Index == r.Index {
				d.Version = v.Version
			}
		}
		if cur.FileHash != r.FileHash || cur.Index != r.Index {
			// An earlier version's text.
			d.Notice = fmt.Sprintf("这是报告 %d 的第 %d 版（当前为第 %d 版），未作改动；要把它恢复为当前版本，请用 zongjie restore %d %d",
				id, d.Version, cur.Version, id, d.Version)
			if o.Overrides() {
				d.Notice += "；--unit、--period 未应用"
			}
			return d, nil
		}
		d.Version = cur.Version
		if o.Overrides() {
			if changes := metaChanges(cur, r); changes != "" {
				d.Correct, d.Note = true, "更正元数据："+changes
				r.ID, r.Note = id, d.Note
			}
		}
		return d, nil
	case !errors.Is(err, store.ErrNotFound):
		return Decision{}, err
	}
	// A new text: an edited version of the report from the same file?
	var cands []store.Summary
	paths := []string{r.Path}
	if asGiven != "" && asGiven != r.Path {
		paths = append(paths, asGiven)
	}
	for _, p := range paths {
		list, err := st.List(ctx, store.Filter{Path: p})
		if err != nil {
			return Decision{}, err
		}
		for _, s := range list {
			if s.Index == r.Index && samePeriod(s, r) {
				cands = append(cands, s)
			}
		}
	}
	if len(cands) == 0 {
		return Decision{}, nil
	}
	best := slices.MaxFunc(cands, func(a, b store.Summary) int {
		if c := a.Added.Compare(b.Added); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	d := Decision{Report: best.ID, Note: "重新加入 " + filepath.Base(r.Path) + "：文本有改动"}
	if changes := metaChanges(best, r); changes != "" {
		d.Note += "；" + changes
		if !o.Overrides() {
			d.Notice = "新版本的" + changes + "（按新文本识别；如不对，可用 --unit、--period 指定）"
		}
	}
	r.ID, r.Note = best.ID, d.Note
	return d, nil
}

// samePeriod reports whether the stored report s and the new text r
// review the same period, or either period is unknown.
func samePeriod(s store.Summary, r *store.Report) bool {
	if len(s.Years) == 0 || len(r.Years) == 0 {
		return true
	}
	return slices.Equal(s.Years, r.Years) && s.Period == r.Period
}

// metaChanges describes in Chinese how the unit and the period of r differ
// from those of the stored version s ("" when they do not).
func metaChanges(s store.Summary, r *store.Report) string {
	var parts []string
	if s.Unit != r.Unit {
		parts = append(parts, fmt.Sprintf("单位 %s → %s", orNone(s.Unit), orNone(r.Unit)))
	}
	if !slices.Equal(s.Years, r.Years) || s.Period != r.Period {
		parts = append(parts, fmt.Sprintf("时段 %s → %s", orNone(PeriodWords(s.Years, s.Period, s.Genre)), orNone(PeriodWords(r.Years, r.Period, r.Genre))))
	}
	return strings.Join(parts, "，")
}

func orNone(s string) string {
	if s == "" {
		return "（无）"
	}
	return s
}

// PeriodWords says in Chinese which period a stored report covers, from
// its years, period and genre: "2024年" (and "，计划2025年" for a summary
// with a plan for the next year), "2024年上半年"; "" when unknown.
func PeriodWords(years []int, period, genre string) string {
	if len(years) == 0 {
		return ""
	}
	first := zongjie.TermOf(years[0], period)
	if first.Period == zongjie.PeriodMulti {
		return strconv.Itoa(years[0]) + "—" + strconv.Itoa(years[len(years)-1]) + "年"
	}
	w := first.Words()
	if genre == string(zongjie.GenreSummaryPlan) && len(years) > 1 {
		w += "，计划" + strconv.Itoa(years[len(years)-1]) + "年"
	}
	return w
}

// ErrCurrentVersion is returned by Restore for the version that is the
// current one already.
var ErrCurrentVersion = errors.New("已是当前版本")

// Restore makes an earlier version of a stored report its current one, by
// storing a copy of it as a new version (the history is kept: nothing is
// overwritten). It returns the new version.
func Restore(ctx context.Context, st store.Store, id int64, version int) (store.Summary, error) {
	vs, err := st.Versions(ctx, id)
	if err != nil {
		return store.Summary{}, err
	}
	if cur := vs[len(vs)-1]; cur.Version == version {
		return cur, ErrCurrentVersion
	}
	r, err := st.GetVersion(ctx, id, version)
	if err != nil {
		return store.Summary{}, err
	}
	r.ID, r.Note, r.Added = id, fmt.Sprintf("恢复第 %d 版", version), time.Time{}
	_, added, err := st.Put(ctx, r)
	if err != nil {
		return store.Summary{}, err
	}
	if !added {
		// The current version holds the same text and metadata.
		return vs[len(vs)-1], ErrCurrentVersion
	}
	return r.Summary(), nil
}

// maxDiffCells bounds the work of DiffLines: above it, the lines that
// differ are given as removed and added whole.
const maxDiffCells = 16 << 20

// DiffLine is a line of a comparison of two texts.
type DiffLine struct {
	Op   byte   // ' ' in both, '-' only in the first, '+' only in the second
	Text string // the line, without its "\n"
	A, B int    // its 1-based line number in each text (0 where it is not)
}

// DiffLines compares two texts line by line (a longest common subsequence
// of lines) and returns every line of both in order: common, removed and
// added. It is what `zongjie versions --diff` prints as a unified diff,
// and what a page can show side by side.
func DiffLines(a, b string) []DiffLine {
	la, lb := splitLines(a), splitLines(b)
	pre := 0
	for pre < len(la) && pre < len(lb) && la[pre] == lb[pre] {
		pre++
	}
	post := 0
	for post < len(la)-pre && post < len(lb)-pre && la[len(la)-1-post] == lb[len(lb)-1-post] {
		post++
	}
	x, y := la[pre:len(la)-post], lb[pre:len(lb)-post]
	var out []DiffLine
	ai, bi := 0, 0 // lines of a and b written
	same := func(l string) {
		ai, bi = ai+1, bi+1
		out = append(out, DiffLine{' ', strings.TrimSuffix(l, "\n"), ai, bi})
	}
	del := func(l string) {
		ai++
		out = append(out, DiffLine{'-', strings.TrimSuffix(l, "\n"), ai, 0})
	}
	add := func(l string) {
		bi++
		out = append(out, DiffLine{'+', strings.TrimSuffix(l, "\n"), 0, bi})
	}
	for _, l := range la[:pre] {
		same(l)
	}
	n, m := len(x), len(y)
	if n*m > maxDiffCells || n == 0 || m == 0 {
		for _, l := range x {
			del(l)
		}
		for _, l := range y {
			add(l)
		}
	} else {
		// lcs[i][j]: the length of the longest common subsequence of
		// x[i:] and y[j:].
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if x[i] == y[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && x[i] == y[j]:
				same(x[i])
				i, j = i+1, j+1
			case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
				del(x[i])
				i++
			default:
				add(y[j])
				j++
			}
		}
	}
	for _, l := range la[len(la)-post:] {
		same(l)
	}
	return out
}

// splitLines splits text into lines, each keeping its "\n".
func splitLines(text string) []string {
	if text == "" {
		return nil
	}
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

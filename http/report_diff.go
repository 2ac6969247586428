package http

import (
	"net/http"

	"zongjie/app"
	"zongjie/corpus"
)

// handleReportDiff compares two versions of a report: ?a= and ?b= (b
// defaults to the current version).
func (s *Server) handleReportDiff(w http.ResponseWriter, r *http.Request) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	a, err := intParam(q.Get("a"), "版本", 0)
	if err != nil {
		return err
	}
	b, err := intParam(q.Get("b"), "版本", 0)
	if err != nil {
		return err
	}
	if a == 0 {
		return app.Errorf(app.Invalid, "请选择要比较的两个版本。")
	}
	d, err := s.app.DiffVersions(r.Context(), id, a, b)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "diff", diffPage{VersionDiff: d, Same: d.A.Text == d.B.Text, Rows: diffRows(d.Lines, diffContext)})
}

// diffContext is how many unchanged lines the comparison shows around a
// change; longer unchanged runs are folded into one row.
const diffContext = 2

// diffPage is the data of the comparison page.
type diffPage struct {
	*app.VersionDiff
	Same bool // the texts are the same (the versions differ in metadata only)
	Rows []diffRow
}

// diffRow is a row of the comparison: a line (Kind del, ins or same), or
// Skip unchanged lines folded away.
type diffRow struct {
	Kind string
	A, B int
	Text string
	Skip int
	// Pre, Mid and Post cut Text of a line changed into one other (a
	// removed line paired with the added line after it): Mid is what
	// differs between the two.
	Pre, Mid, Post string
}

// diffRows lays out lines, folding the unchanged ones further than
// context lines from a change.
func diffRows(lines []corpus.DiffLine, context int) []diffRow {
	near := make([]bool, len(lines))
	for i, l := range lines {
		if l.Op == ' ' {
			continue
		}
		for k := max(i-context, 0); k <= min(i+context, len(lines)-1); k++ {
			near[k] = true
		}
	}
	var rows []diffRow
	for i, l := range lines {
		if l.Op == ' ' && !near[i] {
			if n := len(rows); n > 0 && rows[n-1].Skip > 0 {
				rows[n-1].Skip++
			} else {
				rows = append(rows, diffRow{Skip: 1})
			}
			continue
		}
		kind := "same"
		switch l.Op {
		case '-':
			kind = "del"
		case '+':
			kind = "ins"
		}
		rows = append(rows, diffRow{Kind: kind, A: l.A, B: l.B, Text: l.Text})
	}
	pairChanges(rows)
	return rows
}

// pairChanges marks, in each run of n removed lines followed by n added
// ones, what differs between the k-th removed and the k-th added line.
func pairChanges(rows []diffRow) {
	for i := 0; i < len(rows); {
		if rows[i].Kind != "del" {
			i++
			continue
		}
		j := i
		for j < len(rows) && rows[j].Kind == "del" {
			j++
		}
		k := j
		for k < len(rows) && rows[k].Kind == "ins" {
			k++
		}
		if n := j - i; n == k-j {
			for m := range n {
				cut(&rows[i+m], &rows[j+m])
			}
		}
		i = k
	}
}

// cut sets Pre, Mid and Post of a removed line a and the added line b
// from their common beginning and end.
func cut(a, b *diffRow) {
	x, y := []rune(a.Text), []rune(b.Text)
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		p++
	}
	q := 0
	for q < len(x)-p && q < len(y)-p && x[len(x)-1-q] == y[len(y)-1-q] {
		q++
	}
	a.Pre, a.Mid, a.Post = string(x[:p]), string(x[p:len(x)-q]), string(x[len(x)-q:])
	b.Pre, b.Mid, b.Post = string(y[:p]), string(y[p:len(y)-q]), string(y[len(y)-q:])
}

package app

// VersionDiffJSON is two versions of a stored report compared line by
// line, as the JSON API gives it (docs/api.md): the two versions as list
// gives them, the current version's number, and every line of both texts
// in order.
type VersionDiffJSON struct {
	Report  int64          `json:"report"`
	A       Summary        `json:"a"`
	B       Summary        `json:"b"`
	Current int            `json:"current"`
	Same    bool           `json:"same"` // the texts are the same (the versions differ in unit or period only)
	Lines   []DiffLineJSON `json:"lines"`
}

// DiffLineJSON is one line of a VersionDiffJSON: in both texts ("equal"),
// only in a ("delete") or only in b ("insert"), with its 1-based line
// number in each (0 where it is not).
type DiffLineJSON struct {
	Op   string `json:"op"`
	Text string `json:"text"`
	A    int    `json:"a"`
	B    int    `json:"b"`
}

// JSON returns the JSON form of the comparison.
func (d *VersionDiff) JSON() VersionDiffJSON {
	out := VersionDiffJSON{Report: d.Report, A: SummaryOf(d.A.Summary()), B: SummaryOf(d.B.Summary()), Current: d.Current,
		Same: d.A.Text == d.B.Text, Lines: make([]DiffLineJSON, 0, len(d.Lines))}
	for _, l := range d.Lines {
		out.Lines = append(out.Lines, DiffLineJSON{diffOps[l.Op], l.Text, l.A, l.B})
	}
	return out
}

// diffOps names the operations of corpus.DiffLine.
var diffOps = map[byte]string{' ': "equal", '-': "delete", '+': "insert"}

package corpus

import (
	"fmt"
	"path/filepath"
	"strings"

	"zongjie"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/reader"
	"zongjie/store"
)

// StoredName is the name a stored report's text is read under: as
// Markdown when it came from a Markdown file (the text keeps the markup),
// else as plain text.
func StoredName(r *store.Report) string {
	ext := ".txt"
	if e := strings.ToLower(filepath.Ext(r.Path)); e == ".md" || e == ".markdown" {
		ext = ".md"
	}
	return fmt.Sprintf("report-%d%s", r.ID, ext)
}

// StoredFile reads a stored report's text in the format it came in.
func StoredFile(r *store.Report) (*document.File, error) {
	return reader.Read(StoredName(r), []byte(r.Text))
}

// LoadStored reads a stored report: its stored extraction over its
// text (extracted again when the record does not fit the text, or when o
// states a unit or period of its own), keeping the unit and period it was
// stored with (they may have been stated when it was added), and then
// what o states.
func LoadStored(r *store.Report, o extract.Options) (*document.File, *zongjie.Report, error) {
	f, err := StoredFile(r)
	if err != nil {
		return nil, nil, err
	}
	rep, err := extract.Stored(f, r.Data)
	if err != nil || o.Unit != "" || o.Period != nil {
		rs := extract.FileWith(f, o)
		if len(rs) == 0 {
			return nil, nil, fmt.Errorf("没有可读的报告内容")
		}
		rep = rs[0]
	}
	if r.Unit != "" && o.Unit == "" {
		rep.Meta.Unit = r.Unit
	}
	// A plan alone (2027年工作计划) is stored with its plan's period: it
	// reviews nothing, and tracking the unit's previous report against
	// it would find every target unreported.
	if r.Period != "" && len(r.Years) > 0 && o.Period == nil && !rep.Meta.PlanAlone() && (rep.Meta.Review == nil || string(rep.Meta.Review.Period) != r.Period) {
		rep.Meta.Review = zongjie.TermOf(r.Years[0], r.Period)
	}
	return f, rep, nil
}

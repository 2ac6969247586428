package app

import (
	"slices"
	"sort"

	"zongjie"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/corpus"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/store"
)

// analysis is a stored report read again: its text as a document, its
// extraction, and a check of it.
type analysis struct {
	rec  *store.Report
	file *document.File
	// report is the stored extraction over the text (a fresh one where
	// the record does not fit the text): what the report page shows.
	report *zongjie.Report
	// ds are the findings of a check of the text now, with a fresh
	// extraction (the rules read what a stored one does not keep) and
	// the configuration found from the working directory, in the order
	// of the text.
	ds []check.Diagnostic
	// stated are the unit and period the record holds that its text does
	// not say: what the user stated, kept in the report's new versions.
	stated extract.Options
}

// analyse reads a stored report (one version of one) again.
func (a *App) analyse(rec *store.Report) (*analysis, error) {
	f, err := storedFile(rec)
	if err != nil {
		return nil, wrap(Internal, err, "报告 %d 的文字无法读取：%s", rec.ID, ErrorMessage(err))
	}
	cfg, err := a.opts.Config.For(f.Path, true)
	if err != nil {
		return nil, err
	}
	fresh, stated := freshReport(f, rec)
	r, err := extract.Stored(f, rec.Data)
	if err != nil {
		r = fresh
	}
	ds := check.Run(f, []*zongjie.Report{fresh}, rules.All(), cfg)
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Span.Start < ds[j].Span.Start })
	return &analysis{rec: rec, file: f, report: r, ds: ds, stated: stated}, nil
}

// storedName is the name a stored report's text is read under (see
// corpus.StoredName).
func storedName(r *store.Report) string { return corpus.StoredName(r) }

// freshReport extracts a stored report's text again, as one report,
// keeping the unit and period it was stored with where the text does not
// say them (a unit or period stated by the user, with add --unit or on
// the report page, survives), and returns those.
func freshReport(f *document.File, rec *store.Report) (*zongjie.Report, extract.Options) {
	r := whole(f, extract.File(f))
	o := statedMeta(r, rec)
	if o.Unit != "" || o.Period != nil {
		r = whole(f, extract.FileWith(f, o))
	}
	return r, o
}

// statedMeta returns the unit and period of the stored record that an
// extraction r of its text does not find: what the user stated.
func statedMeta(r *zongjie.Report, rec *store.Report) extract.Options {
	var o extract.Options
	if rec.Unit != "" && r.Meta.Unit != rec.Unit {
		o.Unit = rec.Unit
	}
	if len(rec.Years) > 0 && (!slices.Equal(r.Meta.Years, rec.Years) || string(r.Meta.Period) != rec.Period) {
		o.Period = zongjie.TermOf(rec.Years[0], rec.Period)
	}
	return o
}

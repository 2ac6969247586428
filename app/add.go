package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"zongjie/check"
	"zongjie/corpus"
	"zongjie/extract"
	"zongjie/reader"
	"zongjie/store"
)

// Upload is a file to add given by its bytes: an uploaded file, pasted
// text. Err, when set, says the file could not even be received (it is
// reported as the file's failure).
type Upload struct {
	Name string // as the user knows it: the file's name, or its path in an uploaded folder
	Data []byte
	Err  error
}

// Added is what became of one file.
type Added struct {
	Name    string
	Err     *Error // the file could not be added, and why: as the command line says it
	Reports []AddedReport
	Notices []string // what the user should know, in Chinese
}

// AddedReport is one report of an added file, as stored.
type AddedReport struct {
	// Status: "new" (a new report), "version" (a new version of a stored
	// one) or "stored" (the store held the text already).
	Status        string
	store.Summary // the current version
	Counts
}

// Counts are the findings of a report by severity.
type Counts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	Fixable  int `json:"fixable"` // with a certain fix
}

// AddUploads reads, extracts, checks and stores each file, as Add does,
// and says what became of each. A file that cannot be read fails alone,
// with the reason in Err; the others are added. AddUploads fails as a
// whole only when the store does (or ctx ends).
func (a *App) AddUploads(ctx context.Context, files []Upload) ([]Added, error) {
	return a.AddUploadsStated(ctx, files, extract.Options{})
}

// AddUploadsStated is AddUploads with a unit and a period the user
// states for every file's reports, over what they say of themselves.
func (a *App) AddUploadsStated(ctx context.Context, files []Upload, stated extract.Options) ([]Added, error) {
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Added, len(files))
	pending := map[string][]int{} // name → indexes in out not reported yet
	var inputs []corpus.Input
	for i, f := range files {
		out[i].Name = f.Name
		if f.Err != nil {
			out[i].Err = fileError(f.Name, f.Err)
			continue
		}
		pending[f.Name] = append(pending[f.Name], i)
		data := f.Data
		if data == nil {
			data = []byte{} // an empty file, not one to read from its path
		}
		inputs = append(inputs, corpus.Input{Path: f.Name, Data: data})
	}
	var progress []corpus.Progress
	_, err = corpus.AddInputs(ctx, st, inputs, corpus.AddOptions{
		Options:  corpus.Options{Check: true, Unit: stated.Unit, Period: stated.Period},
		Progress: func(p corpus.Progress) { progress = append(progress, p) },
	})
	if err != nil {
		return nil, storeError(err)
	}
	for _, p := range progress {
		idx := pending[p.Path]
		if len(idx) == 0 {
			continue
		}
		i := idx[0]
		pending[p.Path] = idx[1:]
		out[i].Notices = p.Notices
		if p.Err != nil {
			out[i].Err = fileError(p.Path, p.Err)
			continue
		}
		versions := map[int64]bool{}
		for _, v := range p.Versions {
			versions[v.Report] = true
		}
		for _, sr := range p.Stored {
			if sr.ID == 0 {
				// Held by a report the user may not see (scope.go): stored
				// already, and nothing more to say of it.
				out[i].Reports = append(out[i].Reports, AddedReport{Status: "stored"})
				continue
			}
			r, err := st.Get(ctx, sr.ID)
			if errors.Is(err, store.ErrNotFound) {
				// Held by a report that is not to be read: one in the
				// trash (the text of one of its versions) or gone since.
				// Stored already, as for a report the user may not see;
				// of one in the trash the user is told.
				out[i].Reports = append(out[i].Reports, AddedReport{Status: "stored"})
				if pl, err := st.Placements(ctx, []int64{sr.ID}); err == nil && pl[sr.ID].Trashed {
					out[i].Notices = append(out[i].Notices, fmt.Sprintf("此文本已在回收站中的报告 %d 里，未另行保存；如需要，请到回收站恢复该报告。", sr.ID))
				}
				continue
			}
			if err != nil {
				return nil, storeError(err)
			}
			ar := AddedReport{Status: "stored", Summary: r.Summary(), Counts: countFindings(r.Findings)}
			switch {
			case sr.Added && versions[sr.ID]:
				ar.Status = "version"
			case sr.Added:
				ar.Status = "new"
			}
			out[i].Reports = append(out[i].Reports, ar)
		}
	}
	return out, nil
}

// countFindings counts stored findings (a JSON array of check
// diagnostics) by severity.
func countFindings(raw json.RawMessage) Counts {
	var ds []check.Diagnostic
	if len(raw) == 0 || json.Unmarshal(raw, &ds) != nil {
		return Counts{}
	}
	return countDiagnostics(ds)
}

// countDiagnostics counts diagnostics by severity.
func countDiagnostics(ds []check.Diagnostic) Counts {
	var c Counts
	for _, d := range ds {
		switch d.Severity {
		case check.Error:
			c.Errors++
		case check.Warning:
			c.Warnings++
		default:
			c.Infos++
		}
		for _, f := range d.Fixes {
			if f.Certain {
				c.Fixable++
				break
			}
		}
	}
	return c
}

// fileError is the failure of one file: a reader's refusal (its code,
// Unreadable, and its message naming the file, as the command line
// prints it), or another failure named by the file.
func fileError(name string, err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var re *reader.Error
	msg := name + "：" + ErrorMessage(err)
	if errors.As(err, &re) && re.Path != "" {
		msg = re.Error()
	}
	return &Error{Code: ErrorCode(err), Message: msg, Err: err}
}

// storeError is a failure of the store: internal, unless ctx ended, the
// scoped view refused (Forbidden: a report the user may read but not
// change) or the database cannot be written (ReadOnly, Full).
func storeError(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if f := faultError(err); f != nil {
		return f
	}
	if c := ErrorCode(err); c == Canceled {
		return &Error{Code: Canceled, Message: ErrorMessage(err), Err: err}
	}
	return &Error{Code: Internal, Message: "数据库出错：" + err.Error(), Err: err}
}

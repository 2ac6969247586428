package app

// UploadResult is what became of the files of an upload, in their order:
// the JSON API's answer to POST /api/v1/reports (docs/api.md).
type UploadResult struct {
	Files []AddedJSON `json:"files"`
}

// AddedJSON is what became of one file: the reports it held as stored
// (each new, a new version of a stored report, or stored already) with
// the count of their findings, what the user should know, or why it
// could not be added.
type AddedJSON struct {
	Path    string            `json:"path"`
	Reports []AddedReportJSON `json:"reports"`
	Notices []string          `json:"notices"`
	Error   *ErrorJSON        `json:"error,omitempty"`
}

// AddedReportJSON is one report of an added file.
type AddedReportJSON struct {
	Status string `json:"status"` // new, version or stored
	// Report is absent when the report that holds the text is not one
	// to show: another unit's, or in the trash (status stored).
	Report   *Summary `json:"report,omitempty"`
	Findings Counts   `json:"findings"`
}

// ErrorJSON is a failure as the JSON API gives it: its stable code and
// its Chinese message.
type ErrorJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// UploadJSON returns the JSON form of what became of uploaded files.
func UploadJSON(added []Added) UploadResult {
	out := UploadResult{Files: make([]AddedJSON, 0, len(added))}
	for _, a := range added {
		j := AddedJSON{Path: a.Name, Reports: []AddedReportJSON{}, Notices: a.Notices}
		if j.Notices == nil {
			j.Notices = []string{}
		}
		if a.Err != nil {
			j.Error = &ErrorJSON{Code: string(a.Err.Code), Message: a.Err.Message}
		}
		for _, r := range a.Reports {
			rj := AddedReportJSON{Status: r.Status, Findings: r.Counts}
			if r.ID != 0 {
				sum := SummaryOf(r.Summary)
				rj.Report = &sum
			}
			j.Reports = append(j.Reports, rj)
		}
		out.Files = append(out.Files, j)
	}
	return out
}

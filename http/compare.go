package http

import (
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"zongjie/app"
	"zongjie/reader"
	"zongjie/store"
)

// compareLimit is the largest compare request: two files of up to
// reader.MaxSize.
const compareLimit = 2*reader.MaxSize + 1<<20

// registerCompareRoutes serves the compare page and a report's similar
// list.
func (s *Server) registerCompareRoutes() {
	s.handle("GET /compare", s.handleCompare, analysis())
	s.handle("POST /compare", s.handleCompareFiles, bodyLimit(compareLimit), analysis())
	s.handle("GET /reports/{id}/similar", s.handleSimilar, analysis())
}

// comparePage is the data of the compare page: the form alone, or two
// reports compared.
type comparePage struct {
	A, B     string // the IDs as given, for the form
	Compared *app.Compared
	// LabelA and LabelB name the two sides: a stored report's number and
	// title, or a file's name.
	LabelA, LabelB string
	// LinkA and LinkB are the stored reports' pages, "" for a file.
	LinkA, LinkB string
	// Shown is the comparison laid out: the only one, or the pair of
	// reports that share most when a file holds several.
	Shown     *app.Comparison
	ShownPair int // the index in Compared.Pairs.Pairs of Shown, -1 for the whole
	Rows      []compareRow
	Kinds     []kindCount
}

// handleCompare shows the compare form, or compares two stored reports:
// /compare?a=ID&b=ID.
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := comparePage{A: strings.TrimSpace(q.Get("a")), B: strings.TrimSpace(q.Get("b"))}
	if p.A == "" && p.B == "" {
		return s.render(w, r, http.StatusOK, "compare", p)
	}
	a, err := compareID(p.A, "甲方")
	if err != nil {
		return err
	}
	b, err := compareID(p.B, "乙方")
	if err != nil {
		return err
	}
	c, err := s.app.Compare(r.Context(), app.Stored(a), app.Stored(b))
	if err != nil {
		return err
	}
	p.Compared = c
	p.layout()
	return s.render(w, r, http.StatusOK, "compare", p)
}

// compareID reads the ID of one side of a comparison.
func compareID(v, side string) (int64, error) {
	if v == "" {
		return 0, app.Errorf(app.Invalid, "请填写%s的报告编号。", side)
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, app.Errorf(app.Invalid, "%s的报告编号 %q 应为正整数。", side, v)
	}
	return id, nil
}

// handleCompareFiles compares two uploaded files: the parts "a" and "b"
// of a multipart form.
func (s *Server) handleCompareFiles(w http.ResponseWriter, r *http.Request) error {
	fa, fb, err := filePair(r, "比对", "甲方", "乙方")
	if err != nil {
		return err
	}
	c, err := s.app.Compare(r.Context(), app.File(fa), app.File(fb))
	if err != nil {
		return err
	}
	p := comparePage{Compared: c}
	p.layout()
	return s.render(w, r, http.StatusOK, "compare", p)
}

// filePair reads two uploaded files, the parts "a" and "b" of a
// multipart form, as uploads are read (reader.Load from the stream); the
// other parts are skipped. what names the operation in the messages,
// nameA and nameB the two sides.
func filePair(r *http.Request, what, nameA, nameB string) (a, b app.Input, err error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return a, b, app.Errorf(app.Invalid, "%s上传的文件应使用 multipart/form-data 表单。", what)
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return a, b, formError(err)
	}
	files := map[string]app.Input{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return a, b, formError(err)
		}
		side := part.FormName()
		if side != "a" && side != "b" {
			part.Close()
			continue
		}
		name := uploadName(part)
		if name == "" {
			part.Close()
			continue
		}
		data, err := reader.Load(name, part)
		if err != nil {
			return a, b, err // over the request's limit, or the reader's: too large
		}
		files[side] = app.Input{Name: name, Data: data}
		part.Close()
	}
	fa, okA := files["a"]
	fb, okB := files["b"]
	if !okA || !okB {
		return a, b, app.Errorf(app.Invalid, "请选择两个文件：%s和%s各一个。", nameA, nameB)
	}
	return fa, fb, nil
}

// layout names the sides and lays out the comparison to show.
func (p *comparePage) layout() {
	c := p.Compared
	p.LabelA, p.LinkA = sideLabel(c.Pairs.A, c.StoredA)
	p.LabelB, p.LinkB = sideLabel(c.Pairs.B, c.StoredB)
	p.ShownPair = -1
	p.Shown = c.Whole
	if p.Shown == nil {
		best := -1.0
		for i := range c.Pairs.Pairs {
			pr := &c.Pairs.Pairs[i]
			if s := max(pr.A.Reuse, pr.B.Reuse); s > best {
				best, p.ShownPair, p.Shown = s, i, &pr.Comparison
			}
		}
	}
	if p.Shown != nil {
		p.Rows, p.Kinds = compareView(p.Shown)
	}
}

// sideLabel names a side: "#ID 标题" with a link for a stored report, the
// file's name otherwise.
func sideLabel(label string, s *store.Summary) (string, string) {
	if s == nil {
		return label, ""
	}
	title := s.Title
	if title == "" {
		title = "（无标题）"
	}
	return "#" + strconv.FormatInt(s.ID, 10) + " " + title, "/reports/" + strconv.FormatInt(s.ID, 10)
}

// similarPage is the data of a report's similar list.
type similarPage struct {
	ID      int64
	Similar []app.Match
}

// similarTop is how many similar reports the list shows.
const similarTop = 10

// handleSimilar lists the stored reports that share most text with a
// stored report, each with a link to compare the two: the page, or its
// list alone for an htmx request (the report page's).
func (s *Server) handleSimilar(w http.ResponseWriter, r *http.Request) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	res, err := s.app.Similar(r.Context(), app.Stored(id), similarTop)
	if err != nil {
		return err
	}
	p := similarPage{ID: id, Similar: []app.Match{}}
	if len(res.Parts) > 0 {
		p.Similar = res.Parts[0].Similar
	}
	if r.Header.Get("HX-Request") == "true" {
		return s.renderBlock(w, r, http.StatusOK, "similar", "list", p)
	}
	return s.render(w, r, http.StatusOK, "similar", p)
}

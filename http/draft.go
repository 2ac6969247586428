package http

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"zongjie/app"
	"zongjie/store"
	"zongjie/track"
)

// draftLimit is the largest draft request: the form and a data CSV.
const draftLimit = 2 << 20

// maxDataCSV is the largest data CSV a draft takes.
const maxDataCSV = 1 << 20

// The media type of a .docx.
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// registerDraftRoutes serves the draft page: the form, and a draft
// previewed or downloaded. The form posts to POST /draft, which sends
// the browser on to the preview, a GET of the form's fields (POST →
// redirect → GET): reloading the preview drafts again without posting
// again, and its address holds nothing but the form's choices (a data
// CSV by a key of draftData, never the CSRF token).
func (s *Server) registerDraftRoutes() {
	s.handle("GET /draft", s.handleDraftForm, analysis())
	s.handle("POST /draft", s.handleDraft, bodyLimit(draftLimit), analysis())
}

// draftData keeps the data CSVs posted to the draft form for the preview
// that the browser is sent on to: by a key of their text, for the user
// who posted them, an hour at most, draftDataMax of them at most (the
// oldest given up first). A preview whose CSV is no longer kept says so.
type draftData struct {
	mu sync.Mutex
	m  map[string]draftDataEntry
}

type draftDataEntry struct {
	user       int64
	name, text string
	at         time.Time
}

const (
	draftDataMax = 64
	draftDataTTL = time.Hour
)

// put keeps a data CSV for user and returns its key.
func (d *draftData) put(user int64, name, text string) string {
	sum := sha256.Sum256([]byte(strconv.FormatInt(user, 10) + "\x00" + name + "\x00" + text))
	key := hex.EncodeToString(sum[:16])
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.m == nil {
		d.m = map[string]draftDataEntry{}
	}
	now := time.Now()
	for k, e := range d.m {
		if now.Sub(e.at) > draftDataTTL {
			delete(d.m, k)
		}
	}
	if _, ok := d.m[key]; !ok && len(d.m) >= draftDataMax {
		oldest := ""
		for k, e := range d.m {
			if oldest == "" || e.at.Before(d.m[oldest].at) {
				oldest = k
			}
		}
		delete(d.m, oldest)
	}
	d.m[key] = draftDataEntry{user: user, name: name, text: text, at: now}
	return key
}

// get returns the data CSV of key kept for user.
func (d *draftData) get(user int64, key string) (name, text string, ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	e, ok := d.m[key]
	if !ok || e.user != user || time.Since(e.at) > draftDataTTL {
		return "", "", false
	}
	return e.name, e.text, true
}

// draftForm is what the draft form was given, to show it again and to
// post it again for a download.
type draftForm struct {
	From     string // the last report's ID
	Source   string // actual, data or none
	Actual   string // the later report's ID
	DataName string // the data CSV's name
	DataText string // the data CSV's text, kept in the page for the downloads
	Unit     string
	Period   string
}

// draftPage is the data of the draft page.
type draftPage struct {
	Form    draftForm
	Choices []draftGroup // the stored reports, by unit, for the selects
	Drafted *app.Drafted
	Blocks  []draftBlock // the draft laid out, placeholders marked
	Counts  []statusCount
	Track   string // the tracking of the last report against the later one, stored
}

// draftGroup is a unit's stored reports, for a select's optgroup.
type draftGroup struct {
	Unit    string
	Reports []app.Summary
}

// draftBlock is a paragraph of the draft: a heading of a level, or body
// text, cut into runs with the placeholders marked.
type draftBlock struct {
	Level int
	Runs  []compareSeg // Kind "ph" for a placeholder
}

// handleDraftForm shows the draft form; ?from=ID chooses the last
// report. With ?source= too it is the preview of the form's draft (see
// draftQuery), where POST /draft sends the browser.
func (s *Server) handleDraftForm(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if q.Has("source") {
		f, err := s.draftFromQuery(r, q)
		if err != nil {
			return err
		}
		return s.draftPreview(w, r, f)
	}
	p := draftPage{Form: draftForm{From: strings.TrimSpace(q.Get("from")), Source: "none"}}
	if p.Form.From != "" {
		if _, err := compareID(p.Form.From, "上期报告"); err != nil {
			return err
		}
	}
	var err error
	if p.Choices, err = s.draftChoices(r); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "draft", p)
}

// draftChoices lists the stored reports by unit (units by name, reports
// not known last), each unit's in time order.
func (s *Server) draftChoices(r *http.Request) ([]draftGroup, error) {
	list, err := s.app.List(r.Context(), store.Filter{})
	if err != nil {
		return nil, err
	}
	byUnit := map[string][]app.Summary{}
	for _, rep := range list.Reports {
		byUnit[rep.Unit] = append(byUnit[rep.Unit], rep)
	}
	out := make([]draftGroup, 0, len(byUnit))
	for u, rs := range byUnit {
		out = append(out, draftGroup{Unit: u, Reports: rs})
	}
	slices.SortFunc(out, func(a, b draftGroup) int {
		if (a.Unit == "") != (b.Unit == "") {
			return cmp.Compare(b.Unit, a.Unit) // "" last
		}
		return cmp.Compare(a.Unit, b.Unit)
	})
	return out, nil
}

// handleDraft drafts from the form (multipart, with a data CSV, or
// urlencoded, its text in data_text): the draft as a .docx (format=docx)
// or in Markdown (format=md), or, format empty, the browser sent on to
// the preview (303 See Other to GET /draft with draftQuery).
func (s *Server) handleDraft(w http.ResponseWriter, r *http.Request) error {
	f, format, err := readDraftForm(r)
	if err != nil {
		return err
	}
	req, err := f.request()
	if err != nil {
		return err
	}
	if format == "" {
		http.Redirect(w, r, "/draft?"+s.draftQuery(r, f).Encode(), http.StatusSeeOther)
		return nil
	}
	d, err := s.app.Draft(r.Context(), req)
	if err != nil {
		return err
	}
	dl, err := draftFile(d, format)
	if err != nil {
		return err
	}
	return writeDownload(w, dl)
}

// draftQuery is the address of the preview of f: its fields, the data
// CSV by its key in s.drafts.
func (s *Server) draftQuery(r *http.Request, f draftForm) url.Values {
	q := url.Values{"from": {f.From}, "source": {f.Source}}
	for k, v := range map[string]string{"actual": f.Actual, "unit": f.Unit, "period": f.Period} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if f.Source == "data" {
		q.Set("data", s.drafts.put(currentUser(r).ID, f.DataName, f.DataText))
	}
	return q
}

// draftFromQuery reads the form of a preview's address (draftQuery).
func (s *Server) draftFromQuery(r *http.Request, q url.Values) (draftForm, error) {
	f := draftForm{From: strings.TrimSpace(q.Get("from")), Source: q.Get("source"), Actual: strings.TrimSpace(q.Get("actual")),
		Unit: q.Get("unit"), Period: q.Get("period")}
	if f.Source == "data" {
		name, text, ok := s.drafts.get(currentUser(r).ID, q.Get("data"))
		if !ok {
			return f, app.Errorf(app.NotFound, "这次起草所用的本期数据已不在服务器上（超过 1 小时，或服务已重启）。请回到起草页重新选择数据文件。")
		}
		f.DataName, f.DataText = name, text
	}
	return f, nil
}

// draftPreview shows the draft of f under the form.
func (s *Server) draftPreview(w http.ResponseWriter, r *http.Request, f draftForm) error {
	req, err := f.request()
	if err != nil {
		return err
	}
	d, err := s.app.Draft(r.Context(), req)
	if err != nil {
		return err
	}
	p := draftPage{Form: f, Drafted: d, Blocks: layoutDraft(d)}
	if p.Choices, err = s.draftChoices(r); err != nil {
		return err
	}
	if o := d.Outcome; o != nil {
		for _, st := range trackStatuses[:4] {
			p.Counts = append(p.Counts, statusCount{Status: st.Status, Words: st.Words, Count: o.Count(track.Status(st.Status))})
		}
		p.Counts = append(p.Counts, statusCount{Status: statusNotDue, Words: statusWords(statusNotDue), Count: len(o.NotDue)})
		if f.Source == "actual" {
			p.Track = "/track?a=" + f.From + "&b=" + f.Actual
		}
	}
	return s.render(w, r, http.StatusOK, "draft", p)
}

// readDraftForm reads the draft form: a multipart form (the data CSV a
// file) or an urlencoded one (its text in data_text), and the format
// asked for.
func readDraftForm(r *http.Request) (draftForm, string, error) {
	var f draftForm
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(draftLimit); err != nil {
			return f, "", formError(err)
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return f, "", formError(err)
		}
	default:
		return f, "", app.Errorf(app.Invalid, "起草表单应为 multipart/form-data 或 application/x-www-form-urlencoded。")
	}
	v := r.PostFormValue
	f = draftForm{From: strings.TrimSpace(v("from")), Source: v("source"), Actual: strings.TrimSpace(v("actual")),
		DataName: strings.TrimSpace(v("data_name")), DataText: v("data_text"), Unit: v("unit"), Period: v("period")}
	if f.Source == "" {
		f.Source = "none"
	}
	if r.MultipartForm != nil {
		if fhs := r.MultipartForm.File["data"]; len(fhs) > 0 && fhs[0].Size > 0 {
			fh := fhs[0]
			if fh.Size > maxDataCSV {
				return f, "", app.Errorf(app.TooLarge, "数据文件 %s 过大（最多 %d KB）", fh.Filename, maxDataCSV>>10)
			}
			file, err := fh.Open()
			if err != nil {
				return f, "", formError(err)
			}
			data, err := io.ReadAll(file)
			file.Close()
			if err != nil {
				return f, "", formError(err)
			}
			f.DataName, f.DataText = fh.Filename, string(data)
		}
	}
	if len(f.DataText) > maxDataCSV {
		return f, "", app.Errorf(app.TooLarge, "数据过大（最多 %d KB）", maxDataCSV>>10)
	}
	format := v("format")
	switch format {
	case "", "docx", "md":
	default:
		return f, "", app.Errorf(app.Invalid, "下载格式 %q 无法识别（可选：docx、md）", format)
	}
	return f, format, nil
}

// request turns the form into the draft operation's request.
func (f draftForm) request() (app.DraftRequest, error) {
	var req app.DraftRequest
	from, err := compareID(f.From, "上期报告")
	if err != nil {
		return req, err
	}
	o, err := stated(f.Unit, f.Period)
	if err != nil {
		return req, err
	}
	req = app.DraftRequest{From: app.Stored(from), Unit: o.Unit, Period: o.Period}
	switch f.Source {
	case "actual":
		id, err := compareID(f.Actual, "本期报告")
		if err != nil {
			return req, err
		}
		ref := app.Stored(id)
		req.Actual = &ref
	case "data":
		if strings.TrimSpace(f.DataText) == "" {
			return req, app.Errorf(app.Invalid, "请选择本期数据的 CSV 文件（每行“指标,数值[,单位]”）。")
		}
		name := f.DataName
		if name == "" {
			name = "数据.csv"
		}
		if err := checkName(name); err != nil {
			return req, err
		}
		req.Data = &app.Input{Name: name, Data: []byte(f.DataText)}
	case "none":
	default:
		return req, app.Errorf(app.Invalid, "完成情况的来源 %q 无法识别（可选：actual、data、none）", f.Source)
	}
	return req, nil
}

// placeholder matches what a draft leaves to fill in: 【待补充：…】, xx.
var placeholder = regexp.MustCompile(`【[^】]*】|[xX×]{2,}|\*{2,}`)

// layoutDraft cuts the draft's paragraphs into runs, the placeholders
// marked.
func layoutDraft(d *app.Drafted) []draftBlock {
	out := make([]draftBlock, 0, len(d.Doc.Blocks))
	for _, b := range d.Doc.Blocks {
		db := draftBlock{Level: b.Level}
		text, pos := b.Text, 0
		for _, m := range placeholder.FindAllStringIndex(text, -1) {
			if m[0] > pos {
				db.Runs = append(db.Runs, compareSeg{Text: text[pos:m[0]]})
			}
			db.Runs = append(db.Runs, compareSeg{Text: text[m[0]:m[1]], Kind: "ph"})
			pos = m[1]
		}
		if pos < len(text) {
			db.Runs = append(db.Runs, compareSeg{Text: text[pos:]})
		}
		out = append(out, db)
	}
	return out
}

// draftFile is the draft as a file to download: "docx" (GB/T 9704) or
// Markdown.
func draftFile(d *app.Drafted, format string) (app.Download, error) {
	if format == "docx" {
		data, err := d.Docx()
		return app.Download{Name: d.FileName(".docx"), Type: docxType, Data: data}, err
	}
	data, err := d.Markdown()
	return app.Download{Name: d.FileName(".md"), Type: "text/markdown; charset=utf-8", Data: data}, err
}

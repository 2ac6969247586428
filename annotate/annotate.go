// Package annotate writes the findings of a check into a copy of the
// checked .docx as Word comments (批注), each anchored on the text it is
// about, the way editors mark up a report in Word or WPS.
//
// The copy is made by splicing: every zip entry is copied as stored except
// the main document part, the comments part, the main part's
// relationships and [Content_Types].xml, and in those nothing is rewritten,
// only inserted, so formatting, namespaces, mc:Ignorable and elements this
// package does not know survive byte for byte.
//
// Where a diagnostic goes in the XML is known from the reader itself:
// reader.ReadSource records, while it walks the main document part, which
// character or element of the XML each character of the text was read
// from, with the paragraphs, runs and texts around them (package
// docxsrc). Numbering markers the reader generated are not in the XML: a
// span starting in one starts at the paragraph's first real character.
package annotate

import (
	"bytes"
	"errors"
	"path"
	"strconv"
	"strings"
	"time"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/docxsrc"
	"zongjie/internal/opc"
	"zongjie/reader"
)

// Annotator holds the attributes of the comments it writes.
type Annotator struct {
	Author   string    // w:author; "zongjie" when empty
	Initials string    // w:initials; "ZJ" when empty
	Date     time.Time // w:date; the current time when zero
}

// Result says what became of the diagnostics given to Docx.
type Result struct {
	// Exact counts the comments anchored on their diagnostic's span.
	Exact int
	// Approx lists (as indexes into the diagnostics) the comments anchored
	// on an empty range at the start of the nearest known paragraph,
	// because their span is not in the body text: text boxes, numbering
	// markers, spans the XML does not match. Their comment quotes the text.
	Approx []int
	// Skipped lists the diagnostics left out: spans in footnotes and
	// endnotes, and spans that are not in the text at all.
	Skipped []int
}

// Placed returns the number of comments written.
func (r Result) Placed() int { return r.Exact + len(r.Approx) }

// Docx returns a copy of the .docx in src with a comment for each
// diagnostic, by author, dated now; f must be the File reader.Read made of
// src and ds diagnostics on it. The Result says which diagnostics could
// not be placed on their span. With nothing to place, the copy is src.
func Docx(src []byte, f *document.File, ds []check.Diagnostic, author string) ([]byte, Result, error) {
	return Annotator{Author: author}.Docx(src, f, ds)
}

// Docx is like the package's Docx, with the comment attributes of a.
func (a Annotator) Docx(src []byte, f *document.File, ds []check.Diagnostic) ([]byte, Result, error) {
	var res Result
	if f == nil || f.Format != document.FormatDocx {
		return nil, res, errors.New("annotate: the file was not read from a .docx")
	}
	if len(src) > reader.MaxSize {
		return nil, res, errors.New("annotate: file too large")
	}
	g, source, err := reader.ReadSource(f.Path, src)
	if err != nil {
		return nil, res, err
	}
	if g.Text != f.Text {
		return nil, res, errors.New("annotate: the file was not read from these bytes")
	}
	return a.write(src, g, source, ds)
}

// write annotates src, read as f with source.
func (a Annotator) write(src []byte, f *document.File, source *docxsrc.Source, ds []check.Diagnostic) ([]byte, Result, error) {
	var res Result
	p, err := openPkg(src)
	if err != nil {
		return nil, res, err
	}
	if !p.has(source.Part) {
		return nil, res, errors.New("annotate: the .docx has no main document part")
	}
	loc := &locator{f: f, src: source}
	var cs []placed
	var which []int // index in ds of each placed comment
	for i, d := range ds {
		an, ok := loc.locate(d.Span)
		switch {
		case !ok:
			res.Skipped = append(res.Skipped, i)
			continue
		case an.exact:
			res.Exact++
		default:
			res.Approx = append(res.Approx, i)
		}
		cs = append(cs, placed{anchor: an})
		which = append(which, i)
	}
	if len(cs) == 0 {
		return bytes.Clone(src), res, nil
	}
	e := &editor{a: a.withDefaults(), p: p, f: f, ds: ds, mainKey: source.Part, src: source}
	out, err := e.write(cs, which)
	if err != nil {
		return nil, res, err
	}
	return out, res, nil
}

// withDefaults fills in the attributes left empty.
func (a Annotator) withDefaults() Annotator {
	if a.Author == "" {
		a.Author = "zongjie"
	}
	if a.Initials == "" {
		a.Initials = "ZJ"
	}
	if a.Date.IsZero() {
		a.Date = time.Now()
	}
	return a
}

// editor makes the changed and added parts of one annotated copy.
type editor struct {
	a       Annotator
	p       *pkg
	f       *document.File
	ds      []check.Diagnostic
	mainKey string
	src     *docxsrc.Source
	changed map[string][]byte
	added   []newPart
}

// write returns the annotated package with comments cs, made for the
// diagnostics ds[which[k]].
func (e *editor) write(cs []placed, which []int) ([]byte, error) {
	e.changed = map[string][]byte{}
	mainName := strings.TrimPrefix(e.p.files[e.mainKey].Name, "/")
	dir := path.Dir(mainName)
	relsName := path.Join(dir, "_rels", path.Base(mainName)+".rels")
	var rels relsInfo
	var relsRoot root
	var relsData []byte
	if e.p.has(opc.PartKey(relsName)) {
		var err error
		if relsData, err = e.p.read(opc.PartKey(relsName)); err != nil {
			return nil, err
		}
		if rels, relsRoot, err = readRels(relsName, relsData, path.Dir(opc.PartKey(mainName))); err != nil {
			return nil, err
		}
	}
	existing := existingComments{maxID: -1}
	var commentsData []byte
	if e.p.has(rels.comments) {
		var err error
		if commentsData, err = e.p.read(rels.comments); err != nil {
			return nil, err
		}
		if existing, err = readComments(rels.comments, commentsData); err != nil {
			return nil, err
		}
	}
	next := max(e.src.MaxID, existing.maxID) + 1
	for k := range cs {
		cs[k].id = next + int64(k)
	}
	space := docNamespace(e.src)
	n := ns{prefix: "w:"}
	if commentsData != nil {
		n = rootNS(existing.rt, existing.space)
	}
	meta := commentMeta{author: e.a.Author, initials: e.a.Initials, date: e.a.Date.UTC().Format("2006-01-02T15:04:05Z")}
	var b strings.Builder
	for k, c := range cs {
		renderComment(&b, n, meta, c.id, commentParas(e.f, e.ds[which[k]], c.anchor.exact))
	}
	e.changed[e.mainKey] = spliceDocument(e.src, cs)
	commentsName := rels.comments
	if commentsData != nil {
		e.changed[rels.comments] = appendChildren(commentsData, existing.rt, b.String())
	} else {
		if commentsName == "" {
			commentsName = e.freeName(dir)
			e.relate(relsName, relsData, relsRoot, rels, path.Base(commentsName), space)
		}
		e.added = append(e.added, newPart{name: commentsName, data: newCommentsPart(space, b.String())})
	}
	if err := e.contentType(commentsName); err != nil {
		return nil, err
	}
	return e.p.write(e.changed, e.added, e.a.Date)
}

// freeName returns a name for a new comments part in dir that no entry
// uses.
func (e *editor) freeName(dir string) string {
	for k := 0; ; k++ {
		base := "comments.xml"
		if k > 0 {
			base = "comments" + strconv.Itoa(k) + ".xml"
		}
		if name := path.Join(dir, base); !e.p.has(opc.PartKey(name)) {
			return name
		}
	}
}

// relate adds the relationship from the main part to the comments part
// target, creating the relationships part if there is none.
func (e *editor) relate(relsName string, relsData []byte, rt root, rels relsInfo, target, space string) {
	typ := commentsRelType
	if space == wStrict {
		typ = strictRelType
	}
	id := newRelID(rels.ids)
	if relsData == nil {
		e.added = append(e.added, newPart{name: relsName, data: newRels(id, typ, target)})
		return
	}
	e.changed[opc.PartKey(relsName)] = appendChildren(relsData, rt, relationship(rt.name, id, typ, target))
}

// contentType adds the override for the comments part to
// [Content_Types].xml when it lacks one.
func (e *editor) contentType(commentsName string) error {
	const key = "[content_types].xml"
	if !e.p.has(key) {
		return nil
	}
	data, err := e.p.read(key)
	if err != nil {
		return err
	}
	out, err := addContentType(data, "/"+strings.TrimPrefix(commentsName, "/"))
	if err != nil {
		return err
	}
	if !bytes.Equal(out, data) {
		e.changed[key] = out
	}
	return nil
}

// docNamespace returns the WordprocessingML namespace the document uses.
func docNamespace(src *docxsrc.Source) string {
	for _, p := range src.Paras {
		if strings.Contains(p.Space, "wordprocessingml") {
			return p.Space
		}
	}
	return wTransitional
}

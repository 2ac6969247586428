package reader

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"zongjie/document"
	"zongjie/internal/docxsrc"
	"zongjie/internal/opc"
)

// notDocxError says a zip file is not a Word document but another
// zip-based format (.xlsx, .pptx, .odt, a plain archive).
type notDocxError struct{ format format }

// Error names the format found; users see the *Error that readZip makes
// of it instead.
func (e *notDocxError) Error() string { return e.format.en + " is not a .docx" }

// Limits on what a .docx may make the reader do. A .docx is a zip of XML
// parts written by a program, but the reader also sees damaged and hostile
// files, so every quantity that could grow without bound is capped. They
// are variables only so that tests can lower them.
var (
	// docxMaxEntries caps the number of zip entries; a real .docx has a
	// few dozen, one with many images a few hundred.
	docxMaxEntries = 5000
	// docxMaxPartBytes caps the uncompressed size of any one part read.
	docxMaxPartBytes int64 = 64 << 20
	// docxMaxTotalBytes caps the uncompressed bytes read from all parts.
	docxMaxTotalBytes int64 = 128 << 20
	// docxMaxDepth caps XML element nesting; Word documents stay well
	// under 50 even with tables inside text boxes inside tables.
	docxMaxDepth = 256
	// docxMaxParagraphs caps the non-empty paragraphs (and table rows)
	// produced; the longest reports have a few thousand.
	docxMaxParagraphs = 200000
	// docxMaxTextBytes caps the size of the produced text.
	docxMaxTextBytes = 64 << 20
)

// readDocx reads a Word 2007+ document (.docx, .docm, .dotx): the visible
// text of the body with its automatic numbering, tables, text boxes and
// notes, one paragraph per line. A zip that is not a Word document gives a
// *notDocxError naming what it is instead.
//
// With record set it also returns where the text came from in the main
// document part (see ReadSource); else the source is nil.
func readDocx(path string, data []byte, record bool) (*document.File, *docxsrc.Source, error) {
	pkg, err := openDocx(path, data)
	if err != nil {
		return nil, nil, err
	}
	main, err := pkg.mainPart()
	if err != nil {
		return nil, nil, err
	}
	parts, err := pkg.relatedParts(main)
	if err != nil {
		return nil, nil, err
	}
	styles, err := pkg.readStyles(parts.styles)
	if err != nil {
		return nil, nil, err
	}
	numbering, err := pkg.readNumbering(parts.numbering)
	if err != nil {
		return nil, nil, err
	}
	shared := &docxShared{
		styles: styles,
		num:    newNumberer(numbering, styles),
		path:   path,
	}
	blocks, src, err := pkg.readStory(main, shared, document.Body, true, record)
	if err != nil {
		return nil, nil, err
	}
	for _, notes := range []string{parts.footnotes, parts.endnotes} {
		nb, _, err := pkg.readStory(notes, shared, document.Note, false, false)
		if err != nil {
			return nil, nil, err
		}
		blocks = append(blocks, nb...)
	}
	text, paras := assembleDocx(blocks)
	if src != nil {
		src.At = assembleSource(blocks, len(text))
	}
	return document.New(path, document.FormatDocx, "UTF-8", text, paras), src, nil
}

// docxPackage is an opened .docx zip: its entries by normalised name and
// the running total of bytes decompressed, checked against the caps.
type docxPackage struct {
	path  string
	files map[string]*zip.File
	total int64
}

// openDocx opens data as a zip and indexes its entries.
func openDocx(path string, data []byte) (*docxPackage, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, &Error{Path: path, Err: err, Reason: "不是有效的 .docx：文件已损坏或被截断",
			En: fmt.Sprintf("not a valid .docx: corrupt or truncated zip (%v)", err)}
	}
	if len(zr.File) > docxMaxEntries {
		return nil, errorf(path, nil, "文件异常：压缩包内有 %d 个条目（上限 %d），不是正常的 .docx",
			"abnormal file: %d zip entries (limit %d), not a normal .docx", len(zr.File), docxMaxEntries)
	}
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		name := opc.PartKey(f.Name)
		if _, dup := files[name]; !dup {
			files[name] = f
		}
	}
	return &docxPackage{path: path, files: files}, nil
}

// has reports whether the package holds the named part.
func (p *docxPackage) has(name string) bool {
	_, ok := p.files[name]
	return name != "" && ok
}

// read decompresses the named part, enforcing the per-part and total caps
// on the bytes actually produced (the sizes in the zip headers are not
// trusted).
func (p *docxPackage) read(name string) ([]byte, error) {
	f, ok := p.files[name]
	if !ok {
		return nil, errorf(p.path, nil, "文件已损坏：缺少 %s", "corrupt .docx: %s is missing", name)
	}
	if f.Flags&0x1 != 0 {
		return nil, errorf(p.path, nil, "文件已加密（%s），无法读取；请在 Word 或 WPS 中取消密码后另存为 .docx 再试",
			"encrypted zip entry %s: remove the password and save as .docx again", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &Error{Path: p.path, Err: err, Reason: "文件已损坏：无法解压 " + name,
			En: fmt.Sprintf("corrupt .docx: cannot decompress %s (%v)", name, err)}
	}
	defer rc.Close()
	limit := docxMaxPartBytes
	byTotal := false
	if remaining := docxMaxTotalBytes - p.total; remaining < limit {
		limit, byTotal = max(remaining, 0), true
	}
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	p.total += int64(len(data))
	if int64(len(data)) > limit {
		if byTotal {
			return nil, errorf(p.path, nil, "文件异常：解压后总大小超过 %d MB（可能是压缩炸弹）",
				"abnormal file: more than %d MiB uncompressed in total (possible zip bomb)", docxMaxTotalBytes>>20)
		}
		return nil, errorf(p.path, nil, "文件异常：%s 解压后超过 %d MB（可能是压缩炸弹）",
			"abnormal file: %s exceeds %d MiB uncompressed (possible zip bomb)", name, docxMaxPartBytes>>20)
	}
	if err != nil {
		return nil, &Error{Path: p.path, Err: err, Reason: "文件已损坏：无法解压 " + name,
			En: fmt.Sprintf("corrupt .docx: cannot decompress %s (%v)", name, err)}
	}
	return data, nil
}

// mainPart finds the main document part: the target of the package's
// officeDocument relationship, else word/document.xml. When there is none
// the zip is classified as another format, or reported as a damaged .docx.
func (p *docxPackage) mainPart() (string, error) {
	rels, err := p.readRels("_rels/.rels")
	if err != nil {
		return "", err
	}
	if t := rels["officeDocument"]; p.has(t) && !strings.HasPrefix(t, "xl/") && !strings.HasPrefix(t, "ppt/") {
		return t, nil
	}
	if p.has("word/document.xml") {
		return "word/document.xml", nil
	}
	return "", p.notDocx()
}

// notDocx says what a zip without a Word main part is: a spreadsheet, a
// presentation, an OpenDocument text, a damaged .docx, or just an archive.
func (p *docxPackage) notDocx() error {
	switch {
	case p.has("xl/workbook.xml"):
		return &notDocxError{format: formatSheet}
	case p.has("ppt/presentation.xml"):
		return &notDocxError{format: formatSlide}
	}
	if p.has("mimetype") {
		m, err := p.read("mimetype")
		if err != nil {
			return err
		}
		switch mt := strings.TrimSpace(string(m)); {
		case strings.HasPrefix(mt, "application/vnd.oasis.opendocument.text"):
			return &notDocxError{format: formatODT}
		case strings.HasPrefix(mt, "application/vnd.oasis.opendocument.spreadsheet"):
			return &notDocxError{format: formatSheet}
		case strings.HasPrefix(mt, "application/vnd.oasis.opendocument.presentation"):
			return &notDocxError{format: formatSlide}
		}
	}
	if p.has("[content_types].xml") {
		ct, err := p.read("[content_types].xml")
		if err != nil {
			return err
		}
		if bytes.Contains(ct, []byte("wordprocessingml")) {
			return errorf(p.path, nil, "文件已损坏：找不到正文部分（word/document.xml）",
				"corrupt .docx: the main document part (word/document.xml) is missing")
		}
	}
	return &notDocxError{format: formatZip}
}

// docxParts names the parts that accompany the main document; an empty
// name means the part is absent.
type docxParts struct {
	styles, numbering, footnotes, endnotes string
}

// relatedParts finds the styles, numbering and notes parts of the main
// document through its relationships, falling back to the usual names.
func (p *docxPackage) relatedParts(main string) (docxParts, error) {
	dir, base := path.Split(main)
	rels, err := p.readRels(dir + "_rels/" + base + ".rels")
	if err != nil {
		return docxParts{}, err
	}
	pick := func(kind, fallback string) string {
		if t := rels[kind]; p.has(t) {
			return t
		}
		if p.has(dir + fallback) {
			return dir + fallback
		}
		return ""
	}
	return docxParts{
		styles:    pick("styles", "styles.xml"),
		numbering: pick("numbering", "numbering.xml"),
		footnotes: pick("footnotes", "footnotes.xml"),
		endnotes:  pick("endnotes", "endnotes.xml"),
	}, nil
}

// readRels reads a relationships part and maps the last segment of each
// relationship type ("officeDocument", "styles"…) to the normalised name of
// its first internal target. A missing part gives an empty map.
func (p *docxPackage) readRels(name string) (map[string]string, error) {
	rels := map[string]string{}
	if !p.has(name) {
		return rels, nil
	}
	data, err := p.read(name)
	if err != nil {
		return nil, err
	}
	// The source part of "dir/_rels/x.rels" is "dir/x".
	sourceDir := path.Dir(path.Dir(name))
	h := &relsHandler{rels: rels, sourceDir: sourceDir}
	if err := p.parseXML(name, data, h); err != nil {
		return nil, err
	}
	return rels, nil
}

// relsHandler collects Relationship elements.
type relsHandler struct {
	rels      map[string]string
	sourceDir string
}

// start records the type and target of a Relationship element.
func (h *relsHandler) start(t xml.StartElement) error {
	if t.Name.Local != "Relationship" {
		return nil
	}
	var typ, target, mode string
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "Type":
			typ = a.Value
		case "Target":
			target = a.Value
		case "TargetMode":
			mode = a.Value
		}
	}
	if strings.EqualFold(mode, "External") {
		return nil
	}
	kind := typ[strings.LastIndexByte(typ, '/')+1:]
	if _, seen := h.rels[kind]; seen || kind == "" {
		return nil
	}
	if name := opc.ResolveTarget(h.sourceDir, target); name != "" {
		h.rels[kind] = name
	}
	return nil
}

// end ignores closing tags.
func (h *relsHandler) end(xml.EndElement) error { return nil }

// text ignores character data.
func (h *relsHandler) text(xml.CharData) error { return nil }

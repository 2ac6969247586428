// Package reader turns the bytes of an input file into a *document.File:
// it recognises the format, decodes the text (UTF-8, UTF-16 with a BOM,
// GBK/GB18030), normalises line endings to LF and splits paragraphs.
//
// Supported: plain text (.txt and unknown extensions whose content is text),
// Markdown (.md) and Word 2007+ (.docx). Everything else (old .doc, .wps,
// .pdf, images, spreadsheets…) is refused with an *Error that says, in
// Chinese and English, what the file is and what to do.
package reader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"zongjie/document"
	"zongjie/internal/safefile"
)

// MaxSize is the largest input accepted, in bytes. The longest real work
// reports are well under 1 MB; anything far larger is not a report, and
// refusing it early keeps memory bounded.
const MaxSize = 32 << 20

// Error is a reading failure that names the file and says why, in Chinese
// for users and in English for logs and bug reports.
type Error struct {
	Path   string
	Reason string // Chinese, for users
	En     string // English
	Err    error  // underlying error, if any
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s (%s)", e.Path, e.Reason, e.En)
}

func (e *Error) Unwrap() error { return e.Err }

// Message is what people read of e: the path and the reason in Chinese
// alone, without the English that Error adds for logs and programs.
func (e *Error) Message() string {
	if e.Path == "" {
		return e.Reason
	}
	return e.Path + ": " + e.Reason
}

func errorf(path string, err error, zh, en string, args ...any) *Error {
	return &Error{Path: path, Reason: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...), Err: err}
}

// ReadFile reads the named file; "-" reads standard input.
func ReadFile(path string) (*document.File, error) {
	data, err := LoadFile(path)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

// ReadFrom reads a whole file from r, under the name path.
func ReadFrom(path string, r io.Reader) (*document.File, error) {
	data, err := Load(path, r)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

// LoadFile returns the bytes of the named file ("-" is standard input),
// refusing directories and files larger than MaxSize with an *Error.
// Callers that write the file back keep the bytes; others use ReadFile.
func LoadFile(path string) ([]byte, error) {
	if path == "-" {
		return Load(path, os.Stdin)
	}
	fh, err := safefile.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil {
		if st.IsDir() {
			return nil, errorf(path, nil, "这是一个文件夹，不是文件", "is a directory")
		}
		if st.Size() > MaxSize {
			return nil, tooLarge(path, st.Size())
		}
	}
	return Load(path, fh)
}

// Load reads all of r, the file named path, up to MaxSize.
func Load(path string, r io.Reader) ([]byte, error) {
	return LoadSize(path, r, -1)
}

// LoadSize is Load for a reader expected to hold size bytes (an HTTP
// body's Content-Length; -1 when unknown): the bytes are read into one
// buffer of that size instead of one grown as they come. A reader that
// holds more or less is read all the same.
func LoadSize(path string, r io.Reader, size int64) ([]byte, error) {
	var data []byte
	var err error
	if size > 0 && size <= MaxSize {
		// Room for a read past the end to find it: bytes.Buffer reads
		// into no less than bytes.MinRead free bytes.
		b := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
		_, err = b.ReadFrom(io.LimitReader(r, MaxSize+1))
		data = b.Bytes()
	} else {
		data, err = io.ReadAll(io.LimitReader(r, MaxSize+1))
	}
	if err != nil {
		return nil, &Error{Path: path, Err: err, Reason: "读取失败：" + safefile.Reason(err), En: "read failed: " + err.Error()}
	}
	if len(data) > MaxSize {
		return nil, tooLarge(path, int64(len(data)))
	}
	return data, nil
}

func openError(path string, err error) *Error {
	var nr *safefile.NotRegularError
	switch {
	case errors.As(err, &nr):
		return &Error{Path: path, Err: err,
			Reason: "不是普通文件，而是" + safefile.Kind(nr.Mode) + "，不能读取（要读标准输入请用“-”）",
			En:     "not a regular file but a " + safefile.KindEn(nr.Mode)}
	case errors.Is(err, os.ErrNotExist):
		return errorf(path, err, "文件不存在", "no such file")
	case errors.Is(err, os.ErrPermission):
		return errorf(path, err, "没有读取权限", "permission denied")
	}
	return &Error{Path: path, Err: err, Reason: "无法打开：" + safefile.Reason(err), En: "cannot open: " + err.Error()}
}

func tooLarge(path string, size int64) *Error {
	mb := float64(size) / (1 << 20)
	if size > MaxSize {
		return errorf(path, ErrTooLarge, "文件过大（%.1f MB 以上），上限为 %d MB；工作报告通常小于 1 MB，请确认选对了文件",
			"file too large (over %.1f MB, limit %d MB)", mb, MaxSize>>20)
	}
	return errorf(path, ErrTooLarge, "文件过大", "file too large")
}

// ErrTooLarge is the cause of the *Error for an input over MaxSize
// (errors.Is finds it), so that callers can tell it from other refusals.
var ErrTooLarge = errors.New("reader: file too large")

// Read decodes data, the content of the file at path. The extension of path
// and the leading bytes of data decide the format.
func Read(path string, data []byte) (*document.File, error) {
	if len(data) > MaxSize {
		return nil, tooLarge(path, int64(len(data)))
	}
	f, err := read(path, data)
	if err != nil {
		return nil, err
	}
	if len(f.Paragraphs) == 0 {
		return nil, errorf(path, nil, "文件中没有文字（只有空白）", "no text in file (blank)")
	}
	return f, nil
}

// read dispatches on the format.
func read(path string, data []byte) (*document.File, error) {
	kind := sniff(data)
	ext := strings.ToLower(filepath.Ext(path))
	switch kind {
	case kindZip:
		return readZip(path, data)
	case kindText:
		if u, ok := unsupportedExt[ext]; ok {
			// Text behind the extension of a format we refuse (an HTML page,
			// a .doc that is really RTF): say what the extension promises.
			return nil, unsupported(path, u)
		}
		if ext == ".md" || ext == ".markdown" {
			return readMarkdown(path, data)
		}
		return readText(path, data)
	case kindOLE:
		if isEncrypted(data) {
			return nil, errorf(path, nil, "文件已加密（设置了打开密码），请在 Word 或 WPS 中取消密码后另存为 .docx 再试",
				"encrypted document: remove the password and save it as .docx")
		}
		return nil, unsupported(path, formatOLE)
	case kindEmpty:
		return nil, errorf(path, nil, "文件是空的", "file is empty")
	case kindBinary:
		if u, ok := unsupportedExt[ext]; ok {
			return nil, unsupported(path, u)
		}
		return nil, errorf(path, nil, "无法识别的二进制文件，不是文本或 .docx；请另存为 .docx 或 .txt（UTF-8）后再试",
			"unrecognised binary file: save it as .docx or UTF-8 .txt")
	default:
		return nil, unsupported(path, kinds[kind])
	}
}

// readZip handles the zip-based formats: .docx is read, the others refused.
func readZip(path string, data []byte) (*document.File, error) {
	f, _, err := readDocx(path, data, false)
	if err == nil {
		return f, nil
	}
	var notDocx *notDocxError
	if errors.As(err, &notDocx) {
		return nil, unsupported(path, notDocx.format)
	}
	return nil, err
}

// format describes an input format that is refused.
type format struct {
	zh, en             string // the format's name
	adviceZh, adviceEn string // what to do instead
}

func unsupported(path string, u format) *Error {
	return &Error{Path: path, Reason: "不支持" + u.zh + "格式；" + u.adviceZh, En: u.en + " is not supported: " + u.adviceEn}
}

const (
	adviceSave   = "请用 Word 或 WPS 打开后另存为 .docx（或 .txt）再试"
	adviceSaveEn = "open it in Word or WPS and save it as .docx or .txt"
	adviceText   = "请提供报告正文的 .docx 或 .txt"
	adviceTextEn = "provide the report text as .docx or .txt"
)

var (
	formatDoc   = format{" Word 97-2003（.doc）", "Word 97-2003 (.doc)", adviceSave, adviceSaveEn}
	formatWPS   = format{" WPS 文字（.wps）", "WPS (.wps)", adviceSave, adviceSaveEn}
	formatOLE   = format{"旧版 Office（OLE 复合文档）", "old Office (OLE compound file)", adviceSave, adviceSaveEn}
	formatPDF   = format{" PDF ", "PDF", "PDF 不保留段落与编号，请找到原始 Word 文件，或在 WPS/Word 中将 PDF 转为 .docx 后再试", "find the original Word file or convert the PDF to .docx"}
	formatOFD   = format{" OFD ", "OFD", adviceText, adviceTextEn}
	formatImage = format{"图片", "an image", "图片中的文字需要先识别（OCR），" + adviceText, "images need OCR first; " + adviceTextEn}
	formatRTF   = format{" RTF ", "RTF", adviceSave, adviceSaveEn}
	formatSheet = format{"电子表格", "a spreadsheet", adviceText, adviceTextEn}
	formatSlide = format{"演示文稿", "a presentation", adviceText, adviceTextEn}
	formatODT   = format{" OpenDocument（.odt）", "OpenDocument (.odt)", "请另存为 .docx 或 .txt 再试", "save it as .docx or .txt"}
	formatZip   = format{"压缩包", "an archive", "请先解压，再逐个读取其中的 .docx 或 .txt", "unpack it and read the .docx or .txt files inside"}
	formatHTML  = format{"网页（HTML）", "HTML", "请把正文复制到 .txt，或另存为 .docx 再试", "copy the text into a .txt or save it as .docx"}
	formatExe   = format{"可执行程序", "an executable", "这不是报告文件", "this is not a report"}
)

// unsupportedExt maps refused extensions to their format.
var unsupportedExt = map[string]format{
	".doc": formatDoc, ".dot": formatDoc, ".wps": formatWPS, ".wpt": formatWPS,
	".pdf": formatPDF, ".ofd": formatOFD,
	".png": formatImage, ".jpg": formatImage, ".jpeg": formatImage, ".gif": formatImage,
	".bmp": formatImage, ".tif": formatImage, ".tiff": formatImage, ".webp": formatImage, ".heic": formatImage,
	".rtf": formatRTF, ".xls": formatSheet, ".xlsx": formatSheet, ".et": formatSheet,
	".ppt": formatSlide, ".pptx": formatSlide, ".dps": formatSlide,
	".odt": formatODT, ".zip": formatZip, ".rar": formatZip, ".7z": formatZip,
	".htm": formatHTML, ".html": formatHTML, ".mht": formatHTML, ".exe": formatExe,
}

// sniffKind is what the leading bytes say a file is.
type sniffKind int

const (
	kindText sniffKind = iota
	kindEmpty
	kindBinary
	kindZip
	kindOLE
	kindPDF
	kindImage
	kindRTF
	kindHTML
	kindExe
	kindArchive
)

var kinds = map[sniffKind]format{
	kindOLE: formatOLE, kindPDF: formatPDF, kindImage: formatImage, kindRTF: formatRTF,
	kindHTML: formatHTML, kindExe: formatExe, kindArchive: formatZip,
}

var magics = []struct {
	prefix string
	kind   sniffKind
}{
	{"PK\x03\x04", kindZip},
	{"PK\x05\x06", kindZip}, // empty zip
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", kindOLE},
	{"%PDF", kindPDF},
	{"\x89PNG", kindImage},
	{"\xFF\xD8\xFF", kindImage},
	{"GIF8", kindImage},
	{"BM", kindImage}, // checked further below
	{"II*\x00", kindImage},
	{"MM\x00*", kindImage},
	{"{\\rtf", kindRTF},
	{"MZ", kindExe}, // checked further below
	{"\x7FELF", kindExe},
	{"Rar!", kindArchive},
	{"7z\xBC\xAF", kindArchive},
	{"\x1F\x8B", kindArchive},
}

// sniff classifies data by its leading bytes and, for text, by the absence
// of control bytes.
func sniff(data []byte) sniffKind {
	if len(data) == 0 {
		return kindEmpty
	}
	for _, m := range magics {
		if !bytes.HasPrefix(data, []byte(m.prefix)) {
			continue
		}
		switch m.prefix {
		case "BM", "MZ":
			// Two letters are also how a text may start; require binary
			// bytes to follow.
			if looksBinary(data) {
				return m.kind
			}
			continue
		}
		return m.kind
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return kindImage
	}
	if hasUTF16BOM(data) {
		return kindText
	}
	if looksBinary(data) {
		return kindBinary
	}
	head := bytes.ToLower(bytes.TrimLeft(trimBOM(data[:min(len(data), 512)]), " \t\r\n"))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
		return kindHTML
	}
	return kindText
}

// isEncrypted reports whether an OLE file is a password-protected Office
// document: those hold an "EncryptedPackage" stream, named in UTF-16.
func isEncrypted(data []byte) bool {
	name := []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
	return bytes.Contains(data, name)
}

// looksBinary reports whether the first 8 KB hold NUL bytes or many control
// bytes, which text in any of the supported encodings never has.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	ctl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' && b != 0x1A && b != 0x1B:
			ctl++
		}
	}
	return ctl > len(head)/100+2
}

package reader

import "zongjie/document"

// notDocxError says a zip file is not a Word document but another
// zip-based format (.xlsx, .pptx, .odt, a plain archive).
type notDocxError struct{ format format }

func (e *notDocxError) Error() string { return e.format.en + " is not a .docx" }

// readDocx reads a .docx file. STUB: replaced by the real reader.
func readDocx(path string, data []byte) (*document.File, error) {
	return nil, &notDocxError{format: formatZip}
}

package annotate

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"zongjie/internal/opc"
)

// Limits on what a .docx may make Docx do, the same as the reader's: a
// damaged or hostile file must not exhaust memory. Entries that are only
// copied are not decompressed and count against no size cap.
var (
	maxEntries          = 5000
	maxPartBytes  int64 = 64 << 20
	maxTotalBytes int64 = 128 << 20
)

// pkg is an opened .docx.
type pkg struct {
	zr    *zip.Reader
	files map[string]*zip.File // first entry of each part key
	total int64                // bytes decompressed so far
}

// openPkg opens src as a zip and indexes its entries.
func openPkg(src []byte) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, fmt.Errorf("not a valid .docx: %w", err)
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("abnormal .docx: %d zip entries (limit %d)", len(zr.File), maxEntries)
	}
	p := &pkg{zr: zr, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		if k := opc.PartKey(f.Name); p.files[k] == nil {
			p.files[k] = f
		}
	}
	return p, nil
}

// has reports whether the package holds the part.
func (p *pkg) has(key string) bool { return key != "" && p.files[key] != nil }

// read decompresses a part within the per-part and total caps.
func (p *pkg) read(key string) ([]byte, error) {
	f := p.files[key]
	if f == nil {
		return nil, fmt.Errorf("corrupt .docx: %s is missing", key)
	}
	if f.Flags&0x1 != 0 {
		return nil, fmt.Errorf("encrypted zip entry %s", f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("corrupt .docx: cannot decompress %s: %w", f.Name, err)
	}
	defer rc.Close()
	limit := min(maxPartBytes, max(maxTotalBytes-p.total, 0))
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	p.total += int64(len(data))
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("abnormal .docx: %s is too large uncompressed (possible zip bomb)", f.Name)
	}
	if err != nil {
		return nil, fmt.Errorf("corrupt .docx: cannot decompress %s: %w", f.Name, err)
	}
	return data, nil
}

// newPart is a part added to the package.
type newPart struct {
	name string
	data []byte
}

// write returns the package with the changed parts (by key) replaced and
// the added ones appended. Every other entry is copied as it is stored,
// compressed bytes included; replaced entries keep their place, name and
// compression method.
func (p *pkg) write(changed map[string][]byte, added []newPart, modified time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if p.zr.Comment != "" {
		if err := zw.SetComment(p.zr.Comment); err != nil {
			return nil, err
		}
	}
	for _, f := range p.zr.File {
		key := opc.PartKey(f.Name)
		data, ok := changed[key]
		if !ok || p.files[key] != f {
			if err := zw.Copy(f); err != nil {
				return nil, fmt.Errorf("copying %s: %w", f.Name, err)
			}
			continue
		}
		fh := &zip.FileHeader{Name: f.Name, Comment: f.Comment, Method: f.Method, Modified: f.Modified,
			CreatorVersion: f.CreatorVersion, ExternalAttrs: f.ExternalAttrs}
		if err := writeEntry(zw, fh, data); err != nil {
			return nil, err
		}
	}
	for _, np := range added {
		fh := &zip.FileHeader{Name: np.name, Method: zip.Deflate, Modified: modified}
		if err := writeEntry(zw, fh, np.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeEntry writes one entry.
func writeEntry(zw *zip.Writer, fh *zip.FileHeader, data []byte) error {
	w, err := zw.CreateHeader(fh)
	if err != nil {
		return fmt.Errorf("writing %s: %w", fh.Name, err)
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", fh.Name, err)
	}
	return nil
}

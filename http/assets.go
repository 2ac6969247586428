package http

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"zongjie/app"
)

// The static assets: our own CSS, JavaScript and images, and the vendored
// front-end libraries (vendor/, refreshed by refresh.sh and checked
// against vendor/SHA256SUMS by a test). Each is served at a URL holding a
// hash of its content, /assets/HASH/NAME, with a cache lifetime of a
// year: a changed file gets a new URL. Nothing is loaded from elsewhere.
//
//go:embed assets/css assets/js assets/img assets/vendor
var assetFS embed.FS

// assets are the embedded files by name ("css/app.css").
type assets struct {
	files map[string]*asset
}

// asset is one file with the hash of its content.
type asset struct {
	name  string
	hash  string // the first 16 hex digits of its SHA-256
	data  []byte
	ctype string

	gzOnce sync.Once
	gz     []byte // data gzipped, or nil when that saves little
}

// loadAssets hashes every embedded asset.
func loadAssets() (*assets, error) {
	a := &assets{files: map[string]*asset{}}
	err := fs.WalkDir(assetFS, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := assetFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "assets/")
		sum := sha256.Sum256(data)
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = "text/plain; charset=utf-8" // LICENSE, NOTICE, SHA256SUMS
		}
		a.files[name] = &asset{name: name, hash: hex.EncodeToString(sum[:8]), data: data, ctype: ctype}
		return nil
	})
	return a, err
}

// url returns the content-hashed URL of the asset name.
func (a *assets) url(name string) (string, error) {
	f, ok := a.files[name]
	if !ok {
		return "", fmt.Errorf("no asset %q", name)
	}
	return "/assets/" + f.hash + "/" + f.name, nil
}

// gzipped returns the asset gzipped, or nil when compression saves less
// than a tenth (images) — made on first use.
func (f *asset) gzipped() []byte {
	f.gzOnce.Do(func() {
		if len(f.data) < 1024 {
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(f.data)
		zw.Close()
		if buf.Len() < len(f.data)*9/10 {
			f.gz = buf.Bytes()
		}
	})
	return f.gz
}

// registerAssetRoutes serves the assets.
func (s *Server) registerAssetRoutes() {
	s.handle("GET /assets/{hash}/{name...}", s.handleAsset, public())
}

// handleAsset serves an asset under its hashed URL, cached for a year; a
// URL with another hash (a page from before the program was updated)
// is redirected to the current one.
func (s *Server) handleAsset(w http.ResponseWriter, r *http.Request) error {
	f, ok := s.assets.files[r.PathValue("name")]
	if !ok {
		return app.Errorf(app.NotFound, "没有这个文件：%s", r.URL.Path)
	}
	if r.PathValue("hash") != f.hash {
		u, _ := s.assets.url(f.name)
		http.Redirect(w, r, u, http.StatusFound)
		return nil
	}
	h := w.Header()
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("Content-Type", f.ctype)
	h.Set("ETag", `"`+f.hash+`"`)
	h.Set("Vary", "Accept-Encoding")
	if gz := f.gzipped(); gz != nil && acceptsGzip(r) && r.Header.Get("Range") == "" {
		if r.Header.Get("If-None-Match") == `"`+f.hash+`"` {
			w.WriteHeader(http.StatusNotModified)
			return nil
		}
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", fmt.Sprint(len(gz)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(gz)
		}
		return nil
	}
	http.ServeContent(w, r, f.name, time.Time{}, bytes.NewReader(f.data))
	return nil
}

// acceptsGzip reports whether the client takes a gzipped response.
func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		coding, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// Package opc names the parts of an Open Packaging Conventions package
// (a .docx is one): the key a part is looked up by, and the part a
// relationship points at. The reader (package reader) and the writer of
// Word comments (package annotate) both open .docx packages; they must
// agree on which part a name or a relationship means.
package opc

import (
	"net/url"
	"path"
	"strings"
)

// PartKey normalises a zip entry or part name for lookup: part names are
// compared case-insensitively (ECMA-376 Part 2, 9.1.1.1), and some
// writers store entries with backslashes or a leading slash.
func PartKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, "\\", "/"), "/"))
}

// ResolveTarget turns a relationship target (a URI relative to the source
// part's folder, or absolute from the package root) into a part key. It
// returns "" for targets that leave the package.
func ResolveTarget(sourceDir, target string) string {
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	target = strings.ReplaceAll(target, "\\", "/")
	var name string
	if strings.HasPrefix(target, "/") {
		name = path.Clean(target[1:])
	} else {
		if sourceDir == "." {
			sourceDir = ""
		}
		name = path.Clean(path.Join(sourceDir, target))
	}
	if name == "." || name == ".." || strings.HasPrefix(name, "../") || strings.HasPrefix(name, "/") {
		return ""
	}
	return PartKey(name)
}

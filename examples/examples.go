// Package examples embeds the project's own example reports, written for
// the demo and the docs in the style of real 街道/乡镇 reports, with
// deliberate errors for the checker to find (listed in README.md).
package examples

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed *.txt *.md
var files embed.FS

// File is one example report.
type File struct {
	Name string
	Data []byte
}

// All returns the example reports in name order, README excluded.
func All() []File {
	entries, _ := fs.ReadDir(files, ".")
	var out []File
	for _, e := range entries {
		if e.Name() == "README.md" {
			continue
		}
		data, err := files.ReadFile(e.Name())
		if err != nil {
			continue
		}
		out = append(out, File{Name: "examples/" + e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

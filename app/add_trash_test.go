package app_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// Ensure an upload whose text is held only by a report in the trash is
// answered as stored already, with a notice that names the trash — not
// a server error because that report cannot be read (FuzzAPI found it:
// a report uploaded and deleted, another uploaded under the same name,
// then the first text again) — and stores nothing. (Decide's notice of
// a new version of the other report is given too: it cannot tell that
// the store holds the text already.)
func TestUploadTextInTrash(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "z.db")
	a := app.New(app.Options{Open: func(context.Context) (store.Store, error) { return sqlite.Open(db) }, Web: true})
	defer a.Close()
	text := []byte("某镇2024年工作总结\n全年完成投资5亿元。")
	upload := func(data []byte) []app.Added {
		t.Helper()
		added, err := a.AddUploads(ctx, []app.Upload{{Name: "upload.txt", Data: data}})
		if err != nil || len(added) != 1 || added[0].Err != nil || len(added[0].Reports) != 1 {
			t.Fatalf("upload %q: %+v, %v", data, added, err)
		}
		return added
	}
	first := upload(text)[0].Reports[0].Summary.ID
	if err := a.Remove(ctx, first); err != nil {
		t.Fatal(err)
	}
	// Another report under the same name, of the same year and another
	// unit: Decide takes the first text again for a new version of it,
	// which the store refuses (the text is the trashed report's), so no
	// notice may tell of that version.
	other := upload([]byte("某乡2024年工作总结\n全年完成投资3亿元。"))[0].Reports[0].Summary
	again := upload(text)[0]
	if r := again.Reports[0]; r.Status != "stored" || r.Summary.ID != 0 {
		t.Errorf("the trashed report's text again: %+v, want stored already, no report shown", r)
	}
	if !slices.ContainsFunc(again.Notices, func(n string) bool { return strings.Contains(n, "回收站") }) {
		t.Errorf("notices %q, want one that names the trash", again.Notices)
	}
	if slices.ContainsFunc(again.Notices, func(n string) bool { return strings.Contains(n, "新版本") }) {
		t.Errorf("notices %q tell of a new version, but none was stored", again.Notices)
	}
	rep, err := a.Report(ctx, other.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Summary.Version != other.Version {
		t.Errorf("the other report under the same name went from version %d to %d", other.Version, rep.Summary.Version)
	}
}

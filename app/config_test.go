package app_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"zongjie/app"
)

// Ensure Pin reads the configuration of uploads once: after it, checking
// an input not on disk reads no file (the configuration removed since is
// still the one used), while a file on disk is still configured from its
// own folder; without Pin, the search runs again.
func TestConfigsPin(t *testing.T) {
	wd, other := t.TempDir(), t.TempDir()
	t.Chdir(wd)
	write := func(dir, rule string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "zongjie.toml"), []byte("[rules]\ndisable = [\""+rule+"\"]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(wd, "YR001")
	write(other, "PH001")

	pinned, unpinned := &app.Configs{}, &app.Configs{}
	if err := pinned.Pin(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(wd, "zongjie.toml")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		c        *app.Configs
		path     string
		embedded bool
		disabled string // the rule the configuration in force disables, "" for none
	}{
		{"pinned upload", pinned, "upload.txt", true, "YR001"},
		{"pinned stdin", pinned, "-", false, "YR001"},
		{"pinned file on disk", pinned, filepath.Join(other, "a.txt"), false, "PH001"},
		{"unpinned upload", unpinned, "upload.txt", true, ""},
	} {
		c, err := tt.c.For(tt.path, tt.embedded)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := c.Rules.Disable; tt.disabled == "" && len(got) > 0 || tt.disabled != "" && !slices.Contains(got, tt.disabled) {
			t.Errorf("%s: disabled %v, want %q", tt.name, got, tt.disabled)
		}
	}

	write(wd, "no-such-rule")
	if err := (&app.Configs{}).Pin(); app.ErrorCode(err) != app.Invalid {
		t.Errorf("Pin of a bad configuration: %v, want an invalid error", err)
	}
}

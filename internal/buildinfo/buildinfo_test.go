package buildinfo

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	tests := []struct {
		name    string
		bi      debug.BuildInfo
		numeric string
		lines   []string
	}{
		{
			name: "a build in a clean checkout",
			bi: debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261123185506-f8bb3cf7cd8c"},
				Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "f8bb3cf7cd8cebaa5179a461343731a5434254be"},
					{Key: "vcs.time", Value: "2026-11-23T18:55:06Z"}, {Key: "vcs.modified", Value: "false"}}},
			numeric: "0.0.0-20261123185506-f8bb3cf7cd8c",
			lines: []string{"zongjie v0.0.0-20261123185506-f8bb3cf7cd8c",
				"修订：f8bb3cf7cd8cebaa5179a461343731a5434254be（2026-11-23 18:55:06 UTC）", "Go：go1.26.8"},
		},
		{
			name: "a release with uncommitted changes",
			bi: debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0+dirty"},
				Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "true"}}},
			numeric: "1.2.0+dirty",
			lines:   []string{"zongjie v1.2.0+dirty", "修订：abc（含未提交的修改）", "Go：go1.26.8"},
		},
		{
			name:    "go run, go test, -buildvcs=false",
			bi:      debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			numeric: "0.0.0-dev",
			lines:   []string{"zongjie （开发版本，未记录版本号）", "修订：未记录", "Go：go1.26.8"},
		},
		{
			name: "a revision without a version",
			bi: debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
				Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "f8bb3cf7cd8cebaa5179a461343731a5434254be"}}},
			numeric: "0.0.0-dev.f8bb3cf7cd8c",
		},
	}
	for _, tt := range tests {
		in := fromBuildInfo(&tt.bi)
		if got := in.Numeric(); got != tt.numeric {
			t.Errorf("%s: Numeric() = %q, want %q", tt.name, got, tt.numeric)
		}
		got := in.Lines()
		for i, want := range tt.lines {
			if i >= len(got) || !strings.HasPrefix(got[i], want) {
				t.Errorf("%s: Lines() = %q, want %q", tt.name, got, tt.lines)
				break
			}
		}
	}
	// A version given at link time wins; "dev", the default, does not.
	if v := Read("v2.0.1").Version; v != "v2.0.1" {
		t.Errorf("Read(v2.0.1).Version = %q", v)
	}
	if v := Read("dev").Version; v == "dev" {
		t.Errorf("Read(dev).Version = %q", v)
	}
	if n := (Info{Version: "dev"}).Numeric(); n != "0.0.0-dev" {
		t.Errorf("Numeric of a version that is not a number: %q", n)
	}
}

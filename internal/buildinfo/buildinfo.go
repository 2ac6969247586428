// Package buildinfo says which build of zongjie is running: the module
// version and the version-control revision the Go toolchain records in
// the binary (go version -m shows the same).
package buildinfo

import (
	"regexp"
	"runtime/debug"
	"strings"
	"time"
)

// Info is what a build records about itself.
type Info struct {
	// Version is the module version: a release (v1.2.0), a pseudo-version
	// made from the commit (v0.0.0-20261123185506-f8bb3cf7cd8c, +dirty
	// when built with uncommitted changes), the version set with
	// -ldflags "-X main.version=…", or "" when none is recorded (go run,
	// go test, a build outside a repository or with -buildvcs=false).
	Version string
	// Revision is the commit built, Time its time, and Modified is set when
	// the working tree had uncommitted changes; empty when not recorded.
	Revision string
	Time     time.Time
	Modified bool
	// Go is the toolchain that built the binary.
	Go string
}

// Read returns the information of the running binary; override, when not
// "" or "dev", is a version given at link time and wins over the module's.
func Read(override string) Info {
	var in Info
	bi, ok := debug.ReadBuildInfo()
	if ok {
		in = fromBuildInfo(bi)
	}
	if override != "" && override != "dev" {
		in.Version = override
	}
	return in
}

func fromBuildInfo(bi *debug.BuildInfo) Info {
	in := Info{Go: bi.GoVersion}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		in.Version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			in.Revision = s.Value
		case "vcs.time":
			in.Time, _ = time.Parse(time.RFC3339, s.Value)
		case "vcs.modified":
			in.Modified = s.Value == "true"
		}
	}
	return in
}

// semver is a semantic version 2.0.0 without the leading "v".
var semver = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`)

// Numeric returns the version as a semantic version without the "v"
// (1.2.0, 0.0.0-20261123185506-f8bb3cf7cd8c), for tools that want a
// number, such as a SARIF log's tool version. A build that records no
// version gives 0.0.0-dev, with the short revision when known
// (0.0.0-dev.f8bb3cf7cd8c).
func (in Info) Numeric() string {
	if v := strings.TrimPrefix(in.Version, "v"); semver.MatchString(v) {
		return v
	}
	if in.Revision != "" {
		return "0.0.0-dev." + short(in.Revision)
	}
	return "0.0.0-dev"
}

// short returns the first 12 characters of a revision.
func short(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

// Lines returns the information for people, in Chinese: the version
// first ("zongjie v1.2.0"), then the revision and the toolchain.
func (in Info) Lines() []string {
	v := in.Version
	if v == "" {
		v = "（开发版本，未记录版本号）"
	}
	lines := []string{"zongjie " + v}
	if in.Revision != "" {
		rev := "修订：" + in.Revision
		var notes []string
		if !in.Time.IsZero() {
			notes = append(notes, in.Time.UTC().Format("2006-01-02 15:04:05 UTC"))
		}
		if in.Modified {
			notes = append(notes, "含未提交的修改")
		}
		if len(notes) > 0 {
			rev += "（" + strings.Join(notes, "，") + "）"
		}
		lines = append(lines, rev)
	} else {
		lines = append(lines, "修订：未记录（不是在 git 仓库中构建的，或构建时用了 -buildvcs=false；用 make build 构建可记录）")
	}
	if in.Go != "" {
		lines = append(lines, "Go："+in.Go)
	}
	return lines
}

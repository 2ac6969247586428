package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// within fails the test when fn does not return within a few seconds:
// what this package refuses, it must refuse without waiting.
func within(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: still waiting after 5 s", what)
	}
}

func TestOpenRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "a.txt")
	mkfifo(t, fifo)
	for _, path := range []string{fifo, os.DevNull} {
		var err error
		within(t, path, func() { _, err = ReadFile(path) })
		var nr *NotRegularError
		if !errors.As(err, &nr) {
			t.Errorf("ReadFile(%s) = %v; want a NotRegularError", path, err)
		}
	}
	if err := (&NotRegularError{Path: fifo, Mode: os.ModeNamedPipe}); Kind(err.Mode) != "命名管道" || KindEn(err.Mode) != "named pipe" {
		t.Errorf("Kind of a named pipe: %s, %s", Kind(err.Mode), KindEn(err.Mode))
	}
	// A regular file and a folder are opened.
	file := filepath.Join(dir, "b.txt")
	os.WriteFile(file, []byte("全年新增就业1200人"), 0o644)
	if b, err := ReadFile(file); err != nil || string(b) != "全年新增就业1200人" {
		t.Errorf("ReadFile(regular) = %q, %v", b, err)
	}
	f, err := Open(dir)
	if err != nil {
		t.Errorf("Open(dir) = %v", err)
	} else {
		f.Close()
	}
	if _, err := ReadFile(dir); err == nil {
		t.Errorf("ReadFile(dir) succeeded")
	}
}

func TestWriteAtomicRefusesWhatIsNotAFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out.docx")
	mkfifo(t, fifo)
	var err error
	within(t, "WriteAtomic to a named pipe", func() { err = WriteAtomic(fifo, []byte("x")) })
	var nr *NotRegularError
	if !errors.As(err, &nr) {
		t.Errorf("WriteAtomic(fifo) = %v; want a NotRegularError", err)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: %v %v", st.Mode(), err)
	}
}

// age sets the modification time of path to d ago.
func age(t *testing.T, path string, d time.Duration) {
	t.Helper()
	when := time.Now().Add(-d)
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
}

// TestWriteAtomicRemovesStaleTemporaries: a write killed midway leaves its
// temporary; the next write of the same file removes it, and the
// temporaries of its backups, but not those a live write holds, nor files
// that are not temporaries of it.
func TestWriteAtomicRemovesStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte("旧"), 0o600); err != nil {
		t.Fatal(err)
	}
	write := func(name string, old time.Duration) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, 1<<20), 0o600); err != nil {
			t.Fatal(err)
		}
		age(t, p, old)
		return p
	}
	stale := []string{
		write(".a.txt.123456789.zongjie.tmp", time.Minute),    // this version's, of the file
		write(".a.txt.bak.2.987654.zongjie.tmp", time.Minute), // of a backup
		write(".a.txt.bak.3.4107001234.tmp", time.Hour),       // an earlier version's, of a backup
		write(".a.txt.1234567.tmp", time.Hour),                // an earlier version's, of the file
	}
	kept := []string{
		write(".a.txt.555.zongjie.tmp", 0),         // just made: its writer may not have locked it yet
		write(".a.txt.3141592.tmp", time.Second),   // an earlier version's, maybe being written
		write(".a.txt.swp", time.Hour),             // an editor's
		write(".a.txtx.77.zongjie.tmp", time.Hour), // of another file
		write("a.txt.bak", time.Hour),              // a backup itself
		write(".b.txt.1234567.tmp", time.Hour),     // of another file
	}
	// One held by a live write.
	held := write(".a.txt.8080.zongjie.tmp", time.Minute)
	hf, err := os.Open(held)
	if err != nil {
		t.Fatal(err)
	}
	defer hf.Close()
	lock(hf)
	if runtime.GOOS != "windows" {
		kept = append(kept, held)
	}

	if err := WriteAtomic(path, []byte("新")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "新" {
		t.Errorf("content %q", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v; want the original 0600", st.Mode().Perm())
	}
	for _, p := range stale {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stale temporary %s is still there", filepath.Base(p))
		}
	}
	for _, p := range kept {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
	// The write itself left no temporary behind.
	entries, _ := os.ReadDir(dir)
	var tmps []string
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".tmp" {
			tmps = append(tmps, e.Name())
		}
	}
	want := 0
	for _, p := range kept {
		if filepath.Ext(p) == ".tmp" {
			want++
		}
	}
	if len(tmps) != want {
		t.Errorf("temporaries after the write: %q; want the %d kept", tmps, want)
	}
}

// TestReasonWrite: the two ways a command's standard output fails — a
// full disk, a closed pipe — are said in Chinese; an error Reason does
// not know keeps the system's words (near miss).
func TestReasonWrite(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}, "磁盘空间不足"},
		{&fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}, "管道已关闭（读取输出的程序已退出）"},
		{&fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EIO}, syscall.EIO.Error()},
	} {
		if got := Reason(c.err); got != c.want {
			t.Errorf("Reason(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

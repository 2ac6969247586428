// Package safefile opens the files a user names and writes files in place
// without ever leaving one half-written or hanging on something that is
// not a file.
//
// Reading: Open refuses anything that is not a regular file — a named
// pipe, a device, a socket — without blocking on it (opening a named pipe
// for reading waits for a writer, and a device such as /dev/zero never
// ends).
//
// Writing: WriteAtomic writes through a temporary file beside the target,
// renamed over it once complete. A process killed mid-write leaves its
// temporary behind; the temporaries are named after their target
// (".NAME.RANDOM.zongjie.tmp") and held locked while written, so the next
// write of the same file (or of a file whose name starts with it, such as
// its backups NAME.bak, NAME.bak.2) finds and removes the ones no live
// process holds.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"
)

// NotRegularError is returned for a path that names something other than
// a regular file or a directory.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: not a regular file (%s)", e.Path, KindEn(e.Mode))
}

// Kind names the kind of file mode m is, in Chinese: 命名管道, 设备,
// 套接字 ….
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "命名管道"
	case m&fs.ModeSocket != 0:
		return "套接字"
	case m&fs.ModeCharDevice != 0:
		return "字符设备"
	case m&fs.ModeDevice != 0:
		return "块设备"
	case m&fs.ModeDir != 0:
		return "文件夹"
	case m&fs.ModeIrregular != 0:
		return "特殊文件"
	}
	return "普通文件"
}

// KindEn names the kind of file mode m is, in English.
func KindEn(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeDir != 0:
		return "directory"
	case m&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return "regular file"
}

// Reason says in Chinese why a file operation failed, without the path,
// for a message that names the file already: "没有权限", "磁盘空间不足",
// "不是普通文件，而是命名管道" …; for an error it does not know, the
// system's words.
func Reason(err error) string {
	var nr *NotRegularError
	var errno syscall.Errno
	switch {
	case errors.As(err, &nr):
		return "不是普通文件，而是" + Kind(nr.Mode)
	case errors.Is(err, fs.ErrNotExist):
		return "文件或文件夹不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, errIsDir):
		return "这是一个文件夹"
	case errors.As(err, &errno) && errno == syscall.ENOSPC:
		return "磁盘空间不足"
	case errors.As(err, &errno) && errno == syscall.EROFS:
		return "文件系统是只读的"
	case errors.As(err, &errno) && errno == syscall.EISDIR:
		return "这是一个文件夹"
	case errors.As(err, &errno) && errno == syscall.EPIPE:
		return "管道已关闭（读取输出的程序已退出）"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// Regular reports whether m is the mode of a regular file.
func Regular(m fs.FileMode) bool { return m.Type() == 0 }

// Open opens the named file for reading. A directory is opened (the
// caller says what it thinks of it); anything else that is not a regular
// file is refused with a *NotRegularError, without waiting on it.
func Open(path string) (*os.File, error) {
	f, err := openNonblock(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !Regular(st.Mode()) && !st.IsDir() {
		f.Close()
		return nil, &NotRegularError{Path: path, Mode: st.Mode()}
	}
	return f, nil
}

// ReadFile reads the named regular file whole, as os.ReadFile does, and
// refuses what Open refuses.
func ReadFile(path string) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: errIsDir}
	}
	return io.ReadAll(f)
}

var errIsDir = errors.New("is a directory")

// tempSuffix ends the name of every temporary file WriteAtomic makes.
const tempSuffix = ".zongjie.tmp"

// staleAge is how old an unlocked temporary must be to be removed: a
// writer locks its temporary right after creating it, and this covers the
// moment between.
var staleAge = 2 * time.Second

// WriteAtomic replaces the file at path with data, keeping its mode (0644
// for a new file): data goes to a temporary file in the same directory,
// synced and renamed over path, so that path holds either the old content
// or the new, never a part. Stale temporaries of path (and of files whose
// names start with path's, such as its backups) left by a killed process
// are removed first. A path that exists and is not a regular file (a
// device, a named pipe) is refused with a *NotRegularError: renaming over
// it would replace it.
func WriteAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !Regular(st.Mode()) {
			return &NotRegularError{Path: path, Mode: st.Mode()}
		}
		mode = st.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	RemoveStale(path)
	tmp, err := os.CreateTemp(dir, "."+base+".*"+tempSuffix)
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // after a successful rename, a no-op
	lock(tmp)             // held until closed: the file is in use
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := os.Rename(name, path); err != nil {
		tmp.Close()
		return err
	}
	return tmp.Close()
}

// legacyTemp matches the temporaries of earlier versions of the program,
// made by os.CreateTemp with the pattern ".NAME.*.tmp": a random decimal
// number before ".tmp".
var legacyTemp = regexp.MustCompile(`\.[0-9]+\.tmp$`)

// RemoveStale removes the temporaries that writes of path, or of files
// whose names start with path's (its backups), left behind: those no
// process holds, and older than a moment. It returns the paths removed.
// Errors are ignored: a temporary that cannot be removed now may be the
// next time.
func RemoveStale(path string) []string {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	prefix := "." + base + "."
	var removed []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !e.Type().IsRegular() {
			continue
		}
		ours := strings.HasSuffix(name, tempSuffix)
		if !ours && !legacyTemp.MatchString(name) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		age := time.Since(info.ModTime())
		p := filepath.Join(dir, name)
		switch {
		case ours && age >= staleAge && !inUse(p):
		case !ours && age >= legacyAge:
		default:
			continue
		}
		if os.Remove(p) == nil {
			removed = append(removed, p)
		}
	}
	return removed
}

// legacyAge is how old a temporary of an earlier version must be to be
// removed: those were not locked, so only age tells that no write is
// under way.
const legacyAge = 10 * time.Minute

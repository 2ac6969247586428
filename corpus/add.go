package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"zongjie/internal/safefile"
	"zongjie/reader"
	"zongjie/store"
)

// AddOptions control Add.
type AddOptions struct {
	Options
	// Workers read and analyse files in parallel (0: one per processor).
	Workers int
	// Progress, if set, is called after each file (from one goroutine at
	// a time).
	Progress func(Progress)
}

// Progress reports one file done.
type Progress struct {
	Path        string
	Done, Total int   // files
	Bytes       int64 // read so far
	Reports     int   // reports in this file
	Added       int   // of them, new to the store
	Updated     int   // of them, stored as a new version of a stored report
	Versions    []NewVersion
	Notices     []string // what the user should know about the file's reports, in Chinese
	Err         error    // the file could not be added
	// Stored are the stored reports the file's reports are, in order: a
	// new one, a new version of one, or one the store held already (nil
	// on Err).
	Stored []StoredReport
}

// StoredReport is the stored report a report of an added file is.
type StoredReport struct {
	ID    int64
	Added bool // stored now: a new report, or a new version of one (see Progress.Versions)
}

// NewVersion is a new version Add stored of a report.
type NewVersion struct {
	Report  int64
	Version int
	Note    string
}

// Stats sum up an Add.
type Stats struct {
	Files      int // files tried
	Failed     int // files that could not be read or stored
	Reports    int // reports found
	Added      int // reports new to the store
	Updated    int // reports stored as a new version of a stored one
	Duplicates int // reports the store held already
	Skipped    []Skipped
	Bytes      int64
	Elapsed    time.Duration
}

// extensions are the files Add picks up when it walks a folder: the
// readable formats, and the ones the reader explains it cannot read.
var extensions = map[string]bool{
	".txt": true, ".md": true, ".markdown": true, ".docx": true,
	".doc": true, ".wps": true, ".pdf": true,
}

// Skipped is an entry of a folder that Files leaves out although its name
// is a report file's: something that is not a regular file (a named pipe
// would make reading it wait forever, a device never end), or a folder
// that cannot be read.
type Skipped struct {
	Path   string
	Reason string // Chinese, for users
}

// Files expands paths into the files to add: files as given, folders
// walked recursively for report files (hidden files and folders skipped),
// in a stable order. A path given that does not exist or is not a regular
// file is kept, for reading it to fail with the reason; in a folder, what
// is not a regular file is left out and listed in skipped.
func Files(paths []string) (files []string, skipped []Skipped) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			add(p)
			continue
		}
		var found []string
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				skipped = append(skipped, Skipped{path, "无法读取：" + reasonOf(err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !extensions[strings.ToLower(filepath.Ext(name))] {
				return nil
			}
			mode := d.Type()
			if mode&fs.ModeSymlink != 0 {
				st, err := os.Stat(path)
				if err != nil {
					skipped = append(skipped, Skipped{path, "链接指向的文件不存在或无法读取"})
					return nil
				}
				mode = st.Mode().Type()
			}
			if !safefile.Regular(mode) {
				skipped = append(skipped, Skipped{path, "不是普通文件，而是" + safefile.Kind(mode)})
				return nil
			}
			found = append(found, path)
			return nil
		})
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, skipped
}

// reasonOf says in Chinese why a file operation failed.
func reasonOf(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Input is a file to add: its path, and its bytes when they are not to
// be read from the path (the bundled examples).
type Input struct {
	Path string
	Data []byte
}

// Add adds the files (see Files) to st; see AddInputs.
func Add(ctx context.Context, st store.Store, paths []string, o AddOptions) (Stats, error) {
	files, skipped := Files(paths)
	inputs := make([]Input, len(files))
	for i, f := range files {
		inputs[i] = Input{Path: f}
	}
	stats, err := AddInputs(ctx, st, inputs, o)
	stats.Skipped = skipped
	return stats, err
}

// AddInputs adds the inputs to st: read, extract, check and fingerprint in
// parallel, then store, each report whole or not at all. Which stored
// report a report is, if any, Decide says: a report edited in place
// becomes a new version of its stored report. A file's path is stored
// absolute. A file that fails is reported through Progress and counted,
// and does not stop the others; AddInputs returns an error only when the
// store fails or ctx is done.
func AddInputs(ctx context.Context, st store.Store, inputs []Input, o AddOptions) (Stats, error) {
	start := time.Now()
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// One input (an upload: the web app and the API send a file at a
	// time) is decided report by report (Decide asks the store by its
	// text and path); more are checked against one list of what the
	// store holds, so that a bulk add of new files asks nothing per file.
	kn := known{all: true}
	if len(inputs) > 1 {
		var err error
		if kn, err = readKnown(ctx, st); err != nil {
			return Stats{}, err
		}
	}
	jobs := make(chan Input)
	results := make(chan prepared, workers)
	var wg sync.WaitGroup
	for range min(workers, max(len(inputs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				results <- prepare(ctx, st, kn, in, o.Options)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, in := range inputs {
			select {
			case jobs <- in:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	files := inputs

	stats := Stats{Files: len(files)}
	var storeErr error
	done := 0
	// report tells Progress about the files of a stored batch, in the
	// order they were batched.
	report := func(b *batch) {
		if b.err != nil && storeErr == nil {
			storeErr = b.err
		}
		k := 0
		for _, f := range b.files {
			done++
			stats.Bytes += f.size
			p := Progress{Path: f.path, Done: done, Total: len(files), Bytes: stats.Bytes, Err: f.err, Reports: len(f.reports)}
			for i, r := range f.reports {
				d := f.decisions[i]
				if b.err == nil {
					p.Stored = append(p.Stored, StoredReport{ID: b.ids[k], Added: b.news[k]})
				}
				switch {
				case b.news[k] && d.Report != 0:
					p.Updated++
					p.Versions = append(p.Versions, NewVersion{Report: r.ID, Version: r.Version, Note: r.Note})
				case b.news[k]:
					p.Added++
				case d.Report != 0 && d.Version == 0 && b.err == nil:
					// Decide took the text for a new version of
					// d.Report, but the store held it already as
					// another report's (one in the trash, or one added
					// meanwhile): no version was made, so what Decide
					// said of one is void. An earlier version's text
					// (d.Version set) keeps its notice.
					d.Notice = ""
				case d.Report == 0 && b.err == nil:
					// Stored already although the store did not hold its
					// path or text as a current version when the add
					// began: an earlier version's text, or one added
					// meanwhile. Decide says which (rare: a query here).
					// Neither, the store holds the same text from another
					// file (store.Report.ByText).
					c := *r
					c.ID = 0
					if late, err := Decide(ctx, st, &c, f.path, o.Options); err == nil {
						d.Notice = late.Notice
						if late.Report == 0 && b.ids[k] != 0 {
							d.Notice = fmt.Sprintf("已存在：与已保存的报告 %d 文本相同（编码、全角半角、空白或 Markdown 标记不同），未另行保存", b.ids[k])
						}
					}
				}
				if d.Notice != "" && b.err == nil {
					p.Notices = append(p.Notices, d.Notice)
				}
				k++
			}
			if p.Err == nil && b.err != nil {
				p.Err = b.err
			}
			if p.Err != nil {
				stats.Failed++
			} else {
				stats.Reports += p.Reports
				stats.Added += p.Added
				stats.Updated += p.Updated
				stats.Duplicates += p.Reports - p.Added - p.Updated
			}
			if o.Progress != nil {
				o.Progress(p)
			}
		}
	}
	// Reports are stored in batches across files, one transaction each:
	// one transaction for many small reports is what makes adding fast.
	// The batches are cut while the store is busy with the previous one
	// (group commit), so they are small when the store keeps up and full
	// when it does not; the workers go on preparing files meanwhile.
	var (
		pending  []prepared // prepared, not yet batched
		queued   int        // reports in pending
		inFlight []*batch   // being stored, oldest first
	)
	// cut starts storing the files in pending up to batchSize reports.
	cut := func() {
		n, reports := 0, 0
		for n < len(pending) && (n == 0 || reports < batchSize) {
			reports += len(pending[n].reports)
			n++
		}
		b := &batch{files: slices.Clone(pending[:n]), done: make(chan struct{})}
		pending = slices.Delete(pending, 0, n)
		queued -= reports
		inFlight = append(inFlight, b)
		b.store(ctx, st, storeErr)
	}
	ready := (<-chan prepared)(results) // nil once the workers are through
	for ready != nil || len(pending) > 0 || len(inFlight) > 0 {
		// A batch is cut when the store is idle, or when a full one can
		// be prepared (its derived rows made) while the store writes
		// the one before.
		for len(pending) > 0 && (len(inFlight) == 0 ||
			len(inFlight) < maxInFlight && (queued >= batchSize || ready == nil)) {
			cut()
		}
		var (
			in     <-chan prepared
			stored <-chan struct{}
		)
		if queued < maxQueued {
			in = ready
		}
		if len(inFlight) > 0 {
			stored = inFlight[0].done
		}
		select {
		case res, ok := <-in:
			if !ok {
				ready = nil
				continue
			}
			pending = append(pending, res)
			queued += len(res.reports)
		case <-stored:
			report(inFlight[0])
			inFlight = slices.Delete(inFlight, 0, 1)
		}
	}
	// A bulk add leaves the store's indexes in many pieces; merging them
	// makes lookups fast again (SQLite's FTS5 segments).
	if stats.Added >= optimizeAfter && storeErr == nil {
		if err := st.Optimize(ctx); err != nil {
			storeErr = err
		}
	}
	stats.Elapsed = time.Since(start)
	if storeErr != nil {
		return stats, storeErr
	}
	if err := ctx.Err(); err != nil && done < len(files) {
		return stats, err
	}
	return stats, nil
}

// optimizeAfter is the number of reports added above which Add compacts
// the store's indexes.
const optimizeAfter = 500

const (
	// batchSize is how many reports Add stores in one transaction at
	// most.
	batchSize = 64
	// maxInFlight is how many batches are handed to the store at once:
	// one being written, the next being made ready.
	maxInFlight = 2
	// maxQueued is how many prepared reports wait for the store at most
	// before the workers are made to wait too.
	maxQueued = 2 * batchSize
)

// batch is the files of one transaction.
type batch struct {
	files []prepared
	news  []bool  // of each report of files in turn: new to the store
	ids   []int64 // of each report of files in turn: its stored report
	err   error   // the store's
	done  chan struct{}
}

// prepared is a file read and made into reports.
type prepared struct {
	path      string
	size      int64
	reports   []*store.Report
	decisions []Decision // of each report
	err       error
}

// known is what the store held when an add began: the paths and the texts
// of the current versions. A report whose path and text are neither is
// new, and Decide need not ask the store (a bulk add of new files asks
// nothing); one added meanwhile by another process is found by Put, which
// stores a text once.
type known struct {
	paths map[string]bool
	texts map[textKey]bool
	all   bool // not read: any report may be stored
}

type textKey struct {
	hash  string
	index int
}

func readKnown(ctx context.Context, st store.Store) (known, error) {
	list, err := st.List(ctx, store.Filter{})
	if err != nil {
		return known{}, err
	}
	k := known{paths: make(map[string]bool, len(list)), texts: make(map[textKey]bool, len(list))}
	for _, s := range list {
		k.paths[s.Path] = true
		k.texts[textKey{s.FileHash, s.Index}] = true
	}
	return k, nil
}

// mayBeStored reports whether r, from the file given as asGiven, may be a
// stored report or a version of one.
func (k known) mayBeStored(r *store.Report, asGiven string) bool {
	return k.all || k.paths[r.Path] || k.paths[asGiven] || k.texts[textKey{r.FileHash, r.Index}]
}

// prepare reads an input, makes its reports and decides which stored
// report each is.
func prepare(ctx context.Context, st store.Store, kn known, in Input, o Options) prepared {
	data, path := in.Data, in.Path
	if data == nil {
		var err error
		if data, err = reader.LoadFile(in.Path); err != nil {
			return prepared{path: in.Path, err: err}
		}
		if abs, err := filepath.Abs(in.Path); err == nil {
			path = abs
		}
	}
	rs, err := Prepare(path, data, o)
	p := prepared{path: in.Path, size: int64(len(data)), reports: rs, err: err}
	if err != nil {
		return p
	}
	p.decisions = make([]Decision, len(rs))
	for i, r := range rs {
		if !kn.mayBeStored(r, in.Path) {
			continue // new: an earlier version's text at another path is found by Put
		}
		if p.decisions[i], err = Decide(ctx, st, r, in.Path, o); err != nil {
			return prepared{path: in.Path, size: p.size, err: err}
		}
	}
	return p
}

// store stores the reports of b in the background and closes b.done when
// it is through. After an earlier store error (prior), nothing is stored
// and every report fails with that error.
func (b *batch) store(ctx context.Context, st store.Store, prior error) {
	var rs []*store.Report
	for _, f := range b.files {
		rs = append(rs, f.reports...)
	}
	b.news = make([]bool, len(rs))
	b.ids = make([]int64, len(rs))
	if prior != nil || len(rs) == 0 {
		b.err = prior
		close(b.done)
		return
	}
	go func() {
		defer close(b.done)
		ids, news, err := st.PutBatch(ctx, rs)
		if err != nil {
			b.err = err
			return
		}
		copy(b.news, news)
		copy(b.ids, ids)
	}()
}

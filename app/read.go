package app

import (
	"context"
	"io"
	"runtime"
	"sync"

	"zongjie"
	"zongjie/document"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/reader"
)

// Input is a file to read: bytes with a name (an upload, pasted text, the
// bundled examples), a reader with a name (standard input), or a path on
// disk. The name's extension says the format, as for a file.
type Input struct {
	Name   string    // the path, or the name the bytes go by ("-" for standard input)
	Data   []byte    // the bytes; nil: read Reader, or the file at Name
	Reader io.Reader // read when Data is nil; nil: read the file at Name
	// Stated is what the user states about the file's reports, over what
	// they say of themselves: a unit, the period reviewed.
	Stated extract.Options
}

// OnDisk reports whether the input is a file on disk (read from its
// path), whose folder is where its configuration is looked for.
func (in Input) OnDisk() bool { return in.Data == nil && in.Reader == nil && in.Name != "-" }

// load returns the input's bytes, within the reader's size limit.
func (in Input) load() ([]byte, error) {
	switch {
	case in.Data != nil:
		return in.Data, nil // reader.Read refuses more than its limit
	case in.Reader != nil:
		return reader.Load(in.Name, in.Reader)
	}
	return reader.LoadFile(in.Name)
}

// Examples returns the bundled example reports as inputs (the --demo of
// the command line, the demo of the web app).
func Examples() []Input {
	var out []Input
	for _, f := range examples.All() {
		out = append(out, Input{Name: f.Name, Data: f.Data})
	}
	return out
}

// Document is an input read and extracted: its bytes, the decoded file
// and the reports in it; or why it could not be read.
type Document struct {
	Input   Input
	Data    []byte // the bytes read, for writing the file back
	File    *document.File
	Reports []*zongjie.Report
	Err     error // a reading error (*reader.Error), or the context's
}

// Extract reads and extracts each input, several at once, and returns the
// documents in the order of the inputs. A file that cannot be read has
// its Err set and does not stop the others.
func (a *App) Extract(ctx context.Context, ins []Input) []Document {
	out := make([]Document, len(ins))
	parallel(len(ins), func(i int) {
		if err := ctx.Err(); err != nil {
			out[i] = Document{Input: ins[i], Err: err}
			return
		}
		out[i] = read(ins[i])
	})
	return out
}

// read reads and extracts one input.
func read(in Input) Document {
	d := Document{Input: in}
	d.Data, d.Err = in.load()
	if d.Err != nil {
		return d
	}
	if d.File, d.Err = reader.Read(in.Name, d.Data); d.Err != nil {
		return d
	}
	d.Reports = extract.FileWith(d.File, in.Stated)
	return d
}

// parallel calls fn(i) for every i in [0, n), on one goroutine per
// processor, and returns when all calls have.
func parallel(n int, fn func(i int)) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				fn(i)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}

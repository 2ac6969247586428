package gen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// ReportInfo is a line of reports.jsonl.
type ReportInfo struct {
	ID     string   `json:"id"`
	Unit   string   `json:"unit"`
	Year   int      `json:"year"`
	Path   string   `json:"path"`  // the text file, relative to the directory
	Chars  int      `json:"chars"` // characters of the text
	Made   string   `json:"made"`  // fresh, yoy or template (see Report.Made)
	Prev   string   `json:"prev,omitempty"`
	Family int      `json:"family,omitempty"`
	Donors []string `json:"donors,omitempty"`
	Clean  bool     `json:"clean"` // no passage of the truth involves it
}

// Files written by WriteDir besides the texts.
const (
	TruthFile   = "truth.jsonl"
	ReportsFile = "reports.jsonl"
)

// WriteDir writes the corpus to dir, creating it if needed: each report's
// text as <id>.txt (UTF-8, lines ended by LF), the truth as truth.jsonl
// (one Passage a line, in the order of c.Truth) and reports.jsonl (one
// ReportInfo a line, in the order of c.Reports). Existing files of those
// names are replaced; others are left alone.
func WriteDir(c *Corpus, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	next := make(chan *Report)
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			var buf []byte
			for r := range next {
				buf = r.AppendText(buf[:0])
				if err := os.WriteFile(filepath.Join(dir, r.ID+".txt"), buf, 0o644); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		})
	}
	for _, r := range c.Reports {
		next <- r
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	err := writeJSONL(filepath.Join(dir, TruthFile), len(c.Truth), func(i int) any { return c.Truth[i] })
	if err != nil {
		return err
	}
	return writeJSONL(filepath.Join(dir, ReportsFile), len(c.Reports), func(i int) any {
		r := c.Reports[i]
		return ReportInfo{ID: r.ID, Unit: r.Unit, Year: r.Year, Path: r.ID + ".txt", Chars: r.Chars,
			Made: r.Made, Prev: r.Prev, Family: r.Family, Donors: r.Donors, Clean: r.Clean}
	})
}

func writeJSONL(path string, n int, item func(int) any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 256<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range n {
		if err = enc.Encode(item(i)); err != nil {
			break
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// ReadPassages reads passages in the form of truth.jsonl: one JSON object
// a line; blank lines are skipped. Unknown fields are ignored.
func ReadPassages(r io.Reader) ([]Passage, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	out := make([]Passage, 0, bytes.Count(data, []byte{'\n'})+1)
	for line := 1; len(data) > 0; line++ {
		var b []byte
		b, data, _ = bytes.Cut(data, []byte{'\n'})
		if b = bytes.TrimSpace(b); len(b) == 0 {
			continue
		}
		var p Passage
		if err := json.Unmarshal(b, &p); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, p)
	}
	return out, nil
}

// ReadPassagesFile reads a file of passages (see ReadPassages).
func ReadPassagesFile(path string) ([]Passage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ps, err := ReadPassages(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ps, nil
}

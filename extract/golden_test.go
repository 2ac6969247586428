package extract_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/output"
	"zongjie/reader"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// readSeed reads a seed report from ../shared/seeds by its number ("000").
func readSeed(t *testing.T, n string) []*zongjie.Report {
	t.Helper()
	dir := shared.Dir(t, "seeds")
	matches, _ := filepath.Glob(filepath.Join(dir, n+"_*.txt"))
	if len(matches) != 1 {
		t.Fatalf("seed %s: found %v", n, matches)
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	f, err := reader.Read("seeds/"+filepath.Base(matches[0]), data)
	if err != nil {
		t.Fatalf("read seed %s: %v", n, err)
	}
	return extract.File(f)
}

// checkGolden compares the JSON of reports with testdata/golden/name.json.
// For the seeds (redact set), strings longer than a short phrase are stored
// as their length and a hash, so the golden files pin the output exactly
// without copying the seeds' text into the repository.
func checkGolden(t *testing.T, name string, reports []*zongjie.Report, redact bool) {
	t.Helper()
	var buf bytes.Buffer
	if err := output.WriteJSON(&buf, output.ExtractResult{Documents: reports}); err != nil {
		t.Fatal(err)
	}
	if redact {
		var v any
		if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		buf.Reset()
		if err := output.WriteJSON(&buf, redactLong(v)); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./extract -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s differs from %s (review the change, then go test ./extract -update):\n%s", name, path, firstDiff(buf.String(), string(want)))
	}
}

// redactLong replaces every string of more than 12 characters in a decoded
// JSON value by "«N字 hash»".
func redactLong(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = redactLong(e)
		}
	case []any:
		for i, e := range x {
			x[i] = redactLong(e)
		}
	case string:
		if n := utf8.RuneCountInString(x); n > 12 {
			sum := sha256.Sum256([]byte(x))
			return fmt.Sprintf("«%d字 %x»", n, sum[:4])
		}
	}
	return v
}

// firstDiff shows the first differing line with a little context.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + gl + "\n  want: " + wl
		}
	}
	return ""
}

// Ensure the extraction of every seed and example matches its golden file.
func TestGolden(t *testing.T) {
	for _, n := range []string{"000", "001", "002", "003", "004"} {
		t.Run("seed"+n, func(t *testing.T) {
			checkGolden(t, "seed"+n, readSeed(t, n), true)
		})
	}
	for _, ex := range examples.All() {
		name := strings.TrimSuffix(filepath.Base(ex.Name), filepath.Ext(ex.Name))
		t.Run(name, func(t *testing.T) {
			f, err := reader.Read(ex.Name, ex.Data)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "example-"+name, extract.File(f), false)
		})
	}
}

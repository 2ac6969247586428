package annotate

import (
	"context"
	"html"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"zongjie/document"
)

// needTool returns the path of an external program, or skips the test
// when it is missing, unless ZONGJIE_REQUIRE_TOOLS is set (as in CI),
// where a missing tool is a failure.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("ZONGJIE_REQUIRE_TOOLS") != "" {
		t.Fatalf("%s is not on PATH and ZONGJIE_REQUIRE_TOOLS is set: run `make deps`", name)
	}
	t.Skipf("%s is not on PATH: skipping the rendering test (run `make deps` to install LibreOffice and poppler-utils)", name)
	return ""
}

// Regular expressions over LibreOffice's flat ODT.
var (
	annotationRE = regexp.MustCompile(`(?s)<office:annotation(\s[^>]*)?>(.*?)</office:annotation>`)
	nameRE       = regexp.MustCompile(`office:name="([^"]*)"`)
	tagRE        = regexp.MustCompile(`<[^>]*>`)
	spaceRE      = regexp.MustCompile(`\s+`)
	pagesRE      = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)
)

// plain returns the text of flat ODT markup without the comments in it,
// tags, entities and white space (LibreOffice indents its output, and
// tabs, cells and paragraph ends are written as elements).
func plain(s string) string {
	s = annotationRE.ReplaceAllString(s, "")
	return spaceRE.ReplaceAllString(html.UnescapeString(tagRE.ReplaceAllString(s, "")), "")
}

// Ensure LibreOffice opens the annotated documents with every comment
// present, on the same text, and renders them to PDF.
func TestLibreOffice(t *testing.T) {
	soffice := needTool(t, "soffice")
	pdfinfo := needTool(t, "pdfinfo")
	if testing.Short() && os.Getenv("ZONGJIE_REQUIRE_TOOLS") == "" {
		t.Skip("slow: LibreOffice takes seconds to start")
	}
	dir := t.TempDir()
	type doc struct {
		name     string
		cases    []tcase
		existing int // comments the source already has
	}
	var docs []doc
	for _, d := range []struct {
		name     string
		src      []byte
		cases    func(*testing.T, *document.File) []tcase
		existing int
	}{
		{"numbered", mustRead(t, "../reader/testdata/numbered.docx"), numberedCases, 0},
		{"synthetic", zipParts(t, syntheticParts()), syntheticCases, 1},
	} {
		f := readDocx(t, d.name+".docx", d.src)
		cases := d.cases(t, f)
		out := annotateAndVerify(t, d.name+".docx", d.src, f, cases)
		if err := os.WriteFile(filepath.Join(dir, d.name+".docx"), out, 0o644); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{d.name, cases, d.existing})
	}
	profile := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "profile")}).String()
	for _, format := range []string{"fodt", "pdf"} {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		args := []string{"-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", format, "--outdir", dir}
		for _, d := range docs {
			args = append(args, filepath.Join(dir, d.name+".docx"))
		}
		cmd := exec.CommandContext(ctx, soffice, args...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		outb, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, outb)
		}
	}
	for _, d := range docs {
		fodt, err := os.ReadFile(filepath.Join(dir, d.name+".fodt"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no %s.fodt: %v", d.name, err)
		}
		checkAnnotations(t, d.name, string(fodt), d.cases, d.existing)
		info, err := exec.Command(pdfinfo, filepath.Join(dir, d.name+".pdf")).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfinfo %s.pdf: %v\n%s", d.name, err, info)
		}
		m := pagesRE.FindSubmatch(info)
		if n, _ := strconv.Atoi(string(m[min(1, len(m)-1)])); m == nil || n <= 0 {
			t.Errorf("%s.pdf: pdfinfo reports no pages:\n%s", d.name, info)
		} else {
			t.Logf("%s.pdf: %d pages", d.name, n)
		}
	}
}

// checkAnnotations checks the comments LibreOffice read from one document:
// as many as placed plus the existing ones, each carrying its rule ID, and
// for exact ones the commented text (compared without white space).
func checkAnnotations(t *testing.T, name, fodt string, cases []tcase, existing int) {
	t.Helper()
	found := annotationRE.FindAllStringSubmatch(fodt, -1)
	want := existing
	for _, c := range cases {
		if c.out != outSkipped {
			want++
		}
	}
	t.Logf("%s: LibreOffice shows %d annotations (want %d)", name, len(found), want)
	if len(found) != want {
		t.Errorf("%s: %d annotations, want %d", name, len(found), want)
	}
	byRule := map[string][]string{} // rule ID → annotation name and text
	for _, m := range found {
		body := html.UnescapeString(tagRE.ReplaceAllString(m[2], ""))
		var id string
		if n := nameRE.FindStringSubmatch(m[1]); n != nil {
			id = n[1]
		}
		for _, c := range cases {
			if strings.Contains(body, "["+c.d.Rule+" ") {
				byRule[c.d.Rule] = []string{id, body}
			}
		}
	}
	for _, c := range cases {
		a, ok := byRule[c.d.Rule]
		switch {
		case c.out == outSkipped:
			if ok {
				t.Errorf("%s: %s was to be skipped but is shown", name, c.d.Rule)
			}
			continue
		case !ok:
			t.Errorf("%s: no annotation with %s", name, c.d.Rule)
			continue
		case c.out != outExact || a[0] == "" || c.field:
			continue
		}
		// The commented text lies between the annotation and its end.
		endTag := `<office:annotation-end office:name="` + a[0] + `"/>`
		i := strings.Index(fodt, `office:name="`+a[0]+`"`)
		j := strings.Index(fodt, endTag)
		if i < 0 || j < i {
			t.Errorf("%s: %s: no range end", name, c.d.Rule)
			continue
		}
		between := fodt[i:j]
		between = between[strings.Index(between, "</office:annotation>")+len("</office:annotation>"):]
		// LibreOffice also shows deleted, hidden and text-box text, which
		// the reader leaves out: what the reader sees must be there, in
		// order, and the range must start and end on it.
		got, w := []rune(plain(between)), []rune(plain(c.want))
		if !subsequence(w, got) || len(w) > 0 && (got[0] != w[0] || got[len(got)-1] != w[len(w)-1]) {
			t.Errorf("%s: %s: LibreOffice comments %q, want %q", name, c.d.Rule, string(got), string(w))
		}
	}
}

// subsequence reports whether a is b with some characters left out.
func subsequence(a, b []rune) bool {
	j := 0
	for _, r := range a {
		for j < len(b) && b[j] != r {
			j++
		}
		if j == len(b) {
			return false
		}
		j++
	}
	return true
}

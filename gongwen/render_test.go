package gongwen

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"html"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"zongjie/examples"
	"zongjie/extract"
	"zongjie/reader"
)

var update = flag.Bool("update", false, "copy the rendered page 1 to docs/gongwen-page1.png")

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
	t.Skipf("%s is not on PATH: skipping the rendering test (run `make deps` to install LibreOffice, poppler-utils and the fonts)", name)
	return ""
}

// The layout in millimetres, as the standard gives it.
const (
	mmPerPt     = 25.4 / 72
	pageW       = 210.0
	pageH       = 297.0
	areaTop     = 37.0
	areaBottom  = pageH - 35 // 262
	areaLeft    = 28.0
	areaRight   = pageW - 26 // 184
	pitchMM     = linePitch / 20.0 * mmPerPt
	bodyCharMM  = 16 * mmPerPt // one 三号 character
	numberChar  = 14 * mmPerPt // one 四号 character
	numberBelow = 7.0          // the page number's dash line below the type area
	tolerance   = 1.5
)

// word is one word of pdftotext -bbox output, in millimetres.
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

// line is the words of one text line, left to right.
type line struct {
	words []word
}

func (l line) x0() float64 { return l.words[0].x0 }
func (l line) x1() float64 {
	x := 0.0
	for _, w := range l.words {
		x = max(x, w.x1)
	}
	return x
}

// centre is the vertical middle of the line's glyph boxes.
func (l line) centre() float64 {
	y0, y1 := math.Inf(1), math.Inf(-1)
	for _, w := range l.words {
		y0, y1 = min(y0, w.y0), max(y1, w.y1)
	}
	return (y0 + y1) / 2
}

func (l line) text() string {
	var b strings.Builder
	for _, w := range l.words {
		b.WriteString(w.text)
	}
	return b.String()
}

var (
	wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	sizeRE = regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+) pts`)
)

// pages reads pdftotext -bbox output into lines per page: words whose
// vertical middles lie within a third of a line pitch are one line.
func pages(t *testing.T, bbox string) [][]line {
	var out [][]line
	for _, pg := range strings.Split(bbox, "<page ")[1:] {
		var words []word
		for _, m := range wordRE.FindAllStringSubmatch(pg, -1) {
			var v [4]float64
			for i := range v {
				f, err := strconv.ParseFloat(m[i+1], 64)
				if err != nil {
					t.Fatal(err)
				}
				v[i] = f * mmPerPt
			}
			words = append(words, word{v[0], v[1], v[2], v[3], html.UnescapeString(m[5])})
		}
		sort.SliceStable(words, func(i, j int) bool { return words[i].y0+words[i].y1 < words[j].y0+words[j].y1 })
		var lines []line
		for _, w := range words {
			c := (w.y0 + w.y1) / 2
			if n := len(lines); n > 0 && math.Abs(lines[n-1].centre()-c) < pitchMM/3 {
				lines[n-1].words = append(lines[n-1].words, w)
				continue
			}
			lines = append(lines, line{words: []word{w}})
		}
		for _, l := range lines {
			sort.SliceStable(l.words, func(i, j int) bool { return l.words[i].x0 < l.words[j].x0 })
		}
		out = append(out, lines)
	}
	return out
}

// wide reports whether every character of s is set at full width: Han
// characters, CJK and full-width punctuation, curly quotes and dashes.
func wide(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && !(r >= 0x3000 && r <= 0x303F) && !(r >= 0xFF00 && r <= 0xFF60) &&
			!strings.ContainsRune("“”‘’—…·", r) {
			return false
		}
	}
	return s != ""
}

// hanging are the marks that may hang in the right margin after the 28th
// character of a line.
const hanging = "，。、；：！？”’）》」』"

// near reports whether a lies within tolerance of b.
func near(a, b float64) bool { return math.Abs(a-b) <= tolerance }

// TestRender exports an example report, converts it to PDF with
// LibreOffice (the official fonts mapped by testdata/fonts.conf to
// Debian's stand-ins) and measures the pages with poppler: A4, the
// margins, 22 lines a page, 28 characters a line, the fonts, and the page
// numbers at the outer side. Page 1 is kept as a PNG under .cache/.
func TestRender(t *testing.T) {
	soffice := needTool(t, "soffice")
	pdfinfo := needTool(t, "pdfinfo")
	pdftotext := needTool(t, "pdftotext")
	pdffonts := needTool(t, "pdffonts")
	pdftoppm := needTool(t, "pdftoppm")
	if testing.Short() && os.Getenv("ZONGJIE_REQUIRE_TOOLS") == "" {
		t.Skip("slow: LibreOffice takes seconds to start")
	}
	conf, err := filepath.Abs("testdata/fonts.conf")
	if err != nil {
		t.Fatal(err)
	}

	const name = "examples/shiqiao-2025.txt"
	var d *Doc
	for _, ex := range examples.All() {
		if ex.Name == name {
			f, err := reader.Read(ex.Name, ex.Data)
			if err != nil {
				t.Fatal(err)
			}
			d = FromReport(f, extract.File(f)[0])
		}
	}
	if d == nil {
		t.Fatalf("no example %s", name)
	}
	// The report's paragraphs again with only their Chinese characters and
	// marks, for lines whose characters can be counted: digits and Latin
	// letters are narrower.
	for _, b := range slices.Clone(d.Blocks) {
		var w strings.Builder
		for _, r := range b.Text {
			if wide(string(r)) {
				w.WriteRune(r)
			}
		}
		d.Blocks = append(d.Blocks, Block{Text: w.String()})
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	docx := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(docx, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	profile := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "profile")}).String()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", dir, docx)
	cmd.Env = append(os.Environ(), "HOME="+dir, "FONTCONFIG_FILE="+conf)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to pdf: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "report.pdf")
	tool := func(prog string, args ...string) string {
		t.Helper()
		out, err := exec.Command(prog, args...).Output()
		if err != nil {
			t.Fatalf("%s %v: %v", filepath.Base(prog), args, err)
		}
		return string(out)
	}

	// The page artifact first, so that it is there to look at when a
	// measurement below fails.
	keep := filepath.Join("..", ".cache", "gongwen")
	if err := os.MkdirAll(keep, 0o755); err != nil {
		t.Fatal(err)
	}
	tool(pdftoppm, "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, filepath.Join(keep, "page1"))
	png, _ := filepath.Abs(filepath.Join(keep, "page1.png"))
	t.Logf("page 1: %s", png)
	if *update {
		data, err := os.ReadFile(png)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("..", "docs", "gongwen-page1.png"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// A4.
	info := tool(pdfinfo, pdf)
	m := sizeRE.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page size:\n%s", info)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	t.Logf("page size %.3f × %.3f pt (%.1f × %.1f mm)", w, h, w*mmPerPt, h*mmPerPt)
	if math.Abs(w*mmPerPt-pageW) > 0.5 || math.Abs(h*mmPerPt-pageH) > 0.5 {
		t.Errorf("page size %s × %s pt, want A4 (595.3 × 841.9)", m[1], m[2])
	}

	// The stand-ins of the official fonts: without the names in the .docx
	// and the aliases, LibreOffice falls back to one sans-serif font.
	fonts := tool(pdffonts, pdf)
	t.Logf("pdffonts:\n%s", fonts)
	for _, c := range []struct{ official, standIn string }{
		{"仿宋_GB2312 (body)", "NotoSerifCJK"},
		{"方正小标宋简体 (title, bold stand-in)", "NotoSerifCJKjp-Bold"},
		{"黑体 (level 1)", "NotoSansCJK"},
		{"楷体_GB2312 (level 2)", "GBZenKai"},
		{"宋体 (page numbers)", "BousungEG"},
	} {
		if !strings.Contains(fonts, c.standIn) {
			t.Errorf("pdffonts lists no %s: %s was not mapped", c.standIn, c.official)
		}
	}

	ps := pages(t, tool(pdftotext, "-bbox", pdf, "-"))
	if len(ps) < 4 {
		t.Fatalf("%d pages, want a report of several", len(ps))
	}
	t.Logf("%d pages", len(ps))

	var lefts, indents []float64
	right := 0.0
	var full, fullIndented []int // characters of full lines of wide text
	lineCounts := []int{}
	for i, lines := range ps {
		n := i + 1
		// The page number, under the type area, at the outer side.
		var body []line
		var number *line
		for k := range lines {
			if lines[k].centre() > areaBottom {
				number = &lines[k]
				continue
			}
			body = append(body, lines[k])
		}
		if number == nil {
			t.Errorf("page %d: no page number", n)
		} else {
			want := fmt.Sprintf("—%d—", n)
			got := strings.ReplaceAll(number.text(), " ", "")
			x := number.x1() - areaRight // odd: right-aligned, one character in
			edge := -numberChar
			if n%2 == 0 {
				x, edge = number.x0()-areaLeft, numberChar // even: left-aligned
			}
			if got != want || !near(x, edge) || !near(number.centre(), areaBottom+numberBelow) {
				t.Errorf("page %d: page number %q at %.1f mm from the type area's side (want %q at %.1f), %.1f mm from the top (want %.0f)",
					n, got, x, want, edge, number.centre(), areaBottom+numberBelow)
			}
			if n <= 2 {
				t.Logf("page %d: %q, %.2f mm from the type area's %s edge, middle %.2f mm from the top",
					n, got, math.Abs(x), map[bool]string{true: "left", false: "right"}[n%2 == 0], number.centre())
			}
		}
		if len(body) == 0 {
			t.Errorf("page %d: no text", n)
			continue
		}
		if n > 1 && n < len(ps) {
			lineCounts = append(lineCounts, len(body))
			top := body[0].centre() - pitchMM/2
			bottom := body[len(body)-1].centre() + pitchMM/2
			if !near(top, areaTop) {
				t.Errorf("page %d: the first line starts %.1f mm from the top, want %.0f", n, top, areaTop)
			}
			if len(body) == 22 && !near(bottom, areaBottom) {
				t.Errorf("page %d: the 22nd line ends %.1f mm from the top, want %.0f", n, bottom, areaBottom)
			}
			if n == 2 {
				t.Logf("page 2: %d lines from %.2f to %.2f mm (line pitch %.2f mm)", len(body), top, bottom, (bottom-top)/float64(len(body)))
			}
		}
		for _, l := range body {
			text := []rune(l.text())
			x1 := l.x1()
			if x1 > areaRight+0.5 && len(text) > 0 && strings.ContainsRune(hanging, text[len(text)-1]) {
				// A closing mark hanging in the margin.
				text, x1 = text[:len(text)-1], x1-bodyCharMM
			}
			right = max(right, x1)
			if n == 1 {
				continue // the title is centred
			}
			switch x := l.x0(); {
			case near(x, areaLeft):
				lefts = append(lefts, x)
			case near(x, areaLeft+2*bodyCharMM):
				indents = append(indents, x)
			default:
				t.Errorf("page %d: line %q starts %.1f mm from the left edge, want %.0f or %.1f (indented)", n, l.text(), x, areaLeft, areaLeft+2*bodyCharMM)
			}
			if wide(string(text)) && near(x1, areaRight) {
				if near(l.x0(), areaLeft) {
					full = append(full, len(text))
				} else {
					fullIndented = append(fullIndented, len(text))
				}
			}
		}
	}

	// Margins: the text block's left edge, the indent, the right edge
	// (without the marks hanging past it).
	if len(lefts) == 0 || len(indents) == 0 {
		t.Fatalf("no lines at the left margin (%d) or indented (%d)", len(lefts), len(indents))
	}
	left, indent := slices.Min(lefts), slices.Min(indents)
	t.Logf("left edge %.2f mm, first-line indent %.2f mm, right edge %.2f mm (%.2f mm margin)", left, indent-left, right, pageW-right)
	if !near(right, areaRight) || right > areaRight+0.5 {
		t.Errorf("the text reaches %.1f mm from the left edge, want %.0f (a %0.f mm right margin)", right, areaRight, pageW-areaRight)
	}

	// 22 lines a page.
	t.Logf("lines on the pages between the first and the last: %v", lineCounts)
	twentyTwo := 0
	for _, c := range lineCounts {
		if c == 22 {
			twentyTwo++
		}
		if c > 22 || c < 21 {
			t.Errorf("a page holds %d lines, want 22 (21 when a heading moves on)", c)
		}
	}
	if twentyTwo*2 < len(lineCounts) {
		t.Errorf("only %d of %d pages hold 22 lines", twentyTwo, len(lineCounts))
	}

	// 28 characters a line, 26 after the two-character indent. A line may
	// hold one less when a mark that may not start a line pulls the
	// character before it down.
	checkChars := func(what string, counts []int, want int) {
		t.Helper()
		hist := map[int]int{}
		for _, c := range counts {
			hist[c]++
		}
		t.Logf("%s full lines of Chinese text, by characters: %v", what, hist)
		if len(counts) < 5 || hist[want]*4 < len(counts)*3 || hist[want]+hist[want-1] != len(counts) {
			t.Errorf("%s full lines hold %v characters, want %d (or %d)", what, hist, want, want-1)
		}
	}
	checkChars("unindented", full, 28)
	checkChars("indented", fullIndented, 26)
}

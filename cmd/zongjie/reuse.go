package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/corpus"
	"zongjie/document"
	"zongjie/reader"
	"zongjie/reuse"
	"zongjie/store"
)

// textArg is a text to compare: a file, or a stored report by ID.
type textArg struct {
	path string // the file, or "#ID"
	id   int64  // the stored report, or 0
	hash string // the file's content hash, as the store keys it
	text string
	file *document.File // the file read, nil for a stored report
}

// resolveArg reads a FILE|ID argument: an existing file (or "-") gives
// its bytes and a decoded document, anything else is a report ID and gives
// the stored report. st is opened on first need.
func resolveArg(ctx context.Context, arg string, st func() (store.Store, error)) (data []byte, f *document.File, stored *store.Report, err error) {
	if _, err := os.Stat(arg); err == nil || arg == "-" {
		if data, err = reader.LoadFile(arg); err != nil {
			return nil, nil, nil, err
		}
		f, err = reader.Read(arg, data)
		return data, f, nil, err
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return nil, nil, nil, fmt.Errorf("%s：文件不存在，也不是报告编号（no such file or report ID）", arg)
	}
	s, err := st()
	if err != nil {
		return nil, nil, nil, err
	}
	r, err := s.Get(ctx, id)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("报告 %d：%s", id, notFound(err))
	}
	return nil, nil, r, nil
}

// storedFile reads a stored report's text in the format it came in:
// Markdown keeps its markup; every other format is plain text once stored.
func storedFile(r *store.Report) (*document.File, error) {
	name := fmt.Sprintf("report-%d.txt", r.ID)
	if strings.EqualFold(filepath.Ext(r.Path), ".md") {
		name = fmt.Sprintf("report-%d.md", r.ID)
	}
	return reader.Read(name, []byte(r.Text))
}

// loadArg reads a compare or similar argument.
func loadArg(ctx context.Context, arg string, st func() (store.Store, error)) (textArg, error) {
	data, f, r, err := resolveArg(ctx, arg, st)
	switch {
	case err != nil:
		return textArg{}, err
	case r != nil:
		return textArg{path: "#" + arg, id: r.ID, text: r.Text}, nil
	}
	sum := sha256.Sum256(data)
	return textArg{path: arg, hash: hex.EncodeToString(sum[:]), text: f.Text, file: f}, nil
}

// lazyStore opens the store when first asked; close closes it if opened.
func lazyStore(ctx context.Context, db string) (get func() (store.Store, error), close func()) {
	var st store.Store
	var err error
	opened := false
	get = func() (store.Store, error) {
		if !opened {
			opened = true
			st, err = corpus.Open(ctx, corpus.DB(db))
		}
		return st, err
	}
	close = func() {
		if st != nil {
			st.Close()
		}
	}
	return get, close
}

// compareJSON is the stable output of compare --format json.
type compareJSON struct {
	A        sideJSON      `json:"a"`
	B        sideJSON      `json:"b"`
	Passages []passageJSON `json:"passages"`
}

type sideJSON struct {
	Path             string  `json:"path"`
	Chars            int     `json:"chars"`
	ReusedChars      int     `json:"reused_chars"`
	Reuse            float64 `json:"reuse"`
	BoilerplateChars int     `json:"boilerplate_chars"`
	ReuseOwn         float64 `json:"reuse_own"`
}

type passageJSON struct {
	reuse.Passage
	Edits []reuse.Edit `json:"edits"`
}

func side(path string, s reuse.Side) sideJSON {
	return sideJSON{path, s.Chars, s.ReusedChars, round3(s.Reuse), s.BoilerplateChars, round3(s.ReuseOwn)}
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func runCompare(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "compare", "[选项] A B", "比较两篇报告（文件或已保存报告的编号）：各自有多少文字与对方相同，以及相同的段落。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	color := fs.String("color", "auto", "文本输出着色：auto、always、never")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 2 || !checkFormat(e, "compare", *format) {
		fs.Usage()
		return exitUsage
	}
	paint, ok := useColor(*color, e.stdout)
	if !ok {
		fmt.Fprintf(e.stderr, "zongjie compare: --color 应为 auto、always 或 never\n")
		return exitUsage
	}
	get, closeStore := lazyStore(ctx, *db)
	defer closeStore()
	a, err := loadArg(ctx, rest[0], get)
	if err == nil {
		var b textArg
		b, err = loadArg(ctx, rest[1], get)
		if err == nil {
			return compare(ctx, e, a, b, *format, paint, *db, get)
		}
	}
	fmt.Fprintf(e.stderr, "zongjie compare: %s\n", errorText(err))
	return exitUsage
}

// comparePair compares two texts.
func comparePair(ctx context.Context, st store.Store, aPath, aText, bPath, bText string) (compareJSON, *reuse.Text, *reuse.Text, error) {
	na, nb := reuse.Normalize(aText), reuse.Normalize(bText)
	bp, err := corpus.Boilerplate(ctx, st, na, nb)
	if err != nil {
		return compareJSON{}, nil, nil, err
	}
	res := reuse.Compare(na, nb, bp)
	out := compareJSON{A: side(aPath, res.A), B: side(bPath, res.B), Passages: []passageJSON{}}
	for _, p := range res.Passages {
		edits := reuse.Differences(na, nb, p)
		if edits == nil {
			edits = []reuse.Edit{}
		}
		out.Passages = append(out.Passages, passageJSON{p, edits})
	}
	return out, na, nb, nil
}

// partSideJSON is one side of a pair of reports compare compares when a
// file holds several.
type partSideJSON struct {
	sideJSON
	Index int    `json:"index"`
	Title string `json:"title"`
}

// pairJSON is a pair of reports compare compares when a file holds
// several.
type pairJSON struct {
	A        partSideJSON  `json:"a"`
	B        partSideJSON  `json:"b"`
	Passages []passageJSON `json:"passages"`
}

// compare compares a and b: whole when each holds one report, else each
// report of one with each report of the other (a file pasting several
// reports together, compared whole, would measure every share against
// the whole file).
func compare(ctx context.Context, e *env, a, b textArg, format string, paint bool, db string, get func() (store.Store, error)) int {
	// Discount the stock phrases a store knows when one is at hand.
	var st store.Store
	if a.id != 0 || b.id != 0 || db != "" || os.Getenv("ZONGJIE_DB") != "" || fileExists(corpus.DefaultDB) {
		st, _ = get()
	}
	partsOf := func(t textArg) []corpus.Part {
		if t.file == nil {
			return []corpus.Part{{Text: t.text}}
		}
		return corpus.Parts(t.file)
	}
	pa, pb := partsOf(a), partsOf(b)
	if len(pa) == 1 && len(pb) == 1 {
		out, na, nb, err := comparePair(ctx, st, a.path, pa[0].Text, b.path, pb[0].Text)
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie compare: %v\n", err)
			return exitUsage
		}
		if format == "json" {
			writeJSON(e.stdout, out)
			return exitOK
		}
		writeCompareText(e.stdout, out, na, nb, paint)
		return exitOK
	}
	var pairs []pairJSON
	for _, x := range pa {
		for _, y := range pb {
			out, na, nb, err := comparePair(ctx, st, a.path, x.Text, b.path, y.Text)
			if err != nil {
				fmt.Fprintf(e.stderr, "zongjie compare: %v\n", err)
				return exitUsage
			}
			pairs = append(pairs, pairJSON{partSideJSON{out.A, x.Index, x.Title}, partSideJSON{out.B, y.Index, y.Title}, out.Passages})
			if format == "json" {
				continue
			}
			fmt.Fprintf(e.stdout, "== A 第 %d/%d 篇%s ↔ B 第 %d/%d 篇%s\n", x.Index+1, len(pa), titled(x.Title), y.Index+1, len(pb), titled(y.Title))
			if len(out.Passages) == 0 {
				fmt.Fprintln(e.stdout, "没有相同的文字。")
				fmt.Fprintln(e.stdout)
				continue
			}
			writeCompareText(e.stdout, out, na, nb, paint)
			fmt.Fprintln(e.stdout)
		}
	}
	if format == "json" {
		writeJSON(e.stdout, map[string]any{"a": a.path, "b": b.path, "pairs": pairs})
	}
	return exitOK
}

// titled returns "（title）", or "" for no title.
func titled(title string) string {
	if title == "" {
		return ""
	}
	return "（" + title + "）"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// writeCompareText prints the shares, then each passage side by side with
// its differences marked.
func writeCompareText(w io.Writer, c compareJSON, na, nb *reuse.Text, paint bool) {
	for _, s := range []struct {
		name string
		s    sideJSON
	}{{"A", c.A}, {"B", c.B}} {
		fmt.Fprintf(w, "%s %s：%d 字，与对方相同 %d 字（%.1f%%），其中套话 %d 字；去除套话后 %.1f%%\n",
			s.name, s.s.Path, s.s.Chars, s.s.ReusedChars, 100*s.s.Reuse, s.s.BoilerplateChars, 100*s.s.ReuseOwn)
	}
	fmt.Fprintf(w, "相同段落 %d 处。\n", len(c.Passages))
	const col = 34 // display cells per column
	for k, p := range c.Passages {
		kinds := map[string]int{}
		for _, e := range p.Edits {
			kinds[e.Kind]++
		}
		note := "完全相同"
		if !p.Identical {
			var parts []string
			for _, kind := range []string{"year", "number", "placeholder", "width", "punctuation", "text"} {
				if kinds[kind] > 0 {
					parts = append(parts, fmt.Sprintf("%s %d 处", editKindText[kind], kinds[kind]))
				}
			}
			note = "改动：" + strings.Join(parts, "，")
		}
		if p.Boilerplate {
			note += "（套话）"
		}
		fmt.Fprintf(w, "\n段落 %d：A 第 %d–%d 字 ↔ B 第 %d–%d 字，%s\n", k+1, p.AOffset+1, p.AOffset+p.ALength, p.BOffset+1, p.BOffset+p.BLength, note)
		left := wrapMarked(na, p.AOffset, p.ALength, p.Edits, true, col, paint)
		right := wrapMarked(nb, p.BOffset, p.BLength, p.Edits, false, col, paint)
		for i := 0; i < max(len(left), len(right)); i++ {
			var l, r cell
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			fmt.Fprintf(w, "  %s%s │ %s\n", l.text, strings.Repeat(" ", col-l.width), r.text)
		}
	}
}

var editKindText = map[string]string{
	"year": "年份", "number": "数字", "placeholder": "占位符", "width": "标点全半角", "punctuation": "标点", "text": "文字",
}

type cell struct {
	text  string
	width int
}

// wrapMarked wraps the original text of one side of a passage into lines
// of at most col display cells, marking the edited characters: in colour,
// or between ⟦ and ⟧.
func wrapMarked(t *reuse.Text, off, n int, edits []reuse.Edit, isA bool, col int, paint bool) []cell {
	marked := make([]bool, n)
	for _, e := range edits {
		o, l := e.BOffset, e.BLength
		if isA {
			o, l = e.AOffset, e.ALength
		}
		for k := o; k < o+l; k++ {
			if k-off >= 0 && k-off < n {
				marked[k-off] = true
			}
		}
	}
	var lines []cell
	var cur strings.Builder
	width := 0
	in := false // a mark is open on the current line
	open, close := "⟦", "⟧"
	markWidth := 1
	if paint {
		open, close, markWidth = "\033[1;31m", "\033[0m", 0
	}
	flushLine := func() {
		if in {
			cur.WriteString(close)
			width += markWidth
			in = false
		}
		lines = append(lines, cell{cur.String(), width})
		cur.Reset()
		width = 0
	}
	for k, r := range []rune(t.Original(off, off+n)) {
		if r == '\n' {
			r = '↵'
		}
		rw := 1
		if r >= 0x1100 {
			rw = 2
		}
		// Room for the character and for the marks it may need.
		if width+rw+2*markWidth > col && width > 0 {
			flushLine()
		}
		if marked[k] != in {
			in = marked[k]
			if in {
				cur.WriteString(open)
			} else {
				cur.WriteString(close)
			}
			width += markWidth
		}
		cur.WriteRune(r)
		width += rw
	}
	if cur.Len() > 0 {
		flushLine()
	}
	return lines
}

func runSimilar(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "similar", "[选项] 文件或编号", "找出数据库中与之文字相同最多的报告；文件中有多篇报告时，逐篇查找。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	top := fs.Int("top", 10, "每篇最多列出几篇（至少 1）")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 || !checkFormat(e, "similar", *format) {
		fs.Usage()
		return exitUsage
	}
	if *top < 1 {
		fmt.Fprintf(e.stderr, "zongjie similar: --top 应至少为 1，不是 %d\n", *top)
		return exitUsage
	}
	st, ok := openStore(ctx, e, "similar", *db)
	if !ok {
		return exitUsage
	}
	defer st.Close()
	a, err := loadArg(ctx, rest[0], func() (store.Store, error) { return st, nil })
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie similar: %s\n", errorText(err))
		return exitUsage
	}
	parts := []corpus.Part{{Text: a.text}}
	if a.file != nil {
		parts = corpus.Parts(a.file)
	}
	type matchJSON struct {
		Report   summaryJSON   `json:"report"`
		Query    reuse.Side    `json:"query"`
		Other    reuse.Side    `json:"other"`
		Passages int           `json:"passages"`
		Largest  reuse.Passage `json:"largest"`
		Text     string        `json:"largest_text"`
	}
	type partJSON struct {
		Index   int         `json:"index"`
		Title   string      `json:"title"`
		Similar []matchJSON `json:"similar"`
	}
	var out []partJSON
	for i, p := range parts {
		exclude := a.id
		if exclude == 0 {
			// A report stored already (as its current version) is not
			// similar to itself.
			if id, err := st.Find(ctx, a.hash, p.Index); err == nil {
				if vs, err := st.Versions(ctx, id); err == nil && vs[len(vs)-1].FileHash == a.hash {
					exclude = id
				}
			}
		}
		ms, err := corpus.Similar(ctx, st, corpus.Query{Text: p.Text, Exclude: exclude}, *top)
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie similar: %v\n", err)
			return exitUsage
		}
		pj := partJSON{Index: p.Index, Title: p.Title, Similar: []matchJSON{}}
		for _, m := range ms {
			pj.Similar = append(pj.Similar, matchJSON{toJSON(m.Report), m.Query, m.Other, m.Passages, m.Largest, m.LargestText})
		}
		out = append(out, pj)
		if *format == "json" {
			continue
		}
		indent := ""
		if len(parts) > 1 {
			if i > 0 {
				fmt.Fprintln(e.stdout)
			}
			fmt.Fprintf(e.stdout, "第 %d 篇（共 %d 篇）：%s\n", p.Index+1, len(parts), p.Title)
			indent = "  "
		}
		if len(ms) == 0 {
			fmt.Fprintln(e.stdout, indent+"数据库中没有与之文字相同的报告。")
			continue
		}
		for k, m := range ms {
			fmt.Fprintf(e.stdout, "%s%2d. [%d] %s %s %s\n%s    本篇 %.1f%% 与之相同（去除套话 %.1f%%），对方 %.1f%% 与本篇相同（去除套话 %.1f%%），%d 处相同段落\n%s    最长一处 %d 字：%s\n",
				indent, k+1, m.Report.ID, unitText(m.Report.Unit), periodText(m.Report), m.Report.Title,
				indent, 100*m.Query.Reuse, 100*m.Query.ReuseOwn, 100*m.Other.Reuse, 100*m.Other.ReuseOwn, m.Passages,
				indent, len([]rune(m.LargestText)), clip(m.LargestText, 60))
		}
	}
	if *format == "json" {
		if len(out) == 1 {
			writeJSON(e.stdout, map[string]any{"path": a.path, "similar": out[0].Similar})
		} else {
			writeJSON(e.stdout, map[string]any{"path": a.path, "reports": out})
		}
	}
	return exitOK
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", "↵")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

func runFamilies(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "families", "[选项]", "把出自同一模板或同一篇旧报告的报告分组（相互文字相同较多者归为一组），大组在前，列出每组成员和共有的文字。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	top := fs.Int("top", 0, "只列最大的几组（0：全部）")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 0 || !checkFormat(e, "families", *format) {
		fs.Usage()
		return exitUsage
	}
	if *top < 0 {
		fmt.Fprintf(e.stderr, "zongjie families: --top 不能为负数（%d）；0 表示全部\n", *top)
		return exitUsage
	}
	st, ok := openStore(ctx, e, "families", *db)
	if !ok {
		return exitUsage
	}
	defer st.Close()
	fams, err := corpus.Families(ctx, st)
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie families: %v\n", err)
		return exitUsage
	}
	if *top > 0 && len(fams) > *top {
		fams = fams[:*top]
	}
	// What the families share is found and written a few dozen families
	// at a time, so that memory stays small however many there are.
	var write func(f corpus.Family, sh corpus.Shared) error
	if *format == "json" {
		fj := newFamiliesJSON(e.stdout)
		defer fj.close()
		write = fj.write
	} else {
		if len(fams) == 0 {
			fmt.Fprintln(e.stdout, "没有发现相互文字相同较多的报告。")
			return exitOK
		}
		n := 0
		write = func(f corpus.Family, sh corpus.Shared) error {
			n++
			fmt.Fprintf(e.stdout, "第 %d 组（%d 篇）：\n", n, len(f.Members))
			for _, m := range f.Members {
				fmt.Fprintf(e.stdout, "  [%d] %s %s %s\n", m.ID, unitText(m.Unit), periodText(m), m.Title)
			}
			for _, l := range f.Links {
				fmt.Fprintf(e.stdout, "    %d ↔ %d：约 %.0f%% / %.0f%% 相同\n", l.A, l.B, 100*l.ShareA, 100*l.ShareB)
			}
			writeShared(e.stdout, sh)
			return nil
		}
	}
	for start := 0; start < len(fams); start += familiesChunk {
		part := fams[start:min(start+familiesChunk, len(fams))]
		shared, err := familiesShared(ctx, st, part)
		if err != nil {
			fmt.Fprintf(e.stderr, "zongjie families: %v\n", err)
			return exitUsage
		}
		for i, f := range part {
			if err := write(f, shared[i]); err != nil {
				fmt.Fprintf(e.stderr, "zongjie families: %v\n", err)
				return exitUsage
			}
		}
	}
	return exitOK
}

// familiesChunk is how many families runFamilies finds the shared text of
// at once.
const familiesChunk = 64

// familiesJSON writes families as {"families": [...]}, one at a time.
type familiesJSON struct {
	w   io.Writer
	n   int
	buf bytes.Buffer
	enc *json.Encoder
}

func newFamiliesJSON(w io.Writer) *familiesJSON {
	fj := &familiesJSON{w: w}
	fj.enc = json.NewEncoder(&fj.buf)
	fj.enc.SetEscapeHTML(false)
	fj.enc.SetIndent("    ", "  ")
	return fj
}

type familyLinkJSON struct {
	A      int64   `json:"a"`
	B      int64   `json:"b"`
	ShareA float64 `json:"share_a"`
	ShareB float64 `json:"share_b"`
}

type sharedPassageJSON struct {
	Offset      int    `json:"offset"`
	Length      int    `json:"length"`
	Text        string `json:"text"`
	Boilerplate bool   `json:"boilerplate"`
}

type familySharedJSON struct {
	Report      int64               `json:"report"`
	Compared    []int64             `json:"compared"`
	Chars       int                 `json:"chars"`
	SharedChars int                 `json:"shared_chars"`
	OwnChars    int                 `json:"own_chars"`
	Passages    []sharedPassageJSON `json:"passages"`
}

type familyJSON struct {
	Members []summaryJSON    `json:"members"`
	Links   []familyLinkJSON `json:"links"`
	Shared  familySharedJSON `json:"shared"`
}

func (fj *familiesJSON) write(f corpus.Family, sh corpus.Shared) error {
	out := familyJSON{Members: []summaryJSON{}, Links: []familyLinkJSON{},
		Shared: familySharedJSON{sh.Report, sh.Compared, sh.Chars, sh.SharedChars, sh.OwnChars, []sharedPassageJSON{}}}
	if out.Shared.Compared == nil {
		out.Shared.Compared = []int64{}
	}
	for _, m := range f.Members {
		out.Members = append(out.Members, toJSON(m))
	}
	for _, l := range f.Links {
		out.Links = append(out.Links, familyLinkJSON{l.A, l.B, round3(l.ShareA), round3(l.ShareB)})
	}
	for _, p := range sh.Passages {
		out.Shared.Passages = append(out.Shared.Passages, sharedPassageJSON{p.Offset, p.Length, p.Text, p.Boilerplate})
	}
	fj.buf.Reset()
	if err := fj.enc.Encode(out); err != nil {
		return err
	}
	sep := ",\n    "
	if fj.n == 0 {
		sep = "{\n  \"families\": [\n    "
	}
	fj.n++
	_, err := fmt.Fprint(fj.w, sep, strings.TrimRight(fj.buf.String(), "\n"))
	return err
}

// close ends the list.
func (fj *familiesJSON) close() {
	if fj.n == 0 {
		fmt.Fprint(fj.w, "{\n  \"families\": []\n}\n")
		return
	}
	fmt.Fprint(fj.w, "\n  ]\n}\n")
}

// familiesShared finds what each family shares, several families at once.
func familiesShared(ctx context.Context, st store.Store, fams []corpus.Family) ([]corpus.Shared, error) {
	out := make([]corpus.Shared, len(fams))
	errs := make([]error, len(fams))
	parallel(len(fams), func(i int) { out[i], errs[i] = corpus.FamilyShared(ctx, st, fams[i]) })
	return out, errors.Join(errs...)
}

// sharedShown is how many of the shared passages of a family the text
// output quotes: the longest.
const sharedShown = 5

// writeShared writes what a family shares.
func writeShared(w io.Writer, sh corpus.Shared) {
	if len(sh.Passages) == 0 {
		fmt.Fprintf(w, "  共有文字（以 [%d] 为准，与 %d 篇比对）：无（各篇与之相同的部分不重合）\n", sh.Report, len(sh.Compared))
		return
	}
	fmt.Fprintf(w, "  共有文字（以 [%d] 为准，与 %d 篇比对）：%d 字，占其全文 %.0f%%（去除套话 %.0f%%），%d 段\n",
		sh.Report, len(sh.Compared), sh.SharedChars, 100*float64(sh.SharedChars)/float64(max(sh.Chars, 1)),
		100*float64(sh.OwnChars)/float64(max(sh.Chars, 1)), len(sh.Passages))
	shown := slices.Clone(sh.Passages)
	slices.SortStableFunc(shown, func(a, b corpus.SharedPassage) int { return b.Length - a.Length })
	shown = shown[:min(len(shown), sharedShown)]
	slices.SortFunc(shown, func(a, b corpus.SharedPassage) int { return a.Offset - b.Offset })
	for _, p := range shown {
		note := ""
		if p.Boilerplate {
			note = "（套话）"
		}
		fmt.Fprintf(w, "    第 %d 字起 %d 字%s：%s\n", p.Offset+1, p.Length, note, clip(p.Text, 60))
	}
	if rest := len(sh.Passages) - len(shown); rest > 0 {
		fmt.Fprintf(w, "    另有 %d 段\n", rest)
	}
}

func runSearch(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "search", "[选项] 查询词", "全文检索所有已保存的报告（按字匹配，不需分词）。")
	db := dbFlag(fs)
	filter := filterFlags(fs)
	format := formatFlag(fs)
	kind := fs.String("kind", "", "只查此类部分：回顾 亮点 问题 计划 其他（或 review highlights problems plan other）")
	limit := fs.Int("limit", 20, "最多几条（至少 1）")
	color := fs.String("color", "auto", "着色：auto、always、never")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) == 0 || !checkFormat(e, "search", *format) {
		fs.Usage()
		return exitUsage
	}
	paint, ok := useColor(*color, e.stdout)
	if !ok {
		fmt.Fprintf(e.stderr, "zongjie search: --color 应为 auto、always 或 never\n")
		return exitUsage
	}
	query := strings.Join(rest, " ")
	if len(store.Terms(query)) == 0 {
		fmt.Fprintf(e.stderr, "zongjie search: 查询词 %q 中没有可检索的文字（标点和空白不参与检索）\n", query)
		return exitUsage
	}
	if *limit < 1 {
		fmt.Fprintf(e.stderr, "zongjie search: --limit 应至少为 1，不是 %d\n", *limit)
		return exitUsage
	}
	f, err := filter()
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie search: %v\n", err)
		return exitUsage
	}
	k := ""
	if *kind != "" {
		sk, ok := zongjie.ParseSectionKind(strings.TrimSpace(*kind))
		if !ok {
			fmt.Fprintf(e.stderr, "zongjie search: --kind %q 不是部分的类别，可选 回顾 亮点 问题 计划 其他\n", *kind)
			return exitUsage
		}
		k = string(sk)
	}
	st, ok := openStore(ctx, e, "search", *db)
	if !ok {
		return exitUsage
	}
	defer st.Close()
	hits, err := st.Search(ctx, store.Query{Text: query, Filter: f, Kind: k, Limit: *limit})
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie search: %v\n", err)
		return exitUsage
	}
	if *format == "json" {
		type hitJSON struct {
			Report     summaryJSON `json:"report"`
			Offset     int         `json:"offset"`
			Kind       string      `json:"kind"`
			Text       string      `json:"text"`
			Highlights [][2]int    `json:"highlights"`
			Score      float64     `json:"score"`
		}
		out := []hitJSON{}
		for _, h := range hits {
			hl := corpus.Highlight(h.Paragraph.Text, query)
			if hl == nil {
				hl = [][2]int{}
			}
			out = append(out, hitJSON{toJSON(h.Report), h.Paragraph.Offset, h.Paragraph.Kind, h.Paragraph.Text, hl, h.Score})
		}
		writeJSON(e.stdout, map[string]any{"query": query, "hits": out})
		return exitOK
	}
	if len(hits) == 0 {
		fmt.Fprintln(e.stdout, "没有找到。")
		return exitOK
	}
	for _, h := range hits {
		snip, spans := corpus.Snippet(h.Paragraph.Text, corpus.Highlight(h.Paragraph.Text, query), 80)
		fmt.Fprintf(e.stdout, "[%d] %s %s %s（%s）\n    %s\n", h.Report.ID, unitText(h.Report.Unit), periodText(h.Report), h.Report.Title,
			orDash(zongjie.SectionKind(h.Paragraph.Kind).Words()), mark(snip, spans, paint))
	}
	return exitOK
}

// mark wraps the spans of s in colour or 【】.
func mark(s string, spans [][2]int, paint bool) string {
	open, close := "【", "】"
	if paint {
		open, close = "\033[1;31m", "\033[0m"
	}
	rs := []rune(s)
	var b strings.Builder
	k := 0
	for i, r := range rs {
		if k < len(spans) && i == spans[k][0] {
			b.WriteString(open)
		}
		b.WriteRune(r)
		if k < len(spans) && i == spans[k][1]-1 {
			b.WriteString(close)
			k++
		}
	}
	return strings.ReplaceAll(b.String(), "\n", " ")
}

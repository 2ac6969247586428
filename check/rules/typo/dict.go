package typo

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/internal/words"
)

// entry is one wrong → right pair of a dictionary, with the contexts in
// which the wrong form is part of correct text and must not be reported.
type entry struct {
	wrong, right string
	// notBefore lists strings that, ending just before the match, make it
	// correct text: 入 before 股分 (入股分红).
	notBefore []string
	// notAfter lists strings that, starting just after the match, make it
	// correct text: 红 after 股分 (入股分红).
	notAfter []string
	source   string // where the pair comes from (see README.md)
}

// allowed reports whether the match of e at byte offset i of text is an
// error: no guard applies, and the match is not part of e's own right form
// written correctly (ED屏 inside LED屏).
func (e *entry) allowed(text string, i int) bool {
	before, after := text[:i], text[i+len(e.wrong):]
	for _, g := range e.notBefore {
		if strings.HasSuffix(before, g) {
			return false
		}
	}
	for _, g := range e.notAfter {
		if strings.HasPrefix(after, g) {
			return false
		}
	}
	// The wrong form inside the right one: the text may hold the right form.
	for k := strings.Index(e.right, e.wrong); k >= 0; {
		if k <= i && strings.HasPrefix(text[i-k:], e.right) {
			return false
		}
		n := strings.Index(e.right[k+1:], e.wrong)
		if n < 0 {
			break
		}
		k += 1 + n
	}
	return true
}

// dict is a dictionary of entries matched in one pass over a text.
type dict struct {
	byWrong map[string]*entry
	set     *words.Set
	// pairs holds the first two characters of the wrong forms: a position
	// whose two characters start none is skipped before the set's index
	// is searched, which is most of the cost of a scan. single is set when
	// a wrong form is one character long, and the filter cannot be used.
	pairs  words.Pairs
	single bool
	// shared is the set registered for the checker's shared scan
	// (check.NewWordsEvery), for a dictionary made at package level; nil
	// for one made from a configuration, which scans the text itself.
	shared *check.Words
}

// newDict indexes entries; a later entry with the same wrong form replaces
// an earlier one (a project's pairs override the built-in ones).
func newDict(entries []*entry) *dict {
	d := &dict{byWrong: make(map[string]*entry, len(entries))}
	for _, e := range entries {
		d.byWrong[e.wrong] = e
	}
	list := make([]string, 0, len(d.byWrong))
	for wrong := range d.byWrong {
		list = append(list, wrong)
		r1, size := utf8.DecodeRuneInString(wrong)
		if r2, n := utf8.DecodeRuneInString(wrong[size:]); n > 0 {
			d.pairs.Add(r1, r2)
		} else {
			d.single = true
		}
	}
	d.set = words.NewSet(list...)
	return d
}

// sharedDict returns newDict(entries) with its words in the checker's
// shared scan: call it at package level.
func sharedDict(entries []*entry) *dict {
	d := newDict(entries)
	d.shared = check.NewWordsEvery(d.set)
	return d
}

// scanPass calls fn for every reportable match in the text of p, as scan
// does: from the words the shared scan found at each position when the
// dictionary is in it, else by a scan of its own.
func (d *dict) scanPass(p *check.Pass, fn func(start int, e *entry)) {
	if d.shared == nil {
		d.scan(p.File.Text, fn)
		return
	}
	text := p.File.Text
	ms := p.FindEvery(d.shared)
	resume := 0 // scan goes on after a reported match
	for k := 0; k < len(ms); {
		i := ms[k].Span.Start
		end := k + 1
		for end < len(ms) && ms[end].Span.Start == i {
			end++
		}
		if i >= resume {
			// The words at i, longest first, as scan tries them.
			for _, m := range ms[k:end] {
				if e := d.byWrong[m.Word]; e.allowed(text, i) {
					fn(i, e)
					resume = i + len(m.Word)
					break
				}
			}
		}
		k = end
	}
}

// scan calls fn for every reportable match in text, in order: at each
// position the longest wrong form whose guards allow it; scanning resumes
// after a match. One pass, with the pair filter deciding most positions
// without a lookup.
func (d *dict) scan(text string, fn func(start int, e *entry)) {
	if text == "" {
		return
	}
	// r is the character at i; the one after it, decoded for the pair
	// test, becomes the next r.
	r, size := decodeAt(text, 0)
	for i := 0; i < len(text); {
		next, nextSize := rune(-1), 0
		if i+size < len(text) {
			next, nextSize = decodeAt(text, i+size)
		}
		if d.single && !d.set.MayStart(r) || !d.single && (nextSize == 0 || !d.pairs.Has(r, next)) {
			i, r, size = i+size, next, nextSize
			continue
		}
		matched := false
		for _, w := range d.set.Candidates(text, i) {
			if !strings.HasPrefix(text[i:], w) {
				continue
			}
			if e := d.byWrong[w]; e.allowed(text, i) {
				fn(i, e)
				i += len(w)
				matched = true
				break
			}
		}
		switch {
		case !matched:
			i, r, size = i+size, next, nextSize
		case i < len(text):
			r, size = decodeAt(text, i)
		}
	}
}

// parseDict reads a dictionary file: one pair a line, tab-separated
// columns wrong, right, not-before guards, not-after guards and source;
// guards are separated by "|"; blank lines and lines starting with # are
// comments. It rejects a malformed line, a wrong form equal to its right
// form, and a wrong form listed twice.
func parseDict(name, data string) ([]*entry, error) {
	var out []*entry
	seen := map[string]int{}
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || len(cols) > 5 {
			return nil, fmt.Errorf("%s:%d: want 2 to 5 tab-separated columns, got %d", name, n+1, len(cols))
		}
		for len(cols) < 5 {
			cols = append(cols, "")
		}
		e := &entry{
			wrong: cols[0], right: cols[1],
			notBefore: guards(cols[2]), notAfter: guards(cols[3]),
			source: cols[4],
		}
		switch {
		case e.wrong == "" || e.right == "":
			return nil, fmt.Errorf("%s:%d: empty wrong or right form", name, n+1)
		case e.wrong == e.right:
			return nil, fmt.Errorf("%s:%d: wrong form %q equals its right form", name, n+1, e.wrong)
		case seen[e.wrong] != 0:
			return nil, fmt.Errorf("%s:%d: wrong form %q already listed on line %d", name, n+1, e.wrong, seen[e.wrong])
		}
		seen[e.wrong] = n + 1
		out = append(out, e)
	}
	return out, nil
}

// guards splits a guard column: "-" or "" is none.
func guards(col string) []string {
	if col == "" || col == "-" {
		return nil
	}
	return strings.Split(col, "|")
}

// mustParse parses an embedded dictionary, panicking on an error: the data
// is part of the program and its tests.
func mustParse(name, data string) []*entry {
	es, err := parseDict(name, data)
	if err != nil {
		panic(err)
	}
	return es
}

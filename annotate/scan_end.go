package annotate

// end handles an end tag at data[from:to] (empty for the end of a
// self-closing element).
func (s *scanner) end(from, to int) {
	n := len(s.stack)
	if n == 0 {
		return
	}
	f := s.stack[n-1]
	defer func() { s.stack = s.stack[:n-1] }()
	s.endRaw(&f, from, to)
	if s.skip > 0 {
		if s.skip == n {
			s.skip = 0
		}
		return
	}
	st := s.story()
	switch f.name {
	case "p":
		if st.para >= 0 && st.paraDepth == n {
			s.endPara(st)
		}
	case "t":
		if s.cap != nil && s.cap.depth == n {
			s.endText(from, to)
		}
	case "tc":
		if st.row != nil && st.row.cellDepth == n {
			st.row.cellDepth = 0
		}
	case "tr":
		if r := st.row; r != nil && r.depth == n {
			st.row = nil
			if r.origin >= 0 {
				s.lay.rows[r.origin] = r
			}
		}
	case "txbxContent":
		if f.story && len(s.stories) > 1 {
			s.stories = s.stories[:len(s.stories)-1]
		}
	}
}

// endRaw completes the positions recorded for the element that ends.
func (s *scanner) endRaw(f *frame, from, to int) {
	n := len(s.stack)
	if f.para >= 0 && from == to {
		s.lay.paras[f.para].inner = -1 // <w:p/>
	}
	if f.run >= 0 {
		s.lay.runs[f.run].end = to
	}
	if f.atom >= 0 {
		s.lay.paras[f.atomPara].atoms[f.atom].end = to
	}
	if n < 2 {
		return
	}
	parent := &s.stack[n-2]
	if f.name == "pPr" && parent.para >= 0 {
		s.lay.paras[parent.para].inner = to
	}
	if parent.run >= 0 {
		r := &s.lay.runs[parent.run]
		if f.props {
			r.propEnd = to
		} else {
			r.last = to
		}
	}
}

// endPara closes the story's paragraph; in a table row its text joins the
// open cell.
func (s *scanner) endPara(st *story) {
	origin := st.para
	st.para = -1
	if r := st.row; r != nil {
		r.events = append(r.events, rowEvent{para: origin, implicit: r.cellDepth == 0})
	}
}

// endText turns the finished w:t into atoms of its paragraph: the reader
// trims the white space of a w:t without xml:space="preserve", turns line
// feeds into spaces and drops control characters.
func (s *scanner) endText(from, to int) {
	c := s.cap
	s.cap = nil
	st := s.story()
	t := &s.lay.texts[c.text]
	t.close, t.end = from, to
	if st.para < 0 {
		return
	}
	runes := c.runes
	if !c.exact || !sameText(runes, c.decoded) {
		runes = nil
		for _, r := range string(c.decoded) {
			runes = append(runes, rawRune{r: r, start: -1})
		}
	}
	lo, hi := 0, len(runes)
	if !t.preserve {
		for lo < hi && trimmed(runes[lo].r) {
			lo++
		}
		for hi > lo && trimmed(runes[hi-1].r) {
			hi--
		}
	}
	t.coreStart, t.coreEnd = t.openEnd, t.openEnd
	if lo < hi && runes[lo].start >= 0 {
		t.coreStart, t.coreEnd = runes[lo].start, runes[hi-1].end
	}
	p := &s.lay.paras[st.para]
	for _, rr := range runes[lo:hi] {
		r := rr.r
		if r == '\n' {
			r = ' '
		}
		if dropped(r) {
			continue
		}
		a := atom{r: r, kind: atomChar, start: rr.start, end: rr.end, run: t.run, text: c.text}
		if rr.start < 0 {
			// The characters could not be placed inside the element:
			// boundaries fall around the whole w:t.
			a.kind, a.start, a.end, a.text = atomElem, t.open, t.end, -1
		}
		if t.firstStart < 0 {
			t.firstStart = a.start
		}
		t.lastEnd = a.end
		p.atoms = append(p.atoms, a)
	}
}

// trimmed reports whether the reader trims r from the ends of a w:t
// without xml:space="preserve".
func trimmed(r rune) bool { return r == ' ' || r == '\t' || r == '\r' || r == '\n' }

// sameText reports whether runes spell decoded.
func sameText(runes []rawRune, decoded []byte) bool {
	i := 0
	for _, rr := range runes {
		for _, b := range []byte(string(rr.r)) {
			if i >= len(decoded) || decoded[i] != b {
				return false
			}
			i++
		}
	}
	return i == len(decoded)
}

package check

import (
	"sync"

	"zongjie/document"
	"zongjie/internal/words"
)

// Words is a fixed list of words a rule looks for. Every Words made (at
// package initialisation, as rules are) is found in one shared scan of each
// file: Pass.Find costs a rule no pass of its own over the text.
type Words struct {
	set   *words.Set
	id    int
	every bool // found with FindEvery
}

// NewWords returns the Words of list. Call it once, at package level; for
// lists built at run time (from a configuration) use Pass.FindSet.
func NewWords(list ...string) *Words {
	return NewWordsOf(words.NewSet(list...))
}

// NewWordsOf is NewWords for a set already built (from embedded data).
func NewWordsOf(set *words.Set) *Words {
	return register(set, false)
}

// NewWordsEvery is NewWordsOf for a set whose every occurrence a rule
// needs, overlapping ones too (FindEvery): a dictionary whose entries are
// chosen at each position by their contexts.
func NewWordsEvery(set *words.Set) *Words {
	return register(set, true)
}

func register(set *words.Set, every bool) *Words {
	registry.Lock()
	defer registry.Unlock()
	w := &Words{set: set, id: len(registry.all), every: every}
	registry.all = append(registry.all, w)
	registry.group = nil
	return w
}

// Set returns the underlying set, for At, Contains and Suffix on parts of
// the text.
func (w *Words) Set() *words.Set { return w.set }

// registry holds every Words and the group that scans for all of them.
var registry struct {
	sync.Mutex
	all   []*Words
	group *words.Group // nil when Words were added since it was built
	size  int          // how many Words the group covers
}

// group returns the current group and how many Words it covers.
func group() (*words.Group, int) {
	registry.Lock()
	defer registry.Unlock()
	if registry.group == nil {
		sets := make([]*words.Set, len(registry.all))
		every := make([]bool, len(registry.all))
		for i, w := range registry.all {
			sets[i], every[i] = w.set, w.every
		}
		registry.group, registry.size = words.NewGroupOf(sets, every), len(sets)
	}
	return registry.group, registry.size
}

type findKey struct{}

// Find returns every occurrence of the words in the file's text (the
// longest word at each position, scanning past each match), as spans.
// w must not be made by NewWordsEvery.
func (p *Pass) Find(w *Words) []Match {
	ms, ok := p.scan(w)
	if !ok {
		return p.FindSet(w.set) // made after this file's scan
	}
	return spans(ms)
}

// FindEvery returns each word of w at each character of the file's text,
// longest first, overlapping ones too (words.Set.Every), as spans. w must
// be made by NewWordsEvery.
func (p *Pass) FindEvery(w *Words) []Match {
	ms, ok := p.scan(w)
	if !ok {
		ms = w.set.Every(p.File.Text) // made after this file's scan
	}
	return spans(ms)
}

// scan returns the matches of w in the file's shared scan, or false when
// w was made after it.
func (p *Pass) scan(w *Words) ([]words.Match, bool) {
	res := p.scanned()
	if w.id >= res.size {
		return nil, false
	}
	return res.matches[w.id], true
}

// scanned is the file's one scan for the words of every Words and for
// the numeral runs (Numerals).
type scanned struct {
	matches  [][]words.Match
	size     int // how many Words the group covers
	numerals []document.Span
}

func (p *Pass) scanned() *scanned {
	return p.Shared(findKey{}, func() any {
		g, size := group()
		ms, runs := g.ScanRuns(p.File.Text, numeralTable())
		return &scanned{ms, size, runs}
	}).(*scanned)
}

// FindSet is Find for a set made at run time: it scans the text itself.
func (p *Pass) FindSet(set *words.Set) []Match {
	return spans(set.All(p.File.Text))
}

func spans(ms []words.Match) []Match {
	out := make([]Match, len(ms))
	for i, m := range ms {
		out[i] = Match{Span: document.Span{Start: m.Start, End: m.Start + len(m.Word)}, Word: m.Word}
	}
	return out
}

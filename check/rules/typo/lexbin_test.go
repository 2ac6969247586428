package typo

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var writeLexBin = flag.Bool("lexbin", false, "write lexicon.bin, the binary form of lexicon.gz (go generate)")

// TestLexiconBin checks that lexicon.bin is the binary form of
// lexicon.gz (with -lexbin, writes it), and that the lexicon loaded from
// it is the one the text makes.
func TestLexiconBin(t *testing.T) {
	text, err := lexiconText()
	if err != nil {
		t.Fatal(err)
	}
	src, err := readLexiconText(text)
	if err != nil {
		t.Fatal(err)
	}
	want := src.encode()
	if *writeLexBin {
		if err := os.WriteFile("lexicon.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(lexiconBin, want) {
		t.Fatalf("lexicon.bin (%d bytes) is not the binary form of lexicon.gz (%d bytes): run go generate ./check/rules/typo", len(lexiconBin), len(want))
	}
	fromText, err := src.build()
	if err != nil {
		t.Fatal(err)
	}
	bin, err := decodeLexicon(lexiconBin)
	if err != nil {
		t.Fatal(err)
	}
	fromBin, err := bin.build()
	if err != nil {
		t.Fatal(err)
	}
	if len(fromBin.chars) != len(fromText.chars) || len(fromBin.cands) != len(fromText.cands) || fromBin.logTotal != fromText.logTotal {
		t.Fatalf("the lexicon of lexicon.bin differs from the text's: %d characters, %d candidates, log total %v; want %d, %d, %v",
			len(fromBin.chars), len(fromBin.cands), fromBin.logTotal, len(fromText.chars), len(fromText.cands), fromText.logTotal)
	}
	for id := range fromText.chars {
		if fromBin.chars[id] != fromText.chars[id] || fromBin.alt[id] != fromText.alt[id] {
			t.Fatalf("character %d: %+v from lexicon.bin, %+v from the text", id, fromBin.chars[id], fromText.chars[id])
		}
	}
	for i, sl := range fromText.words.slots {
		if fromBin.words.slots[i] != sl {
			t.Fatalf("words slot %d: %+v from lexicon.bin, %+v from the text", i, fromBin.words.slots[i], sl)
		}
	}
	for i, sl := range fromText.typos.slots {
		if fromBin.typos.slots[i] != sl {
			t.Fatalf("typos slot %d differs", i)
		}
	}
	for i, c := range fromText.cands {
		if fromBin.cands[i] != c {
			t.Fatalf("candidate %d differs", i)
		}
	}
}

// TestDecodeLexiconBad checks that a damaged lexicon.bin is an error, not
// a panic: cut short anywhere, or with a byte changed.
func TestDecodeLexiconBad(t *testing.T) {
	for _, n := range []int{0, 5, len(lexBinMagic), len(lexBinMagic) + 3, 2000, len(lexiconBin) / 2, len(lexiconBin) - 1} {
		if _, err := decodeLexicon(lexiconBin[:n]); err == nil {
			t.Errorf("lexicon.bin cut at %d bytes: no error", n)
		}
	}
	bad := bytes.Clone(lexiconBin)
	bad[len(lexBinMagic)] = 0xFF // the number of readings, never ending
	for i := len(lexBinMagic) + 1; i < len(lexBinMagic)+12; i++ {
		bad[i] = 0xFF
	}
	if _, err := decodeLexicon(bad); err == nil {
		t.Error("lexicon.bin with a broken count: no error")
	}
}

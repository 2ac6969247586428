package typo

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLMPairsFile checks the embedded lmpairs.bin: its SHA-256 is the one
// lmpairs.sum records, it decodes (pairs in order, nothing after the
// last), and its weights tell general text's pairs from a typo's; and,
// when the Debian packages it is made from are in the cache or
// ZONGJIE_REQUIRE_TOOLS is set (then lmgen fetches them), that lmgen
// makes it again byte for byte.
func TestLMPairsFile(t *testing.T) {
	sums, err := os.ReadFile("lmpairs.sum")
	if err != nil {
		t.Fatal(err)
	}
	want := ""
	var debs []string
	sc := bufio.NewScanner(bytes.NewReader(sums))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && f[0] == "sha256":
			want = f[1]
		case len(f) == 3 && strings.HasSuffix(f[0], ".deb"):
			debs = append(debs, f[0])
		}
	}
	if got := fmt.Sprintf("%x", sha256.Sum256(lmPairData)); got != want {
		t.Errorf("lmpairs.bin has SHA-256 %s, lmpairs.sum says %s: run make lmpairs", got, want)
	}
	if len(debs) != 3 {
		t.Errorf("lmpairs.sum names %d packages, want 3", len(debs))
	}
	tab, err := decodeLMPairs(lmPairData)
	if err != nil || tab.len() < 700000 {
		t.Fatalf("%v", err)
	}
	for _, bad := range [][]byte{
		nil,
		[]byte(lmPairMagic),
		lmPairData[:len(lmPairData)-1],
		append(bytes.Clone(lmPairData), 0),
	} {
		if _, err := decodeLMPairs(bad); err == nil {
			t.Errorf("%d bytes decoded without error", len(bad))
		}
	}
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	w := func(s string) int {
		r := []rune(s)
		return l.lmPair(l.pairID(r[0]), l.pairID(r[1]))
	}
	// The ids of the pairs are their characters' and the clause marks'.
	for _, r := range "政府，。、；：！？" {
		if got := l.pairRune(l.pairID(r)); got != r {
			t.Errorf("pairRune(pairID(%q)) = %q", r, got)
		}
	}
	// Inside a word (政府, 衔接), across words (府和 of 政府 和), with a
	// clause mark (接，); their typos' pairs far rarer or absent.
	for _, c := range []struct {
		pair    string
		atLeast int
	}{{"政府", 100000}, {"衔接", 1000}, {"府和", 100}, {"接，", 100}} {
		if got := w(c.pair); got < c.atLeast {
			t.Errorf("%s: %d, want %d or more", c.pair, got, c.atLeast)
		}
	}
	for _, c := range []struct {
		pair  string
		below int
	}{{"正府", 100}, {"衔结", 100}, {"澈落", 1}} {
		if got := w(c.pair); got >= c.below {
			t.Errorf("%s: %d, want less than %d", c.pair, got, c.below)
		}
	}

	dir, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(dir, "zongjie", "sunpinyin")
	for _, d := range debs {
		if _, err := os.Stat(filepath.Join(cache, d)); err != nil && os.Getenv("ZONGJIE_REQUIRE_TOOLS") == "" {
			t.Logf("%s not in %s and ZONGJIE_REQUIRE_TOOLS unset: lmpairs.bin not made again (make lmpairs)", d, cache)
			return
		}
	}
	tmp := t.TempDir()
	out, sum, notice := filepath.Join(tmp, "lmpairs.bin"), filepath.Join(tmp, "lmpairs.sum"), filepath.Join(tmp, "lmpairs-NOTICE.txt")
	cmd := exec.Command("go", "run", "./lmgen", "-o", out, "-sum", sum, "-notice", notice, "-cache", cache)
	cmd.Env = append(os.Environ(), "ZONGJIE_REQUIRE_TOOLS=1")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("lmgen: %v\n%s", err, msg)
	}
	for _, c := range []struct{ made, committed string }{{out, "lmpairs.bin"}, {sum, "lmpairs.sum"}, {notice, "lmpairs-NOTICE.txt"}} {
		a, err1 := os.ReadFile(c.made)
		b, err2 := os.ReadFile(c.committed)
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s is not what lmgen makes (%d and %d bytes; %v %v): run make lmpairs", c.committed, len(b), len(a), err1, err2)
		}
	}
}

// Command lmgen generates check/rules/typo/lmpairs.bin, a table of the
// pairs of adjacent characters of general written Chinese with their
// weight, derived from open-gram, the word trigram language model of
// simplified Chinese that the Debian package sunpinyin-data ships
// (lm_sc.t3g: 71,759 words, 2,500,000 bigrams, 1,000,000 trigrams; CC
// BY-SA 3.0, see lmpairs-NOTICE.txt). TY008 reads it as a second, far
// larger opinion than bigrams.gz (the pairs of 284,000 characters of
// report prose) on whether a character fits its neighbours.
//
// A pair is two Chinese characters, or one and a mark that ends a clause
// (，。、；：！？). Its weight is the probability mass of the word tokens
// that make it, per billion word tokens: P(w) for each adjacent pair
// inside a word w of the model, and P(w1)·P(w2|w1) for the last
// character of w1 and the first of w2 for each bigram the model lists
// (the mass of the bigrams it does not list is a back-off to independent
// words, no evidence of the pair, and is left out). It is stored as
// q = round(8·ln(weight)), weight ≥ 1, one byte a pair.
//
// The model's words are ids; their text is the word table of
// pydict_sc.bin (the same package): UTF-32LE strings, each ended by a
// NUL, in id order, from the byte offset in the third uint32 of the
// file's header to its end. The model is read through the package's own
// dumper, `tslminfo -v` (sunpinyin-utils, LGPL-2.1/CDDL, run here only:
// nothing of it is linked or committed), which prints each n-gram with
// −ln Pr.
//
// The packages are fetched with `apt-get download` at pinned versions
// (Debian bookworm, amd64), checked against the SHA-256 sums below and
// unpacked with `dpkg-deb -x` into a cache directory (the user's cache,
// zongjie/sunpinyin); lmpairs.sum records those sums and the SHA-256 of
// the table, which a test checks. Without apt-get or dpkg-deb it leaves
// the table as it is and says so, unless ZONGJIE_REQUIRE_TOOLS is set.
//
// Run it from the typo package: go generate ./check/rules/typo (or make
// lmpairs).
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// pkg is a Debian package at a pinned version.
type pkg struct {
	name, version, sha256 string
}

// file is the name apt-get download gives the package.
func (p pkg) file() string {
	return p.name + "_" + p.version + "_amd64.deb"
}

// packages are the pinned packages (Debian bookworm, amd64).
var packages = []pkg{
	{"sunpinyin-data", "0.1.22+20170109-2", "e30b33b97cbe45af1b176a5c8e937078759d0c1f5344200a11e6ac802339a948"},
	{"sunpinyin-utils", "3.0.0~rc2+ds1-4+b1", "22c9043544a9dd1798c9947a12ca4604a5fb5b4ba7fff79020598ef23b1eae13"},
	{"libsunpinyin3v5", "3.0.0~rc2+ds1-4+b1", "6e2dc45dc9aa2d04acaefae37cd598c6283aafd6e7c0f7a5f3148a7836c2fb5f"},
}

// noticeHead starts lmpairs-NOTICE.txt; the copyright file of
// sunpinyin-data follows it.
const noticeHead = `lmpairs.bin is an adaptation of open-gram, the language model of
simplified Chinese by Kefu Chai (Kov Chai), Yong Sun, Wei Xue, Mike Qin
and others, with dictionary data (c) 1997-2010 MDBG, as the Debian package
sunpinyin-data 0.1.22+20170109-2 ships it (lm_sc.t3g and the word table of
pydict_sc.bin; https://sourceforge.net/projects/open-gram/files/). It was
made by zongjie's check/rules/typo/lmgen: the weights of the pairs of
adjacent characters the model's words and bigrams make, per billion word
tokens, log-quantised (see lmgen/main.go). Like open-gram, lmpairs.bin is
licensed under the Creative Commons Attribution-ShareAlike 3.0 Unported
licence (https://creativecommons.org/licenses/by-sa/3.0/); zongjie's code
is not. The copyright file of sunpinyin-data, with the licence's text,
follows.

==== sunpinyin-data: /usr/share/doc/sunpinyin-data/copyright ====

`

// Magic is the first line of lmpairs.bin.
const Magic = "zongjie lmpairs 1\n"

// scale turns a probability into a weight: per billion word tokens.
const scale = 1e9

// clausePunct are the marks that end a clause, as the typo package has
// them.
const clausePunct = "，。、；：！？"

const (
	libDir  = "usr/lib/x86_64-linux-gnu"
	dataDir = libDir + "/sunpinyin/data"
)

func main() {
	out := flag.String("o", "lmpairs.bin", "the file to write")
	sum := flag.String("sum", "lmpairs.sum", "the file of SHA-256 sums to write")
	notice := flag.String("notice", "lmpairs-NOTICE.txt", "the file of the attribution and licence to write")
	cache := flag.String("cache", "", "the directory of the packages (default: the user's cache directory, zongjie/sunpinyin)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("lmgen: ")
	if *cache == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			log.Fatal(err)
		}
		*cache = filepath.Join(dir, "zongjie", "sunpinyin")
	}
	root, err := fetch(*cache)
	if errors.Is(err, errNoTools) && os.Getenv("ZONGJIE_REQUIRE_TOOLS") == "" {
		log.Printf("%v: %s left as it is", err, *out)
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	words, err := readWords(filepath.Join(root, dataDir, "pydict_sc.bin"))
	if err != nil {
		log.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(root, "usr/bin/tslminfo"), "-v", filepath.Join(root, dataDir, "lm_sc.t3g"))
	cmd.Env = append(os.Environ(), "LD_LIBRARY_PATH="+filepath.Join(root, libDir))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		log.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	weights, err := pairWeights(stdout, words)
	if err != nil {
		log.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		log.Fatalf("tslminfo: %v", err)
	}
	data, n := encode(weights)
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	var s strings.Builder
	s.WriteString("# lmpairs.bin of TY008, generated by lmgen from these Debian packages (bookworm, amd64); a test checks the SHA-256 of the table.\n")
	for _, p := range packages {
		fmt.Fprintf(&s, "%s %s %s\n", p.file(), p.version, p.sha256)
	}
	fmt.Fprintf(&s, "sha256 %x\n", sha256.Sum256(data))
	if err := os.WriteFile(*sum, []byte(s.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	copyright, err := os.ReadFile(filepath.Join(root, "usr/share/doc/sunpinyin-data/copyright"))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*notice, append([]byte(noticeHead), copyright...), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d pairs, %d bytes, from %d words", *out, n, len(data), len(words))
}

// errNoTools is returned when apt-get or dpkg-deb is missing.
var errNoTools = errors.New("apt-get or dpkg-deb not found")

// fetch downloads the packages into dir unless they are there already,
// checks their sums and unpacks them into dir/x, which it returns.
func fetch(dir string) (string, error) {
	root := filepath.Join(dir, "x")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for _, p := range packages {
		path := filepath.Join(dir, p.file())
		if !sumOK(path, p.sha256) {
			if _, err := exec.LookPath("apt-get"); err != nil {
				return "", errNoTools
			}
			cmd := exec.Command("apt-get", "download", p.name+"="+p.version)
			cmd.Dir = dir
			cmd.Stdout = os.Stderr
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				return "", fmt.Errorf("apt-get download %s=%s: %v", p.name, p.version, err)
			}
			if !sumOK(path, p.sha256) {
				return "", fmt.Errorf("%s: SHA-256 is not %s", path, p.sha256)
			}
		}
		if _, err := exec.LookPath("dpkg-deb"); err != nil {
			return "", errNoTools
		}
		if out, err := exec.Command("dpkg-deb", "-x", path, root).CombinedOutput(); err != nil {
			return "", fmt.Errorf("dpkg-deb -x %s: %v: %s", path, err, out)
		}
	}
	return root, nil
}

// sumOK reports whether the file at path has the SHA-256 sum want.
func sumOK(path, want string) bool {
	data, err := os.ReadFile(path)
	return err == nil && fmt.Sprintf("%x", sha256.Sum256(data)) == want
}

// readWords returns the word table of pydict_sc.bin, by id.
func readWords(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) < 12 {
		return nil, fmt.Errorf("%s: too short", path)
	}
	count, start := binary.LittleEndian.Uint32(data), binary.LittleEndian.Uint32(data[8:])
	if int(start) > len(data) || (len(data)-int(start))%4 != 0 {
		return nil, fmt.Errorf("%s: word table at %d of %d bytes", path, start, len(data))
	}
	var words []string
	var w []rune
	for i := int(start); i < len(data); i += 4 {
		r := rune(binary.LittleEndian.Uint32(data[i:]))
		if r != 0 {
			w = append(w, r)
			continue
		}
		words = append(words, string(w))
		w = w[:0]
	}
	if len(words) != int(count) || len(w) != 0 {
		return nil, fmt.Errorf("%s: %d words, the header says %d", path, len(words), count)
	}
	return words, nil
}

// pairWeights reads the model printed by tslminfo -v and returns the
// weight of each pair (two runes, the first in the high half).
func pairWeights(r io.Reader, words []string) (map[uint64]float64, error) {
	uni := map[int]float64{}
	weights := map[uint64]float64{}
	add := func(a, b rune, p float64) {
		if (isHan(a) || isHan(b)) && (isHan(a) || isPunct(a)) && (isHan(b) || isPunct(b)) {
			weights[uint64(a)<<32|uint64(b)] += p * scale
		}
	}
	word := func(f string) (string, error) {
		id, err := strconv.Atoi(f)
		if err != nil || id < 0 || id >= len(words) {
			return "", fmt.Errorf("word id %q", f)
		}
		return words[id], nil
	}
	level, nuni, nbi := -1, 0, 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, `\`) {
			level = int(line[1] - '0')
			continue
		}
		f := strings.Fields(line)
		switch level {
		case 1:
			// id, −ln Pr, back-off weight, node.
			if len(f) != 4 {
				return nil, fmt.Errorf("line %d: %q", n, line)
			}
			id, err1 := strconv.Atoi(f[0])
			lp, err2 := strconv.ParseFloat(f[1], 64)
			w, err3 := word(f[0])
			if err := errors.Join(err1, err2, err3); err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
			p := math.Exp(-lp)
			uni[id] = p
			nuni++
			rs := []rune(w)
			for i := 1; i < len(rs); i++ {
				if isHan(rs[i-1]) && isHan(rs[i]) {
					add(rs[i-1], rs[i], p)
				}
			}
		case 2:
			// id1, id2, −ln Pr(id2 | id1), back-off weight, node.
			if len(f) != 5 {
				return nil, fmt.Errorf("line %d: %q", n, line)
			}
			id1, err1 := strconv.Atoi(f[0])
			lp, err2 := strconv.ParseFloat(f[2], 64)
			w1, err3 := word(f[0])
			w2, err4 := word(f[1])
			if err := errors.Join(err1, err2, err3, err4); err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
			p1, ok := uni[id1]
			if !ok {
				return nil, fmt.Errorf("line %d: no unigram %d", n, id1)
			}
			nbi++
			if w1 == "" || w2 == "" {
				continue // the sentence's boundary, or no text
			}
			a, _ := utf8.DecodeLastRuneInString(w1)
			b, _ := utf8.DecodeRuneInString(w2)
			add(a, b, p1*math.Exp(-lp))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if nuni < 50000 || nbi < 1000000 {
		return nil, fmt.Errorf("the model has %d unigrams and %d bigrams: not the one expected", nuni, nbi)
	}
	return weights, nil
}

// encode returns the table of weights: Magic, the number of first
// characters (uvarint), then for each in rune order the difference from
// the one before (uvarint), the number of its pairs (uvarint) and for
// each pair in rune order of the second character its difference from
// the one before (from 0; uvarint) and q (a byte). Weights below 1 are
// left out.
func encode(weights map[uint64]float64) ([]byte, int) {
	keys := make([]uint64, 0, len(weights))
	for k, w := range weights {
		if w >= 1 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var groups []int // the index of the first key of each first character
	for i, k := range keys {
		if i == 0 || k>>32 != keys[i-1]>>32 {
			groups = append(groups, i)
		}
	}
	var b bytes.Buffer
	b.WriteString(Magic)
	b.Write(binary.AppendUvarint(nil, uint64(len(groups))))
	prevA := uint64(0)
	for g, from := range groups {
		to := len(keys)
		if g+1 < len(groups) {
			to = groups[g+1]
		}
		a := keys[from] >> 32
		b.Write(binary.AppendUvarint(nil, a-prevA))
		b.Write(binary.AppendUvarint(nil, uint64(to-from)))
		prevA = a
		prevB := uint64(0)
		for _, k := range keys[from:to] {
			c := k & 0xFFFFFFFF
			b.Write(binary.AppendUvarint(nil, c-prevB))
			prevB = c
			q := math.Round(8 * math.Log(weights[k]))
			b.WriteByte(byte(min(q, 255)))
		}
	}
	return b.Bytes(), len(keys)
}

// isHan reports whether r is a CJK ideograph of the BMP blocks used in
// reports (the unified block and Extension A), as the typo package does.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

// isPunct reports whether r is a mark of clausePunct.
func isPunct(r rune) bool {
	return strings.ContainsRune(clausePunct, r)
}

package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinSentenceChars is the shortest sentence, in characters, that
// SplitSentences keeps: shorter ones are headings, salutations and
// fragments.
const MinSentenceChars = 12

// maxSentenceChars is the longest sentence Generate uses (a line of
// hundreds of characters without a full stop is not a sentence).
const maxSentenceChars = 1000

// SourceDirs are the directories, relative to the shared directory, whose
// *.txt files LoadSentences reads.
var SourceDirs = []string{"seeds", "corpus/national", "corpus/province2026"}

// chrome marks lines that belong to the page around a report (a news
// site's toolbar and byline, a wiki's licence notice), not to the report.
var chrome = []string{
	"来源：", "时间：", "相关报道", "责任编辑", "字号", "打印", "收藏", "分享",
	"维基", "著作权", "公有领域", "Public domain", "http", "www.",
}

// SplitSentences splits text into the sentences that can stand on their
// own in a generated report. Each line is a paragraph; a sentence ends
// with 。！？ or ； (and the closing quotes or brackets right after it);
// text after a line's last end mark is dropped, and so are lines of page
// chrome. A leading list marker (一、 （一） 1. （1） ①) is removed.
// Sentences shorter than MinSentenceChars, not mostly Chinese, starting
// with punctuation or with unbalanced quotes or brackets are dropped.
// Duplicates are kept; LoadSentences removes them.
func SplitSentences(text string) []string {
	var out []string
	for line := range strings.Lines(text) {
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line == "" || isChrome(line) {
			continue
		}
		start := 0
		for i, r := range line {
			if i < start || !isSentenceEnd(r) {
				continue
			}
			end := i + utf8.RuneLen(r)
			for end < len(line) {
				c, n := utf8.DecodeRuneInString(line[end:])
				if !isCloser(c) {
					break
				}
				end += n
			}
			if s, ok := cleanSentence(line[start:end]); ok {
				out = append(out, s)
			}
			start = end
		}
	}
	return out
}

// LoadSentences reads the *.txt files of SourceDirs under shared (in
// directory order, files sorted by name), splits them with SplitSentences
// and returns the distinct sentences in the order first seen. It fails if
// a directory is missing or no sentence is found.
func LoadSentences(shared string) ([]string, error) {
	var out []string
	seen := make(map[string]bool)
	for _, sub := range SourceDirs {
		dir := filepath.Join(shared, filepath.FromSlash(sub))
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("gen: sentence source: %w", err)
		}
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			return nil, err
		}
		slices.Sort(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			if !utf8.Valid(b) {
				return nil, fmt.Errorf("gen: %s is not UTF-8", f)
			}
			text := strings.TrimPrefix(string(b), "\ufeff")
			for _, s := range SplitSentences(text) {
				if !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("gen: no sentences under %s", shared)
	}
	return out, nil
}

func isChrome(line string) bool {
	for _, c := range chrome {
		if strings.Contains(line, c) {
			return true
		}
	}
	return strings.HasPrefix(line, "——")
}

func isSentenceEnd(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '；'
}

func isCloser(r rune) bool {
	return r == '”' || r == '’' || r == '」' || r == '』' || r == '）' || r == ')' || r == '》'
}

// cleanSentence trims s and removes a leading list marker, and reports
// whether what is left is a usable sentence.
func cleanSentence(s string) (string, bool) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	s = strings.TrimFunc(stripMarker(s), unicode.IsSpace)
	n := utf8.RuneCountInString(s)
	if n < MinSentenceChars || n > maxSentenceChars {
		return "", false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !(unicode.Is(unicode.Han, first) || unicode.IsLetter(first) || unicode.IsDigit(first) || first == '“' || first == '《') {
		return "", false
	}
	han := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if 2*han < n || !balanced(s) {
		return "", false
	}
	return s, true
}

// stripMarker removes one leading list marker: 一、 （一） (1) 1. 1、 ①.
func stripMarker(s string) string {
	rs := []rune(s)
	i := 0
	switch {
	case len(rs) > 2 && (rs[0] == '（' || rs[0] == '('):
		j := 1
		for j < len(rs) && (isCNDigit(rs[j]) || rs[j] >= '0' && rs[j] <= '9') {
			j++
		}
		if j > 1 && j < len(rs) && (rs[j] == '）' || rs[j] == ')') {
			i = j + 1
		}
	case len(rs) > 1 && rs[0] >= '①' && rs[0] <= '⑳':
		i = 1
	default:
		j := 0
		for j < len(rs) && isCNDigit(rs[j]) {
			j++
		}
		if j > 0 && j < len(rs) && rs[j] == '、' {
			i = j + 1
			break
		}
		j = 0
		for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
		if j > 0 && j < len(rs)-1 && (rs[j] == '.' || rs[j] == '．' || rs[j] == '、') && !(rs[j+1] >= '0' && rs[j+1] <= '9') {
			i = j + 1
		}
	}
	return string(rs[i:])
}

func isCNDigit(r rune) bool {
	return strings.ContainsRune("一二三四五六七八九十", r)
}

// balanced reports whether the quotes and brackets of s pair up.
func balanced(s string) bool {
	var stack []rune
	for _, r := range s {
		switch r {
		case '“', '（', '(', '《', '【', '「', '『', '‘':
			stack = append(stack, r)
		case '”', '）', ')', '》', '】', '」', '』', '’':
			if len(stack) == 0 || pairs[stack[len(stack)-1]] != r {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return len(stack) == 0
}

var pairs = map[rune]rune{'“': '”', '（': '）', '(': ')', '《': '》', '【': '】', '「': '」', '『': '』', '‘': '’'}

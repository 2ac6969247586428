// Command gen writes the report the page benchmark (bench/page/run.sh)
// opens: a unit's year report of about -chars characters with about
// -findings findings under the default rules, made from the project's own
// example reports (package examples; no other text).
//
//	go run ./bench/page/gen -chars 60000 -findings 500 -out report.txt
//
// The report is one fresh report of internal/gen (title, review, problems
// and plan under numbered headings) written from the examples' sentences:
// pieces of them spliced where two share two characters, so no sentence
// repeats whole. The examples carry a few deliberate errors each (see
// examples/README.md) and the splicing makes more, so the text has
// findings of many rules from the start (about 200–270); the rest, up to
// the number asked for, are placeholders: figures written xx, as a draft
// leaves them, spread evenly through the text. The checker itself counts the
// findings (the rules and configuration `zongjie serve` runs without a
// zongjie.toml), and the placeholders are added until the count is
// within 2% of -findings. It prints the characters and the findings.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/internal/gen"
	"zongjie/reader"
)

func main() {
	chars := flag.Int("chars", 60000, "the report's length in characters (at least)")
	findings := flag.Int("findings", 500, "the findings wanted (within 2%)")
	out := flag.String("out", "", "the file to write (required)")
	flag.Parse()
	if *out == "" || *chars <= 0 || *findings < 0 {
		flag.Usage()
		os.Exit(2)
	}
	text, n, err := generate(*chars, *findings)
	if text != "" {
		if err := os.WriteFile(*out, []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d characters, %d findings\n", *out, utf8.RuneCountInString(text), n)
}

// sentences returns the sentences of the examples.
func sentences() []string {
	var out []string
	for _, e := range examples.All() {
		out = append(out, gen.SplitSentences(strings.TrimPrefix(string(e.Data), "\ufeff"))...)
	}
	return out
}

// report returns a report of within 2% of chars characters, the first
// internal/gen makes from the sentences (one unit's fresh report, no
// reuse, its text spliced from pieces of the sentences).
func report(sents []string, chars int) (string, error) {
	for seed := int64(1); seed <= 1000; seed++ {
		c, err := gen.Generate(sents, gen.Config{N: 1, Seed: seed, MeanChars: chars, CopyShare: -1, FirstYear: 2024, LastYear: 2024})
		if err != nil {
			return "", err
		}
		text := c.Reports[0].Text()
		if n := utf8.RuneCountInString(text); n >= chars && n*50 <= chars*51 {
			return text, nil
		}
	}
	return "", fmt.Errorf("no report of %d characters", chars)
}

// count returns the findings the default rules give text.
func count(text string) (int, error) {
	f, err := reader.Read("report.txt", []byte(text))
	if err != nil {
		return 0, err
	}
	return len(check.Run(f, extract.File(f), rules.All(), &check.Config{})), nil
}

// placeholder is a figure with a unit a placeholder can stand for.
var placeholder = regexp.MustCompile(`[0-9]+(\.[0-9]+)?(亿元|万元|个|户|人|家|公里|万亩|亩|处|件|项)`)

// generate lays out the report and adds placeholders until the checker
// finds about findings; it returns the text and the count.
func generate(chars, findings int) (string, int, error) {
	text, err := report(sentences(), chars)
	if err != nil {
		return "", 0, err
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	// The figures that can become placeholders, after the title and the
	// opening paragraph.
	type spot struct{ line, start, end int }
	var spots []spot
	for i, l := range lines {
		if i < 2 {
			continue
		}
		for _, m := range placeholder.FindAllStringSubmatchIndex(l, -1) {
			spots = append(spots, spot{i, m[0], m[2+2]})
		}
	}
	// with returns the text with k placeholders spread evenly over the spots.
	with := func(k int) string {
		out := append([]string(nil), lines...)
		k = min(k, len(spots))
		// Replace from the end of each line so earlier offsets hold.
		chosen := make([]spot, 0, k)
		for j := range k {
			chosen = append(chosen, spots[j*len(spots)/max(k, 1)])
		}
		for j := len(chosen) - 1; j >= 0; j-- {
			s := chosen[j]
			l := out[s.line]
			out[s.line] = l[:s.start] + "xx" + l[s.end:]
		}
		return strings.Join(out, "\n") + "\n"
	}
	k := 0
	for range 20 {
		text := with(k)
		n, err := count(text)
		if err != nil {
			return "", 0, err
		}
		if diff := findings - n; diff*50 <= findings && -diff*50 <= findings || (diff > 0 && k == len(spots)) {
			return text, n, nil
		} else if diff < 0 && k == 0 {
			return text, n, fmt.Errorf("%d findings without placeholders, over the %d asked for", n, findings)
		} else {
			k = max(0, k+diff)
		}
	}
	return "", 0, errors.New("the findings did not settle near the number asked for")
}

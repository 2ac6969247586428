package main

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestGenerate holds the report to what it was asked for: at least the
// characters (within 2%) and the findings within 2%, with placeholders
// among them; and the same report for the same request.
func TestGenerate(t *testing.T) {
	for _, c := range []struct{ chars, findings int }{{6000, 60}, {12000, 150}} {
		text, n, err := generate(c.chars, c.findings)
		if err != nil {
			t.Fatalf("generate(%d, %d): %v", c.chars, c.findings, err)
		}
		if got := utf8.RuneCountInString(text); got < c.chars || got*50 > c.chars*51 {
			t.Errorf("generate(%d, %d): %d characters", c.chars, c.findings, got)
		}
		if n*50 < c.findings*49 || n*50 > c.findings*51 {
			t.Errorf("generate(%d, %d): %d findings", c.chars, c.findings, n)
		}
		if got, _ := count(text); got != n {
			t.Errorf("generate(%d, %d) says %d findings, the checker finds %d", c.chars, c.findings, n, got)
		}
		if !strings.Contains(text, "xx") {
			t.Errorf("generate(%d, %d): no placeholder", c.chars, c.findings)
		}
		again, _, _ := generate(c.chars, c.findings)
		if again != text {
			t.Errorf("generate(%d, %d) gave another report the second time", c.chars, c.findings)
		}
	}
}

// TestTooFew is a request for fewer findings than the text has without
// placeholders: an error, not a report that misses the count.
func TestTooFew(t *testing.T) {
	if _, _, err := generate(6000, 1); err == nil {
		t.Error("generate(6000, 1): no error")
	}
}

package typo

import (
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/check/checktest"
)

// TestBanned checks TY007: configured words are reported with their
// advice, the longest word wins, and nothing is reported without a
// configuration.
func TestBanned(t *testing.T) {
	cfg := &check.Config{Banned: map[string]string{"老板": "称负责人", "搞好": "", "企业老板": "称企业负责人"}}
	ds := checktest.Run(t, "t.txt", "区长和企业老板座谈，要搞好服务，老板们表示满意。", cfg, Banned)
	got := strings.Join(checktest.Messages(ds), "\n")
	want := "TY007 1:4 “企业老板”不宜使用：称企业负责人\nTY007 1:12 “搞好”不宜使用\nTY007 1:17 “老板”不宜使用：称负责人"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if ds := checktest.Run(t, "t.txt", "区长和企业老板座谈。", nil, Banned); len(ds) != 0 {
		t.Errorf("reported without a configuration: %v", checktest.Messages(ds))
	}
}

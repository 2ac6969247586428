//go:build unix

package main

import (
	"bufio"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"zongjie/corpus"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// killReport is the text of file i of round r: each its own unit,
// figures and sentences, long enough to take a moment to read.
func killReport(r, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "第%d号测试街道%d年工作总结\n", r*1000+i, 2000+i%25)
	fmt.Fprintf(&b, "一、主要工作\n")
	for k := range 12 {
		fmt.Fprintf(&b, "（%d）第%d轮第%d份报告的第%d项工作：全年新增就业%d人，完成固定资产投资%d.%d亿元，同比增长%d.%d%%，改造老旧小区%d个。\n",
			k+1, r, i, k+1, 100+r*7+i*3+k, 1+i%9, k%10, 2+k%7, i%10, 3+k)
	}
	fmt.Fprintf(&b, "二、下一步工作计划\n力争新增就业%d人以上，完成投资%d亿元。\n", 1000+i, 10+r)
	return b.String()
}

// TestKillAdd kills `zongjie add` with SIGKILL while it stores a batch of
// files, again and again (ZONGJIE_KILL_LOOPS rounds, 4 by default;
// scripts/kill-add.sh runs hundreds), and after each kill checks the
// database as the next process finds it: it passes its integrity check,
// every file `add --verbose` said it stored is there whole (its text,
// metadata, fingerprints and paragraphs as corpus.Prepare makes them),
// and no report is stored half. At the end an add without a kill stores
// each file once.
func TestKillAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	loops, _ := strconv.Atoi(os.Getenv("ZONGJIE_KILL_LOOPS"))
	if loops <= 0 {
		loops = 4
	}
	files, _ := strconv.Atoi(os.Getenv("ZONGJIE_KILL_FILES"))
	if files <= 0 {
		files = 150
	}
	base := t.TempDir()
	db := filepath.Join(base, "z.db")
	var dirs []string
	acked := map[string]bool{}
	killed, total := 0, 0
	for r := range loops {
		dir := filepath.Join(base, fmt.Sprintf("round%03d", r))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i := range files {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%03d-%04d.txt", r, i)), []byte(killReport(r, i)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		dirs = append(dirs, dir)
		// This round's files, and the round's before again (those a kill
		// left unstored are stored now, the others are found stored).
		round := dirs[max(len(dirs)-2, 0):]
		args := append([]string{"add", "--db", db, "--verbose", "--no-check"}, round...)
		cmd := exec.Command(bin, args...)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Killed after a random number of files acknowledged, fewer
		// than the round holds (so the add is still storing, however
		// fast it has become), or, one round in five, at a random
		// moment while it starts (opening the database, before any
		// file is stored).
		want := len(round) * files
		killAt := 1 + rand.IntN(want*3/4)
		timer := time.NewTimer(time.Hour)
		if rand.IntN(5) == 0 {
			killAt = want + 1
			timer.Reset(time.Duration(rand.IntN(150)) * time.Millisecond)
		}
		stored, dead := 0, false
		kill := func() {
			if !dead && cmd.Process.Kill() == nil {
				dead = true
			}
		}
	read:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break read
				}
				if p, ok := strings.CutPrefix(l, "已保存 "); ok {
					acked[p] = true
					stored++
					if stored == killAt {
						kill()
					}
				}
			case <-timer.C:
				kill()
			}
		}
		timer.Stop()
		err = cmd.Wait()
		if dead && err != nil {
			killed++
		}
		total++
		checkStore(t, db, round, acked, fmt.Sprintf("round %d (killed %v after %d files stored)", r, dead && err != nil, stored))
		if t.Failed() {
			return
		}
	}
	t.Logf("%d rounds, %d killed during the add, %d files acknowledged", total, killed, len(acked))
	if killed == 0 {
		t.Errorf("no round was killed during the add: the test proved nothing")
	}
	// Without a kill: every file once.
	out, err := exec.Command(bin, append([]string{"add", "--db", db, "--no-check"}, dirs...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("the last add: %v\n%s", err, out)
	}
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, _ := st.Count(context.Background()); n != loops*files {
		t.Errorf("%d reports stored after the last add, want %d (one per file)", n, loops*files)
	}
}

// checkStore opens the database as a new process would and verifies it
// (every report); checks that the files of dirs stored are whole and
// stored once, and that every file acknowledged is stored.
func checkStore(t *testing.T, db string, dirs []string, acked map[string]bool, round string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatalf("%s: open after the kill: %v", round, err)
	}
	defer st.Close()
	if err := st.Verify(ctx); err != nil {
		t.Fatalf("%s: %v", round, err)
	}
	list, err := st.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for _, s := range list {
		if stored[s.Path] {
			t.Errorf("%s: %s stored twice", round, s.Path)
		}
		stored[s.Path] = true
		if slices.Contains(dirs, filepath.Dir(s.Path)) {
			checkWhole(t, st, s.Path, round)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(acked)) {
		if !stored[p] {
			t.Errorf("%s: %s was acknowledged but is not stored", round, p)
		}
	}
}

// checkWhole checks that the report stored from path is what
// corpus.Prepare makes of the file.
func checkWhole(t *testing.T, st store.Store, path, round string) {
	t.Helper()
	ctx := context.Background()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v", round, err)
	}
	want, err := corpus.Prepare(path, data, corpus.Options{})
	if err != nil || len(want) != 1 {
		t.Fatalf("%s: Prepare %s: %d reports, %v", round, path, len(want), err)
	}
	w := want[0]
	id, err := st.Find(ctx, w.FileHash, w.Index)
	if err != nil {
		t.Errorf("%s: %s: %v", round, path, err)
		return
	}
	got, err := st.Get(ctx, id)
	if err != nil {
		t.Errorf("%s: %s: %v", round, path, err)
		return
	}
	slices.Sort(w.Fingerprints)
	if got.Text != w.Text || got.Title != w.Title || got.Unit != w.Unit || got.Chars != w.Chars || got.Path != path ||
		!slices.Equal(got.Fingerprints, slices.Compact(w.Fingerprints)) || !slices.Equal(got.Paragraphs, w.Paragraphs) ||
		string(got.Data) != string(w.Data) {
		t.Errorf("%s: %s is not stored whole: %d chars of %d, %d fingerprints of %d, %d paragraphs of %d",
			round, path, len(got.Text), len(w.Text), len(got.Fingerprints), len(w.Fingerprints), len(got.Paragraphs), len(w.Paragraphs))
	}
}

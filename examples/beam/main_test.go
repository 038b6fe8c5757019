package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/newsseg/newsseg/segment"
)

const sample = "testdata/articles.jsonl"

// TestRunSample runs the README's command on the sample articles and checks
// every sentence written against Segment.
func TestRunSample(t *testing.T) {
	dir := t.TempDir()
	cfg := Config{Inputs: []string{sample}, Output: filepath.Join(dir, "sentences"), Shards: 2, DeadLetterShards: 1}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), cfg, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}

	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{} // raw id → text
	wantSentences := 0
	for _, line := range readFileLines(t, sample) {
		a, err := ParseArticle(line)
		if err != nil {
			t.Fatalf("sample line %q: %v", line, err)
		}
		texts[string(a.ID)] = *a.Text
		wantSentences += len(seg.Segment(*a.Text))
	}
	if len(texts) < 3 {
		t.Fatalf("the sample has %d articles, want a few", len(texts))
	}
	wantOut := "articles: " + itoa(len(texts)) + "\nsentences: " + itoa(wantSentences) + "\nbad_records: 0\n"
	if stdout.String() != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), wantOut)
	}

	got := map[string][]Record{}
	kinds := map[string]bool{}
	for i := range cfg.Shards {
		for _, line := range readFileLines(t, ShardName(cfg.Output, i, cfg.Shards)) {
			var r Record
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%v: %s", err, line)
			}
			got[string(r.ID)] = append(got[string(r.ID)], r)
			kinds[r.Kind] = true
		}
	}
	for id, text := range texts {
		want := seg.Segment(text)
		if len(got[id]) != len(want) {
			t.Errorf("id %s: %d sentences, want %d", id, len(got[id]), len(want))
			continue
		}
		for n, w := range want {
			r := got[id][n]
			if r.N != n || r.Start != w.Start || r.End != w.End || r.Text != w.Text || r.Kind != w.Kind.String() {
				t.Errorf("id %s sentence %d: got %+v, want %+v", id, n, r, w)
			}
		}
	}
	for _, k := range []string{"body", "headline", "meta", "boilerplate"} {
		if !kinds[k] {
			t.Errorf("no %s sentence in the sample's output; kinds: %v", k, kinds)
		}
	}
	if dead := readFileLines(t, ShardName(DeadLetterPrefix(cfg.Output), 0, 1)); len(dead) != 0 {
		t.Errorf("dead letters for the sample: %q", dead)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestRunBadInputs checks that inputs that cannot be read are one line on
// stderr and a non-zero exit, before any pipeline runs.
func TestRunBadInputs(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		inputs   []string
		wantCode int
		wantErr  string
	}{
		{"pattern matches nothing", []string{filepath.Join(dir, "none-*.jsonl")}, exitError,
			`beam: --input "` + filepath.Join(dir, "none-*.jsonl") + `" matches no file`},
		{"second pattern matches nothing", []string{sample, filepath.Join(dir, "missing.jsonl")}, exitError,
			`beam: --input "` + filepath.Join(dir, "missing.jsonl") + `" matches no file`},
		{"unknown scheme", []string{"nosuch://bucket/a.jsonl"}, exitError, `beam: --input "nosuch://bucket/a.jsonl": `},
		{"no input", nil, exitUsage, "beam: no input: set --input to one or more glob patterns (see -h)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Config{Inputs: tt.inputs, Output: filepath.Join(dir, "out", "s"), Shards: 1, DeadLetterShards: 1}
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), cfg, &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d", code, tt.wantCode)
			}
			msg := stderr.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasSuffix(msg, "\n") || !strings.HasPrefix(msg, tt.wantErr) {
				t.Errorf("stderr %q, want one line starting %q", msg, tt.wantErr)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout %q, want nothing", stdout.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
				t.Error("output written although the inputs are bad")
			}
		})
	}
}

// TestLogging runs the sample with Beam's logging set up as main does, and
// checks that INFO lines appear with --verbose only.
func TestLogging(t *testing.T) {
	defer beamlog.SetupLogging("info", "text")
	for _, verbose := range []bool{false, true} {
		stderr := captureStderr(t, func() {
			beamlog.SetupLogging(logLevel(verbose), "text")
			cfg := Config{Inputs: []string{sample}, Output: filepath.Join(t.TempDir(), "s"), Shards: 1, DeadLetterShards: 1}
			if code := run(context.Background(), cfg, io.Discard, io.Discard); code != exitOK {
				t.Errorf("verbose=%v: exit %d", verbose, code)
			}
		})
		if got := strings.Contains(stderr, "level=INFO"); got != verbose {
			t.Errorf("verbose=%v: INFO lines on stderr: %v\n%s", verbose, got, stderr)
		}
	}
}

// captureStderr runs f with os.Stderr, where Beam's logger writes, sent to
// a pipe, and returns what f wrote there.
func captureStderr(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	defer func() {
		os.Stderr = saved
	}()
	f()
	os.Stderr = saved
	w.Close()
	return <-done
}

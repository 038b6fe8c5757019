package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsseg/newsseg/examples/evaluate/evalset"
)

// writeSmallData writes a two-case file and a one-document folder to a
// temporary directory and returns the directory.
func writeSmallData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cases := strings.Join([]string{
		`{"id": "plain", "text": "Hello World. My name is Jonas.", "sentences": ["Hello World.", "My name is Jonas."]}`,
		`{"id": "title", "text": "Mr. Smith went to Washington. He arrived on Friday.", "sentences": ["Mr. Smith went to Washington.", "He arrived on Friday."]}`,
	}, "\n") + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "small.jsonl"), []byte(cases), 0o644))
	docs := filepath.Join(dir, "news")
	require.NoError(t, os.Mkdir(docs, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "storm.txt"),
		[]byte("Storm hits coast\n\nThe storm hit the coast on Friday. Hundreds were rescued.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "storm.sentences"),
		[]byte("Storm hits coast\nThe storm hit the coast on Friday.\nHundreds were rescued.\n"), 0o644))
	return dir
}

func TestRun(t *testing.T) {
	dir := writeSmallData(t)
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-data", dir, "-time", "0"}, &stdout, &stderr), stderr.String())
	assert.Empty(t, stderr.String())
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	require.Len(t, lines, 7, stdout.String())
	assert.Equal(t, "| | newsseg | neurosnap `english` | uax29 sentences | prose v2 |", lines[0])
	assert.Equal(t, "|---|---|---|---|---|", lines[1])
	// uax29 applies only the Unicode rules: it splits after "Mr.".
	assert.Equal(t, "| small.jsonl exact (2 cases) | 2/2 | 2/2 | 1/2 | 2/2 |", lines[2])
	assert.Equal(t, "| small.jsonl P / R / F1 | 1.000 / 1.000 / 1.000 | 1.000 / 1.000 / 1.000 | "+
		"0.667 / 1.000 / 0.800 | 1.000 / 1.000 / 1.000 |", lines[3])
	// Only newsseg sees the headline on a line of its own.
	assert.Equal(t, "| news P / R / F1 (1 docs) | 1.000 / 1.000 / 1.000 | 1.000 / 0.500 / 0.667 | "+
		"1.000 / 1.000 / 1.000 | 1.000 / 0.500 / 0.667 |", lines[4])
	assert.True(t, strings.HasPrefix(lines[5], "| MB/s (all texts, 0.00 MB) |"), lines[5])
	assert.True(t, strings.HasPrefix(lines[6], "| allocations per MB |"), lines[6])
}

func TestRunQuickOnTheRepositoryData(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-quick"}, &stdout, &stderr), stderr.String())
	out := stdout.String()
	for _, row := range []string{
		"| golden-rules-en.jsonl exact (5 cases) |",
		"| gum-news P / R / F1 (5 docs) |",
		"| pud-news P / R / F1 (5 docs) |",
		"| pud-wiki P / R / F1 (5 docs) |",
		"| ewt-dev P / R / F1 (5 docs) |",
	} {
		assert.Contains(t, out, row)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		code    int
		message string
	}{
		{"unknown flag", []string{"-nosuchflag"}, 2, "usage: compare"},
		{"missing data folder", []string{"-data", filepath.Join(dir, "nope")}, 1, filepath.Join(dir, "nope")},
		{"empty data folder", []string{"-data", dir}, 1, "no case files"},
		{"missing path", []string{filepath.Join(dir, "nope.jsonl")}, 1, "nope.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, tt.code, run(tt.args, &stdout, &stderr))
			assert.Contains(t, stderr.String(), tt.message)
			assert.Empty(t, stdout.String())
		})
	}
}

func TestSetsIn(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.jsonl", "a.jsonl", "golden-rules-en.jsonl", "notes.md"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), nil, 0o644))
	}
	for _, d := range []string{"zeta", "ewt-dev", "gum-news", "alpha"} {
		require.NoError(t, os.Mkdir(filepath.Join(dir, d), 0o755))
	}
	paths, err := setsIn(dir)
	require.NoError(t, err)
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	assert.Equal(t, []string{"golden-rules-en.jsonl", "gum-news", "ewt-dev", "a.jsonl", "b.jsonl", "alpha", "zeta"}, names)
}

// TestSystemsKeepTheText checks that every segmenter's sentences can be
// scored: they keep every non-whitespace character of the input, in order.
func TestSystemsKeepTheText(t *testing.T) {
	systems, err := newSystems()
	require.NoError(t, err)
	texts := []struct{ name, text string }{
		{"news", "WASHINGTON (AP) — Sen. Warren, D-Mass., spoke at 10 a.m. Tuesday. “We will vote,” she said.\n\nThe vote is Sept. 12."},
		{"quotes and ellipsis", "He said \"Stop!\" and left... Then? Nothing."},
		{"no final punctuation", "Breaking\n\nLittle sign of progress"},
		{"one word", "Hello"},
	}
	for _, sys := range systems {
		for _, tt := range texts {
			t.Run(benchName(sys.name)+"/"+tt.name, func(t *testing.T) {
				_, _, err := evalset.ScoreDoc(sys.sentences, evalset.Document{
					Name: tt.name, Text: tt.text, Sentences: []string{tt.text},
				})
				require.NoError(t, err)
				assert.Equal(t, len(sys.sentences(tt.text)), sys.count(tt.text))
			})
		}
	}
}

func TestMeasure(t *testing.T) {
	text := strings.Repeat("x", 1000) // 0.001 MB
	size := 1 << 17                   // large enough to be allocated on the heap
	allocTen := func(string) int {
		n := 0
		for range 10 {
			b := make([]byte, size)
			n += len(b)
		}
		return n
	}
	none := func(s string) int { return len(s) }
	sp := measure([]func(string) int{allocTen, none}, text, time.Millisecond)
	require.Len(t, sp, 2)
	for _, s := range sp {
		assert.Equal(t, 1000, s.bytes)
		assert.Positive(t, s.mbPerSec)
	}
	// 10 allocations per 0.001 MB; a stray runtime allocation may add a few.
	assert.InDelta(t, 10_000, sp[0].allocsPerMB, 3_000)
	assert.InDelta(t, 0, sp[1].allocsPerMB, 3_000)
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsseg/newsseg/examples/evaluate/evalset"
	"github.com/newsseg/newsseg/segment"
)

// evalDir is the development data in the repository, from this package's
// directory.
var evalDir = filepath.Join("..", "..", "testdata", "eval")

// floors are the accuracy floors: the figures the segmenter reached on each
// set of testdata/eval, rounded down to 3 decimals. TestAccuracy fails when a
// figure drops below its floor, and logs when it has risen past it: raise
// the floor then.
var floors = []struct {
	set      string  // file or folder in testdata/eval
	exact    int     // case files only: cases segmented exactly right
	p, r, f1 float64 // boundary precision, recall and F1
}{
	{set: "golden-rules-en.jsonl", exact: 48, p: 1.000, r: 1.000, f1: 1.000},
	{set: "gum-news", p: 0.994, r: 0.994, f1: 0.994},
	{set: "pud-news", p: 1.000, r: 1.000, f1: 1.000},
	{set: "pud-wiki", p: 1.000, r: 1.000, f1: 1.000},
	{set: "ewt-dev", p: 0.985, r: 0.862, f1: 0.920},
}

// TestAccuracy enforces the floors. The data is part of the repository, so
// a missing set is a failure, never a skip.
func TestAccuracy(t *testing.T) {
	seg, err := segment.New()
	require.NoError(t, err)
	for _, f := range floors {
		t.Run(f.set, func(t *testing.T) {
			set, err := evalset.Read(filepath.Join(evalDir, f.set))
			require.NoError(t, err)
			cases, docs, err := set.Score(newsseg(seg))
			require.NoError(t, err)
			sc := docs.Scores
			if set.IsCases() {
				sc = cases.Scores
				t.Logf("%s: exact %d/%d, boundaries %s", f.set, cases.Exact, cases.Cases, sc)
				for _, m := range cases.Misses {
					t.Logf("  miss %s: got %q", m.ID, m.Got)
				}
				assert.GreaterOrEqual(t, cases.Exact, f.exact, "exact matches fell below the floor")
				if cases.Exact > f.exact {
					t.Logf("exact %d is above the floor %d: raise the floor", cases.Exact, f.exact)
				}
			} else {
				t.Logf("%s: %d documents, boundaries %s", f.set, docs.Docs, sc)
			}
			checkFloor(t, "precision", sc.Precision(), f.p)
			checkFloor(t, "recall", sc.Recall(), f.r)
			checkFloor(t, "F1", sc.F1(), f.f1)
		})
	}
}

// TestEverySetHasAFloor keeps the floors complete: a set added to
// testdata/eval without a floor would go unguarded.
func TestEverySetHasAFloor(t *testing.T) {
	entries, err := os.ReadDir(evalDir)
	require.NoError(t, err)
	var sets, guarded []string
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".jsonl") {
			sets = append(sets, e.Name())
		}
	}
	for _, f := range floors {
		guarded = append(guarded, f.set)
	}
	slices.Sort(guarded)
	assert.Equal(t, sets, guarded)
}

// checkFloor fails t when got is below floor, and notes when the floor can
// be raised.
func checkFloor(t *testing.T, what string, got, floor float64) {
	t.Helper()
	if got < floor {
		t.Errorf("boundary %s %.4f fell below the floor %.3f", what, got, floor)
	} else if got >= floor+0.001 {
		t.Logf("boundary %s %.4f is above the floor %.3f: raise the floor", what, got, floor)
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"-v"}, {"-nosuchflag", "x.jsonl"}} {
		var stdout, stderr bytes.Buffer
		code := run(args, &stdout, &stderr)
		assert.Equal(t, 2, code, "args %q", args)
		assert.Contains(t, stderr.String(), "usage: evaluate", "args %q", args)
		assert.Empty(t, stdout.String())
	}
}

func TestRunMissingPath(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.jsonl")
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 1, run([]string{missing}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), missing)
}

func TestRunBadFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	require.NoError(t, os.WriteFile(bad, []byte("{\"id\": \"a\", \"text\": \"A.\"\n"), 0o644))
	docs := filepath.Join(dir, "docs")
	require.NoError(t, os.Mkdir(docs, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "lonely.txt"), []byte("No gold."), 0o644))
	mismatch := filepath.Join(dir, "mismatch")
	require.NoError(t, os.Mkdir(mismatch, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(mismatch, "m.txt"), []byte("One. Two."), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(mismatch, "m.sentences"), []byte("One.\nThree.\n"), 0o644))

	tests := []struct{ path, mention string }{
		{bad, bad + ":1"},
		{docs, filepath.Join(docs, "lonely.txt")},
		{mismatch, filepath.Join(mismatch, "m.sentences")},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 1, run([]string{tt.path}, &stdout, &stderr), tt.path)
		assert.Contains(t, stderr.String(), tt.mention)
	}
}

func TestRunOK(t *testing.T) {
	dir := t.TempDir()
	cases := filepath.Join(dir, "cases.jsonl")
	require.NoError(t, os.WriteFile(cases, []byte(strings.Join([]string{
		`{"id": "ok", "text": "Hello World. My name is Jonas.", "sentences": ["Hello World.", "My name is Jonas."]}`,
		`{"id": "miss", "text": "Hello World. My name is Jonas.", "sentences": ["Hello World. My name is Jonas."]}`,
	}, "\n")+"\n"), 0o644))
	docs := filepath.Join(dir, "docs")
	require.NoError(t, os.Mkdir(docs, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "a.txt"),
		[]byte("Storm hits coast\n\nThe storm hit on Friday. Hundreds were rescued.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "a.sentences"),
		[]byte("Storm hits coast\nThe storm hit on Friday. Hundreds were rescued.\n"), 0o644))

	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{cases, docs}, &stdout, &stderr), stderr.String())
	assert.Equal(t, "cases.jsonl: exact 1/2, boundaries P 0.500 R 1.000 F1 0.667 (tp 1 fp 1 fn 0)\n"+
		"docs: 1 documents, boundaries P 0.500 R 1.000 F1 0.667 (tp 1 fp 1 fn 0)\n", stdout.String())
	assert.Empty(t, stderr.String())

	stdout.Reset()
	require.Equal(t, 0, run([]string{"-v", cases, docs}, &stdout, &stderr), stderr.String())
	out := stdout.String()
	assert.Contains(t, out, "cases.jsonl: miss\n")
	assert.Contains(t, out, "    want| Hello World. My name is Jonas.\n")
	assert.Contains(t, out, "    got | Hello World.\n")
	assert.Contains(t, out, "  FP a @")
	assert.Contains(t, out, "The storm hit on Friday. ‖ Hundreds were rescued.")
	assert.NotContains(t, out, "cases.jsonl: ok\n")
}

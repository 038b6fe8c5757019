package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsseg/newsseg/segment"
	"github.com/stretchr/testify/require"
)

// commandSize is the size of the news file BenchmarkCommand runs on.
const commandSize = 50 << 20

// newsFile writes a news file of about commandSize bytes, the repository's
// news documents (the Geneva article, the GUM and PUD news sets, the pages)
// repeated, to a temporary directory and returns its path and its text.
func newsFile(b *testing.B) (string, string) {
	b.Helper()
	var docs []string
	for _, pattern := range []string{"geneva/article.txt", "eval/gum-news/*.txt", "eval/pud-news/*.txt", "pages/*.txt"} {
		paths, err := filepath.Glob(filepath.Join("../../testdata", pattern))
		require.NoError(b, err)
		require.NotEmpty(b, paths, pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			require.NoError(b, err)
			docs = append(docs, strings.TrimSpace(string(data)))
		}
	}
	var text strings.Builder
	for text.Len() < commandSize {
		for _, d := range docs {
			text.WriteString(d)
			text.WriteString("\n\n")
		}
	}
	path := filepath.Join(b.TempDir(), "news.txt")
	require.NoError(b, os.WriteFile(path, []byte(text.String()), 0o644))
	return path, text.String()
}

// BenchmarkCommand runs the command on a 50 MB news file, writing lines and
// JSON Lines, beside Segment on the same text in the process, the target
// the command's speed is set against:
//
//	go test ./examples/newsseg -run XXX -bench Command -benchtime 5x -count 5
func BenchmarkCommand(b *testing.B) {
	path, text := newsFile(b)
	seg, err := segment.New()
	require.NoError(b, err)
	for _, tc := range []struct {
		name string
		run  func()
	}{
		{"Segment", func() { seg.Segment(text) }},
		{"lines", func() { require.Zero(b, run([]string{path}, nil, io.Discard, io.Discard)) }},
		{"json", func() { require.Zero(b, run([]string{"-json", path}, nil, io.Discard, io.Discard)) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				tc.run()
			}
		})
	}
}

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newsText returns the repository's news documents repeated to at least n
// bytes, a blank line after each.
func newsText(t testing.TB, n int) string {
	t.Helper()
	docs := newsDocs(t, "geneva/article.txt", "eval/gum-news/*.txt", "pages/*.txt")
	var text strings.Builder
	for text.Len() < n {
		for _, d := range docs {
			text.WriteString(d)
			text.WriteString("\n\n")
		}
	}
	return text.String()
}

// TestMappedMatchesRead runs the command on files large enough to be
// mapped (mapMin), named and as standard input, and on the same text read
// from a reader that is not a file, which is always read as a stream: the
// two write the same, whatever the flags.
func TestMappedMatchesRead(t *testing.T) {
	news := newsText(t, 2*mapMin)
	require.Greater(t, len(news), mapMin)
	dir := t.TempDir()
	for _, in := range []struct{ name, text string }{
		{"news", news},
		{"byte order mark", utf8BOM + news},
		{"no sentence end", strings.Repeat("word ", mapMin/5+1000)},
	} {
		path := writeFile(t, dir, strings.ReplaceAll(in.name, " ", "-")+".txt", in.text)
		for _, args := range [][]string{
			nil,
			{"-json"},
			{"-json", "-kinds", "headline,meta"},
			{"-kinds", "boilerplate"},
		} {
			t.Run(in.name+"/"+strings.Join(args, " "), func(t *testing.T) {
				want := runCmd(t, in.text, args...)
				require.Equal(t, 0, want.code, want.stderr)
				if !slices.Contains(args, "-kinds") {
					require.NotEmpty(t, want.stdout)
				}

				named := runCmd(t, "", append(args, path)...)
				require.Equal(t, want, named)

				// Standard input redirected from the file, once from its
				// start and once from inside its first page, as after a
				// command that read part of it: the command reads from
				// where the file stands and leaves it at its end.
				for _, off := range []int64{0, 1000} {
					f, err := os.Open(path)
					require.NoError(t, err)
					defer f.Close()
					_, err = f.Seek(off, io.SeekStart)
					require.NoError(t, err)
					var stdout, stderr bytes.Buffer
					code := run(args, f, &stdout, &stderr)
					require.Equal(t, 0, code, stderr.String())
					tail := runCmd(t, in.text[off:], args...)
					assert.Equal(t, tail.stdout, stdout.String(), "standard input from byte %d", off)
					end, err := f.Seek(0, io.SeekCurrent)
					require.NoError(t, err)
					assert.Equal(t, int64(len(in.text)), end, "standard input left at its end")
				}
			})
		}
	}
}

// TestMappedProgress checks that -progress counts a mapped file whole, as
// it counts a file it reads.
func TestMappedProgress(t *testing.T) {
	text := newsText(t, 3<<20)
	path := writeFile(t, t.TempDir(), "news.txt", text)
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-progress", path}, nil, &stdout, &stderr), stderr.String())
	lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\r")
	last := lines[len(lines)-1]
	assert.Contains(t, last, fmt.Sprintf("newsseg: %.1f MB read", float64(len(text))/1e6))
}

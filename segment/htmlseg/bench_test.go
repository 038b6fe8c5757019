package htmlseg

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsseg/newsseg/segment"
)

// The HTML path against the text path on the same articles, in one run:
//
//	go test ./segment/htmlseg -run '^$' -bench . -benchtime 2s
//
// For each corpus, html segments the page and text segments the page's
// visible text (what the HTML front end hands the text path, blank lines
// between blocks) with a segment.Segmenter of the same options. Both
// report MB/s of their own input; compare ns/op, the cost of one article.

// benchPages returns the corpora: one wire story, and all the golden pages
// one after another, repeated to about 1 MB.
func benchPages(b *testing.B) map[string]string {
	b.Helper()
	one, err := os.ReadFile(filepath.Join(pagesDir, "wire_story.html"))
	require.NoError(b, err)
	names, err := filepath.Glob(filepath.Join(pagesDir, "*.html"))
	require.NoError(b, err)
	var all strings.Builder
	for all.Len() < 1<<20 {
		for _, name := range names {
			page, err := os.ReadFile(name)
			require.NoError(b, err)
			all.Write(page)
		}
	}
	return map[string]string{"wire-story": string(one), "pages-1MB": all.String()}
}

func BenchmarkSegment(b *testing.B) {
	s := newTestSegmenter(b)
	text, err := segment.New(segment.WithoutMerge())
	require.NoError(b, err)
	for _, name := range []string{"wire-story", "pages-1MB"} {
		page := benchPages(b)[name]
		raw, err := io.ReadAll(newVisible(strings.NewReader(page), s.words, 0))
		require.NoError(b, err)
		visible := string(raw)
		b.Run(name+"/html", func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				s.Segment(page)
			}
		})
		b.Run(name+"/text", func(b *testing.B) {
			b.SetBytes(int64(len(visible)))
			b.ReportAllocs()
			for b.Loop() {
				text.Segment(visible)
			}
		})
	}
}

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
// For each corpus, html segments each page with Segment, html-stream with a
// Scanner, and text segments each page's visible text (what the HTML front
// end hands the text path, blank lines between blocks) with a
// segment.Segmenter of the same options. Each reports MB/s of its own
// input; compare ns/op, the cost of the same articles.

// benchPages returns the corpora: one wire story, and all the golden pages,
// each segmented on its own.
func benchPages(b *testing.B) map[string][]string {
	b.Helper()
	one, err := os.ReadFile(filepath.Join(pagesDir, "wire_story.html"))
	require.NoError(b, err)
	names, err := filepath.Glob(filepath.Join(pagesDir, "*.html"))
	require.NoError(b, err)
	var all []string
	for _, name := range names {
		page, err := os.ReadFile(name)
		require.NoError(b, err)
		all = append(all, string(page))
	}
	return map[string][]string{"wire-story": {string(one)}, "pages": all}
}

func BenchmarkSegment(b *testing.B) {
	s := newTestSegmenter(b)
	text, err := segment.New(segment.WithoutMerge())
	require.NoError(b, err)
	corpora := benchPages(b)
	for _, name := range []string{"wire-story", "pages"} {
		pages := corpora[name]
		var visible []string
		pageBytes, textBytes := 0, 0
		for _, page := range pages {
			raw, err := io.ReadAll(newVisible(strings.NewReader(page), s.words, 0))
			require.NoError(b, err)
			visible = append(visible, string(raw))
			pageBytes += len(page)
			textBytes += len(raw)
		}
		b.Run(name+"/html", func(b *testing.B) {
			b.SetBytes(int64(pageBytes))
			b.ReportAllocs()
			for b.Loop() {
				for _, page := range pages {
					s.Segment(page)
				}
			}
		})
		b.Run(name+"/html-stream", func(b *testing.B) {
			b.SetBytes(int64(pageBytes))
			b.ReportAllocs()
			for b.Loop() {
				for _, page := range pages {
					sc := s.NewScanner(strings.NewReader(page))
					for sc.Scan() {
					}
				}
			}
		})
		b.Run(name+"/text", func(b *testing.B) {
			b.SetBytes(int64(textBytes))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range visible {
					text.Segment(t)
				}
			}
		})
	}
}

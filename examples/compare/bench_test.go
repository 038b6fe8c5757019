package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsseg/newsseg/examples/evaluate/evalset"
)

// The four segmenters on the same texts in one run, so that speed can be
// stated as ratios measured side by side:
//
//	go test -run '^$' -bench Segmenters -count 5
//
// The corpora are built as segment/bench_test.go builds its own: the GUM news
// documents of testdata/eval, trimmed and joined by blank lines, and the
// Geneva article followed by those documents, repeated to at least 1 MiB.

// mixSize is the size of the mix corpus, as in segment/bench_test.go.
const mixSize = 1 << 20

// benchCorpus is one named benchmark text.
type benchCorpus struct {
	name, text string
}

func benchCorpora(b *testing.B) []benchCorpus {
	b.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "geneva", "article.txt"))
	require.NoError(b, err)
	docs, err := evalset.ReadDocs(filepath.Join("..", "..", "testdata", "eval", "gum-news"))
	require.NoError(b, err)
	var gum []string
	for _, d := range docs {
		gum = append(gum, strings.TrimSpace(d.Text))
	}
	parts := append([]string{strings.TrimSpace(string(raw))}, gum...)
	var mix strings.Builder
	for mix.Len() < mixSize {
		for _, p := range parts {
			mix.WriteString(p)
			mix.WriteString("\n\n")
		}
	}
	return []benchCorpus{
		{"gum-news", strings.Join(gum, "\n\n")},
		{"mix-1MB", mix.String()},
	}
}

// BenchmarkSegmenters runs every segmenter of the comparison on every
// corpus: BenchmarkSegmenters/CORPUS/SEGMENTER.
func BenchmarkSegmenters(b *testing.B) {
	systems, err := newSystems()
	require.NoError(b, err)
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			for _, sys := range systems {
				b.Run(benchName(sys.name), func(b *testing.B) {
					n := sys.count(c.text)
					b.SetBytes(int64(len(c.text)))
					b.ReportAllocs()
					for b.Loop() {
						sys.count(c.text)
					}
					b.ReportMetric(float64(n), "sentences/op")
				})
			}
		})
	}
}

// benchName turns a system's table name into a benchmark name: one word,
// no Markdown.
func benchName(name string) string {
	name, _, _ = strings.Cut(strings.ReplaceAll(name, "`", ""), " ")
	return name
}

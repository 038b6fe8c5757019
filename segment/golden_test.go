package segment

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ from the current output")

// genevaDir holds the Geneva article, scraped from a news page with a bad
// splitter, and the golden files built from it.
var genevaDir = filepath.Join(testdataDir, "geneva")

// checkGolden compares lines with the golden file name, or rewrites the file
// with -update.
func checkGolden(t *testing.T, name string, lines []string) {
	t.Helper()
	path := filepath.Join(genevaDir, name)
	got := strings.Join(lines, "\n") + "\n"
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./segment -run Golden -update to create it")
	assert.Equal(t, string(want), got, "golden file %s differs; read every changed line before regenerating with -update", path)
}

func readGeneva(t *testing.T) string {
	t.Helper()
	return readFixture(t, "geneva/article.txt")
}

// reflowBody joins the article's body paragraphs, those between the
// headline block and the "RECENT NEWS" furniture, into one running
// paragraph, as a feed that strips paragraph breaks would deliver it.
func reflowBody(t *testing.T, article string) string {
	t.Helper()
	var paras []string
	for _, p := range strings.Split(article, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	end := 0
	for end < len(paras) && paras[end] != "RECENT NEWS" {
		end++
	}
	require.Greater(t, end, 2, "article layout changed")
	return strings.Join(paras[2:end], " ")
}

func TestGoldenGeneva(t *testing.T) {
	s := newTestSegmenter(t)
	article := readGeneva(t)

	t.Run("article", func(t *testing.T) {
		got := s.Segment(article)
		checkContract(t, article, got)
		require.Len(t, got, 21)
		checkGolden(t, "article.golden", texts(got))
	})
	t.Run("reflowed", func(t *testing.T) {
		body := reflowBody(t, article)
		got := s.Segment(body)
		checkContract(t, body, got)
		require.Len(t, got, 13)
		checkGolden(t, "article.reflowed.golden", texts(got))
	})
	t.Run("merge", func(t *testing.T) {
		got := s.Merge(strings.Split(article, "\n"))
		require.Len(t, got, 21)
		checkGolden(t, "article.merge.golden", got)
	})
}

package segment

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The fixtures are the repository's testdata, one folder per set: geneva
// (the Geneva article and its goldens), pages (page-shaped documents and
// their kinds), eval (the public evaluation sets) and snapshot. These
// helpers are the one way the tests and benchmarks find and read them.
const testdataDir = "../testdata"

// ownDataDir holds the data of this package's own tests: the case files
// (cases/), the Punkt windows and the fuzz corpus.
const ownDataDir = "testdata"

// corpus is a named text.
type corpus struct {
	name string
	text string
}

// readFixture returns the text of testdata/PATH.
func readFixture(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(testdataDir, path))
	require.NoError(tb, err)
	return string(b)
}

// readOwnFixture returns the text of this package's testdata/PATH.
func readOwnFixture(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(ownDataDir, path))
	require.NoError(tb, err)
	return string(b)
}

// fixtureDocs returns the .txt documents of testdata/DIR, sorted by name.
// A set without documents is an error: a test over it would prove nothing.
func fixtureDocs(tb testing.TB, dir string) []corpus {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(testdataDir, dir, "*.txt"))
	require.NoError(tb, err)
	require.NotEmpty(tb, paths, "no documents in %s", filepath.Join(testdataDir, dir))
	sort.Strings(paths)
	docs := make([]corpus, len(paths))
	for i, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(tb, err)
		docs[i] = corpus{name: filepath.Base(p), text: string(b)}
	}
	return docs
}

// fixtureCases returns the input texts of the JSON Lines case file
// testdata/PATH, such as the Golden Rules, named by their ids.
func fixtureCases(tb testing.TB, path string) []corpus {
	tb.Helper()
	f, err := os.Open(filepath.Join(testdataDir, path))
	require.NoError(tb, err)
	defer f.Close()
	var docs []corpus
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		require.NoError(tb, json.Unmarshal(sc.Bytes(), &c))
		docs = append(docs, corpus{name: c.ID, text: c.Text})
	}
	require.NoError(tb, sc.Err())
	require.NotEmpty(tb, docs, "no cases in %s", path)
	return docs
}

// chunkReader is the one reader the stream tests cut their input with. It
// returns text in reads of at most n bytes; when sizes is set, its first
// reads are exactly sizes[0], sizes[1]... bytes (0 being a read of no
// bytes, which a Reader may return), then reads of at most n bytes.
type chunkReader struct {
	text  string
	n     int
	sizes []int
}

func (r *chunkReader) Read(b []byte) (int, error) {
	if r.text == "" && len(r.sizes) == 0 {
		return 0, io.EOF
	}
	k := r.n
	if len(r.sizes) > 0 {
		k, r.sizes = r.sizes[0], r.sizes[1:]
	}
	k = min(k, len(b), len(r.text))
	copy(b, r.text[:k])
	r.text = r.text[k:]
	return k, nil
}

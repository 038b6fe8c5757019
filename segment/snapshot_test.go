package segment

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The snapshot freezes every decision of Segment (text, offsets and kind of
// every sentence) on every document the project holds: the evaluation sets
// under testdata/eval, the pages under testdata/pages and the Geneva
// article. A change meant to keep the output (a re-filing, a speed-up) must
// leave it byte for byte as it is. Only an accuracy change made on purpose
// may refresh it, in a commit of its own, with
//
//	go test ./segment -run Snapshot -update
//
// after every changed line has been read.
const snapshotDir = "../testdata/snapshot"

// snapshotSet is one snapshot file: the documents of one folder, by name.
type snapshotSet struct {
	name string
	docs func(t *testing.T) []corpus
}

// textFiles returns the documents of testdata/DIR.
func textFiles(dir string) func(t *testing.T) []corpus {
	return func(t *testing.T) []corpus { return fixtureDocs(t, dir) }
}

// caseTexts returns the input texts of the JSON Lines case file
// testdata/PATH, named by their ids.
func caseTexts(path string) func(t *testing.T) []corpus {
	return func(t *testing.T) []corpus { return fixtureCases(t, path) }
}

var snapshotSets = []snapshotSet{
	{"golden-rules-en", caseTexts("eval/golden-rules-en.jsonl")},
	{"gum-news", textFiles("eval/gum-news")},
	{"pud-news", textFiles("eval/pud-news")},
	{"pud-wiki", textFiles("eval/pud-wiki")},
	{"ewt-dev", textFiles("eval/ewt-dev")},
	{"pages", textFiles("pages")},
	{"geneva", textFiles("geneva")},
}

// snapshot renders the sentences of docs: a header line per document, then
// a line per sentence with its offsets, kind and quoted text.
func snapshot(s *Segmenter, docs []corpus) string {
	var b strings.Builder
	for _, d := range docs {
		fmt.Fprintf(&b, "== %s\n", d.name)
		for _, st := range s.Segment(d.text) {
			fmt.Fprintf(&b, "%d %d %s %q\n", st.Start, st.End, st.Kind, st.Text)
		}
	}
	return b.String()
}

func TestSnapshot(t *testing.T) {
	s := newTestSegmenter(t)
	for _, set := range snapshotSets {
		t.Run(set.name, func(t *testing.T) {
			docs := set.docs(t)
			got := snapshot(s, docs)
			for _, d := range docs {
				// A strings.Reader is taken whole; a reader that only
				// reads is read in chunks, as a file is.
				for _, r := range []io.Reader{strings.NewReader(d.text), iotest.HalfReader(strings.NewReader(d.text))} {
					var streamed []Sentence
					for st, err := range s.Sentences(r) {
						require.NoError(t, err)
						streamed = append(streamed, st)
					}
					require.Equal(t, s.Segment(d.text), streamed, "%s: the stream (%T) and Segment disagree", d.name, r)
				}
				checkExplained(t, d.name, s.Segment(d.text), s.Explain(d.text))
			}
			path := filepath.Join(snapshotDir, set.name+".snap")
			if *update {
				require.NoError(t, os.MkdirAll(snapshotDir, 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./segment -run Snapshot -update to create it")
			if string(want) != got {
				assert.Equal(t, string(want), got, "snapshot %s differs: the output changed", path)
			}
		})
	}
}

// checkExplained checks that Explain gives the sentences of Segment, each
// with an ending rule, and kept candidates that lie inside their sentence,
// in order.
func checkExplained(t *testing.T, name string, want []Sentence, got []Explanation) {
	t.Helper()
	require.Len(t, got, len(want), "%s: Explain and Segment disagree", name)
	for i, e := range got {
		require.Equal(t, want[i], e.Sentence, "%s: Explain and Segment disagree", name)
		require.NotEmpty(t, e.Rule, "%s: sentence %d has no ending rule", name, i)
		require.NotEmpty(t, e.Cue, "%s: sentence %d has no kinds cue", name, i)
		at := e.Start
		for _, k := range e.Kept {
			require.True(t, at < k.At && k.At < e.End, "%s: sentence %d: kept candidate at %d outside (%d, %d) or out of order", name, i, k.At, at, e.End)
			require.NotEmpty(t, k.Rule)
			at = k.At
		}
	}
}

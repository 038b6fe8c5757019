package segment

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

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
	docs func(t *testing.T) []snapshotDoc
}

type snapshotDoc struct {
	name, text string
}

// textFiles returns the documents of dir whose names end in .txt.
func textFiles(dir string) func(t *testing.T) []snapshotDoc {
	return func(t *testing.T) []snapshotDoc {
		t.Helper()
		paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		require.NoError(t, err)
		require.NotEmpty(t, paths, "no documents in %s", dir)
		sort.Strings(paths)
		docs := make([]snapshotDoc, len(paths))
		for i, p := range paths {
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			docs[i] = snapshotDoc{name: filepath.Base(p), text: string(b)}
		}
		return docs
	}
}

// caseTexts returns the input texts of a JSON Lines case file such as the
// Golden Rules, named by their ids.
func caseTexts(path string) func(t *testing.T) []snapshotDoc {
	return func(t *testing.T) []snapshotDoc {
		t.Helper()
		f, err := os.Open(path)
		require.NoError(t, err)
		defer f.Close()
		var docs []snapshotDoc
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var c struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			}
			require.NoError(t, json.Unmarshal(sc.Bytes(), &c))
			docs = append(docs, snapshotDoc{name: c.ID, text: c.Text})
		}
		require.NoError(t, sc.Err())
		require.NotEmpty(t, docs)
		return docs
	}
}

var snapshotSets = []snapshotSet{
	{"golden-rules-en", caseTexts("../testdata/eval/golden-rules-en.jsonl")},
	{"gum-news", textFiles("../testdata/eval/gum-news")},
	{"pud-news", textFiles("../testdata/eval/pud-news")},
	{"pud-wiki", textFiles("../testdata/eval/pud-wiki")},
	{"ewt-dev", textFiles("../testdata/eval/ewt-dev")},
	{"pages", textFiles("../testdata/pages")},
	{"geneva", textFiles("../testdata/geneva")},
}

// snapshot renders the sentences of docs: a header line per document, then
// a line per sentence with its offsets, kind and quoted text.
func snapshot(s *Segmenter, docs []snapshotDoc) string {
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
				var streamed []Sentence
				for st, err := range s.Sentences(strings.NewReader(d.text)) {
					require.NoError(t, err)
					streamed = append(streamed, st)
				}
				require.Equal(t, s.Segment(d.text), streamed, "%s: the stream and Segment disagree", d.name)
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

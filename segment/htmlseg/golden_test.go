package htmlseg

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/html/*.golden from the current output, keeping the known misses' right lines")

// pagesDir holds news pages written for these tests, in the shapes of real
// sites, and for each page NAME.html the sentences a careful news editor
// gives it in NAME.golden, one "kind<TAB>text" line per sentence. After
// -update, read every changed line before keeping it: a golden file says
// what is right, not what the code prints.
const pagesDir = "../../testdata/html"

// miss is a run of lines of a golden file that the code gets wrong: want
// is the right lines, got the lines the code gives in their place.
type miss struct {
	want []string
	got  []string
}

// pageMisses lists the known misses by golden file. The test expects the
// wrong lines, fails when they change (fixed: remove the entry), and
// -update writes the right ones.
var pageMisses = map[string][]miss{
	"entities.golden": {
		// "&c." (et cetera) before a lower-case word: segment's rules.
		{
			want: []string{"body\tUnion leaders say 5 < 6 is not the math that matters; a 1% rise in prices &c. is not the point."},
			got: []string{
				"body\tUnion leaders say 5 < 6 is not the math that matters; a 1% rise in prices &c.",
				"body\tis not the point.",
			},
		},
	},
	"sloppy_cms.golden": {
		// A comment-count link with no markup that says so reads as a
		// heading.
		{want: []string{"boilerplate\tComments (3)"}, got: []string{"headline\tComments (3)"}},
	},
}

func kindLines(sents []Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.Kind.String() + "\t" + s.Text
	}
	return out
}

// replaceRun replaces the first run of lines equal to from with to.
func replaceRun(lines, from, to []string) ([]string, bool) {
	for i := 0; i+len(from) <= len(lines); i++ {
		if slices.Equal(lines[i:i+len(from)], from) {
			return slices.Replace(slices.Clone(lines), i, i+len(from), to...), true
		}
	}
	return lines, false
}

// applyMisses turns golden lines into the lines the code is known to give.
func applyMisses(t *testing.T, name string, lines []string) []string {
	t.Helper()
	for _, m := range pageMisses[name] {
		var ok bool
		lines, ok = replaceRun(lines, m.want, m.got)
		require.True(t, ok, "%s: known miss %q is not in the golden file", name, m.want)
	}
	return lines
}

// unapplyMisses turns the code's lines into golden lines.
func unapplyMisses(t *testing.T, name string, lines []string) []string {
	t.Helper()
	for _, m := range pageMisses[name] {
		var ok bool
		lines, ok = replaceRun(lines, m.got, m.want)
		require.True(t, ok, "%s: known miss %q no longer happens: remove it from pageMisses", name, m.want)
	}
	return lines
}

func TestGoldenPages(t *testing.T) {
	s := newTestSegmenter(t)
	names, err := filepath.Glob(filepath.Join(pagesDir, "*.html"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(names), 15)
	right, total := 0, 0
	for _, name := range names {
		base := strings.TrimSuffix(filepath.Base(name), ".html")
		golden := base + ".golden"
		t.Run(base, func(t *testing.T) {
			b, err := os.ReadFile(name)
			require.NoError(t, err)
			page := string(b)
			got := s.Segment(page)
			checkContract(t, page, got)
			lines := kindLines(got)
			path := filepath.Join(pagesDir, golden)
			if *update {
				out := unapplyMisses(t, golden, lines)
				require.NoError(t, os.WriteFile(path, []byte(strings.Join(out, "\n")+"\n"), 0o644))
				return
			}
			wb, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./segment/htmlseg -run Golden -update to create it")
			want := strings.Split(strings.TrimSuffix(string(wb), "\n"), "\n")
			total += len(want)
			right += len(want)
			for _, m := range pageMisses[golden] {
				right -= len(m.want)
			}
			assert.Equal(t, applyMisses(t, golden, want), lines, "%s differs; read every changed line before regenerating with -update", path)
			for _, m := range pageMisses[golden] {
				t.Logf("%s: known miss: want %q, got %q", golden, m.want, m.got)
			}
		})
	}
	t.Logf("HTML pages: %d of %d golden sentences right", right, total)
}

// TestGoldenPagesStream checks that a Scanner reading a page one byte at a
// time gives the sentences Segment gives.
func TestGoldenPagesStream(t *testing.T) {
	s := newTestSegmenter(t)
	names, err := filepath.Glob(filepath.Join(pagesDir, "*.html"))
	require.NoError(t, err)
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			b, err := os.ReadFile(name)
			require.NoError(t, err)
			want := s.Segment(string(b))
			var got []Sentence
			sc := s.NewScanner(oneByteReader{strings.NewReader(string(b))})
			for sc.Scan() {
				got = append(got, sc.Sentence())
			}
			require.NoError(t, sc.Err())
			require.Equal(t, want, got)
		})
	}
}

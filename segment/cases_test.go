package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// casesDir, under ownDataDir, holds the segmentation cases, one file per theme, in a small
// format of their own (see readCases). go test -run Cases -update rewrites
// the expected lines from the current output; read every changed line
// before committing it.
const casesDir = "cases"

// textCase is one input with the sentences a news editor expects, each as
// caseLine formats it.
type textCase struct {
	name  string
	text  string
	want  []string
	kinds bool // the expected lines give each sentence's kind and cue
}

// readCases parses a case file. A case opens with "=== NAME" followed by
// its input, the lines up to "---" joined by newlines; "=q= NAME" instead
// announces an input written as one Go-quoted string, for inputs with tabs,
// trailing white space or bytes no editor shows. The lines after "---", up
// to the next case, are the sentences in order, as caseLine formats them.
// Lines starting with "#" before the first case are comments.
func readCases(t *testing.T, path string) []textCase {
	t.Helper()
	data := readOwnFixture(t, path)
	var cases []textCase
	var input []string
	inInput, quoted := false, false
	for n, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
		where := fmt.Sprintf("%s:%d", path, n+1)
		switch {
		case strings.HasPrefix(line, "=== "), strings.HasPrefix(line, "=q= "):
			cases = append(cases, textCase{name: line[4:]})
			input, inInput, quoted = nil, true, line[1] == 'q'
		case len(cases) == 0:
			require.True(t, line == "" || strings.HasPrefix(line, "#"), "%s: text before the first case", where)
		case inInput && line == "---":
			text := strings.Join(input, "\n")
			if quoted {
				var err error
				text, err = strconv.Unquote(text)
				require.NoError(t, err, "%s: quoted input", where)
			}
			cases[len(cases)-1].text, inInput = text, false
		case inInput:
			input = append(input, line)
		case line != "":
			c := &cases[len(cases)-1]
			c.want = append(c.want, line)
			c.kinds = c.kinds || strings.Contains(line, "\tkind=")
		}
	}
	return cases
}

// caseLine formats one explained sentence as a case file gives it: the
// sentence's text (Go-quoted when it holds a tab or a newline, or starts
// with a double quote), a tab, the rule that ended it, then with kinds
// "kind=KIND/CUE", and "kept=RULE@WORD" for each candidate inside it, WORD
// being the candidate token.
func caseLine(text string, e Explanation, kinds bool) string {
	var b strings.Builder
	b.WriteString(quoteIfNeeded(e.Text))
	b.WriteString("\t")
	b.WriteString(string(e.Rule))
	if kinds {
		fmt.Fprintf(&b, "\tkind=%s/%s", e.Kind, e.Cue)
	}
	for _, k := range e.Kept {
		fmt.Fprintf(&b, "\tkept=%s@%s", k.Rule, lastWord(text[:k.At]))
	}
	return b.String()
}

func quoteIfNeeded(s string) string {
	if strings.HasPrefix(s, `"`) || strings.ContainsAny(s, "\t\n\r") || !utf8.ValidString(s) ||
		strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) >= 0 {
		return strconv.Quote(s)
	}
	return s
}

// writeCases writes cases back in the format readCases reads, keeping the
// file's leading comment.
func writeCases(t *testing.T, path string, cases []textCase) {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.Split(readOwnFixture(t, path), "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		b.WriteString(line + "\n")
	}
	for _, c := range cases {
		text, mark := c.text, "==="
		if needsQuotedInput(text) {
			text, mark = strconv.Quote(text), "=q="
		}
		fmt.Fprintf(&b, "\n%s %s\n%s\n---\n", mark, c.name, text)
		for _, w := range c.want {
			b.WriteString(w + "\n")
		}
	}
	require.NoError(t, os.WriteFile(filepath.Join(ownDataDir, path), []byte(b.String()), 0o644))
}

// needsQuotedInput reports whether text cannot be written raw: it would
// lose trailing white space, blank edges or a line "---", or holds bytes
// an editor would not show.
func needsQuotedInput(text string) bool {
	if text == "" || !utf8.ValidString(text) || strings.ContainsAny(text, "\t\r\v\f") {
		return true
	}
	for _, line := range strings.Split(text, "\n") {
		if line != strings.TrimRightFunc(line, unicode.IsSpace) || line == "---" ||
			strings.HasPrefix(line, "=== ") || strings.HasPrefix(line, "=q= ") ||
			strings.IndexFunc(line, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) >= 0 {
			return true
		}
	}
	return strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n")
}

// TestCases runs every case file: the sentences of Explain must be those
// of Segment, keep the contract, and match the expected text, ending rule,
// kept candidates and, where the file gives them, kinds and cues.
func TestCases(t *testing.T) {
	s := newTestSegmenter(t)
	files, err := filepath.Glob(filepath.Join(ownDataDir, casesDir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		path := filepath.Join(casesDir, filepath.Base(file)) // under ownDataDir
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txt"), func(t *testing.T) {
			cases := readCases(t, path)
			require.NotEmpty(t, cases)
			for i, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					got := s.Explain(tc.text)
					sents := make([]Sentence, len(got))
					lines := make([]string, len(got))
					for i, e := range got {
						sents[i] = e.Sentence
						lines[i] = caseLine(tc.text, e, tc.kinds)
					}
					checkContract(t, tc.text, sents)
					assert.Equal(t, s.Segment(tc.text), sents, "Explain and Segment disagree")
					if *update {
						cases[i].want = lines
						return
					}
					assert.Equal(t, tc.want, lines)
				})
			}
			if *update {
				writeCases(t, path, cases)
			}
		})
	}
}

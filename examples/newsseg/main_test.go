package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// result is what one call of run produced.
type result struct {
	code           int
	stdout, stderr string
}

func runCmd(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// writeFile writes content to a file called name in a temporary directory
// and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

// record is one JSON Lines object of the output.
type record struct {
	File  *string `json:"file"`
	Text  string  `json:"text"`
	Start *int    `json:"start"`
	End   *int    `json:"end"`
}

func decodeLines(t *testing.T, out string) []record {
	t.Helper()
	var recs []record
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var r record
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r), "line %q", sc.Text())
		recs = append(recs, r)
	}
	require.NoError(t, sc.Err())
	return recs
}

const (
	twoSentences = "The talks ended on Monday.  Both sides\nsaid little.\n"
	threeLines   = "Breaking\n\nMr. Smith went to Washington. He met the U.S. delegation there.\n"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	fileA := writeFile(t, dir, "a.txt", twoSentences)
	fileB := writeFile(t, dir, "b.txt", threeLines)
	fragments := writeFile(t, dir, "frags.txt",
		"As a first step to de-escalate the crisis, Russia must pull its troops back from the Ukrainian border, Ms.\r\n"+
			"\r\n"+
			"   \n"+
			"Sherman said.\r\n")
	missing := filepath.Join(dir, "missing.txt")

	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStdout string   // exact, when check is nil
		wantStderr []string // substrings of stderr
		check      func(t *testing.T, r result)
	}{
		{
			name:       "text on stdin",
			stdin:      twoSentences,
			wantStdout: "The talks ended on Monday.\nBoth sides said little.\n",
		},
		{
			name:       "dash is stdin",
			args:       []string{"-"},
			stdin:      twoSentences,
			wantStdout: "The talks ended on Monday.\nBoth sides said little.\n",
		},
		{
			name:       "one file",
			args:       []string{fileB},
			wantStdout: "Breaking\nMr. Smith went to Washington.\nHe met the U.S. delegation there.\n",
		},
		{
			name:       "crlf line endings collapsed",
			stdin:      "The talks ended on Monday.\r\nBoth sides\r\nsaid little.\r\n",
			wantStdout: "The talks ended on Monday.\nBoth sides said little.\n",
		},
		{
			name:       "json one input has no file",
			args:       []string{"-json"},
			stdin:      twoSentences,
			wantStdout: `{"text":"The talks ended on Monday.","start":0,"end":26}` + "\n" + `{"text":"Both sides\nsaid little.","start":28,"end":51}` + "\n",
		},
		{
			name: "json two files",
			args: []string{"-json", fileA, fileB},
			check: func(t *testing.T, r result) {
				recs := decodeLines(t, r.stdout)
				require.Len(t, recs, 5)
				contents := map[string]string{}
				for _, rec := range recs {
					require.NotNil(t, rec.File)
					require.NotNil(t, rec.Start)
					require.NotNil(t, rec.End)
					content, ok := contents[*rec.File]
					if !ok {
						b, err := os.ReadFile(*rec.File)
						require.NoError(t, err)
						content = string(b)
						contents[*rec.File] = content
					}
					assert.Equal(t, content[*rec.Start:*rec.End], rec.Text)
				}
				assert.Equal(t, fileA, *recs[0].File)
				assert.Equal(t, fileB, *recs[4].File)
				assert.Equal(t, "Both sides\nsaid little.", recs[1].Text, "JSON text is the exact input slice")
				// Field order: file, text, start, end.
				first, _, _ := strings.Cut(r.stdout, "\n")
				assert.Regexp(t, `^\{"file":".*","text":".*","start":\d+,"end":\d+\}$`, first)
			},
		},
		{
			name:  "json stdin and file names stdin dash",
			args:  []string{"-json", "-", fileA},
			stdin: "Hello there.",
			check: func(t *testing.T, r result) {
				recs := decodeLines(t, r.stdout)
				require.Len(t, recs, 3)
				require.NotNil(t, recs[0].File)
				assert.Equal(t, "-", *recs[0].File)
				assert.Equal(t, "Hello there.", recs[0].Text)
			},
		},
		{
			name:       "json does not escape html",
			args:       []string{"-json"},
			stdin:      "Q&A: <b>yes</b>.",
			wantStdout: `{"text":"Q&A: <b>yes</b>.","start":0,"end":16}` + "\n",
		},
		{
			name:       "byte order mark skipped offsets kept",
			args:       []string{"-json"},
			stdin:      "\uFEFFHello there.",
			wantStdout: `{"text":"Hello there.","start":3,"end":15}` + "\n",
		},
		{
			name:       "merge joins fragments",
			args:       []string{"-merge", fragments},
			wantStdout: "As a first step to de-escalate the crisis, Russia must pull its troops back from the Ukrainian border, Ms. Sherman said.\n",
		},
		{
			name:       "merge keeps sentences apart",
			args:       []string{"-merge"},
			stdin:      "The talks ended on Monday.\nBoth sides said little.\n",
			wantStdout: "The talks ended on Monday.\nBoth sides said little.\n",
		},
		{
			name:       "merge json has text only",
			args:       []string{"-merge", "-json"},
			stdin:      "Ms.\nSherman   said.\n",
			wantStdout: `{"text":"Ms. Sherman   said."}` + "\n",
		},
		{
			name:  "merge json two inputs has file",
			args:  []string{"-merge", "-json", fragments, "-"},
			stdin: "Hello there.\n",
			check: func(t *testing.T, r result) {
				assert.Equal(t,
					`{"file":"`+fragments+`","text":"As a first step to de-escalate the crisis, Russia must pull its troops back from the Ukrainian border, Ms. Sherman said."}`+"\n"+
						`{"file":"-","text":"Hello there."}`+"\n",
					r.stdout)
			},
		},
		{
			name:       "missing file names it and goes on",
			args:       []string{missing, fileA},
			wantCode:   1,
			wantStdout: "The talks ended on Monday.\nBoth sides said little.\n",
			wantStderr: []string{"newsseg: " + missing + ": "},
		},
		{
			name:       "directory",
			args:       []string{dir},
			wantCode:   1,
			wantStderr: []string{"newsseg: " + dir + ": is a directory"},
		},
		{
			name:       "bad flag",
			args:       []string{"-nope"},
			wantCode:   2,
			wantStderr: []string{"-nope", "usage: newsseg", "Exit status:"},
		},
		{
			name:     "help",
			args:     []string{"-h"},
			wantCode: 0,
			check: func(t *testing.T, r result) {
				assert.Contains(t, r.stdout, "usage: newsseg [-json] [-merge] [FILE...]")
				assert.Contains(t, r.stdout, "Exit status:")
				assert.Empty(t, r.stderr)
			},
		},
		{
			name:     "help long",
			args:     []string{"-help"},
			wantCode: 0,
			check: func(t *testing.T, r result) {
				assert.Contains(t, r.stdout, "usage: newsseg")
			},
		},
		{name: "empty input", stdin: ""},
		{name: "white space input", stdin: " \n\t\r\n"},
		{name: "empty input json", args: []string{"-json"}},
		{name: "empty input merge", args: []string{"-merge"}, stdin: "\n\n"},
		{
			name:       "invalid utf-8 kept in text mode",
			stdin:      "Bad \xff byte.  Next one.",
			wantStdout: "Bad \xff byte.\nNext one.\n",
		},
		{
			name:  "invalid utf-8 replaced in json",
			args:  []string{"-json"},
			stdin: "Bad \xff byte.",
			check: func(t *testing.T, r result) {
				recs := decodeLines(t, r.stdout)
				require.Len(t, recs, 1)
				assert.Equal(t, "Bad \uFFFD byte.", recs[0].Text)
				require.NotNil(t, recs[0].End)
				assert.Equal(t, 11, *recs[0].End, "offsets count input bytes")
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, tc.stdin, tc.args...)
			assert.Equal(t, tc.wantCode, r.code, "stderr: %s", r.stderr)
			for _, s := range tc.wantStderr {
				assert.Contains(t, r.stderr, s)
			}
			if tc.wantCode == 0 && tc.check == nil {
				assert.Empty(t, r.stderr)
			}
			if tc.check != nil {
				tc.check(t, r)
			} else {
				assert.Equal(t, tc.wantStdout, r.stdout)
			}
		})
	}
}

// failWriter fails every write, like a closed pipe.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestRunWriteError(t *testing.T) {
	var stderr bytes.Buffer
	code := run(nil, strings.NewReader(strings.Repeat("A short sentence. ", 10000)), failWriter{}, &stderr)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr.String(), "broken pipe")
}

func TestRunGenevaArticle(t *testing.T) {
	const path = "../../testdata/geneva/article.txt"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s: %v", path, err)
	}
	r := runCmd(t, "", path)
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	assert.Empty(t, r.stderr)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	assert.Len(t, lines, 21)
	for i, l := range lines {
		assert.NotEmpty(t, l, "line %d", i+1)
		assert.Equal(t, strings.Join(strings.Fields(l), " "), l, "line %d is collapsed", i+1)
	}
}

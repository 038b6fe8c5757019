package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf16"

	"github.com/newsseg/newsseg/segment"
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
	Kind  *string `json:"kind"`
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
	page         = "Breaking\n\nTalks stall in Geneva\nJan 10, 2022\n\nGENEVA — The talks ended on Monday.\n\nSUBSCRIBE\n"
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
			wantStdout: `{"text":"The talks ended on Monday.","start":0,"end":26,"kind":"body"}` + "\n" + `{"text":"Both sides\nsaid little.","start":28,"end":51,"kind":"body"}` + "\n",
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
				// Field order: file, text, start, end, kind.
				first, _, _ := strings.Cut(r.stdout, "\n")
				assert.Regexp(t, `^\{"file":".*","text":".*","start":\d+,"end":\d+,"kind":"body"\}$`, first)
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
			wantStdout: `{"text":"Q&A: <b>yes</b>.","start":0,"end":16,"kind":"body"}` + "\n",
		},
		{
			name:       "byte order mark skipped offsets kept",
			args:       []string{"-json"},
			stdin:      "\uFEFFHello there.",
			wantStdout: `{"text":"Hello there.","start":3,"end":15,"kind":"body"}` + "\n",
		},
		{
			name:  "json has the kind",
			args:  []string{"-json"},
			stdin: page,
			wantStdout: `{"text":"Breaking","start":0,"end":8,"kind":"boilerplate"}` + "\n" +
				`{"text":"Talks stall in Geneva","start":10,"end":31,"kind":"headline"}` + "\n" +
				`{"text":"Jan 10, 2022","start":32,"end":44,"kind":"meta"}` + "\n" +
				`{"text":"GENEVA — The talks ended on Monday.","start":46,"end":83,"kind":"body"}` + "\n" +
				`{"text":"SUBSCRIBE","start":85,"end":94,"kind":"boilerplate"}` + "\n",
		},
		{
			name:       "kinds filters",
			args:       []string{"-kinds", "body,headline"},
			stdin:      page,
			wantStdout: "Talks stall in Geneva\nGENEVA — The talks ended on Monday.\n",
		},
		{
			name:       "kinds one kind, spaces and case ignored",
			args:       []string{"-kinds", " Meta "},
			stdin:      page,
			wantStdout: "Jan 10, 2022\n",
		},
		{
			name:       "kinds with json keeps offsets",
			args:       []string{"-json", "-kinds=boilerplate"},
			stdin:      page,
			wantStdout: `{"text":"Breaking","start":0,"end":8,"kind":"boilerplate"}` + "\n" + `{"text":"SUBSCRIBE","start":85,"end":94,"kind":"boilerplate"}` + "\n",
		},
		{
			name:       "kinds invalid name",
			args:       []string{"-kinds", "body,furniture"},
			stdin:      page,
			wantCode:   2,
			wantStderr: []string{`-kinds: unknown kind "furniture"`, "Run 'newsseg -h' for usage."},
		},
		{
			name:       "kinds empty list",
			args:       []string{"-kinds", ""},
			stdin:      page,
			wantCode:   2,
			wantStderr: []string{"-kinds: empty kind", "Run 'newsseg -h' for usage."},
		},
		{
			name:       "kinds with merge",
			args:       []string{"-merge", "-kinds", "body"},
			stdin:      page,
			wantCode:   2,
			wantStderr: []string{"-kinds cannot be used with -merge"},
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
			name:     "bad flag is one line and a pointer to -h",
			args:     []string{"-nope"},
			wantCode: 2,
			check: func(t *testing.T, r result) {
				assert.Equal(t, "newsseg: flag provided but not defined: -nope\nRun 'newsseg -h' for usage.\n", r.stderr)
				assert.Empty(t, r.stdout)
			},
		},
		{
			name:     "flag missing its value",
			args:     []string{"-kinds"},
			wantCode: 2,
			check: func(t *testing.T, r result) {
				assert.Equal(t, "newsseg: flag needs an argument: -kinds\nRun 'newsseg -h' for usage.\n", r.stderr)
			},
		},
		{
			name:     "version",
			args:     []string{"-version"},
			stdin:    twoSentences,
			wantCode: 0,
			check: func(t *testing.T, r result) {
				// A test binary is built from a checkout.
				assert.Regexp(t, `^newsseg \S.*\n$`, r.stdout)
				assert.Empty(t, r.stderr)
			},
		},
		{
			name:       "offsets in runes",
			args:       []string{"-json", "-offsets", "rune"},
			stdin:      "\uFEFFZürich\u00a0— Shares rose.\u3000Bonds fell 🏆.",
			wantStdout: `{"text":"Zürich` + "\u00a0" + `— Shares rose.","start":1,"end":22,"kind":"body"}` + "\n" + `{"text":"Bonds fell 🏆.","start":23,"end":36,"kind":"body"}` + "\n",
		},
		{
			name:       "offsets in UTF-16 code units",
			args:       []string{"-json", "-offsets=utf16"},
			stdin:      "\uFEFFZürich\u00a0— Shares rose.\u3000Bonds fell 🏆. Next.",
			wantStdout: `{"text":"Zürich` + "\u00a0" + `— Shares rose.","start":1,"end":22,"kind":"body"}` + "\n" + `{"text":"Bonds fell 🏆.","start":23,"end":37,"kind":"body"}` + "\n" + `{"text":"Next.","start":38,"end":43,"kind":"body"}` + "\n",
		},
		{
			name:       "offsets in bytes is the default",
			args:       []string{"-json", "-offsets", "byte"},
			stdin:      "Zürich\u00a0— Shares rose.",
			wantStdout: `{"text":"Zürich` + "\u00a0" + `— Shares rose.","start":0,"end":25,"kind":"body"}` + "\n",
		},
		{
			name:       "offsets unknown unit",
			args:       []string{"-json", "-offsets", "utf8"},
			wantCode:   2,
			wantStderr: []string{`-offsets: unknown unit "utf8" (want byte, rune or utf16)`, "Run 'newsseg -h' for usage."},
		},
		{
			name:       "offsets without json",
			args:       []string{"-offsets", "rune"},
			wantCode:   2,
			wantStderr: []string{"-offsets applies to the offsets of -json"},
		},
		{
			name:       "offsets with merge",
			args:       []string{"-json", "-merge", "-offsets", "utf16"},
			wantCode:   2,
			wantStderr: []string{"-offsets applies to the offsets of -json"},
		},
		{
			name:     "help",
			args:     []string{"-h"},
			wantCode: 0,
			check: func(t *testing.T, r result) {
				assert.Contains(t, r.stdout, "usage: newsseg [-format FORMAT] [-json] [-offsets UNIT] [-kinds LIST] [-merge] [-explain] [-progress] [FILE...]")
				assert.Contains(t, r.stdout, "-kinds LIST")
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

// repeatReader reads text over and over, n bytes in all, and counts what
// was read.
type repeatReader struct {
	text    string
	n, read int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.read >= r.n {
		return 0, io.EOF
	}
	p = p[:min(len(p), r.n-r.read)]
	for i := range p {
		p[i] = r.text[(r.read+i)%len(r.text)]
	}
	r.read += len(p)
	return len(p), nil
}

// TestRunWriteErrorStops checks that the first write error ends the scan
// soon, text or HTML, lines or JSON, and that the goroutine that writes
// ends with it.
func TestRunWriteErrorStops(t *testing.T) {
	const size = 64 << 20
	for _, tc := range []struct {
		name string
		args []string
		text string
	}{
		{"lines", nil, "A short sentence, said the minister. "},
		{"json", []string{"-json"}, "A short sentence, said the minister. "},
		{"html", []string{"-format", "html"}, "<p>A short sentence, said the minister.</p>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			goroutines := runtime.NumGoroutine()
			r := &repeatReader{text: tc.text, n: size}
			var stderr bytes.Buffer
			assert.Equal(t, exitError, run(tc.args, r, failWriter{}, &stderr))
			assert.Contains(t, stderr.String(), "broken pipe")
			// The output fails when its first 256 KiB are flushed; what
			// is read past that is the scanner's read-ahead and the
			// batches in flight, not the rest of the input.
			assert.Less(t, r.read, 8<<20, "bytes read after the write failed")
			// close waits for the writing goroutine, which may still be
			// on its way out. (Not require.Eventually: it starts a
			// goroutine of its own.)
			for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > goroutines; {
				require.True(t, time.Now().Before(deadline), "goroutines left running: %d, were %d", runtime.NumGoroutine(), goroutines)
				time.Sleep(time.Millisecond)
			}
		})
	}
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

func TestRunGenevaKinds(t *testing.T) {
	const path = "../../testdata/geneva/article.txt"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s: %v", path, err)
	}
	r := runCmd(t, "", "-kinds", "body,headline", path)
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	require.Len(t, lines, 14, "the headline and the 13 body sentences")
	assert.Equal(t, "Little sign of progress on Ukraine standoff after first U.S.-Russia talks", lines[0])
	assert.Equal(t, "Asked directly whether Russia indicated any willingness to de-escalate the military standoff, Ms. Sherman said it’s not clear.", lines[13])

	r = runCmd(t, "", "-json", path)
	require.Equal(t, 0, r.code, "stderr: %s", r.stderr)
	counts := map[string]int{}
	for _, rec := range decodeLines(t, r.stdout) {
		require.NotNil(t, rec.Kind)
		counts[*rec.Kind]++
	}
	assert.Equal(t, map[string]int{"body": 13, "headline": 1, "meta": 1, "boilerplate": 6}, counts)
}

func TestProgress(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want bool
	}{
		{"flag given", []string{"-progress"}, true},
		{"piped without the flag", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, strings.NewReader("The talks ended. Nobody spoke.\n"), &stdout, &stderr)
			require.Equal(t, 0, code)
			assert.Equal(t, "The talks ended.\nNobody spoke.\n", stdout.String())
			if tc.want {
				assert.Contains(t, stderr.String(), "MB/s")
				assert.True(t, strings.HasSuffix(stderr.String(), "\n"))
			} else {
				assert.Empty(t, stderr.String())
			}
		})
	}
}

func TestStreamingMatchesWholeText(t *testing.T) {
	// A text larger than the reader's buffer, with paragraphs split across
	// reads, gives the offsets Segment gives on the whole text.
	text := strings.Repeat("Breaking\n\nRussia must pull back, Ms.\n\nSherman said. The U.S. limit stands.\n\n", 3000)
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-json"}, strings.NewReader(text), &stdout, &stderr), stderr.String())
	seg, err := segment.New()
	require.NoError(t, err)
	want := seg.Segment(text)
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	require.Len(t, lines, len(want))
	for i, line := range lines {
		var rec struct{ Start, End int }
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		assert.Equal(t, want[i].Start, rec.Start)
		assert.Equal(t, want[i].End, rec.End)
	}
}

func TestUnreadableInputs(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "article.txt")
	require.NoError(t, os.WriteFile(notDir, []byte("The talks ended."), 0o644))
	for _, tc := range []struct {
		name  string
		args  []string
		stdin io.Reader
		want  string
	}{
		{"read error on standard input", nil, iotest.ErrReader(errors.New("device gone")), "newsseg: -: "},
		{"path through a file", []string{filepath.Join(notDir, "x")}, nil, "newsseg: " + filepath.Join(notDir, "x") + ": "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, tc.stdin, &stdout, &stderr)
			assert.Equal(t, 1, code)
			assert.Contains(t, stderr.String(), tc.want)
			assert.NotContains(t, stderr.String(), "goroutine", "no stack trace")
		})
	}
}

func TestModuleVersion(t *testing.T) {
	tests := []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"installed at a version", &debug.BuildInfo{Main: debug.Module{Path: "github.com/newsseg/newsseg", Version: "v1.2.3"}}, true, "v1.2.3"},
		{"pseudo-version", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261130032701-c395e672ac5e"}}, true, "v0.0.0-20261130032701-c395e672ac5e"},
		{"checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "(devel)"},
		{"no version recorded", &debug.BuildInfo{}, true, "(devel)"},
		{"no build information", nil, false, "unknown (no build information)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, moduleVersion(tt.info, tt.ok))
		})
	}
}

// TestOffsetsStream converts offsets over an input much larger than one
// read, with multi-byte white space between sentences and sentences that
// -kinds leaves out, and checks each against the input decoded as Python
// (code points) and JavaScript (UTF-16) see it.
func TestOffsetsStream(t *testing.T) {
	var b strings.Builder
	b.WriteString("\uFEFF")
	for i := 0; b.Len() < 300<<10; i++ {
		fmt.Fprintf(&b, "Breaking\n\nGENEVA —\u00a0Talks in Zürich ended, Ms.\u00a0Sherman said on day %d. 🏆 Stocks rose.\u3000\u2028Bonds fell 😀.\u00a0\u00a0\n\nSUBSCRIBE\n\n", i)
	}
	input := b.String()
	runes := []rune(input)
	units := utf16.Encode(runes)
	for _, unit := range []string{"rune", "utf16"} {
		t.Run(unit, func(t *testing.T) {
			r := runCmd(t, input, "-json", "-offsets", unit, "-kinds", "body")
			require.Equal(t, 0, r.code, r.stderr)
			recs := decodeLines(t, r.stdout)
			require.Greater(t, len(recs), 1000)
			last := 0
			for _, rec := range recs {
				require.NotNil(t, rec.Start)
				require.NotNil(t, rec.End)
				start, end := *rec.Start, *rec.End
				require.True(t, last <= start && start < end, "offsets %d:%d after %d", start, end, last)
				last = end
				if unit == "rune" {
					require.Equal(t, rec.Text, string(runes[start:end]))
				} else {
					require.Equal(t, rec.Text, string(utf16.Decode(units[start:end])))
				}
			}
		})
	}
}

// TestExplainOffsets checks that -explain -json converts every offset it
// writes, those of the kept candidates included.
func TestExplainOffsets(t *testing.T) {
	input := "\uFEFFZürich\u00a0— Ms.\u00a0Sherman said the U.S. Navy would stay. 🏆 Next one.\u3000Bye."
	runes := []rune(input)
	units := utf16.Encode(runes)
	slice := map[string]func(i, j int) string{
		"rune":  func(i, j int) string { return string(runes[i:j]) },
		"utf16": func(i, j int) string { return string(utf16.Decode(units[i:j])) },
		"byte":  func(i, j int) string { return input[i:j] },
	}
	for unit, sub := range slice {
		t.Run(unit, func(t *testing.T) {
			r := runCmd(t, input, "-explain", "-json", "-offsets", unit)
			require.Equal(t, 0, r.code, r.stderr)
			var recs []explained
			sc := bufio.NewScanner(strings.NewReader(r.stdout))
			for sc.Scan() {
				var rec explained
				require.NoError(t, json.Unmarshal(sc.Bytes(), &rec))
				recs = append(recs, rec)
			}
			require.Len(t, recs, 3, r.stdout)
			nKept := 0
			for _, rec := range recs {
				assert.Equal(t, rec.Text, sub(rec.Start, rec.End))
				for _, k := range rec.Kept {
					nKept++
					word := sub(rec.Start, k.At)
					assert.True(t, strings.HasSuffix(word, "Ms.") || strings.HasSuffix(word, "U.S."),
						"kept %s at %d: text before it is %q", k.Rule, k.At, word)
				}
			}
			assert.Equal(t, 2, nKept, "kept candidates at Ms. and U.S.")
		})
	}
}

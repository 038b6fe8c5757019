package segment

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func scanAll(t testing.TB, s *Segmenter, r io.Reader) []Sentence {
	t.Helper()
	var out []Sentence
	for sent, err := range s.Sentences(r) {
		require.NoError(t, err)
		out = append(out, sent)
	}
	return out
}

// streamInputs are texts whose stream and whole-text segmentations must agree.
func streamInputs(t *testing.T) map[string]string {
	inputs := map[string]string{
		"empty":            "",
		"blank lines":      "\n\n  \n",
		"title across":     "Russia must pull back, Ms.\n\nSherman said. The talks ended.\n",
		"headline block":   "Breaking\n\nLittle sign of progress\nJan 10, 2022\n\nThe talks ended.",
		"CRLF":             "One.\r\n\r\nTwo.\r\n",
		"spaced dots":      "It was weakened. . . .\n\n. . . The vote was delayed. . . .",
		"invalid UTF-8":    "Talks \xff ended.\n\n\xc3\n\nNobody spoke.",
		"trailing spaces":  "The talks ended.   \n   \n   ",
		"lower-case start": "Officials said the\n\nsanctions would stay.",
	}
	b, err := os.ReadFile(filepath.Join(genevaDir, "article.txt"))
	require.NoError(t, err)
	inputs["geneva"] = string(b)
	return inputs
}

func TestScannerMatchesSegment(t *testing.T) {
	s := newTestSegmenter(t)
	for name, text := range streamInputs(t) {
		t.Run(name, func(t *testing.T) {
			want := s.Segment(text)
			assert.Equal(t, want, scanAll(t, s, strings.NewReader(text)), "strings.Reader, taken whole")
			assert.Equal(t, want, scanAll(t, s, bytes.NewReader([]byte(text))), "bytes.Reader, read into one buffer")
			assert.Equal(t, want, scanAll(t, s, bytes.NewBufferString(text)), "bytes.Buffer, read into one buffer")
			assert.Equal(t, want, scanAll(t, s, onlyReader{strings.NewReader(text)}), "one read, length unknown")
			for _, n := range []int{-1, 0, 5} {
				r := wrongLen{&chunkReader{text: text, n: 7}, n}
				assert.Equal(t, want, scanAll(t, s, r), "Len always %d", n)
			}
			assert.Equal(t, want, scanAll(t, s, iotest.OneByteReader(strings.NewReader(text))), "byte by byte")
			for _, n := range []int{2, 3, 7, 64} {
				assert.Equal(t, want, scanAll(t, s, &chunkReader{text: text, n: n}), "chunks of %d", n)
			}
		})
	}
}

// onlyReader hides all but Read of the reader it holds, as a file or a
// network connection offers no more, so that a Scanner reads it in chunks.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(b []byte) (int, error) { return o.r.Read(b) }

// wrongLen is a reader whose Len says len whatever it holds: a Scanner
// sizes its buffers by Len but must read what the reader gives.
type wrongLen struct {
	io.Reader
	len int
}

func (w wrongLen) Len() int { return w.len }

// TestScannerReaderState checks that a Scanner starts where its reader
// is, for the readers it reads in one go: what was read before is not
// part of the stream, and offsets count from the first byte it reads.
func TestScannerReaderState(t *testing.T) {
	s := newTestSegmenter(t)
	const skip, text = "Skipped. ", "The talks ended. Nobody spoke.\n\nA new round starts."
	want := s.Segment(text)
	for name, r := range map[string]interface {
		io.Reader
		io.ByteReader
	}{
		"strings.Reader": strings.NewReader(skip + text),
		"bytes.Reader":   bytes.NewReader([]byte(skip + text)),
		"bytes.Buffer":   bytes.NewBufferString(skip + text),
	} {
		t.Run(name, func(t *testing.T) {
			for range skip {
				_, err := r.ReadByte()
				require.NoError(t, err)
			}
			assert.Equal(t, want, scanAll(t, s, r))
			assert.Empty(t, scanAll(t, s, r), "a Scanner over the drained reader")
		})
	}
}

func TestScannerLongParagraphs(t *testing.T) {
	s := newTestSegmenter(t)
	for name, text := range map[string]string{
		"no punctuation": strings.Repeat("word ", WindowSize/4),
		"no white space": strings.Repeat("x", WindowSize+WindowSize/2),
		"multibyte":      strings.Repeat("é", WindowSize),
		"titles":         strings.Repeat("Gen. ", WindowSize/3),
		"wrapped lines":  strings.Repeat("the talks went on and on\n", WindowSize/12),
	} {
		t.Run(name, func(t *testing.T) {
			want := s.Segment(text)
			checkContract(t, text, want)
			for _, st := range want {
				assert.LessOrEqual(t, st.End-st.Start, 2*WindowSize)
			}
			assert.Equal(t, want, scanAll(t, s, &chunkReader{text: text, n: 4096}))
			assert.Equal(t, want, scanAll(t, s, &chunkReader{text: text, n: 1 << 20}))
		})
	}
}

func TestScannerReadError(t *testing.T) {
	s := newTestSegmenter(t)
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader("The talks ended. Nobody spoke.\n\nA new round starts"), iotest.ErrReader(boom))
	sc := s.NewScanner(r)
	var got []string
	for sc.Scan() {
		got = append(got, sc.Sentence().Text)
	}
	// "Nobody spoke." waits for the next paragraph, which never completes.
	assert.Equal(t, []string{"The talks ended."}, got)
	assert.ErrorIs(t, sc.Err(), boom)
}

func TestScannerLongGaps(t *testing.T) {
	s := newTestSegmenter(t)
	for name, gap := range map[string]string{
		"blank lines":         strings.Repeat("\n", WindowSize+10),
		"spaces on one line":  strings.Repeat(" ", WindowSize+10),
		"spaces then a break": strings.Repeat(" ", WindowSize) + "\n\n",
		"just under a window": strings.Repeat("\n", WindowSize-10),
	} {
		t.Run(name, func(t *testing.T) {
			// "Ms." would carry the sentence on, but no window holds the gap.
			text := "The talks ended, said Ms." + gap + "Sherman said so. Image: AP."
			want := s.Segment(text)
			checkContract(t, text, want)
			sc := s.NewScanner(&chunkReader{text: text, n: 4096})
			var got []Sentence
			maxWindow := 0
			for sc.Scan() {
				got = append(got, sc.Sentence())
				maxWindow = max(maxWindow, len(sc.pass.window()))
			}
			require.NoError(t, sc.Err())
			assert.Equal(t, want, got)
			assert.LessOrEqual(t, maxWindow, 2*WindowSize+readSize, "the scanner kept the gap")
		})
	}
}

// TestScannerGapThenLongParagraph reads a paragraph that starts on the line
// of a gap too long for any window and goes on for many reads: the Scanner
// drops the gap's white space up to the paragraph, inside its line, and
// must keep its offsets in the window as it reads on.
func TestScannerGapThenLongParagraph(t *testing.T) {
	s := newTestSegmenter(t)
	for name, text := range map[string]string{
		"after a sentence": "The talks ended, said Ms." + strings.Repeat(" ", WindowSize+10) + strings.Repeat("Sherman said so. ", 4000),
		"at the start":     strings.Repeat(" ", 5000) + strings.Repeat("Sherman said so. ", 4000),
	} {
		t.Run(name, func(t *testing.T) {
			want := s.Segment(text)
			checkContract(t, text, want)
			assert.Equal(t, want, scanAll(t, s, &chunkReader{text: text, n: 4096}))
		})
	}
}

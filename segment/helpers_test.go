package segment

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// newTestSegmenter returns a Segmenter with the default settings or fails t.
func newTestSegmenter(t testing.TB, opts ...Option) *Segmenter {
	t.Helper()
	s, err := New(opts...)
	require.NoError(t, err)
	return s
}

// texts returns the sentences' texts with white space runs collapsed.
func texts(sents []Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = collapse(s.Text)
	}
	return out
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// checkContract fails t unless sents honour the package contract for text:
// ordered, non-overlapping, trimmed slices of text that cover every byte
// that is not white space exactly once.
func checkContract(t testing.TB, text string, sents []Sentence) {
	t.Helper()
	covered := make([]bool, len(text))
	prevEnd := 0
	for i, s := range sents {
		if s.Start < prevEnd || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("sentence %d [%d,%d) out of order or range (prev end %d, len %d)", i, s.Start, s.End, prevEnd, len(text))
		}
		if s.Text != text[s.Start:s.End] {
			t.Fatalf("sentence %d: Text %q is not input[%d:%d] %q", i, s.Text, s.Start, s.End, text[s.Start:s.End])
		}
		first, _ := utf8.DecodeRuneInString(s.Text)
		last, _ := utf8.DecodeLastRuneInString(s.Text)
		if isSpace(first) || isSpace(last) {
			t.Fatalf("sentence %d %q starts or ends with white space", i, s.Text)
		}
		for j := s.Start; j < s.End; j++ {
			covered[j] = true
		}
		prevEnd = s.End
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) && !covered[i] {
			t.Fatalf("byte %d (%q) belongs to no sentence", i, text[i:i+size])
		}
		i += size
	}
}

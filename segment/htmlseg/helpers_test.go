package htmlseg

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/stretchr/testify/require"
)

func newTestSegmenter(tb testing.TB) *Segmenter {
	tb.Helper()
	s, err := New()
	require.NoError(tb, err)
	return s
}

// referenceText returns what a browser shows of page with every white-space
// character dropped. It is an oracle for the tests: it reads the page with
// the tokenizer's own decoder (Text), not the offset-keeping one of
// visible.go, and shares with it only the list of elements whose content is
// not shown.
func referenceText(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var b strings.Builder
	skipText, tmpl, svg := false, 0, 0
	first := true
	for {
		tt := z.Next()
		skip := skipText
		skipText = false
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			t := z.Text()
			if first {
				t = bytes.TrimPrefix(t, []byte("\ufeff"))
			}
			if !skip && tmpl == 0 && svg == 0 {
				for _, r := range string(t) {
					if r != 0 && !unicode.IsSpace(r) {
						b.WriteRune(r)
					}
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Noembed,
				atom.Noframes, atom.Plaintext, atom.Textarea, atom.Title, atom.Xmp:
				skipText = true
			case atom.Template:
				tmpl += b2i(tt == html.StartTagToken)
			case atom.Svg:
				svg += b2i(tt == html.StartTagToken)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Template:
				tmpl -= b2i(tmpl > 0)
			case atom.Svg:
				svg -= b2i(svg > 0)
			}
		}
		first = false
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// dropSpace returns s without its white space.
func dropSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// checkContract checks the package contract for the sentences of page:
// offsets in order and inside the page, each span starting and ending on a
// visible character of its sentence, Text collapsed and free of markup, and
// every visible character in exactly one sentence, in order.
func checkContract(tb testing.TB, page string, got []Sentence) {
	tb.Helper()
	prev := 0
	var all strings.Builder
	for i, s := range got {
		require.True(tb, prev <= s.Start && s.Start < s.End && s.End <= len(page),
			"sentence %d %q: span [%d,%d) out of order or outside the page (previous end %d)", i, s.Text, s.Start, s.End, prev)
		prev = s.End
		require.NotEmpty(tb, s.Text)
		require.Equal(tb, strings.TrimSpace(s.Text), s.Text, "sentence %d: Text has surrounding white space", i)
		require.NotContains(tb, s.Text, "\n", "sentence %d", i)
		require.NotContains(tb, s.Text, "  ", "sentence %d", i)
		require.True(tb, utf8.ValidString(s.Text), "sentence %d: %q is not valid UTF-8", i, s.Text)
		if page[s.Start] != '&' && !strings.HasPrefix(s.Text, "\uFFFD") {
			require.Equal(tb, s.Text[0], page[s.Start], "sentence %d %q: span starts at %q", i, s.Text, page[s.Start:min(s.Start+20, len(page))])
		}
		if page[s.End-1] != ';' && !strings.HasSuffix(s.Text, page[s.End-1:s.End]) && !strings.HasSuffix(s.Text, "\uFFFD") {
			amp := strings.LastIndexByte(page[max(s.Start, s.End-40):s.End], '&')
			require.GreaterOrEqual(tb, amp, 0, "sentence %d %q: span ends at %q", i, s.Text, page[max(0, s.End-20):s.End])
		}
		all.WriteString(dropSpace(s.Text))
	}
	require.Equal(tb, referenceText(page), all.String(), "the sentences do not hold exactly the visible text")
}

// oneByteReader reads one byte at a time, the hardest case for a stream.
type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

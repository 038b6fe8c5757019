package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsseg/newsseg/segment"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outputCases are texts that exercise every branch of the writers: white
// space of every kind, the characters JSON escapes, and invalid UTF-8.
var outputCases = []struct{ name, text string }{
	{"plain", "The talks ended on Monday."},
	{"newline and spaces", "Both sides\n  said little."},
	{"tabs and carriage returns", "Prices\t\trose\r\nagain."},
	{"no-break space", "10\u00a0km away."},
	{"ideographic space run", "East\u3000\u3000West"},
	{"next line", "one\u0085two"},
	{"line and paragraph separators", "one\u2028two\u2029three"},
	{"quotes and backslash", `He said "no" \ twice.`},
	{"control characters", "bell\a back\b feed\f nul\x00 esc\x1b del\x7f"},
	{"html characters", "<b>Tom & Jerry</b>"},
	{"curly quotes and dashes", "“Why now?” — asked Smith’s aide…"},
	{"invalid UTF-8", "bad \xff byte and cut \xe2\x80"},
	{"leading and trailing space", "  padded  "},
	{"only space", " \n\t"},
	{"empty", ""},
	{"space before a curly quote", "said \u201cno\u201d and \u2018yes\u2019 \u00a0"},
	{"bytes one above a space, a quote and a backslash", "a !b \"#c\\] d\x00\x01 e"},
	{"space at the end of a word before white space", "1234567 \n1234567 \u00a02"},
}

// collapseRef is the specification of appendCollapsed: the text between runs
// of white space, with one space for each run.
func collapseRef(s string) string {
	var b strings.Builder
	for s != "" {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s = strings.TrimLeftFunc(s[i:], unicode.IsSpace)
	}
	return b.String()
}

func TestUnicodeSpaceLen(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		enc := string(r)
		want := 0
		if unicode.IsSpace(r) {
			want = len(enc)
		}
		if got := unicodeSpaceLen(enc + "x"); got != want {
			t.Fatalf("unicodeSpaceLen(%U) = %d, want %d", r, got, want)
		}
		// Cut short, or its last byte replaced, it is invalid UTF-8,
		// which is not white space.
		for k := 1; k < len(enc); k++ {
			if got := unicodeSpaceLen(enc[:k] + "x"); got != 0 {
				t.Fatalf("unicodeSpaceLen(% x) = %d, want 0", enc[:k]+"x", got)
			}
		}
		if got := unicodeSpaceLen(enc[:len(enc)-1] + " "); got != 0 {
			t.Fatalf("unicodeSpaceLen(% x) = %d, want 0", enc[:len(enc)-1]+" ", got)
		}
	}
}

func TestAppendCollapsed(t *testing.T) {
	for _, tc := range outputCases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, collapseRef(tc.text), string(appendCollapsed([]byte("x"), tc.text))[1:])
			// The writer takes eight bytes at a time: every case at
			// every offset in a longer text.
			for shift := range 9 {
				s := "Talks go"[:shift] + tc.text + " on in Geneva,\n\nofficials  said "
				assert.Equal(t, collapseRef(s), string(appendCollapsed(nil, s)), "at offset %d", shift)
			}
		})
	}
}

// jsonRef is the specification of output.sentence: encoding/json with HTML
// escaping off.
func jsonRef(t testing.TB, r sentenceRecord) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(r))
	return b.String()
}

func writeSentence(t testing.TB, r sentenceRecord) string {
	var b bytes.Buffer
	o := newOutput(bufio.NewWriter(&b))
	o.sentence(r)
	require.NoError(t, o.err)
	require.NoError(t, o.w.Flush())
	return b.String()
}

func TestSentenceJSON(t *testing.T) {
	for _, tc := range outputCases {
		t.Run(tc.name, func(t *testing.T) {
			long := "The talks went on in Geneva, " + tc.text + ` officials "said" \ on Monday`
			for _, r := range []sentenceRecord{
				{Text: long, Start: 0, End: len(long), Kind: segment.Body},
				{Text: tc.text, Start: 3, End: 3 + len(tc.text), Kind: segment.Headline},
				{File: tc.text, Text: tc.text, Start: math.MaxInt, Kind: segment.Boilerplate},
			} {
				assert.Equal(t, jsonRef(t, r), writeSentence(t, r))
			}
		})
	}
}

// TestOutputBufferEdges writes records that fit the writer's free space,
// that cross its end, and that are longer than its whole buffer, which
// output builds in different places.
func TestOutputBufferEdges(t *testing.T) {
	for _, size := range []int{16, 100, 4096} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			var got, want bytes.Buffer
			o := newOutput(bufio.NewWriterSize(&got, size))
			for _, tc := range outputCases {
				for n := range 5 {
					text := strings.Repeat(tc.text+" Talks went on. ", n)
					o.line(text)
					want.WriteString(collapseRef(text) + "\n")
					r := sentenceRecord{Text: text, Start: n, End: n + len(text), Kind: segment.Headline}
					o.sentence(r)
					want.WriteString(jsonRef(t, r))
				}
			}
			require.NoError(t, o.err)
			require.NoError(t, o.w.Flush())
			assert.Equal(t, want.String(), got.String())
		})
	}
}

func TestSentenceJSONInvalidKind(t *testing.T) {
	var b bytes.Buffer
	o := newOutput(bufio.NewWriter(&b))
	o.sentence(sentenceRecord{Text: "x", Kind: segment.Kind(9)})
	assert.Error(t, o.err)
}

func FuzzOutput(f *testing.F) {
	for _, tc := range outputCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendCollapsed(nil, s)), collapseRef(s); got != want {
			t.Fatalf("appendCollapsed(%q) = %q, want %q", s, got, want)
		}
		r := sentenceRecord{File: s, Text: s, Start: len(s), End: 2 * len(s), Kind: segment.Meta}
		if got, want := writeSentence(t, r), jsonRef(t, r); got != want {
			t.Fatalf("sentence(%q) = %s, want %s", s, got, want)
		}
	})
}

func BenchmarkOutput(b *testing.B) {
	text := strings.Repeat("The talks ended on Monday, “officials said.”  Both sides\nsaid little. ", 4)
	for _, tc := range []struct {
		name  string
		write func(o *output)
	}{
		{"line", func(o *output) { o.line(text) }},
		{"json", func(o *output) {
			o.sentence(sentenceRecord{Text: text, Start: 1000, End: 1000 + len(text), Kind: segment.Body})
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			o := newOutput(bufio.NewWriter(discard{}))
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				tc.write(o)
			}
		})
	}
}

// BenchmarkOutputNews writes the sentences of the repository's news
// documents, as the command writes them: the mix of lengths, curly quotes
// and line breaks inside sentences that real text has, which the one
// sentence of BenchmarkOutput does not.
func BenchmarkOutputNews(b *testing.B) {
	seg, err := segment.New()
	require.NoError(b, err)
	var sentences []segment.Sentence
	size := 0
	for _, doc := range newsDocs(b, "geneva/article.txt", "eval/gum-news/*.txt", "pages/*.txt") {
		for _, s := range seg.Segment(doc) {
			sentences = append(sentences, s)
			size += len(s.Text)
		}
	}
	for _, tc := range []struct {
		name  string
		write func(o *output, s segment.Sentence)
	}{
		{"line", func(o *output, s segment.Sentence) { o.line(s.Text) }},
		{"json", func(o *output, s segment.Sentence) {
			o.sentence(sentenceRecord{Text: s.Text, Start: s.Start, End: s.End, Kind: s.Kind})
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			o := newOutput(bufio.NewWriterSize(discard{}, outputSize))
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range sentences {
					tc.write(o, s)
				}
			}
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

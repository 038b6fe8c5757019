package segment

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// Fuzz targets for the contract of doc.go. Run one at a time, e.g.
//
//	go test ./segment -run '^$' -fuzz '^FuzzSegment$' -fuzztime 4m -parallel 1
//
// Plain `go test` runs the seeds below and the corpus under
// testdata/fuzz/<target>/, where every crasher the fuzzer found is kept as a
// regression seed.

// hostileSeeds are inputs a segmenter at the front of a scraping pipeline
// meets: broken encodings, control bytes, degenerate punctuation, exotic
// white space and scripts, markup debris. Each stays small: they run as unit
// tests (the big versions live in the linearity benchmarks).
var hostileSeeds = []string{
	"",
	" ",
	"x",
	".",
	"\xff",
	"\x00",
	"\n",
	" \t\n\v\f\r \u0085\u00a0\u2028\u2029\u3000 ",
	"Talks \xff\xfe ended. Nobody \xc3 spoke.\xc3",
	"\xe2\x80 \xa8. \xe2\x80\xa8\xe2\x80. X",
	"The\x00talks ended. \x00 Nobody\x00. \x00",
	strings.Repeat("word ", 120),
	strings.Repeat("x", 600),
	strings.Repeat(".", 600),
	strings.Repeat(". ", 300),
	"It was weakened. . . .\n\n. . . The vote was delayed. . . . . . .",
	"One.\r\n\r\nTwo.\r\nThree\r\nFour.\r\r\r\n\r\n",
	"\ufeffThe talks ended.\u200b They\u200d resume\ufeff Friday.\u200b\n\n\ufeff\n\n\u200b",
	"Fans cheered 👍🏽. The 👨\u200d👩\u200d👧\u200d👦 family left. 🏳️\u200d🌈 Flags flew.",
	"قال المتحدث. انتهت المحادثات. שלום. הם הלכו. \u202bRTL\u202c. \u200fمرحبا.",
	"<div class=\"x\">Hello.</div>&nbsp;&amp; <p>World.</p><br/>\n\n<script>var a = 1.5;</script>",
	"” ) ] » ’ \" ' ”. ”\n\n)\n\n“Why?” ”",
	strings.Repeat("U.S. ", 100),
	strings.Repeat("Gen. ", 100),
	strings.Repeat("” ", 100),
	". . .\n\n.\n\n. X. .",
	"1. 2. 3. 4.\n1.\n2.\n\na) b) c) 1.) First 2.) Second",
	"• 1. First item. • 2. Second item.\n• Third\n⁃9. Ninth",
	"The talks\tended.\vNobody\fspoke.\r\nA new\u0085round starts.\u2028Then\u2029more.",
	"Ms.\n\nSherman said.\n\nthe U.S.\n\nNavy.",
	"GENEVA (Reuters) —\nBreaking\nJan 10, 2022\n\nThursday, May 7, 2015 On Tuesday, talks ended.",
	"Image: Nick Moreau. Photo: Reuters\nCredit: AP",
	"www.example.co.nz. Mail a@b.c. Next http://x.y/z. Done",
	"\"Why now?\" asked Smith. “Yahoo!” in 2014. NATO and",
	"a\u0301. e\u0308\u0308\u0308. \U0001F600.\U0001F600",
	"X." + strings.Repeat(" .", 150) + " Y.",
	strings.Repeat("a.b.", 100),
	strings.Repeat("\n", 100) + "x" + strings.Repeat(" \r\n", 100),
}

// fuzzSegmenters returns a Segmenter with the default settings and one
// without the merger.
func fuzzSegmenters(tb testing.TB) (*Segmenter, *Segmenter) {
	return newTestSegmenter(tb), newTestSegmenter(tb, WithoutMerge())
}

func FuzzSegment(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	s, noMerge := fuzzSegmenters(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, seg := range []*Segmenter{s, noMerge} {
			sents := seg.Segment(text)
			checkContract(t, text, sents)
			require.Equal(t, sents, seg.Segment(text), "a second call differs")
		}
	})
}

// mergeSep separates the fragments of a FuzzMerge input.
const mergeSep = "|"

// nonSpace returns the bytes of s that are not white space. Invalid UTF-8
// bytes are kept.
func nonSpace(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func FuzzMerge(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
		f.Add(strings.ReplaceAll(s, " ", mergeSep))
	}
	f.Add("Russia must pull its troops back, Ms.|Sherman said.|Sherman said the U.S.|limit its troop presence.")
	f.Add("Gen.|Mark Milley met Lt. Gov.|Vega.||  |.|.|.|Then.")
	s, noMerge := fuzzSegmenters(f)
	f.Fuzz(func(t *testing.T, input string) {
		frags := strings.Split(input, mergeSep)
		var want []string // the trimmed, non-empty fragments
		var wantBytes strings.Builder
		for _, fr := range frags {
			if fr = strings.TrimSpace(fr); fr != "" {
				want = append(want, fr)
				wantBytes.WriteString(nonSpace(fr))
			}
		}

		got := s.Merge(frags)
		require.Equal(t, got, s.Merge(frags), "a second call differs")
		checkMerged(t, want, got)
		var gotBytes strings.Builder
		for _, g := range got {
			gotBytes.WriteString(nonSpace(g))
		}
		require.Equal(t, wantBytes.String(), gotBytes.String(), "fragment text lost or reordered")

		require.Equal(t, want, noMerge.Merge(frags), "WithoutMerge must return the trimmed fragments")
		checkRanges(t, frags, got, s.MergeRanges(frags))
	})
}

// checkRanges fails t unless ranges has the texts of merged, in order, and
// each range covers exactly the fragments its text joins: its first and
// last fragments are not empty, the ranges are in order without overlap,
// and every fragment that is not empty lies in one of them.
func checkRanges(t *testing.T, frags, merged []string, ranges []Merged) {
	t.Helper()
	require.Len(t, ranges, len(merged))
	prev := 0
	for k, m := range ranges {
		require.Equal(t, merged[k], m.Text, "range %d", k)
		require.True(t, prev <= m.From && m.From < m.To && m.To <= len(frags), "range %d [%d:%d] after %d", k, m.From, m.To, prev)
		for i := prev; i < m.From; i++ {
			require.Empty(t, strings.TrimSpace(frags[i]), "fragment %d lies in no range", i)
		}
		var joined []string
		for _, f := range frags[m.From:m.To] {
			if f = strings.TrimSpace(f); f != "" {
				joined = append(joined, f)
			}
		}
		require.NotEmpty(t, strings.TrimSpace(frags[m.From]), "range %d starts at an empty fragment", k)
		require.NotEmpty(t, strings.TrimSpace(frags[m.To-1]), "range %d ends at an empty fragment", k)
		require.Equal(t, strings.Join(joined, " "), m.Text, "range %d [%d:%d]", k, m.From, m.To)
		prev = m.To
	}
	for i := prev; i < len(frags); i++ {
		require.Empty(t, strings.TrimSpace(frags[i]), "fragment %d lies in no range", i)
	}
}

// checkMerged fails t unless every element of got is a run of consecutive
// fragments of want joined by single spaces, the runs in order and covering
// every fragment once, and no element is empty or has white space around it.
func checkMerged(t *testing.T, want, got []string) {
	t.Helper()
	i := 0
	for k, g := range got {
		if g == "" || strings.TrimSpace(g) != g {
			t.Fatalf("element %d %q is empty or not trimmed", k, g)
		}
		if i >= len(want) {
			t.Fatalf("element %d %q has no fragment left to come from", k, g)
		}
		cur := want[i]
		i++
		for len(cur) < len(g) && i < len(want) {
			cur += " " + want[i]
			i++
		}
		if cur != g {
			t.Fatalf("element %d %q is not a join of consecutive fragments (got %q)", k, g, cur)
		}
	}
	if i != len(want) {
		t.Fatalf("fragments %q were lost", want[i:])
	}
}

func FuzzScanner(f *testing.F) {
	for i, s := range hostileSeeds {
		f.Add(s, uint8(i))
	}
	s, noMerge := fuzzSegmenters(f)
	f.Fuzz(func(t *testing.T, text string, n uint8) {
		size := 1 + int(n)%97
		for _, seg := range []*Segmenter{s, noMerge} {
			want := seg.Segment(text)
			var got []Sentence
			if n%2 == 0 {
				got = scanAll(t, seg, &chunkReader{text: text, n: size})
			} else {
				sc := seg.NewScanner(&chunkReader{text: text, n: size})
				for sc.Scan() {
					got = append(got, sc.Sentence())
				}
				require.NoError(t, sc.Err())
			}
			require.Equal(t, want, got, "chunks of %d", size)
			require.Equal(t, want, scanAll(t, seg, strings.NewReader(text)), "strings.Reader, taken whole")
		}
	})
}

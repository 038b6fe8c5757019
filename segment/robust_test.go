package segment

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// hostileMix returns one text made of the small hostile seeds, joined by
// paragraph breaks, line breaks and spaces in turn, so that every kind of
// junk meets every kind of boundary.
func hostileMix() string {
	seps := []string{"\n\n", "\n", " ", "\r\n\r\n", "\t"}
	var b strings.Builder
	for i, s := range hostileSeeds {
		if len(s) > 200 {
			s = s[:200]
		}
		b.WriteString(s)
		b.WriteString(seps[i%len(seps)])
	}
	return b.String()
}

// robustTexts are the texts of the tests below: the Geneva article, the
// page fixtures and the hostile mix.
func robustTexts(t *testing.T) map[string]string {
	out := map[string]string{"hostile mix": hostileMix()}
	out["geneva"] = readFixture(t, "geneva/article.txt")
	for _, doc := range fixtureDocs(t, "pages") {
		out[doc.name] = doc.text
	}
	return out
}

// scanChunks returns what a Scanner finds in text read as chunks.
func scanChunks(t *testing.T, s *Segmenter, chunks ...string) []Sentence {
	t.Helper()
	r := &chunkReader{text: strings.Join(chunks, "")}
	for _, c := range chunks {
		r.sizes = append(r.sizes, len(c))
	}
	sc := s.NewScanner(r)
	var out []Sentence
	for sc.Scan() {
		out = append(out, sc.Sentence())
	}
	require.NoError(t, sc.Err())
	return out
}

// TestScannerEveryChunkBoundary cuts the input in two at every byte offset
// (inside runes, CRLFs and blank lines included): the stream must find the
// sentences Segment finds, wherever its reads end.
func TestScannerEveryChunkBoundary(t *testing.T) {
	s := newTestSegmenter(t)
	texts := robustTexts(t)
	for _, name := range []string{"geneva", "hostile mix"} {
		text := texts[name]
		t.Run(name, func(t *testing.T) {
			want := s.Segment(text)
			checkContract(t, text, want)
			for k := 0; k <= len(text); k++ {
				got := scanChunks(t, s, text[:k], text[k:])
				if !slices.Equal(want, got) {
					require.Equal(t, want, got, "input cut at byte %d", k)
				}
			}
		})
	}
}

// TestScannerRandomChunks reads every text in three chunks cut at random
// offsets, and in chunks of every size from 1 to 97.
func TestScannerRandomChunks(t *testing.T) {
	s := newTestSegmenter(t)
	rnd := rand.New(rand.NewPCG(5, 5))
	for name, text := range robustTexts(t) {
		t.Run(name, func(t *testing.T) {
			want := s.Segment(text)
			for range 100 {
				i := rnd.IntN(len(text) + 1)
				j := i + rnd.IntN(len(text)-i+1)
				got := scanChunks(t, s, text[:i], text[i:j], text[j:])
				if !slices.Equal(want, got) {
					require.Equal(t, want, got, "input cut at bytes %d and %d", i, j)
				}
			}
			for n := 1; n <= 97; n++ {
				got := scanAll(t, s, &chunkReader{text: text, n: n})
				if !slices.Equal(want, got) {
					require.Equal(t, want, got, "chunks of %d", n)
				}
			}
		})
	}
}

// TestHostileInputs checks the contract, and the agreement of the stream,
// on every hostile seed and on longer runs of each.
func TestHostileInputs(t *testing.T) {
	s, noMerge := fuzzSegmenters(t)
	inputs := append([]string{hostileMix()}, hostileSeeds...)
	for _, seed := range hostileSeeds {
		if seed != "" && len(seed) < 100 {
			inputs = append(inputs, strings.Repeat(seed, 4<<10/len(seed)))
		}
	}
	for _, text := range inputs {
		for _, seg := range []*Segmenter{s, noMerge} {
			want := seg.Segment(text)
			checkContract(t, text, want)
			for _, n := range []int{1, 13, 4096} {
				if got := scanAll(t, seg, &chunkReader{text: text, n: n}); !slices.Equal(want, got) {
					require.Equal(t, want, got, "%q in chunks of %d", text, n)
				}
			}
		}
		frags := strings.Split(text, "\n")
		got := s.Merge(frags)
		require.Equal(t, nonSpace(strings.Join(frags, "\n")), nonSpace(strings.Join(got, " ")), "Merge lost or reordered text of %q", text)
	}
}

// TestHugeInputs runs the inputs of the issue at their real size, past the
// window: a million dots, megabytes without punctuation or white space.
func TestHugeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("huge inputs")
	}
	s := newTestSegmenter(t)
	for name, text := range map[string]string{
		"million dots":       strings.Repeat(".", 1_000_000),
		"dots past a window": strings.Repeat(".", WindowSize+WindowSize/3),
		"U.S. run":           strings.Repeat("U.S. ", 64<<10),
		"crlf lines":         strings.Repeat("no end here\r\n", WindowSize/10),
	} {
		t.Run(name, func(t *testing.T) {
			want := s.Segment(text)
			checkContract(t, text, want)
			require.True(t, slices.Equal(want, scanAll(t, s, &chunkReader{text: text, n: 1 << 16})), "the stream differs")
		})
	}
}

// TestConcurrentSegmenter, the one concurrency test, shares one Segmenter
// among goroutines that segment, explain, merge and scan at once; every
// result must be the one a single goroutine gets. Run it with -race.
func TestConcurrentSegmenter(t *testing.T) {
	s := newTestSegmenter(t)
	type result struct {
		segment []Sentence
		explain []Explanation
		merge   []string
		scan    []Sentence
	}
	texts := robustTexts(t)
	names := make([]string, 0, len(texts))
	want := map[string]result{}
	for name, text := range texts {
		names = append(names, name)
		want[name] = result{s.Segment(text), s.Explain(text), s.Merge(strings.Split(text, "\n")), scanAll(t, s, strings.NewReader(text))}
	}
	const goroutines = 8
	iterations := 6
	if testing.Short() {
		iterations = 2
	}
	var wg sync.WaitGroup
	errs := make(chan string, goroutines)
	for g := range goroutines {
		wg.Go(func() {
			for it := range iterations {
				for k := range names {
					name := names[(k+g+it)%len(names)] // goroutines out of step
					text := texts[name]
					got := result{s.Segment(text), s.Explain(text), s.Merge(strings.Split(text, "\n")), nil}
					sc := s.NewScanner(&chunkReader{text: text, n: 1 + g*7})
					for sc.Scan() {
						got.scan = append(got.scan, sc.Sentence())
					}
					w := want[name]
					if !slices.Equal(w.segment, got.segment) || !reflect.DeepEqual(w.explain, got.explain) ||
						!slices.Equal(w.scan, got.scan) || !slices.Equal(w.merge, got.merge) || sc.Err() != nil {
						errs <- name
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: a goroutine got another result than a lone one", name)
	}
}

// TestScannerSmallReads reads long paragraphs a byte at a time. The Scanner
// used to copy its whole window and search it again for the paragraph's
// end after every read: quadratic in the paragraph, minutes for these
// inputs (and hours at the window size) where it now takes milliseconds.
func TestScannerSmallReads(t *testing.T) {
	s := newTestSegmenter(t)
	n := 256 << 10
	if testing.Short() {
		n = 32 << 10
	}
	for name, unit := range map[string]string{
		"no punctuation": "word ",
		"spaces only":    " ",
		"wrapped lines":  "the talks went on\n",
		"crlf lines":     "the talks went on\r\n",
		"no-break space": "\u00a0",
	} {
		t.Run(name, func(t *testing.T) {
			text := "Talks ended. " + repeatTo(unit, n) + "\n\nNobody spoke."
			want := s.Segment(text)
			require.True(t, slices.Equal(want, scanAll(t, s, &chunkReader{text: text, n: 1})), "the stream differs")
		})
	}
}

// TestParagraphWatch checks that the watch a Scanner keeps says a paragraph
// is ready exactly when nextParagraph finds one, at every length the text
// may have reached, from every paragraph start of the text.
func TestParagraphWatch(t *testing.T) {
	texts := robustTexts(t)
	for _, name := range []string{"geneva", "hostile mix", "hard_wrapped.txt", "liveblog.txt"} {
		checkParagraphWatch(t, texts[name])
	}
	checkParagraphWatch(t, "a\n \u2028\nb\n\xe2\x80\n\n\u00a0\n\r\n")
}

func checkParagraphWatch(t *testing.T, text string) {
	t.Helper()
	for from := 0; ; {
		w := newParagraphWatch(from)
		for k := from; k <= len(text); k++ {
			_, _, want := nextParagraph(text[:k], from, false)
			if got := w.ready(text[:k]); got != want {
				t.Fatalf("text %.40q… from %d, length %d: watch says %v, nextParagraph %v", text, from, k, got, want)
			}
		}
		_, next, ok := nextParagraph(text, from, true)
		if !ok || next <= from {
			return
		}
		from = next
	}
}

// TestMergeMatchesSegmentAtBreaks merges fragments of one token each and
// segments the same tokens as paragraphs: the seams and the paragraph
// breaks must be judged alike, runs of lone dots included (Merge now carries
// the run from fragment to fragment instead of counting it at every seam).
func TestMergeMatchesSegmentAtBreaks(t *testing.T) {
	s := newTestSegmenter(t)
	vocab := []string{".", ".", ".", "weakened.", "The", "vote", "Ms.", "Sherman", "said.", "U.S.", "Navy",
		"limit", "1.", "•", "a)", "2014.", "Jan", "10,", "2022", "“Why?”", "asked", "”", ")", "so...", "…",
		"A.", "Gen.", "No.", "5", "www.x.org.", "Image:", "said", "the", "\xff."}
	rnd := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		frags := make([]string, 1+rnd.IntN(9))
		for i := range frags {
			frags[i] = vocab[rnd.IntN(len(vocab))]
		}
		want := texts(s.Segment(strings.Join(frags, "\n\n")))
		if got := s.Merge(frags); strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			require.Equal(t, want, got, "fragments %q", frags)
		}
	}
}

// TestLongRuns feeds runs that used to be quadratic: a sentence whose first
// word is huge, followed by many candidates (the rules read the sentence's
// opening words at every candidate), and Merge over many "." fragments (it
// counted the run of dots at every seam). Each took minutes at these sizes.
func TestLongRuns(t *testing.T) {
	s := newTestSegmenter(t)
	n := 64 << 10
	if testing.Short() {
		n = 8 << 10
	}
	for _, unit := range []string{" a.", "\n\na", " 2014 Foo", " U.S. limit", " 1. one"} {
		for _, opening := range []string{"x", " ", "Jan "} {
			text := "Talks ended. " + repeatTo(opening, n) + repeatTo(unit, n)
			t.Run(strings.TrimSpace(opening)+unit, func(t *testing.T) {
				want := s.Segment(text)
				checkContract(t, text, want)
				require.True(t, slices.Equal(want, scanAll(t, s, &chunkReader{text: text, n: 4096})), "the stream differs")
			})
		}
	}
	for _, frag := range []string{".", "Gen.", "U.S.", "word"} {
		frags := make([]string, n)
		for i := range frags {
			frags[i] = frag
		}
		got := s.Merge(frags)
		require.Equal(t, strings.Repeat(frag, n), strings.ReplaceAll(strings.Join(got, ""), " ", ""), "Merge lost text")
	}
}

package segment

import (
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neurosnap/sentences/english"
	"github.com/stretchr/testify/require"
)

// Throughput of Segment against neurosnap's English tokenizer, the
// baseline, on the same texts in the same process:
//
//	go test ./segment -run XXX -bench 'Segment|Scanner|Sentences|Neurosnap' -benchmem
//
// BenchmarkSegment uses the fast Punkt decider (the default),
// BenchmarkSegmentSlowPunkt the same segmenter asking neurosnap's own
// annotation passes, BenchmarkScanner and BenchmarkSentences read the
// text as a stream from a strings.Reader, BenchmarkScannerReader from a
// reader that only reads, and BenchmarkNeurosnapEnglish runs
// english.NewSentenceTokenizer(nil).Tokenize on the text.

// mixSize is the size of the synthetic mix corpus.
const mixSize = 1 << 20

// benchCorpora returns the corpora of the benchmarks: the Geneva article,
// the GUM news documents of testdata/eval concatenated, and a mix of both
// repeated to about 1 MB.
func benchCorpora(b *testing.B) []corpus {
	b.Helper()
	geneva := readFixture(b, "geneva/article.txt")
	var gum []string
	for _, doc := range fixtureDocs(b, "eval/gum-news") {
		gum = append(gum, strings.TrimSpace(doc.text))
	}
	parts := append([]string{strings.TrimSpace(geneva)}, gum...)
	var mix strings.Builder
	for mix.Len() < mixSize {
		for _, p := range parts {
			mix.WriteString(p)
			mix.WriteString("\n\n")
		}
	}
	out := []corpus{{"geneva", geneva}}
	if len(gum) > 0 {
		out = append(out, corpus{"gum-news", strings.Join(gum, "\n\n")})
	}
	return append(out, corpus{"mix-1MB", mix.String()})
}

// benchSplit runs split, which returns how many sentences it found, as
// a sub-benchmark on every corpus, with the figures the README reports.
func benchSplit(b *testing.B, split func(text string) int) {
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			n := split(c.text)
			allocs := testing.AllocsPerRun(2, func() { split(c.text) })
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				split(c.text)
			}
			b.ReportMetric(float64(n), "sentences/op")
			b.ReportMetric(allocs/float64(n), "allocs/sentence")
		})
	}
}

// benchSegment benchmarks seg.Segment on every corpus.
func benchSegment(b *testing.B, seg *Segmenter) {
	benchSplit(b, func(text string) int { return len(seg.Segment(text)) })
}

func BenchmarkSegment(b *testing.B) {
	benchSegment(b, newTestSegmenter(b))
}

// BenchmarkScanner reads each corpus with a Scanner, as a stream, to set
// against BenchmarkSegment on the whole text.
func BenchmarkScanner(b *testing.B) {
	seg := newTestSegmenter(b)
	benchSplit(b, func(text string) int {
		sc := seg.NewScanner(strings.NewReader(text))
		n := 0
		for sc.Scan() {
			n++
		}
		return n
	})
}

// BenchmarkScannerReader reads each corpus through a reader that offers
// only Read, as a file or a network connection does: the Scanner reads it
// in chunks into its own buffers, where it takes a strings.Reader's text
// whole (BenchmarkScanner).
func BenchmarkScannerReader(b *testing.B) {
	seg := newTestSegmenter(b)
	benchSplit(b, func(text string) int {
		sc := seg.NewScanner(onlyReader{strings.NewReader(text)})
		n := 0
		for sc.Scan() {
			n++
		}
		return n
	})
}

// BenchmarkSentences reads each corpus with the Sentences iterator.
func BenchmarkSentences(b *testing.B) {
	seg := newTestSegmenter(b)
	benchSplit(b, func(text string) int {
		n := 0
		for range seg.Sentences(strings.NewReader(text)) {
			n++
		}
		return n
	})
}

// BenchmarkStreamRatio runs Segment, the three ways of streaming a text,
// and reading a plain io.Reader whole before Segment, over each corpus in turn, op by op, and reports for each stream the
// median over rounds of its time over Segment's in the same round. On a
// machine shared with other work the four meet the same load, which
// separate benchmarks, seconds apart, do not. The order within a round
// turns, so that none always runs on caches the one before it warmed.
func BenchmarkStreamRatio(b *testing.B) {
	seg := newTestSegmenter(b)
	count := func(sc *Scanner) {
		for sc.Scan() {
		}
	}
	runs := []struct {
		name string
		run  func(text string)
	}{
		{"segment", func(text string) { seg.Segment(text) }},
		{"scanner/segment", func(text string) { count(seg.NewScanner(strings.NewReader(text))) }},
		{"sentences/segment", func(text string) {
			for range seg.Sentences(strings.NewReader(text)) {
			}
		}},
		{"reader/segment", func(text string) { count(seg.NewScanner(onlyReader{strings.NewReader(text)})) }},
		// What a caller without a Scanner does with such a reader: read
		// it all, then Segment. strings.Builder's String copies nothing.
		{"readall+segment/segment", func(text string) {
			var all strings.Builder
			if _, err := io.Copy(&all, onlyReader{strings.NewReader(text)}); err != nil {
				panic(err)
			}
			seg.Segment(all.String())
		}},
	}
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(runs) * len(c.text)))
			ratios := make([][]float64, len(runs))
			took := make([]time.Duration, len(runs))
			for round := 0; b.Loop(); round++ {
				for i := range runs {
					r := (round + i) % len(runs)
					start := time.Now()
					runs[r].run(c.text)
					took[r] = time.Since(start)
				}
				for r := 1; r < len(runs); r++ {
					ratios[r] = append(ratios[r], float64(took[r])/float64(took[0]))
				}
			}
			for r := 1; r < len(runs); r++ {
				slices.Sort(ratios[r])
				b.ReportMetric(ratios[r][len(ratios[r])/2], runs[r].name)
			}
		})
	}
}

// BenchmarkExplain measures Explain, to set against BenchmarkSegment: the
// cost of recording why, which Segment does not pay.
func BenchmarkExplain(b *testing.B) {
	seg := newTestSegmenter(b)
	benchSplit(b, func(text string) int { return len(seg.Explain(text)) })
}

func BenchmarkSegmentSlowPunkt(b *testing.B) {
	benchSegment(b, withDecider(newTestSegmenter(b), slowPunkt(b)))
}

// BenchmarkNeurosnapEnglish is the baseline: neurosnap's English Punkt
// tokenizer on the same corpora.
func BenchmarkNeurosnapEnglish(b *testing.B) {
	tok, err := english.NewSentenceTokenizer(nil)
	require.NoError(b, err)
	benchSplit(b, func(text string) int { return len(tok.Tokenize(text)) })
}

// BenchmarkPunktBreaks measures the two deciders alone on every window of
// the corpora whose first token ends in a period, as the rules ask them.
func BenchmarkPunktBreaks(b *testing.B) {
	var windows [][3]string
	corpora := benchCorpora(b)
	for _, c := range corpora[:len(corpora)-1] { // all but the mix
		toks := strings.Fields(c.text)
		for i, tok := range toks {
			if !hasFinalPunct(tok) {
				continue
			}
			var w [3]string
			copy(w[:], toks[i:min(i+3, len(toks))])
			windows = append(windows, w)
		}
	}
	for _, d := range []struct {
		name string
		d    punktDecider
	}{{"fast", fastPunktForTest(b)}, {"slow", slowPunkt(b)}} {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range windows {
					d.d.breaks(w[0], w[1], w[2])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(windows)), "ns/window")
		})
	}
}

// BenchmarkPunktModelLookup compares the orthographic context lookups of
// the decider and the rules in modelTable with the same lookups in
// neurosnap's map, on the lower-cased words of the corpora: modelTable
// replaced the map to take the model off the garbage collector's work, and
// must not be slower.
func BenchmarkPunktModelLookup(b *testing.B) {
	var words [][]byte
	corpora := benchCorpora(b)
	for _, c := range corpora[:len(corpora)-1] { // all but the mix
		for _, w := range strings.Fields(c.text) {
			words = append(words, []byte(strings.ToLower(strings.Trim(w, `.,;:!?"'()“”‘’`))))
		}
	}
	m := slowPunkt(b).tok.Storage.OrthoContext
	t := &fastPunktForTest(b).ortho
	for _, l := range []struct {
		name string
		get  func([]byte) int
	}{
		{"map", func(w []byte) int { return m[string(w)] }},
		{"table", func(w []byte) int { return int(t.get(w)) }},
	} {
		b.Run(l.name, func(b *testing.B) {
			b.ReportAllocs()
			hits := 0
			for b.Loop() {
				for _, w := range words {
					if l.get(w) != 0 {
						hits++
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/lookup")
		})
	}
}

// BenchmarkPunktModelLoad measures what every process that segments pays
// once for the Punkt model: building fastPunkt from the embedded
// data/punkt/english.txt, against loading neurosnap's gzipped JSON model,
// which New did before.
func BenchmarkPunktModelLoad(b *testing.B) {
	b.Run("file", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m, err := parsePunktModel(punktModelText)
			require.NoError(b, err)
			_, err = newFastPunkt(m)
			require.NoError(b, err)
		}
	})
	b.Run("neurosnap", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, err := english.NewSentenceTokenizer(nil)
			require.NoError(b, err)
		}
	})
}

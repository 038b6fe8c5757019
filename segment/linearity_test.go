package segment

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The linearity benchmarks time Segment, the Scanner and Merge on
// degenerate inputs at 1 MB and 8 MB, and Segment at 64 MB as well, where
// a cost in the square of the input over the window (one long line
// searched to its end at every cut) is ten times the linear one. Time must
// grow linearly with the input: compare ns/op per byte (or MB/s) of the
// sizes of each input,
//
//	go test ./segment -run '^$' -bench Linearity -benchtime 3x
//
// a ratio of (ns/op at 8MB) / (8 × ns/op at 1MB) near 1 is linear. There is
// no timing assertion in the tests: the machines that run them vary too
// much.

// linearityInputs are the repeated units of the degenerate inputs.
var linearityInputs = []struct{ name, unit string }{
	{"dots", "."},
	{"spaced-dots", ". "},
	{"US", "U.S. "},
	{"no-punctuation", "word "},
	{"closing-quotes", "” "},
	{"Gen", "Gen. "},
	{"no-space", "x"},
	{"ellipses", "so... "},
	{"initials", "A. "},
}

var linearitySizes = []struct {
	name string
	n    int
}{{"1MB", 1 << 20}, {"8MB", 8 << 20}}

// repeatTo returns unit repeated to about n bytes.
func repeatTo(unit string, n int) string {
	return strings.Repeat(unit, max(1, n/len(unit)))
}

func BenchmarkLinearity(b *testing.B) {
	s := newTestSegmenter(b)
	sizes := append(slices.Clip(linearitySizes), struct {
		name string
		n    int
	}{"64MB", 64 << 20})
	for _, in := range linearityInputs {
		for _, size := range sizes {
			text := repeatTo(in.unit, size.n)
			b.Run(in.name+"/"+size.name, func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					s.Segment(text)
				}
			})
		}
	}
}

// BenchmarkLinearityScanner reads the same inputs through a Scanner, in
// reads of 64 KB (a file) and of 512 bytes (a slow network connection).
func BenchmarkLinearityScanner(b *testing.B) {
	s := newTestSegmenter(b)
	for _, in := range linearityInputs {
		for _, size := range linearitySizes {
			text := repeatTo(in.unit, size.n)
			for _, read := range []int{64 << 10, 512} {
				b.Run(in.name+"/"+size.name+"/"+readName(read), func(b *testing.B) {
					b.SetBytes(int64(len(text)))
					b.ReportAllocs()
					for b.Loop() {
						sc := s.NewScanner(&chunkReader{text: text, n: read})
						for sc.Scan() {
						}
					}
				})
			}
		}
	}
}

func readName(n int) string {
	if n >= 1<<10 {
		return strconv.Itoa(n>>10) + "KB-reads"
	}
	return strconv.Itoa(n) + "B-reads"
}

// BenchmarkLinearityMerge merges 1 MB and 8 MB worth of fragments, each a
// piece that the merger joins to the one before ("Gen.", ".") or not.
func BenchmarkLinearityMerge(b *testing.B) {
	s := newTestSegmenter(b)
	for _, frag := range []struct{ name, frag string }{
		{"Gen", "Gen."},
		{"dots", "."},
		{"US", "U.S."},
		{"words", "word"},
		{"sentences", "The talks ended."},
	} {
		for _, size := range linearitySizes {
			frags := make([]string, max(1, size.n/(len(frag.frag)+1)))
			for i := range frags {
				frags[i] = frag.frag
			}
			b.Run(frag.name+"/"+size.name, func(b *testing.B) {
				b.SetBytes(int64(size.n))
				b.ReportAllocs()
				for b.Loop() {
					s.Merge(frags)
				}
			})
		}
	}
}

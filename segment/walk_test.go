package segment

import (
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// tokenWalk is the specification of the walk of pass.paragraph: it cuts
// every paragraph into all its tokens, as the package did before the walk
// learnt to jump between stop bytes, asks at every boundary between two
// tokens whether it is a candidate, and carries the run of lone dots from
// token to token. The decisions (rules.ends, emit and the classifier) are
// the package's own; only the walk differs. It returns what Explain
// returns, which says which candidates were decided and how.
func tokenWalk(s *Segmenter, text string) []Explanation {
	p := s.newPass(text)
	p.explain = true
	dots, final := 0, false
	for pos := 0; ; {
		para, next, ok := nextParagraph(text, pos, true)
		if !ok {
			break
		}
		toks, breakBefore := allTokens(text, para, s.rules.lex)
		pend := para.end
		consider := func(at boundary, seam Rule, prev token, i int) {
			var ends bool
			var rule Rule
			switch {
			case at == atBreak && s.splitBreaks:
				ends, rule = true, ruleNoMerge
			case prev.end-p.start >= WindowSize:
				ends, rule = true, ruleWindowSize
			default:
				c := candidate{
					prev: tokenText(text, prev), next: tokenText(text, toks[i]),
					head: text[p.start:prev.end], rest: text[toks[i].start:pend],
					at: at, seam: seam, dots: dots, wordFinal: final,
				}
				if i+1 < len(toks) {
					c.after = tokenText(text, toks[i+1])
				}
				ends, rule = s.rules.ends(c)
			}
			if ends {
				p.emit(p.start, prev.end, rule)
				p.start = toks[i].start
			} else {
				p.kept = append(p.kept, Kept{At: prev.end, Rule: rule})
			}
		}
		for i, t := range toks {
			switch {
			case i == 0 && p.start < 0:
				p.start = t.start
			case i == 0 && (p.cut || t.start-p.last.end > WindowSize):
				p.emit(p.start, p.last.end, ruleWindowCut)
				p.start = t.start
			case i == 0:
				consider(atBreak, ruleBlankLine, p.last, 0)
			case p.list.nextItem(text, t, pend):
				p.emit(p.start, toks[i-1].end, ruleListItem)
				p.start = t.start
			case breakBefore[i]:
				consider(atBreak, ruleLineBreak, toks[i-1], i)
			case s.rules.isCandidate(tokenText(text, toks[i-1]), tokenText(text, t)):
				consider(inText, "", toks[i-1], i)
			}
			if t.start == p.start {
				p.list.open(text, t, pend)
			}
			dots, final = dotRun(dots, final, tokenText(text, t), t.start == p.start)
			p.last = t
		}
		p.cut = para.cut
		pos = next
	}
	p.finish()
	return p.why
}

// allTokens returns every token of paragraph para and, for each, whether a
// layout break stands before it.
func allTokens(text string, para paragraph, lex *lexicon) ([]token, []bool) {
	var breaks []int
	if strings.IndexByte(text[para.start:para.end], '\n') >= 0 {
		breaks = lineBreaks(text, splitLines(text, para, nil), lex, nil)
	}
	var toks []token
	var breakBefore []bool
	next := 0
	for i := para.start; i < para.end; {
		if n := spaceAt(text, i); n > 0 {
			i += n
			continue
		}
		t := token{start: i, end: tokenEnd(text, i, para.end)}
		brk := false
		for next < len(breaks) && breaks[next] <= t.start {
			brk = len(toks) > 0
			next++
		}
		toks = append(toks, t)
		breakBefore = append(breakBefore, brk)
		i = t.end
	}
	return toks, breakBefore
}

// walkCases are texts where the walk must stop: every kind of candidate,
// at the start, the middle and the end of paragraphs and lines.
var walkCases = []corpus{
	{"periods", "The talks ended. Both sides said little. Mr. Smith left."},
	{"questions and exclamations", "Why now? Nobody knew! “Why?” asked Smith. Yahoo! in talks."},
	{"closing quotes", `He said "no." Then "yes!" (See below.) ‘Fine.’ Done.`},
	{"ellipses", "He paused… Then spoke... and left.... She stayed. . . . Then. . . went"},
	{"cjk punctuation", "会議は終わった。 Next？ Yes！ Done。"},
	{"years", "Thursday, May 7, 2015 On Tuesday, talks ended in 2014. 1999 was 2€ cheaper 201.Bc then."},
	{"credits", "Playstation VR demo Image: Nick Moreau. Photo: Reuters Credit: AP\nweek.Photo: Jane"},
	{"glued stops", "said last week.The company said.“They will.” and 3pm.He left.Then.Again"},
	{"lone dots", "It was weakened. . . .\n\n. . . The vote. . . . . . . X. . . . Y .\n\n. Z"},
	{"lists", "1.) The first item 2.) The second item 3.) The third.\n\n• 1. First item. • 2. Second item.\n• Third\n⁃9. Ninth\n\na) one b) two c) three"},
	{"layout", "Breaking\nTalks stall in Geneva\nJan 10, 2022\n\nGENEVA — The talks\nended on Monday.\nBy Jane Doe\nAssociated Press"},
	{"hard wrapped", "The delegates met on Monday in a hotel by the lake and\ntalked for hours about the troops at the border. They\nagreed on nothing, officials said, and went home.\n"},
	{"unicode spaces", "One.\u00a0Two.\u2009Three.\u3000Four.\u0085Five.\u2028Six? 2014\u00a02015. End"},
	{"invalid UTF-8", "Talks \xff\xfe ended. Nobody \xc3 spoke.\xc3 \xe2\x80 \xa8. \xe2\x80\xa8\xe2\x80. X"},
	{"ends in a stop", "Ends here.\n\nAnd here:\n\n2015\n\n…"},
}

func TestWalkMatchesTokenWalk(t *testing.T) {
	s, noMerge := fuzzSegmenters(t)
	docs := append([]corpus(nil), walkCases...)
	for _, set := range snapshotSets {
		docs = append(docs, set.docs(t)...)
	}
	for _, seed := range hostileSeeds {
		docs = append(docs, corpus{"hostile seed", seed})
	}
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) {
			for _, seg := range []*Segmenter{s, noMerge} {
				require.Equal(t, tokenWalk(seg, d.text), seg.Explain(d.text))
			}
		})
	}
}

func FuzzWalkMatchesTokenWalk(f *testing.F) {
	for _, c := range walkCases {
		f.Add(c.text)
	}
	for _, seed := range hostileSeeds {
		f.Add(seed)
	}
	s, noMerge := fuzzSegmenters(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, seg := range []*Segmenter{s, noMerge} {
			require.Equal(t, tokenWalk(seg, text), seg.Explain(text))
		}
	})
}

// TestSegmentAllocations holds Segment to a bounded number of allocations
// per call, whatever the length of the text: its result slice, not one per
// sentence or per rule. A rule that allocates for every candidate (a
// strings.ToLower on a hot path, say) fails it on the larger text.
func TestSegmentAllocations(t *testing.T) {
	seg := newTestSegmenter(t)
	var docs []string
	for _, d := range fixtureDocs(t, "eval/gum-news") {
		docs = append(docs, strings.TrimSpace(d.text))
	}
	small := strings.Join(docs, "\n\n")
	large := strings.Repeat(small+"\n\n", 16)
	for _, text := range []string{small, large} {
		allocs := testing.AllocsPerRun(3, func() { seg.Segment(text) })
		require.LessOrEqual(t, allocs, 8.0, "Segment of %d bytes allocates %v times", len(text), allocs)
	}
}

// TestMaybeTokenSpecial checks the word test that tokenEnd skips by: its
// lowest mark must never pass a byte that tokenSpecial marks, whatever
// byte stands before or after it.
func TestMaybeTokenSpecial(t *testing.T) {
	for _, fill := range []byte{'a', 'Z', '0', ',', ' ', '.', 0xc3, 0x00, 0x7f} {
		for c := 0; c < 256; c++ {
			for pos := range 8 {
				var w [8]byte
				for i := range w {
					w[i] = 'a'
				}
				for i := pos + 1; i < 8; i++ {
					w[i] = fill
				}
				w[pos] = byte(c)
				var x uint64
				for i := 7; i >= 0; i-- {
					x = x<<8 | uint64(w[i])
				}
				first := 8 // the first byte tokenSpecial marks
				for i, b := range w {
					if tokenSpecial[b] {
						first = i
						break
					}
				}
				got := 8
				if m := maybeTokenSpecial(x); m != 0 {
					got = bits.TrailingZeros64(m) >> 3
				}
				if got > first {
					t.Errorf("maybeTokenSpecial(%q) skips to %d, past the special byte at %d", w[:], got, first)
				}
			}
		}
	}
}

// scanTexts returns texts for the scans of the walk: the walk cases and
// strings drawn from pieces that sit at the edges of those scans (digits
// after ASCII and Unicode spaces, stops, multi-byte runes that are and are
// not stops or spaces, invalid UTF-8), long enough to cross several runs
// of eight bytes.
func scanTexts() []string {
	var texts []string
	for _, c := range walkCases {
		texts = append(texts, c.text)
	}
	pieces := []string{
		"a", "Zq", "word", " ", "  ", "\n", "\t", "1", "2015", ".", "?", "!", ":", ";", ",",
		"\u00a0", "\u2009", "\u3000", "…", "“", "’", "é", "。", "\xff", "\xe2\x80", "(", "\"",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for n := r.IntN(40); n >= 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestIndexStopMatchesByteScan holds indexStop, which skips by pairs of
// bytes, to isStop asked at every byte that stopBytes marks, from every
// token start of a text, as the walk calls it.
func TestIndexStopMatchesByteScan(t *testing.T) {
	for _, text := range scanTexts() {
		for lo := 0; lo < len(text); lo++ {
			if lo > 0 && spaceAt(text, lo) == 0 && spaceAt(text, lastRuneStart(text, lo)) == 0 {
				continue // not a token start
			}
			for _, from := range []int{lo, min(lo+1, len(text)), min(lo+3, len(text))} {
				want := len(text) - from
				for k := from; k < len(text); k++ {
					if stopBytes[text[k]] != 0 && isStop(text, lo, k) {
						want = k - from
						break
					}
				}
				if got := indexStop(text[from:], text, lo, from); got != want {
					t.Fatalf("indexStop(%q from %d, lo %d) = %d, want %d", text, from, lo, got, want)
				}
			}
		}
	}
}

// TestStopTokenMatchesTokenAround holds stopToken, which cuts forward from
// the stop, and wordStart, which looks back eight bytes at a time, to
// tokenAround read a byte at a time from the start of the token, at every
// stop the walk finds.
func TestStopTokenMatchesTokenAround(t *testing.T) {
	// tokenAround as it read before wordStart.
	around := func(text string, lo, k, end int) token {
		ws := k
		for ws > lo {
			r, size := utf8.DecodeLastRuneInString(text[lo:ws])
			if isSpace(r) {
				break
			}
			ws -= size
		}
		for {
			te := tokenEnd(text, ws, end)
			if te > k {
				return token{start: ws, end: te}
			}
			ws = te
		}
	}
	for _, text := range scanTexts() {
		for lo := 0; lo < len(text); lo++ {
			if spaceAt(text, lo) > 0 || lo > 0 && spaceAt(text, lastRuneStart(text, lo)) == 0 {
				continue // not a token start
			}
			k := lo + indexStop(text[lo:], text, lo, lo)
			if k == len(text) {
				continue
			}
			want := around(text, lo, k, len(text))
			if got := stopToken(text, lo, k, len(text)); got != want {
				t.Fatalf("stopToken(%q, lo %d, stop %d) = %v, want %v", text, lo, k, got, want)
			}
			if got := tokenAround(text, lo, k, len(text)); got != want {
				t.Fatalf("tokenAround(%q, lo %d, stop %d) = %v, want %v", text, lo, k, got, want)
			}
		}
	}
}

// TestStopPairs checks every entry of stopPairs against its definition:
// a pair is marked when its first byte is a stop byte, its second a stop
// byte that is not a digit, or its second a digit after ASCII white space
// or a byte of a multi-byte rune.
func TestStopPairs(t *testing.T) {
	for c0 := range 256 {
		for c1 := range 256 {
			digit := '0' <= c1 && c1 <= '9'
			want := stopBytes[c0] != 0 || !digit && stopBytes[c1] != 0 ||
				digit && (asciiSpace[c0] || c0 >= utf8.RuneSelf)
			if got := stopPairs[c0|c1<<8] != 0; got != want {
				t.Errorf("stopPairs[%q %q] = %v, want %v", byte(c0), byte(c1), got, want)
			}
		}
	}
}

// TestParagraphMultiline checks the flag by which the walk skips looking
// for the lines of a paragraph: it is set exactly when a newline stands
// inside the paragraph, whole or cut at the window size.
func TestParagraphMultiline(t *testing.T) {
	long := strings.Repeat("word ", WindowSize/5) + "\nmore\n\nnext"
	for _, text := range append(scanTexts(), long, "one\ntwo", "one\n \ntwo", " \n one \n\n") {
		for _, atEOF := range []bool{true, false} {
			for pos := 0; ; {
				para, next, ok := nextParagraph(text, pos, atEOF)
				if !ok {
					break
				}
				want := strings.IndexByte(text[para.start:para.end], '\n') >= 0
				if para.multiline != want {
					t.Fatalf("nextParagraph(%.60q, %d, %v) = %+v: multiline %v, want %v", text, pos, atEOF, para, para.multiline, want)
				}
				pos = next
			}
		}
	}
}

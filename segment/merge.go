package segment

import (
	"strings"
)

// Merge reassembles text that arrived already split (one fragment per
// element, as scraped articles often do) into sentences. Consecutive
// fragments that belong to one sentence are joined with a single space; a
// fragment is never split. Fragments are trimmed of surrounding white space
// and empty ones are dropped. The decision at each seam is the one Segment
// makes at a paragraph break. [Segmenter.MergeRanges] also says which
// fragments each sentence came from.
func (s *Segmenter) Merge(fragments []string) []string {
	var out []string
	s.ready().merge(fragments, func(text string, _, _ int) { out = append(out, text) })
	return out
}

// Merged is a sentence that [Segmenter.MergeRanges] reassembled, and the
// fragments it came from: fragments[From:To]. The range starts and ends at a
// fragment that is not empty; empty fragments inside it, which Merge drops,
// are in it too. The ranges of successive sentences do not overlap and are
// in order.
type Merged struct {
	Text string `json:"text"`
	From int    `json:"from"`
	To   int    `json:"to"`
}

// MergeRanges is [Segmenter.Merge] that also gives, for each sentence, the
// range of indices of the fragments it was made from, so that a caller can
// map it back to the lines, cells or HTML nodes those fragments came from.
// Its texts are exactly those Merge returns.
func (s *Segmenter) MergeRanges(fragments []string) []Merged {
	var out []Merged
	s.ready().merge(fragments, func(text string, from, to int) {
		out = append(out, Merged{Text: text, From: from, To: to})
	})
	return out
}

// merge reassembles fragments and calls emit with each sentence and the
// range of fragments it came from.
func (s *Segmenter) merge(fragments []string, emit func(text string, from, to int)) {
	var cur strings.Builder // the sentence being built
	from, to := 0, 0        // the fragments in cur
	dots, final := 0, false // the run of lone dots that ends cur, as dotRun counts it
	for i, f := range fragments {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if cur.Len() > 0 {
			if ends, _ := s.rules.ends(seam(cur.String(), f, dots, final)); s.splitBreaks || ends {
				emit(cur.String(), from, to)
				cur = strings.Builder{}
			} else {
				cur.WriteByte(' ')
			}
		}
		first := cur.Len() == 0
		if first {
			from = i
		}
		for w := range fieldsForward(f) {
			dots, final = dotRun(dots, final, w, first)
			first = false
		}
		cur.WriteString(f)
		to = i + 1
	}
	if cur.Len() > 0 {
		emit(cur.String(), from, to)
	}
}

// seam builds the candidate between the sentence so far and the next
// fragment. dots and wordFinal describe the run of lone dots that ends head,
// as dotRun counts it: Merge carries them from fragment to fragment, where
// counting them again at every seam was quadratic in a run of "." fragments.
func seam(head, next string, dots int, wordFinal bool) candidate {
	c := candidate{head: head, rest: next, at: atBreak, seam: ruleMergeSeam, dots: dots, wordFinal: dots > 0 && wordFinal}
	for w := range fieldsBackward(head) {
		c.prev = w
		break
	}
	n := 0
	for w := range fieldsForward(next) {
		if n++; n == 1 {
			c.next = w
		} else {
			c.after = w
			break
		}
	}
	return c
}

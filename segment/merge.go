package segment

import (
	"strings"
)

// Merge reassembles text that arrived already split (one fragment per
// element, as scraped articles often do) into sentences. Consecutive
// fragments that belong to one sentence are joined with a single space; a
// fragment is never split. Fragments are trimmed of surrounding white space
// and empty ones are dropped. The decision at each seam is the one Segment
// makes at a paragraph break.
func (s *Segmenter) Merge(fragments []string) []string {
	s = s.ready()
	var out []string
	var cur strings.Builder // the sentence being built
	dots, final := 0, false // the run of lone dots that ends cur, as dotRun counts it
	for _, f := range fragments {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if cur.Len() > 0 {
			if ends, _ := s.rules.ends(seam(cur.String(), f, dots, final)); s.splitBreaks || ends {
				out = append(out, cur.String())
				cur = strings.Builder{}
			} else {
				cur.WriteByte(' ')
			}
		}
		first := cur.Len() == 0
		for w := range fieldsForward(f) {
			dots, final = dotRun(dots, final, w, first)
			first = false
		}
		cur.WriteString(f)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
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

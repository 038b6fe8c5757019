package segment

import "strings"

// Merge reassembles text that arrived already split (one fragment per
// element, as scraped articles often do) into sentences. Consecutive
// fragments that belong to one sentence are joined with a single space; a
// fragment is never split. Fragments are trimmed of surrounding white space
// and empty ones are dropped. The decision at each seam is the one Segment
// makes at a paragraph break.
func (s *Segmenter) Merge(fragments []string) []string {
	var out []string
	var cur strings.Builder // the sentence being built
	for _, f := range fragments {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if cur.Len() > 0 {
			if !s.merge || s.ends(seam(cur.String(), f)) {
				out = append(out, cur.String())
				cur = strings.Builder{}
			} else {
				cur.WriteByte(' ')
			}
		}
		cur.WriteString(f)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// seam builds the candidate between the sentence so far and the next
// fragment.
func seam(head, next string) candidate {
	c := candidate{head: head, rest: next, at: atBreak}
	first := true
	for w := range fieldsBackward(head) {
		if first {
			c.prev, first = w, false
		}
		if w != "." {
			c.wordFinal = c.dots > 0 && strings.HasSuffix(w, ".")
			break
		}
		c.dots++
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

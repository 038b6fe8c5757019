package segment

import (
	"strings"
)

// sectionHeading reports whether s, a short line of its own, heads the
// boilerplate section of a press release: a section phrase followed by
// capitalised words only ("About Acme Corp.").
func sectionHeading(sections []string, s string, words int) bool {
	if words < 2 || words > maxSection {
		return false
	}
	for _, p := range sections {
		if !hasFoldPrefix(s, p) {
			continue
		}
		n := 0
		for w := range fieldsForward(s) {
			if n++; n > strings.Count(p, " ")+1 && !startsUpper(w) {
				return false
			}
		}
		return true
	}
	return false
}

// byline returns the author's name when s, a short line of its own, is a
// byline ("By Jane Doe", "By JANE DOE, Associated Press", "Reporting by Jane
// Doe; Editing by John Roe"), and reports whether it is one.
func byline(bylines []string, s string, words int) (string, bool) {
	if words < 2 || words > maxByline {
		return "", false
	}
	if body, _ := trimClosers(s); strings.HasSuffix(body, ".") {
		return "", false // a sentence: "By Tuesday, officials had agreed."
	}
	s = strings.TrimLeft(s, "([")
	for _, b := range bylines {
		if len(s) <= len(b) || !strings.EqualFold(s[:len(b)], b) || s[len(b)] != ' ' {
			continue
		}
		rest := strings.TrimLeft(s[len(b):], " ")
		if !startsUpper(rest) {
			return "", false
		}
		// The name: up to three capitalised words, before a comma, a bar,
		// a semicolon or "and".
		end, pos := 0, 0
		for n := 0; n < 3; n++ {
			for pos < len(rest) && isSpaceByte(rest[pos]) {
				pos++
			}
			e := pos
			for e < len(rest) && !isSpaceByte(rest[e]) {
				e++
			}
			w := rest[pos:e]
			if !startsUpper(w) {
				break
			}
			c := strings.TrimRight(w, ",;|)")
			end, pos = pos+len(c), e
			if len(c) < len(w) {
				break
			}
		}
		return rest[:end], true
	}
	return "", false
}

// isName reports whether s looks like a person's name: two or more words,
// each capitalised, with no digits.
func isName(s string) bool {
	n := 0
	for w := range fieldsForward(s) {
		if !startsUpper(w) || strings.ContainsAny(w, "0123456789") {
			return false
		}
		n++
	}
	return n >= 2
}

// isBreadcrumb reports whether s is a breadcrumb trail: short names
// separated by " » ", " › " or " > ".
func isBreadcrumb(s string) bool {
	return strings.Contains(s, " » ") || strings.Contains(s, " › ") || strings.Contains(s, " > ")
}

// Limits of the structural cues, in words unless they say bytes.
const (
	maxLineBytes  = 400 // longer sentences are Body whatever their position
	maxMetaBytes  = 200 // longer sentences are no furniture line, credit or date line
	maxHeadline   = 25  // a headline before the body
	maxSubhead    = 15  // a section heading inside the body
	maxLine       = 6   // a furniture line or a section heading
	maxSection    = 6   // a section heading ("About Acme Corp.")
	maxCreditLine = 12  // a line searched for a credit marker
	maxDateLine   = 16  // a date, time or read-time line
	maxByline     = 20  // a byline, with its agency or its editors
	maxFurniture  = 20  // a line inside a furniture block
	maxLabel      = 2   // a line this short without final punctuation is a label
	maxCapsLabel  = 4   // an all-capitals line this short is a label
	maxRoleLine   = 4   // the line after a byline ("Associated Press")
	maxName       = 4   // a byline without "By" ("Jane Doe")
)

// classifier decides the kind of each sentence of one text as the sentence
// is emitted, in document order, from the sentence, where it starts and ends,
// the rest of its paragraph (the window the boundary rules see too) and what
// it remembers of the sentences before. It never looks past the paragraph,
// so a stream that holds one paragraph at a time assigns the same kinds as
// Segment. The zero value is ready to use.
type classifier struct {
	body      bool   // a Body sentence has been seen
	headline  bool   // a Headline has been seen
	furniture bool   // inside a furniture block
	section   bool   // inside the boilerplate section of a press release
	carrying  bool   // carry applies to the rest of the paragraph
	carry     Kind   // kind of the paragraph's remaining sentences
	byline    bool   // the previous sentence was a byline
	prev      Kind   // the kind of the previous sentence
	author    string // the byline's name, for the author's biography
}

// classify returns the kind of sentence s, which starts as from says; ends
// says whether it ends a paragraph or a line block, and next is the rest of
// its paragraph after it ("" when s ends the paragraph or a line block).
func (c *classifier) classify(lx *lexicon, s string, from where, ends bool, next string) Kind {
	byline := false
	k := c.kindOf(lx, s, from, ends, next, &byline)
	switch k {
	case Body:
		c.body = true
		c.furniture = false
	case Headline:
		c.headline = true
	}
	c.byline = byline
	c.prev = k
	return k
}

func (c *classifier) kindOf(lx *lexicon, s string, from where, ends bool, next string, isByline *bool) Kind {
	if c.section {
		return Boilerplate
	}
	if from == startText {
		if c.carrying {
			return c.carry
		}
	} else {
		c.carrying = false
	}
	if lx.startsCredit(s) || lx.startsCredit(next) {
		return Meta // a credit, or the caption it follows
	}
	if from == startText {
		return Body
	}
	// The sentence starts a paragraph or a line. Compare its beginning with
	// the phrases that start with its first word.
	var obuf [maxOpener]byte
	open := lx.openers[string(openerKey(obuf[:0], s))]
	if hasPrefix(s, open.prefixes) {
		c.carrying, c.carry = true, Boilerplate
		c.furniture = c.furniture || c.body
		return Boilerplate
	}
	if from == startParagraph && c.body && c.author != "" && lx.isBio(s, c.author) {
		c.carrying, c.carry = true, Meta
		return Meta
	}
	final := hasFinalPunct(lastWord(s))
	if !ends {
		// It starts a line but ends inside it: running text, or a dateline
		// the boundary rules split from the sentence it runs into.
		if !final && open.date && countWords(s, maxDateLine) <= maxDateLine && lx.isDateLine(s) {
			return Meta
		}
		return Body
	}
	// A line or paragraph of its own. Only a heading, a furniture block or
	// a question can make a long one anything but Body.
	if len(s) > maxLineBytes || final && !c.furniture && len(s) > maxMetaBytes && !endsInQuestionOrExclamation(s) {
		return Body
	}
	words := countWords(s, maxHeadline)
	if words > maxHeadline || final && words > maxFurniture && !endsInQuestionOrExclamation(s) {
		return Body
	}
	if words <= maxLine {
		var kbuf [maxKey]byte
		if block, ok := lx.lines[string(lineKey(foldKey(kbuf[:0], s)))]; ok {
			c.furniture = c.furniture || block && c.body
			return Boilerplate
		}
		if c.body && sectionHeading(open.sections, s, words) {
			c.section = true
			return Boilerplate
		}
	}
	if words <= maxCreditLine && lx.hasCredit(s) {
		return Meta
	}
	if name, ok := byline(open.bylines, s, words); ok {
		*isByline = true
		c.author = strings.Clone(name) // not a slice of a stream's window
		return Meta
	}
	if open.date && words <= maxDateLine && lx.isDateLine(s) {
		return Meta
	}
	if c.furniture && words <= maxFurniture {
		return Boilerplate
	}
	if final {
		// A question on a line of its own is a headline ("What is the
		// debt ceiling?") before the body, a heading inside it.
		switch {
		case !endsInQuestionOrExclamation(s) || startsLower(s):
		case !c.body && !c.headline && words <= maxHeadline, c.body && words <= maxSubhead:
			return Headline
		}
		return Body
	}
	switch {
	case c.byline && !c.body && words <= maxRoleLine:
		return Meta // "Associated Press" under "By Jane Doe"
	case c.prev == Headline && c.headline && !c.body && words <= maxName && isName(s):
		return Meta // a byline without "By"
	case words <= maxCapsLabel && isAllCaps(s), !c.body && words <= maxLabel:
		// A label or a navigation link; inside the body a short line in
		// mixed case is a heading ("Reaction").
		return Boilerplate
	case !hasLetter(s), isBreadcrumb(s):
		return Boilerplate // a divider ("* * *"), a breadcrumb ("Home » News")
	case startsLower(s):
		return Body
	case !c.body && words <= maxHeadline, c.body && words <= maxSubhead:
		return Headline
	}
	return Body
}

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
// Each separator is looked for only when its last byte, rare in news text,
// occurs: searching for the space that opens it would stop at every word.
func isBreadcrumb(s string) bool {
	return strings.IndexByte(s, '>') >= 0 && strings.Contains(s, " > ") ||
		strings.IndexByte(s, 0xBB) >= 0 && strings.Contains(s, " » ") || // » is C2 BB
		strings.IndexByte(s, 0xBA) >= 0 && strings.Contains(s, " › ") // › is E2 80 BA
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
	minItem       = 3   // a list item this long is running text, not a link
)

// cue numbers the kinds cues, in the order they are tried (see doc.go,
// "Rules"); cueIDs gives each its stable ID.
type cue uint8

const (
	cueSection cue = iota
	cueCarry
	cueCredit
	cueInline
	cueFurniturePrefix
	cueBio
	cueRunInDate
	cueRunIn
	cueLong
	cueFurnitureLine
	cueSectionHeading
	cueCreditLine
	cueByline
	cueDashCredit
	cueItem
	cueDateLine
	cueFurnitureBlock
	cueQuestion
	cueSentence
	cueRoleLine
	cueNameLine
	cueLabel
	cueDivider
	cueLower
	cueHeadline
	cueBody
	numCues
)

var cueIDs = [numCues]Rule{
	cueSection:         "kind-section",
	cueCarry:           "kind-carry",
	cueCredit:          "kind-credit",
	cueInline:          "kind-inline",
	cueFurniturePrefix: "kind-furniture-prefix",
	cueBio:             "kind-bio",
	cueRunInDate:       "kind-run-in-date",
	cueRunIn:           "kind-run-in",
	cueLong:            "kind-long",
	cueFurnitureLine:   "kind-furniture-line",
	cueSectionHeading:  "kind-section-heading",
	cueCreditLine:      "kind-credit-line",
	cueByline:          "kind-byline",
	cueDashCredit:      "kind-dash-credit",
	cueItem:            "kind-item",
	cueDateLine:        "kind-date-line",
	cueFurnitureBlock:  "kind-furniture-block",
	cueQuestion:        "kind-question",
	cueSentence:        "kind-sentence",
	cueRoleLine:        "kind-role-line",
	cueNameLine:        "kind-name-line",
	cueLabel:           "kind-label",
	cueDivider:         "kind-divider",
	cueLower:           "kind-lower",
	cueHeadline:        "kind-headline",
	cueBody:            "kind-body",
}

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

// sentenceCues is what the cues read of one sentence. The values that cost
// a lookup or a scan are computed once, when a cue first asks.
type sentenceCues struct {
	lx   *lexicon
	s    string // the sentence
	from where  // where it starts
	ends bool   // whether it ends a paragraph or a line block
	next string // the rest of its paragraph after it, "" when ends

	haveWord, haveOpen, haveWords, haveFinal bool
	word                                     string // the first word, as openerWord returns it
	letters                                  bool   // whether word is ASCII letters
	open                                     *opener
	words                                    int
	final                                    bool
	author                                   string // the name, when the sentence is a byline
}

// noOpener is the opener of a word that starts no phrase.
var noOpener opener

// firstWord returns the sentence's first word as openerWord cuts it.
func (in *sentenceCues) firstWord() (string, bool) {
	if !in.haveWord {
		in.word, in.letters = openerWord(in.s)
		in.haveWord = true
	}
	return in.word, in.letters
}

// opener returns the phrases that start with the sentence's first word.
func (in *sentenceCues) opener() *opener {
	if !in.haveOpen {
		in.open, in.haveOpen = in.lx.lookupWord(in.firstWord()), true
		if in.open == nil {
			in.open = &noOpener
		}
	}
	return in.open
}

// wordCount returns the number of words of the sentence, up to
// maxHeadline+1.
func (in *sentenceCues) wordCount() int {
	if !in.haveWords {
		in.words, in.haveWords = countWords(in.s, maxHeadline), true
	}
	return in.words
}

// isFinal reports whether the sentence ends in sentence punctuation.
func (in *sentenceCues) isFinal() bool {
	if !in.haveFinal {
		in.final, in.haveFinal = hasFinalPunct(in.s), true
	}
	return in.final
}

// effect is what a cue that fires decides: the sentence's kind and what the
// classifier should remember of it. It is two bytes, as the cues return it
// at every sentence.
type effect struct {
	kind Kind
	then remember
}

// remember lists what a sentence leaves for the sentences after it.
type remember uint8

const (
	carry     remember = 1 << iota // the rest of the paragraph takes the same kind
	openBlock                      // a furniture block opens
	section                        // a press release's boilerplate section opens
	isByline                       // the sentence is a byline, naming sentenceCues.author
)

// when returns flag if cond holds, else nothing.
func when(cond bool, flag remember) remember {
	if cond {
		return flag
	}
	return 0
}

// The cues are methods, tried in the order of the cue constants by decide.
// Each looks at the sentence and at what the classifier remembers, changing
// neither (but for the sentence's own memo), and reports its effect when it
// fires. Direct calls, rather than a table of function values, keep the
// classifier and the sentence's cues off the heap.

func (c *classifier) fireSection(_ *sentenceCues) (effect, bool) {
	return effect{kind: Boilerplate}, c.section
}

func (c *classifier) fireCarry(in *sentenceCues) (effect, bool) {
	return effect{c.carry, carry}, in.from == startText && c.carrying
}

func (c *classifier) fireCredit(in *sentenceCues) (effect, bool) {
	// A credit, or the caption it follows.
	return effect{kind: Meta}, in.lx.startsCredit(in.s) || in.lx.startsCredit(in.next)
}

func (c *classifier) fireInline(in *sentenceCues) (effect, bool) {
	return effect{kind: Body}, in.from == startText
}

// The cues from here on see only sentences that start a paragraph or a
// line.
//
// Few first words open a furniture prefix: the table of their first bytes
// and lengths spares most sentences the lookup of their opener, which many
// are decided without.
func (c *classifier) fireFurniturePrefix(in *sentenceCues) (effect, bool) {
	w, letters := in.firstWord()
	ok := mayOpen(&in.lx.prefKeys, w, letters) && hasPrefix(in.s, in.opener().prefixes)
	return effect{Boilerplate, carry | when(c.body, openBlock)}, ok
}

func (c *classifier) fireBio(in *sentenceCues) (effect, bool) {
	ok := in.from == startParagraph && c.body && c.author != "" && in.lx.isBio(in.s, c.author)
	return effect{Meta, carry}, ok
}

// A sentence that starts a line but ends inside it is running text, or a
// dateline the boundary rules split from the sentence it runs into.
func (c *classifier) fireRunInDate(in *sentenceCues) (effect, bool) {
	ok := !in.ends && !in.isFinal() && in.opener().date && in.wordCount() <= maxDateLine && in.lx.isDateLine(in.s)
	return effect{kind: Meta}, ok
}

func (c *classifier) fireRunIn(in *sentenceCues) (effect, bool) {
	return effect{kind: Body}, !in.ends
}

// The cues from here on see only lines or paragraphs of their own. Only a
// heading, a furniture block or a question can make a long one anything
// but Body.
func (c *classifier) fireLong(in *sentenceCues) (effect, bool) {
	final, s := in.isFinal(), in.s
	ok := len(s) > maxLineBytes || final && !c.furniture && len(s) > maxMetaBytes && !endsInQuestionOrExclamation(s)
	if !ok {
		words := in.wordCount()
		ok = words > maxHeadline || final && words > maxFurniture && !endsInQuestionOrExclamation(s)
	}
	return effect{kind: Body}, ok
}

func (c *classifier) fireFurnitureLine(in *sentenceCues) (effect, bool) {
	if in.wordCount() > maxLine {
		return effect{}, false
	}
	block, ok := in.lx.lookupLine(in.s)
	return effect{Boilerplate, when(block && c.body, openBlock)}, ok
}

func (c *classifier) fireSectionHeading(in *sentenceCues) (effect, bool) {
	words := in.wordCount()
	ok := words <= maxLine && c.body && sectionHeading(in.opener().sections, in.s, words)
	return effect{Boilerplate, section}, ok
}

func (c *classifier) fireCreditLine(in *sentenceCues) (effect, bool) {
	return effect{kind: Meta}, in.wordCount() <= maxCreditLine && in.lx.hasCredit(in.s)
}

func (c *classifier) fireByline(in *sentenceCues) (effect, bool) {
	var ok bool
	in.author, ok = byline(in.opener().bylines, in.s, in.wordCount())
	return effect{Meta, isByline}, ok
}

// A line set off by a dash or an item mark is a credit at the foot of a
// story when a byline follows the mark ("— Reporting by Jane Doe", "--
// Posted by Hidden Nook"); the author is not taken from it.
func (c *classifier) fireDashCredit(in *sentenceCues) (effect, bool) {
	item := trimItemMark(in.s)
	if len(item) == len(in.s) {
		return effect{}, false
	}
	o := in.lx.lookupOpener(item)
	if o == nil {
		return effect{}, false
	}
	_, ok := byline(o.bylines, item, countWords(item, maxByline))
	return effect{kind: Meta}, ok
}

// Else a line opened by an item mark is an item of a list, running text
// though it has no final punctuation ("* Powell said cuts are not yet
// warranted"), unless it is short (a navigation link), in capitals or
// inside a furniture block.
func (c *classifier) fireItem(in *sentenceCues) (effect, bool) {
	item := trimItemMark(in.s)
	ok := len(item) < len(in.s) && !c.furniture && !isAllCaps(item) && countWords(item, minItem) >= minItem
	return effect{kind: Body}, ok
}

func (c *classifier) fireDateLine(in *sentenceCues) (effect, bool) {
	// The word count is known by now, the opener perhaps not.
	return effect{kind: Meta}, in.wordCount() <= maxDateLine && in.opener().date && in.lx.isDateLine(in.s)
}

func (c *classifier) fireFurnitureBlock(in *sentenceCues) (effect, bool) {
	return effect{kind: Boilerplate}, c.furniture && in.wordCount() <= maxFurniture
}

// A question on a line of its own is a headline ("What is the debt
// ceiling?") before the body, a heading inside it.
func (c *classifier) fireQuestion(in *sentenceCues) (effect, bool) {
	if !in.isFinal() || !endsInQuestionOrExclamation(in.s) || startsLower(in.s) {
		return effect{}, false
	}
	words := in.wordCount()
	return effect{kind: Headline}, !c.body && !c.headline && words <= maxHeadline || c.body && words <= maxSubhead
}

func (c *classifier) fireSentence(in *sentenceCues) (effect, bool) {
	return effect{kind: Body}, in.isFinal()
}

// The cues from here on see only lines without final punctuation.
func (c *classifier) fireRoleLine(in *sentenceCues) (effect, bool) {
	return effect{kind: Meta}, c.byline && !c.body && in.wordCount() <= maxRoleLine // "Associated Press" under "By Jane Doe"
}

func (c *classifier) fireNameLine(in *sentenceCues) (effect, bool) {
	// A byline without "By".
	return effect{kind: Meta}, c.prev == Headline && c.headline && !c.body && in.wordCount() <= maxName && isName(in.s)
}

func (c *classifier) fireLabel(in *sentenceCues) (effect, bool) {
	// A label or a navigation link; inside the body a short line in
	// mixed case is a heading ("Reaction").
	words := in.wordCount()
	return effect{kind: Boilerplate}, words <= maxCapsLabel && isAllCaps(in.s) || !c.body && words <= maxLabel
}

func (c *classifier) fireDivider(in *sentenceCues) (effect, bool) {
	// A divider ("* * *"), a breadcrumb ("Home » News").
	return effect{kind: Boilerplate}, !hasLetter(in.s) || isBreadcrumb(in.s)
}

func (c *classifier) fireLower(in *sentenceCues) (effect, bool) {
	return effect{kind: Body}, startsLower(in.s)
}

func (c *classifier) fireHeadline(in *sentenceCues) (effect, bool) {
	words := in.wordCount()
	return effect{kind: Headline}, !c.body && words <= maxHeadline || c.body && words <= maxSubhead
}

func (c *classifier) fireBody(_ *sentenceCues) (effect, bool) {
	return effect{kind: Body}, true
}

// decide tries the cues in their order and returns the first that fires,
// with its effect. A chain of direct calls, rather than a loop over the cue
// numbers with a switch, costs one test and branch a cue: most sentences
// start inside a paragraph and are decided by the fourth cue.
func (c *classifier) decide(in *sentenceCues) (cue, effect) {
	if e, ok := c.fireSection(in); ok {
		return cueSection, e
	}
	if e, ok := c.fireCarry(in); ok {
		return cueCarry, e
	}
	if e, ok := c.fireCredit(in); ok {
		return cueCredit, e
	}
	if e, ok := c.fireInline(in); ok {
		return cueInline, e
	}
	if e, ok := c.fireFurniturePrefix(in); ok {
		return cueFurniturePrefix, e
	}
	if e, ok := c.fireBio(in); ok {
		return cueBio, e
	}
	if e, ok := c.fireRunInDate(in); ok {
		return cueRunInDate, e
	}
	if e, ok := c.fireRunIn(in); ok {
		return cueRunIn, e
	}
	if e, ok := c.fireLong(in); ok {
		return cueLong, e
	}
	if e, ok := c.fireFurnitureLine(in); ok {
		return cueFurnitureLine, e
	}
	if e, ok := c.fireSectionHeading(in); ok {
		return cueSectionHeading, e
	}
	if e, ok := c.fireCreditLine(in); ok {
		return cueCreditLine, e
	}
	if e, ok := c.fireByline(in); ok {
		return cueByline, e
	}
	if e, ok := c.fireDashCredit(in); ok {
		return cueDashCredit, e
	}
	if e, ok := c.fireItem(in); ok {
		return cueItem, e
	}
	if e, ok := c.fireDateLine(in); ok {
		return cueDateLine, e
	}
	if e, ok := c.fireFurnitureBlock(in); ok {
		return cueFurnitureBlock, e
	}
	if e, ok := c.fireQuestion(in); ok {
		return cueQuestion, e
	}
	if e, ok := c.fireSentence(in); ok {
		return cueSentence, e
	}
	if e, ok := c.fireRoleLine(in); ok {
		return cueRoleLine, e
	}
	if e, ok := c.fireNameLine(in); ok {
		return cueNameLine, e
	}
	if e, ok := c.fireLabel(in); ok {
		return cueLabel, e
	}
	if e, ok := c.fireDivider(in); ok {
		return cueDivider, e
	}
	if e, ok := c.fireLower(in); ok {
		return cueLower, e
	}
	if e, ok := c.fireHeadline(in); ok {
		return cueHeadline, e
	}
	e, _ := c.fireBody(in)
	return cueBody, e
}

// classify returns the kind of sentence s, which starts as from says, and
// the cue that decided it; ends says whether it ends a paragraph or a line
// block, and next is the rest of its paragraph after it ("" when s ends the
// paragraph or a line block). It is the one place where the classifier's
// state changes.
func (c *classifier) classify(lx *lexicon, s string, from where, ends bool, next string) (Kind, Rule) {
	// Field by field: a composite literal is built in a temporary and
	// copied, reading back its narrow stores with wide loads, which stalls
	// at every sentence.
	var in sentenceCues
	in.lx, in.s, in.from, in.ends, in.next = lx, s, from, ends, next
	k, e := c.decide(&in)
	id := cueIDs[k]
	if from != startText || e.then&carry != 0 {
		c.carrying, c.carry = e.then&carry != 0, e.kind
	}
	c.furniture = c.furniture || e.then&openBlock != 0
	c.section = c.section || e.then&section != 0
	if e.then&isByline != 0 {
		c.author = strings.Clone(in.author) // not a slice of a stream's window
	}
	switch e.kind {
	case Body:
		c.body = true
		c.furniture = false
	case Headline:
		c.headline = true
	}
	c.byline = e.then&isByline != 0
	c.prev = e.kind
	return e.kind, id
}

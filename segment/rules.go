package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsseg/newsseg/abbrev"
)

// rules decides, at each candidate boundary, whether a sentence ends there:
// the news rules, which read the abbreviation lexicon and the word lists,
// and Punkt's decision where they have none. It is read-only once New has
// built it.
type rules struct {
	abbrevs *abbrev.Set
	punkt   punktDecider // Punkt's decision: a *fastPunkt, or neurosnap's own in tests
	lex     *lexicon
}

// Rule names a rule of the segmenter: a boundary rule, which ends a
// sentence at a candidate or keeps the candidate inside it, or a kinds cue,
// which gives a sentence its Kind. Its value is a short stable ID such as
// "abbrev-title"; the package documentation lists every ID in the order
// the rules are tried, with an example of each. An ID is never renamed or
// reused: a new rule gets a new ID, a constant below and a line in doc.go.
type Rule string

// The boundary rules, in the order they are tried (see doc.go, "Rules").
const (
	ruleTextEnd         Rule = "text-end"
	ruleWindowCut       Rule = "window-cut"
	ruleWindowSize      Rule = "window-size"
	ruleNoMerge         Rule = "no-merge"
	ruleListItem        Rule = "list-item"
	ruleCloserAlone     Rule = "closer-alone"
	ruleQuestion        Rule = "question"
	ruleEllipsisOpener  Rule = "ellipsis-opener"
	ruleEllipsisBreak   Rule = "ellipsis-break"
	ruleEllipsisPeriod  Rule = "ellipsis-period"
	ruleEllipsisCapital Rule = "ellipsis-capital"
	ruleSpacedDots      Rule = "spaced-dots"
	ruleDotsAfterPeriod Rule = "dots-after-period"
	ruleListMarker      Rule = "list-marker"
	ruleWebAddress      Rule = "web-address"
	ruleAbbrevTitle     Rule = "abbrev-title"
	ruleAbbrevNumber    Rule = "abbrev-number"
	ruleAbbrevQuote     Rule = "abbrev-quote"
	ruleAbbrevLower     Rule = "abbrev-lower"
	ruleAbbrevContinuer Rule = "abbrev-continuer"
	ruleAbbrevFronted   Rule = "abbrev-fronted"
	ruleAbbrevCapital   Rule = "abbrev-capital"
	ruleNumberCapital   Rule = "number-capital"
	ruleMiddleInitial   Rule = "middle-initial"
	ruleQuoteCapital    Rule = "quote-capital"
	ruleQuoteLower      Rule = "quote-lower"
	ruleNumericWord     Rule = "numeric-word"
	ruleAbbrevRemoved   Rule = "abbrev-removed"
	rulePunkt           Rule = "punkt"
	ruleBlankLine       Rule = "layout-blank-line"
	ruleLineBreak       Rule = "layout-line-break"
	ruleMergeSeam       Rule = "merge-seam"
	ruleDateLine        Rule = "date-line"
	ruleLayoutWrap      Rule = "layout-wrap"
	ruleCreditRunIn     Rule = "credit-run-in"
	ruleDateRunIn       Rule = "date-run-in"
	ruleNoPunct         Rule = "no-punct"
)

// boundary says where a candidate break lies.
type boundary uint8

const (
	// inText is a space inside running text: Punkt's decision stands unless
	// a news rule overrules it.
	inText boundary = iota
	// atBreak is a paragraph break, a layout line break or the seam between
	// two fragments given to Merge: it ends the sentence unless the merger
	// finds that the two sides belong together.
	atBreak
)

// candidate is what the rules look at around one possible sentence end.
//
// Every field is local to the paragraphs of prev and next, so that a stream
// that holds one paragraph and the sentence still open decides exactly as
// Segment does on the whole text.
type candidate struct {
	prev  string   // the token that would end the sentence
	next  string   // the token that would start the next one ("" at the end)
	after string   // the token after next in its paragraph ("" when none)
	head  string   // the current sentence so far, ending with prev
	rest  string   // next's paragraph from next on, for looking past ". . ."
	at    boundary // where the candidate lies
	seam  Rule     // at a break, the layout rule that made it one

	// dots counts the lone "." tokens that end head (prev included);
	// wordFinal says whether the word before them, inside head, ends in a
	// period too ("compounds. . . .").
	dots      int
	wordFinal bool
}

// ends reports whether a sentence ends after c.prev, and the rule that
// decided. It is the one decision path shared by Segment and Merge.
func (s *rules) ends(c candidate) (bool, Rule) {
	if c.next == "" {
		return true, ruleTextEnd
	}
	body, closed := trimClosers(c.prev)
	last, _ := utf8.DecodeLastRuneInString(body)
	switch {
	case body == "":
		// A stray closing quote or bracket on its own.
		return c.at == atBreak && !startsLower(c.next), ruleCloserAlone
	case last == '?' || last == '!' || last == '？' || last == '！':
		// "“Why now?” asked Smith." and "Yahoo! in" go on in running text.
		return c.at == atBreak || !startsLower(c.next), ruleQuestion
	case last == '…' || strings.HasSuffix(body, ".."):
		return s.ellipsisEnds(c, body)
	case last == '.' || last == '。':
		return s.periodEnds(c, body, closed)
	}
	// No sentence punctuation: only a layout break can end a sentence
	// here, and not when the next block carries on in lower case, unless
	// the block is a date line, which nothing continues.
	if c.at == atBreak {
		switch {
		case !startsLower(c.next):
			return true, c.seam
		case s.dateLine(c.head):
			return true, ruleDateLine
		}
		return false, ruleLayoutWrap
	}
	// Inside a paragraph, a date line or a caption runs into the next
	// sentence when its line break was lost: "Thursday, May 7, 2015 On
	// Tuesday, the government", "Playstation VR demo Image: Nick Moreau."
	switch {
	case s.opensCredit(c.next):
		return true, ruleCreditRunIn
	case isYear(c.prev) && startsUpper(c.next) && s.opensWithDate(c.head) && s.dateLine(c.head):
		return true, ruleDateRunIn
	}
	return false, ruleNoPunct
}

// periodEnds decides a token whose body (the token without closing quotes
// and brackets) ends in a period.
func (s *rules) periodEnds(c candidate, body string, closed bool) (bool, Rule) {
	if body == "." {
		return spacedDotsEnd(c), ruleSpacedDots
	}
	if c.next == "." && !closed {
		// "compounds. . . . The practice": the word's own period ends the
		// sentence when a capital follows the run of dots.
		return startsUpper(afterSpacedDots(c.rest)), ruleDotsAfterPeriod
	}
	word := trimOpeners(body)
	if listHead(c.head) {
		return false, ruleListMarker // "1. The first item", "• 9. The first item"
	}
	if isWebAddress(word) {
		return startsUpper(c.next), ruleWebAddress // "at www.example.co.nz. Names of"
	}
	plainWord := false // a Numeric entry used as a word
	kind, listed := s.abbrevs.Lookup(word)
	// Removed from the set on purpose: not an abbreviation, even where
	// Punkt's model lists it (see abbrev, "How the set and Punkt's list
	// combine").
	removed := !listed && s.abbrevs.Removed(word)
	if listed {
		switch kind {
		case abbrev.Title:
			return false, ruleAbbrevTitle
		case abbrev.Numeric:
			if startsDigit(c.next) {
				return false, ruleAbbrevNumber
			}
			// "He voted no. Rep. Jones": not an abbreviation here, though
			// Punkt's model lists "no" as one.
			plainWord = true
		case abbrev.Month:
			if startsDigit(c.next) {
				return false, ruleAbbrevNumber
			}
			return s.abbrevEnds(c)
		default:
			return s.abbrevEnds(c)
		}
	}
	if isNumber(word[:len(word)-1]) && startsUpper(c.next) {
		return true, ruleNumberCapital // "in 2014. NATO and"
	}
	if initial, before := splitInitial(word); isCapitalInitial(initial) && startsUpper(c.next) && s.middleInitial(c, before) {
		return false, ruleMiddleInitial // "John Q. Public", "George W. Bush", "(AP Photo/J. Scott Applewhite)"
	}
	if closed {
		// Punkt reads a period inside quotes as unreliable and cannot see
		// the capital behind an opening quote.
		if startsUpper(c.next) {
			return true, ruleQuoteCapital // `a thousand fold." "I think`
		}
		if c.at == inText && startsLower(c.next) {
			return false, ruleQuoteLower // "This is great." she said.
		}
	}
	if plainWord {
		return !startsLower(c.next), ruleNumericWord
	}
	if removed {
		return !startsLower(c.next), ruleAbbrevRemoved
	}
	return s.punkt.breaks(c.prev, c.next, c.after), rulePunkt
}

// isCapitalInitial reports whether w is one capital letter and a period: "Q.".
func isCapitalInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && 'A' <= w[0] && w[0] <= 'Z'
}

// splitInitial splits a credit such as "Photo/J." at its last slash into the
// initial after it and the word before it; a word without a slash is all
// initial, with no word before.
func splitInitial(word string) (initial, before string) {
	if i := strings.LastIndexByte(word, '/'); i >= 0 {
		return word[i+1:], word[:i]
	}
	return word, ""
}

// middleInitial reports whether the initial c.prev stands between a
// capitalised word and a capitalised word that does not open sentences, as
// in a name: "John Q. Public". "Plan B. The" and "and I. Did" stay with
// Punkt. before is the word glued to the initial by a slash ("Photo" in
// "Photo/J."), or "" when the word before is the previous token.
func (s *rules) middleInitial(c candidate, before string) bool {
	if before == "" {
		n := 0
		for w := range fieldsBackward(c.head) {
			if n++; n == 2 {
				before = w
				break
			}
		}
	}
	if !startsUpper(before) || hasFinalPunct(before) {
		return false
	}
	next := strings.ToLower(trimTrailingPunct(trimOpeners(c.next)))
	next = strings.TrimSuffix(next, ".")
	return !s.lex.wrapWords.has(next) && !isPronoun(next)
}

// isPronoun reports whether w, lower-cased, is a subject pronoun, the
// commonest opener of a sentence after a name.
func isPronoun(w string) bool {
	switch w {
	case "i", "he", "she", "it", "we", "they", "you", "there":
		return true
	}
	return false
}

// abbrevEnds decides an abbreviation that can end a sentence ("U.S.",
// "Inc.", "Calif.", "a.m.") by what follows it.
func (s *rules) abbrevEnds(c candidate) (bool, Rule) {
	first, _ := utf8.DecodeRuneInString(c.next)
	switch {
	case isOpeningQuote(first):
		return true, ruleAbbrevQuote // a quotation opens a new sentence
	case !startsUpper(c.next):
		return false, ruleAbbrevLower // "the U.S. limit", "Inc. (NYSE: X)", "the U.S. 10-year"
	case s.continues(c.next):
		return false, ruleAbbrevContinuer // "the U.S. Navy", "5 p.m. Monday"
	case s.frontedPhrase(c.head):
		return false, ruleAbbrevFronted // "At 5 a.m. Mr. Smith went"
	}
	return true, ruleAbbrevCapital
}

// continues reports whether next, a capitalised word after an abbreviation,
// carries the sentence on ("Navy", "Secretary", "Sen.", "Tuesday.").
func (s *rules) continues(next string) bool {
	w := trimTrailingPunct(next)
	return s.lex.continuers.has(w) || s.lex.continuers.has(strings.TrimSuffix(w, "."))
}

// frontedPhrase reports whether head is a short phrase opened by a
// preposition ("At 5 a.m.", "By 9 p.m."), which cannot be a sentence alone.
func (s *rules) frontedPhrase(head string) bool {
	if len(head) > maxOpening {
		return false
	}
	first := ""
	n := 0
	for w := range fieldsForward(head) {
		if n == 0 {
			first = w
		}
		if n++; n > 4 {
			return false
		}
	}
	return n > 0 && s.lex.prepositions.hasFold(first)
}

// ellipsisEnds decides a token that ends in an ellipsis ("that....",
// "really...", "…").
func (s *rules) ellipsisEnds(c candidate, body string) (bool, Rule) {
	switch {
	case c.head == c.prev:
		return false, ruleEllipsisOpener // "... The next thing": an ellipsis that opens a sentence
	case c.at == atBreak:
		return !startsLower(c.next), ruleEllipsisBreak
	case strings.HasSuffix(body, "...."):
		return startsUpper(c.next), ruleEllipsisPeriod // "I never meant that.... She left": an ellipsis and a period
	}
	// An omission ("yields [...] Ozone is", "said… The") ends the sentence
	// when a capital follows at once; after an opening bracket or quote it
	// is more often a citation or a quotation running on.
	r, _ := utf8.DecodeRuneInString(c.next)
	return unicode.IsUpper(r), ruleEllipsisCapital
}

// spacedDotsEnd decides the last dot of a spaced ellipsis (". . ."). Three
// dots mark an omission inside a sentence; a fourth, or a period on the word
// before the run, is a full stop.
func spacedDotsEnd(c candidate) bool {
	if c.next == "." || !startsUpper(c.next) {
		return false
	}
	return c.dots >= 4 || c.dots >= 3 && c.wordFinal
}

// dotRun carries the count of lone "." tokens from one token to the next:
// given the run state before tok, it returns the state after it. first says
// whether tok opens the sentence, which also opens a new run.
func dotRun(dots int, wordFinal bool, tok string, first bool) (int, bool) {
	if tok != "." {
		return 0, strings.HasSuffix(tok, ".")
	}
	if first {
		return 1, false
	}
	return dots + 1, wordFinal
}

// afterSpacedDots returns the first token of s after a run of lone dots.
func afterSpacedDots(s string) string {
	for w := range fieldsForward(s) {
		if w != "." {
			return w
		}
	}
	return ""
}

// dateLine reports whether s, the sentence so far, is a short line that
// gives a date: "Saturday, September 12, 2015", "Jan 10, 2022". The words
// of a date line are data in data/meta.txt, shared with the kinds
// classifier.
func (s *rules) dateLine(head string) bool {
	return len(head) <= maxOpening && s.lex.isDateLine(head)
}

// opensWithDate reports whether head starts with a date word (a weekday, a
// month) or a number, as a date line does.
func (s *rules) opensWithDate(head string) bool {
	if len(head) > maxOpening {
		return false
	}
	for w := range fieldsForward(head) {
		return s.lex.isDateWord(w)
	}
	return false
}

// opensCredit reports whether tok is a label that opens a photo or image
// credit ("Image:", "Photo:"), one of the credit markers of data/meta.txt
// that stands as a word of its own.
func (s *rules) opensCredit(tok string) bool {
	return len(tok) >= 6 && tok[len(tok)-1] == ':' && s.lex.startsCredit(tok)
}

// isCandidate reports whether the boundary after prev and before next,
// inside a paragraph, is a candidate: prev ends in sentence punctuation, or
// next opens a credit, or prev is the year that closes a date line.
func (s *rules) isCandidate(prev, next string) bool {
	return hasFinalPunct(prev) || s.opensCredit(next) || isYear(prev)
}

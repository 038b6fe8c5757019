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

	// capitalOnly holds, lower-cased, the titles and weekdays of abbrevs
	// that are written with a capital ("ft.", "sun."): a token written in
	// lower case is not one of them.
	capitalOnly wordList
	// ortho is the orthographic context of Punkt's model, by lower-case
	// word: how the training text wrote it (orthoLc: seen in lower case).
	ortho *modelTable
}

// newCapitalOnly lists the entries of set that rules.capitalOnly holds.
func newCapitalOnly(set *abbrev.Set) wordList {
	words := wordList{}
	for _, e := range set.Entries() {
		if (e.Kind == abbrev.Title || e.Kind == abbrev.Time) && startsUpper(e.Text) {
			words[strings.ToLower(e.Text)] = struct{}{}
		}
	}
	return words
}

// lookup is abbrevs.Lookup for word, the token c.prev without its closers,
// as written; head is c.head, the sentence so far (passed alone: the
// candidate is large to copy on every call). A title or a weekday needs
// its capital: "Ft. Worth" is a title and "Sun. Nov. 5" a weekday, but "in
// the sun. Monday" is no abbreviation of the lexicon, and a title in lower
// case after a number is a unit, which may end a sentence as "lbs." does:
// "flew at 30,000 ft. It".
func (s *rules) lookup(head, word string) (abbrev.Kind, bool) {
	kind, ok := s.abbrevs.Lookup(word)
	if !ok || !startsLower(word) || !s.capitalOnly.has(strings.ToLower(word)) {
		return kind, ok
	}
	if kind == abbrev.Title && afterNumber(head) {
		return abbrev.General, true
	}
	return kind, kind == abbrev.Title
}

// afterNumber reports whether the token before the last of head is a
// number: "30,000" in "flew at 30,000 ft.".
func afterNumber(head string) bool {
	n := 0
	for w := range fieldsBackward(head) {
		if n++; n == 2 {
			return isAmount(w)
		}
	}
	return false
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
	ruleFootnoteRun     Rule = "footnote-run"
	ruleCloserAlone     Rule = "closer-alone"
	ruleBrandMark       Rule = "brand-mark"
	ruleQuestion        Rule = "question"
	ruleInterjection    Rule = "interjection"
	ruleQuestionRunOn   Rule = "question-run-on"
	ruleEllipsisOpener  Rule = "ellipsis-opener"
	ruleEllipsisBreak   Rule = "ellipsis-break"
	ruleEllipsisPeriod  Rule = "ellipsis-period"
	ruleEllipsisCapital Rule = "ellipsis-capital"
	rulePeriodBreak     Rule = "period-break"
	ruleSpacedDots      Rule = "spaced-dots"
	ruleSpacedStop      Rule = "spaced-stop"
	ruleDotsAfterPeriod Rule = "dots-after-period"
	ruleListMarker      Rule = "list-marker"
	ruleWebAddress      Rule = "web-address"
	ruleAbbrevStreet    Rule = "abbrev-street"
	ruleAbbrevSaint     Rule = "abbrev-saint"
	ruleAbbrevTitle     Rule = "abbrev-title"
	ruleAbbrevNumber    Rule = "abbrev-number"
	ruleAbbrevOpener    Rule = "abbrev-opener"
	ruleAbbrevBracket   Rule = "abbrev-bracket"
	ruleAbbrevQuote     Rule = "abbrev-quote"
	ruleAbbrevLower     Rule = "abbrev-lower"
	ruleAbbrevSuffix    Rule = "abbrev-suffix"
	ruleAbbrevContinuer Rule = "abbrev-continuer"
	ruleAbbrevModifier  Rule = "abbrev-modifier"
	ruleAbbrevFronted   Rule = "abbrev-fronted"
	ruleAbbrevCapital   Rule = "abbrev-capital"
	ruleNumberLabel     Rule = "number-label"
	ruleNumberOpener    Rule = "number-opener"
	ruleNumberCapital   Rule = "number-capital"
	ruleAbbrevLike      Rule = "abbrev-like"
	ruleLetterCapital   Rule = "letter-capital"
	ruleMiddleInitial   Rule = "middle-initial"
	ruleLoneInitial     Rule = "lone-initial"
	ruleQuoteCapital    Rule = "quote-capital"
	ruleQuoteLower      Rule = "quote-lower"
	ruleNumericWord     Rule = "numeric-word"
	ruleAbbrevRemoved   Rule = "abbrev-removed"
	rulePunkt           Rule = "punkt"
	ruleBlankLine       Rule = "layout-blank-line"
	ruleLineBreak       Rule = "layout-line-break"
	ruleLayoutItem      Rule = "layout-item"
	ruleLayoutMenu      Rule = "layout-menu"
	ruleMergeSeam       Rule = "merge-seam"
	ruleDateLine        Rule = "date-line"
	ruleLayoutComplete  Rule = "layout-complete"
	ruleLayoutWrap      Rule = "layout-wrap"
	ruleCreditRunIn     Rule = "credit-run-in"
	ruleFootnoteEnd     Rule = "footnote-end"
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
	if strings.HasSuffix(c.prev, ".") && !strings.HasSuffix(c.prev, "..") {
		// Most candidates, "said.": no citation or closer to trim, and
		// no ellipsis, so the switch below would come to periodEnds.
		return s.periodEnds(c, c.prev, false)
	}
	marked, cited := trimCitations(c.prev)
	if cited {
		if isFootnoteNumber(c.next) {
			return false, ruleFootnoteRun // "in two trials.12 13 Doctors": more footnote numbers follow
		}
		c.prev = marked // "ruling.[3] The", "safe.3 Residents" read as "ruling. The"
	}
	body, closed := trimClosers(marked)
	last, _ := utf8.DecodeLastRuneInString(body)
	switch {
	case body == "":
		// A stray closing quote or bracket on its own.
		return c.at == atBreak && !startsLower(c.next), ruleCloserAlone
	case last == '!' && s.brandMark(c, body):
		return false, ruleBrandMark // "Yahoo! Finance", "Yum! Brands"
	case last == '?' || last == '!' || last == '？' || last == '！':
		return markEnds(c, body, closed)
	case last == '…' || strings.HasSuffix(body, ".."):
		return s.ellipsisEnds(c, body)
	case last == '.' || last == '。':
		return s.periodEnds(c, body, closed)
	}
	// No sentence punctuation: only a layout break can end a sentence
	// here. A block cut mid-phrase ("Officials said the" / "sanctions would
	// stay") carries on in lower case; a date line, or a block that ends on
	// a complete phrase ("Buy a new phone" / "hope they call"), does not.
	if c.at == atBreak {
		switch {
		case !startsLower(c.next):
			return true, layoutSeam(c)
		case s.dateLine(c.head):
			return true, ruleDateLine
		case !s.endsMidPhrase(c.prev):
			return true, ruleLayoutComplete
		}
		return false, ruleLayoutWrap
	}
	// Inside a paragraph, a date line or a caption runs into the next
	// sentence when its line break was lost: "Thursday, May 7, 2015 On
	// Tuesday, the government", "Playstation VR demo Image: Nick Moreau."
	switch {
	case s.opensCredit(c.next):
		return true, ruleCreditRunIn
	case startsUpper(c.next) && isFootnoteNumber(c.prev) && footnoteRun(c.head):
		return true, ruleFootnoteEnd // "in two trials.12 13 | Doctors"
	case isYear(c.prev) && startsUpper(c.next) && s.opensWithDate(c.head) && s.dateLine(c.head):
		return true, ruleDateRunIn
	}
	return false, ruleNoPunct
}

// markEnds decides a question or exclamation mark. An interjection set off
// by dashes goes on ("and -- bang! -- the lights"); so do, before lower
// case, a quotation or a bracket run into the sentence ("“Why now?” asked
// Smith", "(all of them!) cheered") and a name spelt with a mark ("Yahoo!
// in"). Elsewhere the mark ends the sentence, before lower case too ("what
// should i do? and i like").
func markEnds(c candidate, body string, closed bool) (bool, Rule) {
	switch {
	case c.at == atBreak:
		return true, ruleQuestion
	case isDash(c.next):
		return false, ruleInterjection
	case !startsLower(c.next):
		return true, ruleQuestion
	case closed || startsUpper(body):
		return false, ruleQuestionRunOn
	}
	return true, ruleQuestion
}

// brandMark reports whether body, a token ending in "!", is a name spelt
// with the mark (data/brandmarks.txt) that a word of the name follows inside
// the paragraph: "Yahoo! Finance", "at Yahoo! Research". A pronoun or a word
// such as "The" after it opens a sentence ("on Yahoo! The site").
func (s *rules) brandMark(c candidate, body string) bool {
	if c.at != inText || !s.lex.brandMarks.has(trimOpeners(body)) || !startsUpper(c.next) {
		return false
	}
	return !s.opensClause(c.next)
}

// layoutSeam names the layout rule behind a break that a capital, a digit or
// a mark follows: a list item ("Highlights: | - Revenue rose 5%"), the first
// line of a menu under a label ("Share this: | Facebook"), or the break's own.
func layoutSeam(c candidate) Rule {
	if c.seam != ruleLineBreak {
		return c.seam
	}
	if _, _, marker := listMarker(c.next); c.after != "" && (isItemMark(c.next) || marker) {
		return ruleLayoutItem
	}
	if strings.HasSuffix(c.prev, ":") {
		return ruleLayoutMenu
	}
	return c.seam
}

// periodEnds decides a token whose body (the token without closing quotes
// and brackets) ends in a period.
func (s *rules) periodEnds(c candidate, body string, closed bool) (bool, Rule) {
	if c.at == atBreak {
		return s.periodEndsAtBreak(c, body)
	}
	if body == "." {
		return spacedDotsEnd(c)
	}
	if c.next == "." && !closed {
		// "compounds. . . . The practice": the word's own period ends the
		// sentence when a capital follows the run of dots.
		return startsUpper(afterSpacedDots(c.rest)), ruleDotsAfterPeriod
	}
	word := trimOpeners(body)
	// How next starts, which most rules below read.
	first := firstLetter(c.next)
	nextUpper, nextLower, nextDigit := unicode.IsUpper(first), unicode.IsLower(first), unicode.IsDigit(first)
	if listHead(c.head) {
		return false, ruleListMarker // "1. The first item", "• 9. The first item"
	}
	if isWebAddress(word) {
		return nextUpper, ruleWebAddress // "at www.example.co.nz. Names of"
	}
	plainWord := false // a Numeric entry used as a word
	kind, listed := s.lookup(c.head, word)
	// Removed from the set on purpose: not an abbreviation, even where
	// Punkt's model lists it (see abbrev, "How the set and Punkt's list
	// combine").
	removed := !listed && s.abbrevs.Removed(word)
	if listed {
		switch kind {
		case abbrev.Title:
			if s.isStreet(c, word) {
				// "10 Downing St. The prime minister": a street, which may
				// end a sentence as "U.S." does.
				ends, rule := s.abbrevEnds(c, abbrev.General)
				if !ends {
					return false, rule
				}
				if rule == ruleAbbrevCapital && !s.punkt.opensSentences(trimTrailingPunct(c.next)) {
					// The capital is a name's: a saint's ("Downtown St.
					// Louis", "Tom St. Clair", "Jill St. John's"), or
					// someone's after a street ("Main St. Smith came by").
					// After a street the next sentence opens with a word
					// Punkt has seen in lower case or as a starter
					// ("Police", "The", "It", "Several").
					return false, ruleAbbrevSaint
				}
				return true, ruleAbbrevStreet
			}
			return false, ruleAbbrevTitle
		case abbrev.Numeric:
			if nextDigit {
				return false, ruleAbbrevNumber
			}
			// "He voted no. Rep. Jones": not an abbreviation here, though
			// Punkt's model lists "no" as one.
			plainWord = true
		case abbrev.Month:
			if nextDigit {
				return false, ruleAbbrevNumber
			}
			return s.abbrevEnds(c, kind)
		default:
			if c.head == c.prev {
				return false, ruleAbbrevOpener // "U.S. officials said", "P.S. I will call"
			}
			return s.abbrevEnds(c, kind)
		}
	}
	if !plainWord && nextDigit && s.labelsNumber(word, c.next) {
		return false, ruleNumberLabel // "a Cat. 4 storm", "a Mk. 2 rifle"
	}
	if !plainWord && !nextLower && startsAmount(c.next) && opensFigure(word) {
		return true, ruleNumberOpener // "in 2019. 2020 brought", "$3 million. 40% of it"
	}
	if nextUpper && isAmount(word[:len(word)-1]) {
		return true, ruleNumberCapital // "in 2014. NATO and", "fell to C$8.75. Analysts"
	}
	if nextLower && s.abbrevLike(c, word) {
		return false, ruleAbbrevLike // "3.5 pct. in the", "10 in. tall", "the dept. heads"
	}
	if isLetter(word) && nextUpper && s.letterEnds(c, word) {
		return true, ruleLetterCapital // "It was Plan A. Plan B came", "fell to -5 C. Schools closed"
	}
	if before, ok := cutInitial(word); ok && nextUpper && s.middleInitial(c, before) {
		return false, ruleMiddleInitial // "John Q. Public", "George W. Bush", "(AP Photo/J. Scott Applewhite)", "A. B. Smith"
	}
	if isCapitalInitial(word) && nextUpper && s.loneInitial(c, word) {
		return false, ruleLoneInitial // "written by J. Brown and", "edited by M. Rich"
	}
	if closed {
		// Punkt reads a period inside quotes as unreliable and cannot see
		// the capital behind an opening quote.
		if nextUpper {
			return true, ruleQuoteCapital // `a thousand fold." "I think`
		}
		if c.at == inText && nextLower {
			return false, ruleQuoteLower // "This is great." she said.
		}
	}
	if plainWord {
		return !nextLower, ruleNumericWord
	}
	if removed {
		return !nextLower, ruleAbbrevRemoved
	}
	return s.punkt.breaks(c.prev, c.next, c.after), rulePunkt
}

// periodEndsAtBreak decides a period before a paragraph break or a seam in
// Merge. A blank line ends the sentence: Punkt's number and ordinal
// heuristics, and a period after a space, never carry a sentence across
// one. Only the merger joins, where the piece before cannot stand alone: a
// title before a name ("Ms." / "Sherman said"), an abbreviation before a
// lower-case continuation ("the U.S." / "limit its troops"), or a list
// marker before its item.
func (s *rules) periodEndsAtBreak(c candidate, body string) (bool, Rule) {
	if body == "." || c.next == "." {
		return true, rulePeriodBreak
	}
	if listHead(c.head) {
		return false, ruleListMarker
	}
	kind, ok := s.lookup(c.head, trimOpeners(body))
	switch {
	case !ok, kind == abbrev.Numeric, kind == abbrev.Month:
		return true, rulePeriodBreak
	case kind == abbrev.Title && startsLetter(c.next):
		return false, ruleAbbrevTitle
	case startsLower(c.next):
		return false, ruleAbbrevLower
	}
	return true, rulePeriodBreak
}

// endsMidPhrase reports whether tok, the last word of a block without final
// punctuation, leaves a phrase open: a comma, a hyphen or a dash, or a word
// such as "the" or "with" that the next block must complete.
func (s *rules) endsMidPhrase(tok string) bool {
	last, _ := utf8.DecodeLastRuneInString(tok)
	return strings.ContainsRune(",;:-‐–—/&(", last) || s.lex.wrapWords.hasFold(tok)
}

// labelsNumber reports whether word, a token ending in a period that the
// lexicon does not know, is a short capitalised abbreviation that labels
// the number after it, as "No." and "Fig." do: "a Cat. 4 storm", "a Mk. 2
// rifle".
// A sentence in news seldom opens with a figure other than a year, and a
// month or a weekday before a number is a date ("in May. 24 people").
func (s *rules) labelsNumber(word, next string) bool {
	w := word[:len(word)-1]
	if len(w) < 2 || len(w) > 3 || !startsUpper(w) || s.lex.isDateWord(w) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return !isYear(strings.TrimRight(trimTrailingPunct(next), ".!?"))
}

// opensFigure reports whether word, a token ending in a period before a
// number, ends a sentence there: a plain word or a number does ("million.
// 40% of", "2019. 2020 brought"); an initial or a dotted abbreviation the
// lexicon does not know is left to Punkt ("S. 10th Street", "H.R. 1").
func opensFigure(word string) bool {
	w := word[:len(word)-1]
	return isAmount(w) || !isCapitalInitial(word) && !strings.Contains(w, ".")
}

// isLetter reports whether w is one ASCII letter and a period: "Q.", "m.".
func isLetter(w string) bool {
	return len(w) == 2 && w[1] == '.' && ('A' <= w[0] && w[0] <= 'Z' || 'a' <= w[0] && w[0] <= 'z')
}

// isCapitalInitial reports whether w is one capital letter and a period: "Q.".
func isCapitalInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && 'A' <= w[0] && w[0] <= 'Z'
}

// cutInitial reports whether word ends in a capital initial ("J.") that
// stands alone or after a slash, as in a credit ("Photo/J."), and returns
// the word before the slash ("" for none). It looks at the last three
// bytes only: most words ending in a period are no initial.
func cutInitial(word string) (before string, ok bool) {
	n := len(word)
	if n < 2 || !isCapitalInitial(word[n-2:]) {
		return "", false
	}
	if n == 2 {
		return "", true
	}
	if word[n-3] != '/' {
		return "", false
	}
	return word[:n-3], true
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
	if isCapitalInitial(trimOpeners(c.next)) {
		return true // "A. B. Smith", "J. R. R. Tolkien": initials before initials
	}
	switch {
	case isCapitalInitial(trimOpeners(before)):
		// "A. B. Smith": the last of a run of initials.
	case hasFinalPunct(before):
		if kind, ok := s.abbrevs.Lookup(trimOpeners(before)); !ok || kind != abbrev.Title {
			return false
		} // "Dr. A. Smith": an initial after a title
	case !startsUpper(before):
		return false
	}
	next := strings.TrimSuffix(trimTrailingPunct(trimOpeners(c.next)), ".")
	var buf [32]byte
	if lower, ok := lowerASCII(buf[:], next); ok {
		// The common case, lower-cased on the stack: next is a
		// capitalised word.
		return !s.lex.wrapWords.has(string(lower)) && !isPronoun(string(lower))
	}
	next = strings.ToLower(next)
	return !s.lex.wrapWords.has(next) && !isPronoun(next)
}

// letterEnds reports whether word, a letter and a period before a
// capitalised word, ends a sentence as a letter that is no initial: after a
// number ("fell to -5 C. Schools", "reached 3 m. Residents"), or, for a
// capital, before an ordinary word that Punkt's training text also wrote in
// lower case, capitalised to open a sentence, when the word before the
// letter is one the training text also wrote in lower case ("Plan A. Plan
// B"), or is in lower case and a pronoun or an article follows ("a grade of
// C. His"). A capitalised word the training text never wrote in lower case,
// or never saw, may be a given name ("John Q. Public", "Ulysses S. Grant"),
// so "Vitamin D. Doctors" is left to the initial rules.
func (s *rules) letterEnds(c candidate, word string) bool {
	if isCapitalInitial(trimOpeners(c.next)) {
		return false // "A. B. Smith"
	}
	before := ""
	n := 0
	for w := range fieldsBackward(c.head) {
		if n++; n == 2 {
			before = trimOpeners(w)
			break
		}
	}
	if before == "" || hasFinalPunct(before) {
		return false // the letter opens the sentence, or follows a title, an initial or a comma
	}
	if isAmount(strings.TrimLeft(before, "-−+")) {
		return true
	}
	if !isCapitalInitial(word) {
		return false // "part a. The" stays with Punkt
	}
	if s.orthoLower(trimTrailingPunct(trimOpeners(c.next)))&orthoLc == 0 {
		return false
	}
	if !startsUpper(before) {
		// "a grade of C. His": a surname that is also a word ("by J.
		// Brown") is no sentence opener such as "His" or "The".
		return s.opensClause(c.next)
	}
	return s.orthoLower(before)&orthoLc != 0
}

// orthoLower returns Punkt's orthographic context of w lower-cased. A short
// ASCII word is lower-cased on the stack: strings.ToLower allocates.
func (s *rules) orthoLower(w string) int {
	var buf [32]byte
	if lower, ok := lowerASCII(buf[:], w); ok {
		return int(s.ortho.get(lower))
	}
	return int(s.ortho.getString(strings.ToLower(w)))
}

// loneInitial reports whether word, one capital and a period that
// letterEnds did not end, is the initial of a name after a lower-case word
// ("written by J. Brown", "edited by M. Rich"), where Punkt, having seen the
// surname in lower case, reads it as a sentence opener. In news a capital
// and a period before a capitalised word is seldom a sentence end; where it
// is, a pronoun, an article or a preposition follows ("a grade of C. His"),
// which letterEnds has already ended. "I." and "A." are also a pronoun and
// an article, and stay with Punkt ("more surprised than I. Then").
func (s *rules) loneInitial(c candidate, word string) bool {
	if word == "I." || word == "A." || s.opensClause(c.next) || isLinkWordFold(trimTrailingPunct(c.next)) {
		return false
	}
	n := 0
	for w := range fieldsBackward(c.head) {
		if n++; n == 2 {
			w = trimOpeners(w)
			return startsLower(w) && !hasFinalPunct(w)
		}
	}
	return false
}

// isLinkWordFold reports whether w lower-cased is a link word (isLinkWord),
// lower-casing a short ASCII word on the stack: strings.ToLower allocates.
func isLinkWordFold(w string) bool {
	var buf [32]byte
	if lower, ok := lowerASCII(buf[:], w); ok {
		return isLinkWord(string(lower))
	}
	return isLinkWord(strings.ToLower(w))
}

// isLinkWord reports whether w, lower-cased, is an adverb, a conjunction
// or a quantifier that opens a sentence more often than it is a surname
// ("because of X. So I may", "in Appendix B. Then").
func isLinkWord(w string) bool {
	switch w {
	case "so", "then", "yet", "still", "also", "now", "thus", "hence", "however", "meanwhile",
		"instead", "later", "today", "yesterday", "tomorrow", "here", "or", "not", "no", "yes",
		"how", "why", "one", "some", "many", "most", "all", "both", "each", "every", "such",
		"other", "another", "only", "even", "just", "again", "please", "thanks":
		return true
	}
	return false
}

// abbrevLike reports whether word, a token ending in a period that the
// lexicon does not know, reads as an abbreviation: a short lower-case word
// without a vowel ("pct.", "govt.", "hrs."), a short one that Punkt's
// training text never wrote as a lower-case word ("incl. taxes", "avg.
// attendance") unless a pronoun or a preposition follows, or a short
// lower-case unit after a number ("10 in.", "104 deg.", "$3.50/gal."). Before
// lower case it goes on.
func (s *rules) abbrevLike(c candidate, word string) bool {
	w := word[:len(word)-1]
	afterAmount := false
	if i := strings.LastIndexByte(w, '/'); i >= 0 && isAmount(w[:i]) {
		w, afterAmount = w[i+1:], true // a unit under a price: "$3.50/gal."
	}
	if w == "" || len(w) > 5 {
		return false
	}
	vowel := false
	for i := 0; i < len(w); i++ {
		switch ch := w[i]; {
		case ch < 'a' || ch > 'z':
			return false
		case strings.IndexByte("aeiouy", ch) >= 0:
			vowel = true
		}
	}
	if !vowel || len(w) <= 4 && s.ortho.getString(w)&orthoLc == 0 && !s.opensClause(c.next) {
		return true
	}
	if len(w) > 3 {
		return false
	}
	if afterAmount {
		return true
	}
	n := 0
	for tok := range fieldsBackward(c.head) {
		if n++; n == 2 {
			return isAmount(tok)
		}
	}
	return false
}

// opensClause reports whether tok, a lower-case word, is one that opens a
// sentence typed without capitals ("ok. i will", "tell val. the
// following"): a pronoun, an article or a preposition.
func (s *rules) opensClause(tok string) bool {
	w := trimTrailingPunct(tok)
	var buf [32]byte
	if lower, ok := lowerASCII(buf[:], w); ok {
		// On the stack: strings.ToLower allocates.
		return isPronoun(string(lower)) || s.lex.wrapWords.has(string(lower))
	}
	w = strings.ToLower(w)
	return isPronoun(w) || s.lex.wrapWords.has(w)
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

// abbrevEnds decides an abbreviation of the given kind that can end a
// sentence ("U.S.", "Inc.", "Calif.", "a.m.") by what follows it. A bracket
// after it goes on ("Acme Corp. (NASDAQ: ACME)", "SPRINGFIELD, Ill. (AP)
// —"); a company suffix goes on before another ("Co. Ltd."); a capitalised
// word goes on only when data/continuers.txt lists it for the kind: "Navy"
// after "U.S." but not after "a.m." or "Inc.".
func (s *rules) abbrevEnds(c candidate, kind abbrev.Kind) (bool, Rule) {
	first, _ := utf8.DecodeRuneInString(c.next)
	switch {
	case first == '(' || first == '[':
		return false, ruleAbbrevBracket // "Acme Corp. (NASDAQ: ACME)", "10 a.m. (CDT)"
	case isOpeningQuote(first):
		return true, ruleAbbrevQuote // a quotation opens a new sentence
	case !startsUpper(c.next):
		return false, ruleAbbrevLower // "the U.S. limit", "the U.S. 10-year"
	case kind == abbrev.Company && s.isCompanySuffix(c.next):
		return false, ruleAbbrevSuffix // "Acme Co. Ltd.", "Goldman Sachs & Co. LLC", "Varner Capital Mgmt. L.P."
	case s.continues(kind, c.next):
		return false, ruleAbbrevContinuer // "the U.S. Navy", "5 p.m. Monday", "Warner Bros. Pictures"
	case kind == abbrev.State && s.modifiesNext(c):
		return false, ruleAbbrevModifier // "the N.Y. Post", "the L.A. Lakers", "the N.J. Turnpike"
	case s.frontedPhrase(c.head):
		return false, ruleAbbrevFronted // "At 5 a.m. Mr. Smith went"
	}
	return true, ruleAbbrevCapital
}

// modifiesNext reports whether c.prev, a state or a city that takes no
// article ("N.Y.", "L.A."), stands after "the" and so names what follows it
// ("the N.J. Transit strike"); a place alone is never "the N.J.". A pronoun
// or a word such as "The" after it still opens a sentence.
func (s *rules) modifiesNext(c candidate) bool {
	n := 0
	for w := range fieldsBackward(c.head) {
		if n++; n < 2 {
			continue
		}
		if !strings.EqualFold(trimOpeners(w), "the") {
			return false
		}
		next := strings.ToLower(trimTrailingPunct(trimOpeners(c.next)))
		return !s.lex.wrapWords.has(next) && !isPronoun(next)
	}
	return false
}

// isCompanySuffix reports whether tok is a company suffix: an abbreviation
// of kind company ("Ltd.", "L.P.") or a legal form written without a
// period (data/legalforms.txt: "LLC", "GmbH").
func (s *rules) isCompanySuffix(tok string) bool {
	w := trimTrailingPunct(tok)
	if s.lex.legalForms.has(w) {
		return true
	}
	kind, ok := s.abbrevs.Lookup(w)
	return ok && kind == abbrev.Company
}

// continues reports whether next, a capitalised word after an abbreviation
// of the given kind, carries the sentence on ("Navy" after "U.S.",
// "Tuesday." after "p.m.").
func (s *rules) continues(kind abbrev.Kind, next string) bool {
	words := s.lex.continuers[kind]
	w := trimTrailingPunct(next)
	return words.has(w) || words.has(strings.TrimSuffix(w, "."))
}

// isStreet reports whether word, a title such as "St.", may name a street
// here: "St." after a capitalised name or a number ("10 Downing St.", "Elm
// St.", "42nd St."), where a saint comes before the name ("St. Louis",
// "near St. Mary's") or after a place word ("Port St. Lucie"). A
// capitalised word before "St." may still be part of a name ("Downtown St.
// Louis", "Tom St. Clair"); periodEnds tells the two apart by the word after.
func (s *rules) isStreet(c candidate, word string) bool {
	if !strings.EqualFold(word, "St.") || c.head == c.prev {
		return false
	}
	n := 0
	for before := range fieldsBackward(c.head) {
		if n++; n < 2 {
			continue
		}
		if hasFinalPunct(before) || strings.HasSuffix(before, "'s") || strings.HasSuffix(before, "’s") {
			return false
		}
		if startsDigit(before) {
			return true
		}
		return startsUpper(before) && !s.lex.wrapWords.hasFold(before) && !s.lex.placePrefixes.hasFold(before)
	}
	return false
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

// spacedDotsEnd decides a lone dot: the last dot of a spaced ellipsis (".
// . ."), where three dots mark an omission inside a sentence and a fourth,
// or a period on the word before the run, is a full stop; or a full stop
// typed after a space ("I loved the food . The staff").
func spacedDotsEnd(c candidate) (bool, Rule) {
	if c.next == "." || !startsUpper(c.next) {
		return false, ruleSpacedDots
	}
	if c.dots == 1 && c.head != c.prev {
		return true, ruleSpacedStop
	}
	return c.dots >= 4 || c.dots >= 3 && c.wordFinal, ruleSpacedDots
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
	return hasFinalPunct(prev) || s.opensCredit(next) || isYear(prev) || isFootnoteNumber(prev) && startsUpper(next)
}

// footnoteRun reports whether head ends in a run of footnote numbers after
// a full stop that carries a footnote itself: "in two trials.12 13".
func footnoteRun(head string) bool {
	n := 0
	for w := range fieldsBackward(head) {
		if n++; n > 8 {
			return false
		}
		if isFootnoteNumber(w) {
			continue
		}
		_, cited := trimCitations(w)
		return cited && n > 1
	}
	return false
}

package segment

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsseg/newsseg/abbrev"
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

	// dots counts the lone "." tokens that end head (prev included);
	// wordFinal says whether the word before them, inside head, ends in a
	// period too ("compounds. . . .").
	dots      int
	wordFinal bool
}

// ends reports whether a sentence ends after c.prev. It is the one decision
// path shared by Segment and Merge.
func (s *Segmenter) ends(c candidate) bool {
	if c.next == "" {
		return true
	}
	body, closed := trimClosers(c.prev)
	last, _ := utf8.DecodeLastRuneInString(body)
	switch {
	case body == "":
		// A stray closing quote or bracket on its own.
		return c.at == atBreak && !startsLower(c.next)
	case last == '?' || last == '!' || last == '？' || last == '！':
		// "“Why now?” asked Smith." and "Yahoo! in" go on in running text.
		return c.at == atBreak || !startsLower(c.next)
	case last == '…' || strings.HasSuffix(body, ".."):
		return s.ellipsisEnds(c, body)
	case last == '.' || last == '。':
		return s.periodEnds(c, body, closed)
	default:
		// No sentence punctuation: only a layout break can end a sentence
		// here, and not when the next block carries on in lower case.
		return c.at == atBreak && !startsLower(c.next)
	}
}

// periodEnds decides a token whose body (the token without closing quotes
// and brackets) ends in a period.
func (s *Segmenter) periodEnds(c candidate, body string, closed bool) bool {
	if body == "." {
		return spacedDotsEnd(c)
	}
	if c.next == "." && !closed {
		// "compounds. . . . The practice": the word's own period ends the
		// sentence when a capital follows the run of dots.
		return startsUpper(afterSpacedDots(c.rest))
	}
	word := trimOpeners(body)
	if kind, ok := s.abbrevs.Lookup(word); ok {
		switch kind {
		case abbrev.Title:
			return false
		case abbrev.Numeric:
			if startsDigit(c.next) {
				return false
			}
			// "He said no. The talks": not an abbreviation here.
		case abbrev.Month:
			if startsDigit(c.next) {
				return false
			}
			return s.abbrevEnds(c)
		default:
			return s.abbrevEnds(c)
		}
	}
	if isNumber(word[:len(word)-1]) {
		if c.head == c.prev {
			return false // a list number: "1. The first item"
		}
		if startsUpper(c.next) {
			return true // "in 2014. NATO and"
		}
	}
	if closed && c.at == inText && startsLower(c.next) {
		return false // "This is great." she said.
	}
	return s.punkt.breaks(c.prev, c.next, c.after)
}

// abbrevEnds decides an abbreviation that can end a sentence ("U.S.",
// "Inc.", "Calif.", "a.m.") by what follows it.
func (s *Segmenter) abbrevEnds(c candidate) bool {
	first, _ := utf8.DecodeRuneInString(c.next)
	switch {
	case isOpeningQuote(first):
		return true // a quotation opens a new sentence
	case !startsUpper(c.next):
		return false // "the U.S. limit", "Inc. (NYSE: X)", "the U.S. 10-year"
	case s.continues(c.next):
		return false // "the U.S. Navy", "5 p.m. Monday"
	case s.frontedPhrase(c.head):
		return false // "At 5 a.m. Mr. Smith went"
	}
	return true
}

// continues reports whether next, a capitalised word after an abbreviation,
// carries the sentence on ("Navy", "Secretary", "Sen.", "Tuesday.").
func (s *Segmenter) continues(next string) bool {
	w := trimTrailingPunct(next)
	return s.lex.continuers.has(w) || s.lex.continuers.has(strings.TrimSuffix(w, "."))
}

// frontedPhrase reports whether head is a short phrase opened by a
// preposition ("At 5 a.m.", "By 9 p.m."), which cannot be a sentence alone.
func (s *Segmenter) frontedPhrase(head string) bool {
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
func (s *Segmenter) ellipsisEnds(c candidate, body string) bool {
	if !startsUpper(c.next) {
		return false
	}
	if strings.HasSuffix(body, "....") {
		return true // "I never meant that.... She left": an ellipsis and a period
	}
	if c.at == atBreak {
		return true
	}
	return s.punkt.breaks(c.prev, c.next, c.after)
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

// fieldsForward yields the white-space separated words of s from the first.
// Unlike strings.Fields it allocates nothing and stops when the caller does.
func fieldsForward(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isSpace(r) {
				i += size
				continue
			}
			start := i
			for i < len(s) {
				r, size = utf8.DecodeRuneInString(s[i:])
				if isSpace(r) {
					break
				}
				i += size
			}
			if !yield(s[start:i]) {
				return
			}
		}
	}
}

// fieldsBackward yields the white-space separated words of s from the last.
func fieldsBackward(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := len(s); i > 0; {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if isSpace(r) {
				i -= size
				continue
			}
			end := i
			for i > 0 {
				r, size = utf8.DecodeLastRuneInString(s[:i])
				if isSpace(r) {
					break
				}
				i -= size
			}
			if !yield(s[i:end]) {
				return
			}
		}
	}
}

// hasFinalPunct reports whether tok ends in sentence punctuation, possibly
// followed by closing quotes or brackets.
func hasFinalPunct(tok string) bool {
	body, _ := trimClosers(tok)
	r, _ := utf8.DecodeLastRuneInString(body)
	switch r {
	case '.', '?', '!', '…', '。', '？', '！':
		return true
	}
	return false
}

// trimClosers removes closing quotes and brackets from the end of tok and
// reports whether there were any.
func trimClosers(tok string) (string, bool) {
	end := len(tok)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(tok[:end])
		if !isCloser(r) {
			break
		}
		end -= size
	}
	return tok[:end], end < len(tok)
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '}', '»', '›':
		return true
	}
	return false
}

func isOpeningQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '„':
		return true
	}
	return false
}

// trimOpeners removes opening quotes and brackets from the start of s.
func trimOpeners(s string) string {
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if !isOpeningQuote(r) && r != '(' && r != '[' && r != '{' {
			break
		}
		s = s[size:]
	}
	return s
}

// trimTrailingPunct removes trailing commas, colons and the like, keeping a
// final period so that "Sen." still matches.
func trimTrailingPunct(s string) string {
	s, _ = trimClosers(s)
	return strings.TrimRight(s, ",;:")
}

// firstLetter returns the first rune of s after any opening quotes.
func firstLetter(s string) rune {
	r, _ := utf8.DecodeRuneInString(trimOpeners(s))
	return r
}

func startsLower(s string) bool { return unicode.IsLower(firstLetter(s)) }
func startsUpper(s string) bool { return unicode.IsUpper(firstLetter(s)) }
func startsDigit(s string) bool { return unicode.IsDigit(firstLetter(s)) }

// isNumber reports whether s is a number as news writes one: digits with
// separators, a currency sign or a percent sign ("2014", "100,000",
// "$100.00", "1026.253.553", "5%").
func isNumber(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case '0' <= r && r <= '9':
			digits++
		case strings.ContainsRune(".,:%$€£¥-", r):
		default:
			return false
		}
	}
	return digits > 0
}

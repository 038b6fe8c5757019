package segment

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a maximal run of non-white-space bytes of the input, or a part
// of one that a glued stop cuts ("week." and "The" in "week.The"):
// text[start:end].
type token struct {
	start, end int
}

// WindowSize bounds what a stream holds in memory, and so what any pass over
// a text may look at. White space of more than WindowSize bytes between two
// paragraphs ends a sentence. A paragraph whose end (its closing blank line) lies more
// than WindowSize bytes past its first byte is cut: at its last newline
// inside the window, else at its last white space, else at the window's end
// (inside a word, on a UTF-8 boundary). The cut ends a sentence. A sentence
// that has reached WindowSize bytes ends at its next candidate boundary,
// whatever the rules say. Segment and the streaming API apply the same
// limits, so they always agree.
const WindowSize = 1 << 20

// paragraph is a run of non-blank lines: [start, end) spans its content
// from the first non-space byte of its first line to the last of its last.
// cut is set when the paragraph was cut at the window size, so that the
// next piece of it must start a new sentence.
type paragraph struct {
	start, end int
	cut        bool
	multiline  bool // a newline stands in [start, end): the walk must read its layout
}

// nextParagraph finds the first paragraph of text[from:] and the offset
// just past it. With atEOF false, text may continue: ok is false when more
// input is needed to know where the paragraph ends (next then tells how much
// of text can be dropped: what came before from, and blank lines). With
// atEOF true, ok is false only when no paragraph is left.
func nextParagraph(text string, from int, atEOF bool) (p paragraph, next int, ok bool) {
	start := from
	for start < len(text) {
		if c := text[start]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			start++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[start:])
		if !isSpace(r) {
			break
		}
		start += size
	}
	if start == len(text) {
		return paragraph{}, blankTo(text, from, start), false
	}
	limit := start + WindowSize
	p = paragraph{start: start, end: start}
	pos := start
	for {
		// A newline at or past limit would end a line that reaches past
		// the window, which is cut there whatever ends the line: look no
		// farther, or a text that is one long line would be searched to
		// its end at every cut.
		nl := strings.IndexByte(text[pos:min(len(text), limit)], '\n')
		if nl < 0 && limit < len(text) {
			break
		}
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		ln := trimLine(text, pos, end)
		blank := ln.start == ln.end
		if !blank {
			p.end = ln.end
			p.multiline = pos > start // a line after the first
		}
		done := nl >= 0 || atEOF // the line is complete
		if blank && done || nl < 0 && atEOF {
			next = min(end+1, len(text))
			if next <= limit {
				return p, next, true
			}
			break
		}
		if nl < 0 || end+1 > limit {
			if !atEOF && len(text) <= limit {
				return paragraph{}, blankTo(text, from, start), false
			}
			break
		}
		pos = end + 1
	}
	return cutParagraph(text, start, limit)
}

// cutParagraph cuts the paragraph that starts at start at the window limit.
func cutParagraph(text string, start, limit int) (paragraph, int, bool) {
	window := text[start:min(limit, len(text))]
	cut := strings.LastIndexByte(window, '\n')
	if cut <= 0 {
		cut = lastSpace(window)
	}
	if cut <= 0 {
		// No white space at all: cut inside the word, but not inside a rune.
		cut = len(window)
		for cut > 0 && start+cut < len(text) && !utf8.RuneStart(text[start+cut]) {
			cut--
		}
		if cut == 0 {
			cut = len(window)
		}
	}
	ln := trimLine(text, start, start+cut)
	multiline := strings.IndexByte(text[ln.start:ln.end], '\n') >= 0
	return paragraph{start: ln.start, end: ln.end, cut: true, multiline: multiline}, start + cut, true
}

// blankTo returns where the line that holds start begins, or from when
// that line began before from: text[from:start] is white space, so what
// lies before the returned offset is what came before from and blank
// lines. It looks no further back than from, which a stream has decided up
// to: a line without end, cut at the window, would otherwise be searched
// back to its start at every read.
func blankTo(text string, from, start int) int {
	return from + strings.LastIndexByte(text[from:start], '\n') + 1
}

// A paragraph is not cut into all its tokens: the walk of pass.paragraph
// cuts only those around its candidates, with the functions below. They
// cut every token as a walk from the paragraph's first byte would.

// tokenEnd returns the end of the token that starts at start, in a
// paragraph that ends at end: the next white space, or a sentence end that
// lost its space (see gluedStop), where the next token starts at once.
func tokenEnd(text string, start, end int) int {
	return tokenEndFrom(text, start, start, end)
}

// tokenEndFrom returns tokenEnd(text, start, end) for a token whose bytes
// text[start:i] are known to hold no white space and no '.', '?' or '!',
// so that the cut need only read on from i.
func tokenEndFrom(text string, start, i, end int) int {
	for i < end {
		if i+8 <= end {
			// Jump to the first byte of the next eight that may be
			// special: a token is a few letters, so the byte at a time
			// below would take a branch and a table lookup for each.
			m := maybeTokenSpecial(load64(text, i))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		c := text[i]
		if !tokenSpecial[c] {
			i++ // the common case: a letter, a digit, a comma
			continue
		}
		if c < utf8.RuneSelf {
			if isSpaceByte(c) {
				break
			}
			i++ // '.', '?' or '!'
			if i < end && mayGlue(text[i]) {
				if j := gluedStop(text, start, i, end); j > 0 {
					return j
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// maybeTokenSpecial marks bit 7 of each byte of x, eight bytes of text in
// little-endian order, that may be one tokenSpecial marks: a byte up to
// '!' (ASCII white space, the control bytes and '!' itself, which one
// subtraction finds), '.', '?', or a byte at or above utf8.RuneSelf. It
// may mark a byte above a marked one that is not special (the borrow of a
// subtraction runs on), and the control bytes that are not space, but the
// lowest mark is always the first candidate: tokenEnd jumps to it and
// looks at that byte with tokenSpecial.
func maybeTokenSpecial(x uint64) uint64 {
	const (
		lo = 0x0101010101010101
		hi = 0x8080808080808080
	)
	below := x - ('!'+1)*lo // borrows out of the bytes up to '!'
	dot := x ^ '.'*lo
	question := x ^ '?'*lo
	return (below&^x | (dot-lo)&^dot | (question-lo)&^question | x) & hi
}

// tokenSpecial marks the bytes that tokenEnd must look at: ASCII white
// space, the stops that may have lost their space, and the bytes at or
// above utf8.RuneSelf, whose rune may be white space.
var tokenSpecial = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || asciiSpace[c] || c == '.' || c == '?' || c == '!'
	}
	return t
}()

// mayGlue reports whether c, the byte after a '.', '?' or '!', may start
// what gluedStop looks for after the stop: a capital, an opening bracket,
// a closing quote or bracket, or a multi-byte rune (a curly quote). Most
// stops are followed by a space, and need no call to gluedStop.
func mayGlue(c byte) bool {
	switch {
	case 'A' <= c && c <= 'Z', c >= utf8.RuneSelf:
		return true
	case c == '(', c == ')', c == '"', c == '\'', c == ']', c == '}':
		return true
	}
	return false
}

// tokenAt returns the token that starts at the first byte at or after from
// that is not white space, in a paragraph that ends at end.
func tokenAt(text string, from, end int) token {
	for from < end {
		// One space, mostly, and ASCII: spaceAt, which decodes, only
		// for the rest.
		if c := text[from]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			from++
			continue
		}
		n := spaceAt(text, from)
		if n == 0 {
			break
		}
		from += n
	}
	return token{start: from, end: tokenEnd(text, from, end)}
}

// tokenAround returns the token that holds the byte at k, which starts a
// rune that is not white space, in a paragraph that ends at end. lo is the
// start of a token at or before k: the token found starts no earlier. It
// looks back only to the white space before k, then cuts forward from
// there as tokenEnd does, so that a sentence end that lost its space
// ("week.The") splits as it does when the paragraph is read from its start.
func tokenAround(text string, lo, k, end int) token {
	ws := wordStart(text, lo, k)
	for {
		te := tokenEnd(text, ws, end)
		if te > k {
			return token{start: ws, end: te}
		}
		ws = te // a glued stop: the next token starts here
	}
}

// stopToken returns tokenAround(text, lo, k, end) for a stop k that
// indexStop found reading from lo: a '.', '?' or '!' is always a stop, so
// none stands in text[lo:k], no glued stop cuts the token before k, and
// the cut forward can start at k rather than at the start of the token.
func stopToken(text string, lo, k, end int) token {
	ws := wordStart(text, lo, k)
	if text[k] < utf8.RuneSelf && (k+1 == end || isSpaceByte(text[k+1])) {
		// Most stops end their token ("said. The"): an ASCII stop is
		// not space, and the space after it ends the token.
		return token{start: ws, end: k + 1}
	}
	return token{start: ws, end: tokenEndFrom(text, ws, k, end)}
}

// wordStart returns the offset just after the last white space before k,
// or lo when there is none in text[lo:k]. Eight bytes at a time, it looks
// for the last byte that may be white space, a byte below '!' or one of a
// multi-byte rune, and decides that byte as tokenAround always did.
func wordStart(text string, lo, k int) int {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	ws := k
	for ws > lo {
		if ws-8 >= lo {
			x := load64(text, ws-8)
			// Bit 7 of a byte of sum is set when its low seven bits are
			// '!' or more; no carry crosses bytes, so every mark is exact.
			sum := x&(0x7f*ones) + (0x80-'!')*ones
			m := (^sum | x) & high
			if m == 0 {
				ws -= 8
				continue
			}
			ws += (bits.Len64(m)+7)>>3 - 8 // just after the last mark
		}
		if c := text[ws-1]; c < utf8.RuneSelf {
			if isSpaceByte(c) {
				break
			}
			ws--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[lo:ws])
		if isSpace(r) {
			break
		}
		ws -= size
	}
	return ws
}

// tokenBefore returns the token before the one that starts at x, which is
// not the first of its paragraph, looking no further back than lo (see
// tokenAround).
func tokenBefore(text string, lo, x, end int) token {
	e := x
	for e > lo {
		r, size := utf8.DecodeLastRuneInString(text[lo:e])
		if !isSpace(r) {
			break
		}
		e -= size
	}
	return tokenAround(text, lo, lastRuneStart(text, e), end)
}

// lastRuneStart returns the offset of the rune that ends at end.
func lastRuneStart(text string, end int) int {
	_, size := utf8.DecodeLastRuneInString(text[:end])
	return end - size
}

// line is one line of a paragraph: [start, end) is its content without the
// surrounding white space.
type line struct {
	start, end int
}

// splitLines appends to lines the lines of paragraph p with their content
// trimmed.
func splitLines(text string, p paragraph, lines []line) []line {
	for pos := p.start; pos <= p.end; {
		end := strings.IndexByte(text[pos:p.end], '\n')
		if end < 0 {
			end = p.end
		} else {
			end += pos
		}
		lines = append(lines, trimLine(text, pos, end))
		pos = end + 1
	}
	return lines
}

// trimLine returns the line text[start:end] without the white space
// around it. An ASCII byte, most of them, is taken without decoding.
func trimLine(text string, start, end int) line {
	for start < end {
		if c := text[start]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			start++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		if c := text[end-1]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			end--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= size
	}
	return line{start, end}
}

// lineBreaks decides, inside one paragraph, which single newlines are breaks
// and which are hard wraps of running text.
//
// A newline after a line that ends in sentence punctuation is left to the
// sentence rules. A newline is a wrap when the next line starts in lower case
// or the line ends mid-phrase (a comma, a hyphen, a word such as "the" or
// "with"). Otherwise the line is standalone (a headline, a label, a dateline)
// unless the paragraph is hard-wrapped running text and the line is as long
// as its other lines. A paragraph is hard-wrapped when most of its open
// line ends are plain wraps, or when a sentence ends inside one of its lines
// and its lines but the last are of about the same length, as lines filled
// to a width are: headlines, decks and labels rarely hold a full stop.
//
// It appends to breaks the start of each line that follows a break.
func lineBreaks(text string, para []line, lex *lexicon, breaks []int) []int {
	if len(para) < 2 {
		return breaks
	}
	open, clearWraps, width, shortest, midStop := 0, 0, 0, -1, false
	for k, ln := range para {
		s := text[ln.start:ln.end]
		n := utf8.RuneCountInString(s)
		width = max(width, n)
		if k+1 < len(para) {
			if shortest < 0 || n < shortest {
				shortest = n
			}
			if !hasFinalPunct(s) {
				open++
				if isWrap(s, text[para[k+1].start:para[k+1].end], lex) {
					clearWraps++
				}
			}
		}
		midStop = midStop || hasInnerStop(s)
	}
	regular := len(para) >= 3 && width >= 40 && shortest*5 >= width*3
	wrapped := open >= 2 && (clearWraps*2 >= open || midStop && regular)
	menu := false  // the lines after a label ending in ":" are a menu
	menuFrom := -1 // the lines from here on are menu lines; -1 until needed
	for k := 0; k+1 < len(para); k++ {
		a, b := text[para[k].start:para[k].end], text[para[k+1].start:para[k+1].end]
		if isItemLine(b) || menu {
			// "Highlights:" / "- Revenue rose 5%" / "- Profit fell 2%":
			// every item of a list is a segment of its own.
			breaks = append(breaks, para[k+1].start)
			continue
		}
		if strings.HasSuffix(a, ":") {
			if menuFrom < 0 {
				menuFrom = menuStart(text, para)
			}
			if menuFrom <= k+1 && len(para)-(k+1) >= 2 {
				// "Share this:" / "Facebook" / "Twitter": a label over a menu.
				menu = true
				breaks = append(breaks, para[k+1].start)
				continue
			}
		}
		if hasFinalPunct(a) || isWrap(a, b, lex) {
			continue
		}
		if wrapped && utf8.RuneCountInString(a)*4 >= width*3 {
			continue
		}
		breaks = append(breaks, para[k+1].start)
	}
	return breaks
}

// isItemLine reports whether line s opens with an item mark or a list
// marker followed by text: "- Revenue rose", "* Powell said", "• Rates
// held", "1. Schools closed", "b) Roads".
func isItemLine(s string) bool {
	for w := range fieldsForward(s) {
		if len(w) == len(s) {
			return false // a mark with nothing after it
		}
		if isItemMark(w) {
			return true
		}
		_, _, ok := listMarker(w)
		return ok
	}
	return false
}

// maxMenuWords bounds the words of a line in a menu under a label.
const maxMenuWords = 4

// menuStart returns the index of the first of the lines of para that, with
// every line after it, are menu lines: short, opened by a capital or a
// digit, without final punctuation ("Facebook", "Twitter", "Email"). The
// lines after a label ending in ":" are a menu when there are two or more
// and all are menu lines. It looks at each line once, from the last.
func menuStart(text string, para []line) int {
	k := len(para)
	for k > 0 && isMenuLine(text[para[k-1].start:para[k-1].end]) {
		k--
	}
	return k
}

func isMenuLine(s string) bool {
	if hasFinalPunct(lastWord(s)) || !startsUpper(s) && !startsDigit(s) {
		return false
	}
	n := 0
	for range fieldsForward(s) {
		if n++; n > maxMenuWords {
			return false
		}
	}
	return true
}

// hasInnerStop reports whether a sentence seems to end inside line s: a
// word ending in sentence punctuation followed by a capitalised word.
func hasInnerStop(s string) bool {
	stop := false
	for w := range fieldsForward(s) {
		if stop && startsUpper(w) {
			return true
		}
		stop = hasFinalPunct(w)
	}
	return false
}

// isWrap reports whether the newline between lines a and b is plainly a wrap
// inside a sentence.
func isWrap(a, b string, lex *lexicon) bool {
	if startsLower(b) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	if strings.ContainsRune(",;:-‐–—/&(", last) {
		return true
	}
	return lex.wrapWords.hasFold(lastWord(a)) || startsLower(lastWord(a)) && opensWithFigure(b)
}

// opensWithFigure reports whether line b opens with a figure that runs on
// in lower case, as a hard-wrapped line of running text does: a number or
// a percentage ("42.7%, up from", "250,000 last week") or a month
// abbreviation and a day ("Oct. 9 at the courthouse"). A date line ("Oct.
// 9, 2023") has no lower-case word and is no wrap.
func opensWithFigure(b string) bool {
	n := 0
	for w := range fieldsForward(b) {
		n++
		switch {
		case n == 1:
			body := strings.TrimRight(w, ",;:%")
			month := len(w) >= 4 && len(w) <= 5 && w[len(w)-1] == '.' && startsUpper(w)
			if !isAmount(body) && !month {
				return false
			}
		case startsLower(w):
			return true
		case n > 3:
			return false
		}
	}
	return false
}

// gluedStop finds a sentence end that lost its space, as text pasted from
// web pages often has: "last week.The company said". The token that starts
// at start has just reached text[i-1], a '.', '?' or '!'. When two lower-case
// letters or digits, or a digit, a '%' or a ')', stand before it ("7-2.Justice
// Kagan", "5.25%.Markets") and a capitalised word follows (after any closing
// quotes or brackets, or after an opening bracket: "left.(He"), gluedStop returns where the first token ends, so that
// the rules judge the two words as if a space stood between them; otherwise
// it returns 0. Web addresses, e-mail addresses and
// abbreviations such as "Mr.Smith" or "p.m.The" are left whole.
func gluedStop(text string, start, i, end int) int {
	if i-start < 2 {
		return 0
	}
	switch c := text[i-2]; {
	case '0' <= c && c <= '9', c == '%', c == ')':
		// A figure or a bracket ends the sentence: "was 7-2.Justice",
		// "rose to 5.25%.Markets", "(AP).The".
	case i-start < 3 || !lowerOrDigit(c) || !lowerOrDigit(text[i-3]):
		return 0
	}
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
		if !isCloser(r) {
			break
		}
		j += size
	}
	k := j // the capital, after an opening bracket: "He left.(He was tired.)"
	if k < end && text[k] == '(' {
		k++
	}
	if k+1 >= end || text[k] < 'A' || text[k] > 'Z' || text[k+1] < 'a' || text[k+1] > 'z' {
		return 0
	}
	tokEnd := j
	for tokEnd < end && spaceAt(text, tokEnd) == 0 {
		tokEnd++
	}
	if isWebAddress(text[start:tokEnd]) || strings.Contains(text[start:tokEnd], "@") || hasInnerDot(text[j:tokEnd]) {
		return 0
	}
	return j
}

// where says where a sentence starts.
type where uint8

const (
	startParagraph where = iota // at the start of a paragraph (or of the text)
	startLine                   // at the start of a line inside a paragraph
	startText                   // inside a line, after another sentence
)

// gapAfter looks at the white space that follows a sentence ending at end
// and returns where the next sentence starts (at a paragraph when a blank
// line or the end of the text follows) and, when it lies in the same
// paragraph, the text from the next sentence on ("" otherwise).
func gapAfter(text string, end int) (where, string) {
	// Most sentences are followed by one space and the next sentence.
	if end+1 < len(text) && text[end] == ' ' {
		if c := text[end+1]; c < utf8.RuneSelf && !isSpaceByte(c) {
			return startText, text[end+1:]
		}
	}
	lines := 0
	// A gap longer than the window ends a sentence like a paragraph break
	// (see WindowSize); looking no further keeps a stream, which may hold
	// only that much of it, in step with Segment.
	for i := end; i < len(text) && i-end <= WindowSize; {
		c := text[i]
		size := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			if !isSpace(r) {
				return startAfter(lines, text[i:])
			}
		} else if c == '\n' {
			lines++
		} else if !isSpaceByte(c) {
			return startAfter(lines, text[i:])
		}
		i += size
	}
	return startParagraph, ""
}

// startAfter says where a sentence starts after a gap of white space that
// holds lines newlines, and returns its text when it is in the same
// paragraph.
func startAfter(lines int, rest string) (where, string) {
	switch lines {
	case 0:
		return startText, rest
	case 1:
		return startLine, rest
	}
	return startParagraph, ""
}

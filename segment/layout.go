package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a maximal run of non-white-space bytes of the input.
// breakBefore is set when a paragraph break, or a line break that the layout
// reads as a break (after a headline, a label, a dateline), separates the
// token from the one before it.
type token struct {
	start, end  int
	breakBefore bool
}

// line is one line of the input: [start, end) is its content without the
// surrounding white space; start == end for a blank line.
type line struct {
	start, end int
}

// tokenize splits text into tokens and marks the layout breaks between them.
func tokenize(text string, lex *lexicon) []token {
	breaks := layoutBreaks(text, lex)
	toks := make([]token, 0, len(text)/6+1)
	next := 0 // index into breaks
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isSpace(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isSpace(r) {
				break
			}
			i += size
		}
		t := token{start: start, end: i}
		for next < len(breaks) && breaks[next] <= start {
			t.breakBefore = len(toks) > 0
			next++
		}
		toks = append(toks, t)
	}
	return toks
}

// isSpace reports whether r is white space. An invalid byte decodes as
// utf8.RuneError, which is not space, so it stays inside a token.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// splitLines returns the lines of text with their content trimmed.
func splitLines(text string) []line {
	var lines []line
	for pos := 0; pos <= len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		lines = append(lines, trimLine(text, pos, end))
		pos = end + 1
	}
	return lines
}

func trimLine(text string, start, end int) line {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= size
	}
	return line{start, end}
}

// layoutBreaks returns, in increasing order, the offsets of the first
// non-space byte of every line that starts a new block: the first line of a
// paragraph (after one or more blank lines) and a line that follows a
// standalone line such as a headline, a label or a dateline.
func layoutBreaks(text string, lex *lexicon) []int {
	lines := splitLines(text)
	var breaks []int
	for i := 0; i < len(lines); {
		if lines[i].start == lines[i].end {
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j].start != lines[j].end {
			j++
		}
		para := lines[i:j]
		breaks = append(breaks, para[0].start)
		breaks = append(breaks, lineBreaks(text, para, lex)...)
		i = j
	}
	return breaks
}

// lineBreaks decides, inside one paragraph, which single newlines are breaks
// and which are hard wraps of running text.
//
// A newline after a line that ends in sentence punctuation is left to the
// sentence rules. A newline is a wrap when the next line starts in lower case
// or the line ends mid-phrase (a comma, a hyphen, a word such as "the" or
// "with"). Otherwise the line is standalone (a headline, a label, a dateline)
// unless the paragraph is hard-wrapped running text and the line is as long
// as its other lines.
func lineBreaks(text string, para []line, lex *lexicon) []int {
	if len(para) < 2 {
		return nil
	}
	open, clearWraps, width := 0, 0, 0
	for k, ln := range para {
		width = max(width, utf8.RuneCountInString(text[ln.start:ln.end]))
		if k+1 < len(para) && !hasFinalPunct(lastWord(text[ln.start:ln.end])) {
			open++
			if isWrap(text[ln.start:ln.end], text[para[k+1].start:para[k+1].end], lex) {
				clearWraps++
			}
		}
	}
	wrapped := open >= 2 && clearWraps*2 >= open
	var breaks []int
	for k := 0; k+1 < len(para); k++ {
		a, b := text[para[k].start:para[k].end], text[para[k+1].start:para[k+1].end]
		if hasFinalPunct(lastWord(a)) || isWrap(a, b, lex) {
			continue
		}
		if wrapped && utf8.RuneCountInString(a)*4 >= width*3 {
			continue
		}
		breaks = append(breaks, para[k+1].start)
	}
	return breaks
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
	return lex.wrapWords.hasFold(lastWord(a))
}

// lastWord returns the last white-space separated word of s.
func lastWord(s string) string {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if isSpace(r) {
			return s[i:]
		}
		i -= size
	}
	return s
}

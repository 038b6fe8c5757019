package segment

// The predicates of this file are the one definition of each character and
// token class the other stages test: white space, quotes and brackets,
// bullets, sentence punctuation, case, numbers. Each has an ASCII fast path
// where news text spends its time; text_test.go checks the fast paths
// against package unicode for every rune.

import (
	"iter"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsseg/newsseg/abbrev"
)

// White space.

// asciiSpace marks the ASCII white space bytes, those for which
// unicode.IsSpace is true.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// isSpaceByte reports whether the byte c is ASCII white space. A byte of a
// multi-byte rune is never space on its own.
func isSpaceByte(c byte) bool { return asciiSpace[c] }

// isSpace reports whether r is white space. An invalid byte decodes as
// utf8.RuneError, which is not space, so it stays inside a token.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// spaceAt returns the length of the white space rune at text[i], or 0 when
// the rune there is not white space. ASCII, most of news text, needs no
// decoding.
func spaceAt(text string, i int) int {
	if c := text[i]; c < utf8.RuneSelf {
		if isSpaceByte(c) {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if unicode.IsSpace(r) {
		return size
	}
	return 0
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

// lastSpace returns the offset of the last white space rune of s, or -1.
func lastSpace(s string) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if isSpace(r) {
			return i
		}
	}
	return -1
}

// countWords counts the words of s, as fieldsForward splits them, stopping
// at limit+1. Eight ASCII bytes at a time are classified as one word:
// a word starts at a byte that is not space after one that is. Other bytes
// are decoded one rune at a time.
func countWords(s string, limit int) int {
	const (
		lo = 0x0101010101010101
		hi = 0x8080808080808080
		m7 = 0x7f7f7f7f7f7f7f7f
	)
	n, in := 0, 0 // in is 1 inside a word
	i := 0
	for n <= limit {
		// Printable ASCII only, the common case: adding 0x60 sets the
		// high bit of a byte from ' ' up, and adding 0x5f of a byte from
		// '!' up, the bytes of words.
		// The word starts, one bit a byte, are counted by a multiply that
		// sums the bytes into the top one: a popcount that the compiler
		// guards with a CPU test and a call would spill the loop's
		// registers.
		for rest := s[i:]; len(rest) >= 8 && n <= limit; rest = rest[8:] {
			x := load64(rest, 0)
			if (x+0x60*lo)&^x&hi != hi {
				break
			}
			word := (x + 0x5f*lo) & hi
			starts := word &^ (word<<8 | uint64(in)<<7)
			n += int((starts >> 7 * lo) >> 56)
			in = int(word >> 63)
			i += 8
		}
		if i >= len(s) || n > limit {
			break
		}
		if i+8 <= len(s) {
			x := load64(s, i)
			if x&hi == 0 {
				// ASCII with control bytes: the high bit of each byte of
				// word is set when the byte is neither ' ' nor one of
				// '\t'..'\r'.
				sp := x ^ ' '*lo
				notBlank := ((sp&m7 + m7) | sp) & hi
				ge9 := (x | hi) - '\t'*lo
				ge14 := (x | hi) - ('\r'+1)*lo
				word := notBlank &^ (ge9 &^ ge14 & hi)
				n += bits.OnesCount64(word &^ (word<<8 | uint64(in)<<7))
				in = int(word >> 63)
				i += 8
				continue
			}
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			word := 0
			if !unicode.IsSpace(r) {
				word = 1
			}
			n += word &^ in
			in = word
			i += size
		} else {
			word := int(wordByte[c])
			n += word &^ in
			in = word
			i++
		}
	}
	return min(n, limit+1)
}

// wordByte is 1 for the ASCII bytes that are not white space.
var wordByte = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if !asciiSpace[c] {
			t[c] = 1
		}
	}
	return t
}()

// Quotes, brackets and bullets.

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '}', '»', '›':
		return true
	case '“', '‘':
		// An opening quote glued to the end of a word is a closing quote
		// typed the wrong way round: "decision.“ However".
		return true
	}
	return false
}

// isOpeningQuote reports whether r opens a quotation. The opening quotes
// and brackets are defined once, in internal/punct, for package abbrev too.
func isOpeningQuote(r rune) bool { return abbrev.IsOpeningQuote(r) }

// isOpener reports whether r opens a quotation or a bracket.
func isOpener(r rune) bool { return abbrev.IsOpener(r) }

// trimOpeners removes opening quotes and brackets from the start of s.
func trimOpeners(s string) string {
	if s != "" && asciiWordByte[s[0]] {
		return s // most words start with a letter or a digit, which opens nothing
	}
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if !isOpener(r) {
			break
		}
		s = s[size:]
	}
	return s
}

// trimClosers removes closing quotes and brackets from the end of tok and
// reports whether there were any.
func trimClosers(tok string) (string, bool) {
	end := len(tok)
	// Most tokens end in an ASCII byte that closes nothing ("said."):
	// answer without decoding. Every non-ASCII closer ends in a byte
	// at or above utf8.RuneSelf.
	if end > 0 {
		if c := tok[end-1]; c < utf8.RuneSelf && c != '"' && c != '\'' && c != ')' && c != ']' && c != '}' {
			return tok, false
		}
	}
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(tok[:end])
		if !isCloser(r) {
			break
		}
		end -= size
	}
	return tok[:end], end < len(tok)
}

// trimTrailingPunct removes trailing commas, colons and the like, keeping a
// final period so that "Sen." still matches.
func trimTrailingPunct(s string) string {
	s, _ = trimClosers(s)
	return strings.TrimRight(s, ",;:")
}

// isBulletRune reports whether r is a bullet that marks a list item.
func isBulletRune(r rune) bool {
	switch r {
	case '•', '·', '⁃', '◦', '▪':
		return true
	}
	return false
}

// isBullet reports whether tok is a bullet standing alone.
func isBullet(tok string) bool {
	r, size := utf8.DecodeRuneInString(tok)
	return size == len(tok) && isBulletRune(r)
}

// isItemMark reports whether tok, standing alone, marks an item of a list:
// a bullet, "*", "-" or "–" ("- Revenue rose 5%", "* Powell said").
func isItemMark(tok string) bool {
	return tok == "-" || tok == "*" || tok == "–" || tok == "‣" || isBullet(tok)
}

// trimItemMark removes a leading item mark or dash and the white space after
// it ("— Reporting by", "* Powell said", "- Editing by"); s is returned
// unchanged when it has none.
func trimItemMark(s string) string {
	// Every mark and dash starts with '-', '*' or a multi-byte rune, so a
	// sentence opening with any other ASCII byte (most do) has none.
	if s != "" && s[0] < utf8.RuneSelf && s[0] != '-' && s[0] != '*' && !isSpaceByte(s[0]) {
		return s
	}
	for w := range fieldsForward(s) {
		if len(w) == len(s) || !isItemMark(w) && !isDash(w) {
			return s
		}
		return strings.TrimLeftFunc(s[len(w):], isSpace)
	}
	return s
}

// trimBullets removes leading white space, bullets and the leaders that
// stand in for them ('*', '>', '|', '»', '›') from s.
func trimBullets(s string) string {
	for s != "" {
		c := s[0]
		if c < utf8.RuneSelf {
			if !isSpaceByte(c) && c != '*' && c != '>' && c != '|' {
				return s
			}
			s = s[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s)
		if !isBulletRune(r) && r != '»' && r != '›' {
			return s
		}
		s = s[size:]
	}
	return s
}

// Sentence punctuation and case.

// hasFinalPunct reports whether tok ends in sentence punctuation, possibly
// followed by closing quotes or brackets. Only its last word matters: for
// a line, hasFinalPunct(line) is hasFinalPunct(lastWord(line)), since the
// closers it trims are never white space.
func hasFinalPunct(tok string) bool {
	if tok == "" {
		return false
	}
	switch c := tok[len(tok)-1]; {
	case c == '.', c == '?', c == '!':
		return true // nothing to trim: the commonest sentence end
	case c >= utf8.RuneSelf, c == '"', c == '\'', c == ')', c == ']', c == '}':
	case '0' <= c && c <= '9':
		// A footnote glued to a full stop: "trials.12".
		if _, cited := trimCitations(tok); !cited {
			return false
		}
	default:
		return false // most words end in a letter, a digit or a comma
	}
	tok, _ = trimCitations(tok)
	body, _ := trimClosers(tok)
	r, _ := utf8.DecodeLastRuneInString(body)
	switch r {
	case '.', '?', '!', '…', '。', '？', '！':
		return true
	}
	return false
}

// trimCitations removes the citation and footnote markers that follow a
// full stop at the end of tok: bracketed ones ("ruling.[3]", "revised.[12][13]",
// "said.[a]") and footnote numbers glued to the period after a lower-case
// word ("trials.12"). It reports whether there were any.
func trimCitations(tok string) (string, bool) {
	end := len(tok)
	for end > 0 && tok[end-1] == ']' {
		open := strings.LastIndexByte(tok[:end], '[')
		if open < 0 || end-open-2 < 1 || end-open-2 > 3 || !isASCIIAlnumString(tok[open+1:end-1]) {
			break
		}
		end = open
	}
	if end < len(tok) {
		if end > 0 && (strings.IndexByte(".?!\"')", tok[end-1]) >= 0 || tok[end-1] >= utf8.RuneSelf) {
			return tok[:end], true
		}
		return tok, false
	}
	// "trials.12": one to three digits after a period that follows at
	// least two lower-case letters.
	d := end
	for d > 0 && '0' <= tok[d-1] && tok[d-1] <= '9' {
		d--
	}
	if n := end - d; n < 1 || n > 3 || d < 3 || tok[d-1] != '.' || !isLowerASCII(tok[d-2]) || !isLowerASCII(tok[d-3]) {
		return tok, false
	}
	return tok[:d], true
}

// isFootnoteNumber reports whether tok is a bare footnote number: one to
// three digits.
func isFootnoteNumber(tok string) bool {
	if tok == "" || len(tok) > 3 {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] < '0' || tok[i] > '9' {
			return false
		}
	}
	return true
}

// endsInQuestionOrExclamation reports whether s ends in a question or exclamation mark.
func endsInQuestionOrExclamation(s string) bool {
	body, _ := trimClosers(s)
	r, _ := utf8.DecodeLastRuneInString(body)
	return r == '?' || r == '!' || r == '？' || r == '！'
}

// firstLetter returns the first rune of s after any opening quotes.
func firstLetter(s string) rune {
	// Most tokens start with an ASCII letter or digit, which no opener
	// is: answer at once, without decoding runes one by one.
	if s != "" && asciiWordByte[s[0]] {
		return rune(s[0])
	}
	r, _ := utf8.DecodeRuneInString(trimOpeners(s))
	return r
}

// asciiWordByte marks the ASCII letters and digits.
var asciiWordByte = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func startsLower(s string) bool { return unicode.IsLower(firstLetter(s)) }

func startsUpper(s string) bool { return unicode.IsUpper(firstLetter(s)) }

func startsDigit(s string) bool  { return unicode.IsDigit(firstLetter(s)) }
func startsLetter(s string) bool { return unicode.IsLetter(firstLetter(s)) }

// isDash reports whether tok is a dash standing alone: "-", "--", "—", "–".
func isDash(tok string) bool {
	if tok == "" {
		return false
	}
	for _, r := range tok {
		if r != '-' && r != '—' && r != '–' {
			return false
		}
	}
	return true
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// isAllCaps reports whether s has at least two letters and no lower-case
// letter.
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// lowerASCII writes s lower-cased to buf and returns it, when s is ASCII
// and fits in buf: strings.ToLower would allocate.
func lowerASCII(buf []byte, s string) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b, true
}

func lowerOrDigit(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// isASCIIAlnumString reports whether s is not empty and holds only ASCII
// letters and digits.
func isASCIIAlnumString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIAlnum(s[i]) {
			return false
		}
	}
	return s != ""
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// Numbers, dates and addresses.

// isAmount reports whether s is a number, possibly after a currency code
// glued to its sign ("C$8.75", "US$20", "HK$3").
func isAmount(s string) bool {
	if s == "" || 'a' <= s[len(s)-1]|0x20 && s[len(s)-1]|0x20 <= 'z' {
		return false // a number ends in a digit or a sign; most words in a letter
	}
	i := 0
	for i < len(s) && i < 3 && 'A' <= s[i] && s[i] <= 'Z' {
		i++
	}
	if i > 0 && !startsCurrencySign(s[i:]) {
		return false
	}
	return isNumber(s[i:])
}

// startsCurrencySign reports whether s starts with "$", "€", "£" or "¥".
func startsCurrencySign(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isCurrencySign(r)
}

// startsAmount reports whether tok, after any opening quotes and brackets,
// opens with a number or an amount: "2020", "40%", "$3", "C$8".
func startsAmount(tok string) bool {
	tok = trimOpeners(tok)
	for i, r := range tok {
		switch {
		case '0' <= r && r <= '9':
			return true
		case i < 3 && 'A' <= r && r <= 'Z', isCurrencySign(r):
		default:
			return false
		}
	}
	return false
}

// isCurrencySign reports whether r is "$", "€", "£" or "¥". A switch, not
// strings.ContainsRune: the rules ask it of nearly every word.
func isCurrencySign(r rune) bool {
	switch r {
	case '$', '€', '£', '¥':
		return true
	}
	return false
}

// isNumber reports whether s is a number as news writes one: digits with
// separators, a currency sign or a percent sign ("2014", "100,000",
// "$100.00", "1026.253.553", "5%").
func isNumber(s string) bool {
	digits := 0
	for _, r := range s {
		switch r {
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			digits++
		case '.', ',', ':', '%', '$', '€', '£', '¥', '-':
		default:
			return false
		}
	}
	return digits > 0
}

// isYear reports whether tok is a four-digit year.
func isYear(tok string) bool {
	return len(tok) == 4 && isNumber(tok) && (tok[0] == '1' || tok[0] == '2')
}

// isWebAddress reports whether w looks like a URL, a domain or an e-mail
// address, whose inner periods say nothing about the final one.
func isWebAddress(w string) bool {
	if (len(w) < 4 || w[0]|0x20 != 'w') && !hasColonOrAt(w) {
		return false // the common case, a word: no "://", "@" or "www."
	}
	return strings.Contains(w, "://") || len(w) >= 4 && strings.EqualFold(w[:4], "www.") ||
		strings.Contains(w, "@") && strings.Contains(w[strings.IndexByte(w, '@'):], ".")
}

// hasColonOrAt reports whether w holds ":" or "@", in one pass over a word
// that is usually short.
func hasColonOrAt(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] == ':' || w[i] == '@' {
			return true
		}
	}
	return false
}

// hasInnerDot reports whether s has a period followed by a letter, as a
// domain or a dotted name has ("Example.com").
func hasInnerDot(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && ('a' <= s[i+1] && s[i+1] <= 'z' || 'A' <= s[i+1] && s[i+1] <= 'Z') {
			return true
		}
	}
	return false
}

// trimDatePunct removes from both ends of w the punctuation that separates
// the parts of a date line: commas, periods, bars, brackets, dashes, dots.
func trimDatePunct(w string) string {
	for w != "" {
		r, size := utf8.DecodeRuneInString(w)
		if !isDatePunct(r) {
			break
		}
		w = w[size:]
	}
	for w != "" {
		r, size := utf8.DecodeLastRuneInString(w)
		if !isDatePunct(r) {
			break
		}
		w = w[:len(w)-size]
	}
	return w
}

func isDatePunct(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '|', '(', ')', '[', ']', '-', '/', '·', '•', '–', '—':
		return true
	}
	return false
}

// numberClass classifies a word of a possible date line.
type numberClass uint8

const (
	notNumber   numberClass = iota
	numeral                 // "2022", "10", "21st"
	clockTime               // "10:42", "3:45pm"
	numericDate             // "2022-01-10", "10/01/2022"
)

// clockOrNumber classifies w, a word of a possible date line.
func clockOrNumber(w string) numberClass {
	digits, colons, seps, i := 0, 0, 0, 0
	for ; i < len(w); i++ {
		switch c := w[i]; {
		case '0' <= c && c <= '9':
			digits++
		case c == ':':
			colons++
		case c == '-' || c == '/' || c == '.':
			seps++
		default:
			goto suffix
		}
	}
suffix:
	if digits == 0 {
		return notNumber
	}
	rest := strings.ToLower(w[i:]) // short: only reached for digits first
	switch {
	case colons > 0 && seps == 0 && (rest == "" || rest == "am" || rest == "pm" || rest == "a.m" || rest == "p.m"):
		return clockTime
	case colons == 0 && seps >= 2 && rest == "":
		return numericDate
	case colons == 0 && seps == 0 && (rest == "" || rest == "st" || rest == "nd" || rest == "rd" || rest == "th"):
		return numeral
	}
	return notNumber
}

// load64 reads the eight bytes of s from i as a little-endian word; the
// compiler makes it one load. The word-at-a-time scans use it.
func load64(s string, i int) uint64 {
	w := s[i : i+8] // one bounds check, after which the eight reads need none
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

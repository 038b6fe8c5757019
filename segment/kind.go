package segment

import (
	"bufio"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind says which part of a news page a sentence belongs to. The zero value
// is Body, so a Sentence built by hand, or one of text that has no page
// structure, is body text.
type Kind uint8

const (
	// Body is running text of the article: what a summariser or a
	// translation feed wants. A dateline that opens the first paragraph
	// ("WASHINGTON (AP) — Officials said ...") is part of its Body sentence.
	Body Kind = iota
	// Headline is a headline, a deck or a section heading: a line of its own
	// without final punctuation.
	Headline
	// Meta is information about the article rather than part of it: a
	// dateline, timestamp or read-time line, a byline, a photo caption and
	// its credit ("(AP Photo/Evan Vucci)"), the author's biography.
	Meta
	// Boilerplate is page furniture: kicker labels ("Breaking"),
	// navigation, "Advertisement", "Share this", newsletter prompts,
	// related-story lists, copyright lines, the "About" section of a press
	// release.
	Boilerplate
)

// numKinds is the number of kinds; Kind values below it are valid.
const numKinds = 4

var kindNames = [numKinds]string{"body", "headline", "meta", "boilerplate"}

// String returns the kind's name in lower case: "body", "headline", "meta"
// or "boilerplate".
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// ParseKind returns the kind named s, the inverse of Kind.String. Case and
// surrounding white space are ignored.
func ParseKind(s string) (Kind, error) {
	name := strings.TrimSpace(s)
	for k, n := range kindNames {
		if strings.EqualFold(name, n) {
			return Kind(k), nil
		}
	}
	return Body, fmt.Errorf("segment: unknown kind %q (want one of %s)", s, strings.Join(kindNames[:], ", "))
}

// MarshalText encodes k as its name, so that encoding/json writes
// "headline" rather than a number.
func (k Kind) MarshalText() ([]byte, error) {
	if k >= numKinds {
		return nil, fmt.Errorf("segment: invalid kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText decodes a kind's name, as ParseKind does.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// kindLexicon holds the phrase lists of data/furniture.txt and data/meta.txt.
// Phrases matched case-insensitively are stored as foldKey makes them.
type kindLexicon struct {
	lines     map[string]bool   // whole-line furniture; true when it opens a block
	openers   map[string]opener // by openerKey: the phrases a sentence may start with
	dateWords map[string]bool   // words of a date line; true for a date word, false for filler
	bios      map[string]bool   // verbs after the author's name in a biography
	credits   [256][]string     // photo credit markers by first byte, case-sensitive
	credit2   [256][4]uint64    // by first byte, the set of second bytes of credits
}

// opener lists the phrases that begin with one word, so that a sentence is
// compared only with the phrases that begin with its own first word.
type opener struct {
	prefixes []string // furniture prefixes
	sections []string // headings of a press release's boilerplate section
	bylines  []string // openings of a byline
	date     bool     // a date or filler word: the sentence may be a date line
}

var loadKindLexicon = sync.OnceValues(func() (*kindLexicon, error) {
	lx := &kindLexicon{
		lines:     map[string]bool{},
		openers:   map[string]opener{},
		dateWords: map[string]bool{},
		bios:      map[string]bool{},
	}
	addOpener := func(key string, add func(*opener)) {
		var buf [maxOpener]byte
		w := string(openerKey(buf[:0], key))
		o := lx.openers[w]
		add(&o)
		lx.openers[w] = o
	}
	err := readPhrases("furniture", func(mode, phrase string) error {
		key := string(foldKey(nil, phrase))
		switch mode {
		case "line", "block":
			line := string(lineKey([]byte(key)))
			lx.lines[line] = lx.lines[line] || mode == "block"
		case "prefix":
			addOpener(key, func(o *opener) { o.prefixes = append(o.prefixes, key) })
		case "section":
			addOpener(key, func(o *opener) { o.sections = append(o.sections, key) })
		default:
			return errUnknownMode
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readPhrases("meta", func(mode, phrase string) error {
		key := string(foldKey(nil, phrase))
		switch mode {
		case "date", "filler":
			lx.dateWords[key] = mode == "date"
			addOpener(key, func(o *opener) { o.date = true })
		case "byline":
			addOpener(key, func(o *opener) { o.bylines = append(o.bylines, key) })
		case "bio":
			lx.bios[key] = true
		case "credit":
			if len(phrase) < 2 {
				return errors.New("a credit marker needs two bytes at least")
			}
			c0, c1 := phrase[0], phrase[1]
			lx.credits[c0] = append(lx.credits[c0], phrase)
			lx.credit2[c0][c1/64] |= 1 << (c1 % 64)
		default:
			return errUnknownMode
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for d := '0'; d <= '9'; d++ {
		lx.openers[string(d)] = opener{date: true} // "10:42", "2022-01-10"
	}
	return lx, nil
})

var errUnknownMode = errors.New("unknown mode")

// readPhrases reads data/NAME.txt and parses it with parsePhrases.
func readPhrases(name string, add func(mode, phrase string) error) error {
	b, err := dataFiles.ReadFile("data/" + name + ".txt")
	if err != nil {
		return fmt.Errorf("segment: phrase list %s: %w", name, err)
	}
	return parsePhrases(name, string(b), add)
}

// parsePhrases reads the phrase list called name, whose lines are "MODE
// PHRASE" ('#' comments and blank lines skipped), and calls add for each.
func parsePhrases(name, data string, add func(mode, phrase string) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		mode, phrase, ok := strings.Cut(line, " ")
		phrase = strings.TrimSpace(phrase)
		if !ok || phrase == "" {
			return fmt.Errorf("segment: phrase list %s: line %d: %q is not MODE PHRASE", name, n, line)
		}
		if err := add(mode, phrase); err != nil {
			return fmt.Errorf("segment: phrase list %s: line %d: %q: %w", name, n, line, err)
		}
	}
	return sc.Err()
}

// maxKey bounds the bytes of a sentence that foldKey looks at: furniture
// phrases are short, and longer sentences only need their beginning.
const maxKey = 128

// foldKey appends to buf s lower-cased (ASCII letters only), its runs of
// white space collapsed to one space and its leading white space and
// bullets removed, stopping when buf holds maxKey bytes.
func foldKey(buf []byte, s string) []byte {
	s = trimBullets(s)
	space := false
	for i := 0; i < len(s) && len(buf) < maxKey-1; i++ {
		c := s[i]
		switch {
		case c == ' ' || '\t' <= c && c <= '\r':
			space = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = append(buf, c)
	}
	return buf
}

// trimBullets removes leading white space and bullets from s.
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
		if r != '•' && r != '·' && r != '»' && r != '›' {
			return s
		}
		s = s[size:]
	}
	return s
}

// maxOpener bounds the key openerKey makes.
const maxOpener = 16

// openerKey appends to buf the key of the first word of s, which lexicon
// phrases are indexed by: after leading bullets and opening brackets, the
// run of ASCII letters lower-cased (at most maxOpener bytes), or when s does
// not start with one, its first rune ("©").
func openerKey(buf []byte, s string) []byte {
	s = trimBullets(s)
	for s != "" && (s[0] == '(' || s[0] == '[') {
		s = s[1:]
	}
	for i := 0; i < len(s) && i < maxOpener; i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			if i == 0 {
				_, size := utf8.DecodeRuneInString(s)
				return append(buf, s[:size]...)
			}
			return buf
		}
		buf = append(buf, c)
	}
	return buf
}

// lineKey trims what may trail a furniture label from key: colons,
// periods, arrows, closing guillemets.
func lineKey(key []byte) []byte {
	for len(key) > 0 {
		r, size := utf8.DecodeLastRune(key)
		if !strings.ContainsRune(" .:!»›>|…→", r) {
			break
		}
		key = key[:len(key)-size]
	}
	return key
}

// hasFoldPrefix reports whether s, after leading white space and bullets,
// starts with phrase p (as foldKey makes it) at a word boundary, comparing
// ASCII letters without case and any run of white space in s as one space.
// It returns as soon as a byte differs, which for most sentences is the
// first or second.
func hasFoldPrefix(s, p string) bool {
	s = trimBullets(s)
	i := 0
	for j := 0; j < len(p); j++ {
		if i >= len(s) {
			return false
		}
		c := s[i]
		if p[j] == ' ' {
			if !isSpaceByte(c) {
				return false
			}
			for i < len(s) && isSpaceByte(s[i]) {
				i++
			}
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[j] {
			return false
		}
		i++
	}
	return i == len(s) || !isASCIIAlnum(p[len(p)-1]) || !isASCIIAlnum(s[i])
}

func isSpaceByte(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// startsCredit reports whether s opens with a photo credit marker.
func (lx *kindLexicon) startsCredit(s string) bool {
	if len(s) < 2 || lx.credit2[s[0]][s[1]/64]&(1<<(s[1]%64)) == 0 {
		return false
	}
	for _, m := range lx.credits[s[0]] {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// hasCredit reports whether s holds a photo credit marker anywhere.
func (lx *kindLexicon) hasCredit(s string) bool {
	for i := range len(s) {
		if lx.startsCredit(s[i:]) {
			return true
		}
	}
	return false
}

// hasPrefix reports whether s opens with one of phrases.
func hasPrefix(s string, phrases []string) bool {
	for _, p := range phrases {
		if hasFoldPrefix(s, p) {
			return true
		}
	}
	return false
}

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

// isBio reports whether s opens a biography of author: the name (or the
// surname alone) followed by a comma or a verb such as "is" or "writes".
func (lx *kindLexicon) isBio(s, author string) bool {
	s = strings.TrimLeft(s, " *_—–-(")
	names := [2]string{author, lastWord(author)}
	for _, name := range names {
		if name == "" || len(s) <= len(name) || !strings.EqualFold(s[:len(name)], name) {
			continue
		}
		rest := s[len(name):]
		if rest[0] == ',' {
			return true
		}
		for w := range fieldsForward(rest) {
			var buf [16]byte
			if len(w) <= len(buf) && lx.bios[string(foldKey(buf[:0], w))] {
				return true
			}
			break
		}
	}
	return false
}

// isDateLine reports whether s, a short line of its own, is a date, time or
// read-time line: only date words, filler words, numbers and clock times,
// with at least one date word, clock time or numeric date.
func (lx *kindLexicon) isDateLine(s string) bool {
	strong := false
	for w := range fieldsForward(s) {
		w = trimDatePunct(w)
		if w == "" {
			continue
		}
		switch c := clockOrNumber(w); c {
		case isNumeral:
			continue
		case isClock, isDate:
			strong = true
			continue
		}
		// A number glued to its unit ("5min", "3pm"), a zone with its
		// offset ("GMT-3", "UTC+01:00").
		unit := w
		for unit != "" && '0' <= unit[0] && unit[0] <= '9' {
			unit = unit[1:]
		}
		if i := strings.IndexAny(unit, "+-"); i > 0 && clockOrNumber(unit[i+1:]) >= isNumeral {
			unit = unit[:i]
		}
		var buf [16]byte
		if len(unit) > len(buf) {
			return false
		}
		date, ok := lx.dateWords[string(foldKey(buf[:0], unit))]
		if !ok {
			return false
		}
		strong = strong || date || len(unit) < len(w)
	}
	return strong
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

// numeral classes for isDateLine.
const (
	notNumeral = iota
	isNumeral  // "2022", "10", "21st"
	isClock    // "10:42", "3:45pm"
	isDate     // "2022-01-10", "10/01/2022"
)

// clockOrNumber classifies w, a word of a possible date line.
func clockOrNumber(w string) int {
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
		return notNumeral
	}
	rest := strings.ToLower(w[i:]) // short: only reached for digits first
	switch {
	case colons > 0 && seps == 0 && (rest == "" || rest == "am" || rest == "pm" || rest == "a.m" || rest == "p.m"):
		return isClock
	case colons == 0 && seps >= 2 && rest == "":
		return isDate
	case colons == 0 && seps == 0 && (rest == "" || rest == "st" || rest == "nd" || rest == "rd" || rest == "th"):
		return isNumeral
	}
	return notNumeral
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

// countWords counts the words of s separated by ASCII white space,
// stopping at limit+1.
func countWords(s string, limit int) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		if asciiSpace[s[i]] {
			in = false
		} else if !in {
			in = true
			if n++; n > limit {
				break
			}
		}
	}
	return n
}

// asciiSpace marks the ASCII white space bytes.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

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
func (c *classifier) classify(lx *kindLexicon, s string, from where, ends bool, next string) Kind {
	byline := false
	k := c.decide(lx, s, from, ends, next, &byline)
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

func (c *classifier) decide(lx *kindLexicon, s string, from where, ends bool, next string, isByline *bool) Kind {
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
	if len(s) > maxLineBytes || final && !c.furniture && len(s) > maxMetaBytes && !endsInQuestion(s) {
		return Body
	}
	words := countWords(s, maxHeadline)
	if words > maxHeadline || final && words > maxFurniture && !endsInQuestion(s) {
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
		case !endsInQuestion(s) || startsLower(s):
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

// endsInQuestion reports whether s ends in a question or exclamation mark.
func endsInQuestion(s string) bool {
	body, _ := trimClosers(s)
	r, _ := utf8.DecodeLastRuneInString(body)
	return r == '?' || r == '!' || r == '？' || r == '！'
}

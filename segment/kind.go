package segment

import (
	"bufio"
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
	lines     map[string]bool // whole-line furniture; true when it opens a block
	prefixes  []string        // beginnings of furniture lines
	sections  []string        // headings of a press release's boilerplate section
	dateWords map[string]bool // words of a date line; true for a date word, false for filler
	bylines   []string        // openings of a byline
	bios      map[string]bool // verbs after the author's name in a biography
	credits   []string        // photo credit markers, case-sensitive

	creditFirst [256]bool // first bytes of credits
}

var loadKindLexicon = sync.OnceValues(func() (*kindLexicon, error) {
	lx := &kindLexicon{lines: map[string]bool{}, dateWords: map[string]bool{}, bios: map[string]bool{}}
	err := readPhrases("furniture", func(mode, phrase string) bool {
		key := string(foldKey(nil, phrase))
		switch mode {
		case "line", "block":
			line := string(lineKey([]byte(key)))
			lx.lines[line] = lx.lines[line] || mode == "block"
		case "prefix":
			lx.prefixes = append(lx.prefixes, key)
		case "section":
			lx.sections = append(lx.sections, key)
		default:
			return false
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	err = readPhrases("meta", func(mode, phrase string) bool {
		key := string(foldKey(nil, phrase))
		switch mode {
		case "date", "filler":
			lx.dateWords[key] = mode == "date"
		case "byline":
			lx.bylines = append(lx.bylines, key)
		case "bio":
			lx.bios[key] = true
		case "credit":
			lx.credits = append(lx.credits, phrase)
			lx.creditFirst[phrase[0]] = true
		default:
			return false
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return lx, nil
})

// readPhrases reads data/NAME.txt, whose lines are "MODE PHRASE" ('#'
// comments and blank lines skipped), and calls add for each; add reports
// whether it knows the mode.
func readPhrases(name string, add func(mode, phrase string) bool) error {
	b, err := dataFiles.ReadFile("data/" + name + ".txt")
	if err != nil {
		return fmt.Errorf("segment: phrase list %s: %w", name, err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
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
		if !add(mode, phrase) {
			return fmt.Errorf("segment: phrase list %s: line %d: unknown mode %q", name, n, mode)
		}
	}
	return sc.Err()
}

// maxKey bounds the bytes of a sentence that foldKey looks at: furniture
// phrases are short, and longer sentences only need their beginning.
const maxKey = 128

// foldKey appends to buf the first maxKey bytes of s lower-cased (ASCII
// letters only), its runs of white space collapsed to one space and its
// leading white space and bullets removed.
func foldKey(buf []byte, s string) []byte {
	s = strings.TrimLeft(s, " \t\r\n•·*»›>|")
	space := false
	for i := 0; i < len(s) && len(buf) < maxKey; i++ {
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

// hasWordPrefix reports whether key starts with p at a word boundary.
func hasWordPrefix(key []byte, p string) bool {
	if len(key) < len(p) || string(key[:len(p)]) != p {
		return false
	}
	if len(key) == len(p) {
		return true
	}
	last, next := p[len(p)-1], key[len(p)]
	return !isASCIIAlnum(last) || !isASCIIAlnum(next)
}

func isSpaceByte(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// startsCredit reports whether s opens with a photo credit marker.
func (lx *kindLexicon) startsCredit(s string) bool {
	if s == "" || !lx.creditFirst[s[0]] {
		return false
	}
	for _, m := range lx.credits {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// hasCredit reports whether s holds a photo credit marker anywhere.
func (lx *kindLexicon) hasCredit(s string) bool {
	for _, m := range lx.credits {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// furniturePrefix reports whether key, a sentence as foldKey makes it,
// opens with a furniture phrase.
func (lx *kindLexicon) furniturePrefix(key []byte) bool {
	for _, p := range lx.prefixes {
		if hasWordPrefix(key, p) {
			return true
		}
	}
	return false
}

// sectionHeading reports whether s, a short line of its own, heads the
// boilerplate section of a press release: a section phrase followed by
// capitalised words only ("About Acme Corp.").
func (lx *kindLexicon) sectionHeading(key []byte, s string, words int) bool {
	if words < 2 || words > 6 {
		return false
	}
	for _, p := range lx.sections {
		if !hasWordPrefix(key, p) || len(key) == len(p) {
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
func (lx *kindLexicon) byline(s string, words int) (string, bool) {
	if words < 2 || words > 12 {
		return "", false
	}
	if body, _ := trimClosers(s); strings.HasSuffix(body, ".") {
		return "", false // a sentence: "By Tuesday, officials had agreed."
	}
	s = strings.TrimLeft(s, "([")
	for _, b := range lx.bylines {
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
		w = strings.Trim(w, ",.;:|()[]·•–—-/")
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
		// A number glued to its unit: "5min", "3pm".
		unit := strings.TrimLeft(w, "0123456789")
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

// countWords counts the white-space separated words of s, stopping at
// limit+1.
func countWords(s string, limit int) int {
	n := 0
	for range fieldsForward(s) {
		if n++; n > limit {
			break
		}
	}
	return n
}

// Limits, in words, of the structural cues.
const (
	maxShortLine  = 40 // longer sentences are Body whatever their position
	maxHeadline   = 25 // a headline before the body
	maxSubhead    = 15 // a section heading inside the body
	maxCreditLine = 12 // a line searched for a credit marker
	maxFurniture  = 20 // a line inside a furniture block
	maxLabel      = 2  // a line this short without final punctuation is a label
	maxCapsLabel  = 4  // an all-capitals line this short is a label
	maxRoleLine   = 5  // the line after a byline ("Associated Press")
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
	for i := end; i < len(text); {
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
	return k
}

func (c *classifier) decide(lx *kindLexicon, s string, from where, ends bool, next string, byline *bool) Kind {
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
	var buf [maxKey]byte
	var key []byte
	if from != startText {
		key = foldKey(buf[:0], s)
		if lx.furniturePrefix(key) {
			c.carrying, c.carry = true, Boilerplate
			return Boilerplate
		}
		if from == startParagraph && c.body && c.author != "" && lx.isBio(s, c.author) {
			c.carrying, c.carry = true, Meta
			return Meta
		}
	}
	if from == startText {
		return Body
	}
	final := hasFinalPunct(lastWord(s))
	if !ends {
		// It starts a line but ends inside it: running text, or a dateline
		// the boundary rules split from the sentence it runs into.
		if !final && countWords(s, maxHeadline) <= maxHeadline && lx.isDateLine(s) {
			return Meta
		}
		return Body
	}
	// A line or paragraph of its own.
	words := countWords(s, maxShortLine)
	if words > maxShortLine {
		return Body
	}
	if len(key) < maxKey {
		if block, ok := lx.lines[string(lineKey(key))]; ok {
			c.furniture = c.furniture || block && c.body
			return Boilerplate
		}
	}
	if c.body && lx.sectionHeading(key, s, words) {
		c.section = true
		return Boilerplate
	}
	if words <= maxCreditLine && lx.hasCredit(s) {
		return Meta
	}
	if name, ok := lx.byline(s, words); ok {
		*byline = true
		c.author = name
		return Meta
	}
	if lx.isDateLine(s) {
		return Meta
	}
	if c.furniture && words <= maxFurniture {
		return Boilerplate
	}
	if final {
		if !c.body && !c.headline && words <= maxHeadline && endsInQuestion(s) {
			return Headline
		}
		return Body
	}
	switch {
	case words <= maxLabel || words <= maxCapsLabel && isAllCaps(s):
		return Boilerplate
	case c.byline && !c.body && words <= maxRoleLine:
		return Meta // "Associated Press" under "By Jane Doe"
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

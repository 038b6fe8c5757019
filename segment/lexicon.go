package segment

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsseg/newsseg/abbrev"
)

//go:embed data/*.txt
var dataFiles embed.FS

// lexicon holds every embedded word and phrase list, read once per process
// and never written after: the word lists the layout and the boundary rules
// read, and the phrase lists of data/furniture.txt and data/meta.txt that
// the classifier and the date-line rules share. Phrases matched without
// case are stored as foldKey makes them.
type lexicon struct {
	continuers    map[abbrev.Kind]wordList // by abbreviation kind, capitalised words that continue after it ("U.S. Navy")
	placePrefixes wordList                 // place words before a saint's name ("Port St. Lucie")
	wrapWords     wordList                 // words a headline or label cannot end with
	prepositions  wordList                 // openers of a fronted phrase ("At 5 a.m.")
	brandMarks    wordList                 // names spelt with "!" ("Yahoo!")
	legalForms    wordList                 // company legal forms without a period ("LLC", "GmbH")

	lines     map[string]bool    // whole-line furniture; true when it opens a block
	linesMax  int                // the length of the longest key of lines
	openers   map[string]*opener // by openerKey: the phrases a sentence may start with
	dateWords map[string]bool    // words of a date line; true for a date word, false for filler
	bios      map[string]bool    // verbs after the author's name in a biography
	credits   [256][]string      // photo credit markers by first byte, case-sensitive
	credit2   [256][4]uint64     // by first byte, the set of second bytes of credits
	credit1   [256]bool          // the first bytes of credits
	openKeys  [256]uint32        // by first byte of an openers key, the set of its lengths
	prefKeys  [256]uint32        // openKeys of the openers with furniture prefixes
	dateKeys  [256]uint32        // by first byte of a dateWords key, the set of its lengths
}

// opener lists the phrases that begin with one word, so that a sentence is
// compared only with the phrases that begin with its own first word.
type opener struct {
	prefixes []string // furniture prefixes
	sections []string // headings of a press release's boilerplate section
	bylines  []string // openings of a byline
	date     bool     // a date or filler word: the sentence may be a date line
}

// loadLexicon reads the embedded lists once per process; every Segmenter
// that no list option changed shares the result.
var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	lx := newLexicon()
	var err error
	if err := loadPhrases("continuers", lx.addContinuer); err != nil {
		return nil, err
	}
	if lx.placePrefixes, err = loadWordList("placeprefixes", true); err != nil {
		return nil, err
	}
	if lx.wrapWords, err = loadWordList("wrapwords", true); err != nil {
		return nil, err
	}
	if lx.prepositions, err = loadWordList("prepositions", true); err != nil {
		return nil, err
	}
	if lx.brandMarks, err = loadWordList("brandmarks", false); err != nil {
		return nil, err
	}
	if lx.legalForms, err = loadWordList("legalforms", false); err != nil {
		return nil, err
	}
	if err := loadPhrases("furniture", lx.addFurniture); err != nil {
		return nil, err
	}
	if err := loadPhrases("meta", lx.addMeta); err != nil {
		return nil, err
	}
	return lx, nil
})

// newLexicon returns a lexicon with empty phrase lists.
func newLexicon() *lexicon {
	lx := &lexicon{
		continuers: map[abbrev.Kind]wordList{},
		lines:      map[string]bool{},
		openers:    map[string]*opener{},
		dateWords:  map[string]bool{},
		bios:       map[string]bool{},
	}
	lx.addDigitOpeners()
	return lx
}

// addDigitOpeners lets a sentence that opens with a digit be a date line
// ("10:42", "2022-01-10"), whatever the meta list holds.
func (lx *lexicon) addDigitOpeners() {
	for d := '0'; d <= '9'; d++ {
		lx.opener(string(d)).date = true
	}
}

// opener returns the entry of openers for the first word of phrase,
// adding it if need be.
func (lx *lexicon) opener(phrase string) *opener {
	var buf [maxOpener]byte
	w := string(openerKey(buf[:0], phrase))
	o := lx.openers[w]
	if o == nil {
		o = &opener{}
		lx.openers[w] = o
		if w != "" {
			lx.openKeys[w[0]] |= 1 << len(w)
		}
	}
	return o
}

// lookupOpener returns the entry of openers for the first word of s, as
// openerKey makes it, or nil. Most sentences open with a word that opens no
// phrase; the table of first bytes and lengths turns most of them away
// before the key is built or hashed.
func (lx *lexicon) lookupOpener(s string) *opener {
	w, letters := openerWord(s)
	return lx.lookupWord(w, letters)
}

// lookupWord is lookupOpener of the word openerWord returns.
func (lx *lexicon) lookupWord(w string, letters bool) *opener {
	if !mayOpen(&lx.openKeys, w, letters) {
		return nil
	}
	if !letters {
		return lx.openers[w]
	}
	var buf [maxOpener]byte
	key := buf[:len(w)]
	for i := range key {
		key[i] = w[i] | ('a' - 'A')
	}
	return lx.openers[string(key)]
}

// addFurniture adds one entry of the furniture list (data/furniture.txt).
func (lx *lexicon) addFurniture(mode, phrase string) error {
	key := string(foldKey(nil, phrase))
	switch mode {
	case "line", "block":
		line := string(lineKey([]byte(key)))
		lx.lines[line] = lx.lines[line] || mode == "block"
		lx.linesMax = max(lx.linesMax, len(line))
	case "prefix":
		o := lx.opener(key)
		o.prefixes = append(o.prefixes, key)
		if w := openerKey(nil, key); len(w) > 0 {
			lx.prefKeys[w[0]] |= 1 << len(w)
		}
	case "section":
		o := lx.opener(key)
		o.sections = append(o.sections, key)
	default:
		return errUnknownMode
	}
	return nil
}

// addMeta adds one entry of the meta list (data/meta.txt).
func (lx *lexicon) addMeta(mode, phrase string) error {
	key := string(foldKey(nil, phrase))
	switch mode {
	case "date", "filler":
		lx.dateWords[key] = mode == "date"
		if key != "" && len(key) < 32 {
			lx.dateKeys[key[0]] |= 1 << len(key)
		}
		lx.opener(key).date = true
	case "byline":
		o := lx.opener(key)
		o.bylines = append(o.bylines, key)
	case "bio":
		lx.bios[key] = true
	case "credit":
		if len(phrase) < 2 {
			return errors.New("a credit marker needs two bytes at least")
		}
		c0, c1 := phrase[0], phrase[1]
		lx.credits[c0] = append(lx.credits[c0], phrase)
		lx.credit2[c0][c1/64] |= 1 << (c1 % 64)
		lx.credit1[c0] = true
	default:
		return errUnknownMode
	}
	return nil
}

// clearFurniture empties the furniture list, for WithFurniture.
func (lx *lexicon) clearFurniture() {
	clear(lx.lines)
	lx.linesMax = 0
	lx.prefKeys = [256]uint32{}
	for _, o := range lx.openers {
		o.prefixes, o.sections = nil, nil
	}
}

// clearMeta empties the meta list, for WithMeta.
func (lx *lexicon) clearMeta() {
	clear(lx.dateWords)
	clear(lx.bios)
	lx.credits = [256][]string{}
	lx.credit2 = [256][4]uint64{}
	lx.credit1 = [256]bool{}
	for _, o := range lx.openers {
		o.bylines, o.date = nil, false
	}
	lx.addDigitOpeners()
}

// clone returns a copy of lx that the list options may change without
// touching lx, which other Segmenters share. The word lists no option
// changes stay shared.
func (lx *lexicon) clone() *lexicon {
	c := *lx
	c.continuers = make(map[abbrev.Kind]wordList, len(lx.continuers))
	for k, l := range lx.continuers {
		c.continuers[k] = maps.Clone(l)
	}
	if l, ok := c.continuers[abbrev.General]; ok {
		c.continuers[abbrev.State] = l // one list, as addContinuer keeps it
	}
	c.lines = maps.Clone(lx.lines)
	c.dateWords = maps.Clone(lx.dateWords)
	c.bios = maps.Clone(lx.bios)
	c.openers = make(map[string]*opener, len(lx.openers))
	for k, o := range lx.openers {
		c.openers[k] = &opener{
			prefixes: slices.Clip(o.prefixes),
			sections: slices.Clip(o.sections),
			bylines:  slices.Clip(o.bylines),
			date:     o.date,
		}
	}
	for i := range c.credits {
		c.credits[i] = slices.Clip(lx.credits[i])
	}
	return &c
}

var errUnknownMode = errors.New("unknown mode")

// scanEntries calls fn for each entry of r, in the line format of
// abbrev.ScanLines, which the abbreviation lexicon shares. An error names
// the line.
func scanEntries(r io.Reader, fn func(line string) error) error {
	return abbrev.ScanLines(r, func(n int, line string) error {
		if err := fn(line); err != nil {
			return fmt.Errorf("line %d: %q: %w", n, line, err)
		}
		return nil
	})
}

// readData calls fn for each entry of data, the embedded list called name.
func readData(kind, name, data string, fn func(line string) error) error {
	if err := scanEntries(strings.NewReader(data), fn); err != nil {
		return fmt.Errorf("segment: %s %s: %w", kind, name, err)
	}
	return nil
}

// wordList is a set of words read from one of the embedded data files.
type wordList map[string]struct{}

// loadWordList reads data/NAME.txt, one word a line. With fold, words are
// stored lower-cased.
func loadWordList(name string, fold bool) (wordList, error) {
	b, err := dataFiles.ReadFile("data/" + name + ".txt")
	if err != nil {
		return nil, fmt.Errorf("segment: word list %s: %w", name, err)
	}
	words := wordList{}
	err = readData("word list", name, string(b), words.adder(fold))
	return words, err
}

// adder returns the function that adds one entry of a word list to l.
func (l wordList) adder(fold bool) func(line string) error {
	return func(line string) error {
		if strings.ContainsAny(line, " \t") {
			return errors.New("not one word")
		}
		if fold {
			line = strings.ToLower(line)
		}
		l[line] = struct{}{}
		return nil
	}
}

// addContinuer adds one entry of the continuer list (data/continuers.txt):
// mode is an abbreviation kind that may end a sentence, and word a word
// that continues after it. State abbreviations share the words of General
// ones: the two kinds hold one list.
func (lx *lexicon) addContinuer(mode, word string) error {
	kind, err := abbrev.ParseKind(mode)
	if err != nil {
		return err
	}
	switch {
	case kind != abbrev.General && kind != abbrev.Company && kind != abbrev.Time:
		return fmt.Errorf("kind %s takes no continuers", kind)
	case strings.ContainsAny(word, " \t"):
		return errors.New("not one word")
	}
	l := lx.continuers[kind]
	if l == nil {
		l = wordList{}
		lx.continuers[kind] = l
		if kind == abbrev.General {
			lx.continuers[abbrev.State] = l
		}
	}
	l[word] = struct{}{}
	return nil
}

// clearContinuers empties the continuer list, for WithContinuers.
func (lx *lexicon) clearContinuers() {
	lx.continuers = map[abbrev.Kind]wordList{}
}

// has reports whether w is in the list.
func (l wordList) has(w string) bool {
	_, ok := l[w]
	return ok
}

// hasFold reports whether w, lower-cased, is in a list loaded with fold.
func (l wordList) hasFold(w string) bool {
	if _, ok := l[w]; ok {
		return true
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			// The layout asks about the last word of every line, often
			// capitalised: lower-case it on the stack when it is ASCII.
			var buf [32]byte
			if b, ok := lowerASCII(buf[:], w); ok {
				_, ok := l[string(b)]
				return ok
			}
			_, ok := l[strings.ToLower(w)]
			return ok
		}
	}
	return false
}

// loadPhrases reads data/NAME.txt and parses it with parsePhrases.
func loadPhrases(name string, add func(mode, phrase string) error) error {
	b, err := dataFiles.ReadFile("data/" + name + ".txt")
	if err != nil {
		return fmt.Errorf("segment: phrase list %s: %w", name, err)
	}
	return parsePhrases(name, string(b), add)
}

// parsePhrases reads the phrase list called name, whose entries are "MODE
// PHRASE", and calls add for each.
func parsePhrases(name, data string, add func(mode, phrase string) error) error {
	return readData("phrase list", name, data, phraseAdder(add))
}

// phraseAdder returns the function that splits one entry of a phrase list
// into its mode and phrase and passes them to add.
func phraseAdder(add func(mode, phrase string) error) func(line string) error {
	return func(line string) error {
		mode, phrase, ok := strings.Cut(line, " ")
		phrase = strings.TrimSpace(phrase)
		if !ok || phrase == "" {
			return errors.New("not MODE PHRASE")
		}
		return add(mode, phrase)
	}
}

// lookupFold looks w up, folded as foldKey folds it, in m, whose keys are
// short words; it allocates nothing.
func lookupFold[V any](m map[string]V, w string) (V, bool) {
	var buf [maxWord]byte
	if len(w) > len(buf) {
		var zero V
		return zero, false
	}
	v, ok := m[string(foldWord(&buf, w))]
	return v, ok
}

// maxWord bounds the words lookupFold and lookupDate look up.
const maxWord = 16

// foldWord returns foldKey(buf[:0], w) for w of at most maxWord bytes. A
// word has no white space to collapse: once its leading bullets are
// trimmed, it is only lower-cased, by index into buf. A w with white space
// is left to foldKey.
func foldWord(buf *[maxWord]byte, w string) []byte {
	w = trimBullets(w)
	key := buf[:len(w)]
	for i := range key {
		c := w[i]
		if c <= ' ' && isSpaceByte(c) {
			return foldKey(buf[:0], w)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key[i] = c
	}
	return key
}

// lookupDate is lookupFold of dateWords. Most words of a sentence that
// opens with a filler word ("The") are no date word; the table of first
// bytes and lengths turns most of them away without hashing them.
func (lx *lexicon) lookupDate(w string) (date, ok bool) {
	var buf [maxWord]byte
	if len(w) > len(buf) {
		return false, false
	}
	key := foldWord(&buf, w)
	if len(key) > 0 && lx.dateKeys[key[0]]&(1<<len(key)) == 0 {
		return false, false
	}
	date, ok = lx.dateWords[string(key)]
	return date, ok
}

// isDateWord reports whether w, without its date punctuation, is a date
// word (a weekday, a month) or a number, as a date line opens with.
func (lx *lexicon) isDateWord(w string) bool {
	w = trimDatePunct(w)
	date := isNumber(w)
	if !date {
		date, _ = lx.lookupDate(w)
	}
	return date
}

// maxKey bounds the bytes of a sentence that foldKey looks at: furniture
// phrases are short, and longer sentences only need their beginning.
const maxKey = 128

// foldKey appends to buf s lower-cased (ASCII letters only), its runs of
// white space collapsed to one space and its leading white space and
// bullets removed, stopping when buf holds maxKey bytes.
func foldKey(buf []byte, s string) []byte {
	key, _ := foldLine(buf, s, maxKey)
	return key
}

// foldLine is foldKey, but gives up, reporting false, as soon as the key
// has an ASCII letter or digit past its first longest bytes: lineKey trims
// no such byte, so the line's key would be longer than longest. The
// classifier asks for the key of every short line, and furniture lines are
// shorter than most.
func foldLine(buf []byte, s string, longest int) ([]byte, bool) {
	s = trimBullets(s)
	space := false
	for i := 0; i < len(s) && len(buf) < maxKey-1; i++ {
		c := s[i]
		if c <= ' ' && isSpaceByte(c) {
			space = true
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
		if len(buf) > longest && isASCIIAlnum(c) {
			return buf, false
		}
	}
	return buf, true
}

// lookupLine looks s up in lines, folded by foldKey and trimmed by lineKey,
// and reports whether it is a furniture line and whether it opens a block.
func (lx *lexicon) lookupLine(s string) (block, ok bool) {
	var buf [maxKey]byte
	key, short := foldLine(buf[:0], s, lx.linesMax)
	if !short {
		return false, false
	}
	block, ok = lx.lines[string(lineKey(key))]
	return block, ok
}

// maxOpener bounds the key openerKey makes.
const maxOpener = 16

// mayOpen reports whether w, as openerWord returns it, may be the first word
// of a phrase: whether keys, a table of the first bytes and lengths of
// opener keys, holds the first byte and length of w's key.
func mayOpen(keys *[256]uint32, w string, letters bool) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if letters {
		c |= 'a' - 'A'
	}
	return keys[c]&(1<<len(w)) != 0
}

// openerKey appends to buf the key of the first word of s, which lexicon
// phrases are indexed by: after leading bullets and opening brackets, the
// run of ASCII letters lower-cased (at most maxOpener bytes), or when s does
// not start with one, its first rune ("©").
func openerKey(buf []byte, s string) []byte {
	w, letters := openerWord(s)
	return appendOpener(buf, w, letters)
}

// openerWord returns the bytes of s that openerKey makes its key of, and
// whether they are ASCII letters (which the key holds lower-cased) rather
// than one rune (which it holds as it is).
func openerWord(s string) (string, bool) {
	if s == "" || !isASCIILetter(s[0]) { // most sentences open with a letter
		s = trimBullets(s)
		for s != "" && (s[0] == '(' || s[0] == '[') {
			s = s[1:]
		}
	}
	n := 0
	for n < len(s) && n < maxOpener && isASCIILetter(s[n]) {
		n++
	}
	if n == 0 {
		_, size := utf8.DecodeRuneInString(s)
		return s[:size], false
	}
	return s[:n], true
}

// appendOpener appends w, as openerWord returns it, to buf as its key.
func appendOpener(buf []byte, w string, letters bool) []byte {
	if !letters {
		return append(buf, w...)
	}
	for i := range len(w) {
		buf = append(buf, w[i]|('a'-'A'))
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

// startsCredit reports whether s opens with a photo credit marker.
func (lx *lexicon) startsCredit(s string) bool {
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

// hasCredit reports whether s holds a photo credit marker anywhere. It
// tests every byte, so the test is one load: whether a marker starts with
// it. A marker has two bytes at least, so the last byte starts none.
func (lx *lexicon) hasCredit(s string) bool {
	for i := range len(s) - 1 {
		if lx.credit1[s[i]] && lx.startsCredit(s[i:]) {
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

// isBio reports whether s opens a biography of author: the name (or the
// surname alone) followed by a comma or a verb such as "is" or "writes".
func (lx *lexicon) isBio(s, author string) bool {
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
			if bio, _ := lookupFold(lx.bios, w); bio {
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
func (lx *lexicon) isDateLine(s string) bool {
	strong := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if n := spaceAt(s, i); n > 0 {
			i += n
			continue
		}
		// The words of s, as fieldsForward cuts them: stepping a byte at
		// a time finds the same spaces, as no rune starts inside another.
		start := i
		for i++; i < len(s); i++ {
			if c := s[i]; c < utf8.RuneSelf && !asciiSpace[c] {
				continue
			}
			if spaceAt(s, i) > 0 {
				break
			}
		}
		w := s[start:i]
		// Most words start and end with a letter or a digit, which is no
		// date punctuation, and a word that starts with a letter is no
		// number.
		if !asciiWordByte[w[0]] || !asciiWordByte[w[len(w)-1]] {
			w = trimDatePunct(w)
			if w == "" {
				continue
			}
		}
		if !isASCIILetter(w[0]) {
			switch c := clockOrNumber(w); c {
			case numeral:
				continue
			case clockTime, numericDate:
				strong = true
				continue
			}
		}
		// A number glued to its unit ("5min", "3pm"), a zone with its
		// offset ("GMT-3", "UTC+01:00").
		unit := w
		for unit != "" && '0' <= unit[0] && unit[0] <= '9' {
			unit = unit[1:]
		}
		if i := indexSign(unit); i > 0 && clockOrNumber(unit[i+1:]) >= numeral {
			unit = unit[:i]
		}
		date, ok := lx.lookupDate(unit)
		if !ok {
			return false
		}
		strong = strong || date || len(unit) < len(w)
	}
	return strong
}

// indexSign returns the offset of the first '+' or '-' of s, or -1:
// strings.IndexAny, without building its set of bytes at every word.
func indexSign(s string) int {
	for i := range len(s) {
		if s[i] == '+' || s[i] == '-' {
			return i
		}
	}
	return -1
}

// isASCIILetter reports whether c is an ASCII letter: setting the bit that
// lower-cases a capital leaves the letters, and only them, in 'a'..'z'.
func isASCIILetter(c byte) bool {
	c |= 'a' - 'A'
	return 'a' <= c && c <= 'z'
}

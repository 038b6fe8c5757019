package segment

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsseg/newsseg/abbrev"
)

// Sentence is one sentence of a text: Text is input[Start:End], where Start
// and End are byte offsets into the input given to Segment. Text never starts
// or ends with white space; white space inside it (newlines included) is kept
// as it was in the input. Kind says which part of the page the sentence
// belongs to (see the package documentation, "Kinds"); its zero value is
// [Body].
//
// In JSON a Sentence is {"text":...,"start":0,"end":42,"kind":"body"}, the
// keys and values the command newsseg writes.
type Sentence struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  Kind   `json:"kind"`
}

// Segmenter splits English news text into sentences. Create one with [New]
// to change its settings; the zero value is ready to use and gives exactly
// what New() gives, and so does a nil *Segmenter. A *Segmenter is safe for
// concurrent use by many goroutines.
type Segmenter struct {
	rules       rules // zero in the zero Segmenter: see ready
	splitBreaks bool  // WithoutMerge: every layout break ends a sentence
}

// ready returns the Segmenter that does s's work: s itself, or for the zero
// Segmenter and a nil one, the one New() returns, made once per process.
func (s *Segmenter) ready() *Segmenter {
	if s != nil && s.rules.punkt != nil {
		return s
	}
	d, err := defaultSegmenter()
	if err != nil {
		// Only the embedded model or word lists failing to load, which
		// every test of this package would have caught.
		panic(err)
	}
	return d
}

// Option configures a Segmenter in [New]. A nil Option is no option.
type Option func(*Segmenter) error

// option makes the Option called name: f changes a Segmenter that holds the
// defaults. Applied by hand to a zero Segmenter, the Option first gives it
// the defaults, so that it changes what the zero value would do; applied
// to a nil one, it returns an error.
func option(name string, f func(*Segmenter) error) Option {
	return func(s *Segmenter) error {
		if s == nil {
			return fmt.Errorf("segment: %s: nil *Segmenter", name)
		}
		if s.rules.punkt == nil {
			if err := s.setDefaults(); err != nil {
				return err
			}
		}
		if err := f(s); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
}

// WithAbbreviations replaces the news abbreviation lexicon with set. The
// Segmenter keeps its own copy, so later changes to set do not affect it.
// What was removed from set ([abbrev.Set.Remove]) is not an abbreviation
// for the Segmenter, even where Punkt's trained model lists it: see package
// abbrev, "How the set and Punkt's list combine".
func WithAbbreviations(set *abbrev.Set) Option {
	return option("WithAbbreviations", func(s *Segmenter) error {
		if set == nil {
			return errors.New("nil set")
		}
		s.rules.abbrevs = set.Clone()
		s.rules.capitalOnly = newCapitalOnly(s.rules.abbrevs)
		return nil
	})
}

// WithMoreAbbreviations adds the entries of set to the lexicon in use; where
// both list a word, the kind from set wins. Only entries are added: to
// remove one, use [WithAbbreviations] with a set you removed it from.
func WithMoreAbbreviations(set *abbrev.Set) Option {
	return option("WithMoreAbbreviations", func(s *Segmenter) error {
		if set == nil {
			return errors.New("nil set")
		}
		s.rules.abbrevs.AddAll(set)
		s.rules.capitalOnly = newCapitalOnly(s.rules.abbrevs)
		return nil
	})
}

// WithoutMerge turns the merger off: every paragraph break and every line
// break that the layout reads as a break ends a sentence, and Merge returns
// its fragments unjoined.
func WithoutMerge() Option {
	return option("WithoutMerge", func(s *Segmenter) error {
		s.splitBreaks = true
		return nil
	})
}

// The word lists that the options below replace or extend are read in the
// format of the embedded files they stand for (segment/data/*.txt in the
// module), which is that of [abbrev.Load]: one entry a line, blank lines
// and lines starting with '#' ignored. An error names the option and the
// line: `segment: WithMoreFurniture: line 3: "labl Sponsored": unknown
// mode`. Each Segmenter that uses one of these options gets its own copy
// of the lists; the others keep sharing the embedded ones.

// WithContinuers replaces the list of continuers with the entries read from
// r. A continuer is a capitalised word that carries a sentence on after an
// abbreviation that could end it: "the U.S. Navy", "Apple Inc. CEO Tim
// Cook". Each line is an abbreviation kind that may end a sentence
// (general, which state abbreviations share, company or time), a space and
// one word, matched case-sensitively against the next word without its
// trailing punctuation: "general Navy", "company CEO", "time Eastern".
func WithContinuers(r io.Reader) Option {
	return option("WithContinuers", func(s *Segmenter) error { return readList(s, r, continuerList, true) })
}

// WithMoreContinuers adds the entries read from r to the list of
// continuers; see [WithContinuers].
func WithMoreContinuers(r io.Reader) Option {
	return option("WithMoreContinuers", func(s *Segmenter) error { return readList(s, r, continuerList, false) })
}

// WithFurniture replaces the page-furniture list, which makes a sentence
// [Boilerplate], with the entries read from r. Each line is a mode and a
// phrase, "line Advertisement", "block Related stories", "prefix Sign up
// for", "section About": the modes are those of the embedded list, whose
// comments describe them.
func WithFurniture(r io.Reader) Option {
	return option("WithFurniture", func(s *Segmenter) error { return readList(s, r, furnitureList, true) })
}

// WithMoreFurniture adds the entries read from r to the page-furniture
// list; see [WithFurniture].
func WithMoreFurniture(r io.Reader) Option {
	return option("WithMoreFurniture", func(s *Segmenter) error { return readList(s, r, furnitureList, false) })
}

// WithMeta replaces the list of [Meta] vocabulary, the words and phrases of
// datelines, timestamps, bylines and photo credits, with the entries read
// from r. Each line is a mode and a word or phrase: "date Sept", "filler
// at", "byline Reporting by", "bio writes", "credit Photo:". The date
// words also serve the boundary rules that keep a date line apart.
func WithMeta(r io.Reader) Option {
	return option("WithMeta", func(s *Segmenter) error { return readList(s, r, metaList, true) })
}

// WithMoreMeta adds the entries read from r to the list of Meta
// vocabulary; see [WithMeta].
func WithMoreMeta(r io.Reader) Option {
	return option("WithMoreMeta", func(s *Segmenter) error { return readList(s, r, metaList, false) })
}

// list names a word list that options can change.
type list uint8

const (
	continuerList list = iota
	furnitureList
	metaList
)

// readList reads the entries of r into list l of s's own copy of the
// lexicon, emptying the list first when replace is set.
func readList(s *Segmenter, r io.Reader, l list, replace bool) error {
	if r == nil {
		return errors.New("nil io.Reader")
	}
	shared, err := loadLexicon()
	if err != nil {
		return err
	}
	if s.rules.lex == shared {
		s.rules.lex = shared.clone()
	}
	lx := s.rules.lex
	var add func(line string) error
	switch l {
	case continuerList:
		if replace {
			lx.clearContinuers()
		}
		add = phraseAdder(lx.addContinuer)
	case furnitureList:
		if replace {
			lx.clearFurniture()
		}
		add = phraseAdder(lx.addFurniture)
	case metaList:
		if replace {
			lx.clearMeta()
		}
		add = phraseAdder(lx.addMeta)
	}
	return scanEntries(r, add)
}

// New returns a Segmenter that uses the embedded Punkt English model and the
// news abbreviation lexicon ([abbrev.News]), changed by opts, in order. A nil
// option is skipped. The error of an option that fails names it.
func New(opts ...Option) (*Segmenter, error) {
	s := &Segmenter{}
	if err := s.setDefaults(); err != nil {
		return nil, err
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(s); err != nil {
			return nil, fmt.Errorf("segment: %w", err)
		}
	}
	return s, nil
}

// setDefaults gives s the embedded model, abbreviations and lists.
func (s *Segmenter) setDefaults() error {
	p, err := loadFastPunkt()
	if err != nil {
		return err
	}
	lex, err := loadLexicon()
	if err != nil {
		return err
	}
	*s = Segmenter{rules: rules{abbrevs: abbrev.News(), punkt: p, lex: lex, ortho: &p.ortho}}
	s.rules.capitalOnly = newCapitalOnly(s.rules.abbrevs)
	return nil
}

var defaultSegmenter = sync.OnceValues(func() (*Segmenter, error) { return New() })

// Split returns the sentences of text as strings, using a Segmenter with the
// default settings. It panics only if the embedded model cannot be loaded,
// which a test of this package would have caught.
func Split(text string) []string {
	var s *Segmenter
	sents := s.Segment(text)
	out := make([]string, len(sents))
	for i, st := range sents {
		out[i] = st.Text
	}
	return out
}

// Segment splits text into sentences, in order, with byte offsets into text.
// Every byte of text that is not white space belongs to exactly one Sentence;
// text that is empty or only white space gives no sentences.
func (s *Segmenter) Segment(text string) []Sentence {
	p := s.ready().newPass(text)
	// News text has a sentence every 100 to 150 bytes: with room for one
	// every 96, out rarely grows, and Segment allocates a bounded number
	// of times whatever the length of text.
	p.out = make([]Sentence, 0, len(text)/96+1)
	p.run()
	if len(p.out) == 0 {
		return nil
	}
	return p.out
}

// run decides the whole text, paragraph by paragraph.
func (p *pass) run() {
	for pos := 0; ; {
		para, next, ok := nextParagraph(p.text, pos, true)
		if !ok {
			break
		}
		p.paragraph(para)
		pos = next
	}
	p.finish()
}

// newPass returns a pass over text, with no sentence open.
func (s *Segmenter) newPass(text string) pass {
	return pass{s: s, text: text, start: -1}
}

// pass carries the state of one run over a text, paragraph by paragraph:
// the sentence still open and the last token seen.
type pass struct {
	s     *Segmenter
	cut   bool       // the last paragraph was cut at the window size
	list  listState  // the inline enumeration being followed, if any
	text  string     // the text; offsets below index it
	base  int        // offset of text[0] in the whole input
	start int        // start of the open sentence, -1 before the first token
	last  token      // the last token of the paragraphs seen so far
	out   []Sentence // sentences closed so far
	from  where      // where the open sentence starts: a paragraph, a line or in text
	kind  classifier // the page-structure state of the sentences so far

	lines  []line // scratch for the paragraph's lines
	breaks []int  // the layout breaks of the paragraph, as lineBreaks finds them

	// With explain set, the pass records why: why[i] explains out[i], and
	// kept lists the candidates kept inside the open sentence.
	explain bool
	why     []Explanation
	kept    []Kept
}

// paragraph decides the boundaries inside paragraph para of the text and
// the one before it.
//
// It does not cut the paragraph into all its tokens. A boundary is a
// candidate only where the token before it ends in sentence punctuation or
// is a year or a footnote number, where the token after it opens a credit
// (isCandidate), or at a layout break; so the walk jumps from one stop
// byte (stopBytes) to the next, cuts the token around it and the one
// after, and decides there. The bytes between, most of a text, cost one
// table lookup for each pair of them (stopPairs). While an inline list is
// open, any token may be its next marker, and the walk takes every token.
// TestWalkMatchesTokenWalk and FuzzWalkMatchesTokenWalk hold it to a walk
// over every token.
func (p *pass) paragraph(para paragraph) {
	text, pend := p.text, para.end
	p.breaks = p.breaks[:0]
	if para.multiline {
		p.lines = splitLines(text, para, p.lines[:0])
		p.breaks = lineBreaks(text, p.lines, p.s.rules.lex, p.breaks)
	}
	first := tokenAt(text, para.start, pend)
	switch {
	case p.start < 0:
		p.start = first.start
	case p.cut || first.start-p.last.end > WindowSize:
		// A cut, or a gap no window holds, ends the sentence whatever
		// the rules would say.
		p.emit(p.start, p.last.end, ruleWindowCut)
		p.start = first.start
	default:
		p.consider(atBreak, ruleBlankLine, p.last, first, pend)
	}
	if first.start == p.start {
		p.list.open(text, first, pend)
	}
	// Every boundary up to the one before the token lo is decided; the
	// walk reads on from from.
	lo, from := first, first.start
	breaks := p.breaks
	for {
		for len(breaks) > 0 && breaks[0] <= lo.start {
			breaks = breaks[1:]
		}
		if p.list.style != "" {
			if lo.end >= pend {
				break
			}
			next := tokenAt(text, lo.end, pend)
			p.boundary(lo, next, pend, len(breaks) > 0 && breaks[0] == next.start)
			lo, from = next, next.start
			continue
		}
		k := from + indexStop(text[from:pend], text, lo.start, from)
		if len(breaks) > 0 && breaks[0] <= k {
			// A layout break comes first; the token after it starts
			// at it.
			next := tokenAt(text, breaks[0], pend)
			p.boundary(tokenBefore(text, lo.start, next.start, pend), next, pend, true)
			lo, from = next, next.start
			continue
		}
		if k == pend {
			break
		}
		t := lo // a stop inside lo, which the walk has cut already
		if k >= lo.end {
			t = stopToken(text, from, k, pend)
		}
		// A credit label ends in ':' (opensCredit); looking at that
		// byte first spares most stops the call.
		if t.start > lo.start && text[t.end-1] == ':' && p.s.rules.opensCredit(text[t.start:t.end]) {
			p.boundary(tokenBefore(text, lo.start, t.start, pend), t, pend, false)
			lo = t
		}
		if t.end == pend {
			lo = t
			break // the boundary after the last token is the next paragraph's
		}
		next := tokenAt(text, t.end, pend)
		p.boundary(t, next, pend, len(breaks) > 0 && breaks[0] == next.start)
		lo, from = next, next.start
	}
	if lo.end == pend {
		p.last = lo // the walk has cut the last token already
	} else {
		p.last = tokenAround(text, lo.start, lastRuneStart(text, pend), pend)
	}
	p.cut = para.cut
}

// stopBytes marks the bytes at which the walk of pass.paragraph stops to
// look at the token around them and at the boundaries on either side: the
// sentence punctuation that ends a token, the colon that ends a credit
// label ("Photo:"), the first digit of a year or a footnote number, and
// the first byte of "…", "。", "？" and "！" (see isCandidate). isStop sorts
// out the digits and the multi-byte runes that cannot matter.
var stopBytes = [256]uint8{
	'.': 1, '?': 1, '!': 1, ':': 1,
	'0': 1, '1': 1, '2': 1, '3': 1, '4': 1, '5': 1, '6': 1, '7': 1, '8': 1, '9': 1,
	0xe2: 1, 0xe3: 1, 0xef: 1,
}

// stopPairs marks the pairs of bytes, text[i] | text[i+1]<<8, that may
// hold a stop: one that stopBytes marks, but a digit in second place only
// after ASCII white space or a byte of a multi-byte rune (which may end a
// Unicode space), since a digit is a stop only where a token starts. A
// digit in first place is marked whatever stands before it, which this
// pair does not show. One lookup covers two bytes, and the pairs of
// ordinary words, which are most of a text, mark nothing; news text uses
// a few hundred pairs of the table, which stay in the cache.
var stopPairs = func() (t [1 << 16]uint8) {
	// Only the marks are written, a few thousand of the 65,536 entries,
	// to keep the package's start-up cheap.
	for c := range 256 {
		if stopBytes[c] == 0 {
			continue
		}
		digit := '0' <= c && c <= '9'
		for other := range 256 {
			t[c|other<<8] = 1
			if !digit {
				t[other|c<<8] = 1
			}
		}
	}
	for c := range 256 {
		if asciiSpace[c] || c >= utf8.RuneSelf {
			for d := int('0'); d <= '9'; d++ {
				t[c|d<<8] = 1
			}
		}
	}
	return t
}()

// indexStop returns the index in s, which is text[from:], of the first
// byte that stopBytes marks and isStop accepts, or len(s). lo is the start
// of a token at or before from.
func indexStop(s, text string, lo, from int) int {
	i := 0
	for i+8 <= len(s) {
		// Four lookups of pairs joined by | and one branch: most runs
		// of eight bytes hold no stop.
		w := s[i : i+8]
		if stopPairs[uint16(w[0])|uint16(w[1])<<8]|stopPairs[uint16(w[2])|uint16(w[3])<<8]|
			stopPairs[uint16(w[4])|uint16(w[5])<<8]|stopPairs[uint16(w[6])|uint16(w[7])<<8] == 0 {
			i += 8
			continue
		}
		for end := i + 8; i < end; i++ {
			if stopBytes[s[i]] != 0 && isStop(text, lo, from+i) {
				return i
			}
		}
	}
	// The last few bytes, one at a time.
	for ; i < len(s); i++ {
		if stopBytes[s[i]] != 0 && isStop(text, lo, from+i) {
			return i
		}
	}
	return len(s)
}

// isStop reports whether the stop byte text[k] can make a candidate: a
// digit only where a token starts (a year, a footnote number), a
// multi-byte stop only when it is "…", "。", "？" or "！", any other stop
// byte always. lo is the start of a token at or before k.
func isStop(text string, lo, k int) bool {
	switch text[k] {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if k == lo {
			return true
		}
		if c := text[k-1]; c < utf8.RuneSelf {
			return isSpaceByte(c) // most digits follow an ASCII byte
		}
		r, _ := utf8.DecodeLastRuneInString(text[lo:k])
		return isSpace(r)
	case 0xe2, 0xe3, 0xef:
		r, _ := utf8.DecodeRuneInString(text[k:])
		return r == '…' || r == '。' || r == '？' || r == '！'
	}
	return true
}

// boundary decides the boundary between prev and next, neighbouring tokens
// of a paragraph that ends at pend; brk says whether a layout break stands
// between them. These are the checks a walk over every token makes at each
// boundary.
func (p *pass) boundary(prev, next token, pend int, brk bool) {
	text := p.text
	switch {
	case p.list.style != "" && p.list.nextItem(text, next, pend): // most text is in no list
		p.emit(p.start, prev.end, ruleListItem)
		p.start = next.start
	case brk:
		p.consider(atBreak, ruleLineBreak, prev, next, pend)
	case p.s.rules.isCandidate(text[prev.start:prev.end], text[next.start:next.end]):
		p.consider(inText, "", prev, next, pend)
	}
	if next.start == p.start {
		p.list.open(text, next, pend)
	}
}

// consider closes the open sentence after prev when the rules say that a
// sentence ends between prev and next, the token after it in a paragraph
// that ends at pend. seam names the layout rule that made the boundary a
// break, when at is atBreak.
func (p *pass) consider(at boundary, seam Rule, prev, next token, pend int) {
	text := p.text
	var ends bool
	var rule Rule
	switch {
	case at == atBreak && p.s.splitBreaks:
		ends, rule = true, ruleNoMerge
	case prev.end-p.start >= WindowSize:
		ends, rule = true, ruleWindowSize
	default:
		c := candidate{
			prev: text[prev.start:prev.end],
			next: text[next.start:next.end],
			head: text[p.start:prev.end],
			rest: text[next.start:pend],
			at:   at,
			seam: seam,
		}
		c.dots, c.wordFinal = p.dotRun(prev)
		if next.end < pend {
			after := tokenAt(text, next.end, pend)
			c.after = text[after.start:after.end]
		}
		ends, rule = p.s.rules.ends(c)
	}
	if ends {
		p.emit(p.start, prev.end, rule)
		p.start = next.start
	} else if p.explain {
		p.kept = append(p.kept, Kept{At: p.base + prev.end, Rule: rule})
	}
}

// maxDots is where dotRun stops counting: no rule tells four lone dots from
// more (see spacedDotsEnd).
const maxDots = 4

// dotRun returns candidate.dots and candidate.wordFinal for a candidate
// after tok: the lone "." tokens of the open sentence that end with tok,
// counted up to maxDots, and whether the word before them ends in a
// period. It looks back from tok only when tok is a lone dot, and over at
// most maxDots of them. A lone dot is a word of its own: a token cut at a
// glued stop starts with a capital.
func (p *pass) dotRun(tok token) (dots int, wordFinal bool) {
	text := p.text
	if text[tok.start:tok.end] != "." {
		return 0, strings.HasSuffix(text[tok.start:tok.end], ".")
	}
	for start := tok.start; ; {
		dots++
		if start <= p.start || dots == maxDots {
			return dots, false // the run opens the sentence, or is long enough
		}
		// The word before: back over the white space to its end.
		e := start
		for e > p.start {
			r, size := utf8.DecodeLastRuneInString(text[p.start:e])
			if !isSpace(r) {
				break
			}
			e -= size
		}
		if text[e-1] != '.' {
			return dots, false
		}
		if e-1 > p.start {
			if r, _ := utf8.DecodeLastRuneInString(text[p.start : e-1]); !isSpace(r) {
				return dots, true // a word that ends in a period
			}
		}
		start = e - 1 // another lone dot
	}
}

// finish closes the open sentence at the end of the text.
func (p *pass) finish() { p.closeOpen(ruleTextEnd) }

// endAtGap closes the open sentence before a gap of white space longer
// than the window.
func (p *pass) endAtGap() { p.closeOpen(ruleWindowCut) }

func (p *pass) closeOpen(rule Rule) {
	if p.start >= 0 {
		p.emit(p.start, p.last.end, rule)
		p.start = -1
	}
}

// emit closes the sentence text[start:end], which rule ended, and decides
// its Kind. The white space after it, and the next sentence when that lies
// in the same paragraph, are in text whenever emit is called.
//
// The sentence is written into out field by field: appending a Sentence
// literal builds it in a temporary and copies it, reading back the narrow
// store of its Kind with a wide load, which stalls at every sentence.
func (p *pass) emit(start, end int, rule Rule) {
	after, next := gapAfter(p.text, end)
	k, cue := p.kind.classify(p.s.rules.lex, p.text[start:end], p.from, after != startText, next)
	p.from = after
	if len(p.out) == cap(p.out) {
		p.out = slices.Grow(p.out, 1)
	}
	p.out = p.out[:len(p.out)+1]
	st := &p.out[len(p.out)-1]
	st.Text, st.Start, st.End, st.Kind = p.text[start:end], p.base+start, p.base+end, k
	if p.explain {
		p.why = append(p.why, Explanation{Sentence: *st, Rule: rule, Kept: p.kept, Cue: cue})
		p.kept = nil
	}
}

// rebase drops the first keep bytes of the pass's text, moving every offset
// the pass holds so that it still indexes the same bytes.
func (p *pass) rebase(keep int) {
	p.text = p.text[keep:]
	p.base += keep
	if p.start >= 0 {
		p.start -= keep
		p.last.start -= keep
		p.last.end -= keep
	}
}

func (p *pass) window() string        { return p.text }
func (p *pass) offset() int           { return p.base }
func (p *pass) setWindow(text string) { p.text = text }
func (p *pass) decided() bool         { return len(p.out) > 0 }

// needed returns the offset in the window from which later decisions read
// it: the start of the open sentence, or the end of the window when none
// is open.
func (p *pass) needed() int {
	if p.start >= 0 {
		return p.start
	}
	return len(p.text)
}

// openEnd returns the end of the open sentence, if one is open.
func (p *pass) openEnd() (int, bool) { return p.last.end, p.start >= 0 }

// take returns the sentences closed since the last call and keeps buf,
// emptied, for the next ones.
func (p *pass) take(buf []Sentence) []Sentence {
	out := p.out
	p.out = buf[:0]
	return out
}

// Explanation says why a sentence ends where it does: the boundary rule
// that ended it, and the candidate boundaries inside it with the rule that
// kept each from ending it. Rule IDs are listed in the package
// documentation ("Rules").
type Explanation struct {
	Sentence
	Rule Rule   `json:"rule"` // the boundary rule that ended the sentence
	Kept []Kept `json:"kept"` // the candidates inside the sentence, in order
	Cue  Rule   `json:"cue"`  // the kinds cue that gave the sentence its Kind
}

// Kept is a candidate boundary inside a sentence: At is the byte offset in
// the input where the sentence would have ended (the end of the candidate
// token, "Ms." in "Ms. Sherman"), and Rule the rule that kept it going.
type Kept struct {
	At   int  `json:"at"`
	Rule Rule `json:"rule"`
}

// Explain segments text as Segment does and says, for each sentence, which
// rule ended it and which rules kept each candidate inside it from ending
// it. Its sentences are exactly those of Segment; Segment itself records
// nothing, so explaining costs nothing when it is not asked for.
func (s *Segmenter) Explain(text string) []Explanation {
	p := s.ready().newPass(text)
	p.explain = true
	p.run()
	return p.why
}

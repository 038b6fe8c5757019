package htmlseg

import (
	"io"
	"iter"
	"strings"

	"github.com/newsseg/newsseg/segment"
)

// MaxTokenSize bounds the bytes a Scanner holds for one token of the page:
// a tag, a comment, or a run of text or of script between two tags. Real
// pages stay far below it (their largest tokens are inline scripts of a few
// megabytes); a longer token makes the Scanner stop with an error wrapping
// html.ErrBufferExceeded. Segment, which has the whole page in memory
// already, has no such limit.
const MaxTokenSize = 32 << 20

// Sentence is one sentence of an HTML page. Text is what a reader sees:
// tags removed, character references decoded and white space (a
// non-breaking space included) collapsed to single spaces. page[Start:End]
// runs from the sentence's first visible character (the '&' of a character
// reference, if it starts with one) to just past its last; it may contain
// tags. Kind is taken from the page's structure where it has one, else
// from the text, as segment does.
type Sentence struct {
	Text  string
	Start int
	End   int
	Kind  segment.Kind
}

// Segmenter splits HTML pages into sentences. Create one with New; a
// *Segmenter is safe for concurrent use by many goroutines.
type Segmenter struct {
	seg   *segment.Segmenter
	words map[string]class
}

// New returns a Segmenter whose text decisions are those of a
// segment.Segmenter built with opts.
func New(opts ...segment.Option) (*Segmenter, error) {
	seg, err := segment.New(append(opts[:len(opts):len(opts)], segment.WithoutMerge())...)
	if err != nil {
		return nil, err
	}
	words, err := loadClasses()
	if err != nil {
		return nil, err
	}
	return &Segmenter{seg: seg, words: words}, nil
}

// Segment splits page into sentences, in order, with offsets into page.
// Every character a browser would show belongs to exactly one sentence.
func (s *Segmenter) Segment(page string) []Sentence {
	// The page is in memory: read all of its visible text and segment that
	// at once, which the text path does faster than its stream, with the
	// same result.
	v := newVisible(strings.NewReader(page), s.words, 0)
	// Guesses from news pages, which are mostly markup.
	v.out = make([]byte, 0, len(page)/3+64)
	v.runs = make([]run, 0, len(page)/64+8)
	for !v.eof {
		v.step()
	}
	sents := s.seg.Segment(string(v.out))
	m := mapper{vis: v, seg: s.seg}
	out := make([]Sentence, len(sents))
	for i, t := range sents {
		out[i] = m.sentence(t)
	}
	return out
}

// mapper turns the sentences of the visible text into sentences of the
// page: offsets through the visible text's runs, kinds from their context.
type mapper struct {
	vis *visible
	seg *segment.Segmenter
	// leak is set when the classifier may be inside a furniture block that
	// the markup opened: structural boilerplate came after its last Body
	// sentence. The classifier does not see where that furniture ends.
	leak bool
}

// Scanner reads an HTML page from an io.Reader and returns its sentences
// one at a time. It holds the token being read, the sentence still open and
// the text segment's Scanner holds, so memory stays bounded however long
// the page. Its sentences are those Segment returns for the whole page.
//
// A Scanner is not safe for concurrent use; many Scanners may share one
// Segmenter.
type Scanner struct {
	mapper
	inner *segment.Scanner
	cur   Sentence
}

// NewScanner returns a Scanner that reads a page from r.
func (s *Segmenter) NewScanner(r io.Reader) *Scanner {
	return s.newScanner(r, MaxTokenSize)
}

func (s *Segmenter) newScanner(r io.Reader, maxBuf int) *Scanner {
	v := newVisible(r, s.words, maxBuf)
	return &Scanner{mapper: mapper{vis: v, seg: s.seg}, inner: s.seg.NewScanner(v)}
}

// Sentences returns an iterator over the sentences of the page read from
// r. An error ends the iteration; it is yielded once, with a zero Sentence.
func (s *Segmenter) Sentences(r io.Reader) iter.Seq2[Sentence, error] {
	return func(yield func(Sentence, error) bool) {
		sc := s.NewScanner(r)
		for sc.Scan() {
			if !yield(sc.Sentence(), nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			yield(Sentence{}, err)
		}
	}
}

// Scan advances to the next sentence, which Sentence then returns. It
// returns false at the end of the page or after an error; Err tells which.
func (sc *Scanner) Scan() bool {
	if !sc.inner.Scan() {
		return false
	}
	sc.cur = sc.sentence(sc.inner.Sentence())
	return true
}

// sentence maps t, the next sentence of the visible text, to the page, and
// drops the part of the offset map before its end.
func (m *mapper) sentence(t segment.Sentence) Sentence {
	v := m.vis
	first := v.find(t.Start)
	last := v.find(t.End - 1)
	text := collapse(t.Text)
	k, structural := m.kind(t, first, last)
	if !structural && k == segment.Boilerplate && m.leak && !m.alone(text, segment.Boilerplate) {
		// The furniture block ended where the markup's did.
		k = segment.Body
	}
	switch {
	case structural && k == segment.Boilerplate:
		m.leak = true
	case t.Kind == segment.Body:
		m.leak = false
	}
	out := Sentence{
		Text:  text,
		Start: v.runs[first].pageStart(t.Start),
		End:   v.runs[last].pageEnd(t.End),
		Kind:  k,
	}
	v.trim(t.End)
	return out
}

// Sentence returns the sentence found by the last call to Scan.
func (sc *Scanner) Sentence() Sentence { return sc.cur }

// Err returns the first error met while reading the page, other than
// io.EOF.
func (sc *Scanner) Err() error {
	if sc.vis.err != nil {
		return sc.vis.err
	}
	return sc.inner.Err()
}

// alone reports whether the text classifier gives text, read as a page of
// its own, kind k: whether k follows from the text rather than from what
// came before it.
func (m *mapper) alone(text string, k segment.Kind) bool {
	sents := m.seg.Segment(text)
	return len(sents) > 0 && sents[0].Kind == k
}

// kind decides the kind of sentence t, whose visible bytes lie in
// runs[first:last+1]: from the structure where the page gives one, else
// from the text classifier. structural reports that the markup decided.
func (m *mapper) kind(t segment.Sentence, first, last int) (k segment.Kind, structural bool) {
	runs := m.vis.runs
	var inline [boilerplate + 1]int // bytes by inline class
	total := 0
	bold, link := true, 0
	for i := first; i <= last; i++ {
		r := &runs[i]
		n := min(r.vis+r.n, t.End) - max(r.vis, t.Start)
		inline[r.ctx.inline] += n
		total += n
		bold = bold && r.ctx.bold
		if r.ctx.link {
			link += n
		}
	}
	c := runs[first].ctx
	switch {
	case c.block == boilerplate || 2*inline[boilerplate] > total:
		return segment.Boilerplate, true
	case 2*inline[meta] > total:
		return segment.Meta, true
	case c.seen && !c.story && c.block != meta && !(c.block == headline && c.h1):
		// Outside the story on a page that has one: furniture.
		return segment.Boilerplate, true
	case c.block == headline:
		return segment.Headline, true
	case 4*link >= 3*total && c.block != meta:
		// Text that is (nearly) all links, outside a heading: a menu, a
		// list of related stories.
		return segment.Boilerplate, true
	case c.block == cell:
		return segment.Body, true
	case c.block == meta:
		return segment.Meta, true
	case c.block == body && t.Kind == segment.Headline && !bold:
		// A story paragraph without final punctuation is still body text,
		// unless it is all bold: a CMS's subheading.
		return segment.Body, true
	}
	return t.Kind, false
}

// collapse turns the line and paragraph breaks inside a sentence into
// single spaces; the visible text has no other runs of white space.
func collapse(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\n' {
			b.WriteByte(s[i])
		} else if b.Len() > 0 && s[i-1] != '\n' {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

package segment

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// decisions is all a Scanner asks of the pass that Segment runs over a
// whole text (segmenter.go): the window of text it decides on, and the
// sentences it has decided. The Scanner holds the pass itself rather than
// this interface, so that the small calls it makes for every paragraph
// inline; the interface lists what it may call.
type decisions interface {
	window() string                 // the text held, from offset() on in the stream
	offset() int                    // the stream offset of window()[0]
	setWindow(text string)          // the same text, with more appended
	rebase(keep int)                // drop the first keep bytes of the window
	needed() int                    // the offset from which later decisions need the window
	paragraph(para paragraph)       // decide the boundaries of one paragraph of the window
	openEnd() (int, bool)           // the end of the open sentence, if one is open
	finish()                        // close the open sentence at the end of the input
	endAtGap()                      // close it before a gap longer than the window
	decided() bool                  // whether a sentence has been closed since take
	take(buf []Sentence) []Sentence // the sentences closed, handing buf to the pass
}

var _ decisions = (*pass)(nil)

// readSize is how much a Scanner asks its reader for at a time: large
// enough that reading a file costs few system calls and few window
// buffers (see Scanner.read), small beside WindowSize.
const readSize = 256 << 10

// Scanner reads text from an io.Reader and returns its sentences one at a
// time, as bufio.Scanner returns lines. It holds only the sentence still open
// and the paragraph being read, never more than a few times WindowSize
// bytes, so memory stays flat however long the input. From a
// strings.Reader, whose text is in memory already, it takes that text
// itself and copies none of it. Its sentences are exactly those Segment
// returns for the whole input, with Start and End counted from the start
// of the stream.
//
// A Scanner is not safe for concurrent use; many Scanners may share one
// Segmenter.
type Scanner struct {
	r        io.Reader
	pass     pass       // the pass Segment runs, its text the window (pass.s is nil unless NewScanner made it)
	from     int        // offset in pass.text where the next paragraph starts
	eof      bool       // r has reported io.EOF
	done     bool       // nothing more to return
	err      error      // the first read error other than io.EOF
	queue    []Sentence // decided sentences not yet returned
	next     int        // index into queue
	cur      Sentence
	buf      []byte         // the input read into the current buffer; the window is its tail
	watch    paragraphWatch // the search for the end of the paragraph at from, once watching
	watching bool           // nextParagraph has failed on the paragraph at from
	taken    stringTaker    // a strings.Reader's text (readString), here to need no allocation of its own

	// spare holds the first backing arrays of queue and of the pass's
	// out, which take swaps: a paragraph rarely closes more sentences
	// than they hold, so neither grows on news text.
	spare [2][16]Sentence
}

// NewScanner returns a Scanner that reads from r. A nil r is a Scanner
// whose first Scan fails with an error.
func (s *Segmenter) NewScanner(r io.Reader) *Scanner {
	sc := &Scanner{r: r, pass: s.ready().newPass("")}
	sc.pass.out = sc.spare[0][:0]
	sc.queue = sc.spare[1][:0]
	return sc
}

// errNoReader is the error of a Scanner with nothing to read: the zero
// Scanner, or one made with a nil io.Reader.
var errNoReader = errors.New("segment: Scanner has no io.Reader; make it with Segmenter.NewScanner(r)")

// Scan advances to the next sentence, which Sentence then returns. It
// returns false at the end of the input or after a read error; Err tells
// which. On a Scanner not made by [Segmenter.NewScanner], or made with a nil
// reader, it returns false and Err reports it.
func (sc *Scanner) Scan() bool {
	if sc == nil {
		return false
	}
	if sc.r == nil || sc.pass.s == nil {
		sc.err, sc.done = errNoReader, true
		return false
	}
	for sc.next >= len(sc.queue) {
		if sc.done {
			return false
		}
		sc.queue, sc.next = sc.queue[:0], 0
		sc.fill()
	}
	sc.cur = sc.queue[sc.next]
	sc.next++
	return true
}

// Sentence returns the sentence found by the last call to Scan.
func (sc *Scanner) Sentence() Sentence {
	if sc == nil {
		return Sentence{}
	}
	return sc.cur
}

// Err returns the first error other than io.EOF met while reading. After a
// read error the sentence that was still open is not returned: the input
// ended before it could be decided.
func (sc *Scanner) Err() error {
	if sc == nil {
		return errNoReader
	}
	return sc.err
}

// Sentences returns an iterator over the sentences of the text read from r.
// A read error ends the iteration; it is yielded once, with a zero Sentence.
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

// fill runs the pass over the paragraphs already read, reading more input
// as needed, until at least one sentence is decided or the input ends.
func (sc *Scanner) fill() {
	p := &sc.pass
	for !p.decided() {
		// Once nextParagraph has failed on the paragraph at from, ask it
		// again only when the watch, which looks at each new byte once,
		// says it will find something: asking after every read is
		// quadratic in the paragraph's length when reads are small. The
		// paragraphs that a read brings whole are asked for at once,
		// without a watch looking at them first.
		if sc.eof || !sc.watching || sc.watch.ready(p.window()) {
			para, next, ok := nextParagraph(p.window(), sc.from, sc.eof)
			if ok {
				p.paragraph(para)
				sc.from = next
				sc.watching = false
				continue
			}
			if sc.eof {
				p.finish()
				sc.done = true
				break
			}
			if !sc.watching {
				// The watch catches up on the paragraph read so far, as
				// nextParagraph just failed to find it.
				sc.watch = newParagraphWatch(sc.from)
				sc.watch.ready(p.window())
				sc.watching = true
			}
		}
		if end, open := p.openEnd(); open && sc.watch.gapSeen(end, WindowSize) {
			// The gap after the open sentence is longer than any window:
			// it ends the sentence, as it does in Segment, and need not be
			// kept.
			p.endAtGap()
			break
		}
		sc.compact(sc.watch.drop())
		if err := sc.read(); err != nil {
			sc.err = err
			sc.done = true
			break
		}
	}
	sc.queue = p.take(sc.queue[:0])
}

// compact drops from the window what no later decision needs: everything
// before the open sentence, or before drop when no sentence is open.
func (sc *Scanner) compact(drop int) {
	keep := min(drop, sc.pass.needed())
	if keep == 0 {
		return
	}
	sc.pass.rebase(keep)
	sc.from = max(sc.from-keep, 0) // what lay between was blank lines
	sc.watch.shift(keep)
}

// read appends the next chunk of input to the window. It reads straight
// into the free end of buf, and the window is a string over buf's tail,
// as a strings.Builder's String is over its buffer: the bytes of
// buf[:len(buf)] never change once read, so neither do the sentences
// already returned, which share them.
func (sc *Scanner) read() error {
	if sr, ok := sc.r.(*strings.Reader); ok && sc.buf == nil {
		if sr == nil {
			return errNoReader
		}
		return sc.readString(sr)
	}
	for range 100 {
		sc.makeRoom()
		live := len(sc.pass.window())
		n, err := sc.r.Read(sc.buf[len(sc.buf):cap(sc.buf)])
		if n > 0 {
			sc.buf = sc.buf[:len(sc.buf)+n]
			s := unsafe.String(unsafe.SliceData(sc.buf), len(sc.buf))
			sc.pass.setWindow(s[len(s)-live-n:])
		}
		switch {
		case errors.Is(err, io.EOF):
			sc.eof = true
			return nil
		case err != nil:
			return fmt.Errorf("segment: reading input at byte %d: %w", sc.pass.offset()+len(sc.pass.window()), err)
		case n > 0:
			return nil
		}
	}
	return fmt.Errorf("segment: reading input: %w", io.ErrNoProgress)
}

// readString reads all that sr holds as the window, at the first read:
// sr.WriteTo hands its string itself to a StringWriter, so the text is
// neither copied nor held twice, and the Scanner decides on it as Segment
// does on the whole text. The string is in memory already, so taking it
// whole keeps memory as flat as the caller's.
func (sc *Scanner) readString(sr *strings.Reader) error {
	if _, err := sr.WriteTo(&sc.taken); err != nil {
		// stringTaker takes all it is given: a strings.Reader fails only
		// on a short write.
		return fmt.Errorf("segment: reading input: %w", err)
	}
	sc.pass.setWindow(string(sc.taken))
	sc.taken = ""
	sc.eof = true
	return nil
}

// stringTaker is the io.StringWriter that readString gives to
// strings.Reader.WriteTo, to be handed the reader's string.
type stringTaker string

// WriteString keeps s; the first string is kept as it is, not copied.
func (t *stringTaker) WriteString(s string) (int, error) {
	*t += stringTaker(s)
	return len(s), nil
}

// Write copies b, which its caller may reuse.
func (t *stringTaker) Write(b []byte) (int, error) {
	*t += stringTaker(b)
	return len(b), nil
}

// firstReadSize is the size of a Scanner's first buffer for a reader that
// does not say how much it holds: most news articles are shorter, and
// each buffer after it is twice as large, up to readSize, so that a long
// text soon reads in large chunks.
const firstReadSize = 8 << 10

// minRoom is the least free space at the end of buf that a read is given,
// once buffers are that large; a smaller buffer is read into while half of
// it is free.
const minRoom = 16 << 10

// makeRoom moves the window to a fresh buffer when buf has too little free
// (see minRoom): one with room for the window twice over and a read, so
// that the window is copied at most once for every byte read after it.
// The allocations are what a short text costs most beyond Segment's, and
// what makes the collector run: each buffer is no larger than the reader
// needs, when it says (Len), or than what was read so far allows for.
func (sc *Scanner) makeRoom() {
	free := cap(sc.buf) - len(sc.buf)
	size := min(readSize, max(firstReadSize, 2*cap(sc.buf)))
	if l, ok := sc.r.(interface{ Len() int }); ok && l.Len() >= 0 {
		// A reader that knows what is left (a bytes.Reader, a
		// bytes.Buffer) needs room for no more than that, and one byte
		// over, into which it reports io.EOF: a short text costs one
		// buffer of its length, read at once.
		left := l.Len()
		if free > left {
			return
		}
		if sc.buf == nil {
			size = min(readSize, left+1)
		}
	}
	if free > 0 && free >= min(minRoom, cap(sc.buf)/2) {
		return
	}
	window := sc.pass.window()
	buf := make([]byte, len(window), 2*len(window)+size)
	copy(buf, window)
	sc.buf = buf
	sc.pass.setWindow(unsafe.String(unsafe.SliceData(buf), len(buf)))
}

// paragraphWatch follows a text that grows at its end, as a stream reads
// it, and tells when nextParagraph(text, from, false) finds the paragraph
// that starts at from: once a blank line follows the paragraph's first line,
// or the text reaches past the window. It looks at each byte once, where
// asking nextParagraph after every read would look at the whole paragraph
// each time, quadratic in its length when the reads are small.
type paragraphWatch struct {
	pos   int  // text[:pos] has been looked at
	line  int  // start of the line that holds pos
	start int  // the paragraph's first byte, -1 until it is seen
	first int  // start of the line that holds start
	nl    bool // a line of the paragraph has ended
	blank bool // the line since that newline is blank so far
}

func newParagraphWatch(from int) paragraphWatch {
	return paragraphWatch{pos: from, line: from, start: -1}
}

// ready reports whether nextParagraph(text, from, false) would find a
// paragraph, looking only at what was added to text since the last call.
// Like nextParagraph it decodes runes from from on, except inside a line
// of the paragraph, where it only looks for the newline; a rune cut by the
// end of text waits for its other bytes.
func (w *paragraphWatch) ready(text string) bool {
	for w.pos < len(text) {
		if w.start >= 0 && !(w.nl && w.blank) {
			// Inside a line that holds text only its newline matters,
			// and a newline is never part of a longer rune: jump to it.
			nl := strings.IndexByte(text[w.pos:], '\n')
			if nl < 0 {
				w.pos = len(text)
				break
			}
			w.pos += nl + 1
			w.line = w.pos
			w.nl, w.blank = true, true
			continue
		}
		if !utf8.FullRuneInString(text[w.pos:]) {
			break
		}
		r, size := utf8.DecodeRuneInString(text[w.pos:])
		switch {
		case r == '\n':
			if w.start >= 0 {
				return true // the newline that ends a blank line
			}
			w.line = w.pos + 1
		case isSpace(r):
		case w.start < 0:
			w.start, w.first = w.pos, w.line
		default:
			w.blank = false
		}
		w.pos += size
	}
	return w.start >= 0 && len(text) > w.start+WindowSize
}

// drop returns how much of the text a stream may drop while it waits: the
// white space before the paragraph, which nothing reads, or the lines of
// the paragraph seen so far when it has started.
func (w *paragraphWatch) drop() int {
	if w.start < 0 {
		return w.pos
	}
	return w.first
}

// gapSeen reports whether, since from, only white space has come and more
// than n bytes of it.
func (w *paragraphWatch) gapSeen(from, n int) bool {
	return w.start < 0 && w.pos-from > n
}

// shift moves the watch's offsets when the first keep bytes of the text are
// dropped; keep is at most drop(). Before the paragraph starts, drop() may
// reach into the line at pos, whose white space nothing reads: the line
// then starts where the text does, and so does the paragraph's first line
// if the paragraph starts on it.
func (w *paragraphWatch) shift(keep int) {
	w.pos -= keep
	w.line = max(w.line-keep, 0)
	w.first = max(w.first-keep, 0)
	if w.start >= 0 {
		w.start -= keep
	}
}

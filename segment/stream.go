package segment

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
)

// readSize is how much a Scanner asks its reader for at a time.
const readSize = 64 << 10

// Scanner reads text from an io.Reader and returns its sentences one at a
// time, as bufio.Scanner returns lines. It holds only the sentence still open
// and the paragraph being read, never more than a few times WindowSize
// bytes, so memory stays flat however long the input. Its sentences are
// exactly those Segment returns for the whole input, with Start and End
// counted from the start of the stream.
//
// A Scanner is not safe for concurrent use; many Scanners may share one
// Segmenter.
type Scanner struct {
	r       io.Reader
	p       pass       // the decisions, as in Segment; p.text is the window
	from    int        // offset in p.text where the next paragraph starts
	eof     bool       // r has reported io.EOF
	done    bool       // nothing more to return
	err     error      // the first read error other than io.EOF
	queue   []Sentence // decided sentences not yet returned
	next    int        // index into queue
	cur     Sentence
	toks    []token
	scratch []byte
	buf     strings.Builder // the input read; p.text is its tail
	watch   paragraphWatch  // the search for the end of the paragraph at from
}

// NewScanner returns a Scanner that reads from r.
func (s *Segmenter) NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: r, p: pass{s: s, start: -1}}
}

// Scan advances to the next sentence, which Sentence then returns. It
// returns false at the end of the input or after a read error; Err tells
// which.
func (sc *Scanner) Scan() bool {
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
func (sc *Scanner) Sentence() Sentence { return sc.cur }

// Err returns the first error other than io.EOF met while reading. After a
// read error the sentence that was still open is not returned: the input
// ended before it could be decided.
func (sc *Scanner) Err() error { return sc.err }

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
	p := &sc.p
	for len(p.out) == 0 {
		// Ask nextParagraph only when the watch, which looks at each new
		// byte once, says it will find something: asking after every read
		// is quadratic in the paragraph's length when reads are small.
		if sc.eof || sc.watch.ready(p.text) {
			para, next, ok := nextParagraph(p.text, sc.from, sc.eof)
			if ok {
				sc.toks = tokenizeParagraph(p.text, para, p.s.lex, sc.toks[:0])
				p.paragraph(sc.toks, para)
				sc.from = next
				sc.watch = newParagraphWatch(next)
				continue
			}
			if sc.eof {
				p.finish()
				sc.done = true
				break
			}
		}
		if p.start >= 0 && sc.watch.gapSeen(p.last.end, WindowSize) {
			// The gap after the open sentence is longer than any window:
			// it ends the sentence, as it does in Segment, and need not be
			// kept.
			p.emit(p.start, p.last.end)
			p.start = -1
			break
		}
		sc.compact(sc.watch.drop())
		if err := sc.read(); err != nil {
			sc.err = err
			sc.done = true
			break
		}
	}
	sc.queue, p.out = p.out, sc.queue[:0]
}

// compact drops from the window what no later decision needs: everything
// before the open sentence, or before drop when no sentence is open.
func (sc *Scanner) compact(drop int) {
	p := &sc.p
	keep := drop
	if p.start >= 0 {
		keep = min(keep, p.start)
	}
	if keep == 0 {
		return
	}
	p.rebase(keep)
	sc.from = max(sc.from-keep, 0) // what lay between was blank lines
	sc.watch.shift(keep)
}

// read appends the next chunk of input to the window.
func (sc *Scanner) read() error {
	if sc.scratch == nil {
		sc.scratch = make([]byte, readSize)
	}
	for range 100 {
		n, err := sc.r.Read(sc.scratch)
		if n > 0 {
			sc.append(sc.scratch[:n])
		}
		switch {
		case errors.Is(err, io.EOF):
			sc.eof = true
			return nil
		case err != nil:
			return fmt.Errorf("segment: reading input at byte %d: %w", sc.p.base+len(sc.p.text), err)
		case n > 0:
			return nil
		}
	}
	return fmt.Errorf("segment: reading input: %w", io.ErrNoProgress)
}

// append adds b to the window. The window is the tail of buf, which only
// grows, so that the sentences already returned, which share its bytes,
// never change, and a read costs the length of b, not of the window. Once
// the bytes that compact dropped outweigh the window, the window moves to
// a fresh buffer: each byte is copied a bounded number of times.
func (sc *Scanner) append(b []byte) {
	live := len(sc.p.text)
	if dead := sc.buf.Len() - live; dead > 0 && dead >= live {
		sc.buf = strings.Builder{}
		sc.buf.Grow(2*live + len(b))
		sc.buf.WriteString(sc.p.text)
	}
	sc.buf.Write(b)
	s := sc.buf.String()
	sc.p.text = s[len(s)-live-len(b):]
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

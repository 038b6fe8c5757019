package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progressEvery is how often the progress line is redrawn.
const progressEvery = 250 * time.Millisecond

// progress reports on stderr how many bytes have been read and how fast, on
// one line redrawn in place. A nil *progress reports nothing.
type progress struct {
	w     io.Writer
	start time.Time
	last  time.Time // when the line was last drawn
	bytes int64
}

func newProgress(w io.Writer) *progress {
	now := time.Now()
	return &progress{w: w, start: now, last: now}
}

// isTerminal reports whether w is a terminal, where a progress line is
// welcome; a pipe or a file is not one.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// reader returns r counted by p.
func (p *progress) reader(r io.Reader) io.Reader {
	if p == nil {
		return r
	}
	return &countingReader{r: r, p: p}
}

// add counts n more bytes and redraws the line when it is due. A nil p
// counts nothing.
func (p *progress) add(n int) {
	if p == nil {
		return
	}
	p.bytes += int64(n)
	if now := time.Now(); now.Sub(p.last) >= progressEvery {
		p.last = now
		p.draw(now, "")
	}
}

// done draws the final figures and ends the line.
func (p *progress) done() {
	if p != nil {
		p.draw(time.Now(), "\n")
	}
}

func (p *progress) draw(now time.Time, end string) {
	secs := now.Sub(p.start).Seconds()
	mb := float64(p.bytes) / 1e6
	rate := 0.0
	if secs > 0 {
		rate = mb / secs
	}
	fmt.Fprintf(p.w, "\rnewsseg: %.1f MB read, %.1f MB/s%s", mb, rate, end)
}

// countingReader passes reads through and counts them in p.
type countingReader struct {
	r io.Reader
	p *progress
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.add(n)
	return n, err
}

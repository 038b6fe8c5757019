package main

import (
	"bufio"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/newsseg/newsseg/segment"
)

// output writes to a buffered writer and keeps the first write error; once
// there is one, later writes do nothing.
//
// It is on the command's hot path: a news file holds a sentence every 100
// bytes or so, and the segmenter runs at a few hundred MB/s, so writing a
// sentence must cost about as little as finding it. Each record is built
// in buf, which is reused, and written with one call; nothing is allocated
// per sentence.
type output struct {
	w   *bufio.Writer
	buf []byte
	enc *json.Encoder // for the records that are not on the hot path
	err error

	kinds [256]string // the names of the kinds met so far, by Kind
}

// outputSize is the size of the writer's buffer: large enough that a write
// system call carries many sentences.
const outputSize = 256 << 10

func newOutput(w *bufio.Writer) *output {
	return &output{w: w, buf: make([]byte, 0, 1024)}
}

// line writes s on one line, each run of white space collapsed to a space.
// s never starts or ends with white space.
func (o *output) line(s string) { o.lineWith(s, "") }

// lineWith writes s as line does, followed by suffix on the same line.
func (o *output) lineWith(s, suffix string) {
	if o.err != nil {
		return
	}
	o.buf = appendCollapsed(o.buf[:0], s)
	o.buf = append(o.buf, suffix...)
	o.buf = append(o.buf, '\n')
	_, o.err = o.w.Write(o.buf)
}

// sentence writes r as one line of JSON, exactly as encoding/json would
// write it with HTML escaping off (TestSentenceJSON holds the two
// together), but without reflection.
func (o *output) sentence(r sentenceRecord) {
	if o.err != nil {
		return
	}
	b := append(o.buf[:0], '{')
	if r.File != "" {
		b = append(b, `"file":`...)
		b = appendJSONString(b, r.File)
		b = append(b, ',')
	}
	b = append(b, `"text":`...)
	b = appendJSONString(b, r.Text)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(r.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(r.End), 10)
	b = append(b, `,"kind":`...)
	kind, err := o.kindName(r.Kind)
	if err != nil {
		o.err = err
		return
	}
	b = appendJSONString(b, kind)
	b = append(b, "}\n"...)
	o.buf = b
	_, o.err = o.w.Write(b)
}

// kindName returns what encoding/json writes for k, the text of
// k.MarshalText, which it asks for only once per kind: MarshalText
// allocates.
func (o *output) kindName(k segment.Kind) (string, error) {
	if name := o.kinds[k]; name != "" {
		return name, nil
	}
	b, err := k.MarshalText()
	if err != nil {
		return "", err
	}
	o.kinds[k] = string(b)
	return o.kinds[k], nil
}

// json writes v as one line of JSON, with encoding/json.
func (o *output) json(v any) {
	if o.err != nil {
		return
	}
	if o.enc == nil {
		o.enc = json.NewEncoder(o.w)
		o.enc.SetEscapeHTML(false)
	}
	o.err = o.enc.Encode(v)
}

// appendCollapsed appends s to dst with each run of white space (as
// unicode.IsSpace defines it) replaced by one space. News text is mostly
// words with single spaces between them, which are copied as they are.
// The loop takes eight bytes at a time and looks at them one by one only
// when plainEight cannot rule out a run that needs replacing; it copies
// nothing until one does. Invalid UTF-8 is copied as it is.
func appendCollapsed(dst []byte, s string) []byte {
	start := 0 // s[start:i] is copied as it is
	for i := 0; i < len(s); {
		for i+8 < len(s) && plainEight(load8(s[i:i+8]), s[i+8]) {
			i += 8
		}
		for end := min(i+8, len(s)); i < end; {
			var next byte
			if i+1 < len(s) {
				next = s[i+1]
			}
			n := 0
			if collapseStop[pair(s[i], next)] {
				n = spaceAt(s, i)
			}
			if n == 0 {
				i++ // a byte of a word, a single space
				continue
			}
			dst = append(dst, s[start:i]...)
			dst = append(dst, ' ')
			for i < len(s) && n > 0 {
				i += n
				if i < len(s) {
					n = spaceAt(s, i)
				}
			}
			start = i
			break
		}
	}
	return append(dst, s[start:]...)
}

// Bytes of a word, for the word-at-a-time tests of plainEight and
// plainJSON: each constant repeats one byte eight times.
const (
	ones   = 0x0101010101010101
	highs  = 0x8080808080808080
	spaces = ' ' * ones
)

// load8 returns the eight bytes of w as a little-endian word; the compiler
// makes it one load.
func load8(w string) uint64 {
	_ = w[7]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// zeroBytes returns a word that is not zero when a byte of x is zero. (The
// marks it sets are exact for the lowest zero byte only; callers use it as
// a yes or no, or take a mark too many, which only costs a closer look.)
func zeroBytes(x uint64) uint64 { return (x - ones) &^ x & highs }

// plainEight reports whether no run of white space that appendCollapsed
// must replace starts among the eight bytes of x, which next follows: x
// holds no ASCII control byte (the white space other than the space), no
// byte at or above 0x80 (the first bytes of the Unicode spaces), no two
// spaces in a row, and does not end in a space that next may continue.
func plainEight(x uint64, next byte) bool {
	// Adding 0x60 to the low seven bits of a byte sets its top bit when
	// the byte is 0x20 or more, and carries into no other byte.
	printable := (x&^highs + 0x60*ones) &^ x & highs
	sp := zeroBytes(x ^ spaces)
	if printable != highs || sp&(sp>>8) != 0 {
		return false
	}
	return x>>56 != ' ' || !maySpace[next]
}

// maySpace marks the bytes that can start white space: the ASCII white
// space and the first bytes of the Unicode spaces.
var maySpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true, 0xc2: true, 0xe1: true, 0xe2: true, 0xe3: true}

func pair(a, b byte) uint16 { return uint16(a)<<8 | uint16(b) }

// collapseStop marks, by a byte and the byte after it, where appendCollapsed
// must look closer: a byte that may start white space other than a space,
// or a space before a byte that may start white space. A space before
// anything else is a single space, kept as it is.
var collapseStop = func() *[1 << 16]bool {
	t := new([1 << 16]bool)
	for a := range 256 {
		for b := range 256 {
			t[pair(byte(a), byte(b))] = maySpace[a] && (a != ' ' || maySpace[b])
		}
	}
	return t
}()

// spaceAt returns the length of the white space character at s[i], or 0.
func spaceAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if c == ' ' || '\t' <= c && c <= '\r' {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if isUnicodeSpace(r) {
		return size
	}
	return 0
}

// isUnicodeSpace reports whether r, a rune at or above utf8.RuneSelf, is
// white space: unicode.IsSpace (TestIsUnicodeSpace compares them on every
// rune), without its table search, which made curly quotes, the commonest
// non-ASCII characters of news, the slowest part of a sentence to write.
func isUnicodeSpace(r rune) bool {
	switch {
	case r < 0x2000:
		return r == 0x85 || r == 0xa0 || r == 0x1680
	case r <= 0x200a:
		return true
	}
	return r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000
}

// jsonPlain marks the ASCII bytes that a JSON string holds as they are:
// printable characters other than the quote and the backslash. The other
// bytes, multi-byte runes among them, need a look.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendJSONString appends s to dst as a JSON string, the way encoding/json
// writes a string with HTML escaping off: control characters, the quote
// and the backslash escaped, invalid UTF-8 as \ufffd, and U+2028 and U+2029
// escaped because JavaScript reads them as line ends. Like appendCollapsed
// it takes eight bytes at a time while plainJSON finds nothing to escape.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0 // s[start:i] is copied as it is
	for i := 0; i < len(s); {
		for i+8 <= len(s) && plainJSON(load8(s[i:i+8])) {
			i += 8
		}
		for end := min(i+8, len(s)); i < end; {
			c := s[i]
			if c < utf8.RuneSelf && jsonPlain[c] {
				i++
				continue
			}
			esc, size := jsonEscape(s[i:])
			if esc != "" {
				dst = append(dst, s[start:i]...)
				dst = append(dst, esc...)
				start = i + size
			}
			i += size
		}
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// plainJSON reports whether the eight bytes of x need no escape and no
// decoding: none is below 0x20 or at or above 0x80, a quote or a
// backslash.
func plainJSON(x uint64) bool {
	printable := (x&^highs + 0x60*ones) &^ x & highs
	return printable == highs && zeroBytes(x^('"'*ones))|zeroBytes(x^('\\'*ones)) == 0
}

// jsonEscape returns the escape of the byte or rune that s starts with,
// "" when it stands as it is, and its length in s.
func jsonEscape(s string) (string, int) {
	c := s[0]
	if c < utf8.RuneSelf {
		switch c {
		case '"':
			return `\"`, 1
		case '\\':
			return `\\`, 1
		case '\b':
			return `\b`, 1
		case '\f':
			return `\f`, 1
		case '\n':
			return `\n`, 1
		case '\r':
			return `\r`, 1
		case '\t':
			return `\t`, 1
		}
		if c < 0x20 {
			return controlEscapes[c], 1
		}
		return "", 1
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size == 1:
		return `\ufffd`, 1
	case r == '\u2028':
		return `\u2028`, size
	case r == '\u2029':
		return `\u2029`, size
	}
	return "", size
}

// controlEscapes holds the \u00XX escape of each control character.
var controlEscapes = func() (t [0x20]string) {
	const hex = "0123456789abcdef"
	for c := range t {
		t[c] = `\u00` + string(hex[c>>4]) + string(hex[c&0xf])
	}
	return t
}()

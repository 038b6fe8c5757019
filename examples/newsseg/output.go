package main

import (
	"bufio"
	"encoding/json"
	"math/bits"
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
// where the writer would copy it to, the free end of its buffer, and
// written with one call that finds it in place; nothing is allocated per
// sentence.
type output struct {
	w   *bufio.Writer
	buf []byte        // for a record longer than the writer's free space
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

// record returns an empty slice to append a record of at most max bytes
// to: the free end of the writer's buffer when the record fits there, else
// o.buf, for which it reports own. Pass what was appended to write.
func (o *output) record(max int) (b []byte, own bool) {
	if o.w.Available() >= max {
		return o.w.AvailableBuffer(), false
	}
	return o.buf[:0], true
}

// write writes b, a record built in what record returned, and keeps o.buf,
// grown, when b was built in it.
func (o *output) write(b []byte, own bool) {
	if own {
		o.buf = b[:0]
	}
	_, o.err = o.w.Write(b)
}

// line writes s on one line, each run of white space collapsed to a space.
// s never starts or ends with white space.
func (o *output) line(s string) {
	if o.err != nil {
		return
	}
	b, own := o.record(len(s) + 1)
	b = appendCollapsed(b, s)
	o.write(append(b, '\n'), own)
}

// lineWith writes s as line does, followed by suffix on the same line.
func (o *output) lineWith(s, suffix string) {
	if o.err != nil {
		return
	}
	b, own := o.record(len(s) + len(suffix) + 1)
	b = appendCollapsed(b, s)
	b = append(b, suffix...)
	o.write(append(b, '\n'), own)
}

// jsonGrowth is how many bytes of a JSON string one byte of its text may
// become at most: a control character or an invalid byte becomes \u001f
// or \ufffd.
const jsonGrowth = 6

// sentence writes r as one line of JSON, exactly as encoding/json would
// write it with HTML escaping off (TestSentenceJSON holds the two
// together), but without reflection.
func (o *output) sentence(r sentenceRecord) {
	if o.err != nil {
		return
	}
	kind, err := o.kindName(r.Kind)
	if err != nil {
		o.err = err
		return
	}
	// The text, the file name and the kind, escaped and quoted, and the
	// rest: the names, two numbers of up to 20 bytes, the punctuation.
	b, own := o.record(jsonGrowth*(len(r.File)+len(r.Text)+len(kind)) + 128)
	b = append(b, '{')
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
	b = appendJSONString(b, kind)
	o.write(append(b, "}\n"...), own)
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
// words with single spaces between them, which are copied as they are:
// collapseMarks finds, eight bytes at a time, the bytes that may start a
// run to replace, and the loop looks only at those; it copies nothing
// until a run needs replacing. Invalid UTF-8 is copied as it is.
func appendCollapsed(dst []byte, s string) []byte {
	start := 0 // s[start:i] is copied as it is
	for i := 0; i < len(s); {
		at, m := i, uint64(0) // m marks bytes of s[at:at+8]
		switch {
		case i+8 < len(s):
			// The step is 8 whatever the bytes: a step that depended on
			// them would chain each load to the last one's tests.
			if m = collapseMarks(load8(s[i:i+8]), s[i+8]); m == 0 {
				i += 8
				continue
			}
		case len(s) >= 8:
			// The last eight bytes, loaded whole rather than one by
			// one; the marks before i were looked at. Nothing follows.
			at = len(s) - 8
			m = collapseMarks(load8(s[at:]), 'x')
		default:
			m = collapseMarks(loadShort(s[i:]), 'x')
		}
		for ; m != 0; m &= m - 1 {
			j := at + bits.TrailingZeros64(m)/8
			if j < i {
				continue // inside a run replaced already
			}
			// s[j] is a space, or a byte outside printable ASCII.
			n := spaceAt(s, j)
			if n == 0 {
				continue
			}
			end := j + n
			for end < len(s) {
				n := spaceAt(s, end)
				if n == 0 {
					break
				}
				end += n
			}
			if end == j+1 && s[j] == ' ' {
				continue // a single space, kept
			}
			dst = append(dst, s[start:j]...)
			dst = append(dst, ' ')
			start, i = end, end
		}
		i = max(i, at+8)
	}
	return append(dst, s[start:]...)
}

// Bytes of a word, for the word-at-a-time tests of collapseMarks and
// jsonMarks: each constant repeats one byte eight times.
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

// loadShort returns the bytes of w, shorter than eight, as load8 would,
// the missing bytes filled with 'x', a byte that neither mark function
// marks or looks past.
func loadShort(w string) uint64 {
	x := uint64(0)
	for i := len(w) - 1; i >= 0; i-- {
		x = x<<8 | uint64(w[i])
	}
	return x | 'x'*ones<<(8*len(w))
}

// zeroBytes returns a word with the top bit set in each byte of x that is
// zero. (A byte 0x01 just above a zero byte is marked too; that costs the
// callers only a closer look at it.)
func zeroBytes(x uint64) uint64 { return (x - ones) &^ x & highs }

// unprintable returns a word with the top bit set in each byte of x that
// is not printable ASCII: an ASCII control byte or one at or above 0x80.
func unprintable(x uint64) uint64 {
	// Adding 0x60 to the low seven bits of a byte sets its top bit when
	// the byte is 0x20 or more, and carries into no other byte.
	return ^((x&^highs + 0x60*ones) &^ x) & highs
}

// collapseMarks returns a word with the top bit set in each byte of x
// where appendCollapsed must look: the bytes outside printable ASCII (the
// white space other than the space, the first bytes of the Unicode spaces,
// and the rest, which a look rules out), and each space before a space or
// one of those, next being the byte after x. Every run of white space to
// replace that starts in x starts at a marked byte. The tests are few, and
// have no branch, because every eight bytes of text pay for them; the
// bytes they mark in vain (continuation bytes, say) cost a look that a
// byte rules out.
func collapseMarks(x uint64, next byte) uint64 {
	odd := unprintable(x)
	sp := zeroBytes(x ^ spaces)
	// 1 when next is a space, a control byte or at or above 0x80.
	n := uint64(next)
	nextOdd := (n-0x21)>>63 | n>>7
	return odd | sp&((sp|odd)>>8|nextOdd<<63)
}

// spaceAt returns the length of the white space character at s[i], or 0.
func spaceAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if c == ' ' || '\t' <= c && c <= '\r' {
			return 1
		}
		return 0
	}
	return unicodeSpaceLen(s[i:])
}

// unicodeSpaceLen returns the length of the white space character that s,
// whose first byte is at or above utf8.RuneSelf, starts with, or 0. It
// answers as unicode.IsSpace of the decoded rune would (TestUnicodeSpaceLen
// compares them on every rune) but reads the bytes instead: curly quotes
// and dashes, the commonest non-ASCII characters of news, are ruled out by
// a byte or two. The white space above ASCII is U+0085, U+00A0, U+1680,
// U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
func unicodeSpaceLen(s string) int {
	switch s[0] {
	case 0xc2:
		if len(s) >= 2 && (s[1] == 0x85 || s[1] == 0xa0) {
			return 2
		}
	case 0xe1:
		if len(s) >= 3 && s[1] == 0x9a && s[2] == 0x80 {
			return 3
		}
	case 0xe2:
		if len(s) < 3 {
			return 0
		}
		c := s[2]
		if s[1] == 0x80 && (0x80 <= c && c <= 0x8a || c == 0xa8 || c == 0xa9 || c == 0xaf) ||
			s[1] == 0x81 && c == 0x9f {
			return 3
		}
	case 0xe3:
		if len(s) >= 3 && s[1] == 0x80 && s[2] == 0x80 {
			return 3
		}
	}
	return 0
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
// it looks only at the bytes jsonMarks marks.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0 // s[start:i] is copied as it is
	for i := 0; i < len(s); {
		at, m := i, uint64(0) // m marks bytes of s[at:at+8]
		switch {
		case i+8 <= len(s):
			if m = jsonMarks(load8(s[i : i+8])); m == 0 {
				i += 8
				continue
			}
		case len(s) >= 8:
			// The last eight bytes, as in appendCollapsed.
			at = len(s) - 8
			m = jsonMarks(load8(s[at:]))
		default:
			m = jsonMarks(loadShort(s[i:]))
		}
		for ; m != 0; m &= m - 1 {
			j := at + bits.TrailingZeros64(m)/8
			if j < i {
				continue // inside a character looked at already
			}
			if c := s[j]; c < utf8.RuneSelf && jsonPlain[c] {
				continue // marked only by zeroBytes's spill
			}
			esc, size := jsonEscape(s[j:])
			if esc != "" {
				dst = append(dst, s[start:j]...)
				dst = append(dst, esc...)
				start = j + size
			}
			i = j + size
		}
		i = max(i, at+8)
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// jsonMarks returns a word with the top bit set in each byte of x that may
// need an escape or decoding: below 0x20 or at or above 0x80, a quote or a
// backslash.
func jsonMarks(x uint64) uint64 {
	// zeroBytes and unprintable, their last step, the top bits, taken
	// once.
	quote, backslash := x^('"'*ones), x^('\\'*ones)
	return (^(x&^highs + 0x60*ones) | x | (quote-ones)&^quote | (backslash-ones)&^backslash) & highs
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
	// Two-byte sequences and three-byte ones that cannot be overlong or
	// a surrogate are valid whatever their continuation bytes: this
	// answers curly quotes, dashes and accented letters without decoding.
	if len(s) >= 3 && s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80 &&
		(0xe1 <= c && c <= 0xec || c == 0xee || c == 0xef) {
		if c == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9) {
			return lineSeparators[s[2]-0xa8], 3
		}
		return "", 3
	}
	if len(s) >= 2 && s[1]&0xc0 == 0x80 && 0xc2 <= c && c <= 0xdf {
		return "", 2
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

// lineSeparators holds the escapes of U+2028 and U+2029.
var lineSeparators = [2]string{`\u2028`, `\u2029`}

// controlEscapes holds the \u00XX escape of each control character.
var controlEscapes = func() (t [0x20]string) {
	const hex = "0123456789abcdef"
	for c := range t {
		t[c] = `\u00` + string(hex[c>>4]) + string(hex[c&0xf])
	}
	return t
}()

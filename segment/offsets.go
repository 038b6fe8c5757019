package segment

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Unit is a unit in which offsets into a text are counted. [Sentence] offsets
// are always in [Bytes]; [Unit.Count] and [OffsetCounter] convert them for
// consumers that index strings differently.
type Unit uint8

const (
	// Bytes counts UTF-8 bytes, as Go strings, Rust and Sentence do.
	Bytes Unit = iota
	// Runes counts Unicode code points, as Python's str indices do.
	Runes
	// UTF16 counts UTF-16 code units, as JavaScript, Java and C# strings
	// do: a code point above U+FFFF counts 2.
	UTF16
)

var unitNames = [...]string{Bytes: "byte", Runes: "rune", UTF16: "utf16"}

// String returns the name of u: "byte", "rune" or "utf16", or "Unit(N)" for
// a value that is not a valid unit.
func (u Unit) String() string {
	if int(u) < len(unitNames) {
		return unitNames[u]
	}
	return "Unit(" + strconv.Itoa(int(u)) + ")"
}

// ParseUnit is the inverse of [Unit.String]; it is case-insensitive and also
// accepts the plurals "bytes" and "runes" and "utf-16".
func ParseUnit(s string) (Unit, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "byte", "bytes":
		return Bytes, nil
	case "rune", "runes":
		return Runes, nil
	case "utf16", "utf-16":
		return UTF16, nil
	}
	return 0, fmt.Errorf("segment: unknown offset unit %q (want byte, rune or utf16)", s)
}

// Count returns the length of s counted in u. The offset in u of byte offset
// i into text is u.Count(text[:i]); to convert many offsets into one text
// in increasing order, an [OffsetCounter] does it in one pass.
//
// Invalid UTF-8 counts one unit per byte, as it would once each such byte is
// replaced by U+FFFD, which is what encoding/json and a range loop do. So
// offsets converted from Sentence offsets index the JSON-decoded text of the
// whole input in Python or JavaScript.
func (u Unit) Count(s string) int {
	switch u {
	case Runes:
		return utf8.RuneCountInString(s)
	case UTF16:
		n := 0
		for i := 0; i < len(s); {
			if s[i] < utf8.RuneSelf {
				n++
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			n += width16(r, size)
			i += size
		}
		return n
	}
	return len(s)
}

// width16 is the number of UTF-16 code units of the rune r decoded from size
// bytes; an invalid byte (utf8.RuneError, size 1) becomes one U+FFFD.
func width16(r rune, size int) int {
	if r > 0xFFFF && size == 4 {
		return 2
	}
	return 1
}

// An OffsetCounter converts byte offsets into a text to offsets in another
// [Unit] while the text is read in order, in pieces of any size: it needs
// neither the whole text nor to see any byte twice, so it suits a stream.
//
// Write every byte of the text to it, in order: the text of each sentence
// and the white space between sentences, or simply everything read from the
// input. After the first i bytes, [OffsetCounter.Offset] is the offset in
// the counter's unit of byte offset i, which is [Unit.Count] of those bytes.
// So, for sentences in order, write the gap before a sentence, read Offset
// (its Start), write its Text, read Offset (its End). The gaps matter: white
// space may be several bytes per code point (U+00A0, U+3000).
//
// A UTF-8 sequence split between two writes is counted once its last byte
// arrives; until then Offset counts its bytes as if the text ended there.
// Offsets at sentence boundaries are exact, since no sentence starts or ends
// inside a code point.
//
// The zero value counts [Bytes]; use [NewOffsetCounter] for another unit.
// An OffsetCounter is not safe for concurrent use.
type OffsetCounter struct {
	unit  Unit
	bytes int               // bytes written
	n     int               // units of the bytes written before pend
	pend  [utf8.UTFMax]byte // an incomplete UTF-8 sequence that ended the last write
	np    int               // length of pend
}

// NewOffsetCounter returns an OffsetCounter that counts in u, at offset 0.
func NewOffsetCounter(u Unit) *OffsetCounter {
	return &OffsetCounter{unit: u}
}

// Unit returns the unit c counts in.
func (c *OffsetCounter) Unit() Unit { return c.unit }

// Offset returns the offset, in c's unit, of the end of the text written so
// far.
func (c *OffsetCounter) Offset() int {
	if c.unit == Bytes {
		return c.bytes
	}
	return c.n + c.np
}

// ByteOffset returns the number of bytes written so far, the byte offset
// that [OffsetCounter.Offset] converts.
func (c *OffsetCounter) ByteOffset() int { return c.bytes }

// Reset returns c to offset 0, keeping its unit.
func (c *OffsetCounter) Reset() { *c = OffsetCounter{unit: c.unit} }

// Write counts p as the next bytes of the text. It always returns len(p),
// nil, so that c can be an io.Writer, for instance under io.TeeReader.
func (c *OffsetCounter) Write(p []byte) (int, error) {
	add(c, p)
	return len(p), nil
}

// WriteString is [OffsetCounter.Write] for a string.
func (c *OffsetCounter) WriteString(s string) (int, error) {
	add(c, s)
	return len(s), nil
}

// add counts p, completing first a sequence left incomplete by the last
// write.
func add[T string | []byte](c *OffsetCounter, p T) {
	c.bytes += len(p)
	if c.unit == Bytes {
		return
	}
	for c.np > 0 && len(p) > 0 {
		c.pend[c.np] = p[0]
		c.np++
		p = p[1:]
		if !utf8.FullRune(c.pend[:c.np]) {
			continue
		}
		// The sequence is complete, or proved invalid: count its first
		// rune, then count again the bytes held after it.
		var held [utf8.UTFMax]byte
		r, size := utf8.DecodeRune(c.pend[:c.np])
		rest := held[:copy(held[:], c.pend[size:c.np])]
		c.np = 0
		c.n += c.width(r, size)
		scan(c, rest)
	}
	scan(c, p)
}

// scan counts p, which starts at a rune boundary of the text, and keeps a
// trailing incomplete sequence in pend.
func scan[T string | []byte](c *OffsetCounter, p T) {
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			c.n++
			i++
			continue
		}
		var buf [utf8.UTFMax]byte
		head := buf[:copy(buf[:], p[i:])]
		if !utf8.FullRune(head) {
			c.np = copy(c.pend[:], head)
			return
		}
		r, size := utf8.DecodeRune(head)
		c.n += c.width(r, size)
		i += size
	}
}

func (c *OffsetCounter) width(r rune, size int) int {
	if c.unit == UTF16 {
		return width16(r, size)
	}
	return 1
}

package htmlseg

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth bounds the stack of open elements. Deeper elements are not
// tracked: their text takes the context of the deepest one tracked.
const maxDepth = 512

// Separators between two pieces of visible text, weakest first.
const (
	sepNone  = iota
	sepSpace // white space: one space
	sepLine  // a <br>, or a newline in <pre>: a line break
	sepPara  // a block's start or end, or <br><br>: a paragraph break
)

// elem is an open element and the context of the text inside it.
type elem struct {
	a    atom.Atom
	name string // the name of an element atom does not know, else ""
	ctx  info
}

// run maps visible bytes [vis, vis+n) back to the page. A verbatim run
// copies page[html:html+n]; a unit run is the decoding of one character
// reference, page[html:html+hn], and every byte of it maps to the whole
// reference.
type run struct {
	vis, html int
	n, hn     int
	unit      bool
	ctx       info
}

// visible reads an HTML page through the tokenizer and serves, as an
// io.Reader, the text a browser shows: tags removed, character references
// decoded, white space collapsed, blocks separated by blank lines and <br>
// by a newline. It records where each visible byte came from in runs, which
// the caller trims as it consumes sentences.
type visible struct {
	z      *html.Tokenizer
	words  map[string]class
	maxBuf int // the tokenizer's limit, 0 for none
	off    int // page offset of the next token

	stack    []elem
	seen     bool // an <article> or <main> has started
	tmpl     int  // depth of open <template> elements: their content is inert
	svg      int  // depth of open <svg> elements: icons, not text
	skipText bool // the next text token is the content of a raw-text element

	sep     int  // the separator owed before the next visible byte
	spaceAt int  // page offset of the single ' ' that sepSpace stands for, or -1
	brs     int  // <br>s since the last visible byte
	wrote   bool // a visible byte has been written

	out  []byte // visible bytes not yet read
	vis  int    // visible offset just past out
	runs []run  // runs[head:] are live
	head int

	eof bool
	err error
}

func newVisible(r io.Reader, words map[string]class, maxBuf int) *visible {
	z := html.NewTokenizer(r)
	z.SetMaxBuf(maxBuf)
	return &visible{z: z, words: words, maxBuf: maxBuf, spaceAt: -1}
}

// Read implements io.Reader over the visible text.
func (v *visible) Read(p []byte) (int, error) {
	for len(v.out) == 0 {
		if v.eof {
			if v.err != nil {
				return 0, v.err
			}
			return 0, io.EOF
		}
		v.step()
	}
	n := copy(p, v.out)
	v.out = v.out[n:]
	if len(v.out) == 0 {
		v.out = v.out[:0:0]
	}
	return n, nil
}

// ctx returns the context of text at the current position.
func (v *visible) ctx() info {
	if len(v.stack) == 0 {
		return info{}
	}
	return v.stack[len(v.stack)-1].ctx
}

func (v *visible) skipping() bool { return v.tmpl > 0 || v.svg > 0 }

// step reads one token.
func (v *visible) step() {
	tt := v.z.Next()
	raw := v.z.Raw()
	start := v.off
	v.off += len(raw)
	skipText := v.skipText
	v.skipText = false
	switch tt {
	case html.ErrorToken:
		v.eof = true
		switch err := v.z.Err(); {
		case err == io.EOF:
		case errors.Is(err, html.ErrBufferExceeded):
			v.err = fmt.Errorf("htmlseg: reading the page at byte %d: a token is longer than %d bytes: %w", start, v.maxBuf, err)
		default:
			v.err = fmt.Errorf("htmlseg: reading the page at byte %d: %w", start, err)
		}
	case html.TextToken:
		if !skipText && !v.skipping() {
			v.text(raw, start)
		}
	case html.StartTagToken, html.SelfClosingTagToken:
		var buf [maxAtomLen]byte
		name := tagName(buf[:0], raw[1:])
		v.startTag(atom.Lookup(name), name, tt == html.SelfClosingTagToken)
	case html.EndTagToken:
		var buf [maxAtomLen]byte
		name := tagName(buf[:0], raw[2:])
		v.endTag(atom.Lookup(name), name)
	}
}

// maxAtomLen is longer than every name atom knows, so a name that fills it
// is no known element.
const maxAtomLen = 32

// tagName returns the lower-cased name at the start of b, the raw bytes of
// a tag after its "<" or "</", in buf when it fits. The tokenizer's own
// TagName allocates for every tag.
func tagName(buf []byte, b []byte) []byte {
	end := 0
	for end < len(b) {
		c := b[end]
		if c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '/' || c == '>' {
			break
		}
		end++
	}
	if end > cap(buf) {
		buf = make([]byte, 0, end)
	}
	for _, c := range b[:end] {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

func (v *visible) startTag(a atom.Atom, name []byte, selfClosing bool) {
	if isRawText(a.String()) {
		v.skipText = true
	}
	if !selfClosing {
		switch a {
		case atom.Template:
			v.tmpl++
		case atom.Svg:
			v.svg++
		}
	}
	if v.skipping() {
		return
	}
	if a == atom.Br {
		v.br()
		return
	}
	if isBlock(a) {
		v.sep = sepPara
	}
	switch a {
	case atom.Html, atom.Head, atom.Body:
		return
	}
	v.implicitClose(a)
	if isVoid(a) {
		return
	}
	c := tagClass(a)
	var story bool
	for more := true; more; {
		var key, val []byte
		key, val, more = v.z.TagAttr()
		switch string(key) {
		case "class", "id", "itemprop":
			c = max(c, attrClass(v.words, val))
		case "role":
			c = max(c, roleClass(val))
			if r := string(bytes.TrimSpace(val)); r == "main" || r == "article" {
				story = true
			}
		case "rel":
			if attrClass(v.words, val) == meta {
				c = max(c, meta)
			}
		}
	}
	ctx := v.ctx().nest(c, !isBlock(a))
	switch a {
	case atom.A:
		ctx.link = true
	case atom.B, atom.Strong:
		ctx.bold = true
	case atom.H1:
		ctx.h1 = true
	case atom.Pre:
		ctx.pre = true
	case atom.Article, atom.Main:
		story = true
	}
	if story {
		ctx.story = true
		v.seen = true
	}
	if len(v.stack) >= maxDepth {
		return
	}
	e := elem{a: a, ctx: ctx}
	if a == 0 {
		e.name = string(name)
	}
	v.stack = append(v.stack, e)
}

// implicitClose pops the elements that a start tag of a closes, as a
// parser does: "<p>one<p>two" is two paragraphs, "<li>a<li>b" two items.
func (v *visible) implicitClose(a atom.Atom) {
	if isHeading(a) && len(v.stack) > 0 && isHeading(v.stack[len(v.stack)-1].a) {
		v.stack = v.stack[:len(v.stack)-1]
	}
	targets, barrier := closes(a)
	if targets == nil {
		return
	}
	for i := len(v.stack) - 1; i >= 0; i-- {
		b := v.stack[i].a
		for _, t := range targets {
			if b == t {
				v.stack = v.stack[:i]
				return
			}
		}
		if barrier(b) {
			return
		}
	}
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func (v *visible) endTag(a atom.Atom, name []byte) {
	switch {
	case a == atom.Template && v.tmpl > 0:
		v.tmpl--
		return
	case a == atom.Svg && v.svg > 0:
		v.svg--
		return
	case v.skipping():
		return
	case a == atom.Br: // "</br>" is read as "<br>"
		v.br()
		return
	}
	if isBlock(a) {
		v.sep = sepPara
	}
	for i := len(v.stack) - 1; i >= 0; i-- {
		e := v.stack[i]
		if e.a == a && (a != 0 || e.name == string(name)) {
			v.stack = v.stack[:i]
			return
		}
	}
}

// br records a line break; a second one with no text between makes a
// paragraph break.
func (v *visible) br() {
	v.brs++
	if v.brs >= 2 {
		v.sep = sepPara
	} else {
		v.sep = max(v.sep, sepLine)
	}
}

// space records white space at page offset at; single says it is one ' '.
func (v *visible) space(at int, single bool) {
	switch {
	case v.sep == sepNone && single:
		v.sep, v.spaceAt = sepSpace, at
	case v.sep <= sepSpace:
		v.sep, v.spaceAt = sepSpace, -1
	}
}

// text turns the raw bytes of a text token, which starts at page offset
// start, into visible text.
func (v *visible) text(raw []byte, start int) {
	ctx := v.ctx()
	ctx.seen = v.seen
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '&':
			j := entityEnd(raw, i)
			v.unit(html.UnescapeString(string(raw[i:j])), start+i, start+j, ctx)
			i = j
		case c == '\r' || c == '\n':
			if ctx.pre {
				if c == '\n' || i+1 == len(raw) || raw[i+1] != '\n' {
					v.br()
				}
			} else {
				v.space(start+i, false)
			}
			i++
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
			v.space(start+i, c == ' ')
			i++
		case c == 0: // a browser shows nothing for NUL
			i++
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(raw[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				// A browser shows an invalid byte as U+FFFD; kept as it
				// is, two of them could join into a character that is
				// not on the page.
				v.unit("\uFFFD", start+i, start+i+1, ctx)
			case unicode.IsSpace(r):
				v.space(start+i, false)
			case r == '\uFEFF' && start+i == 0: // byte order mark
			default:
				v.verbatim(raw[i:i+size], start+i, ctx)
			}
			i += size
		default:
			j := i + 1
			for j < len(raw) && plainByte(raw[j]) {
				j++
			}
			v.verbatim(raw[i:j], start+i, ctx)
			i = j
		}
	}
}

// plainByte reports whether c is an ASCII byte that text copies as it is.
func plainByte(c byte) bool {
	return c < utf8.RuneSelf && c != '&' && c != 0 && c != ' ' && (c < '\t' || c > '\r')
}

// entityEnd returns the end of the character reference that starts at
// b[i] == '&', as the tokenizer's decoder reads it: a numeric reference
// with its digits and optional ';', or '&' and a run of letters and digits
// with an optional ';' (of which the decoder may take only a prefix, leaving
// the rest as it is). A '&' that starts no reference is a unit of its own.
func entityEnd(b []byte, i int) int {
	j := i + 1
	if j < len(b) && b[j] == '#' {
		j++
		hex := j < len(b) && (b[j] == 'x' || b[j] == 'X')
		if hex {
			j++
		}
		d := j
		for j < len(b) && (isDigit(b[j]) || hex && isHex(b[j])) {
			j++
		}
		if j == d {
			return i + 1
		}
		if j < len(b) && b[j] == ';' {
			j++
		}
		return j
	}
	for j < len(b) && (isDigit(b[j]) || 'a' <= b[j]|0x20 && b[j]|0x20 <= 'z') {
		j++
	}
	if j > i+1 && j < len(b) && b[j] == ';' {
		j++
	}
	return j
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }

// unit writes the decoding s of the character reference page[from:to].
func (v *visible) unit(s string, from, to int, ctx info) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			v.space(from, false)
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		v.separate()
		v.runs = append(v.runs, run{vis: v.vis, html: from, n: j - i, hn: to - from, unit: true, ctx: ctx})
		v.out = append(v.out, s[i:j]...)
		v.vis += j - i
		i = j
	}
}

// verbatim writes b, copied from page offset at.
func (v *visible) verbatim(b []byte, at int, ctx info) {
	joined := v.sep == sepSpace && v.spaceAt == at-1
	v.separate()
	if n := len(v.runs); n > v.head {
		last := &v.runs[n-1]
		if !last.unit && last.ctx == ctx && last.vis+last.n == v.vis-1 && last.html+last.n == at-1 && joined {
			// the one space between them was copied too
			last.n += 1 + len(b)
			last.hn = last.n
			v.out = append(v.out, b...)
			v.vis += len(b)
			return
		}
		if !last.unit && last.ctx == ctx && last.vis+last.n == v.vis && last.html+last.n == at {
			last.n += len(b)
			last.hn = last.n
			v.out = append(v.out, b...)
			v.vis += len(b)
			return
		}
	}
	v.runs = append(v.runs, run{vis: v.vis, html: at, n: len(b), hn: len(b), ctx: ctx})
	v.out = append(v.out, b...)
	v.vis += len(b)
}

// separate writes the separator owed before a visible byte.
func (v *visible) separate() {
	if v.wrote {
		switch v.sep {
		case sepSpace:
			v.out = append(v.out, ' ')
			v.vis++
		case sepLine:
			v.out = append(v.out, '\n')
			v.vis++
		case sepPara:
			v.out = append(v.out, '\n', '\n')
			v.vis += 2
		}
	}
	v.wrote = true
	v.sep, v.spaceAt, v.brs = sepNone, -1, 0
}

// find returns the index in runs of the live run that holds visible offset
// x, which must be a visible byte that is not white space.
func (v *visible) find(x int) int {
	live := v.runs[v.head:]
	i := sort.Search(len(live), func(i int) bool { return live[i].vis+live[i].n > x })
	return v.head + i
}

// pageStart returns the page offset where the visible byte x starts.
func (r *run) pageStart(x int) int {
	if r.unit {
		return r.html
	}
	return r.html + x - r.vis
}

// pageEnd returns the page offset just past the visible byte x-1.
func (r *run) pageEnd(x int) int {
	if r.unit {
		return r.html + r.hn
	}
	return r.html + x - r.vis
}

// trim drops the runs that end at or before visible offset x.
func (v *visible) trim(x int) {
	for v.head < len(v.runs) && v.runs[v.head].vis+v.runs[v.head].n <= x {
		v.head++
	}
	if v.head > 64 && v.head*2 > len(v.runs) {
		n := copy(v.runs, v.runs[v.head:])
		v.runs = v.runs[:n]
		v.head = 0
	}
}

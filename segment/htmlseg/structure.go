package htmlseg

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/net/html/atom"

	"github.com/newsseg/newsseg/segment"
)

// class is what the markup says about the kind of the text inside an
// element. none leaves it to the text classifier; body is the weak kind of
// a story paragraph, which the classifier may still read as meta or
// boilerplate (a byline or "Advertisement" in a <p>). The order matters:
// a stronger class in an element's attributes overrides its tag's.
type class uint8

const (
	none class = iota
	body
	cell // a table cell: body, whatever the text looks like
	headline
	meta
	boilerplate
)

// info is the structural context of a piece of visible text, computed from
// the elements open around it.
type info struct {
	block  class // from the block elements and attributes around the text
	inline class // from inline elements: <time>, an author link, a share button
	bold   bool  // inside <b> or <strong>
	h1     bool  // inside <h1>
	pre    bool  // inside <pre>: newlines are line breaks
	link   bool  // inside <a>
	story  bool  // inside <article> or <main>
	seen   bool  // an <article> or <main> had started before the text
}

// nest returns the context inside an element of class c, which is inline
// when the element does not start a block, within the context i.
func (i info) nest(c class, inline bool) info {
	switch {
	case c == none:
	case inline:
		if i.inline != boilerplate {
			i.inline = c
		}
	case i.block == boilerplate:
	case (c == body || c == cell) && (i.block == headline || i.block == meta):
	default:
		i.block = c
	}
	return i
}

//go:embed data/classes.txt
var classesFile string

// loadClasses parses data/classes.txt.
var loadClasses = sync.OnceValues(func() (map[string]class, error) {
	return parseClasses("data/classes.txt", classesFile)
})

// parseClasses reads a list of "kind<TAB>word" lines into a map from
// attribute word to class.
func parseClasses(name, data string) (map[string]class, error) {
	words := make(map[string]class)
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		kind, word, ok := strings.Cut(line, "\t")
		if !ok || word == "" || len(word) > 24 || strings.ContainsFunc(word, func(r rune) bool { return !isAlnum(r) }) {
			return nil, fmt.Errorf("htmlseg: %s: line %d: %q: want a kind, a tab and one ASCII word of up to 24 letters and digits", name, n, line)
		}
		k, err := segment.ParseKind(kind)
		if err != nil {
			return nil, fmt.Errorf("htmlseg: %s: line %d: %w", name, n, err)
		}
		words[strings.ToLower(word)] = classOf(k)
	}
	return words, nil
}

// classOf returns the class that gives kind k.
func classOf(k segment.Kind) class {
	switch k {
	case segment.Headline:
		return headline
	case segment.Meta:
		return meta
	case segment.Boilerplate:
		return boilerplate
	}
	return body
}

func isAlnum(r rune) bool { return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' }

// attrClass returns the strongest class that the words of an attribute
// value name: boilerplate before meta before headline.
func attrClass(words map[string]class, v []byte) class {
	best := none
	var buf [24]byte
	word := buf[:0]
	long := false // the word is longer than any in the list
	flush := func() {
		if len(word) > 0 && !long {
			if c, ok := words[string(word)]; ok && c > best {
				best = c
			}
		}
		word, long = word[:0], false
	}
	prevLower := false
	for _, c := range v {
		lower, upper := 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z'
		switch {
		case !lower && !upper && !isDigit(c):
			// Only ASCII words are listed: anything else separates.
			flush()
			prevLower = false
			continue
		case upper && prevLower:
			flush()
		}
		if upper {
			c += 'a' - 'A'
		}
		if len(word) == cap(word) {
			long = true
		} else {
			word = append(word, c)
		}
		prevLower = lower
	}
	flush()
	return best
}

// tagClass returns the class an element gives by its name alone.
func tagClass(a atom.Atom) class {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return headline
	case atom.Figcaption, atom.Caption, atom.Time, atom.Address:
		return meta
	case atom.Nav, atom.Footer, atom.Aside, atom.Form, atom.Menu, atom.Button,
		atom.Select, atom.Dialog:
		return boilerplate
	case atom.Td, atom.Th:
		return cell
	case atom.P, atom.Li, atom.Blockquote, atom.Dd, atom.Dt, atom.Pre:
		return body
	}
	return none
}

// roleClass returns the class of an ARIA landmark role.
func roleClass(role []byte) class {
	switch string(bytes.ToLower(bytes.TrimSpace(role))) {
	case "navigation", "banner", "contentinfo", "complementary", "search",
		"menu", "menubar", "dialog", "alertdialog":
		return boilerplate
	}
	return none
}

// isBlock reports whether an element starts and ends a paragraph of the
// visible text: a browser lays it out as a box of its own.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body,
		atom.Caption, atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir,
		atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
		atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Legend,
		atom.Li, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Td,
		atom.Tfoot, atom.Th, atom.Thead, atom.Tr, atom.Ul, atom.Option,
		atom.Optgroup, atom.Select, atom.Button, atom.Iframe, atom.Video,
		atom.Audio, atom.Canvas, atom.Picture, atom.Object, atom.Embed:
		return true
	}
	return false
}

// isVoid reports whether an element never has content, so it is never
// pushed on the stack of open elements.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr,
		atom.Img, atom.Input, atom.Link, atom.Meta, atom.Param, atom.Source,
		atom.Track, atom.Wbr, atom.Keygen, atom.Basefont, atom.Bgsound,
		atom.Frame:
		return true
	}
	return false
}

// isRawText reports whether the tokenizer returns the content of an
// element as one text token that is not markup. None of it is visible
// article text: scripts (JSON-LD included), styles, the <noscript>
// fallback, frames, the page <title> and the content of form fields.
func isRawText(name string) bool {
	switch name {
	case "script", "style", "noscript", "iframe", "noembed", "noframes",
		"plaintext", "textarea", "title", "xmp":
		return true
	}
	return false
}

// closes reports whether a start tag of a implicitly closes an open
// element b, as an HTML parser does for paragraphs, list items, table cells
// and rows, and headings; barrier reports where the search for b stops.
func closes(a atom.Atom) (targets []atom.Atom, barrier func(atom.Atom) bool) {
	switch a {
	case atom.Li:
		return liTargets, func(b atom.Atom) bool { return b == atom.Ul || b == atom.Ol || b == atom.Menu || isScope(b) }
	case atom.Dd, atom.Dt:
		return dTargets, func(b atom.Atom) bool { return b == atom.Dl || isScope(b) }
	case atom.Td, atom.Th:
		return cellTargets, func(b atom.Atom) bool { return b == atom.Tr || b == atom.Table }
	case atom.Tr:
		return rowTargets, func(b atom.Atom) bool {
			return b == atom.Table || b == atom.Tbody || b == atom.Thead || b == atom.Tfoot
		}
	case atom.Option, atom.Optgroup:
		return optionTargets, func(b atom.Atom) bool { return b == atom.Select || b == atom.Datalist }
	}
	if closesP(a) {
		return pTargets, isScope
	}
	return nil, nil
}

var (
	liTargets     = []atom.Atom{atom.Li, atom.P}
	dTargets      = []atom.Atom{atom.Dd, atom.Dt, atom.P}
	cellTargets   = []atom.Atom{atom.Td, atom.Th}
	rowTargets    = []atom.Atom{atom.Tr, atom.Td, atom.Th}
	optionTargets = []atom.Atom{atom.Option}
	pTargets      = []atom.Atom{atom.P}
)

// closesP reports whether a start tag of a closes an open <p>.
func closesP(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Header, atom.Hgroup,
		atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Section,
		atom.Summary, atom.Ul, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
		atom.H6, atom.Pre, atom.Form, atom.Hr, atom.Table:
		return true
	}
	return false
}

// isScope reports whether an element bounds the search for an element to
// close implicitly.
func isScope(a atom.Atom) bool {
	switch a {
	case atom.Html, atom.Table, atom.Td, atom.Th, atom.Caption, atom.Button,
		atom.Object, atom.Marquee, atom.Applet, atom.Template:
		return true
	}
	return false
}

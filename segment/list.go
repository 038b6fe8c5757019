package segment

import "unicode/utf8"

// maxOpening bounds, in bytes, the sentence so far (candidate.head) that
// listHead here and the date-line rules of rules.go read: a date line or a list marker
// is short. The rules run at every candidate of a sentence, which can grow
// to WindowSize (in Merge, without bound): reading its opening words each
// time, however long they are, made a sentence that opens with a huge word
// or a long run of white space quadratic.
const maxOpening = 256

// listMarker reports whether tok marks an item of an inline enumeration
// ("1.", "2.)", "3)", "b.", "c)", "⁃9."), with the item's number and the
// marker's style, so that the next item in the same style can be found.
func listMarker(tok string) (value int, style string, ok bool) {
	for tok != "" {
		r, size := utf8.DecodeRuneInString(tok)
		if !isBulletRune(r) {
			break
		}
		tok = tok[size:]
	}
	i := 0
	for i < len(tok) && '0' <= tok[i] && tok[i] <= '9' && i < 3 {
		value = value*10 + int(tok[i]-'0')
		i++
	}
	if i == 0 {
		if len(tok) < 2 || tok[0] < 'a' || tok[0] > 'z' {
			return 0, "", false
		}
		value, i = int(tok[0]-'a')+1, 1
	}
	switch style = tok[i:]; style {
	case ".", ".)", ")":
		if i == 1 && tok[0] >= 'a' {
			style = "a" + style
		}
		return value, style, true
	}
	return 0, "", false
}

// listHead reports whether head, a sentence so far, is only a list marker,
// possibly after a bullet: its period does not end the sentence.
func listHead(head string) bool {
	if len(head) > maxOpening {
		return false
	}
	n, bullet := 0, false
	for w := range fieldsForward(head) {
		if n++; n > 2 {
			return false
		}
		if n == 1 && isBullet(w) {
			bullet = true
			continue
		}
		if _, _, ok := listMarker(w); !ok {
			return false
		}
	}
	return n == 1 || n == 2 && bullet
}

// listState follows an inline enumeration through a paragraph: once a
// sentence opens with an item marker, the marker of the next item starts a
// new sentence even where no punctuation ends the item before it
// ("1.) The first item 2.) The second item").
type listState struct {
	style  string // the marker style ("1.", "a)"...), "" when no list is open
	bullet bool   // the markers stand after a bullet token
	value  int    // the number of the last item seen
}

// open starts following a list when a sentence opens with a marker at
// toks[i] (or with a bullet there and a marker after it).
func (l *listState) open(text string, toks []token, i int) {
	*l = listState{}
	tok := text[toks[i].start:toks[i].end]
	if isBullet(tok) && i+1 < len(toks) {
		l.bullet = true
		tok = text[toks[i+1].start:toks[i+1].end]
	}
	if v, style, ok := listMarker(tok); ok {
		l.value, l.style = v, style
	} else {
		l.bullet = false
	}
}

// nextItem reports whether toks[i] opens the next item of the open list.
func (l *listState) nextItem(text string, toks []token, i int) bool {
	if l.style == "" {
		return false
	}
	tok := text[toks[i].start:toks[i].end]
	if l.bullet {
		if !isBullet(tok) || i+1 >= len(toks) {
			return false
		}
		tok = text[toks[i+1].start:toks[i+1].end]
	}
	v, style, ok := listMarker(tok)
	if !ok || style != l.style || v != l.value+1 {
		return false
	}
	l.value = v
	return true
}

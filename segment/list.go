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
			style = letterStyles[style] // "a.", without a concatenation per item
		}
		return value, style, true
	}
	return 0, "", false
}

// letterStyles names the marker styles of lettered lists.
var letterStyles = map[string]string{".": "a.", ".)": "a.)", ")": "a)"}

// listHead reports whether head, a sentence so far, is only a list marker,
// possibly after a bullet: its period does not end the sentence.
func listHead(head string) bool {
	if len(head) > maxOpening || head != "" && !mayOpenList(head[0]) {
		return false // most sentences open with a capital
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

// open starts following a list when a sentence opens with a marker at tok
// (or with a bullet there and a marker after it), in a paragraph that ends
// at pend.
func (l *listState) open(text string, tok token, pend int) {
	*l = listState{}
	if !mayOpenList(text[tok.start]) {
		return // most sentences open with a capital
	}
	w := text[tok.start:tok.end]
	if isBullet(w) && tok.end < pend {
		l.bullet = true
		w = tokenText(text, tokenAt(text, tok.end, pend))
	}
	if v, style, ok := listMarker(w); ok {
		l.value, l.style = v, style
	} else {
		l.bullet = false
	}
}

// nextItem reports whether tok, in a paragraph that ends at pend, opens the
// next item of the open list.
func (l *listState) nextItem(text string, tok token, pend int) bool {
	if l.style == "" {
		return false
	}
	w := text[tok.start:tok.end]
	if l.bullet {
		if !isBullet(w) || tok.end >= pend {
			return false
		}
		w = tokenText(text, tokenAt(text, tok.end, pend))
	}
	v, style, ok := listMarker(w)
	if !ok || style != l.style || v != l.value+1 {
		return false
	}
	l.value = v
	return true
}

func tokenText(text string, t token) string { return text[t.start:t.end] }

// mayOpenList reports whether a token that starts with the byte c can be
// a list marker or a bullet: markers start with a digit or a lower-case
// letter, bullets are not ASCII.
func mayOpenList(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || c >= utf8.RuneSelf
}

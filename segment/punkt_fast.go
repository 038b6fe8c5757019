package segment

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// fastPunkt makes the decisions of punkt, neurosnap's English Punkt passes
// over a window of three tokens, from the same trained model, but computes
// them directly on the strings: no regular expressions, no token structs, no
// allocation for tokens of up to typeBufLen bytes.
//
// Each step below mirrors one step of neurosnap v1.1.2 (annotate.go,
// ortho.go, word_tokenizer.go, english/main.go), quirks included, so that
// breaks returns exactly what punkt.breaks returns for every input; the
// tests and the fuzz target FuzzPunktEquivalence hold the two together.
type fastPunkt struct {
	abbrevs      modelSet   // AbbrevTypes, with english's "sgt", "gov", "no"
	collocations modelSet   // "type,nexttype"
	collocHeads  modelSet   // every prefix of a collocation that a comma ends
	starters     modelSet   // SentStarters
	ortho        modelTable // OrthoContext flags by type

	// plainStops is abbrevs and collocHeads in one set: a plain word
	// (plainType) whose type is in neither ends a sentence, and one
	// lookup says so.
	plainStops modelSet
}

// modelSet is one of the model's small sets (SetString: a key is in it when
// its value is not 0), with a filter on the first and last bytes of its
// keys by length that answers most lookups without hashing: an ordinary
// word such as "said" shares its first letter with some abbreviation, but
// seldom its length and its last letter too.
type modelSet struct {
	t modelTable
	// first[c] has bit n set when a key of length n (n < 64; 63 stands for
	// any longer length) starts with c; last[c] likewise for the last byte.
	first, last [256]uint64
	hasEmpty    bool // whether "" is a key
}

func newModelSet(entries []modelEntry) (modelSet, error) {
	t, err := newModelTable(entries)
	if err != nil {
		return modelSet{}, err
	}
	s := modelSet{t: t, hasEmpty: t.empty != 0}
	for _, e := range entries {
		k := e.key
		if e.val == 0 || k == "" {
			continue // SetString.Has treats a 0 as absent; "" is hasEmpty
		}
		bit := uint64(1) << min(len(k), 63)
		s.first[k[0]] |= bit
		s.last[k[len(k)-1]] |= bit
	}
	return s, nil
}

// has reports whether key is in the set.
func (s *modelSet) has(key []byte) bool {
	if len(key) == 0 {
		return s.hasEmpty
	}
	bit := uint64(1) << min(len(key), 63)
	if s.first[key[0]]&s.last[key[len(key)-1]]&bit == 0 {
		return false
	}
	return s.t.get(key) != 0
}

// The orthographic context flags of neurosnap's ortho.go.
const (
	orthoBegUc = 1 << 1
	orthoMidUc = 1 << 2
	orthoUnkUc = 1 << 3
	orthoBegLc = 1 << 4
	orthoMidLc = 1 << 5
	orthoUnkLc = 1 << 6
	orthoUc    = orthoBegUc + orthoMidUc + orthoUnkUc
	orthoLc    = orthoBegLc + orthoMidLc + orthoUnkLc
)

// typeBufLen is the size of the stack buffers that hold a token's type; a
// longer type (a URL, say) spills to the heap.
const typeBufLen = 64

// numberType is what neurosnap's reNumeric substitutes for a number.
const numberType = "##number##"

// newFastPunkt builds the decider's tables from the parsed model.
func newFastPunkt(m *punktModel) (*fastPunkt, error) {
	heads := collocationHeads(m.collocations)
	stops := append(heads[:len(heads):len(heads)], m.abbrevs...)
	p := &fastPunkt{}
	var err error
	for _, s := range []struct {
		dst     *modelSet
		entries []modelEntry
	}{
		{&p.abbrevs, m.abbrevs},
		{&p.collocations, m.collocations},
		{&p.collocHeads, heads},
		{&p.starters, m.starters},
		{&p.plainStops, stops},
	} {
		if *s.dst, err = newModelSet(s.entries); err != nil {
			return nil, err
		}
	}
	if p.ortho, err = newModelTable(m.ortho); err != nil {
		return nil, err
	}
	return p, nil
}

// collocationHeads returns, as set entries, every prefix of a collocation
// key that a comma follows: the types that can open a collocation. A type
// has no comma (appendType removes them) unless it is a lone ",", so this
// is a superset of the first halves, which is what plainWord needs.
func collocationHeads(collocations []modelEntry) []modelEntry {
	var heads []modelEntry
	for _, e := range collocations {
		if e.val == 0 {
			continue
		}
		for i := 0; i < len(e.key); i++ {
			if e.key[i] == ',' {
				heads = append(heads, modelEntry{key: e.key[:i], val: 1})
			}
		}
	}
	return heads
}

// loadFastPunkt builds, once per process, the fast decider from the
// embedded model file; it never loads neurosnap's own model.
var loadFastPunkt = sync.OnceValues(func() (*fastPunkt, error) {
	m, err := parsePunktModel(punktModelText)
	if err != nil {
		return nil, err
	}
	return newFastPunkt(m)
})

// breaks reports Punkt's decision for cand, given the two tokens after it
// ("" past the end), as punkt.breaks does: the type-based pass over the
// three tokens, the token-based pass over the pairs (cand, next) and (next,
// after), then english's multi-punctuation pass over (cand, next).
func (p *fastPunkt) breaks(cand, next, after string) bool {
	if next != "." {
		// Most candidates are plain words ("said."): one pass and one
		// lookup decide them.
		var buf [typeBufLen]byte
		if typ, hyphen, ok := plainType(buf[:], cand); ok && !p.plainStops.has(typ) &&
			(hyphen < 0 || !p.plainStops.has(typ[hyphen+1:])) {
			return true
		}
	}
	// Pass 1, TypeBasedAnnotation.
	sb0, ab0 := p.typeAnnotation(cand)
	if next == "" {
		// A window of one token: no pair for the later passes.
		return sb0
	}
	if p.plainWord(cand, ab0, next) {
		return sb0
	}
	sb1, ab1 := p.typeAnnotation(next)

	var b0, b1 [typeBufLen]byte
	t1 := appendType(b1[:0], next)

	// Pass 2, TokenBasedAnnotation, pair (cand, next). It can clear next's
	// SentBreak (". ."), which the pair (next, after) then starts from.
	if hasPeriodFinal(cand) {
		t0 := appendType(b0[:0], cand)
		// The multi-punctuation pass never reads cand's Abbr.
		sb0, _, sb1 = p.tokenAnnotation(cand, sb0, ab0, t0, next, sb1, t1)
	}

	// Pass 3, english MultiPunctWordAnnotation, pair (cand, next).
	if isListNumber(cand) || cand == "N°." {
		return false
	}
	if strings.HasSuffix(cand, ".") && next == "." {
		return false
	}
	unreliable := hasUnreliableEndChars(cand)
	coordTwo := isCoordinatePartTwo(cand)
	if !hasAbbrMatch(cand) && cand != "." && !unreliable && !coordTwo {
		return sb0
	}
	if isInitial(cand) {
		return sb0
	}

	// next's type without a sentence period depends on its SentBreak after
	// pass 2, and so on the pair (next, after), which matters only when the
	// type ends in a period that the SentBreak would drop.
	if after != "" && len(t1) > 1 && t1[len(t1)-1] == '.' && hasPeriodFinal(next) {
		sb2, _ := p.typeAnnotation(after)
		var b2 [typeBufLen]byte
		t2 := appendType(b2[:0], after)
		sb1, _, _ = p.tokenAnnotation(next, sb1, ab1, t1, after, sb2, t2)
	}
	nextTyp := t1
	if sb1 {
		nextTyp = noPeriod(t1)
	}
	if p.heuristic(next, nextTyp) == 1 {
		return true
	}
	return firstUpper(next) && (p.starters.has(nextTyp) || unreliable || cand == "." || coordTwo)
}

// opensSentences is punktDecider.opensSentences on the flattened model.
func (p *fastPunkt) opensSentences(word string) bool {
	var b [typeBufLen]byte
	typ := noPeriod(appendType(b[:0], word))
	return p.ortho.get(typ)&orthoLc != 0 || p.starters.has(typ)
}

// plainWord reports whether cand is a word whose SentBreak after the
// first pass is Punkt's decision, whatever next and after are: most
// candidates, such as "said.". The second pass changes cand's SentBreak
// only for an abbreviation (abbr), an ellipsis, an initial, a number, a
// type that opens a collocation, or a lone dot; the third returns it at
// once unless cand is a list number or "N°.", is followed by a lone dot,
// or has inner periods, a final closing quote or the shape of a
// coordinate. Deciding this first spares the types of next and after,
// which are half the work of breaks.
func (p *fastPunkt) plainWord(cand string, abbr bool, next string) bool {
	if abbr || cand == "." || cand == "N°." || isEllipsis(cand) || isInitial(cand) || isListNumber(cand) ||
		hasAbbrMatch(cand) || hasUnreliableEndChars(cand) || isCoordinatePartTwo(cand) {
		return false
	}
	if !hasPeriodFinal(cand) {
		return true // the second pass skips it
	}
	if next == "." {
		return false
	}
	var buf [typeBufLen]byte
	typ := noPeriod(appendType(buf[:0], cand))
	return string(typ) != numberType && !p.collocHeads.has(typ)
}

// plainType reports whether cand is a plain word, three bytes or more of
// ASCII letters, hyphens and apostrophes and a final period, and returns
// its type without the period, lower-cased into buf (typeBufLen bytes),
// and where its last hyphen is (-1 for none).
//
// For a plain word, whatever follows it but a lone ".", breaks' passes come
// down to lookups: typeAnnotation finds no sentence-end characters and
// reads the type (the word lower-cased without its period, its rune count
// being its length) and the part after its last hyphen ("gov" in
// "ex-gov.") in abbrevs; and plainWord, having no shape to test (no
// initial, list number, inner period, closer or coordinate), reads the
// same type (appendType finds no digit and no comma) in collocHeads. When
// neither set holds either, Punkt ends the sentence.
func plainType(buf []byte, cand string) (typ []byte, hyphen int, ok bool) {
	n := len(cand) - 1
	if n < 2 || n > len(buf) || cand[n] != '.' {
		return nil, -1, false
	}
	hyphen = -1
	for i := 0; i < n; i++ {
		c := cand[i]
		switch {
		case 'a' <= c && c <= 'z', c == '\'':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '-':
			hyphen = i
		default:
			return nil, -1, false
		}
		buf[i] = c
	}
	return buf[:n], hyphen, true
}

// typeAnnotation is TypeBasedAnnotation.typeAnnotation: it returns the
// token's SentBreak and Abbr after the first pass.
func (p *fastPunkt) typeAnnotation(tok string) (sentBreak, abbr bool) {
	if hasSentEndChars(tok) {
		return true, false
	}
	if !hasPeriodFinal(tok) || strings.HasSuffix(tok, "..") {
		return false, false
	}
	// neurosnap cuts the token at its rune count minus one, counted in
	// bytes: the last byte for ASCII, more for other text.
	var buf [typeBufLen]byte
	noPeriod := appendLower(buf[:0], tok[:utf8.RuneCountInString(tok)-1])
	lastPart := noPeriod
	for i := len(noPeriod) - 1; i >= 0; i-- {
		if noPeriod[i] == '-' {
			lastPart = noPeriod[i+1:]
			break
		}
	}
	if p.abbrevs.has(noPeriod) || len(lastPart) < len(noPeriod) && p.abbrevs.has(lastPart) {
		return false, true
	}
	return true, false
}

// tokenAnnotation is TokenBasedAnnotation.tokenAnnotation for a pair whose
// first token ends in a period; typOne and typTwo are the tokens' types. It
// returns the new SentBreak and Abbr of one and SentBreak of two.
func (p *fastPunkt) tokenAnnotation(one string, sb, abbr bool, typOne []byte, two string, sbTwo bool, typTwo []byte) (bool, bool, bool) {
	typ := noPeriod(typOne)
	nextTyp := typTwo
	if sbTwo {
		nextTyp = noPeriod(typTwo)
	}
	initial := isInitial(one)

	// 4.1.2, collocation heuristic.
	var kb [2*typeBufLen + 1]byte
	key := append(append(append(kb[:0], typ...), ','), nextTyp...)
	if p.collocations.has(key) {
		return false, true, sbTwo
	}

	// 4.2, an abbreviation or ellipsis may also end a sentence.
	if (abbr || isEllipsis(one)) && !initial {
		if p.heuristic(two, nextTyp) == 1 {
			return true, abbr, sbTwo
		}
		if firstUpper(two) && p.starters.has(nextTyp) {
			return true, abbr, sbTwo
		}
	}

	// A spaced ellipsis ". .".
	if one == "." && two == "." {
		return false, abbr, false
	}

	// 4.3, initials and ordinals.
	if initial || string(typ) == numberType {
		h := p.heuristic(two, nextTyp)
		if h == 0 {
			return false, true, sbTwo
		}
		if h == -1 && initial && firstUpper(two) && p.ortho.get(nextTyp)&orthoLc == 0 {
			return false, true, sbTwo
		}
	}
	return sb, abbr, sbTwo
}

// heuristic is OrthoContext.Heuristic for tok, whose type without a
// sentence period is typ: 1 if it starts a sentence, 0 if it does not, -1
// if unknown.
func (p *fastPunkt) heuristic(tok string, typ []byte) int {
	if isPunctuation(tok) {
		return 0
	}
	ctx := p.ortho.get(typ)
	if firstUpper(tok) && ctx&orthoLc > 0 && ctx&orthoMidUc == 0 {
		return 1
	}
	if firstLower(tok) && (ctx&orthoUc > 0 || ctx&orthoBegLc == 0) {
		return 0
	}
	return -1
}

// isPunctuation reports whether tok is one of the single characters of
// DefaultPunctStrings.Punctuation.
func isPunctuation(tok string) bool {
	if len(tok) == 1 {
		switch tok[0] {
		case ';', ':', ',', '.', '!', '?':
			return true
		}
		return false
	}
	switch tok {
	case "；", "：", "，", "。", "！", "？":
		return true
	}
	return false
}

// appendType appends the token's type (DefaultWordTokenizer.Type) to dst,
// which must be empty: the token lower-cased as strings.ToLower does, a
// final number (reNumeric, `-?[\.,]?\d[\d,\.-]*\.?$`) replaced by
// "##number##", and, unless the result is one byte long, commas removed.
func appendType(dst []byte, tok string) []byte {
	dst = appendLower(dst, tok)
	if i := numericStart(dst); i >= 0 {
		dst = append(dst[:i], numberType...)
	}
	if len(dst) == 1 {
		return dst
	}
	w := 0
	for _, c := range dst {
		if c != ',' {
			dst[w] = c
			w++
		}
	}
	return dst[:w]
}

// appendLower appends strings.ToLower(s) to dst: unicode.ToLower of every
// rune, and U+FFFD for every byte that is not valid UTF-8.
func appendLower(dst []byte, s string) []byte {
	if n := len(dst); n+len(s) <= cap(dst) {
		// ASCII fast path, in place.
		out := dst[n : n+len(s)]
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out[i] = c
		}
		dst = dst[:n+i]
		s = s[i:]
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// numericStart returns where reNumeric, `-?[\.,]?\d[\d,\.-]*\.?$`, matches
// in s, or -1. A match runs to the end of s over the characters
// "0-9,.-" only, so it starts at the first digit of the final run of such
// characters, or one or two bytes earlier for a sign and a decimal point.
func numericStart(s []byte) int {
	j := len(s)
	for j > 0 && isNumericByte(s[j-1]) {
		j--
	}
	d := j
	for d < len(s) && !('0' <= s[d] && s[d] <= '9') {
		d++
	}
	if d == len(s) {
		return -1
	}
	switch {
	case d-2 >= j && s[d-2] == '-' && (s[d-1] == '.' || s[d-1] == ','):
		return d - 2
	case d-1 >= j:
		return d - 1 // '-', '.' or ','
	}
	return d
}

func isNumericByte(c byte) bool {
	return '0' <= c && c <= '9' || c == ',' || c == '.' || c == '-'
}

// noPeriod is TypeNoPeriod on a type: without its final period, if it has
// one and is longer than one byte.
func noPeriod(typ []byte) []byte {
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

// hasPeriodFinal is DefaultWordTokenizer.HasPeriodFinal.
func hasPeriodFinal(tok string) bool {
	return strings.HasSuffix(tok, ".") || strings.HasSuffix(tok, "。")
}

// isEllipsis is DefaultWordTokenizer.IsEllipsis, `\.\.+$`.
func isEllipsis(tok string) bool { return strings.HasSuffix(tok, "..") }

// isInitial is DefaultWordTokenizer.IsInitial, `^[A-Za-z]\.$`.
func isInitial(tok string) bool {
	return len(tok) == 2 && tok[1] == '.' && ('a' <= tok[0]|0x20 && tok[0]|0x20 <= 'z')
}

// isListNumber is DefaultWordTokenizer.IsListNumber, `^\d+.?\)?$`: digits,
// then at most one character other than a newline, then at most one ")".
func isListNumber(tok string) bool {
	d := 0
	for d < len(tok) && '0' <= tok[d] && tok[d] <= '9' {
		d++
	}
	if d == 0 {
		return false
	}
	rest := tok[d:]
	if rest == "" || rest == ")" {
		return true
	}
	if rest[0] == '\n' {
		return false
	}
	_, size := utf8.DecodeRuneInString(rest)
	rest = rest[size:]
	return rest == "" || rest == ")"
}

// isCoordinatePartTwo is DefaultWordTokenizer.IsCoordinatePartTwo,
// `^[0-9]*\.[0-9]*\.[0-9]*\.$`: digits and exactly three periods, the last
// at the end.
func isCoordinatePartTwo(tok string) bool {
	if !strings.HasSuffix(tok, ".") {
		return false
	}
	dots := 0
	for i := 0; i < len(tok); i++ {
		switch c := tok[i]; {
		case c == '.':
			dots++
		case '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return dots == 3
}

// hasAbbrMatch reports whether english's reAbbr, `((?:[\w]\.)+[\w]*\.)`,
// matches anywhere in tok: a word character and a period, then word
// characters and another period. \w is ASCII only, so bytes do.
func hasAbbrMatch(tok string) bool {
	for i := 0; i+2 < len(tok); i++ {
		if tok[i+1] != '.' || !isWordByte(tok[i]) {
			continue
		}
		k := i + 2
		for k < len(tok) && isWordByte(tok[k]) {
			k++
		}
		if k < len(tok) && tok[k] == '.' {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}

// hasSentEndChars is english's WordTokenizer.HasSentEndChars: the token
// ends in "?" or "!", or in ".", "?" or "!" and a closing quote or
// parenthesis, or holds ".[", ".(", ".\"", ".'", "?[", "?(", "![" or "!(".
func hasSentEndChars(tok string) bool {
	if tok == "" {
		return false
	}
	if c := tok[len(tok)-1]; c == '?' || c == '!' {
		return true
	}
	if hasUnreliableEndChars(tok) {
		return true
	}
	for i := 0; i+1 < len(tok); i++ {
		switch tok[i] {
		case '.':
			switch tok[i+1] {
			case '[', '(', '"', '\'':
				return true
			}
		case '?', '!':
			switch tok[i+1] {
			case '[', '(':
				return true
			}
		}
	}
	return false
}

// hasUnreliableEndChars is english's WordTokenizer.HasUnreliableEndChars:
// ".", "?" or "!" followed by a final closing quote or parenthesis.
func hasUnreliableEndChars(tok string) bool {
	n := len(tok)
	var k int // length of the closer
	switch {
	case n >= 2 && (tok[n-1] == '"' || tok[n-1] == '\'' || tok[n-1] == ')'):
		k = 1
	case strings.HasSuffix(tok, "’") || strings.HasSuffix(tok, "”"):
		k = len("’")
	default:
		return false
	}
	if n-k-1 < 0 {
		return false
	}
	switch tok[n-k-1] {
	case '.', '?', '!':
		return true
	}
	return false
}

// firstUpper is DefaultWordTokenizer.FirstUpper.
func firstUpper(tok string) bool {
	if tok == "" {
		return false
	}
	if c := tok[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r)
}

// firstLower is DefaultWordTokenizer.FirstLower.
func firstLower(tok string) bool {
	if tok == "" {
		return false
	}
	if c := tok[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsLower(r)
}

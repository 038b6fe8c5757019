package abbrev

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind says how an abbreviation behaves at a period.
type Kind uint8

const (
	// Title precedes a name: Mr., Ms., Sen., Gen., Lt., Gov., Dr., Rev., St.,
	// Mt., Ft.; the lexicon also files here the words that always lead into
	// what follows them (vs., v., i.e., e.g.). It is never sentence-final
	// when a word follows.
	Title Kind = iota + 1
	// General may end a sentence: U.S., U.K., U.N., E.U., D.C., Jr., Sr.,
	// etc., Ph.D.
	General
	// State is an AP-style state abbreviation: Ala., Ariz., Calif., N.Y.,
	// Pa., Wash. It may end a sentence and is also found inside party labels
	// such as D-Mass. and R-Ga.
	State
	// Month is an AP-style month abbreviation: Jan., Feb., Aug., Sept., Oct.,
	// Nov., Dec. It is usually followed by a number.
	Month
	// Numeric is an abbreviation only before a number: No. 2, Nos. 3, Vol. 3,
	// p. 55, pp. 4, Fig. 2, Art. 5, Ch. 3, Rs. 500, ext. 37625, ca. 1600.
	Numeric
	// Company is a company or partnership suffix: Inc., Corp., Co., Ltd.,
	// Bros., S.A., Pty. It may end a sentence; it goes on before another
	// suffix ("Co. Ltd.", "Pty. Ltd.") or a word of the company's name
	// ("Bros. Pictures").
	Company
	// Time is a time of day or an abbreviated weekday: a.m., p.m., Tues.,
	// Sun. It may end a sentence; it goes on only before a time zone, a
	// weekday or a date ("5 p.m. EST", "9 a.m. Tuesday", "9 a.m. Jan. 5",
	// "Sun. Nov. 5").
	Time

	lastKind = Time
)

var kindNames = [...]string{
	Title:   "title",
	General: "general",
	State:   "state",
	Month:   "month",
	Numeric: "numeric",
	Company: "company",
	Time:    "time",
}

// String returns the lower-case name of k ("title", "general", "state",
// "month", "numeric", "company", "time"), or "Kind(N)" for a value that is not a valid kind.
func (k Kind) String() string {
	if k.valid() {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

func (k Kind) valid() bool { return k >= Title && k <= lastKind }

// ErrUnknownKind is wrapped by the errors [ParseKind] and [Load] return for a
// kind name that is not one of the names [Kind.String] produces.
var ErrUnknownKind = errors.New("unknown abbreviation kind")

// ParseKind is the inverse of [Kind.String]. It is case-insensitive and
// ignores surrounding white space. The error for an unknown name wraps
// [ErrUnknownKind].
func ParseKind(s string) (Kind, error) {
	k, err := parseKind(s)
	if err != nil {
		return 0, fmt.Errorf("abbrev: %w", err)
	}
	return k, nil
}

func parseKind(s string) (Kind, error) {
	t := strings.TrimSpace(s)
	for k := Title; k <= lastKind; k++ {
		if strings.EqualFold(t, kindNames[k]) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("%w %q", ErrUnknownKind, s)
}

// Entry is one abbreviation as written, with its final period ("U.S.",
// "Lt. Gov.", "a.m.").
type Entry struct {
	Text string
	Kind Kind
}

// Set is a set of abbreviations keyed case-insensitively on the text without
// its final period.
//
// A Set also remembers what was removed from it: [Set.Remove] deletes an
// entry and marks its key as removed, so that a user of the set can tell
// "not listed" from "removed on purpose" ([Set.Removed]). The segmenter uses
// this to override its Punkt model's own abbreviation list (see the package
// documentation, "How the set and Punkt's list combine").
//
// The zero value is an empty set ready to use. A Set is safe for concurrent
// reads ([Set.Lookup], [Set.Removed], [Set.Len], [Set.Entries],
// [Set.Removals], [Set.Clone]); [Set.Add], [Set.Remove] and [Set.AddAll]
// need external synchronisation. Read-only methods also accept a nil *Set,
// which behaves as an empty set.
type Set struct {
	m       map[string]Entry  // key: lower-cased text without final period
	removed map[string]string // key as in m: the text as removed, with its period
	shapes  shapes            // of every key put in m
}

// shapes records the first and last bytes of a set's keys by length, so
// that Lookup turns most words away without hashing them: an ordinary word
// ending a sentence ("said", "year") shares its first letter with some
// abbreviation, but seldom its length and its last letter too. It only
// grows; a key removed since leaves a shape that costs one map lookup.
type shapes struct {
	// first[c] has bit n set when a key of length n (63 standing for any
	// longer one) starts with byte c; last[c] likewise for the last byte.
	first, last [256]uint64
}

// add records key, which is not empty.
func (f *shapes) add(key string) {
	bit := uint64(1) << min(len(key), 63)
	f.first[key[0]] |= bit
	f.last[key[len(key)-1]] |= bit
}

// mayHold reports whether a key of key's shape was added. A false answer
// is certain; a true one needs the map.
func mayHold[T string | []byte](f *shapes, key T) bool {
	if len(key) == 0 {
		return false
	}
	bit := uint64(1) << min(len(key), 63)
	return f.first[key[0]]&f.last[key[len(key)-1]]&bit != 0
}

//go:embed news.txt
var newsTxt string

var newsSet = sync.OnceValue(func() *Set {
	s, err := Load(strings.NewReader(newsTxt))
	if err != nil {
		panic("abbrev: embedded news.txt: " + err.Error())
	}
	return s
})

// News returns a fresh copy of the embedded default news lexicon (news.txt).
// Callers may modify the returned Set; other callers are unaffected.
func News() *Set {
	return newsSet().Clone()
}

// Load parses a lexicon in the text format described in the package
// documentation and returns it as a new Set. Errors name the offending line:
// "abbrev: line N: ...". A key listed twice in the same input is an error.
func Load(r io.Reader) (*Set, error) {
	s := &Set{m: make(map[string]Entry)}
	firstLine := make(map[string]int)
	err := ScanLines(r, func(n int, line string) error {
		name, text := line, ""
		if i := strings.IndexFunc(line, unicode.IsSpace); i >= 0 {
			name, text = line[:i], line[i:]
		}
		k, err := parseKind(name)
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		e, key, err := newEntry(text, k)
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if prev, dup := firstLine[key]; dup {
			return fmt.Errorf("line %d: duplicate entry %q (first listed on line %d)", n, e.Text, prev)
		}
		firstLine[key] = n
		s.m[key] = e
		s.shapes.add(key)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("abbrev: %w", err)
	}
	return s, nil
}

// newEntry validates text and k and returns the normalised entry and its key.
func newEntry(text string, k Kind) (Entry, string, error) {
	if !k.valid() {
		return Entry{}, "", fmt.Errorf("invalid kind %v", k)
	}
	t := strings.Join(strings.Fields(text), " ")
	t = strings.TrimSuffix(t, ".")
	if t == "" {
		return Entry{}, "", errors.New("missing abbreviation text")
	}
	if !utf8.ValidString(t) {
		return Entry{}, "", fmt.Errorf("abbreviation %q is not valid UTF-8", text)
	}
	if strings.IndexFunc(t, unicode.IsLetter) < 0 {
		return Entry{}, "", fmt.Errorf("abbreviation %q has no letter", text)
	}
	return Entry{Text: t + ".", Kind: k}, strings.ToLower(t), nil
}

// Add adds text with kind k, replacing any entry with the same key, and
// clears a removal of that key. The text may be given with or without its
// final period; runs of white space inside it are collapsed to one space.
// Add returns an error for empty text, text without a letter, text that is
// not valid UTF-8, an invalid kind, or a nil receiver. On a zero-value Set,
// Add initialises the set.
func (s *Set) Add(text string, k Kind) error {
	if s == nil {
		return errors.New("abbrev: Add on nil *Set")
	}
	e, key, err := newEntry(text, k)
	if err != nil {
		return fmt.Errorf("abbrev: %w", err)
	}
	if s.m == nil {
		s.m = make(map[string]Entry)
	}
	s.m[key] = e
	s.shapes.add(key)
	delete(s.removed, key)
	return nil
}

// Remove deletes text (with or without its final period, any case) from the
// set and marks it as removed, so that [Set.Removed] reports it until it is
// added again. The mark is kept whether or not the set listed text: removing
// a word the set never had still says it is not an abbreviation, for a
// consumer that has other lists (such as the segmenter's Punkt model).
// Remove is a no-op if s is nil or text, without its period, is empty.
func (s *Set) Remove(text string) {
	if s == nil {
		return
	}
	t := strings.TrimSuffix(strings.Join(strings.Fields(text), " "), ".")
	if t == "" {
		return
	}
	key := strings.ToLower(t)
	delete(s.m, key)
	if s.removed == nil {
		s.removed = make(map[string]string)
	}
	s.removed[key] = t + "."
}

// Removed reports whether word was removed from s by [Set.Remove] and not
// added back since. word is read as [Set.Lookup] reads it: leading opening
// punctuation and one final period are ignored, and case does not matter.
// It never panics and reports false for a nil set.
func (s *Set) Removed(word string) bool {
	if s == nil || len(s.removed) == 0 {
		return false
	}
	w := trimWord(word)
	if w == "" {
		return false
	}
	_, ok := s.removed[strings.ToLower(w)]
	return ok
}

// Removals returns the texts removed from s and not added back, as they
// were given to [Set.Remove] (white space collapsed, with a final period),
// sorted in byte order. The result is a new slice.
func (s *Set) Removals() []string {
	if s == nil || len(s.removed) == 0 {
		return nil
	}
	out := make([]string, 0, len(s.removed))
	for _, t := range s.removed {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// Len returns the number of entries in the set.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return len(s.m)
}

// Entries returns the entries of the set sorted by Text (byte order). The
// result is a new slice that the caller may modify.
func (s *Set) Entries() []Entry {
	if s == nil || len(s.m) == 0 {
		return nil
	}
	out := make([]Entry, 0, len(s.m))
	for _, e := range s.m {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Entry) int {
		if c := strings.Compare(a.Text, b.Text); c != 0 {
			return c
		}
		return int(a.Kind) - int(b.Kind)
	})
	return out
}

// Clone returns an independent copy of s, its removals included. Cloning a
// nil Set returns a new empty Set.
func (s *Set) Clone() *Set {
	c := &Set{m: make(map[string]Entry, s.Len())}
	if s != nil {
		maps.Copy(c.m, s.m)
		c.shapes = s.shapes
		if len(s.removed) > 0 {
			c.removed = maps.Clone(s.removed)
		}
	}
	return c
}

// AddAll adds every entry of other to s (set union), clearing the removal
// marks of the keys it adds. Where both sets hold the same key, other's
// entry (text and kind) wins. Only entries are added: what was removed from
// other is not removed from s. A nil other is a no-op; so is a nil s,
// which has nowhere to hold the entries (Add on a nil *Set returns an
// error saying so).
func (s *Set) AddAll(other *Set) {
	if s == nil || other.Len() == 0 {
		return
	}
	if s.m == nil {
		s.m = make(map[string]Entry, len(other.m))
	}
	for k, e := range other.m {
		s.m[k] = e
		s.shapes.add(k)
		delete(s.removed, k)
	}
}

// maxStackKey is the longest ASCII word Lookup lower-cases without
// allocating.
const maxStackKey = 64

// Lookup reports the kind of word, a token as it appears in text.
//
// Leading opening punctuation ( [ { " ' “ ‘ « is skipped and one final period,
// if present, is removed; the caller is expected to have removed any closing
// punctuation after the period. The rest is looked up case-insensitively, so
// "U.S.", "u.s." and "U.S" all find U.S. A party label, D, R or I followed by a
// hyphen and a State entry (D-Mass., R-Ga., I-Vt.), reports State.
//
// Lookup does not allocate for ASCII words of up to 64 bytes. It never panics,
// whatever the input, and reports false for a nil or empty set.
func (s *Set) Lookup(word string) (Kind, bool) {
	if s == nil || len(s.m) == 0 {
		return 0, false
	}
	w := trimWord(word)
	if w == "" {
		return 0, false
	}
	if len(w) <= maxStackKey {
		var buf [maxStackKey]byte
		if n, ok := lowerASCII(buf[:], w); ok {
			return find(s, buf[:n])
		}
	}
	return find(s, strings.ToLower(w))
}

// trimWord strips leading opening punctuation and one final period.
func trimWord(w string) string {
	if w != "" && isASCIIAlnum(w[0]) {
		return strings.TrimSuffix(w, ".") // most words open with a letter or a digit
	}
	for w != "" {
		r, size := utf8.DecodeRuneInString(w)
		if !IsOpener(r) {
			break
		}
		w = w[size:]
	}
	return strings.TrimSuffix(w, ".")
}

// isASCIIAlnum reports whether c is an ASCII letter or digit, which is no
// opener.
func isASCIIAlnum(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// lowerASCII writes the lower-case form of w into dst, reporting false if w
// is not all ASCII. dst must be at least len(w) long.
func lowerASCII(dst []byte, w string) (int, bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return len(w), true
}

// find looks up a lower-cased key in s, falling back to party labels. The
// string(key) conversions in map index expressions do not allocate.
func find[T string | []byte](s *Set, key T) (Kind, bool) {
	if mayHold(&s.shapes, key) {
		if e, ok := s.m[string(key)]; ok {
			return e.Kind, true
		}
	}
	if len(key) > 2 && key[1] == '-' && (key[0] == 'd' || key[0] == 'r' || key[0] == 'i') {
		if rest := key[2:]; mayHold(&s.shapes, rest) {
			if e, ok := s.m[string(rest)]; ok && e.Kind == State {
				return State, true
			}
		}
	}
	return 0, false
}

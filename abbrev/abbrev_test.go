package abbrev

import (
	"bufio"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKindString(t *testing.T) {
	tests := []struct {
		k    Kind
		want string
	}{
		{Title, "title"},
		{General, "general"},
		{State, "state"},
		{Month, "month"},
		{Numeric, "numeric"},
		{Company, "company"},
		{Time, "time"},
		{0, "Kind(0)"},
		{42, "Kind(42)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.k.String())
	}
}

func TestParseKind(t *testing.T) {
	for k := Title; k <= lastKind; k++ {
		got, err := ParseKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
		got, err = ParseKind(" " + strings.ToUpper(k.String()) + " ")
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	for _, bad := range []string{"", "titles", "Kind(1)", "1", "tit le"} {
		_, err := ParseKind(bad)
		require.Error(t, err, "ParseKind(%q)", bad)
		assert.ErrorIs(t, err, ErrUnknownKind)
		assert.Contains(t, err.Error(), "abbrev:")
	}
}

// TestNewsFile checks every line of the embedded news.txt independently of
// Load, and that no key is listed twice.
func TestNewsFile(t *testing.T) {
	seen := make(map[string]int)
	sc := bufio.NewScanner(strings.NewReader(newsTxt))
	n, entries := 0, 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		entries++
		fields := strings.Fields(line)
		require.GreaterOrEqual(t, len(fields), 2, "line %d: %q", n, line)
		k, err := ParseKind(fields[0])
		require.NoError(t, err, "line %d", n)
		text := strings.Join(fields[1:], " ")
		assert.True(t, strings.HasSuffix(text, "."), "line %d: %q lacks final period", n, text)
		_, key, err := newEntry(text, k)
		require.NoError(t, err, "line %d", n)
		if prev, dup := seen[key]; dup {
			t.Errorf("line %d: key %q already listed on line %d", n, key, prev)
		}
		seen[key] = n
	}
	require.NoError(t, sc.Err())

	s := News()
	assert.Equal(t, entries, s.Len())
	assert.Len(t, seen, s.Len())
	for _, e := range s.Entries() {
		k, ok := s.Lookup(e.Text)
		assert.True(t, ok, e.Text)
		assert.Equal(t, e.Kind, k, e.Text)
	}
}

func TestNewsContents(t *testing.T) {
	s := News()
	must := map[Kind][]string{
		Title:   {"Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Lt. Gov.", "Gen.", "Rev.", "St.", "Mt.", "Ft.", "vs.", "v.", "i.e."},
		General: {"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "Jr.", "Sr.", "etc.", "Ph.D.", "pct."},
		State:   {"Ala.", "Ariz.", "Calif.", "N.Y.", "Pa.", "Wash.", "W.Va.", "Mass.", "Ga."},
		Month:   {"Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."},
		Numeric: {"No.", "Nos.", "Vol.", "p.", "pp.", "Fig.", "Art.", "Ch.", "Rs.", "ext.", "ca."},
		Company: {"Inc.", "Corp.", "Co.", "Ltd.", "Bros.", "Pty.", "S.A.", "S.p.A."},
		Time:    {"a.m.", "p.m.", "Mon.", "Tues.", "Wed.", "Thurs.", "Fri.", "Sat.", "Sun."},
	}
	for k, words := range must {
		for _, w := range words {
			got, ok := s.Lookup(w)
			if assert.True(t, ok, w) {
				assert.Equal(t, k, got, w)
			}
		}
	}
	// Words that must stay out: common words at a sentence end, and names AP
	// does not abbreviate.
	for _, w := range []string{"us.", "US.", "in.", "is.", "am.", "me.", "Me.", "Texas.", "Ohio.", "Tex.", "March.", "May.", "June.", "July.", "Mar.", "Apr.", "LLC."} {
		_, ok := s.Lookup(w)
		assert.False(t, ok, w)
	}
}

func TestNewsIsACopy(t *testing.T) {
	a := News()
	a.Remove("U.S.")
	require.NoError(t, a.Add("Xyz.", General))
	b := News()
	_, ok := b.Lookup("U.S.")
	assert.True(t, ok)
	_, ok = b.Lookup("Xyz.")
	assert.False(t, ok)
}

func TestLookup(t *testing.T) {
	s := News()
	tests := []struct {
		name   string
		word   string
		want   Kind
		wantOK bool
	}{
		{"U.S. upper", "U.S.", General, true},
		{"u.s. lower", "u.s.", General, true},
		{"U.S without final period", "U.S", General, true},
		{"title Ms.", "Ms.", Title, true},
		{"title after paren", "(Gen.", Title, true},
		{"title after curly quote", "“Sen.", Title, true},
		{"title after several openers", "[(\"Dr.", Title, true},
		{"two-word title", "Lt. Gov.", Title, true},
		{"party label D-Mass.", "D-Mass.", State, true},
		{"party label R-Ga.", "R-Ga.", State, true},
		{"party label I-Vt.", "I-Vt.", State, true},
		{"party label lower case", "d-n.y.", State, true},
		{"party label in parens", "(R-Calif.", State, true},
		{"party label Texas not abbreviated", "R-Texas.", 0, false},
		{"party label with non-state", "D-Gen.", 0, false},
		{"party label unknown prefix", "X-Mass.", 0, false},
		{"bare prefix", "D-", 0, false},
		{"month Sept.", "Sept.", Month, true},
		{"numeric No.", "No.", Numeric, true},
		{"state without period", "Mass", State, true},
		{"ordinary word", "backpedal.", 0, false},
		{"empty", "", 0, false},
		{"only period", ".", 0, false},
		{"only punctuation", "(\"", 0, false},
		{"double period", "U.S..", 0, false},
		{"invalid UTF-8", "\xff\xfe.", 0, false},
		{"invalid UTF-8 party", "D-\xffMass.", 0, false},
		{"truncated rune after opener", "(\xe2\x80", 0, false},
		{"long word", strings.Repeat("a", 200) + ".", 0, false},
		{"long non-ASCII word", strings.Repeat("é", 100) + ".", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := s.Lookup(tt.word)
			assert.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestLookupFindsEveryEntry holds Lookup's shape filter to the sets it
// guards: however a set was built, every entry is found, written as given
// and upper-cased, and a removed entry added back is found again.
func TestLookupFindsEveryEntry(t *testing.T) {
	long := strings.Repeat("x", 70) + "."
	news := News()
	require.NoError(t, news.Add(long, General))
	var added Set
	for _, e := range news.Entries() {
		require.NoError(t, added.Add(e.Text, e.Kind))
	}
	var union Set
	union.AddAll(news)
	readded := news.Clone()
	for _, e := range news.Entries() {
		readded.Remove(e.Text)
	}
	for _, e := range news.Entries() {
		require.NoError(t, readded.Add(e.Text, e.Kind))
	}
	sets := []struct {
		name string
		set  *Set
	}{
		{"loaded", news},
		{"added one by one", &added},
		{"union", &union},
		{"clone", news.Clone()},
		{"removed and added back", readded},
	}
	for _, tt := range sets {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range news.Entries() {
				for _, w := range []string{e.Text, strings.ToUpper(e.Text)} {
					k, ok := tt.set.Lookup(w)
					if assert.True(t, ok, w) {
						assert.Equal(t, e.Kind, k, w)
					}
				}
			}
			k, ok := tt.set.Lookup("R-Calif.")
			assert.True(t, ok)
			assert.Equal(t, State, k)
		})
	}
}

func TestLookupNonASCIIEntry(t *testing.T) {
	var s Set
	require.NoError(t, s.Add("Ñtra. Sra.", Title))
	require.NoError(t, s.Add("Ébr.", General))
	k, ok := s.Lookup("ébr.")
	assert.True(t, ok)
	assert.Equal(t, General, k)
	k, ok = s.Lookup("ÑTRA. SRA.")
	assert.True(t, ok)
	assert.Equal(t, Title, k)
}

func TestLookupNoAlloc(t *testing.T) {
	s := News()
	for _, w := range []string{"u.s.", "U.S.", "(Gen.", "D-Mass.", "backpedal.", "R-Texas."} {
		allocs := testing.AllocsPerRun(100, func() { s.Lookup(w) })
		assert.Zero(t, allocs, w)
	}
}

func TestLookupNilAndZero(t *testing.T) {
	var nilSet *Set
	_, ok := nilSet.Lookup("U.S.")
	assert.False(t, ok)
	var zero Set
	_, ok = zero.Lookup("U.S.")
	assert.False(t, ok)
}

func TestLoad(t *testing.T) {
	in := "\uFEFF# my list\n" +
		"\n" +
		"title   Lt. Gov.\n" +
		"  general\tU.S.\r\n" +
		"GENERAL a.m.\n" +
		"   # indented comment\n" +
		"state Calif\n" +
		"numeric  Ex.  \n"
	s, err := Load(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, []Entry{
		{"Calif.", State},
		{"Ex.", Numeric},
		{"Lt. Gov.", Title},
		{"U.S.", General},
		{"a.m.", General},
	}, s.Entries())

	s, err = Load(strings.NewReader(""))
	require.NoError(t, err)
	assert.Zero(t, s.Len())
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantMsg string
		wantIs  error
	}{
		{"unknown kind", "# c\ntitle Mr.\nplace Ave.\n", "abbrev: line 3: ", ErrUnknownKind},
		{"missing text", "title Mr.\n\ngeneral\n", "abbrev: line 3: missing abbreviation text", nil},
		{"only a period", "general .\n", "abbrev: line 1: missing abbreviation text", nil},
		{"no letter", "general 1.2.\n", "abbrev: line 1: ", nil},
		{"text without kind", "U.S.\n", "abbrev: line 1: ", ErrUnknownKind},
		{"duplicate key", "general U.S.\nstate u.s.\n", "abbrev: line 2: duplicate", nil},
		{"invalid UTF-8", "general \xff.\n", "abbrev: line 1: ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Load(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Nil(t, s)
			assert.Contains(t, err.Error(), tt.wantMsg)
			if tt.wantIs != nil {
				assert.ErrorIs(t, err, tt.wantIs)
			}
		})
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("boom") }

func TestLoadReadError(t *testing.T) {
	_, err := Load(errReader{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "boom")
}

func TestAddRemove(t *testing.T) {
	var s Set // zero value
	assert.Zero(t, s.Len())
	assert.Nil(t, s.Entries())
	s.Remove("U.S.") // no-op on empty set

	require.NoError(t, s.Add("U.S.", General))
	require.NoError(t, s.Add("Sen", Title)) // final period optional
	require.NoError(t, s.Add("  Lt.   Gov. ", Title))
	assert.Equal(t, 3, s.Len())
	assert.Equal(t, []Entry{{"Lt. Gov.", Title}, {"Sen.", Title}, {"U.S.", General}}, s.Entries())

	// Same key, different case: replaces.
	require.NoError(t, s.Add("u.s.", State))
	assert.Equal(t, 3, s.Len())
	k, ok := s.Lookup("U.S.")
	assert.True(t, ok)
	assert.Equal(t, State, k)

	for _, bad := range []struct {
		text string
		k    Kind
	}{
		{"", General},
		{"   ", General},
		{".", General},
		{"1.", General},
		{"-.", General},
		{"\xff", General},
		{"Foo.", 0},
		{"Foo.", lastKind + 1},
	} {
		err := s.Add(bad.text, bad.k)
		require.Error(t, err, "Add(%q, %v)", bad.text, bad.k)
		assert.True(t, strings.HasPrefix(err.Error(), "abbrev: "), err.Error())
	}
	assert.Equal(t, 3, s.Len())

	s.Remove("SEN.")
	s.Remove("lt.  gov")
	s.Remove("absent.")
	assert.Equal(t, []Entry{{"u.s.", State}}, s.Entries()) // replaced text and kind

	var nilSet *Set
	assert.Error(t, nilSet.Add("U.S.", General))
	nilSet.Remove("U.S.")
	assert.Zero(t, nilSet.Len())
	assert.Nil(t, nilSet.Entries())
}

func TestEntriesSortedAndIndependent(t *testing.T) {
	s := News()
	es := s.Entries()
	require.NotEmpty(t, es)
	for i := 1; i < len(es); i++ {
		assert.Less(t, es[i-1].Text, es[i].Text)
	}
	es[0].Kind = 99
	assert.NotEqual(t, Kind(99), s.Entries()[0].Kind)
	assert.Equal(t, es[1:], s.Entries()[1:])
}

func TestClone(t *testing.T) {
	var s Set
	require.NoError(t, s.Add("Mr.", Title))
	c := s.Clone()
	require.NoError(t, c.Add("Inc.", General))
	c.Remove("Mr.")
	assert.Equal(t, []Entry{{"Mr.", Title}}, s.Entries())
	assert.Equal(t, []Entry{{"Inc.", General}}, c.Entries())

	var nilSet *Set
	nc := nilSet.Clone()
	require.NotNil(t, nc)
	assert.Zero(t, nc.Len())
	require.NoError(t, nc.Add("Co.", General)) // clone is usable
}

func TestAddAll(t *testing.T) {
	var a, b Set
	require.NoError(t, a.Add("Mr.", Title))
	require.NoError(t, a.Add("U.S.", General))
	require.NoError(t, b.Add("u.s.", State)) // conflict: b wins
	require.NoError(t, b.Add("Inc.", General))

	a.AddAll(&b)
	assert.Equal(t, []Entry{{"Inc.", General}, {"Mr.", Title}, {"u.s.", State}}, a.Entries())
	assert.Equal(t, 2, b.Len(), "other is unchanged")

	a.AddAll(nil)
	a.AddAll(&Set{})
	assert.Equal(t, 3, a.Len())

	var zero Set
	zero.AddAll(&b)
	assert.Equal(t, b.Entries(), zero.Entries())

	var nilSet *Set
	assert.NotPanics(t, func() { nilSet.AddAll(&b) }, "AddAll on a nil *Set")
	assert.Zero(t, nilSet.Len())
}

func TestConcurrentReads(t *testing.T) {
	s := News()
	s.Remove("St.")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				s.Lookup("D-Mass.")
				s.Lookup("U.S.")
				s.Removed("St.")
				_ = s.Len()
			}
			_ = s.Entries()
			_ = s.Removals()
			_ = s.Clone()
			_ = News()
		})
	}
	wg.Wait()
}

func FuzzLookup(f *testing.F) {
	for _, seed := range []string{"", ".", "U.S.", "(Gen.", "D-Mass.", "\xff", "“‘Sen.", "R-", "SEPT.", "d-n.y.", "backpedal."} {
		f.Add(seed)
	}
	s := News()
	f.Fuzz(func(t *testing.T, w string) {
		k, ok := s.Lookup(w)
		if ok != k.valid() {
			t.Fatalf("Lookup(%q) = %v, %v", w, k, ok)
		}
		if wantK, wantOK := lookupByMap(s, w); k != wantK || ok != wantOK {
			t.Fatalf("Lookup(%q) = %v, %v; the map alone says %v, %v", w, k, ok, wantK, wantOK)
		}
	})
}

// lookupByMap is Lookup as its documentation states it, on the map alone:
// the oracle for the shape filter, which may only spare map lookups.
func lookupByMap(s *Set, word string) (Kind, bool) {
	key := strings.ToLower(trimWord(word))
	if e, ok := s.m[key]; ok && key != "" {
		return e.Kind, true
	}
	if len(key) > 2 && key[1] == '-' && strings.ContainsRune("dri", rune(key[0])) {
		if e, ok := s.m[key[2:]]; ok && e.Kind == State {
			return State, true
		}
	}
	return 0, false
}

func BenchmarkLookup(b *testing.B) {
	s := News()
	words := []string{"u.s.", "Sen.", "D-Mass.", "backpedal.", "(Gen."}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s.Lookup(words[i%len(words)])
	}
}

func TestRemoved(t *testing.T) {
	tests := []struct {
		name     string
		build    func(s *Set)
		word     string
		want     bool
		wantList []string
	}{
		{"never removed", func(s *Set) {}, "St.", false, nil},
		{"removed entry", func(s *Set) { s.Remove("St.") }, "St.", true, []string{"St."}},
		{"any case, no period, opening quote", func(s *Set) { s.Remove("st") }, "“ST.", true, []string{"st."}},
		{"white space collapsed", func(s *Set) { s.Remove(" Lt.   Gov. ") }, "lt. gov.", true, []string{"Lt. Gov."}},
		{"absent word is still marked", func(s *Set) { s.Remove("Xyz.") }, "Xyz.", true, []string{"Xyz."}},
		{"other words unaffected", func(s *Set) { s.Remove("St.") }, "Sen.", false, []string{"St."}},
		{"Add clears the mark", func(s *Set) { s.Remove("St."); _ = s.Add("st.", General) }, "St.", false, nil},
		{"AddAll clears the mark", func(s *Set) {
			s.Remove("Inc.")
			var o Set
			_ = o.Add("Inc.", General)
			s.AddAll(&o)
		}, "Inc.", false, nil},
		{"AddAll does not carry removals", func(s *Set) {
			o := News()
			o.Remove("Sen.")
			s.AddAll(o)
		}, "Sen.", false, nil},
		{"empty text ignored", func(s *Set) { s.Remove(" . ") }, ".", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := News()
			tt.build(s)
			assert.Equal(t, tt.want, s.Removed(tt.word))
			assert.Equal(t, tt.wantList, s.Removals())
			if tt.want {
				_, listed := s.Lookup(tt.word)
				assert.False(t, listed, "a removed word is not listed")
			}
		})
	}

	var nilSet *Set
	assert.False(t, nilSet.Removed("St."))
	assert.Nil(t, nilSet.Removals())
	var zero Set
	zero.Remove("St.")
	assert.True(t, zero.Removed("St."), "Remove on the zero Set")
}

func TestCloneKeepsRemovals(t *testing.T) {
	s := News()
	s.Remove("St.")
	c := s.Clone()
	assert.True(t, c.Removed("St."))
	c.Remove("Sen.")
	require.NoError(t, c.Add("St.", Title))
	assert.True(t, s.Removed("St."), "the original keeps its removal")
	assert.False(t, s.Removed("Sen."), "the original is unaffected by the clone")
	assert.Equal(t, []string{"Sen."}, c.Removals())
}

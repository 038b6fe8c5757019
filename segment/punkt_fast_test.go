package segment

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// slowPunkt returns the reference decider: neurosnap's own passes.
func slowPunkt(tb testing.TB) *neurosnapPunkt {
	tb.Helper()
	p, err := loadNeurosnapPunkt()
	require.NoError(tb, err)
	return p
}

func fastPunktForTest(tb testing.TB) *fastPunkt {
	tb.Helper()
	p, err := loadFastPunkt()
	require.NoError(tb, err)
	return p
}

// withDecider returns a copy of s that asks d instead of its own decider.
func withDecider(s *Segmenter, d punktDecider) *Segmenter {
	c := *s
	c.rules.punkt = d
	return &c
}

// punktWindows returns the windows (cand, next, after) of
// testdata/punkt-windows.txt, chosen to reach every branch of the three
// Punkt passes.
func punktWindows(tb testing.TB) [][3]string {
	tb.Helper()
	var out [][3]string
	for n, line := range strings.Split(readOwnFixture(tb, "punkt-windows.txt"), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var w [3]string
		rest := line
		for i := range w {
			q, err := strconv.QuotedPrefix(rest)
			require.NoError(tb, err, "punkt-windows.txt:%d", n+1)
			w[i], _ = strconv.Unquote(q)
			rest = strings.TrimPrefix(rest[len(q):], " ")
		}
		require.Empty(tb, rest, "punkt-windows.txt:%d: more than three strings", n+1)
		out = append(out, w)
	}
	require.NotEmpty(tb, out)
	return out
}

func TestFastPunktTable(t *testing.T) {
	slow, fast := slowPunkt(t), fastPunktForTest(t)
	for _, w := range punktWindows(t) {
		require.Equal(t, slow.breaks(w[0], w[1], w[2]), fast.breaks(w[0], w[1], w[2]), "window %q", w)
	}
}

// equivalenceCorpora returns every document the equivalence tests run on:
// the Geneva article (with its reflowed body), the Golden Rules and the GUM
// news documents of testdata/eval.
func equivalenceCorpora(t *testing.T) []corpus {
	article := readGeneva(t)
	docs := []corpus{{"geneva", article}, {"geneva-reflowed", reflowBody(t, article)}}
	for _, c := range fixtureCases(t, "eval/golden-rules-en.jsonl") {
		docs = append(docs, corpus{"golden-rules/" + c.name, c.text})
	}
	return append(docs, fixtureDocs(t, "eval/gum-news")...)
}

func TestFastPunktCorpusWindows(t *testing.T) {
	slow, fast := slowPunkt(t), fastPunktForTest(t)
	windows := 0
	for _, doc := range equivalenceCorpora(t) {
		toks := strings.Fields(doc.text)
		for i, tok := range toks {
			next, after := "", ""
			if i+1 < len(toks) {
				next = toks[i+1]
			}
			if i+2 < len(toks) {
				after = toks[i+2]
			}
			want := slow.breaks(tok, next, after)
			if got := fast.breaks(tok, next, after); got != want {
				t.Errorf("%s: window %q %q %q: fast %v, slow %v", doc.name, tok, next, after, got, want)
			}
			windows++
		}
	}
	t.Logf("%d windows", windows)
}

func TestFastPunktSegmentEquivalence(t *testing.T) {
	fast := newTestSegmenter(t)
	slow := withDecider(fast, slowPunkt(t))
	for _, doc := range equivalenceCorpora(t) {
		require.Equal(t, slow.Segment(doc.text), fast.Segment(doc.text), doc.name)
	}
	for _, w := range punktWindows(t) {
		text := strings.Join(w[:], " ")
		require.Equal(t, slow.Segment(text), fast.Segment(text), "%q", text)
	}
}

func TestFastPunktIsDefault(t *testing.T) {
	_, ok := newTestSegmenter(t).rules.punkt.(*fastPunkt)
	require.True(t, ok, "New should use the fast Punkt decider")
}

func TestFastPunktAllocs(t *testing.T) {
	fast := fastPunktForTest(t)
	for _, w := range punktWindows(t) {
		allocs := testing.AllocsPerRun(20, func() { fast.breaks(w[0], w[1], w[2]) })
		require.Zero(t, allocs, "window %q allocates", w)
	}
}

func FuzzPunktEquivalence(f *testing.F) {
	for _, w := range punktWindows(f) {
		f.Add(w[0], w[1], w[2])
	}
	slow, fast := slowPunkt(f), fastPunktForTest(f)
	f.Fuzz(func(t *testing.T, cand, next, after string) {
		if want, got := slow.breaks(cand, next, after), fast.breaks(cand, next, after); got != want {
			t.Fatalf("window %q %q %q: fast %v, slow %v", cand, next, after, got, want)
		}
	})
}

// TestFastPunktModelWindows pairs tokens built from the model's own keys, so
// that every abbreviation, collocation and sentence starter is looked up by
// both deciders, in several cases and with and without periods and quotes.
func TestFastPunktModelWindows(t *testing.T) {
	slow, fast := slowPunkt(t), fastPunktForTest(t)
	st := slow.tok.Storage
	title := func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	}
	var cands, nexts []string
	for a := range st.AbbrevTypes {
		cands = append(cands, a+".", title(a)+".", strings.ToUpper(a)+".", `"`+a+`."`, a+".”")
	}
	for c := range st.Collocations {
		first, second, _ := strings.Cut(c, ",")
		first = strings.ReplaceAll(first, "##number##", "1914")
		cands = append(cands, first+".", title(first)+".")
		nexts = append(nexts, second, title(second), second+".", title(second)+".")
	}
	for s := range st.SentStarters {
		nexts = append(nexts, s, title(s), strings.ToUpper(s), s+".")
	}
	var ortho []string
	for w := range st.OrthoContext {
		ortho = append(ortho, w)
	}
	sort.Strings(ortho)
	for i := 0; i < len(ortho); i += 97 {
		w := strings.ReplaceAll(ortho[i], "##number##", "42")
		nexts = append(nexts, w, title(w), w+".")
	}
	cands = append(cands, "it.", "IT.", "2014.", "1.", "...", ".", "E.", "word.’", "why?”")
	sort.Strings(cands)
	sort.Strings(nexts)
	// after matters only when next ends in a period. Every candidate meets
	// every third next token (every tenth with -short); the offset moves
	// with the candidate, so every next token is met too.
	stride := 3
	if testing.Short() {
		stride = 10
	}
	windows := 0
	for i, c := range cands {
		for j := i % stride; j < len(nexts); j += stride {
			n := nexts[j]
			afters := []string{""}
			if strings.HasSuffix(n, ".") {
				afters = []string{"the", "The", "."}
			}
			for _, a := range afters {
				if slow.breaks(c, n, a) != fast.breaks(c, n, a) {
					t.Fatalf("window %q %q %q: fast %v, slow %v", c, n, a, fast.breaks(c, n, a), slow.breaks(c, n, a))
				}
				windows++
			}
		}
	}
	t.Logf("%d windows from %d candidates and %d next tokens", windows, len(cands), len(nexts))
}

// TestOpensSentences checks the two deciders agree on the evidence the
// street rule reads, and that the evidence separates names from words that
// open sentences after a street.
func TestOpensSentences(t *testing.T) {
	slow, fast := slowPunkt(t), fastPunktForTest(t)
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"The", true},         // a learned starter, seen in lower case
		{"Police", true},      // seen in lower case
		{"Officials", true},   // seen in lower case
		{"It", true},          // a learned starter
		{"A", true},           // one byte: its own type
		{"Residents", true},   // seen in lower case only
		{"Several", true},     // seen in lower case
		{"In", true},          // a learned starter
		{"Louis", false},      // seen capitalised only, mid-sentence and at the start
		{"Clair", false},      // not in the model
		{"Pierre", false},     // seen capitalised mid-sentence only
		{"Smith", false},      // a surname
		{"John's", false},     // a possessive name
		{"Lawrence,", false},  // a name before a comma
		{"", false},           // nothing follows
		{"2019", false},       // a number is typed ##number##, never seen in lower case
		{"Petersburg", false}, // seen capitalised, case unknown
	} {
		t.Run(tc.word, func(t *testing.T) {
			require.Equal(t, tc.want, fast.opensSentences(tc.word), "fast")
			require.Equal(t, tc.want, slow.opensSentences(tc.word), "slow")
		})
	}
	// Every type in the model, in its sentence-opening spelling, gets the
	// same answer from both deciders.
	for typ := range slow.tok.Storage.OrthoContext {
		w := strings.ToUpper(typ[:1]) + typ[1:]
		require.Equal(t, slow.opensSentences(w), fast.opensSentences(w), "type %q", typ)
	}
}

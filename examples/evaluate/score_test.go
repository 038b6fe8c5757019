package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsseg/newsseg/segment"
)

func newSegmenter(t *testing.T) *segment.Segmenter {
	t.Helper()
	seg, err := segment.New()
	require.NoError(t, err)
	return seg
}

func TestScoresRatios(t *testing.T) {
	tests := []struct {
		name    string
		sc      Scores
		p, r, f float64
	}{
		{"perfect", Scores{TP: 4}, 1, 1, 1},
		{"empty", Scores{}, 0, 0, 0},
		{"no system boundaries", Scores{FN: 3}, 0, 0, 0},
		{"mixed", Scores{TP: 3, FP: 1, FN: 3}, 0.75, 0.5, 0.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.p, tt.sc.Precision(), 1e-9)
			assert.InDelta(t, tt.r, tt.sc.Recall(), 1e-9)
			assert.InDelta(t, tt.f, tt.sc.F1(), 1e-9)
		})
	}
	assert.Equal(t, "P 0.750 R 0.500 F1 0.600 (tp 3 fp 1 fn 3)", Scores{TP: 3, FP: 1, FN: 3}.String())
}

func TestBoundariesOf(t *testing.T) {
	text := "Ab c.  Dé f!\n\nG h."
	// Non-whitespace stream: A b c . D é f ! G h . (11 runes).
	tests := []struct {
		name string
		ends []int
		want []int
	}{
		{"every sentence", []int{5, 13, len(text)}, []int{4, 8}},
		{"offset inside whitespace counts as the previous rune", []int{6, 14}, []int{4, 8}},
		{"start and end of text are not boundaries", []int{0, len(text)}, nil},
		{"duplicates and order", []int{13, 5, 5}, []int{4, 8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, boundariesOf(text, tt.ends))
		})
	}
}

func TestGoldBoundaries(t *testing.T) {
	b, stream := goldBoundaries([]string{"Ab c.", "", "Dé  f!", "G h."})
	assert.Equal(t, []int{4, 8}, b)
	assert.Equal(t, "Abc.Déf!Gh.", stream)

	b, _ = goldBoundaries([]string{"One sentence only."})
	assert.Empty(t, b)
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name      string
		gold, sys []int
		want      Scores
		fps, fns  []int
	}{
		{"perfect", []int{3, 7}, []int{3, 7}, Scores{TP: 2}, nil, nil},
		{"missing split", []int{3, 7}, []int{7}, Scores{TP: 1, FN: 1}, nil, []int{3}},
		{"extra split", []int{3}, []int{3, 5}, Scores{TP: 1, FP: 1}, []int{5}, nil},
		{"both", []int{2, 9}, []int{4, 9, 12}, Scores{TP: 1, FP: 2, FN: 1}, []int{4, 12}, []int{2}},
		{"none", nil, nil, Scores{}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, fps, fns := compare(tt.gold, tt.sys)
			assert.Equal(t, tt.want, sc)
			assert.Equal(t, tt.fps, fps)
			assert.Equal(t, tt.fns, fns)
		})
	}
}

func TestScoreCase(t *testing.T) {
	seg := newSegmenter(t)
	tests := []struct {
		name  string
		c     testCase
		exact bool
		want  Scores
	}{
		{
			name:  "perfect",
			c:     testCase{ID: "a", Text: "Hello World. My name is Jonas.", Sentences: []string{"Hello World.", "My name is Jonas."}},
			exact: true,
			want:  Scores{TP: 1},
		},
		{
			name:  "whitespace differences do not matter",
			c:     testCase{ID: "b", Text: "Hello   World.\n\nMy name\tis Jonas.", Sentences: []string{" Hello World. ", "My  name is Jonas."}},
			exact: true,
			want:  Scores{TP: 1},
		},
		{
			name:  "missing split is one FN",
			c:     testCase{ID: "c", Text: "Hello World. My name is Jonas.", Sentences: []string{"Hello", "World.", "My name is Jonas."}},
			exact: false,
			want:  Scores{TP: 1, FN: 1},
		},
		{
			name:  "extra split is one FP",
			c:     testCase{ID: "d", Text: "Hello World. My name is Jonas.", Sentences: []string{"Hello World. My name is Jonas."}},
			exact: false,
			want:  Scores{FP: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := scoreCase(seg, tt.c)
			require.NoError(t, err)
			assert.Equal(t, tt.exact, r.Exact, "got %q", r.Got)
			assert.Equal(t, tt.want, r.Scores)
		})
	}
}

func TestScoreCaseMismatchedGold(t *testing.T) {
	seg := newSegmenter(t)
	_, err := scoreCase(seg, testCase{ID: "bad", Text: "Hello World. Bye.", Sentences: []string{"Hello World.", "Bye!"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad")
	assert.Contains(t, err.Error(), "do not match")
}

func TestScoreCases(t *testing.T) {
	seg := newSegmenter(t)
	cases := []testCase{
		{ID: "ok", Text: "Hello World. My name is Jonas.", Sentences: []string{"Hello World.", "My name is Jonas."}},
		{ID: "miss", Text: "Hello World. My name is Jonas.", Sentences: []string{"Hello", "World. My name is Jonas."}},
		{ID: "bad", Text: "Hi.", Sentences: []string{"Ho."}},
	}
	rep, err := scoreCases(seg, cases)
	require.Error(t, err, "the mismatched case is reported")
	assert.Contains(t, err.Error(), "case bad")
	assert.Equal(t, 2, rep.Cases)
	assert.Equal(t, 1, rep.Exact)
	assert.Equal(t, Scores{TP: 1, FP: 1, FN: 1}, rep.Scores)
	require.Len(t, rep.Misses, 1)
	assert.Equal(t, "miss", rep.Misses[0].ID)
}

func TestParseCases(t *testing.T) {
	cases, err := parseCases("x.jsonl", []byte("{\"id\":\"a\",\"text\":\"A.\",\"sentences\":[\"A.\"]}\n\n{\"text\":\"B.\",\"sentences\":[\"B.\"]}\n"))
	require.NoError(t, err)
	require.Len(t, cases, 2)
	assert.Equal(t, "a", cases[0].ID)
	assert.Equal(t, "line 3", cases[1].ID)

	_, err = parseCases("x.jsonl", []byte("{\"id\":\"a\",\"text\":\"A.\",\"sentences\":[\"A.\"]}\n{not json}\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "x.jsonl:2")

	_, err = parseCases("x.jsonl", []byte("\n"))
	require.Error(t, err)
}

func TestScoreDoc(t *testing.T) {
	seg := newSegmenter(t)
	text := "Storm hits coast\n\nMonday, May 18, 2015\n\nThe storm hit the coast on Friday. Hundreds were rescued.\n"
	tests := []struct {
		name  string
		gold  []string
		want  Scores
		kinds []string
	}{
		{
			name: "perfect",
			gold: []string{"Storm hits coast", "Monday, May 18, 2015", "The storm hit the coast on Friday.", "Hundreds were rescued."},
			want: Scores{TP: 3},
		},
		{
			name:  "extra split is one FP",
			gold:  []string{"Storm hits coast", "Monday, May 18, 2015", "The storm hit the coast on Friday. Hundreds were rescued."},
			want:  Scores{TP: 2, FP: 1},
			kinds: []string{"FP"},
		},
		{
			name:  "missing split is one FN",
			gold:  []string{"Storm hits coast", "Monday, May 18, 2015", "The storm hit the coast", "on Friday.", "Hundreds were rescued."},
			want:  Scores{TP: 3, FN: 1},
			kinds: []string{"FN"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, misses, err := scoreDoc(seg, document{Name: "doc", Text: text, Sentences: tt.gold})
			require.NoError(t, err)
			assert.Equal(t, tt.want, sc)
			var kinds []string
			for _, m := range misses {
				kinds = append(kinds, m.Kind)
				assert.Equal(t, "doc", m.Doc)
			}
			assert.Equal(t, tt.kinds, kinds)
		})
	}

	_, misses, err := scoreDoc(seg, document{Name: "doc", Text: text, Sentences: []string{"Storm hits coast", "Monday, May 18, 2015", "The storm hit the coast", "on Friday.", "Hundreds were rescued."}})
	require.NoError(t, err)
	require.Len(t, misses, 1)
	assert.Equal(t, ", May 18, 2015 ¶ The storm hit the coast", misses[0].Before)
	assert.Equal(t, "on Friday. Hundreds were rescued.", misses[0].After)

	_, _, err = scoreDoc(seg, document{Name: "doc", Text: text, Sentences: []string{"Storm hits coast", "The storm hit the coast on Friday. Hundreds were rescued."}})
	require.Error(t, err, "gold that drops the dateline must not be scored")
	assert.Contains(t, err.Error(), "do not match")
}

func TestContext(t *testing.T) {
	text := "one two\n\nthree four five"
	before, after := context(text, 7, 5) // after "two"
	assert.Equal(t, "e two", before)
	assert.Equal(t, "¶ thr", after)
	assert.Equal(t, "a ¶ b c ", collapse("a\n \n b\tc\n"))
}

func TestSplitGoldLines(t *testing.T) {
	assert.Equal(t, []string{"A.", "B c."}, splitGoldLines("A.\r\n\n  B c.  \n"))
}

package evalset

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsseg/newsseg/segment"
)

// newSegmenter returns newsseg's default segmenter as a Segmenter.
func newSegmenter(t *testing.T) Segmenter {
	t.Helper()
	seg, err := segment.New()
	require.NoError(t, err)
	return func(text string) []string {
		var out []string
		for _, s := range seg.Segment(text) {
			out = append(out, s.Text)
		}
		return out
	}
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

func TestBoundaries(t *testing.T) {
	b, stream := boundaries([]string{"Ab c.", "", "Dé  f!", "G h."})
	assert.Equal(t, []int{4, 8}, b)
	assert.Equal(t, "Abc.Déf!Gh.", stream)

	b, _ = boundaries([]string{"One sentence only."})
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
		c     Case
		exact bool
		want  Scores
	}{
		{
			name:  "perfect",
			c:     Case{ID: "a", Text: "Hello World. My name is Jonas.", Sentences: []string{"Hello World.", "My name is Jonas."}},
			exact: true,
			want:  Scores{TP: 1},
		},
		{
			name:  "whitespace differences do not matter",
			c:     Case{ID: "b", Text: "Hello   World.\n\nMy name\tis Jonas.", Sentences: []string{" Hello World. ", "My  name is Jonas."}},
			exact: true,
			want:  Scores{TP: 1},
		},
		{
			name:  "missing split is one FN",
			c:     Case{ID: "c", Text: "Hello World. My name is Jonas.", Sentences: []string{"Hello", "World.", "My name is Jonas."}},
			exact: false,
			want:  Scores{TP: 1, FN: 1},
		},
		{
			name:  "extra split is one FP",
			c:     Case{ID: "d", Text: "Hello World. My name is Jonas.", Sentences: []string{"Hello World. My name is Jonas."}},
			exact: false,
			want:  Scores{FP: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ScoreCase(seg, tt.c)
			require.NoError(t, err)
			assert.Equal(t, tt.exact, r.Exact, "got %q", r.Got)
			assert.Equal(t, tt.want, r.Scores)
		})
	}
}

func TestScoreCaseMismatchedGold(t *testing.T) {
	seg := newSegmenter(t)
	_, err := ScoreCase(seg, Case{ID: "bad", Text: "Hello World. Bye.", Sentences: []string{"Hello World.", "Bye!"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad")
	assert.Contains(t, err.Error(), "do not match")
}

func TestScoreCases(t *testing.T) {
	seg := newSegmenter(t)
	cases := []Case{
		{ID: "ok", Text: "Hello World. My name is Jonas.", Sentences: []string{"Hello World.", "My name is Jonas."}},
		{ID: "miss", Text: "Hello World. My name is Jonas.", Sentences: []string{"Hello", "World. My name is Jonas."}},
		{ID: "bad", Text: "Hi.", Sentences: []string{"Ho."}},
	}
	rep, err := ScoreCases(seg, cases)
	require.Error(t, err, "the mismatched case is reported")
	assert.Contains(t, err.Error(), "case bad")
	assert.Equal(t, 2, rep.Cases)
	assert.Equal(t, 1, rep.Exact)
	assert.Equal(t, Scores{TP: 1, FP: 1, FN: 1}, rep.Scores)
	require.Len(t, rep.Misses, 1)
	assert.Equal(t, "miss", rep.Misses[0].ID)
}

func TestParseCases(t *testing.T) {
	cases, err := ParseCases("x.jsonl", []byte("{\"id\":\"a\",\"text\":\"A.\",\"sentences\":[\"A.\"]}\n\n{\"text\":\"B.\",\"sentences\":[\"B.\"]}\n"))
	require.NoError(t, err)
	require.Len(t, cases, 2)
	assert.Equal(t, "a", cases[0].ID)
	assert.Equal(t, "line 3", cases[1].ID)

	_, err = ParseCases("x.jsonl", []byte("{\"id\":\"a\",\"text\":\"A.\",\"sentences\":[\"A.\"]}\n{not json}\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "x.jsonl:2")

	_, err = ParseCases("x.jsonl", []byte("\n"))
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
			sc, misses, err := ScoreDoc(seg, Document{Name: "doc", Text: text, Sentences: tt.gold})
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

	_, misses, err := ScoreDoc(seg, Document{Name: "doc", Text: text, Sentences: []string{"Storm hits coast", "Monday, May 18, 2015", "The storm hit the coast", "on Friday.", "Hundreds were rescued."}})
	require.NoError(t, err)
	require.Len(t, misses, 1)
	assert.Equal(t, ", May 18, 2015 ¶ The storm hit the coast", misses[0].Before)
	assert.Equal(t, "on Friday. Hundreds were rescued.", misses[0].After)

	_, _, err = ScoreDoc(seg, Document{Name: "doc", Text: text, Sentences: []string{"Storm hits coast", "The storm hit the coast on Friday. Hundreds were rescued."}})
	require.Error(t, err, "gold that drops the dateline must not be scored")
	assert.Contains(t, err.Error(), "gold sentences do not match")
}

func TestSystemMustKeepTheText(t *testing.T) {
	text := "Storm hits coast\n\nThe storm hit on Friday. Hundreds were rescued."
	gold := []string{"Storm hits coast", "The storm hit on Friday.", "Hundreds were rescued."}
	tests := []struct {
		name    string
		seg     Segmenter
		want    Scores
		wantErr string
	}{
		{
			name: "white space trimmed or kept does not matter",
			seg: func(string) []string {
				return []string{"Storm hits coast\n\n", " The storm hit on Friday. ", "Hundreds were rescued."}
			},
			want: Scores{TP: 2},
		},
		{
			name: "a dropped character is an error, not a miss",
			seg: func(string) []string {
				return []string{"Storm hits coast", "The storm hit on Friday. Hundreds were rescued"}
			},
			wantErr: "system sentences do not match the text",
		},
		{
			name:    "no sentences at all is an error",
			seg:     func(string) []string { return nil },
			wantErr: "system sentences do not match the text",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, _, err := ScoreDoc(tt.seg, Document{Name: "doc", Text: text, Sentences: gold})
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, sc)
		})
	}
}

func TestReadAndScoreSet(t *testing.T) {
	dir := t.TempDir()
	cases := filepath.Join(dir, "cases.jsonl")
	require.NoError(t, os.WriteFile(cases, []byte(`{"id": "a", "text": "Hello World. My name is Jonas.", "sentences": ["Hello World.", "My name is Jonas."]}`+"\n"), 0o644))
	docs := filepath.Join(dir, "docs")
	require.NoError(t, os.Mkdir(docs, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "a.txt"), []byte("One. Two.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "a.sentences"), []byte("One.\nTwo.\n"), 0o644))
	seg := newSegmenter(t)

	s, err := Read(cases)
	require.NoError(t, err)
	assert.True(t, s.IsCases())
	assert.Equal(t, "cases.jsonl", s.Name)
	assert.Equal(t, []string{"Hello World. My name is Jonas."}, s.Texts())
	cr, dr, err := s.Score(seg)
	require.NoError(t, err)
	assert.Equal(t, 1, cr.Exact)
	assert.Equal(t, Scores{TP: 1}, cr.Scores)
	assert.Zero(t, dr.Docs)

	s, err = Read(docs)
	require.NoError(t, err)
	assert.False(t, s.IsCases())
	assert.Equal(t, []string{"One. Two.\n"}, s.Texts())
	cr, dr, err = s.Score(seg)
	require.NoError(t, err)
	assert.Equal(t, 1, dr.Docs)
	assert.Equal(t, Scores{TP: 1}, dr.Scores)
	assert.Zero(t, cr.Cases)

	_, err = Read(filepath.Join(dir, "missing"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, "missing"))
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

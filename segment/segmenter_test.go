package segment

import (
	"strings"
	"testing"

	"github.com/newsseg/newsseg/abbrev"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSegmentEdgeInputs(t *testing.T) {
	s := newTestSegmenter(t)
	for _, tc := range []struct {
		name string
		text string
		n    int
	}{
		{"empty", "", 0},
		{"white space only", " \n\t\r\n ", 0},
		{"one word", "Breaking", 1},
		{"no punctuation", strings.Repeat("word ", 1000), 1},
		{"run of dots", strings.Repeat(".", 10000), 1},
		{"spaced dots", strings.Repeat(". ", 5000), 1},
		{"invalid UTF-8", "Talks \xff\xfe ended. Nobody \xc3 spoke.", 2},
		{"NUL bytes", "The\x00talks ended. \x00", 2},
		{"byte order mark", "\ufeffThe talks ended. They resume Friday.", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := s.Segment(tc.text)
			checkContract(t, tc.text, got)
			assert.Len(t, got, tc.n)
		})
	}
}

func TestMerge(t *testing.T) {
	s := newTestSegmenter(t)
	for _, tc := range []struct {
		name  string
		frags []string
		want  []string
	}{
		{"title split from name", []string{"Russia must pull its troops back, Ms.", "Sherman said."},
			[]string{"Russia must pull its troops back, Ms. Sherman said."}},
		{"U.S. split from lower case", []string{"Sherman said the U.S.", "limit its troop presence."},
			[]string{"Sherman said the U.S. limit its troop presence."}},
		{"U.S. ends before a name", []string{"Putin demands concessions from the U.S.", "Sherman said little."},
			[]string{"Putin demands concessions from the U.S.", "Sherman said little."}},
		{"lower case after a real end stays apart", []string{"‘We cannot backpedal.", "should use the meetings."},
			[]string{"‘We cannot backpedal.", "should use the meetings."}},
		{"cut mid-sentence", []string{"Officials said the", "sanctions would stay."},
			[]string{"Officials said the sanctions would stay."}},
		{"labels stay apart", []string{"RECENT NEWS", "SUBSCRIBE"}, []string{"RECENT NEWS", "SUBSCRIBE"}},
		{"blank fragments dropped and trimmed", []string{"  ", "The talks ended. ", "", " Nobody spoke."},
			[]string{"The talks ended.", "Nobody spoke."}},
		{"never splits inside a fragment", []string{"One. Two. Three."}, []string{"One. Two. Three."}},
		{"three pieces of one sentence", []string{"Gen.", "Mark Milley met Lt. Gov.", "Vega."},
			[]string{"Gen. Mark Milley met Lt. Gov. Vega."}},
		{"nil", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, s.Merge(tc.frags))
		})
	}
}

func TestWithoutMerge(t *testing.T) {
	s := newTestSegmenter(t, WithoutMerge())
	text := "Russia must pull back, Ms.\n\nSherman said. The talks ended."
	got := s.Segment(text)
	checkContract(t, text, got)
	assert.Equal(t, []string{"Russia must pull back, Ms.", "Sherman said.", "The talks ended."}, texts(got))
	assert.Equal(t, []string{"Sherman said the U.S.", "limit troops."}, s.Merge([]string{"Sherman said the U.S.", "limit troops."}))
}

func TestAbbreviationOptions(t *testing.T) {
	extra, err := abbrev.Load(strings.NewReader("title Insp.\n"))
	require.NoError(t, err)
	text := "The case went to Insp. Morse on Monday."

	s := newTestSegmenter(t, WithMoreAbbreviations(extra))
	assert.Equal(t, []string{text}, texts(s.Segment(text)))

	// Replacing the lexicon drops the news titles that Punkt's model does
	// not know ("Supt."), while titles from the new set still hold.
	only, err := abbrev.Load(strings.NewReader("title Insp.\n"))
	require.NoError(t, err)
	s = newTestSegmenter(t, WithAbbreviations(only))
	assert.Equal(t, []string{text}, texts(s.Segment(text)))
	assert.Equal(t, []string{"The case went to Supt.", "Morse said so."}, texts(s.Segment("The case went to Supt. Morse said so.")))
	assert.Equal(t, []string{"The case went to Supt. Morse said so."}, texts(newTestSegmenter(t).Segment("The case went to Supt. Morse said so.")))

	_, err = New(WithAbbreviations(nil))
	assert.Error(t, err)
	_, err = New(WithMoreAbbreviations(nil))
	assert.Error(t, err)
}

func TestSplit(t *testing.T) {
	assert.Equal(t, []string{"Ms. Sherman spoke.", "Talks ended."}, Split("Ms. Sherman spoke. Talks ended."))
	assert.Empty(t, Split(""))
}

// TestExplainLayoutLimits checks the rules no case file can show: those of
// an option, of Merge's seams and of the window.
func TestExplainLayoutLimits(t *testing.T) {
	// Paragraphs cut mid-phrase and carried on in lower case, which the
	// merger joins, until the sentence passes the window.
	para := strings.Repeat("word ", 1000) + "and\n\n"
	huge := strings.Repeat(para, WindowSize/len(para)+2)
	tests := []struct {
		name  string
		opts  []Option
		text  string
		rules []Rule
	}{
		{"without merge a paragraph break ends", []Option{WithoutMerge()}, "The talks ended, Ms.\n\nSherman said.",
			[]Rule{ruleNoMerge, ruleTextEnd}},
		{"a gap longer than the window", nil, "Talks ended" + strings.Repeat(" ", WindowSize+1) + "and resumed.",
			[]Rule{ruleWindowCut, ruleTextEnd}},
		{"a sentence that reaches the window size", nil, huge + "the end",
			[]Rule{ruleWindowSize, ruleTextEnd}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSegmenter(t, tt.opts...)
			var got []Rule
			for _, e := range s.Explain(tt.text) {
				got = append(got, e.Rule)
			}
			assert.Equal(t, tt.rules, got)
		})
	}
	t.Run("a seam between fragments", func(t *testing.T) {
		s := newTestSegmenter(t)
		ends, rule := s.rules.ends(seam("RECENT NEWS", "SUBSCRIBE", 0, false))
		assert.True(t, ends)
		assert.Equal(t, ruleMergeSeam, rule)
	})
}

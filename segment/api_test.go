package segment_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/newsseg/newsseg/abbrev"
	"github.com/newsseg/newsseg/segment"
)

const apiText = "Breaking\n\nGENEVA — Russia must pull its troops back, Ms. Sherman said. " +
	"Putin is demanding concessions from the U.S. Sherman said the U.S. Navy would stay.\n\n" +
	"Ms.\nSherman spoke.\n"

// TestZeroSegmenter checks that the zero Segmenter, and a nil *Segmenter,
// give exactly what New() gives, through every method.
func TestZeroSegmenter(t *testing.T) {
	def, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	var nilSeg *segment.Segmenter
	for name, s := range map[string]*segment.Segmenter{"zero": {}, "new(Segmenter)": new(segment.Segmenter), "nil": nilSeg} {
		t.Run(name, func(t *testing.T) {
			if got, want := s.Segment(apiText), def.Segment(apiText); !slices.Equal(got, want) {
				t.Errorf("Segment:\n got %v\nwant %v", got, want)
			}
			if got, want := s.Explain(apiText), def.Explain(apiText); len(got) != len(want) || len(got) == 0 || got[0].Rule != want[0].Rule {
				t.Errorf("Explain:\n got %v\nwant %v", got, want)
			}
			frags := []string{"Ms.", "Sherman spoke.", "Then she left."}
			if got, want := s.Merge(frags), def.Merge(frags); !slices.Equal(got, want) {
				t.Errorf("Merge = %q, want %q", got, want)
			}
			var got []segment.Sentence
			sc := s.NewScanner(strings.NewReader(apiText))
			for sc.Scan() {
				got = append(got, sc.Sentence())
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			if want := def.Segment(apiText); !slices.Equal(got, want) {
				t.Errorf("Scanner:\n got %v\nwant %v", got, want)
			}
			got = got[:0]
			for sent, err := range s.Sentences(strings.NewReader(apiText)) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, sent)
			}
			if want := def.Segment(apiText); !slices.Equal(got, want) {
				t.Errorf("Sentences:\n got %v\nwant %v", got, want)
			}
		})
	}
}

// TestNewNilOption checks that New skips a nil option: the Segmenter is
// the one the other options make.
func TestNewNilOption(t *testing.T) {
	tests := []struct {
		name       string
		opts, same []segment.Option
	}{
		{"one nil", []segment.Option{nil}, nil},
		{"nil among options", []segment.Option{nil, segment.WithoutMerge(), nil}, []segment.Option{segment.WithoutMerge()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := segment.New(tt.opts...)
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			same, err := segment.New(tt.same...)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := s.Segment(apiText), same.Segment(apiText); !slices.Equal(got, want) {
				t.Errorf("Segment:\n got %v\nwant %v", got, want)
			}
		})
	}
}

// TestMisuse calls the API in the ways a caller can get wrong and checks
// for a clear error or a defined result instead of a panic.
func TestMisuse(t *testing.T) {
	tests := []struct {
		name string
		run  func() error
	}{
		{"WithAbbreviations(nil)", func() error { _, err := segment.New(segment.WithAbbreviations(nil)); return err }},
		{"WithMoreAbbreviations(nil)", func() error { _, err := segment.New(segment.WithMoreAbbreviations(nil)); return err }},
		{"NewScanner(nil)", func() error {
			sc := new(segment.Segmenter).NewScanner(nil)
			if sc.Scan() {
				return errors.New("Scan returned true")
			}
			return sc.Err()
		}},
		{"NewScanner of a nil *strings.Reader", func() error {
			sc := new(segment.Segmenter).NewScanner((*strings.Reader)(nil))
			if sc.Scan() {
				return errors.New("Scan returned true")
			}
			return sc.Err()
		}},
		{"zero Scanner", func() error {
			var sc segment.Scanner
			if sc.Scan() {
				return errors.New("Scan returned true")
			}
			_ = sc.Sentence()
			return sc.Err()
		}},
		{"nil *Scanner", func() error {
			var sc *segment.Scanner
			if sc.Scan() {
				return errors.New("Scan returned true")
			}
			_ = sc.Sentence()
			return sc.Err()
		}},
		{"Sentences(nil)", func() error {
			for _, err := range new(segment.Segmenter).Sentences(nil) {
				return err
			}
			return errors.New("no error yielded")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "segment: ") {
				t.Errorf("error %q does not name the package", err)
			}
		})
	}
}

func TestSentenceJSON(t *testing.T) {
	s := segment.Sentence{Text: "Shares rose.", Start: 3, End: 15, Kind: segment.Headline}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"text":"Shares rose.","start":3,"end":15,"kind":"headline"}`; string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var back segment.Sentence
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back != s {
		t.Errorf("round trip = %+v, want %+v", back, s)
	}
}

// TestRemoveAbbreviation checks that an entry removed from the set is not
// an abbreviation, though Punkt's model lists it ("st", "ct"), in Segment,
// Explain and Merge alike.
func TestRemoveAbbreviation(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		remove   string
		want     []string
		wantRule segment.Rule // the rule that ended the first sentence
	}{
		{"default keeps St. as a title", "The parade on St. Patrick's Day drew crowds.", "",
			[]string{"The parade on St. Patrick's Day drew crowds."}, "text-end"},
		{"removed from the set, listed by Punkt", "The parade on St. Patrick's Day drew crowds.", "St.",
			[]string{"The parade on St.", "Patrick's Day drew crowds."}, "abbrev-removed"},
		{"removed in another case", "The parade on St. Patrick's Day drew crowds.", "st",
			[]string{"The parade on St.", "Patrick's Day drew crowds."}, "abbrev-removed"},
		{"the issue's street example, default", "Main St. Smith came by.", "",
			[]string{"Main St. Smith came by."}, "text-end"},
		{"the issue's street example, removed", "Main St. Smith came by.", "St.",
			[]string{"Main St.", "Smith came by."}, "abbrev-removed"},
		{"lower case goes on", "Crews closed St. and Elm on Monday.", "St.",
			[]string{"Crews closed St. and Elm on Monday."}, "text-end"},
		{"another entry removed", "The parade on St. Patrick's Day drew crowds.", "Sen.",
			[]string{"The parade on St. Patrick's Day drew crowds."}, "text-end"},
		{"Punkt keeps Ct.", "They live on Maple Ct. Smith came by.", "",
			[]string{"They live on Maple Ct. Smith came by."}, "text-end"},
		{"only Punkt lists it", "They live on Maple Ct. Smith came by.", "Ct.",
			[]string{"They live on Maple Ct.", "Smith came by."}, "abbrev-removed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := abbrev.News()
			if tt.remove != "" {
				set.Remove(tt.remove)
			}
			s, err := segment.New(segment.WithAbbreviations(set))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, sent := range s.Segment(tt.text) {
				got = append(got, sent.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Segment = %q, want %q", got, tt.want)
			}
			if ex := s.Explain(tt.text); len(ex) == 0 || ex[0].Rule != tt.wantRule {
				t.Errorf("Explain = %+v, want the first sentence ended by %s", ex, tt.wantRule)
			}
			if len(tt.want) == 2 {
				// The removed word at a seam between fragments ends the
				// sentence there too.
				if got := s.Merge(tt.want); !slices.Equal(got, tt.want) {
					t.Errorf("Merge(%q) = %q, want it unjoined", tt.want, got)
				}
			}
		})
	}
}

func TestMergeRanges(t *testing.T) {
	tests := []struct {
		name  string
		frags []string
		opts  []segment.Option
		want  []segment.Merged
	}{
		{"nothing", nil, nil, nil},
		{"only blanks", []string{"", "  ", "\n"}, nil, nil},
		{
			"a title joined to the name after it",
			[]string{"Russia must pull its troops back, Ms.", "Sherman said.", "Talks resume Monday."},
			nil,
			[]segment.Merged{
				{Text: "Russia must pull its troops back, Ms. Sherman said.", From: 0, To: 2},
				{Text: "Talks resume Monday.", From: 2, To: 3},
			},
		},
		{
			"empty fragments inside and around",
			[]string{"", " Ms.", "", "  ", "Sherman said. ", "", "Stocks rose.", "  "},
			nil,
			[]segment.Merged{
				{Text: "Ms. Sherman said.", From: 1, To: 5},
				{Text: "Stocks rose.", From: 6, To: 7},
			},
		},
		{
			"without the merger",
			[]string{"Ms.", "", "Sherman said."},
			[]segment.Option{segment.WithoutMerge()},
			[]segment.Merged{{Text: "Ms.", From: 0, To: 1}, {Text: "Sherman said.", From: 2, To: 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := segment.New(tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			got := s.MergeRanges(tt.frags)
			if !slices.Equal(got, tt.want) {
				t.Errorf("MergeRanges = %+v, want %+v", got, tt.want)
			}
			var texts []string
			for _, m := range got {
				texts = append(texts, m.Text)
			}
			if merged := s.Merge(tt.frags); !slices.Equal(texts, merged) {
				t.Errorf("texts %q differ from Merge's %q", texts, merged)
			}
		})
	}
	b, err := json.Marshal(segment.Merged{Text: "Stocks rose.", From: 6, To: 7})
	if err != nil || string(b) != `{"text":"Stocks rose.","from":6,"to":7}` {
		t.Errorf("json.Marshal(Merged) = %s, %v", b, err)
	}
}

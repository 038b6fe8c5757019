package segment

import (
	"errors"
	"fmt"
	"sync"

	"github.com/newsseg/newsseg/abbrev"
)

// Sentence is one sentence of a text: Text is input[Start:End], where Start
// and End are byte offsets into the input given to Segment. Text never starts
// or ends with white space; white space inside it (newlines included) is kept
// as it was in the input.
type Sentence struct {
	Text  string
	Start int
	End   int
}

// Segmenter splits English news text into sentences. Create one with New; a
// *Segmenter is safe for concurrent use by many goroutines.
type Segmenter struct {
	abbrevs *abbrev.Set
	merge   bool
	punkt   *punkt
	lex     *lexicon
}

// lexicon holds the word lists the news rules and the layout read.
type lexicon struct {
	continuers   wordList // capitalised words that continue after "U.S."
	wrapWords    wordList // words a headline or label cannot end with
	prepositions wordList // openers of a fronted phrase ("At 5 a.m.")
}

var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	var lex lexicon
	var err error
	if lex.continuers, err = loadWordList("continuers", false); err != nil {
		return nil, err
	}
	if lex.wrapWords, err = loadWordList("wrapwords", true); err != nil {
		return nil, err
	}
	if lex.prepositions, err = loadWordList("prepositions", true); err != nil {
		return nil, err
	}
	return &lex, nil
})

// Option configures a Segmenter in New.
type Option func(*Segmenter) error

// WithAbbreviations replaces the news abbreviation lexicon with set. The
// Segmenter keeps its own copy, so later changes to set do not affect it.
func WithAbbreviations(set *abbrev.Set) Option {
	return func(s *Segmenter) error {
		if set == nil {
			return errors.New("WithAbbreviations: nil set")
		}
		s.abbrevs = set.Clone()
		return nil
	}
}

// WithMoreAbbreviations adds the entries of set to the lexicon in use; where
// both list a word, the kind from set wins.
func WithMoreAbbreviations(set *abbrev.Set) Option {
	return func(s *Segmenter) error {
		if set == nil {
			return errors.New("WithMoreAbbreviations: nil set")
		}
		s.abbrevs.AddAll(set)
		return nil
	}
}

// WithoutMerge turns the merger off: every paragraph break and every line
// break that the layout reads as a break ends a sentence, and Merge returns
// its fragments unjoined.
func WithoutMerge() Option {
	return func(s *Segmenter) error {
		s.merge = false
		return nil
	}
}

// New returns a Segmenter that uses the embedded Punkt English model and the
// news abbreviation lexicon (abbrev.News), changed by opts.
func New(opts ...Option) (*Segmenter, error) {
	p, err := loadPunkt()
	if err != nil {
		return nil, err
	}
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	s := &Segmenter{abbrevs: abbrev.News(), merge: true, punkt: p, lex: lex}
	for _, opt := range opts {
		if err := opt(s); err != nil {
			return nil, fmt.Errorf("segment: %w", err)
		}
	}
	return s, nil
}

var defaultSegmenter = sync.OnceValues(func() (*Segmenter, error) { return New() })

// Split returns the sentences of text as strings, using a Segmenter with the
// default settings. It panics only if the embedded model cannot be loaded,
// which a test of this package would have caught.
func Split(text string) []string {
	s, err := defaultSegmenter()
	if err != nil {
		panic(err)
	}
	sents := s.Segment(text)
	out := make([]string, len(sents))
	for i, st := range sents {
		out[i] = st.Text
	}
	return out
}

// Segment splits text into sentences, in order, with byte offsets into text.
// Every byte of text that is not white space belongs to exactly one Sentence;
// text that is empty or only white space gives no sentences.
func (s *Segmenter) Segment(text string) []Sentence {
	toks := tokenize(text, s.lex)
	if len(toks) == 0 {
		return nil
	}
	var out []Sentence
	first := 0 // index of the first token of the current sentence
	for i := 0; i+1 < len(toks); i++ {
		at := inText
		if toks[i+1].breakBefore {
			at = atBreak
			if !s.merge {
				out = appendSentence(out, text, toks[first].start, toks[i].end)
				first = i + 1
				continue
			}
		} else if !hasFinalPunct(text[toks[i].start:toks[i].end]) {
			continue
		}
		c := candidate{
			prev: text[toks[i].start:toks[i].end],
			next: text[toks[i+1].start:toks[i+1].end],
			head: text[toks[first].start:toks[i].end],
			rest: text[toks[i+1].start:],
			at:   at,
		}
		if i > 0 {
			c.before = text[toks[i-1].start:toks[i-1].end]
		}
		if i+2 < len(toks) {
			c.after = text[toks[i+2].start:toks[i+2].end]
		}
		if s.ends(c) {
			out = appendSentence(out, text, toks[first].start, toks[i].end)
			first = i + 1
		}
	}
	return appendSentence(out, text, toks[first].start, toks[len(toks)-1].end)
}

func appendSentence(out []Sentence, text string, start, end int) []Sentence {
	return append(out, Sentence{Text: text[start:end], Start: start, End: end})
}

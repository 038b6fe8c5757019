package main

import (
	"fmt"

	"github.com/clipperhouse/uax29/v2/sentences"
	"github.com/jdkato/prose/v2"
	"github.com/neurosnap/sentences/english"

	"github.com/newsseg/newsseg/examples/evaluate/evalset"
	"github.com/newsseg/newsseg/segment"
)

// system is one segmenter under comparison, called two ways: sentences for
// the scorer, and count for the speed measurement, which calls the library
// as a user would, without building a []string it does not need.
type system struct {
	name      string
	sentences evalset.Segmenter
	count     func(text string) int // number of sentences found
}

// newSystems returns the four segmenters, newsseg first.
func newSystems() ([]system, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("newsseg: %w", err)
	}
	punkt, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("neurosnap english: %w", err)
	}
	return []system{
		{
			name: "newsseg",
			sentences: func(text string) []string {
				var out []string
				for _, s := range seg.Segment(text) {
					out = append(out, s.Text)
				}
				return out
			},
			count: func(text string) int { return len(seg.Segment(text)) },
		},
		{
			name: "neurosnap `english`",
			sentences: func(text string) []string {
				var out []string
				for _, s := range punkt.Tokenize(text) {
					out = append(out, s.Text)
				}
				return out
			},
			count: func(text string) int { return len(punkt.Tokenize(text)) },
		},
		{
			name: "uax29 sentences",
			sentences: func(text string) []string {
				var out []string
				for it := sentences.FromString(text); it.Next(); {
					out = append(out, it.Value())
				}
				return out
			},
			count: func(text string) int {
				n := 0
				for it := sentences.FromString(text); it.Next(); {
					n++
				}
				return n
			},
		},
		{
			name:      "prose v2",
			sentences: proseSentences,
			count:     func(text string) int { return len(proseSentences(text)) },
		},
	}, nil
}

// proseSentences segments text with prose, with its tokenizer, tagger and
// entity extractor off. NewDocument loads prose's Punkt model on every call;
// prose offers no way to keep it.
func proseSentences(text string) []string {
	doc, err := prose.NewDocument(text,
		prose.WithTokenization(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		// prose documents no error for segmentation alone; an empty result
		// makes the scorer report the text as not matched.
		return nil
	}
	var out []string
	for _, s := range doc.Sentences() {
		out = append(out, s.Text)
	}
	return out
}

// Package evalset reads sentence-segmented evaluation data and scores any
// sentence segmenter on it. It is the scorer of the evaluate command, shared
// with the compare example so that every segmenter is measured the same way.
//
// The data comes in two formats:
//
//   - a JSONL case file: one JSON object a line,
//     {"id": "...", "text": "...", "sentences": ["...", ...]}; scored as the
//     number of cases segmented exactly right (after trimming each sentence
//     and collapsing whitespace runs to one space) and boundary precision,
//     recall and F1; or
//   - a directory of documents: NAME.txt holds a document's plain text and
//     NAME.sentences its gold sentences, one a line; scored as boundary
//     precision, recall and F1 summed over all documents (micro-average).
//
// A boundary is the position in the text's non-whitespace character stream
// at which a sentence ends; the end of the text is not a boundary. Gold and
// system sentences must each hold exactly the non-whitespace characters of
// the text, so white space a segmenter trims or keeps does not matter, but a
// character it drops or changes is an error rather than a silent miss.
package evalset

import (
	"fmt"
	"os"
	"path/filepath"
)

// A Segmenter splits text into sentences, in order. Only the sentences'
// non-whitespace characters are compared with the text.
type Segmenter func(text string) []string

// Set is one evaluation set: a case file or a folder of documents.
type Set struct {
	Name  string     // the base name of the path it was read from
	Path  string     // the path it was read from
	Cases []Case     // the cases of a case file; nil for a folder
	Docs  []Document // the documents of a folder; nil for a case file
}

// Read reads the set at path: the documents of a directory, or else the
// cases of a JSONL file.
func Read(path string) (*Set, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err // *PathError names the path
	}
	s := &Set{Name: filepath.Base(filepath.Clean(path)), Path: path}
	if info.IsDir() {
		s.Docs, err = ReadDocs(path)
	} else {
		s.Cases, err = ReadCases(path)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// IsCases reports whether s is a case file.
func (s *Set) IsCases() bool { return s.Docs == nil }

// Texts returns the input texts of s, in order: what a segmenter is run on.
func (s *Set) Texts() []string {
	var out []string
	for _, c := range s.Cases {
		out = append(out, c.Text)
	}
	for _, d := range s.Docs {
		out = append(out, d.Text)
	}
	return out
}

// Score scores seg on s. A case file fills only the CaseReport and a folder
// only the DocReport. As with ScoreCases and ScoreDocs, items that cannot be
// scored are left out and reported in the error, which names s.Path.
func (s *Set) Score(seg Segmenter) (CaseReport, DocReport, error) {
	if s.IsCases() {
		rep, err := ScoreCases(seg, s.Cases)
		if err != nil {
			err = fmt.Errorf("%s: %w", s.Path, err)
		}
		return rep, DocReport{}, err
	}
	rep, err := ScoreDocs(seg, s.Docs)
	return CaseReport{}, rep, err
}

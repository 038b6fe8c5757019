package segment

import (
	"fmt"
	"sync"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// punkt asks neurosnap's English Punkt model whether a token ends a sentence.
//
// Punkt's annotation passes look at a token, its neighbours and the trained
// model only, so its decision for one candidate can be had from a window of
// four tokens (one before, the candidate, two after) without tokenising the
// whole text into token structs. The model is read-only after loading, which
// makes one punkt safe for concurrent use.
type punkt struct {
	tok *sentences.DefaultSentenceTokenizer
}

// loadPunkt decompresses and parses the embedded English model once per
// process; every Segmenter shares the result, which is never written to.
var loadPunkt = sync.OnceValues(func() (*punkt, error) {
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("segment: loading the Punkt English model: %w", err)
	}
	return &punkt{tok: tok}, nil
})

// breaks reports Punkt's decision for cand, given the token before it ("" at
// the start of a text) and the two after it ("" past the end).
func (p *punkt) breaks(before, cand, next, after string) bool {
	var buf [4]*sentences.Token
	toks := buf[:0]
	idx := 0
	if before != "" {
		toks = append(toks, sentences.NewToken(before))
		idx = 1
	}
	toks = append(toks, sentences.NewToken(cand))
	for _, w := range [...]string{next, after} {
		if w == "" {
			break
		}
		toks = append(toks, sentences.NewToken(w))
	}
	p.tok.AnnotateTokens(toks, p.tok.Annotations...)
	return toks[idx].SentBreak
}

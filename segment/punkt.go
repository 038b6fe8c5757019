package segment

import (
	"fmt"
	"sync"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// punktDecider gives Punkt's decision for a candidate token cand, given the two
// tokens after it ("" past the end). Two implementations make the same
// decisions: neurosnapPunkt runs neurosnap's own annotation passes, and fastPunkt
// (punkt_fast.go), which New uses, computes them on the strings.
type punktDecider interface {
	breaks(cand, next, after string) bool
	// opensSentences reports whether the model holds evidence that word,
	// capitalised, may open a sentence: its type was seen in lower case
	// (so a capital on it is a sentence's), or it is a learned sentence
	// starter. A name ("Louis", "Clair") is seen only capitalised, or not
	// at all.
	opensSentences(word string) bool
}

// neurosnapPunkt asks neurosnap's English Punkt model whether a token ends a sentence.
//
// Punkt's annotation passes look at a token, its neighbours and the trained
// model only, so its decision for one candidate can be had from a window of
// three tokens (the candidate and the two after it) without tokenising the
// whole text into token structs. The token before the candidate could only
// change it when both are lone dots, a case the news rules decide before
// asking Punkt. The model is read-only after loading, which
// makes one neurosnapPunkt safe for concurrent use.
type neurosnapPunkt struct {
	tok *sentences.DefaultSentenceTokenizer
}

// loadNeurosnapPunkt decompresses and parses neurosnap's embedded English
// model once per process, and only when neurosnap's own passes are asked
// for (the reference decider of the tests and benchmarks): New builds
// fastPunkt from data/punkt/english.txt instead, which TestPunktModelFile
// holds equal to this model. The result is never written to.
var loadNeurosnapPunkt = sync.OnceValues(func() (*neurosnapPunkt, error) {
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("segment: loading the Punkt English model: %w", err)
	}
	return &neurosnapPunkt{tok: tok}, nil
})

// opensSentences reads the model's orthographic context and sentence
// starters for word's type, as neurosnap's own tokenizer types it.
func (p *neurosnapPunkt) opensSentences(word string) bool {
	typ := p.tok.TypeNoPeriod(sentences.NewToken(word))
	return p.tok.OrthoContext[typ]&orthoLc != 0 || p.tok.SentStarters[typ] != 0
}

// breaks reports Punkt's decision for cand, given the two tokens after it
// ("" past the end).
func (p *neurosnapPunkt) breaks(cand, next, after string) bool {
	var buf [3]*sentences.Token
	toks := append(buf[:0], sentences.NewToken(cand))
	for _, w := range [...]string{next, after} {
		if w == "" {
			break
		}
		toks = append(toks, sentences.NewToken(w))
	}
	p.tok.AnnotateTokens(toks, p.tok.Annotations...)
	return toks[0].SentBreak
}

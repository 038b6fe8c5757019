// Package segment splits English news text into sentences with exact byte
// offsets.
//
// It wraps the Punkt sentence tokenizer of github.com/neurosnap/sentences,
// with its trained English model, and adds what news text needs:
//
//   - the news abbreviation lexicon of package abbrev, whose kinds decide
//     what a period after an abbreviation means: a title ("Ms.", "Lt. Gov.")
//     never ends a sentence before a name; "U.S." or "Inc." ends one only
//     when a capitalised word that does not continue it follows ("the U.S.
//     Navy" goes on, "from the U.S. Sherman said" breaks); a month or "No."
//     goes on before a number;
//   - layout: a blank line ends a paragraph, and a line without final
//     punctuation (a headline, a dateline, a label such as "Breaking") is a
//     segment of its own, while hard-wrapped running text is joined across
//     its newlines;
//   - a merger that joins pieces a break split apart when they belong
//     together ("Ms." / "Sherman said."), both inside Segment, at paragraph
//     and line breaks, and for callers whose text arrives already split, in
//     Merge.
//
// Text flows one way: layout (paragraphs and lines) → candidate boundaries
// (every token that ends in sentence punctuation, and every layout break) →
// news rules and Punkt's decision → merger → sentences. Segment and Merge
// share one decision function, so a seam between fragments is judged exactly
// as a paragraph break inside a text.
//
// # Contract
//
// For every input string, Segment returns sentences in order and without
// overlap, with 0 <= Start < End <= len(input) and Text == input[Start:End].
// No sentence starts or ends with white space, and every byte that is not
// white space lies inside exactly one sentence; white space inside a
// sentence, newlines included, is kept as it was. Invalid UTF-8 bytes are not
// white space: they stay, unchanged, inside a sentence. Empty input, or input
// of white space only, gives no sentences.
//
// A Segmenter is safe for concurrent use; its results do not depend on how
// many goroutines share it.
package segment

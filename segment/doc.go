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
// Time is linear in the size of the input. A Segmenter is safe for
// concurrent use; its results do not depend on how many goroutines share
// it. Merge never loses, reorders or splits the text of its fragments.
//
// # Streaming
//
// A Scanner (NewScanner) or the iterator Sentences reads an io.Reader and
// returns sentences as it goes, with offsets counted from the start of the
// stream. It holds only the sentence still open and the paragraph being
// read, bounded by WindowSize: a paragraph whose end lies more than
// WindowSize bytes past its start is cut at white space, a sentence that
// reaches WindowSize bytes ends at its next candidate, and a gap of white
// space longer than WindowSize ends a sentence. Segment applies the same
// limits, so for any input the stream and Segment return the same
// sentences, whatever the sizes of the reads.
//
// # Kinds
//
// Text scraped from a news page mixes the article with its headline, labels,
// datelines, bylines, captions and page furniture. Every Sentence carries a
// Kind saying which of these it is:
//
//   - Body (the zero value): the article's running text. A dateline that
//     opens the first paragraph ("WASHINGTON (AP) — Officials said ...") is
//     part of its Body sentence.
//   - Headline: a headline, a deck under it, or a heading inside the body.
//   - Meta: a dateline, timestamp or read-time line, a byline and the role
//     line under it, a photo caption and its credit ("(AP Photo/Evan
//     Vucci)", "Image: Nick Moreau."), a contributor line, the author's
//     biography.
//   - Boilerplate: labels ("Breaking", "Opinion"), navigation, page
//     furniture ("Advertisement", "Share this", "SUBSCRIBE", newsletter
//     prompts, related-story lists, copyright lines) and the "About"
//     section of a press release.
//
// The kind of a sentence is decided when the sentence is closed, in document
// order, from its own text, from where it starts and ends, from the rest of
// its paragraph (the window the boundary rules see too) and from what the
// earlier sentences left: whether the body has started, whether a headline
// has been seen, whether a furniture block is open, the byline's name. It
// never depends on later paragraphs, so a Scanner gives the same kinds as
// Segment. The classifier uses no regular expressions and allocates nothing.
//
// The cues, in the order they are tried:
//
//   - Credits: a sentence that opens with a photo credit marker ("(AP
//     Photo", "Photo:", "Image:", "Getty Images") is Meta, and so is the
//     sentence just before it in the same paragraph: the caption.
//   - Furniture phrases: a sentence that starts a line or paragraph and
//     begins with a furniture phrase ("Copyright", "©", "Sign up for",
//     "Read more:") is Boilerplate, and so is the rest of its paragraph.
//   - Biography: after the body has started, a paragraph that opens with
//     the byline's name (or surname) followed by a comma or a verb such as
//     "is" or "writes" is Meta, with the rest of its paragraph.
//   - A line of its own (the sentence starts at the start of a paragraph or
//     line and ends at the end of one): a line that is exactly a furniture
//     phrase ("Advertisement", "RECENT NEWS") is Boilerplate; some of those
//     phrases ("SUBSCRIBE", "Related Stories") open a furniture block, in
//     which the short lines that follow are Boilerplate too until running
//     text resumes. After the body, "About" followed by capitalised words
//     heads a press release's boilerplate section, which runs to the end.
//     A short line holding a credit marker, a byline ("By JANE DOE,
//     Associated Press", "Reporting by ..."), or a line of date and time
//     words, numbers and clock times only ("Jan 10, 2022 1 min, 35 secs",
//     "Updated 3:45 p.m. ET") is Meta. A line without final punctuation is
//     a headline when it is the first such line before the body (or follows
//     the headline: a deck) and has at most 25 words, or a heading when it
//     comes later and has at most 15; a short question on its own line is
//     one too ("What is the debt ceiling?"). A line of one or two words
//     before the body, an all-capitals line of up to four words, or a line
//     without letters ("* * *") is Boilerplate: a label, a navigation link
//     or a divider. A short line under a byline ("Staff Writer") and a bare
//     name under the headline are Meta.
//   - A date line run into the sentence after it, which the boundary rules
//     split off, is Meta though it ends inside its line.
//   - Everything else is Body.
//
// The phrase lists are data, embedded from data/furniture.txt and
// data/meta.txt. Known limits: a headline of one or two words reads as a
// label; a caption with no credit after it in its paragraph reads as body
// text or, without final punctuation, as a heading; a short body paragraph
// right after a furniture block reads as furniture.
package segment

// Package segment splits English news text into sentences with exact byte
// offsets.
//
// It wraps the Punkt sentence tokenizer of github.com/neurosnap/sentences,
// with its trained English model, and adds what news text needs:
//
//   - the news abbreviation lexicon of package [abbrev], whose kinds decide
//     what a period after an abbreviation means: a title ("Ms.", "Lt. Gov.")
//     never ends a sentence before a name; "U.S." or "Inc." ends one only
//     when a capitalised word that the continuers of its kind do not list
//     follows ("the U.S. Navy" goes on, "at 6 a.m. Navy divers" and "from
//     the U.S. Sherman said" break); a month or "No." goes on before a
//     number; a title or a weekday counts only with its capital ("Ft.
//     Bragg", but "flew at 30,000 ft. It landed" ends as "lbs." would);
//   - layout: a blank line ends a paragraph, and a line without final
//     punctuation (a headline, a dateline, a label such as "Breaking"), a
//     list item ("- Revenue rose 5%") or a line of a menu is a segment of its
//     own, while hard-wrapped running text is joined across its newlines,
//     a line that opens with a figure and runs on in lower case ("42.7%, up
//     from", "Oct. 9 at the courthouse") included;
//   - a merger that joins pieces a break split apart when they belong
//     together ("Ms." / "Sherman said."), both inside Segment, at paragraph
//     and line breaks, and for callers whose text arrives already split, in
//     [Segmenter.Merge].
//
// Text flows one way, through one stage per file:
//
//	text.go       rune and token predicates (space, quotes, bullets, case, numbers)
//	lexicon.go    the embedded word and phrase lists, their one parser, lookups
//	layout.go     paragraphs, lines, hard wraps, tokens and the window
//	list.go       inline enumerations
//	punkt.go      Punkt's decision: neurosnap's model; punkt_fast.go computes
//	              the same decisions without allocating, from the model's
//	              tables that punkt_model.go reads from data/punkt/english.txt
//	rules.go      candidate boundaries and the news rules, each naming its rule
//	kind.go       the public Kind; classify.go the ordered kinds cues
//	segmenter.go  Segmenter, its options, Segment, Explain and the decision pass
//	stream.go     Scanner and Sentences, over the same pass
//	merge.go      Merge, over the same rules
//
// Each file uses only those above it. Segment and Merge share one decision
// function, so a seam between fragments is judged exactly as a paragraph
// break inside a text.
//
// # Use
//
// The zero [Segmenter] is ready to use; [New] makes one with options.
// [Segmenter.Segment] returns the [Sentence] values of a string,
// [Segmenter.NewScanner] and [Segmenter.Sentences] those of an [io.Reader],
// and [Split] the texts alone. [Segmenter.Merge] and
// [Segmenter.MergeRanges] reassemble fragments. A Sentence marshals to
// JSON as {"text":...,"start":0,"end":42,"kind":"body"}.
//
// The options change what the rules read: [WithAbbreviations] and
// [WithMoreAbbreviations] the abbreviation lexicon, where a word removed
// with [abbrev.Set.Remove] is no abbreviation even where Punkt's model
// lists one; [WithContinuers], [WithFurniture] and [WithMeta] replace, and
// [WithMoreContinuers], [WithMoreFurniture] and [WithMoreMeta] extend, the
// word lists embedded from data/continuers.txt, data/furniture.txt and
// data/meta.txt, read in the same format; [WithoutMerge] turns the merger
// off.
//
// Offsets are bytes. [Unit.Count] and [OffsetCounter] convert them to code
// points or UTF-16 code units, for consumers in Python or JavaScript.
//
// # Rules
//
// Every decision names the rule that made it, with a short stable ID:
// [Segmenter.Explain] reports them, and so does the command newsseg -explain. The
// boundary rules, in the order they are tried; "÷" marks a rule that ends a
// sentence, "×" one that keeps it going, "÷×" one that decides either way:
//
//	text-end            ÷   the text ends
//	window-cut          ÷   a paragraph cut at WindowSize, or a longer gap of white space
//	window-size         ÷   the sentence has reached WindowSize bytes
//	no-merge            ÷   WithoutMerge: every layout break ends a sentence
//	list-item           ÷   "1.) The first item | 2.) The second item"
//	footnote-run        ×   "in two trials.12 | 13": more footnote numbers follow a footnote
//	closer-alone        ÷×  a lone closing quote or bracket: ends at a break before a capital
//	brand-mark          ×   "Yahoo! Finance", "Yum! Brands": a name spelt with "!" before a word of the name
//	question            ÷   "Why now? | Officials", "what should i do? | and i like"
//	interjection        ×   "and -- bang! -- the lights": a mark set off by dashes
//	question-run-on     ×   "“Why now?” asked Smith", "(all of them!) cheered", "Yahoo! in"
//	ellipsis-opener     ×   "... The next thing": an ellipsis that opens a sentence
//	ellipsis-break      ÷×  an ellipsis before a layout break: ends unless lower case follows
//	ellipsis-period     ÷×  "I never meant that.... | She left"
//	ellipsis-capital    ÷×  "said… | The", "yields [...] | Ozone is"; not before lower case
//	period-break        ÷   "died in 2022. ¶ 2023 was calmer", "It was good . ¶ Hope": a period before a blank line or a list item
//	spaced-dots         ÷×  ". . . that talks" goes on; ". . . . | The" ends
//	spaced-stop         ÷   "I loved the food . | The staff": a full stop typed after a space
//	dots-after-period   ÷×  "The deal was weakened. | . . . The vote"
//	list-marker         ×   "1. The first item": a list marker's period
//	web-address         ÷×  "at www.example.co.nz. | Names of"
//	abbrev-street       ÷   "10 Downing St. | The prime minister": "St." after a name or a number, before a word Punkt sees opening sentences
//	abbrev-saint        ×   "Downtown St. Louis", "Sen. Tom St. Clair", "Main St. Smith came": "St." after a name, before a name
//	abbrev-title        ×   "Ms. Sherman", "Lt. Gov. Vega", "near St. Mary's": a title before a name
//	abbrev-number       ×   "No. 5", "Sept. 11", "p. 55", "Rs. 4,100": before a number
//	abbrev-opener       ×   "U.S. officials said", "P.S. I will call": an abbreviation opens the sentence
//	abbrev-bracket      ×   "Acme Corp. (NASDAQ: ACME)", "SPRINGFIELD, Ill. (AP) —"
//	abbrev-quote        ÷   "the U.N. | “We are out of time”"
//	abbrev-lower        ×   "the U.S. limit", "Jr. was born"
//	abbrev-suffix       ×   "Acme Co. Ltd.", "Goldman Sachs & Co. LLC", "Capital Mgmt. L.P.": a chain of company suffixes
//	abbrev-continuer    ×   "the U.S. Navy", "8 p.m. Tuesday", "Warner Bros. Pictures": a word data/continuers.txt lists for the kind
//	abbrev-modifier     ×   "the N.Y. Post", "the L.A. Lakers": a state or city that takes no article, after "the"
//	abbrev-fronted      ×   "At 5 a.m. Mr. Smith went": a short fronted phrase
//	abbrev-capital      ÷   "concessions from the U.S. | Sherman said"
//	number-label        ×   "a Cat. 4 storm", "a Mk. 2 rifle": a short capitalised abbreviation before a number
//	number-opener       ÷   "in 2019. | 2020 brought", "$3 million. | 40% of it": a number opens a sentence
//	number-capital      ÷   "in 2014. | NATO and", "fell to C$8.75. | Analysts"
//	abbrev-like         ×   "3.5 pct. in", "10 in. tall", "incl. taxes": lower case after a word that reads as an abbreviation
//	letter-capital      ÷   "It was Plan A. | Plan B came", "fell to -5 C. | Schools closed": a letter that is no initial
//	middle-initial      ×   "John Q. Public", "Dr. A. B. Smith", "(AP Photo/J. Scott Applewhite)"
//	lone-initial        ×   "written by J. Brown and", "edited by M. Rich": an initial after a lower-case word
//	quote-capital       ÷   `a thousand fold." | "I think`
//	quote-lower         ×   `"This is great." she said`
//	numeric-word        ÷×  "He voted no. | Rep. Jones": "no" used as a word
//	abbrev-removed      ÷×  "set for Fri. | Smith will attend" once Fri. is removed (abbrev.Set.Remove)
//	punkt               ÷×  Punkt's trained English model decides: "said. | The"
//	layout-blank-line   ÷   a blank line after a line without final punctuation: a headline
//	layout-line-break   ÷   a line the layout reads as standalone: "Breaking | Talks stall"
//	layout-item         ÷   "Highlights: | - Revenue rose 5% | - Profit fell 2%": a line opened by a bullet or a list marker
//	layout-menu         ÷   "Share this: | Facebook | Twitter": a label over short menu lines
//	merge-seam          ÷   a seam between fragments given to Merge, without final punctuation
//	date-line           ÷   "Saturday, September 12, 2015 | pilgrims at the Grand Mosque"
//	layout-complete     ÷   "Buy a new phone ¶ hope they call": a block that ends on a complete phrase
//	layout-wrap         ×   "Officials said the | sanctions": lower case carries on
//	credit-run-in       ÷   "Fans queue outside the hall | Image: Nick Moreau."
//	footnote-end        ÷   "in two trials.12 13 | Doctors": a run of footnote numbers ends
//	date-run-in         ÷   "Thursday, May 7, 2015 | On Tuesday, the government"
//	no-punct            ×   "Copyright 2024 The Associated Press": a year that closes no date line
//
// The kinds cues, in the order they are tried, with the Kind each gives:
//
//	kind-section          boilerplate  any sentence after an "About Acme Corp." section heading
//	kind-carry            (as opened)  the rest of a paragraph opened by a furniture prefix or a biography
//	kind-credit           meta         "(AP Photo/Evan Vucci)", and the caption sentence just before it
//	kind-inline           body         a sentence that starts inside a line, after another
//	kind-furniture-prefix boilerplate  "Copyright 2024 The Associated Press.", "Sign up for ..."
//	kind-bio              meta         "Lopez, a planner, teaches at Reed." after "By Maria Lopez"
//	kind-run-in-date      meta         "Thursday, May 7, 2015" split from the sentence it ran into
//	kind-run-in           body         a sentence that starts a line and ends inside it
//	kind-long             body         a line of more than 25 words, or a long sentence
//	kind-furniture-line   boilerplate  "Advertisement", "Related Stories" (which opens a block)
//	kind-section-heading  boilerplate  "About Acme Corp." after the body has started
//	kind-credit-line      meta         a short line holding a credit marker
//	kind-byline           meta         "By JANE DOE, Associated Press"
//	kind-dash-credit      meta         "— Reporting by Jane Doe", "- Editing by John Smith"
//	kind-item             body         "* Powell said cuts are not yet warranted": a list item
//	kind-date-line        meta         "Updated 3:45 p.m. ET", "5 min read"
//	kind-furniture-block  boilerplate  "Talks resume in Vienna" under "Related Stories"
//	kind-question         headline     "What is the debt ceiling?" on a line of its own
//	kind-sentence         body         a line that ends in sentence punctuation
//	kind-role-line        meta         "Staff Writer" under a byline
//	kind-name-line        meta         "Jane Doe" under the headline
//	kind-label            boilerplate  "EXCLUSIVE", "Opinion": a label or a navigation link
//	kind-divider          boilerplate  "* * *", "Home » News"
//	kind-lower            body         a line that starts in lower case
//	kind-headline         headline     "Mayor quits after audit"; a heading inside the body
//	kind-body             body         anything else
//
// An ID is never renamed or reused. Adding a boundary rule takes a
// constant in rules.go and its line here; adding a cue, its constant, ID,
// method and switch case in classify.go and its line here. A test checks
// that this list and the code agree.
//
// # Contract
//
// For every input string, [Segmenter.Segment] returns sentences in order and without
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
// A [Scanner] ([Segmenter.NewScanner]) or the iterator [Segmenter.Sentences]
// reads an [io.Reader] and returns sentences as it goes, with offsets counted
// from the start of the stream. It holds only the sentence still open and
// the paragraph being read, bounded by [WindowSize]: a paragraph whose end
// lies more than
// WindowSize bytes past its start is cut at white space, a sentence that
// reaches WindowSize bytes ends at its next candidate, and a gap of white
// space longer than WindowSize ends a sentence. Segment applies the same
// limits, so for any input the stream and Segment return the same
// sentences, whatever the sizes of the reads. From a [strings.Reader],
// whose text is in memory already, it takes that text itself, not a copy,
// and costs about what Segment does.
//
// # Kinds
//
// Text scraped from a news page mixes the article with its headline, labels,
// datelines, bylines, captions and page furniture. Every Sentence carries a
// [Kind] saying which of these it is:
//
//   - [Body] (the zero value): the article's running text. A dateline that
//     opens the first paragraph ("WASHINGTON (AP) — Officials said ...") is
//     part of its Body sentence.
//   - [Headline]: a headline, a deck under it, or a heading inside the body.
//   - [Meta]: a dateline, timestamp or read-time line, a byline and the role
//     line under it, a photo caption and its credit ("(AP Photo/Evan
//     Vucci)", "Image: Nick Moreau."), a contributor line, the author's
//     biography.
//   - [Boilerplate]: labels ("Breaking", "Opinion"), navigation, page
//     furniture ("Advertisement", "Share this", "SUBSCRIBE", newsletter
//     prompts, related-story lists, copyright lines) and the "About"
//     section of a press release.
//
// The kind of a sentence is decided when the sentence is closed, in document
// order, from its own text, from where it starts and ends, from the rest of
// its paragraph (the window the boundary rules see too) and from what the
// earlier sentences left: whether the body has started, whether a headline
// has been seen, whether a furniture block is open, the byline's name. It
// never depends on later paragraphs, so a [Scanner] gives the same kinds as
// [Segmenter.Segment]. The classifier uses no regular expressions and allocates nothing.
//
// The cues, in the order they are tried (their IDs are listed under
// "Rules"):
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
//     Associated Press", "Reporting by ...", also after a dash: "—
//     Reporting by Jane Doe"), or a line of date and time words, numbers
//     and clock times only ("Jan 10, 2022 1 min, 35 secs", "Updated 3:45
//     p.m. ET") is Meta. A list item of three words or more ("* Powell said
//     cuts are not yet warranted") is Body. A line without final punctuation is
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
// data/meta.txt; [WithFurniture], [WithMeta] and their WithMore variants
// replace or extend them. Known limits: a headline of one or two words reads as a
// label; a caption with no credit after it in its paragraph reads as body
// text or, without final punctuation, as a heading; a short body paragraph
// right after a furniture block reads as furniture.
package segment

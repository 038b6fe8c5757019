// Package htmlseg splits HTML news pages into sentences, with offsets into
// the page and a Kind taken from the page's markup.
//
// It is a front end to package segment, not a second segmenter: it reads
// the page with the tokenizer of golang.org/x/net/html, turns it into the
// text a browser shows, with blocks as paragraphs and <br> as line breaks,
// and hands that text to a segment.Scanner. Every sentence boundary is the
// text path's decision; the markup adds where paragraphs and lines end and
// what kind of text each block holds. It lives in a package of its own so
// that importing segment alone does not pull in x/net.
//
// # Contract
//
// For every page, Segment returns sentences in order and without overlap.
// Text is what a reader sees: tags removed, character references decoded,
// white space (a non-breaking space included) collapsed to single spaces,
// an invalid byte shown as U+FFFD. page[Start:End] runs from the sentence's
// first visible character to just past its last: a span that starts or
// ends with a character reference starts at its '&' or ends after its ';'.
// The span may contain tags, comments and scripts. Every character a
// browser would show belongs to exactly one sentence.
//
// A Scanner reads the page from an io.Reader and holds only the token being
// read (at most MaxTokenSize bytes), what the text Scanner holds and the
// offset map for that text: memory stays bounded however long the page.
// Segment and a Scanner return the same sentences.
//
// # From markup to text
//
//   - A block element (p, div, li, h1–h6, td, th, blockquote, figcaption,
//     dt, dd, pre, section, article, table rows, buttons, ...) starts and
//     ends a paragraph: a blank line in the text. <br><br>, with nothing
//     but white space between, ends one too. A single <br> is a newline,
//     which the text path reads as it reads a newline in text: a line
//     break after a short line without final punctuation, a wrap inside
//     running text. Inside <pre> each newline is such a line break.
//   - Inline elements (a, em, strong, span, b, i, sup, time, font, ...)
//     give no break: "the <a>U.S.</a> Navy" is one sentence, and
//     "<i>Titan</i>ic" one word.
//   - Scripts (JSON-LD included), styles, noscript, template, title,
//     textarea, iframe, svg, comments and attribute values give no text.
//   - White space collapses as a browser collapses it; a NUL byte and a
//     byte order mark at the start give nothing.
//   - Unclosed and misnested tags are closed as a browser's parser closes
//     them for the cases that matter to text: a block start closes an open
//     <p>, <li> closes the open item, a cell or row closes the open cell or
//     row, a heading closes an open heading, and an end tag closes every
//     element opened after its own. Elements deeper than 512 levels are not
//     tracked.
//
// Blocks are hard boundaries: the text path runs with segment.WithoutMerge,
// so no sentence spans two blocks. The merger exists to rejoin text whose
// breaks are unreliable (scraped fragments, hard-wrapped lines); in HTML
// the markup says where a paragraph ends, and joining across it would give
// a sentence two kinds ("Inc." in a press release and "© 2026" in the
// footer below it).
//
// # Kinds
//
// The markup decides the kind where it has an opinion; the text classifier
// of package segment decides the rest, with the state it keeps over the
// whole page (whether the body has started, the byline's name, ...). In
// order:
//
//   - Boilerplate inside nav, footer, aside, form, menu, button, select and
//     dialog elements; elements whose role is navigation, banner,
//     contentinfo, complementary, search, menu or dialog; elements whose
//     class, id or itemprop names furniture (data/classes.txt: "ad",
//     "advert", "cookie", "consent", "share", "related", "newsletter",
//     "promo", "breadcrumb", ...). Boilerplate wins over whatever is inside
//     it: a heading in an aside is furniture.
//   - Meta when most of the sentence lies in inline meta elements: <time>,
//     a rel=author link, a span whose class names a byline or author.
//   - On a page with an <article> or <main> (or role=main, role=article):
//     after the first of them has started, text outside all of them is
//     Boilerplate, except an <h1> (the story's headline) and meta blocks.
//     Text before the first one is left to the other rules, since a
//     streaming reader cannot know that one will come: the site header and
//     navigation there are caught by their elements, the story's headline
//     by its <h1>.
//   - Headline inside h1–h6, and inside elements whose class names a
//     headline or deck ("headline", "standfirst", "dek", "subtitle",
//     "summary", ...).
//   - Boilerplate when at least three quarters of the sentence is link
//     text, outside headings and meta: a menu, a list of related stories.
//   - Body inside td and th: a table cell in a story is data, whatever it
//     looks like.
//   - Meta inside figcaption, caption, time and address, and inside
//     elements whose class names a byline, author, dateline, date, caption,
//     credit or bio.
//   - Body inside p, li, blockquote, dt, dd and pre where the classifier
//     reads a headline: a story paragraph without final punctuation is
//     still body text, unless all of it is bold (<p><strong>...</strong></p>,
//     a CMS's subheading). The classifier's Meta and Boilerplate stand
//     ("By Jane Doe", "Advertisement", "Sign up for ..." in a <p>).
//   - Everything else takes the classifier's kind. One correction: the
//     classifier continues a furniture block ("Read more:", "Related")
//     until running text resumes, and it cannot see that the block's
//     element has closed. After structural boilerplate, a sentence the
//     classifier calls Boilerplate is Body unless the classifier calls it
//     Boilerplate when read on its own.
//
// Known limits: neither CSS nor the hidden attribute is applied, so text a
// page hides is shown (most pages hide only menus and dialogs, which their
// elements mark as furniture anyway), and links laid out apart by one but adjacent in the markup
// ("<a>UK</a><a>World</a>") run together; a footnote mark in <sup> right
// after a sentence's period hides the boundary ("drones.<sup>1</sup> The");
// a comment count or other furniture that neither markup nor text marks
// ("Comments (3)") reads as a heading.
package htmlseg

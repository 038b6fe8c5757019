// Package abbrev is newsseg's abbreviation lexicon: a list of the
// abbreviations found in English news copy, each tagged with a [Kind] that
// says how it behaves at a period, plus a small API to look words up and to
// build custom lists.
//
// The package only supplies data and lookups; the segmenter decides what to
// do with them. The kinds are:
//
//   - [Title] precedes a name (Mr., Sen., Gen., Lt. Gov., Dr., St.). A title
//     is never sentence-final when a word follows it.
//   - [General] may end a sentence (U.S., U.N., Jr., etc., Ph.D.).
//   - [State] is an AP-style state abbreviation (Calif., N.Y., Pa.). It may
//     end a sentence and also appears inside party labels such as D-Mass. or
//     R-Ga., which [Set.Lookup] recognises.
//   - [Month] is an AP-style month abbreviation (Jan., Sept., Dec.), usually
//     followed by a day number.
//   - [Numeric] is an abbreviation only when a number follows (No. 2, Vol. 3,
//     p. 55, Fig. 2, Rs. 500); elsewhere the period is an ordinary period.
//   - [Company] is a company suffix (Inc., Corp., Co., Ltd., Bros., S.A.).
//     It may end a sentence, and goes on before another suffix ("Co. Ltd.")
//     or a word of the company's name ("Warner Bros. Pictures").
//   - [Time] is a time of day (a.m., p.m.) or an abbreviated weekday (Tues.,
//     Sun.). It may end a sentence, and goes on only before a time zone, a
//     weekday or a date ("5 p.m. EST", "Sun. Nov. 5").
//
// # File format
//
// [News] returns the embedded default lexicon, news.txt. [Load] reads the same
// plain-text format, so users can keep their own lists:
//
//	# A comment line starts with '#'; blank lines are ignored.
//	title    Lt. Gov.
//	general  U.S.
//	state    Calif.
//	month    Sept.
//	numeric  No.
//	company  Inc.
//	time     a.m.
//
// Each entry line is a kind name (see [ParseKind], case-insensitive),
// whitespace, and the abbreviation as written, with its final period.
// Whitespace inside the abbreviation is collapsed to single spaces. A key may
// appear only once per input.
//
// # Keys
//
// Entries are keyed case-insensitively on the text without its final period,
// so "U.S.", "u.s." and "U.S" are the same key ("u.s"). Because of this the
// lexicon deliberately leaves out abbreviations that collide with common
// words at the end of a sentence, such as "US" (us.), "in." or "Me." (Maine).
//
// # How the set and Punkt's list combine
//
// The segmenter (package segment) wraps the Punkt tokenizer, whose trained
// English model has an abbreviation list of its own, learnt from its
// training corpus. For the word before a period, the segmenter asks, in
// order:
//
//  1. the Set: a word the set lists is decided by its [Kind], whatever
//     Punkt's model says;
//  2. the Set's removals: a word removed with [Set.Remove] ([Set.Removed]
//     reports true) is not an abbreviation, even where Punkt's model lists
//     it, so its period ends a sentence like any other;
//  3. Punkt's model, for every other word.
//
// So to stop "St." from being an abbreviation, remove it from the set in
// use; to change how it behaves, add it with another kind. Removing a word
// the set does not list (one only Punkt knows) works the same way.
package abbrev

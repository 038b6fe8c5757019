package segment

import (
	"strings"
	"testing"

	"github.com/newsseg/newsseg/abbrev"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// segmentCase is one input with the sentences a news editor expects.
type segmentCase struct {
	name string
	text string
	want []string
}

func runSegmentCases(t *testing.T, s *Segmenter, cases []segmentCase) {
	t.Helper()
	runCasesAs(t, s, cases, texts)
}

// runCasesAs runs each case through Segment, checks the contract, and
// compares want with the sentences as lines shows them.
func runCasesAs(t *testing.T, s *Segmenter, cases []segmentCase, lines func([]Sentence) []string) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := s.Segment(tc.text)
			checkContract(t, tc.text, got)
			assert.Equal(t, tc.want, lines(got))
		})
	}
}

func TestSegmentTitles(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"title before surname", "Ms. Sherman said the talks were useful. She left Geneva on Tuesday.",
			[]string{"Ms. Sherman said the talks were useful.", "She left Geneva on Tuesday."}},
		{"two titles in a row", "Lt. Gov. Vega will attend the hearing. The governor will not.",
			[]string{"Lt. Gov. Vega will attend the hearing.", "The governor will not."}},
		{"military rank", "The order came from Gen. Mark Milley, officials said.",
			[]string{"The order came from Gen. Mark Milley, officials said."}},
		{"title at end of line", "The decision now rests with Sen.\nWarren, aides said on Friday.",
			[]string{"The decision now rests with Sen. Warren, aides said on Friday."}},
		{"title at end of paragraph", "Russia must pull its troops back, Ms.\n\nSherman said.",
			[]string{"Russia must pull its troops back, Ms. Sherman said."}},
		{"saint and mount", "St. Louis officials said Mt. Rainier was visible.",
			[]string{"St. Louis officials said Mt. Rainier was visible."}},
	})
}

func TestSegmentAbbreviationsThatMayEnd(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"U.S. before lower case", "Sherman said the U.S. limit its troop presence in Europe.",
			[]string{"Sherman said the U.S. limit its troop presence in Europe."}},
		{"U.S. as a modifier", "The U.S. Navy sent two destroyers to the region.",
			[]string{"The U.S. Navy sent two destroyers to the region."}},
		{"U.S. before an official title", "The U.S. Secretary of State arrived late. Talks began.",
			[]string{"The U.S. Secretary of State arrived late.", "Talks began."}},
		{"U.S. before a name", "Putin is demanding concessions from the U.S. Sherman said after her meeting that talks would go on.",
			[]string{"Putin is demanding concessions from the U.S.", "Sherman said after her meeting that talks would go on."}},
		{"U.S. before a sentence starter", "Prices rose sharply in the U.S. The talks stalled.",
			[]string{"Prices rose sharply in the U.S.", "The talks stalled."}},
		{"U.N. before a quotation", "The appeal went to the U.N. “We are out of time,” she said.",
			[]string{"The appeal went to the U.N.", "“We are out of time,” she said."}},
		{"company suffix before an executive's title", "Apple Inc. CEO Tim Cook spoke first. The U.K. Prime Minister followed.",
			[]string{"Apple Inc. CEO Tim Cook spoke first.", "The U.K. Prime Minister followed."}},
		{"company suffix mid-sentence", "Apple Inc. reported higher earnings on Thursday.",
			[]string{"Apple Inc. reported higher earnings on Thursday."}},
		{"company suffix at the end", "The contract went to Acme Corp. Its shares rose 4%.",
			[]string{"The contract went to Acme Corp.", "Its shares rose 4%."}},
		{"name suffix", "Martin Luther King Jr. was born in Atlanta.",
			[]string{"Martin Luther King Jr. was born in Atlanta."}},
		{"time before weekday", "Polls close at 8 p.m. Tuesday in most states.",
			[]string{"Polls close at 8 p.m. Tuesday in most states."}},
		{"time at the end", "Polls closed at 8 p.m. Officials began counting at once.",
			[]string{"Polls closed at 8 p.m.", "Officials began counting at once."}},
		{"fronted time phrase", "At 5 a.m. Mr. Smith went to the bank.",
			[]string{"At 5 a.m. Mr. Smith went to the bank."}},
		{"city and state at the end", "He was born in Sacramento, Calif. His family later moved to Ohio.",
			[]string{"He was born in Sacramento, Calif.", "His family later moved to Ohio."}},
		{"city and state mid-sentence", "The Fresno, Calif., company said it would appeal.",
			[]string{"The Fresno, Calif., company said it would appeal."}},
		{"party label", "Sen. Elizabeth Warren, D-Mass., said the bill would fail.",
			[]string{"Sen. Elizabeth Warren, D-Mass., said the bill would fail."}},
		{"party label at the end in brackets", "The bill was filed by Rep. Jim Jordan (R-Ohio). It died in committee.",
			[]string{"The bill was filed by Rep. Jim Jordan (R-Ohio).", "It died in committee."}},
	})
}

func TestSegmentMonthsAndNumbers(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"month before a day", "The hearing is set for Sept. 12 in Washington.",
			[]string{"The hearing is set for Sept. 12 in Washington."}},
		{"No. before a number", "She was ranked No. 1 in the world for a year.",
			[]string{"She was ranked No. 1 in the world for a year."}},
		{"no as a word", "He said no. The talks ended there.",
			[]string{"He said no.", "The talks ended there."}},
		{"no as a word before a title", "Rep. Smith voted no. Rep. Jones voted yes.",
			[]string{"Rep. Smith voted no.", "Rep. Jones voted yes."}},
		{"initial that is also an abbreviation", "The play is by John P. Smith of Boston.",
			[]string{"The play is by John P. Smith of Boston."}},
		{"page reference", "The figures are on p. 55 of the report.",
			[]string{"The figures are on p. 55 of the report."}},
		{"year before a capitalised word", "Russia annexed Crimea in 2014. NATO responded with sanctions.",
			[]string{"Russia annexed Crimea in 2014.", "NATO responded with sanctions."}},
		{"amount before a capitalised word", "The fine was $100.00. It was paid on time.",
			[]string{"The fine was $100.00.", "It was paid on time."}},
		{"decimal inside a sentence", "Inflation rose 3.5 percent in May.",
			[]string{"Inflation rose 3.5 percent in May."}},
	})
}

func TestSegmentQuotesAndBrackets(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"closing double quote stays", "He called the plan “a nonstarter.” The talks ended.",
			[]string{"He called the plan “a nonstarter.”", "The talks ended."}},
		{"closing single quote stays", "Putin said, ‘We cannot backpedal.’ Aides nodded.",
			[]string{"Putin said, ‘We cannot backpedal.’", "Aides nodded."}},
		{"question with attribution", "“Why now?” asked Smith. Nobody answered.",
			[]string{"“Why now?” asked Smith.", "Nobody answered."}},
		{"exclamation with attribution", "“Stop the vote!” shouted a protester outside.",
			[]string{"“Stop the vote!” shouted a protester outside."}},
		{"period inside quote with attribution", "“This is over.” she said, and left.",
			[]string{"“This is over.” she said, and left."}},
		{"sentence in brackets", "The mayor (who took office in May.) declined to comment.",
			[]string{"The mayor (who took office in May.) declined to comment."}},
		{"question then new sentence", "Will the talks resume? Officials would not say.",
			[]string{"Will the talks resume?", "Officials would not say."}},
	})
}

func TestSegmentLayout(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"label paragraph", "Breaking\n\nThe talks ended without a deal.",
			[]string{"Breaking", "The talks ended without a deal."}},
		{"headline line then dateline line", "Little sign of progress after talks\nJan 10, 2022 1 min read\n\nThe talks ended.",
			[]string{"Little sign of progress after talks", "Jan 10, 2022 1 min read", "The talks ended."}},
		{"furniture lines", "RECENT NEWS\nSUBSCRIBE\nCONNECT WITH US",
			[]string{"RECENT NEWS", "SUBSCRIBE", "CONNECT WITH US"}},
		{"hard wrap before lower case", "The mayor said the city would raise\ntaxes next year to pay for a stadium.",
			[]string{"The mayor said the city would raise taxes next year to pay for a stadium."}},
		{"hard wrap after a function word", "The bill now goes to the\nSenate for a final vote.",
			[]string{"The bill now goes to the Senate for a final vote."}},
		{"hard-wrapped paragraph", "Officials in Geneva said on Monday that the\n" +
			"talks between the two delegations had made\n" +
			"little progress, and that Russia's demands\n" +
			"remained unacceptable to NATO members.\n",
			[]string{"Officials in Geneva said on Monday that the talks between the two delegations had made little progress, and that Russia's demands remained unacceptable to NATO members."}},
		{"hard wrap before names", "The Senate passed the bill late Tuesday, sending it to\n" +
			"President Joe Biden, who is expected to sign it. Senate Majority\n" +
			"Leader Chuck Schumer called the vote historic, while Minority Leader\n" +
			"Mitch McConnell said Republicans had won key concessions.\n",
			[]string{"The Senate passed the bill late Tuesday, sending it to President Joe Biden, who is expected to sign it.",
				"Senate Majority Leader Chuck Schumer called the vote historic, while Minority Leader Mitch McConnell said Republicans had won key concessions."}},
		{"headline, deck and byline lines", "Senate passes sweeping budget bill after marathon session\n" +
			"Democrats hail win as Republicans vow to fight on in the House\n" +
			"By Jane Doe, Associated Press\n",
			[]string{"Senate passes sweeping budget bill after marathon session",
				"Democrats hail win as Republicans vow to fight on in the House", "By Jane Doe, Associated Press"}},
		{"paragraph break after a sentence", "The talks ended.\n\nA new round starts Friday.",
			[]string{"The talks ended.", "A new round starts Friday."}},
		{"paragraph starting in lower case after a real end", "He said ‘We cannot backpedal.\n\nshould use the meetings to press Russia.",
			[]string{"He said ‘We cannot backpedal.", "should use the meetings to press Russia."}},
		{"paragraph cut mid-sentence", "Officials said the\n\nsanctions would stay.",
			[]string{"Officials said the sanctions would stay."}},
		{"CRLF line endings", "Breaking\r\n\r\nThe talks ended. Nobody spoke.\r\n",
			[]string{"Breaking", "The talks ended.", "Nobody spoke."}},
	})
}

func TestSegmentEllipses(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"omission inside a sentence", "The minister said . . . that talks would continue.",
			[]string{"The minister said . . . that talks would continue."}},
		{"four dots end a sentence", "He never meant that.... She left the room.",
			[]string{"He never meant that....", "She left the room."}},
		{"spaced dots after a full stop", "The deal was weakened. . . . The vote was delayed.",
			[]string{"The deal was weakened.", ". . . The vote was delayed."}},
	})
}

func TestSegmentEdgeInputs(t *testing.T) {
	s := newTestSegmenter(t)
	for _, tc := range []struct {
		name string
		text string
		n    int
	}{
		{"empty", "", 0},
		{"white space only", " \n\t\r\n ", 0},
		{"one word", "Breaking", 1},
		{"no punctuation", strings.Repeat("word ", 1000), 1},
		{"run of dots", strings.Repeat(".", 10000), 1},
		{"spaced dots", strings.Repeat(". ", 5000), 1},
		{"invalid UTF-8", "Talks \xff\xfe ended. Nobody \xc3 spoke.", 2},
		{"NUL bytes", "The\x00talks ended. \x00", 2},
		{"byte order mark", "\ufeffThe talks ended. They resume Friday.", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := s.Segment(tc.text)
			checkContract(t, tc.text, got)
			assert.Len(t, got, tc.n)
		})
	}
}

func TestMerge(t *testing.T) {
	s := newTestSegmenter(t)
	for _, tc := range []struct {
		name  string
		frags []string
		want  []string
	}{
		{"title split from name", []string{"Russia must pull its troops back, Ms.", "Sherman said."},
			[]string{"Russia must pull its troops back, Ms. Sherman said."}},
		{"U.S. split from lower case", []string{"Sherman said the U.S.", "limit its troop presence."},
			[]string{"Sherman said the U.S. limit its troop presence."}},
		{"U.S. ends before a name", []string{"Putin demands concessions from the U.S.", "Sherman said little."},
			[]string{"Putin demands concessions from the U.S.", "Sherman said little."}},
		{"lower case after a real end stays apart", []string{"‘We cannot backpedal.", "should use the meetings."},
			[]string{"‘We cannot backpedal.", "should use the meetings."}},
		{"cut mid-sentence", []string{"Officials said the", "sanctions would stay."},
			[]string{"Officials said the sanctions would stay."}},
		{"labels stay apart", []string{"RECENT NEWS", "SUBSCRIBE"}, []string{"RECENT NEWS", "SUBSCRIBE"}},
		{"blank fragments dropped and trimmed", []string{"  ", "The talks ended. ", "", " Nobody spoke."},
			[]string{"The talks ended.", "Nobody spoke."}},
		{"never splits inside a fragment", []string{"One. Two. Three."}, []string{"One. Two. Three."}},
		{"three pieces of one sentence", []string{"Gen.", "Mark Milley met Lt. Gov.", "Vega."},
			[]string{"Gen. Mark Milley met Lt. Gov. Vega."}},
		{"nil", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, s.Merge(tc.frags))
		})
	}
}

func TestWithoutMerge(t *testing.T) {
	s := newTestSegmenter(t, WithoutMerge())
	text := "Russia must pull back, Ms.\n\nSherman said. The talks ended."
	got := s.Segment(text)
	checkContract(t, text, got)
	assert.Equal(t, []string{"Russia must pull back, Ms.", "Sherman said.", "The talks ended."}, texts(got))
	assert.Equal(t, []string{"Sherman said the U.S.", "limit troops."}, s.Merge([]string{"Sherman said the U.S.", "limit troops."}))
}

func TestAbbreviationOptions(t *testing.T) {
	extra, err := abbrev.Load(strings.NewReader("title Insp.\n"))
	require.NoError(t, err)
	text := "The case went to Insp. Morse on Monday."

	s := newTestSegmenter(t, WithMoreAbbreviations(extra))
	assert.Equal(t, []string{text}, texts(s.Segment(text)))

	// Replacing the lexicon drops the news titles that Punkt's model does
	// not know ("Supt."), while titles from the new set still hold.
	only, err := abbrev.Load(strings.NewReader("title Insp.\n"))
	require.NoError(t, err)
	s = newTestSegmenter(t, WithAbbreviations(only))
	assert.Equal(t, []string{text}, texts(s.Segment(text)))
	assert.Equal(t, []string{"The case went to Supt.", "Morse said so."}, texts(s.Segment("The case went to Supt. Morse said so.")))
	assert.Equal(t, []string{"The case went to Supt. Morse said so."}, texts(newTestSegmenter(t).Segment("The case went to Supt. Morse said so.")))

	_, err = New(WithAbbreviations(nil))
	assert.Error(t, err)
	_, err = New(WithMoreAbbreviations(nil))
	assert.Error(t, err)
}

func TestSplit(t *testing.T) {
	assert.Equal(t, []string{"Ms. Sherman spoke.", "Talks ended."}, Split("Ms. Sherman spoke. Talks ended."))
	assert.Empty(t, Split(""))
}

func TestConcurrentUse(t *testing.T) {
	s := newTestSegmenter(t)
	text := "Ms. Sherman said the U.S. limit is firm. Talks resume Friday.\n\nBreaking\nNew talks set"
	want := s.Segment(text)
	done := make(chan []Sentence)
	for range 16 {
		go func() { done <- s.Segment(text) }()
	}
	for range 16 {
		assert.Equal(t, want, <-done)
	}
}

func TestSegmentLostLineBreaks(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"date line run into the first sentence", "Thursday, May 7, 2015 On Tuesday, the government announced a review.",
			[]string{"Thursday, May 7, 2015", "On Tuesday, the government announced a review."}},
		{"date inside a sentence", "On April 12, 1981, Columbia lifted off. It landed two days later.",
			[]string{"On April 12, 1981, Columbia lifted off.", "It landed two days later."}},
		{"caption run into its credit", "Fans queue outside the hall Image: Nick Moreau. The doors opened at noon.",
			[]string{"Fans queue outside the hall", "Image: Nick Moreau.", "The doors opened at noon."}},
		{"date paragraph before a lower-case caption", "Saturday, September 12, 2015\n\npilgrims at the Grand Mosque in 2008.",
			[]string{"Saturday, September 12, 2015", "pilgrims at the Grand Mosque in 2008."}},
	})
}

func TestSegmentGluedSentences(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"period without a space", "The talks ended last week.The company said nothing.",
			[]string{"The talks ended last week.", "The company said nothing."}},
		{"question without a space", "Will the deal hold?Officials doubt it.",
			[]string{"Will the deal hold?", "Officials doubt it."}},
		{"closing quote without a space", "He called it “a disgrace.”The mayor resigned.",
			[]string{"He called it “a disgrace.”", "The mayor resigned."}},
		{"title without a space stays", "The award went to Mrs.Smith on Monday.",
			[]string{"The award went to Mrs.Smith on Monday."}},
		{"e-mail address", "Write to jane.Doe@example.com for details.",
			[]string{"Write to jane.Doe@example.com for details."}},
		{"domain", "Visit news.Example.com today.",
			[]string{"Visit news.Example.com today."}},
	})
}

func TestSegmentNamesAndAddresses(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"middle initial before a surname", "The firm was founded by John Q. Public. It employs 200 people.",
			[]string{"The firm was founded by John Q. Public.", "It employs 200 people."}},
		{"initial in a photo credit", "The measure funds the government. (AP Photo/J. Scott Applewhite)",
			[]string{"The measure funds the government.", "(AP Photo/J. Scott Applewhite)"}},
		{"initial before a sentence starter", "They chose Plan B. The vote was unanimous.",
			[]string{"They chose Plan B.", "The vote was unanimous."}},
		{"domain at the end", "Entries go to www.standfor.co.nz. Names will be published.",
			[]string{"Entries go to www.standfor.co.nz.", "Names will be published."}},
		{"e-mail address at the end", "Tips go to news@example.org. We read them all.",
			[]string{"Tips go to news@example.org.", "We read them all."}},
	})
}

func TestSegmentQuotationRuns(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"quoted paragraph after a quoted paragraph", "“It increased a thousand fold.”\n\n“I think everybody knows him.”",
			[]string{"“It increased a thousand fold.”", "“I think everybody knows him.”"}},
		{"straight quotes in running text", `He said it grew "a thousand fold." "Nobody expected it," she added.`,
			[]string{`He said it grew "a thousand fold."`, `"Nobody expected it," she added.`}},
		{"closing quote typed the wrong way", "They called it a “misguided decision.“ However, the plan went ahead.",
			[]string{"They called it a “misguided decision.“", "However, the plan went ahead."}},
		{"ellipsis opening a sentence", "He was called the enemy of the church. ... The next thing he knew, he was gone.",
			[]string{"He was called the enemy of the church.", "... The next thing he knew, he was gone."}},
		{"bracketed omission before a capital", "The projections are consistent [...] Ozone is a pollutant.",
			[]string{"The projections are consistent [...]", "Ozone is a pollutant."}},
	})
}

func TestSegmentInlineLists(t *testing.T) {
	runSegmentCases(t, newTestSegmenter(t), []segmentCase{
		{"numbers with brackets", "1) Raise taxes 2) Cut spending 3) Balance the budget",
			[]string{"1) Raise taxes", "2) Cut spending", "3) Balance the budget"}},
		{"numbers with periods", "1. The first demand. 2. The second demand.",
			[]string{"1. The first demand.", "2. The second demand."}},
		{"letters", "a. Ceasefire b. Prisoner exchange c. Talks",
			[]string{"a. Ceasefire", "b. Prisoner exchange", "c. Talks"}},
		{"bullets", "• 1. Ceasefire • 2. Talks",
			[]string{"• 1. Ceasefire", "• 2. Talks"}},
		{"a number out of sequence is not an item", "1) Raise taxes by 3) percent",
			[]string{"1) Raise taxes by 3) percent"}},
	})
}

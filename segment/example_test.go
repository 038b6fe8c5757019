package segment_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/newsseg/newsseg/abbrev"
	"github.com/newsseg/newsseg/segment"
)

func ExampleSegmenter_Segment() {
	s, err := segment.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Breaking\n\n" +
		"GENEVA — Russia must pull its troops back from the border, Ms. Sherman said. " +
		"Putin is demanding concessions from the U.S. Sherman said the U.S. Navy would stay."
	for _, sent := range s.Segment(text) {
		fmt.Printf("[%d:%d] %s\n", sent.Start, sent.End, sent.Text)
	}
	// Output:
	// [0:8] Breaking
	// [10:88] GENEVA — Russia must pull its troops back from the border, Ms. Sherman said.
	// [89:133] Putin is demanding concessions from the U.S.
	// [134:172] Sherman said the U.S. Navy would stay.
}

func ExampleSegmenter_Merge() {
	s, err := segment.New()
	if err != nil {
		log.Fatal(err)
	}
	// A scraped article that arrived chopped after "Ms." and "the U.S.".
	fragments := []string{
		"As a first step to de-escalate the crisis, Russia must pull its troops back, Ms.",
		"Sherman said.",
		"Sherman said the U.S.",
		"limit its troop presence in Eastern Europe.",
	}
	for _, sent := range s.Merge(fragments) {
		fmt.Println(sent)
	}
	// Output:
	// As a first step to de-escalate the crisis, Russia must pull its troops back, Ms. Sherman said.
	// Sherman said the U.S. limit its troop presence in Eastern Europe.
}

func ExampleSplit() {
	for _, sent := range segment.Split("Sen. Elizabeth Warren, D-Mass., spoke at 10 a.m. Tuesday. The vote is set for Sept. 12.") {
		fmt.Println(sent)
	}
	// Output:
	// Sen. Elizabeth Warren, D-Mass., spoke at 10 a.m. Tuesday.
	// The vote is set for Sept. 12.
}

func ExampleWithMoreAbbreviations() {
	// "Cllr." (councillor) is a British title the news lexicon lacks.
	extra, err := abbrev.Load(strings.NewReader("title Cllr.\n"))
	if err != nil {
		log.Fatal(err)
	}
	s, err := segment.New(segment.WithMoreAbbreviations(extra))
	if err != nil {
		log.Fatal(err)
	}
	for _, sent := range s.Segment("The motion was tabled by Cllr. Jones on Monday. It passed.") {
		fmt.Println(sent.Text)
	}
	// Output:
	// The motion was tabled by Cllr. Jones on Monday.
	// It passed.
}

func ExampleSentence_kind() {
	s, err := segment.New()
	if err != nil {
		log.Fatal(err)
	}
	page := "Breaking\n\n" +
		"Talks stall in Geneva over troop build-up\n" +
		"By JANE DOE, Associated Press\n" +
		"Jan 10, 2022 1 min, 35 secs\n\n" +
		"GENEVA (AP) — Russia must pull its troops back, Ms. Sherman said. The talks ended.\n\n" +
		"Advertisement\n\n" +
		"SUBSCRIBE\n\n" +
		"Get monthly updates and free resources.\n\n" +
		"© Copyright 2024 365NEWSX - All RIGHTS RESERVED"
	for _, sent := range s.Segment(page) {
		fmt.Printf("%-11s %s\n", sent.Kind, sent.Text)
	}
	// Output:
	// boilerplate Breaking
	// headline    Talks stall in Geneva over troop build-up
	// meta        By JANE DOE, Associated Press
	// meta        Jan 10, 2022 1 min, 35 secs
	// body        GENEVA (AP) — Russia must pull its troops back, Ms. Sherman said.
	// body        The talks ended.
	// boilerplate Advertisement
	// boilerplate SUBSCRIBE
	// boilerplate Get monthly updates and free resources.
	// boilerplate © Copyright 2024 365NEWSX - All RIGHTS RESERVED
}

func ExampleSegmenter_Explain() {
	s, err := segment.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Putin is demanding concessions from the U.S. Sherman said the U.S. Navy would stay, Ms. Sherman added."
	for _, e := range s.Explain(text) {
		fmt.Printf("%s [%s]\n", e.Text, e.Rule)
		for _, k := range e.Kept {
			word := text[strings.LastIndexByte(text[:k.At], ' ')+1 : k.At]
			fmt.Printf("  kept at %q: [%s]\n", word, k.Rule)
		}
	}
	// Output:
	// Putin is demanding concessions from the U.S. [abbrev-capital]
	// Sherman said the U.S. Navy would stay, Ms. Sherman added. [text-end]
	//   kept at "U.S.": [abbrev-continuer]
	//   kept at "Ms.": [abbrev-title]
}

// The zero Segmenter needs no New: it uses the embedded defaults.
func ExampleSegmenter() {
	var s segment.Segmenter
	for _, sent := range s.Segment("The Fed held rates at 5.25% on Wednesday. Markets barely moved.") {
		fmt.Println(sent.Text)
	}
	// Output:
	// The Fed held rates at 5.25% on Wednesday.
	// Markets barely moved.
}

// A Scanner reads a stream of any length, holding only a window of it, and
// returns each sentence as soon as it is decided. Offsets count from the
// start of the stream.
func ExampleSegmenter_NewScanner() {
	var s segment.Segmenter
	article := strings.NewReader("Storm closes port\n\n" +
		"NEWARK, N.J. — A winter storm closed two terminals at Port Elizabeth on Friday. " +
		"Capt. Luis Ortega said about 30 ships were waiting.\n")
	sc := s.NewScanner(article)
	for sc.Scan() {
		sent := sc.Sentence()
		fmt.Printf("%-8s [%d:%d] %s\n", sent.Kind, sent.Start, sent.End, sent.Text)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// headline [0:17] Storm closes port
	// body     [19:100] NEWARK, N.J. — A winter storm closed two terminals at Port Elizabeth on Friday.
	// body     [101:152] Capt. Luis Ortega said about 30 ships were waiting.
}

// Sentences is the Scanner as an iterator; a read error is its last value.
func ExampleSegmenter_Sentences() {
	var s segment.Segmenter
	feed := strings.NewReader("Shares of Vantor Inc. rose 9% after hours. Dr. Priya Nair, its chief executive, said orders had doubled since Jan. 1.")
	for sent, err := range s.Sentences(feed) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(sent.Text)
	}
	// Output:
	// Shares of Vantor Inc. rose 9% after hours.
	// Dr. Priya Nair, its chief executive, said orders had doubled since Jan. 1.
}

// By default a break inside a sentence is joined when the two sides belong
// together; WithoutMerge ends a sentence at every break the layout reads.
func ExampleWithoutMerge() {
	text := "Russia must pull its troops back from the border, Ms.\n\nSherman said on Monday."
	for _, opts := range [][]segment.Option{nil, {segment.WithoutMerge()}} {
		s, err := segment.New(opts...)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(texts(s.Segment(text)))
	}
	// Output:
	// Russia must pull its troops back from the border, Ms. Sherman said on Monday.
	// Russia must pull its troops back from the border, Ms. | Sherman said on Monday.
}

// A newsroom whose copy never abbreviates "Court" removes "Ct." from the
// lexicon: the removal also overrides Punkt's trained model, which lists
// "ct" as an abbreviation.
func ExampleWithAbbreviations_remove() {
	text := "The family lives on Maple Ct. Smith, a neighbor, called police."
	set := abbrev.News()
	for _, remove := range []bool{false, true} {
		if remove {
			set.Remove("Ct.")
		}
		s, err := segment.New(segment.WithAbbreviations(set))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(texts(s.Segment(text)))
	}
	// Output:
	// The family lives on Maple Ct. Smith, a neighbor, called police.
	// The family lives on Maple Ct. | Smith, a neighbor, called police.
}

// A continuer carries a sentence on after an abbreviation such as "U.K.":
// "Cabinet" is not in the embedded list.
func ExampleWithMoreContinuers() {
	text := "Ministers briefed the U.K. Cabinet on Monday. The talks resume in May."
	extra := strings.NewReader("# our additions\ngeneral Cabinet\n")
	for _, opts := range [][]segment.Option{nil, {segment.WithMoreContinuers(extra)}} {
		s, err := segment.New(opts...)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(texts(s.Segment(text)))
	}
	// Output:
	// Ministers briefed the U.K. | Cabinet on Monday. | The talks resume in May.
	// Ministers briefed the U.K. Cabinet on Monday. | The talks resume in May.
}

// Page furniture and Meta vocabulary come from lists in the format of the
// embedded ones: a mode, then the phrase.
func ExampleWithMoreFurniture() {
	page := "Talks stall in Geneva\n\n" +
		"Lunes 3 marzo 2025\n\n" +
		"GENEVA — The talks ended on Monday without a deal.\n\n" +
		"Reader offer\n\n" +
		"Both sides said they would meet again."
	s, err := segment.New(
		segment.WithMoreFurniture(strings.NewReader("line reader offer\n")),
		segment.WithMoreMeta(strings.NewReader("date lunes\ndate marzo\n")),
	)
	if err != nil {
		log.Fatal(err)
	}
	for _, sent := range s.Segment(page) {
		fmt.Printf("%-12s %s\n", sent.Kind, sent.Text)
	}
	// Output:
	// headline     Talks stall in Geneva
	// meta         Lunes 3 marzo 2025
	// body         GENEVA — The talks ended on Monday without a deal.
	// boilerplate  Reader offer
	// body         Both sides said they would meet again.
}

// MergeRanges says which fragments (here, the cells of a scraped table of
// quotes) each sentence was made from.
func ExampleSegmenter_MergeRanges() {
	var s segment.Segmenter
	cells := []string{"“We will not leave,” Gen.", "", "Mark Milley said.", "The Pentagon declined to comment."}
	for _, m := range s.MergeRanges(cells) {
		fmt.Printf("cells[%d:%d] %s\n", m.From, m.To, m.Text)
	}
	// Output:
	// cells[0:3] “We will not leave,” Gen. Mark Milley said.
	// cells[3:4] The Pentagon declined to comment.
}

// texts joins the texts of sents with " | ", their white space collapsed.
func texts(sents []segment.Sentence) string {
	var b strings.Builder
	for i, s := range sents {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(strings.Join(strings.Fields(s.Text), " "))
	}
	return b.String()
}

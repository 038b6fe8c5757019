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

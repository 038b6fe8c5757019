package abbrev_test

import (
	"fmt"
	"strings"

	"github.com/newsseg/newsseg/abbrev"
)

func Example() {
	s := abbrev.News()

	k, ok := s.Lookup("Sen.")
	fmt.Println("Sen.", k, ok)
	k, ok = s.Lookup("U.S.")
	fmt.Println("U.S.", k, ok)
	k, ok = s.Lookup("(D-Mass.")
	fmt.Println("(D-Mass.", k, ok)

	// Add custom entries written in the news.txt format.
	custom, err := abbrev.Load(strings.NewReader(`
# house style additions
title   Insp. Gen.
general Intl.
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	s.AddAll(custom)
	k, ok = s.Lookup("intl.")
	fmt.Println("intl.", k, ok)

	// Output:
	// Sen. title true
	// U.S. general true
	// (D-Mass. state true
	// intl. general true
}

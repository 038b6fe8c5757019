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

// A newsroom whose copy writes "St." only for "Street", at the end of an
// address, removes it from the lexicon. The set remembers the removal, so
// the segmenter also overrides Punkt's own list, which has "st".
func ExampleSet_Remove() {
	s := abbrev.News()
	s.Remove("St.")

	_, ok := s.Lookup("St.")
	fmt.Println("listed:", ok)
	fmt.Println("removed:", s.Removed("st."), s.Removals())

	// Adding it back clears the removal.
	if err := s.Add("St.", abbrev.Title); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("removed after Add:", s.Removed("St."))
	// Output:
	// listed: false
	// removed: true [St.]
	// removed after Add: false
}

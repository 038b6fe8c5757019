package htmlseg_test

import (
	"fmt"
	"strings"

	"github.com/newsseg/newsseg/segment/htmlseg"
)

func ExampleSegmenter_Segment() {
	s, err := htmlseg.New()
	if err != nil {
		panic(err)
	}
	page := `<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks end without a deal</h1>
<p class="byline">By <a rel="author" href="/staff/jd">Jane Doe</a></p>
<p>GENEVA &mdash; Negotiators left the <a href="/t/us">U.S.</a> mission at 2&nbsp;a.m. without an agreement. Talks resume on Friday.</p>
<figure><figcaption>Delegates arrive. (AP Photo/Evan Vucci)</figcaption></figure></article>`
	for _, st := range s.Segment(page) {
		fmt.Printf("%-11s %4d %4d  %s\n", st.Kind, st.Start, st.End, st.Text)
	}
	// Output:
	// boilerplate   17   48  Home World
	// headline      72   96  Talks end without a deal
	// meta         120  164  By Jane Doe
	// body         176  281  GENEVA — Negotiators left the U.S. mission at 2 a.m. without an agreement.
	// body         282  305  Talks resume on Friday.
	// meta         330  347  Delegates arrive.
	// meta         348  369  (AP Photo/Evan Vucci)
}

func ExampleSegmenter_Sentences() {
	s, err := htmlseg.New()
	if err != nil {
		panic(err)
	}
	page := strings.NewReader(`<main><h1>Storm closes ports</h1>
<p>Ports along the Gulf Coast closed on Tuesday.<br>Shipping resumes Friday, officials said.</p>
<div class="ad-slot"><p>Advertisement</p></div></main>`)
	for st, err := range s.Sentences(page) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Printf("%s: %s\n", st.Kind, st.Text)
	}
	// Output:
	// headline: Storm closes ports
	// body: Ports along the Gulf Coast closed on Tuesday.
	// body: Shipping resumes Friday, officials said.
	// boilerplate: Advertisement
}

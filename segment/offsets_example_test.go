package segment_test

import (
	"fmt"
	"log"

	"github.com/newsseg/newsseg/segment"
)

// A consumer in Python or JavaScript indexes the text by code points or by
// UTF-16 code units. Writing the gaps and the sentences to an OffsetCounter,
// in order, converts the offsets in one pass; the same works on a stream,
// where the gaps are the bytes between one sentence's End and the next
// one's Start.
func ExampleOffsetCounter() {
	s, err := segment.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "PARIS — Le Monde’s editor resigned on Friday.\u00a0🗞️ Staff cheered.\u3000Shares fell."
	c := segment.NewOffsetCounter(segment.UTF16)
	for _, sent := range s.Segment(text) {
		c.WriteString(text[c.ByteOffset():sent.Start]) // the gap
		start := c.Offset()
		c.WriteString(sent.Text)
		fmt.Printf("bytes [%d:%d] utf16 [%d:%d] %s\n", sent.Start, sent.End, start, c.Offset(), sent.Text)
	}
	// Output:
	// bytes [0:49] utf16 [0:45] PARIS — Le Monde’s editor resigned on Friday.
	// bytes [51:73] utf16 [46:64] 🗞️ Staff cheered.
	// bytes [76:88] utf16 [65:77] Shares fell.
}

func ExampleUnit_Count() {
	text := "Zürich — Shares of UBS rose 2%."
	end := len("Zürich")
	fmt.Println(segment.Bytes.Count(text[:end]), segment.Runes.Count(text[:end]), segment.UTF16.Count(text[:end]))
	// Output:
	// 7 6 6
}

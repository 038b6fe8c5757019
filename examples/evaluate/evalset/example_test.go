package evalset_test

import (
	"fmt"
	"strings"

	"github.com/newsseg/newsseg/examples/evaluate/evalset"
	"github.com/newsseg/newsseg/segment"
)

// Any function from text to sentences can be scored: here newsseg, and a
// naive splitter that ends a sentence at every ". ".
func ExampleScoreDocs() {
	docs := []evalset.Document{{
		Name: "vote",
		Text: "Senate passes budget\n\nSen. Warren, D-Mass., spoke at 10 a.m. Tuesday. The vote is Sept. 12.\n",
		Sentences: []string{
			"Senate passes budget",
			"Sen. Warren, D-Mass., spoke at 10 a.m. Tuesday.",
			"The vote is Sept. 12.",
		},
	}}

	seg, err := segment.New()
	if err != nil {
		panic(err)
	}
	newsseg := func(text string) []string {
		var out []string
		for _, s := range seg.Segment(text) {
			out = append(out, s.Text)
		}
		return out
	}
	naive := func(text string) []string { return strings.SplitAfter(text, ". ") }

	for _, sys := range []struct {
		name string
		seg  evalset.Segmenter
	}{{"newsseg", newsseg}, {"naive", naive}} {
		rep, err := evalset.ScoreDocs(sys.seg, docs)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: %s\n", sys.name, rep.Scores)
		for _, m := range rep.Misses {
			fmt.Printf("  %s %s ‖ %s\n", m.Kind, m.Before, m.After)
		}
	}
	// Output:
	// newsseg: P 1.000 R 1.000 F1 1.000 (tp 2 fp 0 fn 0)
	// naive: P 0.250 R 0.500 F1 0.333 (tp 1 fp 3 fn 1)
	//   FN Senate passes budget ‖ ¶ Sen. Warren, D-Mass., spoke at 10 a.m.
	//   FP Senate passes budget ¶ Sen. ‖ Warren, D-Mass., spoke at 10 a.m. Tuesda
	//   FP ¶ Sen. Warren, D-Mass., spoke at 10 a.m. ‖ Tuesday. The vote is Sept. 12.
	//   FP ke at 10 a.m. Tuesday. The vote is Sept. ‖ 12.
}

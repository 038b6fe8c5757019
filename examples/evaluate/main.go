// Command evaluate scores the newsseg segmenter against sentence-segmented
// data.
//
// Usage:
//
//	evaluate [-v] PATH...
//
// Each PATH is either
//
//   - a JSONL case file: one JSON object a line,
//     {"id": "...", "text": "...", "sentences": ["...", ...]}; reported as
//     the number of cases segmented exactly right (after trimming each
//     sentence and collapsing whitespace runs to one space) and boundary
//     precision, recall and F1; or
//   - a directory of documents: NAME.txt holds a document's plain text and
//     NAME.sentences its gold sentences, one a line; reported as boundary
//     precision, recall and F1 summed over all documents (micro-average).
//
// A boundary is the position in the text's non-whitespace character stream
// at which a sentence ends; the end of the text is not a boundary. The gold
// sentences must hold exactly the non-whitespace characters of the text.
//
// With -v, evaluate also prints every case that does not match exactly (the
// expected and the system's sentences), and every boundary error in the
// documents with 40 characters of context on each side: FP where the system
// split and gold did not, FN where gold split and the system did not.
//
// The exit status is 0 on success, 1 when a file cannot be read or parsed
// (or its gold does not match its text), and 2 on a usage error.
//
// The scorer is package [evalset], which the compare example shares. From
// the repository root, on the development data in testdata/eval (the figures
// of the README):
//
//	go run ./examples/evaluate testdata/eval/golden-rules-en.jsonl testdata/eval/gum-news testdata/eval/pud-news testdata/eval/pud-wiki testdata/eval/ewt-dev
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newsseg/newsseg/examples/evaluate/evalset"
	"github.com/newsseg/newsseg/segment"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: evaluate [-v] PATH...

Scores the newsseg sentence segmenter. Each PATH is either

  a JSONL case file (FILE.jsonl), one object a line:
      {"id": "gr-01", "text": "...", "sentences": ["...", "..."]}
    reported as exact matches (trimmed, whitespace collapsed) and
    boundary precision/recall/F1; or

  a directory of documents NAME.txt (plain text) + NAME.sentences (the
    gold sentences, one a line), reported as boundary precision/recall/F1
    summed over all documents.

A boundary is the index in the non-whitespace character stream where a
sentence ends (the end of the text is not one).

Flags:
`

// run is main without the process: it parses args, writes reports to stdout
// and errors to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "print each miss with its context")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "evaluate: no PATH given")
		fs.Usage()
		return 2
	}
	seg, err := segment.New()
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 1
	}
	status := 0
	for _, path := range fs.Args() {
		if err := evaluatePath(newsseg(seg), path, *verbose, stdout); err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			status = 1
		}
	}
	return status
}

// newsseg returns seg as an [evalset.Segmenter].
func newsseg(seg *segment.Segmenter) evalset.Segmenter {
	return func(text string) []string {
		sents := seg.Segment(text)
		out := make([]string, len(sents))
		for i, s := range sents {
			out[i] = s.Text
		}
		return out
	}
}

// evaluatePath scores one PATH and prints its report. A report is printed
// even when some cases or documents had to be left out for an error.
func evaluatePath(seg evalset.Segmenter, path string, verbose bool, w io.Writer) error {
	set, err := evalset.Read(path)
	if err != nil {
		return err
	}
	cases, docs, err := set.Score(seg)
	if set.IsCases() {
		if cases.Cases > 0 {
			printCaseReport(w, set.Name, cases, verbose)
		}
	} else if docs.Docs > 0 {
		printDocReport(w, set.Name, docs, verbose)
	}
	return err
}

// printCaseReport writes the summary line of a case file and, when verbose,
// each case that does not match exactly.
func printCaseReport(w io.Writer, name string, rep evalset.CaseReport, verbose bool) {
	fmt.Fprintf(w, "%s: exact %d/%d, boundaries %s\n", name, rep.Exact, rep.Cases, rep.Scores)
	if !verbose {
		return
	}
	for _, m := range rep.Misses {
		fmt.Fprintf(w, "\n  %s: %s\n", name, m.ID)
		for _, s := range m.Want {
			fmt.Fprintf(w, "    want| %s\n", s)
		}
		for _, s := range m.Got {
			fmt.Fprintf(w, "    got | %s\n", s)
		}
	}
	if len(rep.Misses) > 0 {
		fmt.Fprintln(w)
	}
}

// printDocReport writes the summary line of a document folder and, when
// verbose, each boundary error with its context.
func printDocReport(w io.Writer, name string, rep evalset.DocReport, verbose bool) {
	fmt.Fprintf(w, "%s: %d documents, boundaries %s\n", name, rep.Docs, rep.Scores)
	if !verbose {
		return
	}
	for _, m := range rep.Misses {
		fmt.Fprintf(w, "  %s %s @%d: %s ‖ %s\n", m.Kind, m.Doc, m.Index, m.Before, m.After)
	}
	if len(rep.Misses) > 0 {
		fmt.Fprintln(w)
	}
}

// Command compare scores newsseg and three other Go sentence segmenters on
// the same evaluation data, with the scorer of examples/evaluate (package
// evalset), and measures their speed on the same text. It prints one
// Markdown table, a column per segmenter:
//
//   - newsseg: segment.New() with its defaults;
//   - neurosnap/sentences english: english.NewSentenceTokenizer(nil), the
//     Punkt tokenizer newsseg wraps;
//   - clipperhouse/uax29 sentences: the Unicode sentence rules (UAX #29);
//   - jdkato/prose v2: prose.NewDocument with segmentation only.
//
// Usage, from this directory (it is a module of its own):
//
//	go run . [-data DIR] [-quick] [-time D] [PATH...]
//
// The data is every JSONL case file and every folder of NAME.txt +
// NAME.sentences documents in DIR (default ../../testdata/eval, the
// repository's development data), or the PATHs given. Case files are
// reported as exact matches and boundary precision/recall/F1, folders as
// boundary precision/recall/F1 summed over their documents; see package
// evalset for the definitions.
//
// Speed is measured on all the texts of the data joined by blank lines, one
// call per run, the segmenters taking turns until each has run for at least
// -time: MB/s (1 MB = 10^6 bytes) and heap allocations per MB
// (runtime.MemStats.Mallocs). prose has no API to
// load its model once, so its time includes loading the model on every call.
//
// -quick keeps the first few items of each set and times a single run: a
// smoke test, not figures to publish.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/newsseg/newsseg/examples/evaluate/evalset"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// quickItems is how many cases or documents of each set -quick keeps.
const quickItems = 5

const usage = `usage: compare [-data DIR] [-quick] [-time D] [PATH...]

Scores newsseg, neurosnap/sentences english, clipperhouse/uax29 sentences
and jdkato/prose v2 on the same data with the scorer of examples/evaluate,
measures their speed on the same text, and prints one Markdown table.
PATHs are JSONL case files or folders of NAME.txt + NAME.sentences; without
PATHs, every such set in -data.

Flags:
`

// run is main without the process: it parses args, writes the table to
// stdout and errors to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", filepath.Join("..", "..", "testdata", "eval"), "folder whose case files and document folders are the data")
	quick := fs.Bool("quick", false, fmt.Sprintf("keep the first %d items of each set and time one run", quickItems))
	minTime := fs.Duration("time", 2*time.Second, "time each segmenter for at least this long")
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
	paths := fs.Args()
	if len(paths) == 0 {
		var err error
		if paths, err = setsIn(*data); err != nil {
			fmt.Fprintf(stderr, "compare: %v\n", err)
			return 1
		}
	}
	sets, err := readSets(paths)
	if err != nil {
		fmt.Fprintf(stderr, "compare: %v\n", err)
		return 1
	}
	if *quick {
		for _, s := range sets {
			s.Cases = s.Cases[:min(len(s.Cases), quickItems)]
			s.Docs = s.Docs[:min(len(s.Docs), quickItems)]
		}
		*minTime = 0
	}
	systems, err := newSystems()
	if err != nil {
		fmt.Fprintf(stderr, "compare: %v\n", err)
		return 1
	}
	results, err := compareAll(systems, sets, *minTime)
	if err != nil {
		fmt.Fprintf(stderr, "compare: %v\n", err)
		return 1
	}
	writeTable(stdout, systems, sets, results)
	return 0
}

// readmeOrder is the order of the README's evaluate command; other sets
// follow it.
var readmeOrder = []string{"golden-rules-en.jsonl", "gum-news", "pud-news", "pud-wiki", "ewt-dev"}

// setsIn returns the case files (*.jsonl) and the folders in dir: the sets
// of readmeOrder first, then other case files, then other folders, each
// group sorted by name.
func setsIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading the data folder (run from examples/compare, or give -data): %w", err)
	}
	var files, dirs []string
	for _, e := range entries {
		switch {
		case e.IsDir():
			dirs = append(dirs, filepath.Join(dir, e.Name()))
		case strings.HasSuffix(e.Name(), ".jsonl"):
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	if len(files)+len(dirs) == 0 {
		return nil, fmt.Errorf("%s: no case files (*.jsonl) or document folders", dir)
	}
	rank := func(path string) int {
		for i, name := range readmeOrder {
			if filepath.Base(path) == name {
				return i
			}
		}
		return len(readmeOrder)
	}
	sort.Strings(files)
	sort.Strings(dirs)
	paths := append(files, dirs...)
	// Stable: the sets outside readmeOrder keep their order.
	sort.SliceStable(paths, func(i, j int) bool { return rank(paths[i]) < rank(paths[j]) })
	return paths, nil
}

func readSets(paths []string) ([]*evalset.Set, error) {
	var sets []*evalset.Set
	for _, p := range paths {
		s, err := evalset.Read(p)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

// result is one segmenter's figures: a score per set, in the order of the
// sets, and its speed.
type result struct {
	cases []evalset.CaseReport // per set; zero for a folder
	docs  []evalset.DocReport  // per set; zero for a case file
	speed speed
}

// compareAll scores and times every system on every set. A case or document
// that cannot be scored (a segmenter that drops characters) is an error:
// leaving it out would compare the segmenters on different data.
func compareAll(systems []system, sets []*evalset.Set, minTime time.Duration) ([]result, error) {
	var texts []string
	for _, s := range sets {
		texts = append(texts, s.Texts()...)
	}
	corpus := strings.Join(texts, "\n\n")
	results := make([]result, len(systems))
	splits := make([]func(string) int, len(systems))
	for i, sys := range systems {
		r := &results[i]
		for _, s := range sets {
			cases, docs, err := s.Score(sys.sentences)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", sys.name, err)
			}
			r.cases = append(r.cases, cases)
			r.docs = append(r.docs, docs)
		}
		splits[i] = sys.count
	}
	for i, sp := range measure(splits, corpus, minTime) {
		results[i].speed = sp
	}
	return results, nil
}

// speed is a throughput measurement.
type speed struct {
	bytes       int     // size of the text
	mbPerSec    float64 // 10^6 bytes per second
	allocsPerMB float64 // heap allocations per 10^6 bytes
}

// batchTime is about how long one turn of a segmenter lasts in measure
// (shorter when -time is).
const batchTime = 50 * time.Millisecond

// measure times every split on text and counts its allocations. The splits
// take turns, a batch of calls each, until every one has run for about
// minTime (at least one call each): a machine whose load changes during the
// measurement then slows all of them alike, and their ratios hold.
// Allocations are counted apart, around a single call after a warm-up one,
// because reading runtime.MemStats stops the world.
func measure(splits []func(string) int, text string, minTime time.Duration) []speed {
	out := make([]speed, len(splits))
	batch := make([]int, len(splits))
	for i, split := range splits {
		start := time.Now()
		split(text) // warm up: lazy initialisation is not counted
		batch[i] = 1
		if d, turn := time.Since(start), min(batchTime, minTime); d < turn {
			batch[i] = int(turn / max(d, time.Microsecond))
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		split(text)
		runtime.ReadMemStats(&after)
		out[i].bytes = len(text)
		if len(text) > 0 {
			out[i].allocsPerMB = float64(after.Mallocs-before.Mallocs) / (float64(len(text)) / 1e6)
		}
	}
	runs := make([]int, len(splits))
	elapsed := make([]time.Duration, len(splits))
	for round := 0; round == 0 || slices.Min(elapsed) < minTime; round++ {
		for i, split := range splits {
			start := time.Now()
			for range batch[i] {
				split(text)
			}
			elapsed[i] += time.Since(start)
			runs[i] += batch[i]
		}
	}
	for i := range out {
		if secs := elapsed[i].Seconds(); secs > 0 {
			out[i].mbPerSec = float64(len(text)) * float64(runs[i]) / 1e6 / secs
		}
	}
	return out
}

// writeTable prints the results as one Markdown table: a row per figure, a
// column per segmenter.
func writeTable(w io.Writer, systems []system, sets []*evalset.Set, results []result) {
	fmt.Fprint(w, "| |")
	for _, s := range systems {
		fmt.Fprintf(w, " %s |", s.name)
	}
	fmt.Fprint(w, "\n|---|")
	for range systems {
		fmt.Fprint(w, "---|")
	}
	fmt.Fprintln(w)
	row := func(label string, cell func(r result) string) {
		fmt.Fprintf(w, "| %s |", label)
		for _, r := range results {
			fmt.Fprintf(w, " %s |", cell(r))
		}
		fmt.Fprintln(w)
	}
	prf := func(sc evalset.Scores) string {
		return fmt.Sprintf("%.3f / %.3f / %.3f", sc.Precision(), sc.Recall(), sc.F1())
	}
	for i, s := range sets {
		if s.IsCases() {
			row(fmt.Sprintf("%s exact (%d cases)", s.Name, len(s.Cases)), func(r result) string {
				return fmt.Sprintf("%d/%d", r.cases[i].Exact, r.cases[i].Cases)
			})
			row(s.Name+" P / R / F1", func(r result) string { return prf(r.cases[i].Scores) })
			continue
		}
		row(fmt.Sprintf("%s P / R / F1 (%d docs)", s.Name, len(s.Docs)), func(r result) string { return prf(r.docs[i].Scores) })
	}
	var size int
	if len(results) > 0 {
		size = results[0].speed.bytes
	}
	row(fmt.Sprintf("MB/s (all texts, %.2f MB)", float64(size)/1e6), func(r result) string {
		return fmt.Sprintf("%.1f", r.speed.mbPerSec)
	})
	row("allocations per MB", func(r result) string { return fmt.Sprintf("%.0f", r.speed.allocsPerMB) })
}

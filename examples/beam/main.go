// Command beam segments an archive of news articles into sentences on Apache
// Beam: locally on the in-process Prism runner, or unchanged on Google Cloud
// Dataflow, Apache Flink or Apache Spark through --runner.
//
// It reads JSON Lines articles, one {"id": ..., "text": ...} a line (or
// {"id": ..., "html": ...} for an HTML page, segmented through package
// segment/htmlseg), from the files matching --input (comma-separated glob
// patterns; .gz files are decompressed), and writes one JSON Lines record a
// sentence,
//
//	{"id":...,"n":0,"start":0,"end":42,"text":"...","kind":"body"}
//
// to --shards files named OUTPUT-00000-of-00016.jsonl and so on, where
// start and end are byte offsets into the article's text (or page), n numbers the
// article's sentences from 0 and kind is the sentence's segment.Kind
// ("body", "headline", "meta" or "boilerplate"). All sentences of an article are in one file,
// in order. A line that is not an article goes, with the reason, to
// OUTPUT-deadletter-00000-of-00001.jsonl as {"line": ..., "error": ...}.
//
// Run locally, from this directory, on the sample articles:
//
//	go run . --input=testdata/articles.jsonl --output=/tmp/out/sentences
//
// Before it submits the job, it lists every --input pattern with the Beam
// filesystem of its scheme, and one that matches no file is an error on
// one line, with exit status 1. The runner's and the SDK's INFO messages
// are shown only with --verbose; warnings and errors always are.
//
// See README.md for Dataflow, Flink and Spark.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	input            = flag.String("input", "", "comma-separated glob patterns of JSON Lines article files (required)")
	output           = flag.String("output", "", "prefix of the output files (required)")
	shards           = flag.Int("shards", 16, "number of sentence files")
	deadLetterShards = flag.Int("deadletter_shards", 1, "number of dead-letter files")
	verbose          = flag.Bool("verbose", false, "also log the runner's and the SDK's INFO messages")
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the inputs match nothing, or the pipeline failed
	exitUsage = 2
)

func main() {
	flag.Parse()
	// Before Init, which sets up Beam's logging from this level.
	beamlog.LogLevel = logLevel(*verbose)
	// On a worker, Init runs the SDK harness and never returns.
	beam.Init()

	c := Config{
		Inputs:           splitPatterns(*input),
		Output:           *output,
		Shards:           *shards,
		DeadLetterShards: *deadLetterShards,
	}
	os.Exit(run(context.Background(), c, os.Stdout, os.Stderr))
}

// logLevel is the level of Beam's log: INFO (job submission, progress) only
// when asked for.
func logLevel(verbose bool) string {
	if verbose {
		return "info"
	}
	return "warn"
}

// run checks c and its inputs, runs the job on the runner of the --runner
// flag, and prints its counters to stdout. Errors are one line on stderr.
// It returns the exit status.
func run(ctx context.Context, c Config, stdout, stderr io.Writer) int {
	if err := c.Validate(); err != nil {
		fmt.Fprintf(stderr, "beam: %v (see -h)\n", err)
		return exitUsage
	}
	// A pattern that matches nothing would fail the job only once it runs,
	// in an error that repeats the whole plan: say so before submitting.
	if err := CheckInputs(ctx, c.Inputs); err != nil {
		fmt.Fprintf(stderr, "beam: %v\n", err)
		return exitError
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, c)
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(stderr, "beam: pipeline failed: %v\n", err)
		return exitError
	}
	if res != nil {
		counts := Counters(res.Metrics())
		for _, name := range []string{MetricArticles, MetricSentences, MetricBad} {
			fmt.Fprintf(stdout, "%s: %d\n", name, counts[name])
		}
	}
	return exitOK
}

// splitPatterns splits the --input value at commas, dropping empty items.
func splitPatterns(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Counters returns the counters of namespace MetricNamespace in r, by name,
// summed over the steps that reported them. Runners that report no metrics
// (some do not for async jobs) give an empty map.
func Counters(r metrics.Results) map[string]int64 {
	counts := make(map[string]int64)
	q := r.Query(func(sr metrics.SingleResult) bool {
		return sr.Namespace() == MetricNamespace
	})
	for _, c := range q.Counters() {
		counts[c.Name()] += c.Result()
	}
	return counts
}

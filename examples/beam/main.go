// Command beam segments an archive of news articles into sentences on Apache
// Beam: locally on the in-process Prism runner, or unchanged on Google Cloud
// Dataflow, Apache Flink or Apache Spark through --runner.
//
// It reads JSON Lines articles, one {"id": ..., "text": ...} a line, from
// the files matching --input (comma-separated glob patterns; .gz files are
// decompressed), and writes one JSON Lines record a sentence,
//
//	{"id":...,"n":0,"start":0,"end":42,"text":"...","kind":"body"}
//
// to --shards files named OUTPUT-00000-of-00016.jsonl and so on, where
// start and end are byte offsets into the article's text, n numbers the
// article's sentences from 0 and kind is the sentence's segment.Kind
// ("body", "headline", "meta" or "boilerplate"). All sentences of an article are in one file,
// in order. A line that is not an article goes, with the reason, to
// OUTPUT-deadletter-00000-of-00001.jsonl as {"line": ..., "error": ...}.
//
// Run locally, from this directory:
//
//	go run . --input='/data/articles-*.jsonl' --output=/tmp/out/sentences
//
// See README.md for Dataflow, Flink and Spark.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	input            = flag.String("input", "", "comma-separated glob patterns of JSON Lines article files (required)")
	output           = flag.String("output", "", "prefix of the output files (required)")
	shards           = flag.Int("shards", 16, "number of sentence files")
	deadLetterShards = flag.Int("deadletter_shards", 1, "number of dead-letter files")
)

func main() {
	flag.Parse()
	// On a worker, Init runs the SDK harness and never returns.
	beam.Init()

	c := Config{
		Inputs:           splitPatterns(*input),
		Output:           *output,
		Shards:           *shards,
		DeadLetterShards: *deadLetterShards,
	}
	if err := c.Validate(); err != nil {
		fmt.Fprintf(os.Stderr, "beam: %v\n", err)
		flag.Usage()
		os.Exit(2)
	}

	ctx := context.Background()
	p, s := beam.NewPipelineWithRoot()
	Build(s, c)
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "beam: pipeline failed: %v\n", err)
		os.Exit(1)
	}
	if res != nil {
		counts := Counters(res.Metrics())
		for _, name := range []string{MetricArticles, MetricSentences, MetricBad} {
			fmt.Printf("%s: %d\n", name, counts[name])
		}
	}
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

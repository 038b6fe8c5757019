package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/newsseg/newsseg/segment"
	"github.com/newsseg/newsseg/segment/htmlseg"
)

// TestMain runs the tests on Prism, in process, unless --runner says
// otherwise.
func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// corpus is a small archive: articles keyed by their raw JSON id, and the
// malformed lines, with a part of the error each must be reported with.
type corpus struct {
	articles map[string]string // raw JSON id → text
	pages    map[string]string // raw JSON id → HTML page
	bad      map[string]string // line → part of the error
	files    [][]string        // the lines of each input file
}

func makeCorpus(t *testing.T) corpus {
	t.Helper()
	geneva, err := os.ReadFile(filepath.Join("..", "..", "testdata", "geneva", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c := corpus{articles: map[string]string{}, pages: map[string]string{}, bad: map[string]string{}}
	texts := []string{
		string(geneva),
		"Breaking\n\nGENEVA — Russia must pull its troops back, Ms. Sherman said. " +
			"Putin is demanding concessions from the U.S. Sherman said the U.S. Navy would stay.",
		"Markets <b>fell</b> & rallied on Tuesday. Dr. Chen, of Acme Inc., said so.\r\nNo. 5 was next.",
		"",                  // an article with no sentences
		"   \n\t  ",         // nor this one
		"Only one sentence", // no final punctuation
		"Zürich — Die Schweiz ist klein. „Ja“, sagte er. Café au lait… then more.",
	}
	var lines []string
	for i, text := range texts {
		for j := range 4 {
			// String and number ids, spread over the shards.
			id := fmt.Sprintf("%q", fmt.Sprintf("article-%d-%d", i, j))
			if j%2 == 1 {
				id = fmt.Sprint(1000*i + j)
			}
			c.articles[id] = text
			rec, err := json.Marshal(map[string]any{"id": json.RawMessage(id), "text": text})
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, string(rec))
		}
	}
	pages := []string{
		`<nav><a href="/">Home</a></nav><article><h1>Storm closes ports</h1>` +
			`<p class="byline">By Dana Whitfield</p><p>&ldquo;Stay home,&rdquo; the <a href="/t/us">U.S.</a> Coast Guard said. Ports reopen Friday.</p>` +
			`<figure><figcaption>A closed terminal. (AP Photo/Evan Vucci)</figcaption></figure></article><footer>&copy; 2026 Wire</footer>`,
		"<html><body></body></html>", // a page with no text
	}
	for i, page := range pages {
		id := fmt.Sprintf("%q", fmt.Sprintf("page-%d", i))
		c.pages[id] = page
		rec, err := json.Marshal(map[string]any{"id": json.RawMessage(id), "html": page})
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(rec))
	}
	c.bad = map[string]string{
		`{"id": "both", "text": "x", "html": "<p>x</p>"}`: `both "text" and "html"`,
		`{"id": "broken", "text": "unterminated`:          "bad JSON",
		`{"id": "no-text"}`:                               `missing "text"`,
		`{"text": "An article without an id."}`:           `missing "id"`,
		`{"id": true, "text": "x"}`:                       `"id" must be a string or a number`,
		`{"id": "n", "text": 42}`:                         "bad JSON",
		`[1, 2, 3]`:                                       "bad JSON",
	}
	for line := range c.bad {
		lines = append(lines, line)
	}
	slices.Sort(lines)
	// Three input files: two matched by one glob, one named on its own
	// (and gzipped); a blank line, which is skipped, in the middle of one.
	third := len(lines) / 3
	c.files = [][]string{lines[:third], append(slices.Clone(lines[third:2*third]), "", "  "), lines[2*third:]}
	return c
}

// writeLines writes lines to the file name, gzipped if name ends in ".gz".
func writeLines(t *testing.T, name string, lines []string) {
	t.Helper()
	data := []byte(strings.Join(lines, "\n") + "\n")
	if strings.HasSuffix(name, ".gz") {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		if _, err := zw.Write(data); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		data = buf.Bytes()
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFileLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func TestPipelineOnPrism(t *testing.T) {
	c := makeCorpus(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	writeLines(t, filepath.Join(in, "part-a.jsonl"), c.files[0])
	writeLines(t, filepath.Join(in, "part-b.jsonl"), c.files[1])
	// Gzipped, and much larger decompressed than compressed: all of it
	// must be read.
	writeLines(t, filepath.Join(in, "other.jsonl.gz"), c.files[2])

	const shards = 5
	cfg := Config{
		Inputs:           []string{filepath.Join(in, "part-*.jsonl"), filepath.Join(in, "other.jsonl.gz")},
		Output:           filepath.Join(dir, "out", "sentences"),
		Shards:           shards,
		DeadLetterShards: 2,
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, cfg)
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatalf("pipeline failed: %v", err)
	}

	// Exactly the shard files, empty ones included, and no temporary files.
	var want []string
	for i := range shards {
		want = append(want, ShardName(cfg.Output, i, shards))
	}
	for i := range cfg.DeadLetterShards {
		want = append(want, ShardName(DeadLetterPrefix(cfg.Output), i, cfg.DeadLetterShards))
	}
	slices.Sort(want)
	got, err := filepath.Glob(filepath.Join(dir, "out", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("output files:\n got %q\nwant %q", got, want)
	}

	// Every article's sentences are in the shard its id hashes to, in
	// order, and equal what Segment returns.
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string][]Record{}
	kinds := map[string]bool{}
	for i := range shards {
		for _, line := range readFileLines(t, ShardName(cfg.Output, i, shards)) {
			var r Record
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("shard %d: %v: %s", i, err, line)
			}
			id := string(r.ID)
			_, text := c.articles[id]
			_, page := c.pages[id]
			if !text && !page {
				t.Fatalf("shard %d: unknown id %s", i, id)
			}
			if sh := shardOf(r.ID, shards); sh != i {
				t.Errorf("id %s in shard %d, want %d", id, i, sh)
			}
			byID[id] = append(byID[id], r)
			kinds[r.Kind] = true
		}
	}
	wantSentences := 0
	for id, text := range c.articles {
		wantSents := seg.Segment(text)
		wantSentences += len(wantSents)
		recs := byID[id]
		if len(recs) != len(wantSents) {
			t.Errorf("id %s: %d sentences, want %d", id, len(recs), len(wantSents))
			continue
		}
		for n, w := range wantSents {
			r := recs[n]
			if r.N != n || r.Start != w.Start || r.End != w.End || r.Text != w.Text || r.Kind != w.Kind.String() {
				t.Errorf("id %s sentence %d: got n=%d [%d:%d] %s %q, want [%d:%d] %s %q",
					id, n, r.N, r.Start, r.End, r.Kind, r.Text, w.Start, w.End, w.Kind, w.Text)
			}
			if text[r.Start:r.End] != r.Text {
				t.Errorf("id %s sentence %d: text is not input[start:end]", id, n)
			}
		}
	}
	// A page's sentences are what htmlseg gives it, with offsets into the
	// page.
	pageSeg, err := htmlseg.New()
	if err != nil {
		t.Fatal(err)
	}
	for id, page := range c.pages {
		wantSents := pageSeg.Segment(page)
		wantSentences += len(wantSents)
		recs := byID[id]
		if len(recs) != len(wantSents) {
			t.Errorf("page %s: %d sentences, want %d", id, len(recs), len(wantSents))
			continue
		}
		for n, w := range wantSents {
			if r := recs[n]; r.N != n || r.Start != w.Start || r.End != w.End || r.Text != w.Text || r.Kind != w.Kind.String() {
				t.Errorf("page %s sentence %d: got n=%d [%d:%d] %s %q, want [%d:%d] %s %q",
					id, n, r.N, r.Start, r.End, r.Kind, r.Text, w.Start, w.End, w.Kind, w.Text)
			}
		}
	}
	if wantSentences == 0 {
		t.Fatal("corpus has no sentences")
	}
	if len(kinds) < 2 {
		t.Errorf("kinds in the output: %v, want more than one", kinds)
	}

	// Every malformed line, and nothing else, is a dead letter with its
	// reason.
	var dead []DeadLetter
	for i := range cfg.DeadLetterShards {
		for _, line := range readFileLines(t, ShardName(DeadLetterPrefix(cfg.Output), i, cfg.DeadLetterShards)) {
			var d DeadLetter
			if err := json.Unmarshal([]byte(line), &d); err != nil {
				t.Fatalf("dead letter: %v: %s", err, line)
			}
			dead = append(dead, d)
		}
	}
	if len(dead) != len(c.bad) {
		t.Errorf("%d dead letters, want %d: %+v", len(dead), len(c.bad), dead)
	}
	for _, d := range dead {
		reason, ok := c.bad[d.Line]
		if !ok {
			t.Errorf("unexpected dead letter %+v", d)
		} else if !strings.Contains(d.Error, reason) {
			t.Errorf("dead letter for %s: error %q, want it to contain %q", d.Line, d.Error, reason)
		}
	}

	// The metrics, as Prism reports them.
	counts := Counters(res.Metrics())
	wantCounts := map[string]int64{
		MetricArticles:  int64(len(c.articles) + len(c.pages)),
		MetricSentences: int64(wantSentences),
		MetricBad:       int64(len(c.bad)),
	}
	for name, w := range wantCounts {
		if counts[name] != w {
			t.Errorf("metric %s = %d, want %d (all: %v)", name, counts[name], w, counts)
		}
	}
}

func TestParseArticle(t *testing.T) {
	tests := []struct {
		line, id, text, err string
	}{
		{line: `{"id": "a", "text": "Hi."}`, id: `"a"`, text: "Hi."},
		{line: `{"id": 17, "text": ""}`, id: `17`},
		{line: `{"id": -3.5e2, "text": "x", "extra": [1]}`, id: `-3.5e2`, text: "x"},
		{line: `{"text": "x"}`, err: `missing "id"`},
		{line: `{"id": null, "text": "x"}`, err: `missing "id"`},
		{line: `{"id": {"a": 1}, "text": "x"}`, err: `"id" must be a string or a number`},
		{line: `{"id": "a"}`, err: `missing "text" (or "html")`},
		{line: `{"id": "a", "html": "<p>Hi.</p>", "text": "Hi."}`, err: `both "text" and "html"`},
		{line: `{"id": "a", "html": 5}`, err: "bad JSON"},
		{line: `{"id": "a", "text": null}`, err: `missing "text"`},
		{line: `{"id": "a", "text": ["x"]}`, err: "bad JSON"},
		{line: `"just a string"`, err: "bad JSON"},
		{line: `{"id": "a", "text": "x"} trailing`, err: "bad JSON"},
	}
	for _, tt := range tests {
		a, err := ParseArticle(tt.line)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseArticle(%s) error = %v, want %q", tt.line, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseArticle(%s): %v", tt.line, err)
			continue
		}
		if string(a.ID) != tt.id || *a.Text != tt.text {
			t.Errorf("ParseArticle(%s) = %s, %q; want %s, %q", tt.line, a.ID, *a.Text, tt.id, tt.text)
		}
	}
	a, err := ParseArticle(`{"id": "p", "html": "<p>Hi.</p>"}`)
	if err != nil || a.Text != nil || a.HTML == nil || *a.HTML != "<p>Hi.</p>" {
		t.Errorf("ParseArticle of an html article = %+v, %v", a, err)
	}
}

// TestSegmentHTML checks that an article given as "html" is segmented
// through htmlseg: offsets into the page, the text a reader sees, kinds
// from the markup.
func TestSegmentHTML(t *testing.T) {
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	pages, err := htmlseg.New()
	if err != nil {
		t.Fatal(err)
	}
	page := `<nav><a href="/">Home</a></nav><article><h1>Storm closes ports</h1><p>&ldquo;Stay home,&rdquo; officials said. Ports reopen Friday.</p></article>`
	got := Segment(seg, pages, Article{ID: json.RawMessage(`"p"`), HTML: &page})
	want := []Record{
		{N: 0, Start: 17, End: 21, Text: "Home", Kind: "boilerplate"},
		{N: 1, Start: 44, End: 62, Text: "Storm closes ports", Kind: "headline"},
		{N: 2, Start: 70, End: 110, Text: "“Stay home,” officials said.", Kind: "body"},
		{N: 3, Start: 111, End: 131, Text: "Ports reopen Friday.", Kind: "body"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		w.ID = json.RawMessage(`"p"`)
		g := got[i]
		if string(g.ID) != string(w.ID) || g.N != w.N || g.Start != w.Start || g.End != w.End || g.Text != w.Text || g.Kind != w.Kind {
			t.Errorf("record %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	good := Config{Inputs: []string{"a*.jsonl"}, Output: "out", Shards: 1, DeadLetterShards: 1}
	if err := good.Validate(); err != nil {
		t.Fatalf("valid config: %v", err)
	}
	for _, bad := range []func(*Config){
		func(c *Config) { c.Inputs = nil },
		func(c *Config) { c.Inputs = []string{" "} },
		func(c *Config) { c.Output = "" },
		func(c *Config) { c.Shards = 0 },
		func(c *Config) { c.DeadLetterShards = -1 },
	} {
		c := good
		bad(&c)
		if err := c.Validate(); err == nil {
			t.Errorf("Validate(%+v) = nil, want an error", c)
		}
	}
	if got := splitPatterns(" a.jsonl, ,gs://b/*.jsonl,"); !slices.Equal(got, []string{"a.jsonl", "gs://b/*.jsonl"}) {
		t.Errorf("splitPatterns = %q", got)
	}
	if got := ShardName("o/s", 3, 16); got != "o/s-00003-of-00016.jsonl" {
		t.Errorf("ShardName = %q", got)
	}
}

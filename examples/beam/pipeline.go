package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"path"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/newsseg/newsseg/segment"
	"github.com/newsseg/newsseg/segment/htmlseg"
)

// Metric names, all in the namespace MetricNamespace.
const (
	MetricNamespace = "newsseg"
	MetricArticles  = "articles"    // articles segmented
	MetricSentences = "sentences"   // sentences written
	MetricBad       = "bad_records" // lines sent to the dead-letter output
)

var (
	articlesCounter  = beam.NewCounter(MetricNamespace, MetricArticles)
	sentencesCounter = beam.NewCounter(MetricNamespace, MetricSentences)
	badCounter       = beam.NewCounter(MetricNamespace, MetricBad)
)

func init() {
	// The portable runners (Prism, Dataflow, Flink, Spark) find DoFns and
	// the types they use through these registrations; they also let the
	// SDK call them without reflection.
	register.DoFn4x0[context.Context, string, func(int, string), func(int, string)](&segmentFn{})
	register.DoFn2x0[[]byte, func(int, string)](&shardMarkersFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.DoFn3x0[fileio.FileMetadata, func(string), func(fileio.FileMetadata)](&routeFileFn{})
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(string), error](&readWholeFileFn{})
	register.Emitter1[string]()
	register.Emitter1[fileio.FileMetadata]()
	register.Emitter2[int, string]()
	register.Iter1[string]()
}

// Config is what Build needs to lay out the pipeline.
type Config struct {
	// Inputs are the glob patterns of the JSON Lines files to read (local
	// paths, or gs:// and other schemes whose Beam filesystem is linked
	// in). Files ending in .gz are read as gzip.
	Inputs []string
	// Output is the prefix of the output files: shard i of n is written to
	// Output + "-0000i-of-0000n.jsonl", and the dead letters to
	// Output + "-deadletter-0000i-of-0000m.jsonl".
	Output string
	// Shards is the number of sentence files, n above (at least 1).
	Shards int
	// DeadLetterShards is the number of dead-letter files, m above (at
	// least 1).
	DeadLetterShards int
}

// Validate reports the first setting of c that Build cannot use.
func (c Config) Validate() error {
	switch {
	case len(c.Inputs) == 0:
		return errors.New("no input: set --input to one or more glob patterns")
	case c.Output == "":
		return errors.New("no output: set --output to a path prefix")
	case c.Shards < 1:
		return fmt.Errorf("--shards must be at least 1, not %d", c.Shards)
	case c.DeadLetterShards < 1:
		return fmt.Errorf("--deadletter_shards must be at least 1, not %d", c.DeadLetterShards)
	}
	for _, in := range c.Inputs {
		if strings.TrimSpace(in) == "" {
			return errors.New("empty input pattern")
		}
	}
	return nil
}

// CheckInputs lists the files each pattern matches, with the Beam filesystem
// of its scheme (local paths, gs:// and any other linked in), and returns an
// error naming the first pattern that matches no file or cannot be listed.
// The job itself checks the same when it runs, on the workers; this check
// runs where the job is started, so the error comes before submission.
func CheckInputs(ctx context.Context, patterns []string) error {
	for _, p := range patterns {
		if err := checkInput(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

func checkInput(ctx context.Context, pattern string) error {
	fs, err := filesystem.New(ctx, pattern)
	if err != nil {
		return fmt.Errorf("--input %q: %w", pattern, err)
	}
	defer fs.Close()
	files, err := fs.List(ctx, pattern)
	if err != nil {
		return fmt.Errorf("--input %q: listing files: %w", pattern, err)
	}
	if len(files) == 0 {
		return fmt.Errorf("--input %q matches no file", pattern)
	}
	return nil
}

// ShardName is the name of shard i of n of the files with the given prefix.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// DeadLetterPrefix is the prefix of the dead-letter files for the output
// prefix output.
func DeadLetterPrefix(output string) string {
	return output + "-deadletter"
}

// Build adds the whole job to scope s: read the articles, segment them,
// write the sentences and the dead letters in shards. It panics, as Beam's
// own transforms do, when c is not valid; call c.Validate first.
func Build(s beam.Scope, c Config) {
	if err := c.Validate(); err != nil {
		panic(err)
	}
	for _, in := range c.Inputs {
		filesystem.ValidateScheme(in)
	}
	lines := readLines(s.Scope("ReadArticles"), c.Inputs)
	sentences, dead := beam.ParDo2(s, &segmentFn{Shards: c.Shards, DeadLetterShards: c.DeadLetterShards}, lines)
	writeShards(s.Scope("WriteSentences"), c.Output, c.Shards, sentences)
	writeShards(s.Scope("WriteDeadLetters"), DeadLetterPrefix(c.Output), c.DeadLetterShards, dead)
}

// readLines returns the lines of the files matching globs, a
// PCollection<string>. A pattern that matches no file fails the job.
//
// Plain files go to textio.ReadAll, whose splittable reader lets a runner
// split one large file into byte ranges on many workers. Compressed (.gz)
// files are read whole, line by line, by readWholeFileFn: textio in Beam Go
// v2.77.0 bounds its ranges by the compressed size while counting
// decompressed bytes, and so silently drops the end of a .gz file.
func readLines(s beam.Scope, globs []string) beam.PCollection {
	matches := fileio.MatchAll(s, beam.Create(s, toAny(globs)...), fileio.MatchEmptyDisallow())
	plain, whole := beam.ParDo2(s, &routeFileFn{}, matches)
	plainLines := textio.ReadAll(s, plain)
	wholeLines := beam.ParDo(s, &readWholeFileFn{}, fileio.ReadMatches(s, whole, fileio.ReadAutoCompression()))
	return beam.Flatten(s, plainLines, wholeLines)
}

// routeFileFn sends each matched file to the reader that reads it right.
type routeFileFn struct{}

// ProcessElement emits the path of a plain file to plain, for textio to
// read in splittable ranges, and a compressed file to whole. So does a path
// with glob metacharacters in it, which textio would take for a pattern.
func (fn *routeFileFn) ProcessElement(md fileio.FileMetadata, plain func(string), whole func(fileio.FileMetadata)) {
	if path.Ext(md.Path) == ".gz" || strings.ContainsAny(md.Path, `*?[\`) {
		whole(md)
		return
	}
	plain(md.Path)
}

// readWholeFileFn emits the lines of a file, decompressed, without their
// line ends.
type readWholeFileFn struct{}

// ProcessElement reads file from start to end.
func (fn *readWholeFileFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(string)) error {
	r, err := file.Open(ctx)
	if err != nil {
		return err
	}
	defer r.Close()
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			emit(strings.TrimSuffix(line, "\n"))
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading %s: %v", file.Metadata.Path, err)
		}
	}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// Article is one input line: {"id": ..., "text": ...} for plain text, or
// {"id": ..., "html": ...} for an HTML page, which is segmented through
// package segment/htmlseg. The id is a JSON string or number and is copied
// to the output as it is. Exactly one of Text and HTML is set.
type Article struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	HTML *string         `json:"html"`
}

// Record is one output line, one sentence of an article. Start and End are
// byte offsets into the article's text (after JSON decoding) and Text is
// text[Start:End]; N numbers the sentences of an article from 0. Kind is
// the sentence's segment.Kind by name: "body", "headline", "meta" or
// "boilerplate". For an article given as "html", Start and End are byte
// offsets into the page and Text is what a reader sees there, as
// htmlseg.Sentence defines them.
type Record struct {
	ID    json.RawMessage `json:"id"`
	N     int             `json:"n"`
	Start int             `json:"start"`
	End   int             `json:"end"`
	Text  string          `json:"text"`
	Kind  string          `json:"kind"`
}

// DeadLetter is one line of the dead-letter output: an input line that is
// not an article, and why.
type DeadLetter struct {
	Line  string `json:"line"`
	Error string `json:"error"`
}

// ParseArticle decodes one input line. A line that is not a JSON object
// with an "id" (string or number) and either a "text" or an "html" (string)
// is an error.
func ParseArticle(line string) (Article, error) {
	var a Article
	if err := json.Unmarshal([]byte(line), &a); err != nil {
		return a, fmt.Errorf("bad JSON: %v", err)
	}
	id := bytes.TrimSpace(a.ID)
	switch {
	case len(id) == 0 || string(id) == "null":
		return a, errors.New(`missing "id"`)
	case id[0] != '"' && id[0] != '-' && (id[0] < '0' || id[0] > '9'):
		return a, fmt.Errorf(`"id" must be a string or a number, not %s`, id)
	case a.Text == nil && a.HTML == nil:
		return a, errors.New(`missing "text" (or "html")`)
	case a.Text != nil && a.HTML != nil:
		return a, errors.New(`both "text" and "html": give one`)
	}
	a.ID = id
	return a, nil
}

// shardOf maps key to one of n shards.
func shardOf(key []byte, n int) int {
	h := fnv.New32a()
	h.Write(key)
	return int(h.Sum32() % uint32(n))
}

// segmentFn turns one input line into the JSON Lines of its sentences,
// keyed by the shard they go to, or into a dead letter. It holds one
// Segmenter, made in Setup and used for every element the instance
// processes.
type segmentFn struct {
	// Shards and DeadLetterShards are the shard counts of the two outputs.
	Shards, DeadLetterShards int

	seg   *segment.Segmenter
	pages *htmlseg.Segmenter
}

// Setup loads the segmenter once per DoFn instance (Beam reuses an instance
// for many bundles on a worker).
func (fn *segmentFn) Setup() error {
	seg, err := segment.New()
	if err != nil {
		return err
	}
	pages, err := htmlseg.New()
	if err != nil {
		return err
	}
	fn.seg, fn.pages = seg, pages
	return nil
}

// ProcessElement segments one article. All of an article's sentences go,
// in order, as one element (one block of lines) to the shard its id hashes
// to, so an article is never split across files. Blank lines are skipped;
// a line that is not an article goes to dead as a DeadLetter.
func (fn *segmentFn) ProcessElement(ctx context.Context, line string, emit, dead func(int, string)) {
	line = strings.TrimSuffix(line, "\r")
	if strings.TrimSpace(line) == "" {
		return
	}
	a, err := ParseArticle(line)
	if err != nil {
		badCounter.Inc(ctx, 1)
		dead(shardOf([]byte(line), fn.DeadLetterShards), encodeLines(DeadLetter{Line: line, Error: err.Error()}))
		return
	}
	articlesCounter.Inc(ctx, 1)
	recs := Segment(fn.seg, fn.pages, a)
	if len(recs) == 0 {
		return
	}
	lines := make([]any, len(recs))
	for i := range recs {
		lines[i] = recs[i]
	}
	sentencesCounter.Inc(ctx, int64(len(recs)))
	emit(shardOf(a.ID, fn.Shards), encodeLines(lines...))
}

// Segment returns the records of article a: its text segmented by seg, or
// its HTML page by pages.
func Segment(seg *segment.Segmenter, pages *htmlseg.Segmenter, a Article) []Record {
	var recs []Record
	if a.HTML != nil {
		for i, sent := range pages.Segment(*a.HTML) {
			recs = append(recs, Record{ID: a.ID, N: i, Start: sent.Start, End: sent.End, Text: sent.Text, Kind: sent.Kind.String()})
		}
		return recs
	}
	for i, sent := range seg.Segment(*a.Text) {
		recs = append(recs, Record{ID: a.ID, N: i, Start: sent.Start, End: sent.End, Text: sent.Text, Kind: sent.Kind.String()})
	}
	return recs
}

// encodeLines returns vs as JSON Lines, each line ending in "\n", with <, >
// and & left as they are.
func encodeLines(vs ...any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, v := range vs {
		if err := enc.Encode(v); err != nil {
			// Only strings, ints and validated JSON go in: cannot fail.
			panic(err)
		}
	}
	return buf.String()
}

// writeShards writes col, a PCollection<KV<int, string>> of shard number and
// a block of lines, to the files ShardName(prefix, i, shards). Every shard
// file is written, empty or not: one empty marker per shard joins the data
// before the GroupByKey.
//
// The GroupByKey is the pipeline's only shuffle: it brings every block of a
// shard to the one worker that writes that shard's file, so up to shards
// workers write at once.
func writeShards(s beam.Scope, prefix string, shards int, col beam.PCollection) {
	markers := beam.ParDo(s, &shardMarkersFn{Shards: shards}, beam.Impulse(s))
	grouped := beam.GroupByKey(s, beam.Flatten(s, markers, col))
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Shards: shards}, grouped)
}

// shardMarkersFn emits an empty block for each shard, so that a shard with
// no data still gets its (empty) file.
type shardMarkersFn struct {
	// Shards is the number of shards.
	Shards int
}

// ProcessElement emits (i, "") for every shard i.
func (fn *shardMarkersFn) ProcessElement(_ []byte, emit func(int, string)) {
	for i := 0; i < fn.Shards; i++ {
		emit(i, "")
	}
}

// writeShardFn writes all the blocks of one shard to that shard's file,
// through Beam's filesystem package, so the prefix may be a local path or
// a gs:// (or other registered) URL. It writes a temporary file next to
// the final one and renames it, so a retried or duplicated attempt never
// leaves a half-written shard under the final name.
type writeShardFn struct {
	// Prefix and Shards give the file names, see ShardName.
	Prefix string
	Shards int
}

// ProcessElement writes shard i.
func (fn *writeShardFn) ProcessElement(ctx context.Context, i int, blocks func(*string) bool) (err error) {
	name := ShardName(fn.Prefix, i, fn.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()

	var suffix [8]byte
	rand.Read(suffix[:])
	tmp := name + ".tmp-" + hex.EncodeToString(suffix[:])
	w, err := fs.OpenWrite(ctx, tmp)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	var block string
	for blocks(&block) {
		buf.WriteString(block)
		if buf.Len() >= 1<<20 {
			if _, err := w.Write(buf.Bytes()); err != nil {
				w.Close()
				return err
			}
			buf.Reset()
		}
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return filesystem.Rename(ctx, fs, tmp, name)
}

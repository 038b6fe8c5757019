// Command newsseg splits English news text into sentences.
//
// Usage:
//
//	newsseg [-format FORMAT] [-json] [-offsets UNIT] [-kinds LIST] [-merge] [-explain] [-progress] [FILE...]
//	newsseg -version
//
// newsseg reads each FILE in turn, or standard input when no FILE is given or
// FILE is "-", and writes one sentence per line, with every run of white
// space inside a sentence (newlines included) collapsed to a single space.
//
// An input is plain text or an HTML page. With -format auto, the default, a
// FILE whose name ends in .html or .htm is HTML, and so is an input whose
// first bytes, after white space and a byte order mark, are a tag ("<p",
// "<!DOCTYPE html", "<!--"); anything else is text. -format text and
// -format html say which for every input. An HTML page is read through
// package segment/htmlseg: each sentence is the text a reader sees (tags
// removed, character references decoded, white space collapsed), and its
// kind comes from the markup where the page has one (<h1>, <nav>,
// <figcaption>, <time>, <footer>, ...). -merge and -explain read text
// only: with them, -format auto means text and -format html is an error.
//
// With -json it writes JSON Lines instead, one object per sentence:
//
//	{"text":"...","start":0,"end":42,"kind":"body"}
//
// where start and end are byte offsets into that input, text is exactly
// input[start:end], its white space kept as it was, and kind is the part of
// the page the sentence belongs to: "body", "headline", "meta" (datelines,
// bylines, photo captions and credits) or "boilerplate" (labels and page
// furniture). When more than one FILE is given, each object starts with a
// "file" field naming its input ("-" for standard input). For an HTML page,
// start and end are offsets into the HTML file: input[start:end] runs from
// the sentence's first visible character (the "&" of a character reference
// such as "&ldquo;") to just past its last, tags included, and text is what
// a reader sees there.
//
// With -offsets rune or -offsets utf16, start and end count code points or
// UTF-16 code units instead of bytes, so that they index the decoded text in
// Python or in JavaScript; an invalid UTF-8 byte counts as one, the U+FFFD
// it becomes in the JSON.
//
// With -kinds, a comma-separated list of kinds such as body,headline, it
// writes only the sentences of those kinds; the default is all of them.
//
// newsseg reads its input as a stream: memory stays flat however large the
// input (see segment.WindowSize). On Linux, a regular file of 256 KiB or
// more, named or redirected to standard input, is mapped into memory
// rather than read, unless it is HTML or -merge, -explain or -offsets
// other than byte is given: the segmenter works on the file's pages where
// the kernel holds them, without copying them, and hands them back as it
// goes. A file cut short while newsseg maps it is an error of that input.
// With -progress, or by default when standard error is a terminal, it
// reports the bytes read and the speed on standard error.
//
// With -merge each non-empty input line is a fragment of text that arrived
// already split, and newsseg prints the sentences reassembled from those
// fragments. With -merge -json the objects have only "text" (and "file"):
// a merged sentence is not a slice of the input, so it has no offsets, and
// it has no kind either: -kinds cannot be used with -merge.
//
// With -explain each sentence is followed, after a tab, by the ID of the
// rule that ended it in brackets, and by each candidate boundary inside it
// with the rule that kept the sentence going there:
//
//	Ms. Sherman said the talks were useful.	[punkt]	[abbrev-title] at "Ms."
//
// With -explain -json the objects add "rule", "kept" (a list of {"at":
// offset, "rule": id}, at being the byte offset where the sentence would
// have ended) and "cue" (the kinds cue that gave the kind). The rule IDs
// are listed in the documentation of package segment. -explain reads its
// whole input before it writes, and cannot be used with -merge.
//
// -version prints the module version newsseg was built from, as recorded in
// its build information: "v1.2.3" when installed with go install
// ...@version, "(devel)" when built from a checkout.
//
// The exit status is 0 on success, 1 when an input could not be read (the
// other inputs are still processed and the error names the file) or the
// output could not be written, and 2 on a usage error.
//
// Run from the repository root:
//
//	go run ./examples/newsseg testdata/geneva/article.txt
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"unicode"

	"github.com/newsseg/newsseg/segment"
	"github.com/newsseg/newsseg/segment/htmlseg"
)

const usageText = `usage: newsseg [-format FORMAT] [-json] [-offsets UNIT] [-kinds LIST] [-merge] [-explain] [-progress] [FILE...]
       newsseg -version

Split English news text, or HTML news pages, into sentences. Reads each FILE
in turn, or standard input when no FILE is given or FILE is "-".

Flags:
  -format FORMAT
           how to read each input: text, html or auto (the default). auto
           reads a FILE named *.html or *.htm, or an input whose first bytes
           are a tag ("<p", "<!DOCTYPE html", "<!--"), as HTML, anything
           else as text. From an HTML page newsseg writes the text a reader
           sees (no tags, character references decoded), with kinds taken
           from the markup (<h1>, <nav>, <figcaption>, <footer>, ...).
           -merge and -explain read text only: with them auto means text.
  -progress
           report the bytes read and the speed (MB/s) on standard error,
           on one line redrawn in place. This is the default when standard
           error is a terminal; when it is not (a pipe, a file), nothing is
           reported unless -progress is given.
  -json    write JSON Lines, one object per sentence:
             {"text":"...","start":0,"end":42,"kind":"body"}
           start and end are byte offsets into that input and text is
           exactly input[start:end], white space and newlines kept as they
           are. Invalid UTF-8 in text is written as U+FFFD (the offsets
           still count the input's bytes). kind is the part of the page
           the sentence belongs to (see -kinds). When more than one FILE is
           given, each object starts with "file" naming its input ("-" for
           standard input). For an HTML page, start and end index the HTML
           file: input[start:end] runs from the sentence's first visible
           character ("&" of "&ldquo;") to its last, tags included, and
           text is what a reader sees there.
  -offsets UNIT
           count start and end in UNIT (with -json): byte (the default),
           rune (code points, as Python indexes a str) or utf16 (UTF-16
           code units, as JavaScript indexes a string). An invalid UTF-8
           byte counts as one, the U+FFFD it becomes in the JSON.
  -kinds LIST
           write only the sentences of the kinds in LIST, separated by
           commas (default: all). The kinds are
             body         the article's running text
             headline     a headline, deck or section heading
             meta         dateline, timestamp, read time, byline, photo
                          caption and credit, the author's biography
             boilerplate  labels and page furniture: "Breaking",
                          navigation, "Advertisement", "Share this",
                          newsletter prompts, related stories, copyright
           For the article with its headline: -kinds body,headline.
  -merge   treat each non-empty input line as a fragment of text that was
           already split and print the reassembled sentences. With -json
           the objects have only "text" (and "file"): a merged sentence is
           not a slice of the input, so it has no offsets and no kind.
           Cannot be combined with -kinds.
  -explain after each sentence, write the ID of the rule that ended it
           and, for each candidate boundary inside it, the rule that kept
           it going:
             Ms. Sherman said so.<TAB>[punkt]<TAB>[abbrev-title] at "Ms."
           With -json, add "rule", "kept":[{"at":OFFSET,"rule":ID}] and
           "cue" (the kinds cue). Reads the whole input first. Cannot be
           combined with -merge.
  -version print the module version newsseg was built from and exit.
  -h       print this help and exit.

Input:
  Text and HTML are read as a stream, so memory stays flat however large
  the input; a paragraph longer than 1 MiB is cut at white space, and an
  HTML token (a tag, a comment, a script) longer than 32 MiB is an error.
  On Linux a text file of 256 KiB or more is mapped into memory instead,
  its pages handed back as the scan goes (not with -merge, -explain or
  -offsets rune|utf16). -merge and -explain read their whole input before
  they write.

Output:
  Without -json, one sentence per line, every run of white space inside a
  sentence (newlines included) collapsed to a single space; other bytes,
  invalid UTF-8 included, are written as they are.

Exit status:
  0  success
  1  an input could not be read (the others are still processed and the
     error names the file), or the output could not be written
  2  usage error
`

// streamGCPercent is the garbage collector's target while the command
// streams (see run).
const streamGCPercent = 400

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the settings from the command line.
type options struct {
	json     bool // write JSON Lines
	merge    bool // input lines are fragments to reassemble
	explain  bool // say which rule ended each sentence
	withFile bool // add "file" to JSON objects
	kinds    kindSet
	unit     segment.Unit // unit of -json offsets
	format   format       // how to read each input
	progress *progress    // nil unless progress is shown
}

// format is how an input is read, from -format.
type format int

const (
	formatAuto format = iota // HTML by name or first bytes, else text
	formatText
	formatHTML
)

// parseFormat reads a -format value.
func parseFormat(s string) (format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "auto":
		return formatAuto, nil
	case "text":
		return formatText, nil
	case "html":
		return formatHTML, nil
	}
	return 0, fmt.Errorf("unknown format %q (want text, html or auto)", s)
}

// kindSet is the set of kinds to write, from -kinds; the zero value, which
// the flag never yields, would write nothing.
type kindSet [4]bool

// parseKinds reads a -kinds list such as "body,headline".
func parseKinds(list string) (kindSet, error) {
	var set kindSet
	for name := range strings.SplitSeq(list, ",") {
		if strings.TrimSpace(name) == "" {
			return set, fmt.Errorf("empty kind in %q", list)
		}
		k, err := segment.ParseKind(name)
		if err != nil || int(k) >= len(set) {
			return set, fmt.Errorf("unknown kind %q (want body, headline, meta or boilerplate)", strings.TrimSpace(name))
		}
		set[k] = true
	}
	return set, nil
}

func (s kindSet) has(k segment.Kind) bool { return int(k) < len(s) && s[k] }

// run is the whole command: it parses args, processes the inputs and returns
// the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("newsseg", flag.ContinueOnError)
	// The flag package's own messages and usage are replaced by one line
	// and a pointer to -h, below.
	flags.SetOutput(io.Discard)
	flags.Usage = func() {}
	var opts options
	flags.BoolVar(&opts.json, "json", false, "write JSON Lines")
	flags.BoolVar(&opts.merge, "merge", false, "reassemble fragments, one a line")
	flags.BoolVar(&opts.explain, "explain", false, "write the rule that ended each sentence")
	kinds := flags.String("kinds", "", "write only sentences of these kinds")
	showProgress := flags.Bool("progress", false, "report bytes read and MB/s on stderr")
	offsets := flags.String("offsets", "byte", "unit of -json offsets: byte, rune or utf16")
	showVersion := flags.Bool("version", false, "print the module version and exit")
	formatName := flags.String("format", "auto", "input format: text, html or auto")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usageText)
			return exitOK
		}
		return usageError(stderr, "%v", err)
	}
	if *showVersion {
		info, ok := debug.ReadBuildInfo()
		fmt.Fprintf(stdout, "newsseg %s\n", moduleVersion(info, ok))
		return exitOK
	}
	unit, err := segment.ParseUnit(*offsets)
	if err != nil {
		return usageError(stderr, "-offsets: unknown unit %q (want byte, rune or utf16)", *offsets)
	}
	opts.unit = unit
	if unit != segment.Bytes && (!opts.json || opts.merge) {
		return usageError(stderr, "-offsets applies to the offsets of -json, which -merge does not write")
	}
	opts.kinds = kindSet{true, true, true, true}
	kindsGiven := false
	flags.Visit(func(f *flag.Flag) { kindsGiven = kindsGiven || f.Name == "kinds" })
	if kindsGiven {
		var err error
		if opts.kinds, err = parseKinds(*kinds); err != nil {
			return usageError(stderr, "-kinds: %v", err)
		}
		if opts.merge {
			return usageError(stderr, "-kinds cannot be used with -merge: merged sentences have no kind")
		}
	}
	if opts.explain && opts.merge {
		return usageError(stderr, "-explain cannot be used with -merge")
	}
	if opts.format, err = parseFormat(*formatName); err != nil {
		return usageError(stderr, "-format: %v", err)
	}
	if opts.format == formatHTML && (opts.merge || opts.explain) {
		return usageError(stderr, "-format html cannot be used with -merge or -explain, which read text")
	}
	names := flags.Args()
	if len(names) == 0 {
		names = []string{"-"}
	}
	opts.withFile = len(names) > 1

	seg, err := segment.New()
	if err != nil {
		fmt.Fprintf(stderr, "newsseg: %v\n", err)
		return exitError
	}
	var pages *htmlseg.Segmenter
	if opts.format != formatText && !opts.merge && !opts.explain {
		if pages, err = htmlseg.New(); err != nil {
			fmt.Fprintf(stderr, "newsseg: %v\n", err)
			return exitError
		}
	}
	if !opts.merge && !opts.explain {
		// A stream keeps little alive, the model and a window of text,
		// while every sentence it reads soon becomes garbage: at the
		// default GOGC the collector would run every few megabytes of
		// input and cost a tenth of the run. Five times the live heap,
		// still a few tens of megabytes, lets it run a fifth as often.
		// -merge and -explain hold their whole input, and keep the default.
		defer debug.SetGCPercent(debug.SetGCPercent(streamGCPercent))
	}

	if *showProgress || isTerminal(stderr) {
		opts.progress = newProgress(stderr)
	}
	out := newOutput(bufio.NewWriterSize(stdout, outputSize))
	status := exitOK
	for _, name := range names {
		if err := processFile(segmenters{seg, pages}, name, stdin, out, opts); err != nil {
			fmt.Fprintf(stderr, "newsseg: %s: %v\n", name, describe(err))
			status = exitError
		}
		if out.err != nil {
			break
		}
	}
	if out.err == nil {
		out.err = out.w.Flush()
	}
	opts.progress.done()
	if out.err != nil {
		fmt.Fprintf(stderr, "newsseg: writing output: %v\n", describe(out.err))
		return exitError
	}
	return status
}

// usageError prints a usage error on one line, and where to find the usage,
// to stderr and returns the usage exit status.
func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "newsseg: "+format+"\n", args...)
	fmt.Fprintln(stderr, "Run 'newsseg -h' for usage.")
	return exitUsage
}

// moduleVersion returns the version of the main module in info: the
// version go install recorded ("v1.2.3", or a pseudo-version), or "(devel)"
// for a build from a checkout.
func moduleVersion(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "unknown (no build information)"
	}
	if info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}

// describe returns the reason of err without the operation and path that an
// *fs.PathError repeats, since the message names the file already.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var errIsDir = errors.New("is a directory")

// segmenters are the segmenters of text and, unless every input is read as
// text, of HTML pages.
type segmenters struct {
	text  *segment.Segmenter
	pages *htmlseg.Segmenter // nil when no input is HTML
}

// processFile opens the input called name ("-" is stdin) and processes it.
// The error it returns is a read error; write errors are kept in out.
func processFile(segs segmenters, name string, stdin io.Reader, out *output, opts options) error {
	if name == "-" {
		if f, ok := stdin.(*os.File); ok {
			// Standard input redirected from a file is mapped as a named
			// file is, from where it stands, and left at its end.
			if off, err := f.Seek(0, io.SeekCurrent); err == nil {
				if m := mapInput(f, name, off, segs, opts); m != nil {
					defer seekEnd(f)
					defer m.unmap()
					return processMapped(segs.text, name, m, out, opts)
				}
			}
		}
		return process(segs, name, stdin, out, opts)
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.IsDir() {
		return errIsDir
	}
	if m := mapInput(f, name, 0, segs, opts); m != nil {
		defer m.unmap()
		return processMapped(segs.text, name, m, out, opts)
	}
	return process(segs, name, f, out, opts)
}

// utf8BOM is the byte order mark some editors put at the start of a file.
const utf8BOM = "\uFEFF"

// process segments (or, with opts.merge, reassembles) the text read from r,
// the input called name, and writes the result to out. Segmenting streams:
// it holds only the sentence being decided and its paragraph, whatever the
// size of the input. -merge reads the whole input first. The error it
// returns is a read error.
func process(segs segmenters, name string, r io.Reader, out *output, opts options) error {
	seg := segs.text
	br := bufio.NewReaderSize(opts.progress.reader(r), 64<<10)
	// A leading byte order mark is not text: skip it, keeping the offsets
	// relative to the start of the input.
	base := bomLen(peek(br, len(utf8BOM)))
	br.Discard(base)
	if readsAsHTML(segs, name, opts, func() string { return peek(br, sniffSize) }) {
		return processHTML(segs.pages, name, br, base, out, opts)
	}
	if opts.merge {
		data, err := io.ReadAll(br)
		if err != nil {
			return err
		}
		for _, s := range seg.Merge(fragments(string(data))) {
			if opts.json {
				out.json(fragmentRecord{File: fileField(name, opts), Text: s})
			} else {
				out.line(s)
			}
		}
		return nil
	}
	if opts.explain {
		data, err := io.ReadAll(br)
		if err != nil {
			return err
		}
		explain(seg, name, string(data), base, out, opts)
		return nil
	}
	w := newSentenceWriter(out, name, base, nil, opts)
	defer w.close()
	return scanText(seg, w.convert(br), w)
}

// scanText segments the text read from in as a stream and hands its
// sentences to w.
func scanText(seg *segment.Segmenter, in io.Reader, w *sentenceWriter) error {
	sc := seg.NewScanner(in)
	for sc.Scan() && w.ok() {
		s := sc.Sentence()
		w.write(s.Text, s.Start, s.End, s.Kind)
	}
	return sc.Err()
}

// sentenceWriter writes the sentences of one streamed input, text or HTML,
// with their offsets in the unit of -offsets and only the kinds of -kinds.
//
// The writing runs on a goroutine of its own, so that on a machine with a
// second core, formatting the sentences and the write system calls take
// nothing from the scan, the slower of the two: the scanning goroutine
// hands over batches of sentences, and one goroutine writes them in
// order. A few batches go round, so memory stays flat. The strings of the
// sentences are immutable, as every Go string is, so a batch holds them,
// not copies. Until close, out belongs to the writing goroutine; a write
// error, kept in out.err as before, makes ok report false so that the
// scan stops.
type sentenceWriter struct {
	out   *output
	file  string // the "file" field of -json, or ""
	json  bool
	kinds kindSet
	unit  segment.Unit
	base  int              // bytes skipped before what the scanner reads
	conv  *offsetConverter // nil for byte offsets

	batch []queued      // the sentences not handed over yet
	from  int           // the scanner's offset where the input batch covers begins
	size  int           // how many sentences a batch holds at most
	span  int           // how much input a batch covers at most
	full  chan []queued // batches to write, in order
	free  chan []queued // batches written, to fill again
	done  chan struct{} // closed when the writing goroutine ends

	// For a mapped input: the progress to report as the scan goes, nil
	// for none, and how much of the input it was told of.
	progress *progress
	counted  int

	failed  atomic.Bool // out.err is set, or faulted: the scan can stop
	faulted atomic.Bool // the mapped input faulted under the writing goroutine
}

// queued is a sentence on its way to the writing goroutine, its offsets
// already in the unit of -offsets.
type queued struct {
	text       string
	start, end int
	kind       segment.Kind
}

const (
	// batchSize is how many sentences a batch of a mapped input holds:
	// enough that handing one over is rare, a few dozen times in 50 MB.
	// Handing over wakes the writing goroutine, which waits between
	// batches, and a wake-up costs the scanning goroutine tens of
	// microseconds on a virtual machine.
	batchSize = 8192
	// batchText is how many bytes of input a batch of a mapped input
	// covers at most, give or take its last sentence: text without
	// sentence ends comes in sentences a window long (segment.WindowSize),
	// and thousands of them would hold gigabytes of input.
	batchText = 2 << 20
	// readBatchSize and readBatchText are batchSize and batchText for an
	// input that is read, not mapped: the texts of a batch keep the
	// scanner's buffers they point into from the collector, and so do
	// those a batch still holds from the last time it was filled; and
	// sentences that -kinds keeps, few and far between, would each keep a
	// buffer of their own. Smaller batches keep memory flat.
	readBatchSize = 1024
	readBatchText = 256 << 10
	// batches is how many batches go round: one filling, one writing, and
	// one to spare so that neither goroutine waits on the other's
	// unevenness.
	batches = 3
)

// newSentenceWriter returns the writer for the input called name, whose
// scanner reads it after base bytes, mapped as m or, when m is nil, read.
// It starts the writing goroutine: call close when the scan is over.
func newSentenceWriter(out *output, name string, base int, m *mapping, opts options) *sentenceWriter {
	w := &sentenceWriter{
		out: out, file: fileField(name, opts), json: opts.json, kinds: opts.kinds, base: base,
		unit: opts.unit, size: readBatchSize, span: readBatchText,
		full: make(chan []queued, batches),
		free: make(chan []queued, batches),
		done: make(chan struct{}),
	}
	if m != nil {
		// A read input is counted as it is read (progress.reader).
		w.progress, w.size, w.span = opts.progress, batchSize, batchText
	}
	for range batches - 1 {
		w.free <- nil // grown by append to w.size, then reused
	}
	go w.writeBatches(w.out, w.file, w.json, m)
	return w
}

// convert returns the reader the scanner must read r through: r itself,
// or, for offsets in another unit than bytes, a converter that counts what
// the scanner reads.
func (w *sentenceWriter) convert(r io.Reader) io.Reader {
	if w.unit == segment.Bytes {
		return r
	}
	w.conv = newOffsetConverter(r, w.unit, w.base)
	return w.conv
}

// write queues the next sentence: its text, its byte span [from, to) in
// what the scanner read, and its kind. The offsets are converted here, in
// the scanning goroutine, since the converter follows what it reads.
func (w *sentenceWriter) write(text string, from, to int, kind segment.Kind) {
	start, end := w.base+from, w.base+to
	if w.conv != nil {
		// Every sentence goes through the converter, written or not: it
		// counts the input in order.
		start, end = w.conv.span(from, to)
	}
	if w.kinds.has(kind) {
		w.batch = append(w.batch, queued{text: text, start: start, end: end, kind: kind})
	}
	if len(w.batch) == w.size || to-w.from >= w.span {
		w.handOver(to)
	}
}

// handOver hands the batch, which covers the input the scanner read from
// w.from to to, to the writing goroutine and takes a free one. A batch
// goes even when -kinds left it empty, so that progress is reported at the
// same pace whatever is written.
func (w *sentenceWriter) handOver(to int) {
	w.full <- w.batch
	w.batch = (<-w.free)[:0]
	if w.progress != nil {
		w.progress.add(w.base + to - w.counted)
		w.counted = w.base + to
	}
	w.from = to
}

// ok reports whether writing has not failed, so that scanning on is of use.
func (w *sentenceWriter) ok() bool { return !w.failed.Load() }

// close hands over the last sentences and waits until the writing
// goroutine has written them and ended; out is the caller's again.
func (w *sentenceWriter) close() {
	if len(w.batch) > 0 {
		w.full <- w.batch
		w.batch = nil
	}
	close(w.full)
	<-w.done
}

// writeBatches is the writing goroutine: it writes the batches in the
// order they come until close. After a write error out writes nothing
// more, so the batches still coming are only passed back.
//
// A fault while it reads the text of a mapped input m (the file was cut
// short) stops it as a write error does, and is reported as w.faulted.
//
// It reads nothing of w per sentence: out, file and json are its
// arguments, so that the scanning goroutine, which writes w.batch at every
// sentence, never finds the cache line it writes pulled away by this one
// reading a field beside it. Nor does it clear a batch it has written: the
// scanning goroutine overwrites each entry as it fills the batch again,
// and the texts still held meanwhile, of a read input at most
// batches*readBatchSize of them (a mapped input's texts hold no memory of
// the heap), only keep a few of the scanner's buffers from the collector a
// little longer; clearing them here would make every line of the batch
// change cores twice.
func (w *sentenceWriter) writeBatches(out *output, file string, json bool, m *mapping) {
	defer close(w.done)
	write := func(batch []queued) error {
		for _, q := range batch {
			if json {
				out.sentence(sentenceRecord{File: file, Text: q.text, Start: q.start, End: q.end, Kind: q.kind})
			} else {
				out.line(q.text)
			}
		}
		return nil
	}
	for batch := range w.full {
		switch {
		case m == nil:
			write(batch)
		case !w.faulted.Load():
			if err := m.guardFaults(func() error { return write(batch) }); err != nil {
				w.faulted.Store(true)
				w.failed.Store(true)
			}
		}
		if out.err != nil {
			w.failed.Store(true)
		}
		w.free <- batch[:0]
	}
}

// htmlExts are the file name extensions -format auto reads as HTML.
var htmlExts = []string{".html", ".htm"}

// isHTMLName reports whether name is a file that -format auto reads as
// HTML by its name.
func isHTMLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range htmlExts {
		if ext == e {
			return true
		}
	}
	return false
}

// sniffSize is how much of an input sniffHTML may look at.
const sniffSize = 512

// readsAsHTML reports whether the input called name is read as an HTML
// page, given an HTML segmenter: with -format html, by its name, or by
// head, its first bytes after a byte order mark (sniffHTML), which it
// calls only when neither says so.
func readsAsHTML(segs segmenters, name string, opts options, head func() string) bool {
	return segs.pages != nil && (opts.format == formatHTML || isHTMLName(name) || sniffHTML(head()))
}

// peek returns the first n bytes in br, or all there are if fewer.
func peek(br *bufio.Reader, n int) string {
	head, _ := br.Peek(n)
	return string(head)
}

// sniffHTML reports whether head, the first bytes of an input, starts,
// after white space, with a tag, a comment or a doctype: "<" and then a
// letter, "!" or "/". Plain text almost never does; an HTML page almost
// always does.
func sniffHTML(head string) bool {
	head = strings.TrimLeft(head, " \t\r\n\f")
	if len(head) < 2 || head[0] != '<' {
		return false
	}
	c := head[1] | 0x20
	return 'a' <= c && c <= 'z' || head[1] == '!' || head[1] == '/'
}

// processHTML segments the HTML page read from br, the input called name
// after base bytes (a byte order mark), and writes its sentences to out.
// It streams as process does for text. The error it returns is a read
// error.
func processHTML(pages *htmlseg.Segmenter, name string, br *bufio.Reader, base int, out *output, opts options) error {
	w := newSentenceWriter(out, name, base, nil, opts)
	defer w.close()
	sc := pages.NewScanner(w.convert(br))
	for sc.Scan() && w.ok() {
		s := sc.Sentence()
		w.write(s.Text, s.Start, s.End, s.Kind)
	}
	return sc.Err()
}

// explain writes the sentences of text, the input called name whose first
// byte is at offset base, each with the rule that ended it and the rules
// that kept the candidates inside it.
func explain(seg *segment.Segmenter, name, text string, base int, out *output, opts options) {
	offset := textOffsets{text: text, base: base}
	if opts.unit != segment.Bytes {
		offset.count = segment.NewOffsetCounter(opts.unit)
		offset.count.WriteString(utf8BOM[:base])
	}
	for _, e := range seg.Explain(text) {
		if !opts.kinds.has(e.Kind) || out.err != nil {
			continue
		}
		if opts.json {
			// In increasing order, as offset needs: start, the kept
			// candidates inside the sentence, end.
			start := offset.at(e.Start)
			kept := make([]segment.Kept, len(e.Kept))
			for i, k := range e.Kept {
				kept[i] = segment.Kept{At: offset.at(k.At), Rule: k.Rule}
			}
			out.json(explainRecord{
				File:  fileField(name, opts),
				Text:  e.Text,
				Start: start,
				End:   offset.at(e.End),
				Kind:  e.Kind,
				Rule:  e.Rule,
				Kept:  kept,
				Cue:   e.Cue,
			})
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "\t[%s]", e.Rule)
		for _, k := range e.Kept {
			fmt.Fprintf(&b, "\t[%s] at %q", k.Rule, lastField(text[:k.At]))
		}
		out.lineWith(e.Text, b.String())
	}
}

// textOffsets converts byte offsets into text, given in increasing order,
// to the offsets written: in bytes, counted from the start of the input
// (base bytes before text), or, with count, in its unit.
type textOffsets struct {
	text  string
	base  int
	count *segment.OffsetCounter // nil for bytes
}

func (t *textOffsets) at(i int) int {
	if t.count == nil {
		return t.base + i
	}
	t.count.WriteString(t.text[t.count.ByteOffset()-t.base : i])
	return t.count.Offset()
}

// lastField returns the last white-space separated word of s.
func lastField(s string) string {
	return s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
}

// offsetConverter reads the input for a Scanner and converts the byte
// offsets of its sentences, in order, to another unit. It keeps the bytes
// read but not yet converted: the Scanner returns only sentences, and the
// white space between them, which may be several bytes per code point, has
// to be counted too. What it keeps is what the Scanner has read ahead of
// its last sentence.
type offsetConverter struct {
	r       io.Reader
	count   *segment.OffsetCounter
	pending []byte // input read from the Scanner's offset off onwards
	off     int    // Scanner offset of pending[0]
}

// newOffsetConverter returns a converter reading r, the input after skipping
// base bytes (a byte order mark), which are counted too.
func newOffsetConverter(r io.Reader, u segment.Unit, base int) *offsetConverter {
	c := &offsetConverter{r: r, count: segment.NewOffsetCounter(u)}
	c.count.WriteString(utf8BOM[:base])
	return c
}

func (c *offsetConverter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.pending = append(c.pending, p[:n]...)
	return n, err
}

// span returns the byte offsets start and end of the next sentence, which
// lie in the input at or after the end of the last one, in the converter's
// unit.
func (c *offsetConverter) span(from, to int) (start, end int) {
	c.count.Write(c.pending[:from-c.off])
	start = c.count.Offset()
	c.count.Write(c.pending[from-c.off : to-c.off])
	end = c.count.Offset()
	c.pending = c.pending[to-c.off:]
	c.off = to
	return start, end
}

// fragments returns the non-blank lines of text; a line ends at "\n" or
// "\r\n".
func fragments(text string) []string {
	var frags []string
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if strings.TrimSpace(line) != "" {
			frags = append(frags, line)
		}
	}
	return frags
}

func fileField(name string, opts options) string {
	if opts.withFile {
		return name
	}
	return ""
}

// sentenceRecord is the JSON object for one sentence; field order matters.
type sentenceRecord struct {
	File  string       `json:"file,omitempty"`
	Text  string       `json:"text"`
	Start int          `json:"start"`
	End   int          `json:"end"`
	Kind  segment.Kind `json:"kind"`
}

// explainRecord is the JSON object for one sentence with -explain.
type explainRecord struct {
	File  string         `json:"file,omitempty"`
	Text  string         `json:"text"`
	Start int            `json:"start"`
	End   int            `json:"end"`
	Kind  segment.Kind   `json:"kind"`
	Rule  segment.Rule   `json:"rule"`
	Kept  []segment.Kept `json:"kept"`
	Cue   segment.Rule   `json:"cue"`
}

// fragmentRecord is the JSON object for one sentence made by -merge.
type fragmentRecord struct {
	File string `json:"file,omitempty"`
	Text string `json:"text"`
}

// Command newsseg splits English news text into sentences.
//
// Usage:
//
//	newsseg [-json] [-merge] [FILE...]
//
// newsseg reads each FILE in turn, or standard input when no FILE is given or
// FILE is "-", and writes one sentence per line, with every run of white
// space inside a sentence (newlines included) collapsed to a single space.
//
// With -json it writes JSON Lines instead, one object per sentence:
//
//	{"text":"...","start":0,"end":42}
//
// where start and end are byte offsets into that input and text is exactly
// input[start:end], its white space kept as it was. When more than one FILE
// is given, each object starts with a "file" field naming its input ("-" for
// standard input).
//
// With -merge each non-empty input line is a fragment of text that arrived
// already split, and newsseg prints the sentences reassembled from those
// fragments. With -merge -json the objects have only "text" (and "file"):
// a merged sentence is not a slice of the input, so it has no offsets.
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
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/newsseg/newsseg/segment"
)

const usageText = `usage: newsseg [-json] [-merge] [FILE...]

Split English news text into sentences. Reads each FILE in turn, or standard
input when no FILE is given or FILE is "-".

Flags:
  -json    write JSON Lines, one object per sentence:
             {"text":"...","start":0,"end":42}
           start and end are byte offsets into that input and text is
           exactly input[start:end], white space and newlines kept as they
           are. Invalid UTF-8 in text is written as U+FFFD (the offsets
           still count the input's bytes). When more than one FILE is
           given, each object starts with "file" naming its input ("-" for
           standard input).
  -merge   treat each non-empty input line as a fragment of text that was
           already split and print the reassembled sentences. With -json
           the objects have only "text" (and "file"): a merged sentence is
           not a slice of the input, so it has no offsets.
  -h       print this help and exit.

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
	withFile bool // add "file" to JSON objects
}

// run is the whole command: it parses args, processes the inputs and returns
// the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("newsseg", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {} // printed below, to the right stream
	var opts options
	flags.BoolVar(&opts.json, "json", false, "write JSON Lines")
	flags.BoolVar(&opts.merge, "merge", false, "reassemble fragments, one a line")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usageText)
			return exitOK
		}
		// The flag package has already printed the error itself.
		fmt.Fprint(stderr, usageText)
		return exitUsage
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

	out := &output{w: bufio.NewWriter(stdout)}
	status := exitOK
	for _, name := range names {
		if err := processFile(seg, name, stdin, out, opts); err != nil {
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
	if out.err != nil {
		fmt.Fprintf(stderr, "newsseg: writing output: %v\n", describe(out.err))
		return exitError
	}
	return status
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

// processFile opens the input called name ("-" is stdin) and processes it.
// The error it returns is a read error; write errors are kept in out.
func processFile(seg *segment.Segmenter, name string, stdin io.Reader, out *output, opts options) error {
	if name == "-" {
		return process(seg, name, stdin, out, opts)
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
	return process(seg, name, f, out, opts)
}

// utf8BOM is the byte order mark some editors put at the start of a file.
const utf8BOM = "\uFEFF"

// process segments (or, with opts.merge, reassembles) the text read from r,
// the input called name, and writes the result to out. It reads all of r
// first; the error it returns is a read error.
func process(seg *segment.Segmenter, name string, r io.Reader, out *output, opts options) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	text := string(data)
	// A leading byte order mark is not text: skip it, keeping the offsets
	// relative to the start of the input.
	base := 0
	if strings.HasPrefix(text, utf8BOM) {
		base = len(utf8BOM)
	}
	if opts.merge {
		for _, s := range seg.Merge(fragments(text[base:])) {
			if opts.json {
				out.json(fragmentRecord{File: fileField(name, opts), Text: s})
			} else {
				out.line(s)
			}
		}
		return nil
	}
	for _, s := range seg.Segment(text[base:]) {
		if opts.json {
			out.json(sentenceRecord{
				File:  fileField(name, opts),
				Text:  s.Text,
				Start: base + s.Start,
				End:   base + s.End,
			})
		} else {
			out.line(s.Text)
		}
	}
	return nil
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
	File  string `json:"file,omitempty"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// fragmentRecord is the JSON object for one sentence made by -merge.
type fragmentRecord struct {
	File string `json:"file,omitempty"`
	Text string `json:"text"`
}

// output writes to a buffered writer and keeps the first write error; once
// there is one, later writes do nothing.
type output struct {
	w   *bufio.Writer
	enc *json.Encoder
	err error
}

// line writes s on one line, each run of white space collapsed to a space.
func (o *output) line(s string) {
	if o.err != nil {
		return
	}
	for i, f := range strings.Fields(s) {
		if i > 0 {
			o.w.WriteByte(' ')
		}
		o.w.WriteString(f)
	}
	o.err = o.w.WriteByte('\n')
}

// json writes v as one line of JSON.
func (o *output) json(v any) {
	if o.err != nil {
		return
	}
	if o.enc == nil {
		o.enc = json.NewEncoder(o.w)
		o.enc.SetEscapeHTML(false)
	}
	o.err = o.enc.Encode(v)
}

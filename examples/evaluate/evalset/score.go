package evalset

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Boundaries are positions in the non-whitespace stream of a text: boundary k
// means "a sentence ends after the k-th non-whitespace rune". Counting runes
// (not bytes) in both the gold and the system output keeps the two
// comparable; the end of the text (k == total) is never a boundary.

// Scores counts boundary decisions against a gold standard.
type Scores struct {
	TP int // boundaries in both gold and system output
	FP int // system boundaries that gold does not have
	FN int // gold boundaries that the system missed
}

// Precision is TP/(TP+FP), or 0 when the system proposed no boundary.
func (s Scores) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), or 0 when gold has no boundary.
func (s Scores) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall, or 0 when both are 0.
func (s Scores) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add accumulates o into s (micro-averaging).
func (s *Scores) Add(o Scores) {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
}

// String formats s as "P 0.951 R 0.932 F1 0.941 (tp 41 fp 2 fn 3)".
func (s Scores) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)",
		s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
}

func ratio(num, den int) float64 {
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}

// isSpace is the whitespace test used for every non-whitespace stream.
func isSpace(r rune) bool { return unicode.IsSpace(r) }

// nonSpaceEnds returns, for each non-whitespace rune of text in order, the
// byte offset just after it. So the boundary k (k ≥ 1) lies at byte offset
// ends[k-1] of text.
func nonSpaceEnds(text string) []int {
	var ends []int
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !isSpace(r) {
			ends = append(ends, i)
		}
	}
	return ends
}

// nonSpace returns text with all whitespace removed.
func nonSpace(text string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, text)
}

// boundaries returns the boundaries of a text segmented into sentences
// (cumulative non-whitespace rune counts, the last one left out) and the
// concatenated non-whitespace stream of the sentences. Gold and system
// sentences go through the same function, so both are counted alike.
func boundaries(sentences []string) (bounds []int, stream string) {
	var b strings.Builder
	n := 0
	for _, s := range sentences {
		ns := nonSpace(s)
		if ns == "" {
			continue
		}
		b.WriteString(ns)
		n += utf8.RuneCountInString(ns)
		bounds = append(bounds, n)
	}
	if len(bounds) > 0 {
		bounds = bounds[:len(bounds)-1]
	}
	return bounds, b.String()
}

// checkStream reports an error when sentences do not contain exactly the
// non-whitespace characters of text, naming the first difference; who says
// whose sentences they are.
func checkStream(who, text string, sentences []string) error {
	want := nonSpace(text)
	_, got := boundaries(sentences)
	if want == got {
		return nil
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	for i > 0 && i < len(want) && !utf8.RuneStart(want[i]) {
		i--
	}
	return fmt.Errorf("%s sentences do not match the text: non-whitespace streams differ at rune %d (text %q, %s %q)",
		who, utf8.RuneCountInString(want[:i]), clip(want[i:], 20), who, clip(got[i:], 20))
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// compare scores sorted, deduplicated system boundaries against gold ones
// and returns the false positives and false negatives.
func compare(gold, sys []int) (sc Scores, fps, fns []int) {
	i, j := 0, 0
	for i < len(gold) || j < len(sys) {
		switch {
		case j == len(sys) || i < len(gold) && gold[i] < sys[j]:
			fns = append(fns, gold[i])
			i++
		case i == len(gold) || sys[j] < gold[i]:
			fps = append(fps, sys[j])
			j++
		default:
			sc.TP++
			i++
			j++
		}
	}
	sc.FP, sc.FN = len(fps), len(fns)
	return sc, fps, fns
}

// system runs seg on text and returns its sentences with their boundaries.
// Sentences that drop or change a non-whitespace character cannot be scored
// by position and are an error.
func system(seg Segmenter, text string) (sents []string, bounds []int, err error) {
	sents = seg(text)
	if err := checkStream("system", text, sents); err != nil {
		return nil, nil, err
	}
	bounds, _ = boundaries(sents)
	return sents, bounds, nil
}

// normalize trims a sentence and collapses its whitespace runs to one space.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// ---- case files ----

// Case is one line of a JSONL case file.
type Case struct {
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Sentences []string `json:"sentences"`
}

// CaseResult is the outcome of one case.
type CaseResult struct {
	ID     string   // the Case's ID
	Want   []string // gold sentences, normalized
	Got    []string // system sentences, normalized
	Exact  bool
	Scores Scores
}

// CaseReport sums the results of a case file.
type CaseReport struct {
	Cases  int          // cases scored
	Exact  int          // cases whose sentences match the gold exactly
	Scores Scores       // boundary scores summed over the cases
	Misses []CaseResult // the cases that do not match exactly, in file order
}

// ReadCases parses a JSONL case file; blank lines are skipped.
func ReadCases(path string) ([]Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseCases(path, data)
}

// ParseCases parses JSONL case data; name is used in error messages.
func ParseCases(name string, data []byte) ([]Case, error) {
	var cases []Case
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), len(data)+1)
	line := 0
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		var c Case
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if c.ID == "" {
			c.ID = fmt.Sprintf("line %d", line)
		}
		if len(c.Sentences) == 0 && strings.TrimSpace(c.Text) != "" {
			return nil, fmt.Errorf("%s:%d: case %s has no \"sentences\"", name, line, c.ID)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("%s: no cases", name)
	}
	return cases, nil
}

// ScoreCase runs seg on one case. An error means the case could not be
// scored: its gold, or seg's sentences, do not hold the text.
func ScoreCase(seg Segmenter, c Case) (CaseResult, error) {
	if err := checkStream("gold", c.Text, c.Sentences); err != nil {
		return CaseResult{}, fmt.Errorf("case %s: %w", c.ID, err)
	}
	sents, sys, err := system(seg, c.Text)
	if err != nil {
		return CaseResult{}, fmt.Errorf("case %s: %w", c.ID, err)
	}
	r := CaseResult{ID: c.ID}
	for _, s := range c.Sentences {
		if n := normalize(s); n != "" {
			r.Want = append(r.Want, n)
		}
	}
	for _, s := range sents {
		if n := normalize(s); n != "" {
			r.Got = append(r.Got, n)
		}
	}
	r.Exact = slices.Equal(r.Want, r.Got)
	gold, _ := boundaries(c.Sentences)
	r.Scores, _, _ = compare(gold, sys)
	return r, nil
}

// ScoreCases scores every case. Cases whose gold (or system output) does
// not match their text are left out of the figures and reported together in
// the error.
func ScoreCases(seg Segmenter, cases []Case) (CaseReport, error) {
	var rep CaseReport
	var errs []error
	for _, c := range cases {
		r, err := ScoreCase(seg, c)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rep.Cases++
		rep.Scores.Add(r.Scores)
		if r.Exact {
			rep.Exact++
		} else {
			rep.Misses = append(rep.Misses, r)
		}
	}
	return rep, errors.Join(errs...)
}

// ---- document folders ----

// Document is one NAME.txt with its NAME.sentences gold.
type Document struct {
	Name      string   // NAME, which BoundaryMiss.Doc repeats
	Path      string   // the NAME.sentences file, which errors name; Name when empty
	Text      string   // the document as plain text
	Sentences []string // the gold sentences, in order
}

// BoundaryMiss is one boundary error in a document, with its context.
type BoundaryMiss struct {
	Doc    string // the Document's Name
	Kind   string // "FP": system split, gold did not; "FN": gold split, system did not
	Index  int    // boundary in the non-whitespace stream
	Before string // about ContextRunes runes of text before the boundary
	After  string // about ContextRunes runes of text after it
}

// DocReport sums the results of a set of documents.
type DocReport struct {
	Docs   int            // documents scored
	Scores Scores         // boundary scores summed over the documents
	Misses []BoundaryMiss // in document order, then text order
}

// ContextRunes is how much text a BoundaryMiss keeps on each side of its
// boundary: enough to read the decision without opening the document.
const ContextRunes = 40

// ReadDocs reads every NAME.txt in dir with its NAME.sentences, sorted by
// name. A .txt without .sentences (or the reverse) is an error.
func ReadDocs(dir string) ([]Document, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	txt := map[string]bool{}
	gold := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		name := e.Name()
		switch filepath.Ext(name) {
		case ".txt":
			txt[strings.TrimSuffix(name, ".txt")] = true
		case ".sentences":
			gold[strings.TrimSuffix(name, ".sentences")] = true
		}
	}
	var errs []error
	var names []string
	for n := range txt {
		if !gold[n] {
			errs = append(errs, fmt.Errorf("%s: no matching %s.sentences", filepath.Join(dir, n+".txt"), n))
			continue
		}
		names = append(names, n)
	}
	for n := range gold {
		if !txt[n] {
			errs = append(errs, fmt.Errorf("%s: no matching %s.txt", filepath.Join(dir, n+".sentences"), n))
		}
	}
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errors.Join(errs...)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no NAME.txt + NAME.sentences documents", dir)
	}
	sort.Strings(names)
	docs := make([]Document, 0, len(names))
	for _, n := range names {
		text, err := os.ReadFile(filepath.Join(dir, n+".txt"))
		if err != nil {
			return nil, err
		}
		sents, err := os.ReadFile(filepath.Join(dir, n+".sentences"))
		if err != nil {
			return nil, err
		}
		docs = append(docs, Document{
			Name:      n,
			Path:      filepath.Join(dir, n+".sentences"),
			Text:      string(text),
			Sentences: splitGoldLines(string(sents)),
		})
	}
	return docs, nil
}

func sortErrors(errs []error) {
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
}

// splitGoldLines returns the non-blank lines of a .sentences file.
func splitGoldLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// ScoreDoc runs seg on one document and returns its scores and its boundary
// errors in text order.
func ScoreDoc(seg Segmenter, d Document) (Scores, []BoundaryMiss, error) {
	if err := checkStream("gold", d.Text, d.Sentences); err != nil {
		return Scores{}, nil, err
	}
	gold, _ := boundaries(d.Sentences)
	_, sys, err := system(seg, d.Text)
	if err != nil {
		return Scores{}, nil, err
	}
	sc, fps, fns := compare(gold, sys)
	stream := nonSpaceEnds(d.Text)
	var misses []BoundaryMiss
	add := func(kind string, k int) {
		before, after := context(d.Text, stream[k-1], ContextRunes)
		misses = append(misses, BoundaryMiss{Doc: d.Name, Kind: kind, Index: k, Before: before, After: after})
	}
	for _, k := range fps {
		add("FP", k)
	}
	for _, k := range fns {
		add("FN", k)
	}
	sort.SliceStable(misses, func(i, j int) bool { return misses[i].Index < misses[j].Index })
	return sc, misses, nil
}

// context returns up to n runes of text on each side of byte offset at,
// with whitespace collapsed as by collapse and the ends trimmed.
func context(text string, at, n int) (before, after string) {
	b := []rune(strings.TrimSpace(collapse(text[:at])))
	if len(b) > n {
		b = b[len(b)-n:]
	}
	a := []rune(strings.TrimSpace(collapse(text[at:])))
	if len(a) > n {
		a = a[:n]
	}
	return strings.TrimSpace(string(b)), strings.TrimSpace(string(a))
}

// collapse replaces each whitespace run with one space, or with " ¶ " when
// the run holds a blank line (a paragraph break), keeping the ends.
func collapse(s string) string {
	var b strings.Builder
	inSpace, newlines := false, 0
	flush := func() {
		if newlines >= 2 {
			b.WriteString(" ¶ ")
		} else {
			b.WriteByte(' ')
		}
		inSpace, newlines = false, 0
	}
	for _, r := range s {
		if isSpace(r) {
			inSpace = true
			if r == '\n' {
				newlines++
			}
			continue
		}
		if inSpace {
			flush()
		}
		b.WriteRune(r)
	}
	if inSpace {
		flush()
	}
	return b.String()
}

// ScoreDocs scores seg on docs, summing the scores over all of them
// (micro-average). Documents whose gold (or system output) does not match
// their text are left out of the figures and reported together in the error.
func ScoreDocs(seg Segmenter, docs []Document) (DocReport, error) {
	var rep DocReport
	var errs []error
	for _, d := range docs {
		sc, misses, err := ScoreDoc(seg, d)
		if err != nil {
			name := d.Path
			if name == "" {
				name = d.Name
			}
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		rep.Docs++
		rep.Scores.Add(sc)
		rep.Misses = append(rep.Misses, misses...)
	}
	return rep, errors.Join(errs...)
}

package abbrev

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ScanLines reads the line format of abbreviation lists (see Load) and of
// the word lists of package segment: one entry a line, surrounding white
// space ignored, blank lines and lines starting with '#' skipped. It calls
// fn with the number (counted from 1) and the trimmed text of each line of r
// that is neither blank nor a comment. A byte order mark before the first
// line is dropped. ScanLines stops at the first error fn
// returns and returns it unchanged; a read error is returned as "line N:
// err", N being the line that could not be read.
func ScanLines(r io.Reader, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", n+1, err)
	}
	return nil
}

// IsOpeningQuote reports whether r opens a quotation. Package segment reads
// quotes with this definition, so the two packages never disagree on them.
func IsOpeningQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '„':
		return true
	}
	return false
}

// IsOpener reports whether r opens a quotation or a bracket: what may stand
// before a word without being part of it. Lookup strips these before it
// looks a word up.
func IsOpener(r rune) bool {
	return IsOpeningQuote(r) || r == '(' || r == '[' || r == '{'
}

// Package lineformat reads the line format shared by the embedded word
// lists of package segment and the abbreviation lexicons of package abbrev:
// one entry a line, surrounding white space ignored, blank lines and lines
// starting with '#' skipped.
package lineformat

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Scan calls fn with the number (counted from 1) and the trimmed text of
// each line of r that is neither blank nor a comment. A byte order mark
// before the first line is dropped. Scan stops at the first error fn
// returns and returns it unchanged; a read error is returned as "line N:
// err", N being the line that could not be read.
func Scan(r io.Reader, fn func(n int, line string) error) error {
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

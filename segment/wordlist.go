package segment

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:embed data/*.txt
var dataFiles embed.FS

// wordList is a set of words read from one of the embedded data files.
type wordList map[string]struct{}

// loadWordList reads data/NAME.txt: one word a line, '#' comments and blank
// lines skipped. With fold, words are stored lower-cased.
func loadWordList(name string, fold bool) (wordList, error) {
	b, err := dataFiles.ReadFile("data/" + name + ".txt")
	if err != nil {
		return nil, fmt.Errorf("segment: word list %s: %w", name, err)
	}
	words := wordList{}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsAny(line, " \t") {
			return nil, fmt.Errorf("segment: word list %s: line %d: %q is not one word", name, n, line)
		}
		if fold {
			line = strings.ToLower(line)
		}
		words[line] = struct{}{}
	}
	return words, sc.Err()
}

// has reports whether w is in the list.
func (l wordList) has(w string) bool {
	_, ok := l[w]
	return ok
}

// hasFold reports whether w, lower-cased, is in a list loaded with fold.
func (l wordList) hasFold(w string) bool {
	if _, ok := l[w]; ok {
		return true
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			_, ok := l[strings.ToLower(w)]
			return ok
		}
	}
	return false
}

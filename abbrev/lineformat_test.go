package abbrev

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

func TestScanLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"comments and blanks", "# head\n\n  \t\nword\n  # indented comment\n", []string{"4:word"}},
		{"trimmed", "  two words \r\nlast", []string{"1:two words", "2:last"}},
		{"byte order mark", "\uFEFFfirst\n\uFEFFsecond", []string{"1:first", "2:\uFEFFsecond"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := ScanLines(strings.NewReader(tt.in), func(n int, line string) error {
				got = append(got, strings.Join([]string{itoa(n), line}, ":"))
				return nil
			})
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("ScanLines(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestScanLinesErrors(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := ScanLines(strings.NewReader("a\nb\nc\n"), func(n int, line string) error {
		calls++
		if line == "b" {
			return stop
		}
		return nil
	})
	if err != stop || calls != 2 {
		t.Errorf("Scan with a failing fn = %v after %d calls; want %v after 2", err, calls, stop)
	}
	err = ScanLines(iotest.ErrReader(iotest.ErrTimeout), func(int, string) error { return nil })
	if !errors.Is(err, iotest.ErrTimeout) || err.Error() != "line 1: "+iotest.ErrTimeout.Error() {
		t.Errorf("Scan of a failing reader = %v; want line 1: %v", err, iotest.ErrTimeout)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestOpeners(t *testing.T) {
	tests := []struct {
		name        string
		r           rune
		quote, open bool
	}{
		{"straight double", '"', true, true},
		{"straight single", '\'', true, true},
		{"curly double", '“', true, true},
		{"low double", '„', true, true},
		{"guillemet", '«', true, true},
		{"single guillemet", '‹', true, true},
		{"parenthesis", '(', false, true},
		{"bracket", '[', false, true},
		{"closing curly", '”', false, false},
		{"letter", 'A', false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsOpeningQuote(tt.r); got != tt.quote {
				t.Errorf("IsOpeningQuote(%q) = %v, want %v", tt.r, got, tt.quote)
			}
			if got := IsOpener(tt.r); got != tt.open {
				t.Errorf("IsOpener(%q) = %v, want %v", tt.r, got, tt.open)
			}
		})
	}
}

package punct

import "testing"

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

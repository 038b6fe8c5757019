package segment

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSpace checks the fast paths of the white space predicates against
// unicode.IsSpace for every rune, as bufio's TestSpace does.
func TestSpace(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		want := unicode.IsSpace(r)
		if got := isSpace(r); got != want {
			t.Fatalf("isSpace(%U) = %v, want %v", r, got, want)
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		if !utf8.ValidRune(r) {
			want = false // encoded as U+FFFD, which is not space
		}
		if got := spaceAt(string(buf[:n]), 0); (got == n) != want || got != 0 && got != n {
			t.Fatalf("spaceAt(%U) = %d, want %d when space, else 0", r, got, n)
		}
		if r < utf8.RuneSelf {
			if got := isSpaceByte(byte(r)); got != want {
				t.Fatalf("isSpaceByte(%#x) = %v, want %v", r, got, want)
			}
		}
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		if isSpaceByte(byte(c)) {
			t.Errorf("isSpaceByte(%#x) = true: a byte of a multi-byte rune is never space alone", c)
		}
	}
	if isSpace(utf8.RuneError) || isSpace(-1) {
		t.Error("an invalid rune must not read as space")
	}
}

// TestCase checks the case predicates against package unicode for every
// rune: they look past opening quotes and brackets only.
func TestCase(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) || isOpener(r) {
			continue
		}
		s := "“" + string(r)
		if startsUpper(s) != unicode.IsUpper(r) || startsLower(s) != unicode.IsLower(r) || startsDigit(s) != unicode.IsDigit(r) {
			t.Fatalf("case predicates disagree with unicode on %U", r)
		}
	}
}

func TestBullets(t *testing.T) {
	tests := []struct {
		name, in, trimmed string
		alone             bool
	}{
		{"bullet", "•", "", true},
		{"middle dot", "·", "", true},
		{"hyphen bullet", "⁃", "", true},
		{"bullet with text", "• Item", "Item", false},
		{"leaders", " * > | » › Read more", "Read more", false},
		{"word", "Word", "Word", false},
		{"two bullets", "••", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trimBullets(tt.in); got != tt.trimmed {
				t.Errorf("trimBullets(%q) = %q, want %q", tt.in, got, tt.trimmed)
			}
			if got := isBullet(tt.in); got != tt.alone {
				t.Errorf("isBullet(%q) = %v, want %v", tt.in, got, tt.alone)
			}
		})
	}
}

func TestCountWordsMatchesFields(t *testing.T) {
	for _, s := range []string{"", "one", " two  words ", "no\u00a0break space", "tab\tand\nnewline", "\u2003em space",
		"invalid \xff\xfe bytes", "\xc3 cut rune", "ü\u0085next line", "\u3000ideographic\u3000space"} {
		n := 0
		for range fieldsForward(s) {
			n++
		}
		if got := countWords(s, 100); got != n {
			t.Errorf("countWords(%q) = %d, fieldsForward gives %d words", s, got, n)
		}
	}
}

// TestCountWordsEightBytes checks the eight-byte ASCII path against
// fieldsForward: every ASCII byte at every offset of a chunk, words across
// chunk edges, and the limit.
func TestCountWordsEightBytes(t *testing.T) {
	var texts []string
	for c := range utf8.RuneSelf {
		for pos := range 17 {
			b := []byte("ab cd\tef\ngh  ij\rkl\vmn\fop qr")
			b[pos] = byte(c)
			texts = append(texts, string(b), " "+string(b), "x"+string(b)+"é")
		}
	}
	texts = append(texts, "Officials said on Tuesday that the talks would resume.", strings.Repeat("word ", 40),
		"        leading blanks", "trailing blanks        ", "éàü mixed with ascii words here and there")
	for _, s := range texts {
		n := 0
		for range fieldsForward(s) {
			n++
		}
		for _, limit := range []int{0, 1, 3, 8, 25, 100} {
			if got, want := countWords(s, limit), min(n, limit+1); got != want {
				t.Errorf("countWords(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
}

// TestFastPathsAgree checks the shortcuts that the hot paths take against
// the full tests: isWebAddress's early "no", hasFinalPunct on a whole line
// rather than its last word, and mayOpenList before listMarker and
// isBullet.
func TestFastPathsAgree(t *testing.T) {
	webAddress := func(w string) bool { // isWebAddress without its shortcut
		return strings.Contains(w, "://") || len(w) >= 4 && strings.EqualFold(w[:4], "www.") ||
			strings.Contains(w, "@") && strings.Contains(w[strings.IndexByte(w, '@'):], ".")
	}
	for _, w := range []string{
		"", "a", "@.", "://", "x://", "a@b", "a@b.c", "www.", "WwW.x", "www", "wwwx", "Www.", "said.",
		"ＷＷＷ.", "http://example.com", "example.com", "Mr.", "e-mail:", "12:30", "w@", "w.w.",
	} {
		if got, want := isWebAddress(w), webAddress(w); got != want {
			t.Errorf("isWebAddress(%q) = %v, want %v", w, got, want)
		}
	}
	for _, s := range []string{
		"", ".", "”", "said.", "said.”", "said ”", "said .”)", "Why?", "Why? )", "Wait…", "x 。", "a b", "Inc.\u00a0”",
		"(AP Photo)", "end. \"", "end.\u2028\"", "\xff.", ". . .", "U.S.'",
	} {
		if got, want := hasFinalPunct(s), hasFinalPunct(lastWord(s)); got != want {
			t.Errorf("hasFinalPunct(%q) = %v, but of its last word %v", s, got, want)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		var buf [utf8.UTFMax]byte
		tok := string(buf[:utf8.EncodeRune(buf[:], r)])
		for _, tok := range []string{tok, tok + ".", tok + ")"} {
			_, _, marker := listMarker(tok)
			if (marker || isBullet(tok)) && !mayOpenList(tok[0]) {
				t.Fatalf("mayOpenList(%#x) = false, but %q is a list marker or a bullet", tok[0], tok)
			}
		}
	}
}

package segment

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// refCount counts s in u the slow, obvious way: decoded as Go decodes it
// (one U+FFFD per invalid byte), then encoded.
func refCount(u Unit, s string) int {
	switch u {
	case Runes:
		return len([]rune(s))
	case UTF16:
		return len(utf16.Encode([]rune(s)))
	}
	return len(s)
}

var offsetTexts = []struct {
	name string
	text string
	// counts in Bytes, Runes, UTF16
	bytes, runes, utf16 int
}{
	{"empty", "", 0, 0, 0},
	{"ASCII", "Stocks rose.", 12, 12, 12},
	{"no-break space", "Mr.\u00a0Smith", 10, 9, 9},
	{"em dash and curly quotes", "GENEVA — “No.”", 20, 14, 14},
	{"ideographic space", "東京\u3000Tokyo", 14, 8, 8},
	{"emoji beyond U+FFFF", "Win 🏆!", 9, 6, 7},
	{"invalid byte", "a\xffb", 3, 3, 3},
	{"truncated sequence", "a\xe2\x80 b", 5, 5, 5},
	{"truncated at the end", "ok \xf0\x9f\x8f", 6, 6, 6},
	{"surrogate half encoded in UTF-8", "x\xed\xa0\x80y", 5, 5, 5},
}

func TestUnitCount(t *testing.T) {
	for _, tt := range offsetTexts {
		t.Run(tt.name, func(t *testing.T) {
			for u, want := range map[Unit]int{Bytes: tt.bytes, Runes: tt.runes, UTF16: tt.utf16} {
				if got := u.Count(tt.text); got != want {
					t.Errorf("%v.Count(%q) = %d, want %d", u, tt.text, got, want)
				}
				if ref := refCount(u, tt.text); ref != want {
					t.Errorf("reference count in %v of %q = %d, table says %d", u, tt.text, ref, want)
				}
			}
		})
	}
}

// TestOffsetCounterChunks writes each text in pieces of every size, so that
// every UTF-8 sequence is split at every place, and checks the offset after
// each piece that ends on a rune boundary.
func TestOffsetCounterChunks(t *testing.T) {
	for _, tt := range offsetTexts {
		t.Run(tt.name, func(t *testing.T) {
			for _, u := range []Unit{Bytes, Runes, UTF16} {
				for size := 1; size <= 5; size++ {
					checkChunks(t, u, tt.text, size)
				}
			}
		})
	}
}

func checkChunks(t *testing.T, u Unit, text string, size int) {
	t.Helper()
	c := NewOffsetCounter(u)
	for i := 0; i < len(text); i += size {
		j := min(i+size, len(text))
		if i%2 == 0 {
			c.WriteString(text[i:j])
		} else {
			c.Write([]byte(text[i:j]))
		}
		if c.ByteOffset() != j {
			t.Fatalf("%v, pieces of %d: ByteOffset %d after %d bytes", u, size, c.ByteOffset(), j)
		}
		if runeBoundary(text, j) {
			if got, want := c.Offset(), refCount(u, text[:j]); got != want {
				t.Errorf("%v, pieces of %d: Offset after %q = %d, want %d", u, size, text[:j], got, want)
			}
		}
	}
	if got, want := c.Offset(), refCount(u, text); got != want {
		t.Errorf("%v, pieces of %d: Offset at the end of %q = %d, want %d", u, size, text, got, want)
	}
}

// runeBoundary reports whether decoding text from its start puts a rune
// boundary at i.
func runeBoundary(text string, i int) bool {
	for j := range text {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
	}
	return i == len(text)
}

// TestOffsetCounterSentences converts the offsets of Segment's sentences by
// writing gaps and sentences in turn, as a stream consumer does.
func TestOffsetCounterSentences(t *testing.T) {
	text := "Breaking\u2028\u2028GENEVA —\u00a0Talks ended, Ms.\u00a0Sherman said. 🏆 Putin left.\u3000" +
		"Sherman said the U.S. Navy would stay."
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	sents := s.Segment(text)
	if len(sents) < 3 {
		t.Fatalf("want at least 3 sentences, got %q", sents)
	}
	for _, u := range []Unit{Bytes, Runes, UTF16} {
		c := NewOffsetCounter(u)
		for _, sent := range sents {
			c.WriteString(text[c.ByteOffset():sent.Start])
			start := c.Offset()
			c.WriteString(sent.Text)
			end := c.Offset()
			if want := refCount(u, text[:sent.Start]); start != want {
				t.Errorf("%v: start of %q = %d, want %d", u, sent.Text, start, want)
			}
			if want := refCount(u, text[:sent.End]); end != want {
				t.Errorf("%v: end of %q = %d, want %d", u, sent.Text, end, want)
			}
		}
	}
}

func TestOffsetCounterZeroAndReset(t *testing.T) {
	var c OffsetCounter
	c.WriteString("né")
	if c.Unit() != Bytes || c.Offset() != 3 {
		t.Errorf("zero OffsetCounter: unit %v offset %d, want byte 3", c.Unit(), c.Offset())
	}
	r := NewOffsetCounter(Runes)
	r.WriteString("n\xc3")
	r.Reset()
	r.WriteString("\xa9")
	if r.Offset() != 1 || r.ByteOffset() != 1 || r.Unit() != Runes {
		t.Errorf("after Reset: unit %v offset %d bytes %d, want rune 1 1", r.Unit(), r.Offset(), r.ByteOffset())
	}
}

func TestParseUnit(t *testing.T) {
	tests := []struct {
		in      string
		want    Unit
		wantErr bool
	}{
		{"byte", Bytes, false},
		{"Runes", Runes, false},
		{" utf16 ", UTF16, false},
		{"UTF-16", UTF16, false},
		{"utf8", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseUnit(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseUnit(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if err == nil && !strings.EqualFold(strings.TrimSpace(tt.in), got.String()) && tt.in != "Runes" && tt.in != "UTF-16" {
				t.Errorf("%v.String() = %q does not name %q", got, got.String(), tt.in)
			}
		})
	}
	if got := Unit(7).String(); got != "Unit(7)" {
		t.Errorf("Unit(7).String() = %q", got)
	}
}

func FuzzOffsetCounter(f *testing.F) {
	for _, tt := range offsetTexts {
		f.Add(tt.text, uint8(3))
	}
	f.Fuzz(func(t *testing.T, text string, size uint8) {
		for _, u := range []Unit{Bytes, Runes, UTF16} {
			if got, want := u.Count(text), refCount(u, text); got != want {
				t.Fatalf("%v.Count(%q) = %d, want %d", u, text, got, want)
			}
			checkChunks(t, u, text, int(size%8)+1)
		}
	})
}

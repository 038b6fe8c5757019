package segment

import (
	"fmt"
	"strings"
)

// Kind says which part of a news page a sentence belongs to. The zero value
// is Body, so a Sentence built by hand, or one of text that has no page
// structure, is body text.
type Kind uint8

const (
	// Body is running text of the article: what a summariser or a
	// translation feed wants. A dateline that opens the first paragraph
	// ("WASHINGTON (AP) — Officials said ...") is part of its Body sentence.
	Body Kind = iota
	// Headline is a headline, a deck or a section heading: a line of its own
	// without final punctuation.
	Headline
	// Meta is information about the article rather than part of it: a
	// dateline, timestamp or read-time line, a byline, a photo caption and
	// its credit ("(AP Photo/Evan Vucci)"), the author's biography.
	Meta
	// Boilerplate is page furniture: kicker labels ("Breaking"),
	// navigation, "Advertisement", "Share this", newsletter prompts,
	// related-story lists, copyright lines, the "About" section of a press
	// release.
	Boilerplate
)

// numKinds is the number of kinds; Kind values below it are valid.
const numKinds = 4

var kindNames = [numKinds]string{"body", "headline", "meta", "boilerplate"}

// String returns the kind's name in lower case: "body", "headline", "meta"
// or "boilerplate".
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// ParseKind returns the kind named s, the inverse of Kind.String. Case and
// surrounding white space are ignored.
func ParseKind(s string) (Kind, error) {
	name := strings.TrimSpace(s)
	for k, n := range kindNames {
		if strings.EqualFold(name, n) {
			return Kind(k), nil
		}
	}
	return Body, fmt.Errorf("segment: unknown kind %q (want one of %s)", s, strings.Join(kindNames[:], ", "))
}

// MarshalText encodes k as its name, so that encoding/json writes
// "headline" rather than a number.
func (k Kind) MarshalText() ([]byte, error) {
	if k >= numKinds {
		return nil, fmt.Errorf("segment: invalid kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText decodes a kind's name, as ParseKind does.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

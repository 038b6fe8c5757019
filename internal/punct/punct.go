// Package punct defines the punctuation classes that package segment and
// package abbrev both read, so that the two never disagree on them.
package punct

// IsOpeningQuote reports whether r opens a quotation.
func IsOpeningQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '„':
		return true
	}
	return false
}

// IsOpener reports whether r opens a quotation or a bracket: what may stand
// before a word without being part of it.
func IsOpener(r rune) bool {
	return IsOpeningQuote(r) || r == '(' || r == '[' || r == '{'
}

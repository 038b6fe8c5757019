package segment

import (
	"strings"
	"testing"
)

// The classifier's lookups take short cuts (tables of first bytes and
// lengths, early exits, byte loops instead of rune iterators). These
// references answer the same questions the plain way; the fuzz target
// holds the lookups to them.

// refLookupOpener is lookupOpener without its filter. An empty key (a
// sentence of bullets) opens nothing, though the openers of bullet filler
// words ("•") share it.
func refLookupOpener(lx *lexicon, s string) *opener {
	key := openerKey(nil, s)
	if len(key) == 0 {
		return nil
	}
	return lx.openers[string(key)]
}

// refLookupLine is lookupLine without its early exit.
func refLookupLine(lx *lexicon, s string) (block, ok bool) {
	block, ok = lx.lines[string(lineKey(foldKey(nil, s)))]
	return block, ok
}

// refHasCredit is hasCredit trying every marker at every byte.
func refHasCredit(lx *lexicon, s string) bool {
	for i := range len(s) {
		for _, m := range lx.credits[s[i]] {
			if strings.HasPrefix(s[i:], m) {
				return true
			}
		}
	}
	return false
}

// refIsDateLine is isDateLine over fieldsForward's words, every word
// trimmed and classified.
func refIsDateLine(lx *lexicon, s string) bool {
	strong := false
	for w := range fieldsForward(s) {
		w = trimDatePunct(w)
		if w == "" {
			continue
		}
		switch clockOrNumber(w) {
		case numeral:
			continue
		case clockTime, numericDate:
			strong = true
			continue
		}
		unit := w
		for unit != "" && '0' <= unit[0] && unit[0] <= '9' {
			unit = unit[1:]
		}
		if i := strings.IndexAny(unit, "+-"); i > 0 && clockOrNumber(unit[i+1:]) >= numeral {
			unit = unit[:i]
		}
		var date, ok bool
		if len(unit) <= maxWord {
			date, ok = lx.dateWords[string(foldKey(nil, unit))]
		}
		if !ok {
			return false
		}
		strong = strong || date || len(unit) < len(w)
	}
	return strong
}

func FuzzLexiconLookups(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	for _, s := range []string{
		"Thursday, March 8, 2007", "Updated 10:42 a.m. ET", "5 min read", "UTC+01:00 | Monday",
		"The views expressed here are the author's own.", "©2024 Acme Corp.", "[Photo: AP]",
		"Advertisement", "ADVERTISEMENT ....", "Story continues below advertisement",
		"Sign up for our newsletter »", "(AP Photo/Jane Doe)", "Jane Doe contributed to this report.",
		"• Monday\u00a0•\u2003March 8", "Share this article:", "  *  Related:  ",
	} {
		f.Add(s)
	}
	lx, err := loadLexicon()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lx.lookupOpener(s), refLookupOpener(lx, s); got != want {
			t.Errorf("lookupOpener(%q) = %p, want %p", s, got, want)
		}
		gb, gok := lx.lookupLine(s)
		wb, wok := refLookupLine(lx, s)
		if gb != wb || gok != wok {
			t.Errorf("lookupLine(%q) = %v, %v, want %v, %v", s, gb, gok, wb, wok)
		}
		if got, want := lx.hasCredit(s), refHasCredit(lx, s); got != want {
			t.Errorf("hasCredit(%q) = %v, want %v", s, got, want)
		}
		if got, want := lx.isDateLine(s), refIsDateLine(lx, s); got != want {
			t.Errorf("isDateLine(%q) = %v, want %v", s, got, want)
		}
	})
}

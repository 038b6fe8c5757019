package segment

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// punktModelHeader opens data/punkt/english.txt; it says where the data
// comes from, under which licence, and how the file is regenerated.
// The %s is the module's version in go.mod.
const punktModelHeader = `# The English Punkt model of github.com/neurosnap/sentences %s (the
# package english, english.NewSentenceTokenizer(nil): its data/english.json
# with the abbreviations "sgt", "gov" and "no" it adds), as fastPunkt reads it.
# Copyright (c) 2015 Eric Bower, MIT licence (see the module's LICENSE.md).
#
# Generated: go test ./segment -run TestPunktModelFile -update
# The same test without -update fails when this file and the model of the
# neurosnap/sentences version in go.mod differ. Do not edit by hand.
#
# One entry a line: a mode, a space, then the type (a key of the model).
# A key that is empty, has spaces at either end, starts with a quote or
# holds a line break is written as a Go quoted string.
#
#   abbrev   an abbreviation type (AbbrevTypes)
#   colloc   a collocation, "type,nexttype" (Collocations)
#   starter  a sentence starter (SentStarters)
#   ortho    the orthographic context flags of a type, in decimal, then
#            the type (OrthoContext; ortho.go's orthoBegUc = 2 ... orthoUnkLc = 64)
`

// writePunktModel renders st as data/punkt/english.txt: only what
// SetString.Has and a lookup read (a key whose value is 0 is absent), each
// table sorted, so that the text is the same for the same model.
func writePunktModel(st *sentences.Storage, version string) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, punktModelHeader, version)
	for _, tab := range []struct {
		mode string
		m    map[string]int
	}{
		{"abbrev", st.AbbrevTypes},
		{"colloc", st.Collocations},
		{"starter", st.SentStarters},
		{"ortho", st.OrthoContext},
	} {
		fmt.Fprintf(&b, "\n# %s: %d entries\n", tab.mode, countNonZero(tab.m))
		for _, k := range slices.Sorted(mapKeys(tab.m)) {
			v := tab.m[k]
			if v == 0 {
				continue
			}
			key := k
			if k == "" || strings.TrimSpace(k) != k || strings.HasPrefix(k, `"`) || strings.ContainsAny(k, "\n\r") {
				key = strconv.Quote(k)
			}
			if tab.mode != "ortho" {
				fmt.Fprintf(&b, "%s %s\n", tab.mode, key)
				continue
			}
			if v < 0 || v > 255 {
				return "", fmt.Errorf("ortho flags %d of %q do not fit a byte", v, k)
			}
			fmt.Fprintf(&b, "ortho %d %s\n", v, key)
		}
	}
	return b.String(), nil
}

// firstDifference returns the number and the text in a and b of the first
// line where they differ ("" past the end), so that a failure names one
// line rather than printing the whole 20,000-line file.
func firstDifference(a, b string) (line int, la, lb string, differ bool) {
	as, bs := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(as), len(bs)) {
		var x, y string
		if i < len(as) {
			x = as[i]
		}
		if i < len(bs) {
			y = bs[i]
		}
		if x != y || i >= len(as) || i >= len(bs) {
			return i + 1, x, y, true
		}
	}
	return 0, "", "", false
}

// neurosnapVersion returns the version of neurosnap/sentences that go.mod
// requires, which the model file's header names.
func neurosnapVersion(t *testing.T) string {
	t.Helper()
	mod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	require.NoError(t, err)
	for line := range strings.Lines(string(mod)) {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "github.com/neurosnap/sentences" {
			return f[1]
		}
		if f := strings.Fields(line); len(f) >= 3 && f[0] == "require" && f[1] == "github.com/neurosnap/sentences" {
			return f[2]
		}
	}
	t.Fatal("go.mod does not require github.com/neurosnap/sentences")
	return ""
}

func countNonZero(m map[string]int) int {
	n := 0
	for _, v := range m {
		if v != 0 {
			n++
		}
	}
	return n
}

func mapKeys(m map[string]int) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestPunktModelFile holds the embedded model to neurosnap's: the file is
// what writePunktModel renders from the live model (rewritten with
// -update), and the tables loadFastPunkt builds from it answer every key of
// the live model with the live model's value.
func TestPunktModelFile(t *testing.T) {
	st := slowPunkt(t).tok.Storage
	want, err := writePunktModel(st, neurosnapVersion(t))
	require.NoError(t, err)
	path := filepath.FromSlash(punktModelPath)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
		return
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	if line, w, g, differ := firstDifference(want, string(got)); differ {
		t.Fatalf("%s:%d is %q, neurosnap's model gives %q; regenerate the file with go test ./segment -run TestPunktModelFile -update", path, line, g, w)
	}
	require.True(t, want == punktModelText, "the embedded model is not the file")

	fast := fastPunktForTest(t)
	for _, tab := range []struct {
		name string
		m    map[string]int
		get  func(string) uint8
	}{
		{"abbrevs", st.AbbrevTypes, func(k string) uint8 { return b2u(fast.abbrevs.has([]byte(k))) }},
		{"collocations", st.Collocations, func(k string) uint8 { return b2u(fast.collocations.has([]byte(k))) }},
		{"starters", st.SentStarters, func(k string) uint8 { return b2u(fast.starters.has([]byte(k))) }},
		{"ortho", st.OrthoContext, fast.ortho.getString},
	} {
		for k, v := range tab.m {
			if tab.name != "ortho" {
				v = int(b2u(v != 0))
			}
			require.Equal(t, v, int(tab.get(k)), "%s[%q]", tab.name, k)
			// A key one byte shorter or longer is looked up too: mostly
			// absent, so the probes past a key's slot are exercised.
			for _, other := range []string{k[:max(len(k)-1, 0)], k + "x"} {
				ov := tab.m[other]
				if tab.name != "ortho" {
					ov = int(b2u(ov != 0))
				}
				require.Equal(t, ov, int(tab.get(other)), "%s[%q]", tab.name, other)
			}
		}
	}
}

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

func TestParsePunktModelErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"empty", "# nothing\n", "no abbreviations"},
		{"no ortho", "abbrev dr\n", "no abbreviations or no orthographic context"},
		{"no key", "abbrev dr\northo\n", `:2: "ortho": want a mode`},
		{"unknown mode", "abbrev dr\nword x\n", `:2: "word x": unknown mode "word"`},
		{"bad flags", "abbrev dr\northo 300 x\n", `:2: "ortho 300 x": want ortho, flags`},
		{"zero flags", "abbrev dr\northo 0 x\n", `:2: "ortho 0 x": want ortho, flags`},
		{"bad quote", "abbrev \"dr\n", `:1: "abbrev \"dr": bad quoted key`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parsePunktModel(tc.text)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), punktModelPath)
		})
	}
}

func TestParsePunktModel(t *testing.T) {
	m, err := parsePunktModel("# c\n\nabbrev dr\nabbrev \". . \"\ncolloc ##number##,who\nstarter the\n  ortho 20 the  \northo 8 ashton-tate#\n")
	require.NoError(t, err)
	assert.Equal(t, []modelEntry{{"dr", 1}, {". . ", 1}}, m.abbrevs)
	assert.Equal(t, []modelEntry{{"##number##,who", 1}}, m.collocations)
	assert.Equal(t, []modelEntry{{"the", 1}}, m.starters)
	assert.Equal(t, []modelEntry{{"the", 20}, {"ashton-tate#", 8}}, m.ortho)
}

func TestModelTable(t *testing.T) {
	entries := []modelEntry{{"", 7}, {"a", 1}, {"the", 20}, {"same", 3}, {"same", 5}, {"##number##", 9}, {strings.Repeat("long", 20), 11}}
	// Enough keys that the table grows and probes run through full slots.
	for i := range 300 {
		entries = append(entries, modelEntry{fmt.Sprintf("w%d", i), uint8(i%250 + 1)})
	}
	tab, err := newModelTable(entries)
	require.NoError(t, err)
	want := map[string]uint8{}
	for _, e := range entries {
		want[e.key] = e.val
	}
	for k, v := range want {
		assert.Equal(t, v, tab.getString(k), "getString(%q)", k)
		assert.Equal(t, v, tab.get([]byte(k)), "get(%q)", k)
	}
	for _, k := range []string{"b", "th", "thee", "w300", "w-1", "longlong", strings.Repeat("x", 300)} {
		assert.Zero(t, tab.getString(k), "getString(%q)", k)
	}
	_, err = newModelTable([]modelEntry{{strings.Repeat("x", 256), 1}})
	assert.True(t, errors.Is(err, errModelKeyTooLong), "%v", err)
}

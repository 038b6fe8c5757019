package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kept and explained are what newsseg -explain -json writes: a candidate
// kept inside a sentence, and a sentence with its rules.
type kept struct {
	At   int    `json:"at"`
	Rule string `json:"rule"`
}

type explained struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`
	Rule  string `json:"rule"`
	Kept  []kept `json:"kept"`
	Cue   string `json:"cue"`
}

func TestExplain(t *testing.T) {
	const text = "Ms. Sherman said the talks were useful. She left.\n\nThe U.S. Navy sent two ships."
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"text", text, []string{"-explain"},
			"Ms. Sherman said the talks were useful.\t[punkt]\t[abbrev-title] at \"Ms.\"\n" +
				"She left.\t[period-break]\n" +
				"The U.S. Navy sent two ships.\t[text-end]\t[abbrev-continuer] at \"U.S.\"\n"},
		{"kinds filter", "Breaking\n\nThe talks ended.", []string{"-explain", "-kinds", "body"},
			"The talks ended.\t[text-end]\n"},
		{"layout break", "Breaking\nThe talks ended.", []string{"-explain"},
			"Breaking\t[layout-line-break]\nThe talks ended.\t[text-end]\n"},
		{"empty input", "", []string{"-explain"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, tt.stdin, tt.args...)
			require.Equal(t, exitOK, r.code, r.stderr)
			assert.Equal(t, tt.want, r.stdout)
		})
	}
}

func TestExplainJSON(t *testing.T) {
	// A byte order mark is skipped, and every offset still counts it.
	const bom = "\uFEFF"
	text := bom + "Ms. Sherman said so. The U.S. Navy sent two ships."
	r := runCmd(t, text, "-explain", "-json")
	require.Equal(t, exitOK, r.code, r.stderr)
	var got []explained
	for _, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
		var e explained
		require.NoError(t, json.Unmarshal([]byte(line), &e), line)
		require.Contains(t, line, `"kept":[`, "kept is a list even when empty")
		got = append(got, e)
	}
	require.Len(t, got, 2)
	for _, e := range got {
		assert.Equal(t, e.Text, text[e.Start:e.End])
		for _, k := range e.Kept {
			assert.True(t, e.Start < k.At && k.At < e.End, "kept offset %d outside %q", k.At, e.Text)
		}
	}
	assert.Equal(t, "punkt", got[0].Rule)
	assert.Equal(t, []kept{{At: len(bom) + len("Ms."), Rule: "abbrev-title"}}, got[0].Kept)
	assert.Equal(t, "text-end", got[1].Rule)
	assert.Equal(t, "Ms.", text[got[0].Kept[0].At-3:got[0].Kept[0].At])
	assert.Equal(t, []kept{{At: strings.Index(text, "U.S.") + len("U.S."), Rule: "abbrev-continuer"}}, got[1].Kept)
	assert.Equal(t, "kind-inline", got[1].Cue)
}

func TestExplainWithMerge(t *testing.T) {
	r := runCmd(t, "Ms.\nSherman said.", "-explain", "-merge")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "-explain cannot be used with -merge")
}

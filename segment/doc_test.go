package segment

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRuleIDsDocumented checks that the package documentation lists every
// boundary rule and every kinds cue, in the order the code tries them, and
// nothing else: a rule added without its line in doc.go fails here.
func TestRuleIDsDocumented(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		return string(b)
	}
	var code []Rule
	for _, m := range regexp.MustCompile(`(?m)^\trule\w+\s+Rule = "([a-z-]+)"$`).FindAllStringSubmatch(read("rules.go"), -1) {
		code = append(code, Rule(m[1]))
	}
	require.NotEmpty(t, code)
	code = append(code, cueIDs[:]...)
	for _, id := range code {
		require.NotEmpty(t, id, "a cue without an ID")
	}

	doc := read("doc.go")
	start := strings.Index(doc, "// # Rules")
	end := strings.Index(doc, "// # Contract")
	require.True(t, start >= 0 && end > start, "doc.go has no Rules section before Contract")
	var documented []Rule
	for _, m := range regexp.MustCompile(`(?m)^//\t([a-z]+(?:-[a-z]+)*) `).FindAllStringSubmatch(doc[start:end], -1) {
		documented = append(documented, Rule(m[1]))
	}
	require.Equal(t, code, documented, "the IDs in doc.go, in order, must be those of rules.go then classify.go")
	seen := map[Rule]bool{}
	for _, id := range code {
		require.False(t, seen[id], "rule ID %q used twice", id)
		seen[id] = true
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsseg/newsseg/segment/htmlseg"
)

// htmlPage is a small news page: furniture, a headline, a byline, two body
// sentences behind character references, a caption.
const htmlPage = `<!DOCTYPE html>
<html><head><title>Talks end</title><script>var x = "<p>No.</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks end without a deal</h1>
<p class="byline">By <a rel="author" href="/jd">Jane Doe</a></p>
<p>&ldquo;We tried,&rdquo; said the <a href="/t/us">U.S.</a> envoy in Gen&egrave;ve. Talks resume on Friday.</p>
<figure><figcaption>Delegates arrive. (AP Photo/Evan Vucci)</figcaption></figure>
</article><footer>&copy; 2026 Wire News</footer></body></html>
`

var htmlLines = []string{
	"Home World",
	"Talks end without a deal",
	"By Jane Doe",
	"“We tried,” said the U.S. envoy in Genève.",
	"Talks resume on Friday.",
	"Delegates arrive.",
	"(AP Photo/Evan Vucci)",
	"© 2026 Wire News",
}

func TestRunHTML(t *testing.T) {
	dir := t.TempDir()
	htmlFile := writeFile(t, dir, "page.html", htmlPage)
	htmFile := writeFile(t, dir, "PAGE.HTM", htmlPage)
	txtFile := writeFile(t, dir, "page.txt", htmlPage)
	textFile := writeFile(t, dir, "story.html.txt", "The talks ended.\n\n<3 Both sides said little.\n")
	wantText := strings.Join(htmlLines, "\n") + "\n"

	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{name: "auto by .html", args: []string{htmlFile}, wantStdout: wantText},
		{name: "auto by .HTM", args: []string{htmFile}, wantStdout: wantText},
		{name: "auto by sniffing a file", args: []string{txtFile}, wantStdout: wantText},
		{name: "auto by sniffing stdin", stdin: htmlPage, wantStdout: wantText},
		{name: "auto sniffs after a byte order mark", stdin: "\ufeff \n" + htmlPage, wantStdout: wantText},
		{name: "auto reads text as text", args: []string{textFile}, wantStdout: "The talks ended.\n<3 Both sides said little.\n"},
		{name: "format html", args: []string{"-format", "html"}, stdin: "The talks ended. Both sides &amp; <b>all</b> said little.",
			wantStdout: "The talks ended.\nBoth sides & all said little.\n"},
		{name: "format text keeps the tags", args: []string{"-format", "text"}, stdin: "<p>The talks &amp; ended.</p>",
			wantStdout: "<p>The talks &amp; ended.</p>\n"},
		{name: "kinds", args: []string{"-kinds", "body,headline", htmlFile},
			wantStdout: "Talks end without a deal\n“We tried,” said the U.S. envoy in Genève.\nTalks resume on Friday.\n"},
		{name: "json", args: []string{"-json", "-kinds", "headline,meta", htmlFile},
			wantStdout: `{"text":"Talks end without a deal","start":176,"end":200,"kind":"headline"}` + "\n" +
				`{"text":"By Jane Doe","start":224,"end":262,"kind":"meta"}` + "\n" +
				`{"text":"Delegates arrive.","start":404,"end":421,"kind":"meta"}` + "\n" +
				`{"text":"(AP Photo/Evan Vucci)","start":422,"end":443,"kind":"meta"}` + "\n"},
		{name: "merge reads text with auto", args: []string{"-merge"}, stdin: "<p>Talks ended, Ms.\nSherman said.</p>\n",
			wantStdout: "<p>Talks ended, Ms. Sherman said.</p>\n"},
		{name: "unknown format", args: []string{"-format", "pdf"}, wantCode: exitUsage,
			wantStderr: `newsseg: -format: unknown format "pdf" (want text, html or auto)`},
		{name: "html with merge", args: []string{"-format", "html", "-merge"}, wantCode: exitUsage,
			wantStderr: "-format html cannot be used with -merge or -explain"},
		{name: "html with explain", args: []string{"-format", "HTML", "-explain"}, wantCode: exitUsage,
			wantStderr: "-format html cannot be used with -merge or -explain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.wantCode, r.code, "stderr: %s", r.stderr)
			if tt.wantStderr != "" {
				assert.Contains(t, r.stderr, tt.wantStderr)
			} else {
				assert.Empty(t, r.stderr)
			}
			assert.Equal(t, tt.wantStdout, r.stdout)
		})
	}
}

// TestRunHTMLOffsets checks -json on the golden pages against the package:
// the same sentences, offsets into the file, and with -offsets rune or
// utf16 the same spans counted in those units.
func TestRunHTMLOffsets(t *testing.T) {
	names, err := filepath.Glob("../../testdata/html/*.html")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	pages, err := htmlseg.New()
	require.NoError(t, err)
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			b, err := os.ReadFile(name)
			require.NoError(t, err)
			page := string(b)
			want := pages.Segment(page)
			for _, unit := range []string{"byte", "rune", "utf16"} {
				r := runCmd(t, "", "-json", "-offsets", unit, name)
				require.Equal(t, exitOK, r.code, r.stderr)
				recs := decodeLines(t, r.stdout)
				require.Len(t, recs, len(want))
				for i, rec := range recs {
					assert.Equal(t, want[i].Text, rec.Text)
					assert.Equal(t, want[i].Kind.String(), *rec.Kind)
					assert.Equal(t, count(page[:want[i].Start], unit), *rec.Start, "%s sentence %d start", unit, i)
					assert.Equal(t, count(page[:want[i].End], unit), *rec.End, "%s sentence %d end", unit, i)
				}
			}
		})
	}
}

// count returns the length of s in unit.
func count(s, unit string) int {
	switch unit {
	case "rune":
		return utf8.RuneCountInString(s)
	case "utf16":
		n := 0
		for _, r := range s {
			n++
			if r > 0xFFFF {
				n++
			}
		}
		return n
	}
	return len(s)
}

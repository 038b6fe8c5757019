package htmlseg

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzSegment checks the package contract on any input. Run it with
//
//	go test ./segment/htmlseg -run '^$' -fuzz '^FuzzSegment$' -fuzztime 5m -parallel 1
//
// Plain `go test` runs the seeds below, the golden pages and the corpus
// under testdata/fuzz/FuzzSegment, where every crasher found is kept.
func FuzzSegment(f *testing.F) {
	for _, seed := range hostileSeeds {
		f.Add(seed)
	}
	names, err := filepath.Glob(filepath.Join(pagesDir, "*.html"))
	require.NoError(f, err)
	for _, name := range names {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(string(b))
	}
	s := newTestSegmenter(f)
	f.Fuzz(func(t *testing.T, page string) {
		sc := s.newScanner(strings.NewReader(page), 0)
		var got []Sentence
		for sc.Scan() {
			got = append(got, sc.Sentence())
		}
		require.NoError(t, sc.Err())
		require.Equal(t, len(page), sc.vis.off, "the tokens do not cover the page")
		checkContract(t, page, got)

		// A stream with odd read sizes gives the same sentences.
		stream := s.NewScanner(&chunkReader{s: page, n: 1 + len(page)%7})
		var streamed []Sentence
		for stream.Scan() {
			streamed = append(streamed, stream.Sentence())
		}
		require.NoError(t, stream.Err())
		require.Equal(t, got, streamed)
	})
}

// chunkReader returns s n bytes at a time.
type chunkReader struct {
	s string
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.s) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.s)
	c.s = c.s[k:]
	return k, nil
}

// hostileSeeds are markup a scraper meets: broken and unclosed tags,
// character references of every form, raw-text elements, foreign content,
// encodings gone wrong.
var hostileSeeds = []string{
	"",
	"<",
	"&",
	"<p>",
	"</p>",
	"&#",
	"&#x;",
	"&amp",
	"&;",
	"<!--",
	"<!---->",
	"<!DOCTYPE html>",
	"<p>One.<p>Two.",
	"<br><br><br>",
	"</br></br>Text.",
	"<p>a</p>&nbsp;<p>&nbsp;</p>b",
	"<script>",
	"<script>x</script",
	"<p>x<script/>y.</p>",
	"<title>Page<p>text",
	"<plaintext><p>Not a tag.</p>",
	"<xmp><b>Not bold.</b></xmp>After.",
	"<textarea>&amp; text</textarea>",
	"<template><template></template>Still inert.</template>Shown.",
	"<svg><svg/></svg>Shown.</svg>More.",
	"</template></svg>Text.",
	"<p>&#0;&#x10FFFF;&#xD800;&#128;&#x110000;&#99999999999;</p>",
	"<p>&notit; &notin; &amp;amp; &AMP; &ampx &lt&gt &#65&#x41</p>",
	"<p>&nbspx&nbsp;&NotNestedGreaterGreater;&CounterClockwiseContourIntegral;</p>",
	"\ufeff\ufeff<p>\ufeffText.</p>",
	"<p>\x00\x00.\x00</p>",
	"<p>\xff\xfe Text. \xc3</p><\xff>",
	"<p>\r\n\r\n\r</p><pre>\r\n\r\nA\r\rB.\n\n\nC</pre>",
	"<pre>\n</pre><pre></pre>",
	"<p>a\u00a0\u00a0b\u2003c\u3000d\u0085e\u2028f.</p>",
	"<ul><li>One<li>Two<ol><li>Three</ul>Four.",
	"<table><tr><td>A<td>B<tr><td>C</table>D.",
	"<b><i>Mis</b>nested</i> tags.",
	"<p>" + strings.Repeat("<b>", 600) + "Deep." + strings.Repeat("</b>", 600) + "</p>",
	strings.Repeat("<div>", 300) + "Deep text." + strings.Repeat("</div>", 10),
	"<a href='x'>U.S.</a> Navy. <a>Ms.</a> Sherman.",
	"<h1>One<h2>Two</h1>Three</h2>",
	"<article></article><main>Text.</main>After.",
	"<nav><article>Story.</article></nav>",
	`<div class="ad" hidden>Advertisement</div><div role="navigation">Home</div>`,
	`<p class="&amp;byline" id=author rel=author itemprop=author>Jane</p>`,
	"<![CDATA[ Not text. ]]>Text.",
	"<math><mi>x</mi></math> equals.",
	"<p>" + strings.Repeat("&amp;", 300) + "</p>",
	"<p>" + strings.Repeat("a ", 300) + "</p>",
	"<p>" + strings.Repeat("U.S. ", 100) + "</p>",
}

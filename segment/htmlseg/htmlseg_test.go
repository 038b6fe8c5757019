package htmlseg

import (
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsseg/newsseg/segment"
)

// span is a sentence as the table tests state it: its text and, when
// start >= 0, the page bytes it spans.
type span struct {
	text       string
	start, end int
}

func TestMarkup(t *testing.T) {
	s := newTestSegmenter(t)
	tests := []struct {
		name string
		page string
		want []span
	}{
		{"empty page", "", nil},
		{"tags only", "<html><body><p></p><div> \n </div></body></html>", nil},
		{"paragraphs end sentences", "<p>The Senate voted.</p><p>The House did not.</p>",
			[]span{{"The Senate voted.", 3, 20}, {"The House did not.", 27, 45}}},
		{"inline elements never split", `<p>He joined the <a href="/t/navy">U.S.</a> Navy in <b>2001</b>.</p>`,
			[]span{{"He joined the U.S. Navy in 2001.", 3, 64}}},
		{"an inline tag inside a word", "<p>The <i>Titan</i>ic sank.</p>",
			[]span{{"The Titanic sank.", 3, 27}}},
		{"a span starts at the & of a reference", "<p>&ldquo;Yes,&rdquo; she said.</p>",
			[]span{{"“Yes,” she said.", 3, 31}}},
		{"a span ends after the ; of a reference", "<p>He said &ldquo;no.&rdquo;</p>",
			[]span{{"He said “no.”", 3, 28}}},
		{"a reference without ;", "<p>Smith &amp Sons &copy 2026 won.</p>",
			[]span{{"Smith & Sons © 2026 won.", 3, 34}}},
		{"numeric references", "<p>&#8220;Fine,&#x201D; he&#39;d say&#46;</p>",
			[]span{{"“Fine,” he'd say.", 3, 41}}},
		{"nbsp is a space and spaces collapse", "<p>Two&nbsp;&nbsp; \t spaces\u00a0here.</p>",
			[]span{{"Two spaces here.", 3, 34}}},
		{"CRLF and tabs are white space", "<p>One\r\n\ttwo three.\r\n</p>",
			[]span{{"One two three.", 3, 19}}},
		{"a br that wraps a sentence", "<div>The talks<br>ended today.</div>",
			[]span{{"The talks ended today.", 5, 30}}},
		{"a br after a dateline", "<div>GENEVA<br>The talks ended.</div>",
			[]span{{"GENEVA", 5, 11}, {"The talks ended.", 15, 31}}},
		{"br br is a paragraph", "<div>Talks ended<br> <br>in Geneva.</div>",
			[]span{{"Talks ended", 5, 16}, {"in Geneva.", 25, 35}}},
		{"unclosed paragraphs and list items", "<p>One.<p>Two.<ul><li>Three<li>Four</ul>",
			[]span{{"One.", 3, 7}, {"Two.", 10, 14}, {"Three", 22, 27}, {"Four", 31, 35}}},
		{"text directly in divs", "<div>Lead text.<div>Inner text.</div>Tail text.</div>",
			[]span{{"Lead text.", 5, 15}, {"Inner text.", 20, 31}, {"Tail text.", 37, 47}}},
		{"script, style, noscript, template, comments give no text",
			"<p>A<script>var x = '<p>no.</p>';</script>B<style>p{}</style>C<!-- D. -->E<noscript>F.</noscript>G<template><p>H.</p></template>I.</p>",
			[]span{{"ABCEGI.", 3, 130}}},
		{"JSON-LD gives no text", `<script type="application/ld+json">{"headline": "Not text."}</script><p>Text.</p>`,
			[]span{{"Text.", 72, 77}}},
		{"attribute values give no text", `<img alt="Not text."><p title="Nor this.">Text.</p>`,
			[]span{{"Text.", 42, 47}}},
		{"svg gives no text", `<p>Share<svg><title>Icon</title><text>x</text></svg> this.</p>`,
			[]span{{"Share this.", 3, 58}}},
		{"textarea and title give no text", `<title>Page</title><textarea>Type here.</textarea><p>Text.</p>`,
			[]span{{"Text.", 53, 58}}},
		{"pre keeps its lines", "<pre>NAME: Yes.\nOTHER NAME: No.</pre>",
			[]span{{"NAME: Yes.", 5, 15}, {"OTHER NAME: No.", 16, 31}}},
		{"a byte order mark", "\ufeff<p>Text.</p>", []span{{"Text.", 6, 11}}},
		{"NUL is not shown", "<p>Te\x00xt.</p>", []span{{"Text.", 3, 9}}},
		{"an unclosed tag at the end", "<p>Text.</p><a href=", []span{{"Text.", 3, 8}}},
		{"a stray < is text", "<p>5 < 6 and 7 > 2.</p>", []span{{"5 < 6 and 7 > 2.", 3, 19}}},
		{"an escaped tag is text", "<p>Use &lt;p&gt; tags.</p>", []span{{"Use <p> tags.", 3, 22}}},
		{"custom elements", "<news-body><p>Text.</p></news-body>", []span{{"Text.", 14, 19}}},
		{"</br> is a line break", "<div>GENEVA</br>The talks ended.</div>",
			[]span{{"GENEVA", 5, 11}, {"The talks ended.", 16, 32}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Segment(tt.page)
			checkContract(t, tt.page, got)
			var spans []span
			for _, st := range got {
				spans = append(spans, span{st.Text, st.Start, st.End})
			}
			assert.Equal(t, tt.want, spans)
		})
	}
}

func TestKinds(t *testing.T) {
	s := newTestSegmenter(t)
	tests := []struct {
		name string
		page string
		want []string // "kind<TAB>text"
	}{
		{"headings are headlines", "<h2>Reaction</h2><p>Officials welcomed the vote.</p>",
			[]string{"headline\tReaction", "body\tOfficials welcomed the vote."}},
		{"a story paragraph without final punctuation is body",
			"<p>The talks ended.</p><p>Seismic upgrades at Lincoln Middle School</p>",
			[]string{"body\tThe talks ended.", "body\tSeismic upgrades at Lincoln Middle School"}},
		{"an all-bold paragraph is a heading",
			"<p>The talks ended.</p><p><strong>What comes next</strong></p><p>Nobody knows.</p>",
			[]string{"body\tThe talks ended.", "headline\tWhat comes next", "body\tNobody knows."}},
		{"figcaption, time, address are meta",
			"<figure><figcaption>Delegates arrive on Monday.</figcaption></figure><time>May 5</time><address>Write to us.</address>",
			[]string{"meta\tDelegates arrive on Monday.", "meta\tMay 5", "meta\tWrite to us."}},
		{"an author link is meta, a time inside a sentence is not",
			`<p>By <a rel="author" href="/jd">Jane Doe</a></p><p>The vote came on <time>Monday</time> after a long debate.</p>`,
			[]string{"meta\tBy Jane Doe", "body\tThe vote came on Monday after a long debate."}},
		{"byline classes are meta", `<div class="c-byline__name">Jane Doe</div><p>The talks ended.</p>`,
			[]string{"meta\tJane Doe", "body\tThe talks ended."}},
		{"nav, footer, aside, form are boilerplate",
			"<nav>World news today.</nav><footer>Contact the newsroom.</footer><aside>Read this next.</aside><form>Enter your email.</form>",
			[]string{"boilerplate\tWorld news today.", "boilerplate\tContact the newsroom.", "boilerplate\tRead this next.", "boilerplate\tEnter your email."}},
		{"boilerplate wins over what is inside it",
			`<aside class="related"><h2>More stories</h2><p>Officials welcomed the vote.</p></aside>`,
			[]string{"boilerplate\tMore stories", "boilerplate\tOfficials welcomed the vote."}},
		{"cookie banners and ads",
			`<div id="cookie-consent"><p>We use cookies to improve your experience.</p></div><div class="ad-slot">Advertisement</div>`,
			[]string{"boilerplate\tWe use cookies to improve your experience.", "boilerplate\tAdvertisement"}},
		{"text outside the story after it is furniture",
			"<h1>Talks end</h1><article><p>The talks ended.</p></article><div>Officials welcomed the vote.</div>",
			[]string{"headline\tTalks end", "body\tThe talks ended.", "boilerplate\tOfficials welcomed the vote."}},
		{"table cells are body", "<table><tr><td>Mayor</td><td>48,210</td></tr></table>",
			[]string{"body\tMayor", "body\t48,210"}},
		{"a link list is boilerplate", `<div><a href="/a">Home</a> · <a href="/b">World news</a></div><p>The talks ended.</p>`,
			[]string{"boilerplate\tHome · World news", "body\tThe talks ended."}},
		{"a furniture block ends where its markup does",
			`<p>The talks ended.</p><div class="related"><p>Read more:</p><a href="/x">Talks in Geneva</a></div><p>Officials welcomed the vote.</p>`,
			[]string{"body\tThe talks ended.", "boilerplate\tRead more:", "boilerplate\tTalks in Geneva", "body\tOfficials welcomed the vote."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Segment(tt.page)
			checkContract(t, tt.page, got)
			assert.Equal(t, tt.want, kindLines(got))
		})
	}
}

// TestOptions checks that New passes its options to the text segmenter.
func TestOptions(t *testing.T) {
	_, err := New(segment.WithAbbreviations(nil))
	require.ErrorContains(t, err, "nil set")
}

func TestTokenTooLong(t *testing.T) {
	s := newTestSegmenter(t)
	page := "<p>The talks ended.</p><!--" + strings.Repeat("x", 200) + "--><p>More.</p>"
	sc := s.newScanner(strings.NewReader(page), 64)
	var got []string
	for sc.Scan() {
		got = append(got, sc.Sentence().Text)
	}
	err := sc.Err()
	require.ErrorIs(t, err, html.ErrBufferExceeded)
	assert.ErrorContains(t, err, "htmlseg: reading the page at byte 87: a token is longer than 64 bytes")
	assert.Empty(t, got, "the sentence still open when the page broke off is not returned")
	// Segment has the page in memory already and no limit.
	assert.Len(t, s.Segment(page), 2)
}

var errBroken = errors.New("connection reset")

type brokenReader struct {
	r io.Reader
}

func (b *brokenReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err == io.EOF {
		return n, errBroken
	}
	return n, err
}

func TestReadError(t *testing.T) {
	s := newTestSegmenter(t)
	var n int
	var last error
	for _, err := range s.Sentences(&brokenReader{strings.NewReader("<p>One.</p><p>Two.</p><p>Three")}) {
		if err != nil {
			last = err
			break
		}
		n++
	}
	require.ErrorIs(t, last, errBroken)
	assert.ErrorContains(t, last, "htmlseg: reading the page at byte")
	// "Two." was still open: the page broke off before anything showed
	// where it ends.
	assert.Equal(t, 1, n)
}

// pageReader serves a page of n story paragraphs without holding it.
type pageReader struct {
	n, i int
	buf  []byte
}

func (p *pageReader) Read(b []byte) (int, error) {
	for len(p.buf) == 0 {
		if p.i == p.n {
			return 0, io.EOF
		}
		p.buf = fmt.Appendf(p.buf[:0], "<p>Paragraph %d: the <a href=\"/t/%d\">U.S.</a> Navy said on Monday that&nbsp;talks had ended &mdash; for now.</p>\n", p.i, p.i)
		p.i++
	}
	n := copy(b, p.buf)
	p.buf = p.buf[n:]
	return n, nil
}

// TestBoundedMemory checks that the offset map holds only what the text
// scanner has not decided, however long the page.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 10 MB page")
	}
	s := newTestSegmenter(t)
	sc := s.NewScanner(&pageReader{n: 100_000})
	n, most := 0, 0
	for sc.Scan() {
		n++
		most = max(most, len(sc.vis.runs)-sc.vis.head, cap(sc.vis.runs))
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, 100_000, n)
	assert.Less(t, most, 200_000, "the offset map grew with the page")
}

// TestSegmentDoesNotImportXNet checks that importing segment alone does
// not pull in golang.org/x/net: the HTML front end is a package of its own.
func TestSegmentDoesNotImportXNet(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/newsseg/newsseg/segment").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.NotContains(t, string(out), "golang.org/x/net")
	assert.Contains(t, string(out), "github.com/newsseg/newsseg/segment\n")
}

func TestParseClasses(t *testing.T) {
	tests := []struct {
		name, data, err string
	}{
		{"comments and blank lines", "# furniture\n\nboilerplate\tAd\nmeta\tbyline\n", ""},
		{"no tab", "boilerplate ad\n", `htmlseg: test: line 1: "boilerplate ad": want a kind, a tab and one ASCII word`},
		{"two words", "meta\tby line\n", `line 1: "meta\tby line": want a kind`},
		{"unknown kind", "furniture\tad\n", `htmlseg: test: line 1: segment: unknown kind "furniture"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words, err := parseClasses("test", tt.data)
			if tt.err != "" {
				require.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, map[string]class{"ad": boilerplate, "byline": meta}, words)
		})
	}
}

func TestAttrClass(t *testing.T) {
	words, err := loadClasses()
	require.NoError(t, err)
	tests := []struct {
		value string
		want  class
	}{
		{"article-body", none},
		{"c-byline__name", meta},
		{"articleByline", meta},
		{"AuthorBio", meta},
		{"story headline large", headline},
		{"ad-slot ad-slot--inline", boilerplate},
		{"headline related-links", boilerplate}, // the strongest word wins
		{"loaded head shadow", none},            // "ad" only as a word
		{"SHARE-TOOLS", boilerplate},
		{"x" + strings.Repeat("a", 40) + " byline", meta},
		{"", none},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			assert.Equal(t, tt.want, attrClass(words, []byte(tt.value)))
		})
	}
}

// TestConcurrent checks that one Segmenter gives every goroutine the same
// sentences (run it with -race).
func TestConcurrent(t *testing.T) {
	s := newTestSegmenter(t)
	page := `<article><h1>Talks end</h1><p>The talks ended. <a href="/x">Officials</a> left.</p></article><footer>Contact us.</footer>`
	want := s.Segment(page)
	done := make(chan []Sentence)
	for range 4 {
		go func() { done <- s.Segment(page) }()
	}
	for range 4 {
		assert.Equal(t, want, <-done)
	}
}

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/newsseg/newsseg/segment"
	"github.com/newsseg/newsseg/segment/htmlseg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textOptions are the options of a plain run: lines, every kind, byte
// offsets.
func textOptions() options {
	return options{kinds: kindSet{true, true, true, true}, unit: segment.Bytes}
}

// mapNews writes news text of at least n bytes to a file and maps it as
// mapText does.
func mapNews(t *testing.T, n int) (*mapping, string, *segment.Segmenter) {
	t.Helper()
	m, path, seg, _ := mapText(t, "news.txt", newsText(t, n))
	return m, path, seg
}

// mapText writes text to a file called name, opens it and maps it as the
// command would, and returns the mapping, the file's path, the segmenter,
// and a function that unmaps it, which the test's cleanup calls unless the
// test has.
func mapText(t *testing.T, name, text string) (*mapping, string, *segment.Segmenter, func() error) {
	t.Helper()
	path := writeFile(t, t.TempDir(), name, text)
	f, err := os.Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	seg, err := segment.New()
	require.NoError(t, err)
	m := mapInput(f, path, 0, segmenters{text: seg}, textOptions())
	require.NotNil(t, m, "a text file of %d bytes is mapped", len(text))
	unmap := sync.OnceValue(m.unmap)
	t.Cleanup(func() { require.NoError(t, unmap()) })
	return m, path, seg, unmap
}

func TestMapInputDeclines(t *testing.T) {
	dir := t.TempDir()
	seg, err := segment.New()
	require.NoError(t, err)
	pages := segmenters{text: seg, pages: nil}
	news := newsText(t, mapMin)
	html := "<!DOCTYPE html><html><body><p>" + strings.Repeat("The talks ended. ", mapMin/17+1) + "</p></body></html>"
	merge, explain, runes := textOptions(), textOptions(), textOptions()
	merge.merge, explain.explain, runes.unit = true, true, segment.Runes
	for _, tc := range []struct {
		name, file, text string
		opts             options
		html             bool // an HTML segmenter is at hand
	}{
		{"small file", "small.txt", news[:mapMin-1], textOptions(), false},
		{"html by its name", "page.html", news, textOptions(), true},
		{"html by its first bytes", "page.txt", html, textOptions(), true},
		{"merge", "news.txt", news, merge, false},
		{"explain", "news.txt", news, explain, false},
		{"rune offsets", "news.txt", news, runes, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, dir, tc.file, tc.text)
			f, err := os.Open(path)
			require.NoError(t, err)
			defer f.Close()
			segs := pages
			if tc.html {
				var err error
				segs.pages, err = htmlseg.New()
				require.NoError(t, err)
			}
			assert.Nil(t, mapInput(f, path, 0, segs, tc.opts))
		})
	}
	// A pipe is not a regular file.
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	defer w.Close()
	assert.Nil(t, mapInput(r, "-", 0, pages, textOptions()))
}

// TestMappedTruncated cuts the mapped file short before the scan reads
// it: reading the pages past its new end faults, and the command reports
// it as an error of that input rather than crashing.
func TestMappedTruncated(t *testing.T) {
	m, path, seg := mapNews(t, 1<<20)
	require.NoError(t, os.Truncate(path, 0))
	var out bytes.Buffer
	o := newOutput(bufio.NewWriterSize(&out, outputSize))
	err := processMapped(seg, path, m, o, textOptions())
	require.ErrorIs(t, err, errShrunk)
}

// TestMappedTruncatedWhileWriting cuts the file short after the scan has
// handed over sentences, so that the writing goroutine is the one that
// faults: it stops, reports it, and close still returns.
func TestMappedTruncatedWhileWriting(t *testing.T) {
	m, path, _ := mapNews(t, 1<<20)
	text := m.text()
	var out bytes.Buffer
	o := newOutput(bufio.NewWriterSize(&out, outputSize))
	w := newSentenceWriter(o, path, 0, m, textOptions())
	require.NoError(t, os.Truncate(path, 0))
	for i := 0; i+100 <= len(text); i += 100 {
		w.write(text[i:i+100], i, i+100, segment.Body)
		if !w.ok() {
			break
		}
	}
	w.close()
	assert.True(t, w.faulted.Load())
	assert.False(t, w.ok())
	require.NoError(t, o.w.Flush())
	assert.Empty(t, out.String(), "no record is written in part")
}

// TestReclaim reads the first three quarters of a mapped file and waits
// for the mapping's reclaiming goroutine to hand the pages behind back:
// all but the last reclaimLag bytes read are.
func TestReclaim(t *testing.T) {
	m, _, _, unmap := mapText(t, "news.txt", newsText(t, 4*(reclaimLag+releaseEvery)))
	text := m.text()
	read := 3 * len(text) / 4
	sum := 0
	for i := 0; i < read; i += m.page {
		sum += int(text[i])
	}
	require.NotZero(t, sum)
	before := mappingRSS(t, m)
	require.GreaterOrEqual(t, before, read-m.page, "the pages read are resident")
	// The reclaiming goroutine owns m.released until unmap: the test
	// watches the pages instead.
	bound := reclaimLag + 2*releaseEvery
	after := mappingRSS(t, m)
	for deadline := time.Now().Add(10 * time.Second); after >= bound && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
		after = mappingRSS(t, m)
	}
	assert.Less(t, after, bound, "resident after reclaim, of %d before", before)
	require.NoError(t, unmap()) // waits for the goroutine
	assert.Greater(t, m.released, read-reclaimLag-releaseEvery-m.page)
}

// TestMappedReleasesBlankLines runs the command's mapped scan over a
// sentence and 64 MB of blank lines, read in a single Scan: the pages it
// reads are handed back all the same, as they go.
func TestMappedReleasesBlankLines(t *testing.T) {
	m, path, seg, _ := mapText(t, "blank.txt", "The talks ended.\n"+strings.Repeat("\n", 64<<20))
	var out bytes.Buffer
	o := newOutput(bufio.NewWriterSize(&out, outputSize))
	require.NoError(t, processMapped(seg, path, m, o, textOptions()))
	require.NoError(t, o.w.Flush())
	assert.Equal(t, "The talks ended.\n", out.String())
	rss := mappingRSS(t, m)
	assert.Less(t, rss, len(m.data)/2, "resident bytes of the mapping of %d", len(m.data))
}

// mappingRSS returns the resident bytes of m's mapping, as /proc/self/smaps
// gives them.
func mappingRSS(t *testing.T, m *mapping) int {
	t.Helper()
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	start := fmt.Sprintf("%x-", uintptr(unsafe.Pointer(unsafe.SliceData(m.data))))
	in := false
	for line := range strings.Lines(string(smaps)) {
		if fields := strings.Fields(line); len(fields) > 0 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			in = strings.HasPrefix(line, start)
			continue
		}
		if in && strings.HasPrefix(line, "Rss:") {
			kb, err := strconv.Atoi(strings.Fields(line)[1])
			require.NoError(t, err)
			return kb << 10
		}
	}
	t.Fatalf("no mapping at %s in /proc/self/smaps", start)
	return 0
}

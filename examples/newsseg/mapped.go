package main

import (
	"errors"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/newsseg/newsseg/segment"
)

// A large regular file is not read but mapped into memory, on Linux
// (mapfile_linux.go): reading copies every byte from the kernel's page
// cache into a buffer that the scanner then allocates and the collector
// frees, a tenth of the time the segmenter takes; mapped, the file's bytes
// are the text itself, which the Scanner takes whole, as it takes a
// strings.Reader's. Pages already read are handed back as the scan goes
// (mapping.reclaim), so memory stays as flat as when reading. Anything
// else, a pipe, a terminal, a small file, an HTML page, -merge, -explain
// and -offsets other than bytes, is read as a stream.
const (
	// mapMin is the least size of a file worth mapping: a smaller one is
	// read in a few calls.
	mapMin = 256 << 10
	// reclaimPeriod is how often the pages read are looked for.
	reclaimPeriod = 10 * time.Millisecond
	// releaseEvery is how many bytes of pages are handed back at least at
	// a time.
	releaseEvery = 4 << 20
	// reclaimLag is how far behind the scan pages are handed back: the
	// writing goroutine trails it by a few batches (batchText), and the
	// scan may look back as far as a window.
	reclaimLag = batches*batchText + segment.WindowSize
)

var (
	// errNoMapping is mapFile's error for a file it does not map.
	errNoMapping = errors.New("not mapped")
	// errShrunk is the error of a mapped input whose file was cut short
	// while the command read it: reading past the file's new end faults.
	errShrunk = errors.New("the file was truncated while it was read")
)

// mapInput maps the text input f, opened as name and read from offset off,
// when the command would segment it as a stream of text with byte offsets
// and it is a regular file of at least mapMin bytes. It returns nil when
// the input is to be read instead.
func mapInput(f *os.File, name string, off int64, segs segmenters, opts options) *mapping {
	if opts.merge || opts.explain || opts.unit != segment.Bytes {
		return nil
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size()-off < mapMin {
		return nil
	}
	m, err := mapFile(f, off, info.Size())
	if err != nil {
		return nil
	}
	var html bool
	err = m.guardFaults(func() error {
		html = readsAsHTML(segs, name, opts, func() string {
			text := m.text()
			text = text[bomLen(text):]
			return text[:min(len(text), sniffSize)]
		})
		return nil
	})
	if html || err != nil {
		// An HTML page is read by its own scanner; a file cut short
		// already is read as far as it goes.
		_ = m.unmap()
		return nil
	}
	return m
}

// bomLen returns the length of the byte order mark text starts with, or 0.
func bomLen(text string) int {
	if strings.HasPrefix(text, utf8BOM) {
		return len(utf8BOM)
	}
	return 0
}

// processMapped segments the text input called name, mapped as m, and
// writes its sentences to out, as process does for a text read as a
// stream. The error it returns is errShrunk if the file was cut short
// under it.
func processMapped(seg *segment.Segmenter, name string, m *mapping, out *output, opts options) error {
	text, base := m.text(), 0
	if err := m.guardFaults(func() error {
		base = bomLen(text)
		return nil
	}); err != nil {
		return err
	}
	w := newSentenceWriter(out, name, base, m, opts)
	err := m.guardFaults(func() error {
		return scanText(seg, strings.NewReader(text[base:]), w)
	})
	w.close()
	if err == nil && w.faulted.Load() {
		err = errShrunk
	}
	opts.progress.add(len(text) - w.counted)
	return err
}

// guardFaults runs f, which reads m's text, and returns errShrunk if f
// faults on an address of m, which happens when the file was cut short
// under it, or else f's error. Any other panic goes on.
func (m *mapping) guardFaults(f func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if fault, ok := r.(interface{ Addr() uintptr }); !ok || !m.holds(fault.Addr()) {
				panic(r)
			}
			err = errShrunk
		}
	}()
	return f()
}

// seekEnd leaves f, a standard input that was mapped, at its end, where
// reading it would have left it, for a command that reads it next.
func seekEnd(f io.Seeker) {
	_, _ = f.Seek(0, io.SeekEnd)
}

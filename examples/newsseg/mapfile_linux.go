//go:build linux

package main

import (
	"encoding/binary"
	"os"
	"runtime"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// mapping is the rest of a regular file, from the offset it was opened at,
// mapped read-only into memory, so that the command segments the file's
// bytes where the kernel keeps them, neither copied by read(2) into
// buffers of its own nor allocated (see mapInput).
//
// The pages the scan has read stay resident, and count in the command's
// memory, until they are handed back (reclaim). Sentences tell how far the
// scan has come only when there are some: 100 MB of blank lines, say,
// would be read in one Scan. So the kernel is asked instead:
// /proc/self/pagemap says which pages of the mapping are resident, and the
// scan, which reads the text from start to end, leaves them resident from
// the last page handed back up to where it reads.
type mapping struct {
	data     []byte   // the pages mapped, from a page boundary
	skip     int      // bytes of data before the input: the offset was inside a page
	pagemap  *os.File // /proc/self/pagemap
	page     int      // the page size
	released int      // data[:released] has been handed back (reclaim)
	stop     chan struct{}
	stopped  sync.WaitGroup
}

// mapFile maps the part of the regular file f from offset off to its end,
// size bytes in all. It fails where the file cannot be mapped, or its
// pages could not be handed back as the scan goes; the caller reads it
// instead.
func mapFile(f *os.File, off, size int64) (*mapping, error) {
	page := int64(os.Getpagesize())
	start := off &^ (page - 1)
	n := size - start
	if off >= size || n != int64(int(n)) {
		return nil, errNoMapping
	}
	pagemap, err := os.Open("/proc/self/pagemap")
	if err != nil {
		return nil, err
	}
	data, err := syscall.Mmap(int(f.Fd()), start, int(n), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		pagemap.Close()
		return nil, err
	}
	// The text is read once, from start to end: read ahead far.
	_ = syscall.Madvise(data, syscall.MADV_SEQUENTIAL)
	m := &mapping{data: data, skip: int(off - start), pagemap: pagemap, page: int(page), stop: make(chan struct{})}
	if !m.pagemapWorks() {
		// Pages could not be handed back: memory would grow with the
		// file.
		pagemap.Close()
		_ = syscall.Munmap(data)
		return nil, errNoMapping
	}
	m.stopped.Add(1)
	go m.reclaimEvery(reclaimPeriod)
	return m, nil
}

// pagemapWorks reports whether the pagemap tells that the first page,
// once read, is resident: a kernel or a sandbox may hide it.
func (m *mapping) pagemapWorks() bool {
	var first byte
	if err := m.guardFaults(func() error {
		first = m.data[0]
		return nil
	}); err != nil {
		return false // the file is shorter than it was: read what is left
	}
	runtime.KeepAlive(first) // the read is what makes the page resident
	return m.residentEnd() > 0
}

// text returns the input as a string over the mapped pages. It is valid
// until unmap, and reading it faults once the file has shrunk below it
// (see guardFaults).
func (m *mapping) text() string {
	return unsafe.String(&m.data[m.skip], len(m.data)-m.skip)
}

// reclaimEvery runs reclaim every period until unmap.
func (m *mapping) reclaimEvery(period time.Duration) {
	defer m.stopped.Done()
	tick := time.NewTicker(period)
	defer tick.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-tick.C:
			m.reclaim()
		}
	}
}

// reclaim hands back to the kernel the pages more than reclaimLag behind
// the last resident page, once releaseEvery bytes of them have gathered,
// so that the command's resident memory stays flat however large the
// file, as it does when it reads. The pages stay in the page cache, and a
// look at one handed back (the writing goroutine's, which trails the
// scan, or the scan's own look back) maps it again: it costs time, never
// correctness.
func (m *mapping) reclaim() {
	read := m.residentEnd() * m.page
	end := (read - reclaimLag) &^ (m.page - 1)
	if end-m.released < releaseEvery {
		return
	}
	_ = syscall.Madvise(m.data[m.released:end], syscall.MADV_DONTNEED)
	m.released = end
}

// residentEnd returns the index of the first page, from the last one
// handed back, that is not resident: the pages the scan read since are,
// those it has not reached are not (the kernel maps a few around each one
// it faults in, which matters nothing here). It searches in halves,
// reading one word of the pagemap for each look.
func (m *mapping) residentEnd() int {
	base := uintptr(unsafe.Pointer(unsafe.SliceData(m.data))) / uintptr(m.page)
	lo, hi := m.released/m.page, (len(m.data)+m.page-1)/m.page
	var word [8]byte
	for lo < hi {
		mid := lo + (hi-lo)/2
		if _, err := m.pagemap.ReadAt(word[:], int64(base+uintptr(mid))*8); err != nil {
			return lo
		}
		if binary.LittleEndian.Uint64(word[:])&(1<<63) != 0 { // resident
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// unmap stops the reclaiming and removes the mapping; text must not be
// read afterwards.
func (m *mapping) unmap() error {
	close(m.stop)
	m.stopped.Wait()
	m.pagemap.Close()
	return syscall.Munmap(m.data)
}

// holds reports whether addr lies in the mapped pages.
func (m *mapping) holds(addr uintptr) bool {
	start := uintptr(unsafe.Pointer(unsafe.SliceData(m.data)))
	return start <= addr && addr-start < uintptr(len(m.data))
}

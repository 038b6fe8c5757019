//go:build !linux

package main

import "os"

// mapping is a file mapped into memory, which the command does only on
// Linux, where the standard library lets it hand pages back as it goes
// (see mapfile_linux.go): here it reads every input.
type mapping struct{}

// mapFile fails: the caller reads f instead.
func mapFile(f *os.File, off, size int64) (*mapping, error) { return nil, errNoMapping }

func (m *mapping) text() string       { return "" }
func (m *mapping) unmap() error       { return nil }
func (m *mapping) holds(uintptr) bool { return false }

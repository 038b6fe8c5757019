//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time, user and system, used so far by this
// process and by the children it has waited for, so that BenchmarkCommand
// can report it for the command in the process and as a process alike: on
// a machine other work shares, it is steadier than the wall time.
func cpuTime() time.Duration {
	var self, children syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) != nil ||
		syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children) != nil {
		return 0
	}
	return time.Duration(self.Utime.Nano() + self.Stime.Nano() + children.Utime.Nano() + children.Stime.Nano())
}

//go:build !unix

package main

import "time"

// cpuTime returns 0 where getrusage is missing: BenchmarkCommand then
// reports no CPU time.
func cpuTime() time.Duration { return 0 }

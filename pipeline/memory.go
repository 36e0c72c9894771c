package pipeline

import (
	"os"
	"runtime/debug"
)

// MemoryLimit is the soft limit on the Go heap that TuneMemory sets: well
// under the 300 MB a run may take, with room for the stacks and the
// runtime.
const MemoryLimit = 224 << 20

// TuneMemory trades memory for speed within a bound: the collector runs a
// quarter as often as by default (GOGC=400), and the soft memory limit
// makes it run sooner when the heap nears MemoryLimit. A run's live heap is
// small (the document being checked, the dictionary, the findings), so it
// spends much of its time collecting garbage otherwise. GOGC or GOMEMLIMIT
// set in the environment win. It is for commands, not libraries: it
// changes the whole process.
func TuneMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}

// SetMemoryLimit sets the soft limit on the Go heap to n bytes, unless
// GOMEMLIMIT is set in the environment; for a command whose live heap is
// larger than TuneMemory's limit allows for (transcheck filter).
func SetMemoryLimit(n int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(n)
	}
}

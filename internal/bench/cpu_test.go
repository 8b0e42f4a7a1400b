package bench

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time (user + system) this process has used so far.
// The benchmarks report articles per CPU-second beside the wall-clock
// figures because the shared build machine is often busy with other
// work: wall time then measures the queue for a core, CPU time still
// measures the code.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuMeter reports docs per CPU-second over a benchmark's loop.
type cpuMeter struct{ start time.Duration }

func startCPU() cpuMeter { return cpuMeter{cpuTime()} }

func (m cpuMeter) report(b *testing.B, docs int) {
	used := cpuTime() - m.start
	if used > 0 && docs > 0 {
		b.ReportMetric(float64(docs)/used.Seconds(), "docs/cpu-s")
	}
}

package profiled

import (
	"fmt"
	"runtime"
	"testing"
	"time"
)

// TestDumpWhileProfiling prints the goroutines while -cpuprofile and -trace are active:
// the testing package stops both before the end-of-run check and before a timeout dump,
// so this is the only place their writer goroutines show.
func TestDumpWhileProfiling(t *testing.T) {
	time.Sleep(50 * time.Millisecond)
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	fmt.Println("goleak-run:v1 begin waited=0")
	fmt.Print(string(buf[:n]))
	fmt.Println("goleak-run:v1 end")
}

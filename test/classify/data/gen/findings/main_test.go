package findings

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"
)

// TestMain mimics the injected snippet: the dump helper's name carries the goleakrun prefix.
func TestMain(m *testing.M) {
	code := m.Run()
	goleakrunDump()
	os.Exit(code)
}

func goleakrunDump() {
	time.Sleep(300 * time.Millisecond)
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	fmt.Println("goleak-run:v1 begin waited=300")
	fmt.Print(string(buf[:n]))
	fmt.Println("goleak-run:v1 end")
}

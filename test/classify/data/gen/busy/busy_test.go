// Package busy leaves a goroutine that never blocks: every dump catches it somewhere else in
// its loop, runnable after the tests, running when -timeout fires. Its leak must keep one
// fingerprint however it is caught.
package busy

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestMain mimics the injected snippet, but dumps until the spinner is caught in a second
// place, and prints the first dump and that one.
func TestMain(m *testing.M) {
	code := m.Run()
	if os.Getenv("BUSY_HANG") == "" {
		goleakrunDumps()
	}
	os.Exit(code)
}

var sink int

func startSpinner() { go spin() }

//go:noinline
func spin() {
	for {
		step()
		stepBack()
	}
}

//go:noinline
func step() {
	for i := 0; i < 1000; i++ {
		sink += i
	}
}

//go:noinline
func stepBack() {
	for i := 0; i < 1000; i++ {
		sink -= i
	}
}

func TestSpin(t *testing.T) { startSpinner() }

// TestHang spins too, then hangs until -timeout dumps every goroutine (only with BUSY_HANG set).
func TestHang(t *testing.T) {
	if os.Getenv("BUSY_HANG") == "" {
		t.Skip("run by regenerate.sh with BUSY_HANG=1 and -timeout")
	}
	startSpinner()
	select {}
}

func goleakrunDumps() {
	time.Sleep(100 * time.Millisecond)
	first := dump()
	for i := 0; i < 1000; i++ {
		time.Sleep(time.Millisecond)
		if next := dump(); spinnerTop(next) != spinnerTop(first) {
			for _, d := range []string{first, next} {
				fmt.Println("goleak-run:v1 begin waited=100")
				fmt.Print(d)
				fmt.Println("goleak-run:v1 end")
			}
			return
		}
	}
	fmt.Println("the spinner was caught in one place only")
}

func dump() string {
	buf := make([]byte, 1<<20)
	return string(buf[:runtime.Stack(buf, true)])
}

// spinnerTop is the first frame of the goroutine running spin.
func spinnerTop(d string) string {
	for _, block := range strings.Split(d, "\n\n") {
		if strings.Contains(block, "busy.spin(") {
			return strings.SplitN(block, "\n", 3)[1]
		}
	}
	return ""
}

package clean

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"
)

func TestNothing(t *testing.T) {}

func TestMain(m *testing.M) {
	code := m.Run()
	goleakrunDump()
	os.Exit(code)
}

func goleakrunDump() {
	time.Sleep(100 * time.Millisecond)
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	fmt.Println("goleak-run:v1 begin waited=100")
	fmt.Print(string(buf[:n]))
	fmt.Println("goleak-run:v1 end")
}

// Package wggo leaks a goroutine started through sync.WaitGroup.Go: the go statement is in the
// standard library, and the goroutine's own frames show where it is stuck, not where it began.
package wggo

import (
	"fmt"
	"os"
	"runtime"
	"sync"
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
	time.Sleep(100 * time.Millisecond)
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	fmt.Println("goleak-run:v1 begin waited=100")
	fmt.Print(string(buf[:n]))
	fmt.Println("goleak-run:v1 end")
}

var never = make(chan struct{})

func block() { <-never }

func TestWaitGroupGo(t *testing.T) {
	var wg sync.WaitGroup
	wg.Go(func() {
		block()
	})
}

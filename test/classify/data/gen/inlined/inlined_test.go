// Package inlined leaks from a closure of a method that Go inlines into the test: the
// ancestor stack then names the test only as the prefix of that closure's name
// (TestDecorated.(*Decorator).Wrap.func1), as watermill's middleware tests show.
package inlined

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
	time.Sleep(100 * time.Millisecond)
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	fmt.Println("goleak-run:v1 begin waited=100")
	fmt.Print(string(buf[:n]))
	fmt.Println("goleak-run:v1 end")
}

var never = make(chan struct{})

func block() { <-never }

// spawn starts the goroutine; it is not inlined, so it stays a frame of its own.
//
//go:noinline
func spawn(f func()) { go f() }

type Decorator struct{}

// Wrap is small enough to be inlined into the test, and so is the closure it returns.
func (d *Decorator) Wrap(f func()) func() { return func() { spawn(f) } }

func TestDecorated(t *testing.T) {
	d := &Decorator{}
	d.Wrap(block)()
}

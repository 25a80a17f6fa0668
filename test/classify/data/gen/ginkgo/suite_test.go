// Package ginkgo_test is a Ginkgo suite with no leak of its own: the goroutines Ginkgo keeps
// for the process (its interrupt handler) are alive after the tests all the same.
package ginkgo_test

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
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

func TestSuite(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "suite")
}

var _ = Describe("sums", func() {
	It("adds", func() { Expect(1 + 1).To(Equal(2)) })
})

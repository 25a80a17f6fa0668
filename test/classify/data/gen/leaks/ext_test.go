package leaks_test

import (
	"testing"

	"example.com/leaky/leaks"
)

func TestExternal(t *testing.T) {
	leaks.Serve(make(chan struct{}))
}

func ExampleServe() {
	leaks.Serve(make(chan struct{}))
	// Output:
}

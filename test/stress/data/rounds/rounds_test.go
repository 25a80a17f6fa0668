// Package rounds leaks on purpose, in known rounds of -count=3, for test/stress/rounds-recorded.test.ts.
package rounds

import (
	"sync/atomic"
	"testing"
)

var (
	neverSent     = make(chan struct{})
	neverReceived = make(chan struct{})
)

var runsOfC int32

// TestA leaks one goroutine in every round.
func TestA(t *testing.T) {
	go func() { <-neverSent }()
}

// TestB leaks, in every round, a goroutine started by a goroutine it started.
func TestB(t *testing.T) {
	done := make(chan struct{})
	go func() {
		go func() { neverReceived <- struct{}{} }()
		close(done)
	}()
	<-done
}

// TestC leaks only in its second round.
func TestC(t *testing.T) {
	if atomic.AddInt32(&runsOfC, 1) == 2 {
		go func() { select {} }()
	}
}

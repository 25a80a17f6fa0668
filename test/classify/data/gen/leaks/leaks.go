// Package leaks holds library code whose goroutines outlive the tests.
package leaks

import "time"

var forever = make(chan struct{})

func init() {
	go initWorker()
}

func initWorker() {
	<-forever
}

// Serve starts a loop that stops only when stop is closed.
func Serve(stop chan struct{}) {
	go serveLoop(stop)
}

func serveLoop(stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(time.Hour):
		}
	}
}

// Block parks the calling goroutine forever.
func Block() {
	<-forever
}

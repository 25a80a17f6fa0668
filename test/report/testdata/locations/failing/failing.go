// Package failing has a test that fails with a t.Errorf line, for recorded output.
package failing

// Greeting returns a fixed greeting.
func Greeting() string { return "hello" }

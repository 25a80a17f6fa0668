// Package broken does not compile, for recorded build output.
package broken

// Value refers to a function that does not exist.
func Value() int { return missingFunc() }

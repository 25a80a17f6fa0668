package broken

import "testing"

func TestValue(t *testing.T) {
	x := 1
	_ = Value()
}

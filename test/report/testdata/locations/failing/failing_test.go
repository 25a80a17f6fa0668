package failing

import "testing"

func TestGreeting(t *testing.T) {
	if got := Greeting(); got != "hi" {
		t.Errorf("Greeting() = %q, want %q: 100%% wrong", got, "hi")
	}
}

func TestNested(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		t.Fatal("sub failed")
	})
}

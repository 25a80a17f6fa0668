package findings

import (
	"fmt"
	"testing"
	"time"
)

func TestNested(t *testing.T) {
	t.Run("A", func(t *testing.T) {
		t.Run("A1", func(t *testing.T) {
			Start()
		})
		t.Run("A2", func(t *testing.T) {
		})
	})
}

func TestInlined(t *testing.T) {
	_ = New()
}

func ExampleNew() {
	_ = New()
	fmt.Println("x")
	// Output: x
}

func ExampleStart() {
	Start()
	fmt.Println("y")
	// Output: y
}

func TestCacheFirst(t *testing.T) {
	var found bool
	c := NewCache(50*time.Millisecond, time.Millisecond)
	c.Set("a", 1)
	_, found = c.items["a"]
	if !found {
		t.Error("a not found")
	}
}

func TestDuplicate(t *testing.T) {
	t.Run("dup", func(t *testing.T) { Start() })
	t.Run("dup", func(t *testing.T) {})
}

func TestLoop(t *testing.T) {
	for i := 0; i < 2; i++ {
		t.Run("loop", func(t *testing.T) { Start() })
	}
}

func TestComputed(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) { Start() })
	}
}

func leakNamed(t *testing.T) { Start() }

func TestNamed(t *testing.T) {
	t.Run("named", leakNamed)
}

func TestCapturedOuter(t *testing.T) {
	t.Run("outer", func(inner *testing.T) {
		t.Run("sibling", func(t *testing.T) { Start() })
	})
}

func TestSameLine(t *testing.T) {
	t.Run("x", func(t *testing.T) { Start() }); t.Run("y", func(t *testing.T) {})
}

func TestDeep(t *testing.T) {
	tests := map[string]func(t *testing.T){"m": func(t *testing.T) {}}
	_ = tests
	t.Run("one", func(t *testing.T) {
		t.Run("two", func(t *testing.T) {
			t.Run("three", func(t *testing.T) { Start() })
		})
	})
}

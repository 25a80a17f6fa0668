// Package findings has the leak shapes that attribution and grouping must get right.
package findings

import "time"

// Start leaks a goroutine blocked on a channel nobody sends on.
func Start() chan int {
	c := make(chan int)
	go func() { <-c }()
	return c
}

// Thing starts its loop from a small constructor that the compiler inlines into its caller.
type Thing struct{ c chan int }

// New is inlined: the caller's frame in the ancestor stack prints under New's name.
func New() *Thing {
	t := &Thing{c: make(chan int)}
	t.run()
	return t
}

func (t *Thing) run() { go t.loop() }

func (t *Thing) loop() { <-t.c }

// Cache mimics go-cache: its constructor, inlined into the test as the test's first call,
// ends in a call whose return address still lies in the constructor's inlined code, so no
// frame of the ancestor stack is printed under the test's name.
type Cache struct{ *cache }

type cache struct {
	ttl   time.Duration
	items map[string]int
	stop  chan bool
}

// NewCache is inlined.
func NewCache(ttl, every time.Duration) *Cache {
	items := make(map[string]int)
	return newCacheWithJanitor(ttl, every, items)
}

func newCacheWithJanitor(ttl, every time.Duration, m map[string]int) *Cache {
	c := &cache{ttl: ttl, items: m}
	C := &Cache{c}
	if every > 0 {
		runJanitor(c)
	}
	return C
}

func runJanitor(c *cache) {
	c.stop = make(chan bool)
	go c.janitor()
}

func (c *cache) janitor() { <-c.stop }

// Set stores a value.
func (c *Cache) Set(k string, v int) { c.items[k] = v }

// Generates the benchmark's Go module: many small packages whose tests start and stop goroutines, and leak none.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a module with `count` packages under `dir` (replacing earlier files of the same names). */
export function generateModule(dir, count) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'go.mod'), 'module example.com/bench\n\ngo 1.22\n');
  for (let i = 0; i < count; i++) {
    const name = `p${String(i).padStart(3, '0')}`;
    const pkgDir = join(dir, name);
    mkdirSync(pkgDir, { recursive: true });
    writeFileSync(
      join(pkgDir, `${name}.go`),
      `// Package ${name} fans work out to goroutines and waits for all of them.
package ${name}

import "sync"

// Sum adds xs on one goroutine per element.
func Sum(xs []int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for _, x := range xs {
		wg.Add(1)
		go func(x int) {
			defer wg.Done()
			mu.Lock()
			total += x
			mu.Unlock()
		}(x)
	}
	wg.Wait()
	return total
}
`,
    );
    writeFileSync(
      join(pkgDir, `${name}_test.go`),
      `package ${name}

import "testing"

func TestSum(t *testing.T) {
	if got := Sum([]int{1, 2, 3, ${i}}); got != ${6 + i} {
		t.Fatalf("got %d", got)
	}
}

func TestSumParallel(t *testing.T) {
	for _, n := range []int{1, 10, 100} {
		t.Run("n", func(t *testing.T) {
			t.Parallel()
			xs := make([]int, n)
			if Sum(xs) != 0 {
				t.Fatal("want 0")
			}
		})
	}
}
`,
    );
  }
}

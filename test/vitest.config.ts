import { defineConfig } from 'vitest/config';

// Config lives under test/ because the project's top level is fixed.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn real `go test` runs; Go's build cache makes reruns fast,
    // but a cold cache on CI needs room.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

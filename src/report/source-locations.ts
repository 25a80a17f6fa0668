// file:line locations found in Go's own output, for annotating failures at the right line.
import path from 'node:path';

/** A location as printed by Go, plus the message that followed it. */
export interface PrintedLocation {
  file: string;
  line: number;
  message: string;
}

// `    foo_test.go:27: message`: t.Error/t.Fatal output, file relative to the package dir.
const TEST_LOG = /^\s+([\w.+\-/]+\.go):(\d+): (.*)$/;
// `dir/foo.go:7:9: message` or `./foo.go:7: message` from the compiler or vet.
const COMPILER = /^(\.{0,2}\/?[^\s:]+\.go):(\d+)(?::\d+)?: (.*)$/;

/** The first `file.go:N:` line a test logged, with the file made module-relative. */
export function testLogLocation(lines: readonly string[], packageDir: string): PrintedLocation | undefined {
  for (const line of lines) {
    const m = TEST_LOG.exec(line);
    if (m) return { file: path.posix.join(packageDir, m[1]!), line: Number(m[2]), message: m[3]! };
  }
  return undefined;
}

/**
 * Every compiler or vet error in build output. `go test` run from the module root prints
 * paths relative to it, so they are taken as module-relative (absolute ones stay absolute).
 */
export function buildErrorLocations(text: string): PrintedLocation[] {
  const found: PrintedLocation[] = [];
  for (const line of text.split('\n')) {
    const m = COMPILER.exec(line.trim());
    if (m) found.push({ file: path.posix.normalize(m[1]!), line: Number(m[2]), message: m[3]! });
  }
  return found;
}

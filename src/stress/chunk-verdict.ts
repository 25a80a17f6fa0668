// Pure: what one chunk of runs found, from its exit and the check's results files, and the
// test binary arguments that make a chunk.
import type { PackageResults } from '../parse/apply-results.js';
import { parseCrash } from '../parse/crash-text.js';
import type { ChunkConfig } from './chunk-plan.js';
import type { StressFlags } from './stress-flags.js';

/** `clean`: no leftover goroutine, every test passed; anything else stops the package's loop. */
export type ChunkVerdict = 'clean' | 'leaked' | 'hung' | 'failed';

/** Judges a finished chunk: a leak or a hung test is what the loop hunts; a failure stops it too. */
export function chunkVerdict(exitCode: number, results: PackageResults): ChunkVerdict {
  if (parseCrash(results.crash ?? '')?.timeout) return 'hung';
  // A waiting record without a final one: a leftover goroutine took the binary down during the wait.
  if ((results.final?.groups.length ?? 0) > 0 || (results.waiting && !results.final)) return 'leaked';
  // Exit 0 without a final record means the check did not run: that must not pass for clean.
  if (exitCode !== 0 || !results.final) return 'failed';
  return 'clean';
}

/** The test binary's arguments for a chunk, in go test's order: ours, the user's, then -args. */
export function chunkArgs(chunk: ChunkConfig, flags: StressFlags): string[] {
  return [
    '-test.v=test2json',
    '-test.paniconexit0',
    `-test.count=${chunk.count}`,
    `-test.cpu=${chunk.cpu.join(',')}`,
    `-test.shuffle=${chunk.shuffle}`,
    `-test.timeout=${chunk.timeoutMs}ms`,
    ...flags.test,
    ...flags.binaryArgs,
  ];
}

/** Rounds a chunk that ran to its end ran: -count times each -cpu value. */
export function plannedRounds(chunk: ChunkConfig): number {
  return chunk.count * chunk.cpu.length;
}

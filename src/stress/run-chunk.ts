// I/O: runs one chunk (the package's test binary with -count=K) under the supervisor, and
// reads what it left: the check's results files, its round log, and, when it found
// something, its output as go test -json events folded into the package's run.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageRun } from '../model.js';
import { mapOverlayPaths } from '../overlay/index.js';
import { applyResults, createEventParser, createRunFold, isParseWarning, type PackageResults } from '../parse/index.js';
import { readResults } from '../run/read-results.js';
import { buildTestEnv } from '../run/test-env.js';
import type { ChunkConfig } from './chunk-plan.js';
import { chunkArgs, chunkVerdict, type ChunkVerdict, plannedRounds } from './chunk-verdict.js';
import { parseRoundLog, type RoundLog } from './round-log.js';
import type { StressFlags } from './stress-flags.js';
import { PERTURB_ENV, STRESS_LOG_ENV } from './stress-overlay.js';
import type { ProcessEnd, Supervisor } from './supervisor.js';

/** A finished chunk. */
export interface ChunkResult {
  chunk: ChunkConfig;
  end: ProcessEnd;
  verdict: ChunkVerdict;
  log: RoundLog;
  results: PackageResults;
  /** Its directory: output, results and log; removed for a clean chunk. */
  dir: string;
}

/** Runs a chunk to its end (or until `onStart`'s id is killed). */
export async function runChunk(opts: {
  supervisor: Supervisor;
  binary: string;
  importPath: string;
  packageDir: string;
  chunk: ChunkConfig;
  flags: StressFlags;
  env: NodeJS.ProcessEnv;
  dir: string;
  onStart?: (id: number) => void;
}): Promise<ChunkResult> {
  const { chunk, dir } = opts;
  const resultsDir = join(dir, 'results');
  await mkdir(resultsDir, { recursive: true });
  const logFile = join(dir, 'rounds.log');
  const env = {
    ...buildTestEnv(opts.env, resultsDir),
    [PERTURB_ENV]: String(chunk.perturbSeed ?? 0),
    [STRESS_LOG_ENV]: logFile,
  };
  const end = await opts.supervisor.run(
    { argv: [opts.binary, ...chunkArgs(chunk, opts.flags)], env, dir: opts.packageDir, out: join(dir, 'output') },
    opts.onStart,
  );
  const results = (await readResults(resultsDir, [opts.importPath])).get(opts.importPath) ?? {};
  const logText = await readFile(logFile, 'utf8').catch(() => '');
  const verdict = end.error ? 'failed' : chunkVerdict(end.exitCode, results);
  let log = parseRoundLog(logText, end.pid ?? -1);
  if (log.rounds === 0 && verdict === 'clean' && (await ranTests(join(dir, 'output')))) {
    // Tests ran but logged nothing (no test function the helper could hook): each ran every round.
    log = { ...log, rounds: plannedRounds(chunk) };
  }
  if (verdict === 'clean') await rm(dir, { recursive: true, force: true });
  return { chunk, end, verdict, log, results, dir };
}

// test2json's framing byte, then a test's start line: `-test.v=test2json` prints it for every test.
async function ranTests(output: string): Promise<boolean> {
  const text = await readFile(output, 'latin1').catch(() => '');
  return text.includes('\x16=== RUN ');
}

/** The chunk's output as go test would have reported it: events through test2json, folded, results applied. */
export async function chunkRun(opts: {
  go: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  importPath: string;
  result: ChunkResult;
  key: string;
  tempToOriginal: Record<string, string>;
}): Promise<PackageRun | undefined> {
  const { result } = opts;
  const output = await readFile(join(result.dir, 'output')).catch(() => Buffer.alloc(0));
  const fold = createRunFold({
    rewriteOutput: (line) => mapOverlayPaths(line, opts.tempToOriginal, opts.cwd),
    key: opts.key,
  });
  let finished = false;
  const parseEventLine = createEventParser();
  for (const line of await test2json(opts, output)) {
    const event = parseEventLine(line);
    if (isParseWarning(event)) continue;
    finished ||= event.Test === undefined && (event.Action === 'pass' || event.Action === 'fail');
    fold.push(event);
  }
  if (!finished) {
    // What go test adds once the binary has exited (test2json reading stdin cannot know the exit).
    const passed = result.end.exitCode === 0;
    const seconds = Math.round(result.end.ms) / 1000;
    const line = `${passed ? 'ok  ' : 'FAIL'}\t${opts.importPath}\t${seconds.toFixed(3)}s\n`;
    fold.push({ Action: 'output', Package: opts.importPath, Output: line });
    fold.push({ Action: passed ? 'pass' : 'fail', Package: opts.importPath, Elapsed: seconds });
  }
  const run = fold.result().find((r) => r.importPath === opts.importPath);
  if (!run) return undefined;
  // test2json timed its own reading of the output; the chunk's time is the supervisor's.
  const timed = { ...run, elapsedSeconds: Math.round(result.end.ms) / 1000 };
  return applyResults(timed, result.results, { goTestPassed: result.end.exitCode === 0 });
}

// `go tool test2json -t -p PKG` reading the output on stdin, as go test converts a binary's output.
function test2json(
  opts: { go: string; cwd: string; env: NodeJS.ProcessEnv; importPath: string },
  input: Buffer,
): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(opts.go, ['tool', 'test2json', '-t', '-p', opts.importPath], {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stdin.on('error', () => undefined);
    child.on('error', () => resolve([]));
    child.on('close', () => resolve(Buffer.concat(out).toString('utf8').split('\n')));
    child.stdin.end(input);
  });
}

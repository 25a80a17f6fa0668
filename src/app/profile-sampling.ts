// Reading the URL sources: rounds of concurrent requests, --interval apart by the clock, then
// each instance's goroutineleak profile. A source that fails its first request stops the command
// (exit 2); a later failed sample is a note, and the series goes on without it.
import { GoleakRunError } from '../errors.js';
import type { IgnoreRule } from '../model.js';
import { fetchProfile, ProfileSourceError } from '../profile/fetch-profile.js';
import type { InstanceData } from '../profile/judge.js';
import type { ProfileOptions } from '../profile/profile-options.js';
import type { ReportSource } from '../profile/profile-report.js';
import type { PprofEndpoints } from '../profile/pprof-url.js';
import { tallyProfile } from '../profile/tally-profile.js';
import type { ProfileDeps } from './profile-main.js';
import type { TerminalStream } from './progress-line.js';
import { progressEnabled } from './terminal.js';

/** One SOURCE while it is being read. */
export interface Instance {
  report: ReportSource;
  data: InstanceData;
  endpoints?: PprofEndpoints;
}

/** What every request of a run shares. */
export interface SamplingContext {
  opts: ProfileOptions;
  deps: ProfileDeps;
  rules: IgnoreRule[];
  signal: AbortSignal;
}

/** Prints every problem but the last, one line each, and throws the last: exit code 2. */
export function throwAll(failures: string[], stderr: TerminalStream): void {
  if (failures.length === 0) return;
  for (const f of failures.slice(0, -1)) stderr.write(`goleak-run: ${f}\n`);
  throw new ProfileSourceError(failures[failures.length - 1] as string);
}

/** Samples every URL source (undefined entries are files); the instances, in SOURCE order. */
export async function sampleUrls(
  ctx: SamplingContext,
  endpoints: ReadonlyArray<PprofEndpoints | undefined>,
): Promise<Array<Instance | undefined>> {
  const { opts, deps, signal } = ctx;
  const out: Array<Instance | undefined> = endpoints.map((e) =>
    e === undefined ? undefined : { endpoints: e, report: urlReport(e, opts), data: { samples: [] } },
  );
  const live = out.filter((i): i is Instance => i !== undefined);
  if (live.length === 0) return out;
  const start = deps.now().getTime();
  const showProgress = opts.samples > 1 && progressEnabled(deps.env, deps.stderr.isTTY === true);
  for (let round = 0; round < opts.samples; round++) {
    const due = start + round * (opts.intervalMs ?? 0);
    const wait = due - deps.now().getTime();
    if (round > 0 && wait > 0) await deps.sleep(wait, signal);
    const results = await Promise.allSettled(live.map((inst) => sampleOnce(inst, ctx)));
    if (signal.aborted) throw new Error('interrupted');
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    // Only source errors (one line, redacted) become messages; anything else is a bug to surface.
    const unexpected = failed.find((e) => !(e instanceof GoleakRunError));
    if (unexpected !== undefined) throw unexpected;
    if (round === 0)
      throwAll(
        failed.map((e) => (e as Error).message),
        deps.stderr,
      );
    results.forEach((r, i) => {
      if (r.status === 'rejected' && round > 0) {
        const note = `sample ${round + 1} failed: ${(r.reason as Error).message}`;
        (live[i] as Instance).report.notes.push(note);
        deps.stderr.write(`goleak-run: ${note}\n`);
      }
    });
    if (showProgress) deps.stderr.write(`goleak-run: sample ${round + 1}/${opts.samples} read\n`);
  }
  if (opts.leakProfile) await Promise.all(live.map((inst) => readLeakProfile(inst, ctx)));
  for (const inst of live) {
    const last = inst.data.samples[inst.data.samples.length - 1];
    inst.report.samples = inst.data.samples.length;
    inst.report.goroutines = last?.tally.goroutines ?? 0;
  }
  return out;
}

function urlReport(e: PprofEndpoints, opts: ProfileOptions): ReportSource {
  const format = opts.debug === 2 ? 'debug=2' : opts.debug === 1 ? 'debug=1' : 'pprof';
  const leakProfile = opts.leakProfile ? 'failed' : 'off';
  return {
    source: e.display,
    kind: 'url',
    format,
    profile: 'goroutine',
    samples: 0,
    goroutines: 0,
    leakProfile,
    warnings: 0,
    notes: [],
  };
}

async function sampleOnce(inst: Instance, { opts, deps, rules, signal }: SamplingContext): Promise<void> {
  const e = inst.endpoints as PprofEndpoints;
  const takenAtMs = deps.now().getTime();
  const request = { url: e.goroutine, display: e.display, headers: e.headers, timeoutMs: opts.timeoutMs, signal };
  const res = await fetchProfile(deps.fetch, request);
  if (res.status === 'not-found') {
    throw new ProfileSourceError(
      `expected a goroutine profile from ${e.display}, found HTTP 404 Not Found (is net/http/pprof served there?)`,
    );
  }
  const read = tallyProfile(res, rules);
  if (!read.ok) throw new ProfileSourceError(`expected a goroutine profile from ${e.display}, found ${read.found}`);
  inst.report.format = read.profile.format;
  inst.report.profile = read.profile.kind;
  inst.report.warnings += read.profile.warnings.count;
  inst.data.samples.push({ takenAtMs, tally: read.tally });
}

async function readLeakProfile(inst: Instance, { opts, deps, rules, signal }: SamplingContext): Promise<void> {
  const e = inst.endpoints as PprofEndpoints;
  const request = {
    url: e.leak,
    display: e.display,
    headers: e.headers,
    timeoutMs: opts.timeoutMs,
    signal,
    what: 'goroutineleak profile',
  };
  try {
    const res = await fetchProfile(deps.fetch, request);
    if (res.status === 'not-found') {
      inst.report.leakProfile = 'not-served';
      return;
    }
    const read = tallyProfile(res, rules);
    if (!read.ok || read.profile.kind !== 'goroutineleak') {
      throw new ProfileSourceError(
        `expected a goroutineleak profile from ${e.display}, found ${read.ok ? 'a goroutine profile' : read.found}`,
      );
    }
    inst.data.leakProfile = read.tally;
    inst.report.leakProfile = 'read';
  } catch (error) {
    if (signal.aborted || !(error instanceof GoleakRunError)) throw error;
    const note = error.message;
    inst.report.notes.push(note);
    deps.stderr.write(`goleak-run: ${note}\n`);
  }
}

// Pure: the stress options and go test flags checked together, before anything runs.
import type { GoTestFlags } from '../run/go-test-flags.js';
import { splitStressFlags, type StressFlags } from './stress-flags.js';
import { parseStressRequest, type StressRequest } from './stress-options.js';

/** What --stress and --stress-perturb ask for, with the go test flags sorted for the stress loop. */
export interface StressSetup {
  request: StressRequest;
  flags: StressFlags;
}

/**
 * Checks --stress and --stress-perturb (and, with --stress, the go test flags); one-line
 * UsageError otherwise. Undefined when neither option was given.
 */
export function checkStress(
  opts: { stress?: string; stressPerturb?: string },
  flags: GoTestFlags,
): StressSetup | undefined {
  if (opts.stress === undefined && opts.stressPerturb === undefined) return undefined;
  const request = parseStressRequest(opts.stress, opts.stressPerturb);
  const split = request.budgetMs === undefined ? { build: [], test: [], binaryArgs: [] } : splitStressFlags(flags);
  return { request, flags: split };
}

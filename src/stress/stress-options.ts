// Pure validation of --stress DURATION and --stress-perturb on|off|SEED.
import { DURATION_HINT, parseDuration } from '../config/duration.js';
import { UsageError } from '../errors.js';

/** Longest budget per package: a day; a longer hunt is a job for several runs. */
const MAX_STRESS_BUDGET_MS = 86_400_000;

/** Largest perturbation seed: seeds are drawn below 2^31 and must survive JSON, Go and shells. */
const MAX_PERTURB_SEED = 2 ** 53 - 1;

/** `on`: a fresh seed per chunk of runs; `off`: no perturbation; a number: that seed throughout. */
export type PerturbMode = 'on' | 'off' | number;

/** What the stress options ask for. */
export interface StressRequest {
  /** `--stress`: time to spend per package, in milliseconds; absent without --stress. */
  budgetMs?: number;
  perturb: PerturbMode;
  /** --stress-perturb was given (without --stress, a seed turns perturbation on for a normal run). */
  perturbGiven: boolean;
}

/** Parses the two options as the user wrote them; one-line UsageError otherwise. */
export function parseStressRequest(stress: string | undefined, perturb: string | undefined): StressRequest {
  const out: StressRequest = { perturb: 'on', perturbGiven: perturb !== undefined };
  if (stress !== undefined) {
    let ms: number;
    try {
      ms = parseDuration(stress);
    } catch (cause) {
      throw new UsageError(`expected --stress to be ${DURATION_HINT}, found "${stress}"`, { cause });
    }
    if (ms < 1000 || ms > MAX_STRESS_BUDGET_MS) {
      throw new UsageError(`expected --stress between 1s and 24h per package, found ${stress}`);
    }
    out.budgetMs = ms;
  }
  if (perturb !== undefined) out.perturb = parsePerturb(perturb);
  if (stress === undefined && out.perturb === 'on' && out.perturbGiven) {
    throw new UsageError('expected --stress DURATION or a seed with --stress-perturb=on, found neither');
  }
  return out;
}

function parsePerturb(text: string): PerturbMode {
  if (text === 'on' || text === 'off') return text;
  if (/^[1-9]\d{0,15}$/.test(text) && Number(text) <= MAX_PERTURB_SEED) return Number(text);
  throw new UsageError(`expected --stress-perturb to be on, off or a seed (a positive integer), found "${text}"`);
}

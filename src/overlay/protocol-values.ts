// The template values that come from the check protocol (src/check-protocol.ts), as Go literals.
import {
  CRASH_SUFFIX,
  EXIT_SUFFIX,
  INTERNAL_FRAMES,
  RECORD_PREFIX,
  RESULTS_ENV,
  RUN_SUFFIX,
  resultId,
} from '../check-protocol.js';
import { DEPENDENCY_INIT_GO } from '../classify/dependency-init.js';
import { goRuleCases } from '../rule-kinds.js';
import { goRuleLiterals } from './render-template.js';

// JSON string syntax is a subset of Go's interpreted string literal syntax.
const goString = (value: string): string => JSON.stringify(value);

/**
 * Placeholder values shared by every copy of the check in one package; with `modulePath` ''
 * the check drops no dependency's init goroutines.
 */
export function protocolValues(importPath: string, key: string, modulePath = ''): Record<string, string> {
  return {
    INTERNAL_FRAMES: goRuleLiterals(
      INTERNAL_FRAMES.map((func) => ({ kind: 'top', func, reason: '', origin: 'built-in' })),
    ),
    RECORD_PREFIX: goString(RECORD_PREFIX),
    RESULTS_ENV: goString(RESULTS_ENV),
    RESULT_ID: goString(resultId(importPath)),
    CRASH_SUFFIX: goString(CRASH_SUFFIX),
    EXIT_SUFFIX: goString(EXIT_SUFFIX),
    RUN_SUFFIX: goString(RUN_SUFFIX),
    KEY: goString(key),
    IMPORT_PATH: goString(importPath),
    RULE_CASES: goRuleCases(),
    MODULE_PATH: goString(modulePath),
    DEPENDENCY_INIT: DEPENDENCY_INIT_GO,
  };
}

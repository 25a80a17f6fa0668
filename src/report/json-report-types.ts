// The versioned JSON document of `--json`; src/report/README.md describes every field.
import type { PackageStatus, Summary } from '../model.js';

/** The whole JSON report, schema version 1. */
export interface JsonReport {
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** `go version` of the toolchain that ran the tests, e.g. `go1.26.8`. */
  go: string;
  /** Module path. */
  module: string;
  startedAt: string;
  durationSeconds: number;
  summary: Summary;
  packages: JsonPackage[];
  stale: JsonStaleEntry[];
  /** Lines go printed on stderr or outside its JSON events, in order (e.g. a -coverpkg pattern matching nothing). */
  warnings: string[];
}

/** One package of the run. */
export interface JsonPackage {
  importPath: string;
  dir: string;
  status: PackageStatus;
  elapsedSeconds: number;
  cached: boolean;
  tests: { passed: string[]; failed: string[]; skipped: string[] };
  failures: string[];
  warnings: string[];
  ignored: number;
  leaks: JsonLeak[];
}

/** One group of identical leaked goroutines. */
export interface JsonLeak {
  count: number;
  state: string;
  waitMinutes: number | null;
  topFunction: string;
  createdBy: string | null;
  createdAt: { file: string; line: number } | null;
  test: string;
  source: 'end-of-run' | 'timeout';
  provenByGc: boolean;
  fingerprint: string;
  /** Present only when the run used a baseline. */
  baseline?: 'new' | 'known';
  stack: JsonFrame[];
}

/** One stack frame of a representative goroutine. */
export interface JsonFrame {
  function: string;
  file: string;
  line: number;
}

/** A baseline entry that no longer occurs. */
export interface JsonStaleEntry {
  fingerprint: string;
  package: string;
  test: string;
  summary: string;
}

// The profile command's report, the one shape both the console and the JSON file are made from.
// JSON field names and meanings are documented in src/profile/README.md; within a schemaVersion
// they are never renamed or removed.
import type { Judgement, Suspect, SuspectReason } from './judge.js';
import type { ProfileFormat, ReadProfile, StackFrame } from './profile-types.js';

/** Version of the JSON report; bumped only when a field changes meaning or goes away. */
const PROFILE_SCHEMA_VERSION = 1;

/** How the goroutineleak profile went for a source. */
type LeakProfileStatus = 'read' | 'not-served' | 'failed' | 'off' | 'file';

/** One SOURCE as the report shows it. */
export interface ReportSource {
  /** The file path, or the URL with secrets redacted. */
  source: string;
  kind: 'file' | 'url';
  format: ProfileFormat;
  profile: ReadProfile['kind'];
  /** Samples read; a URL's failed later samples are in `notes`. */
  samples: number;
  /** Goroutines in the last sample. */
  goroutines: number;
  leakProfile: LeakProfileStatus;
  /** Lines or records the reader skipped (odd lines of a crash dump, say). */
  warnings: number;
  notes: string[];
}

/** A frame in the JSON report. */
export interface ReportFrame {
  function: string;
  file: string;
  line: number;
}

/** One suspect in the JSON report. */
export interface ReportSuspect {
  rank: number;
  count: number;
  instances: number;
  state: string;
  function: string;
  location: { file: string; line: number };
  maxWaitMinutes: number | null;
  growthPerHour: number | null;
  provenByGc: boolean;
  provenCount: number;
  reasons: SuspectReason[];
  createdBy: ReportFrame | null;
  stack: ReportFrame[];
}

/** The whole report. */
export interface ProfileReport {
  schemaVersion: typeof PROFILE_SCHEMA_VERSION;
  tool: { name: 'goleak-run'; version: string };
  generatedAt: string;
  threshold: number;
  sampling: { samples: number; intervalSeconds: number | null };
  summary: {
    instances: number;
    goroutines: number;
    blocked: number;
    ignored: number;
    notSuspect: number;
    suspects: number;
  };
  sources: ReportSource[];
  suspects: ReportSuspect[];
}

/** Everything the report is built from. */
export interface ReportInput {
  version: string;
  generatedAt: Date;
  threshold: number;
  samples: number;
  intervalMs?: number;
  sources: ReportSource[];
  judgement: Judgement;
}

/** Builds the report; exit code 1 when it has suspects. */
export function buildProfileReport(input: ReportInput): ProfileReport {
  const j = input.judgement;
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    tool: { name: 'goleak-run', version: input.version },
    generatedAt: input.generatedAt.toISOString(),
    threshold: input.threshold,
    sampling: {
      samples: input.samples,
      intervalSeconds: input.intervalMs === undefined ? null : input.intervalMs / 1000,
    },
    summary: {
      instances: input.sources.length,
      goroutines: j.goroutines,
      blocked: j.blocked,
      ignored: j.ignored,
      notSuspect: j.notSuspect,
      suspects: j.suspects.length,
    },
    sources: input.sources,
    suspects: j.suspects.map(toReportSuspect),
  };
}

/** Exit code of a finished analysis: 1 with suspects, 0 without. */
export function profileExitCode(report: ProfileReport): 0 | 1 {
  return report.suspects.length > 0 ? 1 : 0;
}

/** The JSON file's text: two-space indented, newline-terminated. */
export function formatProfileJson(report: ProfileReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function toReportSuspect(s: Suspect, i: number): ReportSuspect {
  return {
    rank: i + 1,
    count: s.count,
    instances: s.instances,
    state: s.state,
    function: s.function,
    location: { file: s.file, line: s.line },
    maxWaitMinutes: s.maxWaitMinutes ?? null,
    growthPerHour: s.growthPerHour === undefined ? null : Math.round(s.growthPerHour * 10) / 10,
    provenByGc: s.provenCount > 0,
    provenCount: s.provenCount,
    reasons: s.reasons,
    createdBy: s.createdBy ? frame(s.createdBy) : null,
    stack: s.stack.map(frame),
  };
}

function frame(f: StackFrame): ReportFrame {
  return { function: f.func, file: f.file, line: f.line };
}

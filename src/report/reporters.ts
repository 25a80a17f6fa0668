// The reporter registry: one entry per reporter drives its CLI option, its config key, its
// default and its writer. Adding a reporter is its format-<name>.ts plus one entry here.
import type { RunReport } from '../model.js';

/** Where a file reporter's text goes: standard output (given as `-`) or a file (absolute path). */
export type Destination = { kind: 'stdout' } | { kind: 'file'; path: string };

/** What a formatter may need besides the report. */
interface FormatContext {
  /** Repository root, which CI formats print paths relative to. */
  repoRoot: string;
}

/** Turns the report into a reporter's text. */
type Formatter = (report: RunReport, ctx: FormatContext) => string;

interface ReporterBase {
  /** Kebab-case name: the option is `--<name>`, the config key (when `configHelp` is set) its camelCase. */
  name: string;
  /** Help line of the option. */
  help: string;
  /** Description of the config key under `reporters:`; a reporter without one is CLI-only. */
  configHelp?: string;
  /** Loaded on demand: the formatter libraries cost start-up time that every run pays. */
  load: () => Promise<Formatter>;
}

/** A reporter that writes to FILE, or to stdout when given `-`. */
export interface FileReporter extends ReporterBase {
  kind: 'file';
  /** Appends instead of replacing (GitHub's step summary gathers every step's output). */
  append: boolean;
  /** The file used when neither the command line nor the config names one. */
  defaultPath?: (env: NodeJS.ProcessEnv, isOn: (reporter: string) => boolean) => string | undefined;
}

/** A reporter switched on or off, printed on the human stream after the console report. */
export interface StreamReporter extends ReporterBase {
  kind: 'stream';
  /** Help line of `--no-<name>`. */
  offHelp: string;
  /** Whether it is on when neither the command line nor the config says. */
  defaultOn: (env: NodeJS.ProcessEnv) => boolean;
}

/** Any registered reporter. */
export type Reporter = FileReporter | StreamReporter;

/** Every reporter besides the console, in option order (the order of --help and of writing). */
export const REPORTERS: readonly Reporter[] = [
  {
    kind: 'file',
    name: 'json',
    help: 'write the JSON report to FILE (- for stdout)',
    configHelp: 'Write the JSON report here (- for stdout).',
    append: false,
    load: async () => (await import('./format-json.js')).formatJson,
  },
  {
    kind: 'file',
    name: 'junit',
    help: 'write a JUnit XML report to FILE (- for stdout)',
    configHelp: 'Write a JUnit XML report here (- for stdout).',
    append: false,
    load: async () => (await import('./format-junit.js')).formatJunit,
  },
  {
    kind: 'file',
    name: 'tap',
    help: 'write a TAP 14 report to FILE (- for stdout)',
    configHelp: 'Write a TAP report here (- for stdout).',
    append: false,
    load: async () => (await import('./format-tap.js')).formatTap,
  },
  {
    kind: 'stream',
    name: 'github-annotations',
    help: 'emit GitHub Actions annotations (default: when GITHUB_ACTIONS=true)',
    offHelp: 'never emit GitHub Actions annotations',
    configHelp: 'Print GitHub Actions annotations.',
    defaultOn: (env) => env.GITHUB_ACTIONS === 'true',
    load: async () => (await import('./format-github-annotations.js')).formatGithubAnnotations,
  },
  {
    kind: 'file',
    name: 'step-summary',
    help: 'append a Markdown summary to FILE (default: $GITHUB_STEP_SUMMARY)',
    append: true,
    defaultPath: (env, isOn) => (isOn('github-annotations') && env.GITHUB_STEP_SUMMARY) || undefined,
    load: async () => (await import('./format-step-summary.js')).formatStepSummary,
  },
];

/** `step-summary` → `stepSummary`: the key of a reporter in options and in the config. */
export function reporterKey(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The reporters that have a key under `reporters:` in the config file. */
export function configurableReporters(): Reporter[] {
  return REPORTERS.filter((r) => r.configHelp !== undefined);
}
